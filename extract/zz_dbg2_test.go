//go:build dev

package extract

import (
	"fmt"
	"testing"
)

func TestDbg2(t *testing.T) {
	text := "The MTF module is a Multi-modal Trusted Fusion (MTF) module."
	toks := tokenize(text, 0)
	for _, d := range definitions(text, toks) {
		fmt.Printf("def %q = %q\n", text[d.short.start:d.short.end], text[d.long.start:d.long.end])
	}
}

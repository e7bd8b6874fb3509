//go:build dev

package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestDbg(t *testing.T) {
	for _, e := range Extract(os.Getenv("T"), os.Getenv("A")) {
		fmt.Printf("%-30s %-9s %-10s %d@%d %v\n", e.Name, e.Type, e.Role, e.Count, e.Offset, e.Aliases)
	}
}

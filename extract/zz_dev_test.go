//go:build dev

package extract

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/paperkg/paperkg/extract/lexicon"
)

func TestDevDump(t *testing.T) {
	path := os.Getenv("DEVFILE")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var opt Options
	if d := os.Getenv("DEVLEX"); d != "" {
		l, err := lexicon.Load(os.DirFS(d))
		if err != nil {
			t.Fatal(err)
		}
		opt.Lexicon = l
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var title string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "title: "):
			title = line[7:]
		case strings.HasPrefix(line, "abstract: "):
			fmt.Printf("== %s\n", title)
			for _, e := range ExtractWith(title, line[10:], opt) {
				fmt.Printf("   %-30s %-9s %-10s %d %v\n", e.Name, e.Type, e.Role, e.Count, e.Aliases)
			}
		}
	}
}

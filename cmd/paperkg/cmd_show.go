package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
)

func showCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "show a paper and the entities found in it",
		ArgsUsage: "PAPER (an id or words of the title)",
		Flags:     []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("show needs a PAPER: an id or words of its title")
			}
			return runShow(c, e, joinWords(c.Args().Slice()), c.Bool("json"))
		},
	}
}

// shownEntity is an entity as a paper mentions it.
type shownEntity struct {
	ID     string       `json:"id"`
	Name   string       `json:"name"`
	Type   extract.Type `json:"type"`
	Role   extract.Role `json:"role"`
	Count  int          `json:"count"`
	Papers int          `json:"papers"`
}

type shownPaper struct {
	ID       string        `json:"id"`
	Paper    corpus.Paper  `json:"paper"`
	Entities []shownEntity `json:"entities"`
}

func runShow(c *cli.Context, e *env, query string, asJSON bool) error {
	db, err := openDB(c, true)
	if err != nil {
		return err
	}
	defer db.Close()
	pid, p, err := findPaper(e, db, query)
	if err != nil {
		return err
	}
	ms, err := db.Mentions(pid)
	if err != nil {
		return err
	}
	out := shownPaper{ID: pid, Paper: p, Entities: []shownEntity{}}
	for _, m := range ms {
		ent, err := db.Entity(m.EID)
		if err != nil {
			return err
		}
		out.Entities = append(out.Entities, shownEntity{ID: ent.ID, Name: ent.Name, Type: ent.Type, Role: m.Role, Count: m.Count, Papers: ent.Papers})
	}
	sort.SliceStable(out.Entities, func(i, j int) bool {
		a, b := out.Entities[i], out.Entities[j]
		if a.Role != b.Role {
			return a.Role == extract.Introduces
		}
		return a.Name < b.Name
	})
	if asJSON {
		return writeJSON(e.stdout, out)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s\n%s\n", p.Title, strings.Repeat("=", min(len([]rune(p.Title)), 80)))
	fmt.Fprintf(w, "id:       %s\n", pid)
	if p.Year != 0 {
		fmt.Fprintf(w, "year:     %d\n", p.Year)
	}
	if len(p.Authors) > 0 {
		fmt.Fprintf(w, "authors:  %s\n", clip(strings.Join(p.Authors, ", "), 100))
	}
	if p.URL != "" {
		fmt.Fprintf(w, "url:      %s\n", p.URL)
	}
	if p.Abstract != "" {
		fmt.Fprintf(w, "\n%s\n", wrap(p.Abstract, 80))
	}
	fmt.Fprintf(w, "\nentities (%d):\n", len(out.Entities))
	tw := newTable(w)
	for _, en := range out.Entities {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", en.Name, en.Type, en.Role, paperCount(en.Papers))
	}
	return tw.Flush()
}

// wrap folds text into lines of at most width runes, at spaces.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(s) {
		l := len([]rune(word))
		if i > 0 {
			if n+1+l > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += l
	}
	return b.String()
}

package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

func entitiesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "entities",
		Usage: "list entities with the number of papers that mention them",
		Flags: []cli.Flag{
			jsonFlag,
			&cli.StringFlag{Name: "type", Usage: "only entities of `TYPE`: model, dataset, benchmark or method"},
			&cli.IntFlag{Name: "top", Value: 50, Usage: "list the `N` most mentioned (0: all)"},
		},
		Action: func(c *cli.Context) error {
			typ := c.String("type")
			if typ != "" {
				if err := checkChoice("type", typ, "model", "dataset", "benchmark", "method"); err != nil {
					return err
				}
			}
			return runEntities(c, e, extract.Type(typ), c.Int("top"), c.Bool("json"))
		},
	}
}

func runEntities(c *cli.Context, e *env, typ extract.Type, top int, asJSON bool) error {
	db, err := openDB(c, true)
	if err != nil {
		return err
	}
	defer db.Close()
	ents := []store.Entity{}
	err = db.EachEntity(c.Context, func(en store.Entity) error {
		if typ == "" || en.Type == typ {
			ents = append(ents, en)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Slice(ents, func(i, j int) bool {
		if ents[i].Papers != ents[j].Papers {
			return ents[i].Papers > ents[j].Papers
		}
		return ents[i].Name < ents[j].Name
	})
	if top > 0 && len(ents) > top {
		ents = ents[:top]
	}
	if asJSON {
		return writeJSON(e.stdout, ents)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "PAPERS\tINTRODUCED\tTYPE\tNAME\tALSO")
	for _, en := range ents {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\n", en.Papers, en.Introduced, en.Type, en.Name, clip(strings.Join(en.Aliases, ", "), 60))
	}
	return tw.Flush()
}

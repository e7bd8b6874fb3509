package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/graph"
)

type relatedOptions struct {
	papers       []string // ids or title words, one paper each
	entity       string
	limit        int
	entityWeight float64
	json         bool
}

func relatedCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "related",
		Usage:     "list the papers most related to a paper (or to an entity), and why",
		ArgsUsage: "PAPER... (ids or quoted title words; - reads ids from standard input)",
		Description: "Ranks papers by how alike their titles and abstracts are to the given papers'\n" +
			"(BM25), raised by the entities they share with them, each weighted by its rarity\n" +
			"(idf); lists the shared entities and terms that explain each result.",
		Flags: []cli.Flag{
			jsonFlag,
			&cli.StringFlag{Name: "entity", Usage: "papers of the entity `NAME` instead of a paper's neighbours"},
			&cli.IntFlag{Name: "limit", Value: 10, Usage: "list at most `N` papers"},
			&cli.Float64Flag{Name: "entity-weight", Value: graph.DefaultEntityWeight,
				Usage: "how much shared entities raise text similarity, `B` (0: text alone)"},
		},
		Action: func(c *cli.Context) error {
			opts := relatedOptions{entity: c.String("entity"), limit: c.Int("limit"),
				entityWeight: c.Float64("entity-weight"), json: c.Bool("json")}
			if opts.entityWeight < 0 {
				return usagef("invalid --entity-weight %g, must be 0 or more", opts.entityWeight)
			}
			for _, a := range c.Args().Slice() {
				if a != "-" {
					opts.papers = append(opts.papers, a)
					continue
				}
				sc := bufio.NewScanner(e.stdin)
				for sc.Scan() {
					if s := strings.TrimSpace(sc.Text()); s != "" {
						opts.papers = append(opts.papers, s)
					}
				}
				if err := sc.Err(); err != nil {
					return fmt.Errorf("read standard input: %w", err)
				}
			}
			if (opts.entity == "") == (len(opts.papers) == 0) {
				return usagef("related needs either PAPER arguments or --entity NAME")
			}
			return runRelated(c, e, opts)
		},
	}
}

func runRelated(c *cli.Context, e *env, opts relatedOptions) error {
	db, err := openDB(c, true)
	if err != nil {
		return err
	}
	defer db.Close()
	ropt := graph.RelatedOptions{Limit: opts.limit, EntityWeight: opts.entityWeight}
	if opts.entityWeight == 0 {
		ropt.EntityWeight = -1 // graph reads 0 as the default
	}
	var rels []graph.Relation
	var about string
	if opts.entity != "" {
		rels, err = graph.RelatedToEntity(c.Context, db, opts.entity, ropt)
		if err != nil {
			return notFound(err, fmt.Sprintf("entity %q", opts.entity))
		}
		about = fmt.Sprintf("entity %q", opts.entity)
	} else {
		var pids, titles []string
		for _, q := range opts.papers {
			pid, p, err := findPaper(e, db, q)
			if err != nil {
				return err
			}
			pids = append(pids, pid)
			titles = append(titles, fmt.Sprintf("%s %q", pid, clip(p.Title, 70)))
		}
		rels, err = graph.Related(c.Context, db, pids, ropt)
		if err != nil {
			return err
		}
		about = strings.Join(titles, ", ")
	}
	if opts.json {
		if rels == nil {
			rels = []graph.Relation{}
		}
		return writeJSON(e.stdout, rels)
	}
	w := e.stdout
	fmt.Fprintf(w, "related to %s:\n", about)
	if len(rels) == 0 {
		fmt.Fprintln(w, "  no paper shares an entity or a distinctive term with it")
		return nil
	}
	for i, r := range rels {
		if opts.entity != "" {
			fmt.Fprintf(w, "\n%2d. %s  [%s, score %.2f]\n", i+1, clip(r.Paper.Title, 90), r.PID, r.Score)
		} else {
			fmt.Fprintf(w, "\n%2d. %s  [%s, score %.2f: text %.2f, entities %.2f]\n",
				i+1, clip(r.Paper.Title, 90), r.PID, r.Score, r.TextScore, r.EntityScore)
		}
		var shared []string
		for _, s := range r.Shared {
			shared = append(shared, fmt.Sprintf("%s (%s, %.2f)", s.Entity.Name, s.Entity.Type, s.Weight))
		}
		if len(shared) > 0 {
			fmt.Fprintf(w, "    shares: %s\n", strings.Join(shared, ", "))
		}
		if len(r.Terms) > 0 {
			fmt.Fprintf(w, "    terms:  %s\n", strings.Join(r.Terms, ", "))
		}
		if len(r.Uses) > 0 {
			fmt.Fprintf(w, "    uses what the query introduces: %s\n", strings.Join(r.Uses, ", "))
		}
		if len(r.UsedBy) > 0 {
			fmt.Fprintf(w, "    introduces what the query uses: %s\n", strings.Join(r.UsedBy, ", "))
		}
	}
	return nil
}

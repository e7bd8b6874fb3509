package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/corpus"
)

var errStop = errors.New("stop")

// listedPaper is a paper with the key it is stored under.
type listedPaper struct {
	ID    string       `json:"id"`
	Paper corpus.Paper `json:"paper"`
}

func papersCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "papers",
		Usage:     "list papers, all or those whose title has the given words",
		ArgsUsage: "[WORDS...]",
		Flags: []cli.Flag{
			jsonFlag,
			&cli.IntFlag{Name: "limit", Value: 50, Usage: "list at most `N` papers (0: all)"},
		},
		Action: func(c *cli.Context) error {
			return runPapers(c, e, c.Args().Slice(), c.Int("limit"), c.Bool("json"))
		},
	}
}

func runPapers(c *cli.Context, e *env, words []string, limit int, asJSON bool) error {
	db, err := openDB(c, true)
	if err != nil {
		return err
	}
	defer db.Close()

	papers := []listedPaper{}
	if len(words) > 0 {
		found, err := db.FindPapers(joinWords(words), limit)
		if err != nil {
			return err
		}
		for _, p := range found {
			pid, err := db.Resolve(p.PID())
			if err != nil {
				return err
			}
			papers = append(papers, listedPaper{pid, p})
		}
	} else {
		err = db.EachPaperPID(c.Context, func(pid string, p corpus.Paper) error {
			if limit > 0 && len(papers) == limit {
				return errStop
			}
			papers = append(papers, listedPaper{pid, p})
			return nil
		})
		if err != nil && !errors.Is(err, errStop) {
			return err
		}
	}
	if asJSON {
		return writeJSON(e.stdout, papers)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "ID\tYEAR\tTITLE")
	for _, p := range papers {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.ID, yearString(p.Paper.Year), clip(p.Paper.Title, 90))
	}
	return tw.Flush()
}

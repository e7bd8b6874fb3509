package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/extract"
)

type evalOptions struct {
	gold, pred string
	errors     bool
	json       bool
}

func evalCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "score entity extraction against a gold file: precision, recall and F1",
		Description: "The gold file has one JSON object a paper: {\"id\", \"title\", \"abstract\", \"entities\"}.\n" +
			"paperkg extracts the entities of each gold paper from its title and abstract, or\n" +
			"reads them from --pred (the output of 'paperkg extract'), and scores them by the\n" +
			"rules of ANNOTATION.md: untyped, typed, per type, named and generic, role accuracy.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Usage: "gold `FILE` (JSON lines)", Required: true},
			&cli.StringFlag{Name: "pred", Usage: "score the predictions in `FILE` instead of extracting"},
			&cli.BoolFlag{Name: "errors", Usage: "list each paper's misses and false positives"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("eval takes no arguments (got %q)", c.Args().First())
			}
			return runEval(e, evalOptions{gold: c.String("gold"), pred: c.String("pred"), errors: c.Bool("errors"), json: c.Bool("json")})
		},
	}
}

func runEval(e *env, opts evalOptions) error {
	gold, err := readDocs(opts.gold)
	if err != nil {
		return err
	}
	var pred []extract.Doc
	if opts.pred != "" {
		if pred, err = readDocs(opts.pred); err != nil {
			return err
		}
	} else {
		for _, g := range gold {
			if g.Abstract == "" && g.Title == "" {
				return fmt.Errorf("eval: gold paper %q has no title or abstract to extract from; give --pred FILE", g.ID)
			}
			pred = append(pred, extract.Doc{ID: g.ID, Title: g.Title, Entities: extract.Extract(g.Title, g.Abstract)})
		}
	}
	rep := extract.Score(gold, pred)
	if !opts.errors {
		rep.Errors = nil
	}
	if opts.json {
		return writeJSON(e.stdout, rep)
	}
	if err := rep.WriteText(e.stdout); err != nil {
		return err
	}
	if opts.errors {
		return rep.WriteErrors(e.stdout)
	}
	return nil
}

func readDocs(path string) ([]extract.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	docs, err := extract.ReadDocs(f)
	if err != nil {
		return nil, fmt.Errorf("eval %q: %w", path, err)
	}
	return docs, nil
}

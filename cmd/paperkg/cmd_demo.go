package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg"
	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/graph"
	"github.com/paperkg/paperkg/ingest"
	"github.com/paperkg/paperkg/store"
)

func demoCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "build a graph of the 89 papers built into paperkg and draw its map",
		Description: "Ingests the Hugging Face papers page embedded in paperkg into DIR/paperkg.db\n" +
			"and writes the paper map as DIR/graph.dot, DIR/graph.svg and DIR/graph.json.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "paperkg-demo", Usage: "write into `DIR`"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("demo takes no arguments (got %q); use -o DIR to choose where it writes", c.Args().First())
			}
			return runDemo(c, e, c.String("output"))
		},
	}
}

func runDemo(c *cli.Context, e *env, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	start := time.Now()
	dbDir := filepath.Join(dir, "paperkg.db")
	db, err := store.Open(store.DefaultOptions(dbDir))
	if err != nil {
		return err
	}
	defer db.Close()
	r, _, err := corpus.NewReader(bytes.NewReader(paperkg.Seed), "seed papers page", "papers-page")
	if err != nil {
		return err
	}
	sum, err := ingest.Reader(c.Context, db, r, ingest.Options{}, ingest.Summary{})
	if err != nil {
		return err
	}
	st, err := db.Stats()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "paperkg demo: %d papers, %d entities, %d mentions (read %d, added %d)\n",
		st.Papers, st.Entities, st.Mentions, sum.Read, sum.Added)

	v, err := buildView(c.Context, db, "papers", graph.ViewOptions{})
	if err != nil {
		return err
	}
	for _, f := range []struct{ name, format string }{
		{"graph.dot", "dot"}, {"graph.svg", "svg"}, {"graph.json", "json"},
	} {
		path := filepath.Join(dir, f.name)
		if err := writeViewFile(c.Context, path, v, f.format); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", path)
	}
	fmt.Fprintf(e.stdout, "the map has %d papers and %d links; built in %.1fs\n", len(v.Nodes), len(v.Edges), time.Since(start).Seconds())
	fmt.Fprintf(e.stdout, "next: paperkg --db %s related LipVoicer\n", dbDir)
	return nil
}

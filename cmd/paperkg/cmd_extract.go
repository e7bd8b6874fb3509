package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
)

type extractOptions struct {
	paths    []string
	format   string
	abstract bool
}

func extractCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the entities of each paper as JSON lines, without a database",
		ArgsUsage: "FILE... (- for standard input)",
		Description: "Prints one JSON object a paper: {\"id\", \"title\", \"entities\": [{\"name\", \"type\",\n" +
			"\"role\", \"aliases\"}]}, the format of the gold files that 'paperkg eval' scores.",
		Flags: []cli.Flag{
			formatFlag(),
			&cli.BoolFlag{Name: "abstract", Usage: "include each paper's abstract"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("extract needs at least one FILE (or - for standard input)")
			}
			format, err := checkFormat(c.String("format"))
			if err != nil {
				return err
			}
			return runExtract(c, e, extractOptions{paths: c.Args().Slice(), format: format, abstract: c.Bool("abstract")})
		},
	}
}

func runExtract(c *cli.Context, e *env, opts extractOptions) error {
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	rejected := 0
	for _, path := range opts.paths {
		r, closeFn, err := openInput(e, path, opts.format)
		if err != nil {
			return err
		}
		for {
			if err := c.Context.Err(); err != nil {
				closeFn()
				return err
			}
			p, err := r.Read()
			if err == io.EOF {
				break
			}
			var perr *corpus.ParseError
			if errors.As(err, &perr) {
				rejected++
				fmt.Fprintf(e.stderr, "paperkg: skipped %v\n", err)
				continue
			}
			if err != nil {
				closeFn()
				return err
			}
			doc := extract.Doc{ID: p.PID(), Title: p.Title, Entities: extract.Extract(p.Title, p.Abstract)}
			if opts.abstract {
				doc.Abstract = p.Abstract
			}
			if doc.Entities == nil {
				doc.Entities = []extract.Entity{}
			}
			if err := enc.Encode(doc); err != nil {
				closeFn()
				return err
			}
		}
		closeFn()
	}
	if rejected > 0 {
		return errRejected
	}
	return nil
}

// openInput opens path for reading papers; "-" is the command's standard input.
func openInput(e *env, path, format string) (corpus.Reader, func() error, error) {
	if path == "-" {
		r, _, err := corpus.NewReader(e.stdin, "-", format)
		return r, func() error { return nil }, err
	}
	f, err := corpus.Open(path, format)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

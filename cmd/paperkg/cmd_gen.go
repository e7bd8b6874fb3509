package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg"
	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/corpus/synth"
)

type genOptions struct {
	sources []string
	format  string
	papers  int
	seed    uint64
	output  string
	quiet   bool
}

func genCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "gen",
		Usage:     "write a synthetic listing of any size, made from a real one",
		ArgsUsage: "[FILE...] (the real listing; default: the papers built into paperkg)",
		Description: "Writes --papers papers as JSON Lines: abstracts of real sentences recombined,\n" +
			"titles of real titles recombined, and names drawn by a Zipf law from the real\n" +
			"ones and made-up ones, so that a few names are in many papers and most in one.\n" +
			"The same FILEs and --seed give the same bytes. With -o NAME.gz the output is\n" +
			"gzip-compressed.",
		Flags: []cli.Flag{
			formatFlag(),
			&cli.IntFlag{Name: "papers", Aliases: []string{"n"}, Value: 1000, Usage: "write `N` papers"},
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "seed `S` of the random choices"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no summary"},
		},
		Action: func(c *cli.Context) error {
			format, err := checkFormat(c.String("format"))
			if err != nil {
				return err
			}
			if n := c.Int("papers"); n < 0 || n > synth.MaxPapers {
				return usagef("invalid --papers %d, must be from 0 to %d", n, synth.MaxPapers)
			}
			return runGen(c, e, genOptions{
				sources: c.Args().Slice(),
				format:  format,
				papers:  c.Int("papers"),
				seed:    c.Uint64("seed"),
				output:  c.String("output"),
				quiet:   c.Bool("quiet"),
			})
		},
	}
}

func runGen(c *cli.Context, e *env, opts genOptions) (err error) {
	start := time.Now()
	var readers []corpus.Reader
	if len(opts.sources) == 0 {
		r, _, err := corpus.NewReader(bytes.NewReader(paperkg.Seed), "seed papers page", "papers-page")
		if err != nil {
			return err
		}
		readers = append(readers, r)
	}
	for _, path := range opts.sources {
		r, closeFn, err := openInput(e, path, opts.format)
		if err != nil {
			return err
		}
		defer closeFn()
		readers = append(readers, r)
	}
	m, err := synth.Learn(c.Context, readers...)
	if err != nil {
		return err
	}

	var w io.Writer = e.stdout
	if opts.output != "" && opts.output != "-" {
		f, err := os.Create(opts.output)
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("gen: %w", cerr)
			}
			if err != nil {
				os.Remove(opts.output)
			}
		}()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	w = bw
	var zw *gzip.Writer
	if strings.HasSuffix(opts.output, ".gz") {
		// The fastest level: a million papers are 1.7 GB of JSON.
		zw, _ = gzip.NewWriterLevel(bw, gzip.BestSpeed)
		w = zw
	}
	if err := synth.WriteJSONL(c.Context, w, synth.NewGenerator(m, opts.seed), opts.papers); err != nil {
		return err
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if !opts.quiet {
		fmt.Fprintf(e.stderr, "paperkg: wrote %d papers made from %d papers and %d names in %.1fs\n",
			opts.papers, m.Papers(), m.Names(), time.Since(start).Seconds())
	}
	return nil
}

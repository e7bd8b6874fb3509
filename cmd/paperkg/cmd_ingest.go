package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/ingest"
)

type ingestOptions struct {
	paths     []string
	format    string
	maxErrors int
	quiet     bool
	profile   string
	memprof   string
}

func ingestCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "add papers from listing files to the database",
		ArgsUsage: "FILE... (- for standard input)",
		Description: "Reads each FILE (gzip is read as it is), finds the entities of every paper and\n" +
			"adds them to the database. A paper already there is merged, not duplicated, so\n" +
			"ingesting the same file twice changes nothing. Bad records are reported and\n" +
			"skipped; the exit status is 1 if any was.",
		Flags: []cli.Flag{
			formatFlag(),
			&cli.IntFlag{Name: "max-errors", Usage: "stop after `N` bad records (0: no limit)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no progress"},
			&cli.StringFlag{Name: "cpuprofile", Usage: "write a CPU profile of the ingest to `FILE`", Hidden: true},
			&cli.StringFlag{Name: "memprofile", Usage: "write a heap profile at the end of the ingest to `FILE`", Hidden: true},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("ingest needs at least one FILE (or - for standard input)")
			}
			format, err := checkFormat(c.String("format"))
			if err != nil {
				return err
			}
			return runIngest(c, e, ingestOptions{
				paths:     c.Args().Slice(),
				format:    format,
				maxErrors: c.Int("max-errors"),
				quiet:     c.Bool("quiet"),
				profile:   c.String("cpuprofile"),
				memprof:   c.String("memprofile"),
			})
		},
	}
}

func runIngest(c *cli.Context, e *env, opts ingestOptions) error {
	db, err := openDB(c, false)
	if err != nil {
		return err
	}
	defer db.Close()

	if opts.profile != "" {
		f, err := os.Create(opts.profile)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	last := start
	sum, err := ingest.Files(c.Context, db, opts.paths, ingest.Options{
		Stdin:     e.stdin,
		Format:    opts.format,
		MaxErrors: opts.maxErrors,
		OnError:   func(err error) { fmt.Fprintf(e.stderr, "paperkg: skipped %v\n", err) },
		OnBatch: func(s ingest.Summary) {
			if opts.quiet || time.Since(last) < 2*time.Second {
				return
			}
			last = time.Now()
			el := time.Since(start).Seconds()
			fmt.Fprintf(e.stderr, "paperkg: %d papers read, %.0f papers/s\n", s.Read, float64(s.Read)/el)
		},
	})
	if opts.memprof != "" {
		if err := writeHeapProfile(opts.memprof); err != nil {
			return err
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "paperkg: %d papers read in %.1fs: %d added, %d updated, %d unchanged; %d bad records skipped\n",
		sum.Read, time.Since(start).Seconds(), sum.Added, sum.Updated, sum.Unchanged, sum.Rejected)
	if sum.Rejected > 0 {
		return errRejected
	}
	return nil
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	return nil
}

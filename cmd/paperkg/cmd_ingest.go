package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/ingest"
)

type ingestOptions struct {
	paths      []string
	format     string
	maxErrors  int
	quiet      bool
	cpuProfile string
	memProfile string
}

// ingestMemoryLimit is the Go memory limit of an ingest unless GOMEMLIMIT
// sets one. Without it the heap grows to twice what is live between
// collections, and Badger's flushes and compactions make much of it live
// for a moment: the limit keeps an ingest of a million papers within a
// small machine's memory for a few percent of CPU.
const ingestMemoryLimit = 512 << 20

// statusEvery is how often an ingest whose standard error is not a
// terminal prints a line of progress.
const statusEvery = 5 * time.Second

func ingestCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "add papers from listing files to the database",
		ArgsUsage: "FILE... (- for standard input)",
		Description: "Reads each FILE (gzip is read as it is), finds the entities of every paper and\n" +
			"adds them to the database. A paper already there is merged, not duplicated, so\n" +
			"ingesting the same file twice changes nothing, and an ingest that was stopped\n" +
			"(Ctrl-C) goes on where it stopped when run again. Bad records are reported\n" +
			"and skipped; the exit status is 1 if any was.\n\n" +
			"On a terminal a progress bar shows the papers read, their rate and the time\n" +
			"left; otherwise a line of progress goes to standard error every few seconds.",
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
				paths:      c.Args().Slice(),
				format:     format,
				maxErrors:  c.Int("max-errors"),
				quiet:      c.Bool("quiet"),
				cpuProfile: c.String("cpuprofile"),
				memProfile: c.String("memprofile"),
			})
		},
	}
}

func runIngest(c *cli.Context, e *env, opts ingestOptions) error {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingestMemoryLimit))
	}
	db, err := openDB(c, false)
	if err != nil {
		return err
	}
	defer db.Close()

	if opts.cpuProfile != "" {
		f, err := os.Create(opts.cpuProfile)
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
	prog := newProgress(e.stderr, opts.quiet, start)
	sum, err := ingest.Files(c.Context, db, opts.paths, ingest.Options{
		Stdin:     e.stdin,
		Format:    opts.format,
		MaxErrors: opts.maxErrors,
		OnError:   func(err error) { prog.printf("paperkg: skipped %v\n", err) },
		OnBatch:   prog.update,
	})
	prog.finish()
	if opts.memProfile != "" {
		if err := writeHeapProfile(opts.memProfile); err != nil {
			return err
		}
	}
	// Stopping at --max-errors still leaves the papers before the stop
	// ingested, so the summary is worth printing.
	if err != nil && !errors.Is(err, ingest.ErrTooManyErrors) {
		if c.Context.Err() != nil {
			fmt.Fprintf(e.stderr, "paperkg: %d papers committed before the interrupt: %d added, %d updated, %d unchanged; run the same ingest again to go on\n",
				sum.Added+sum.Updated+sum.Unchanged, sum.Added, sum.Updated, sum.Unchanged)
		}
		return err
	}
	fmt.Fprintf(e.stderr, "paperkg: %d papers read in %.1fs: %d added, %d updated, %d unchanged; %d bad records skipped\n",
		sum.Read, time.Since(start).Seconds(), sum.Added, sum.Updated, sum.Unchanged, sum.Rejected)
	if err != nil {
		return err
	}
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

// progress shows how an ingest goes: a bar on a terminal, a line every few
// seconds elsewhere, nothing when quiet.
type progress struct {
	w     io.Writer
	quiet bool
	start time.Time
	bar   *progressbar.ProgressBar // on a terminal, once the first batch is in
	tty   bool
	last  time.Time // of the last line printed
}

func newProgress(w io.Writer, quiet bool, start time.Time) *progress {
	return &progress{w: w, quiet: quiet, start: start, last: start, tty: isTerminal(w)}
}

// isTerminal reports whether w is a terminal that can redraw a line.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func (p *progress) update(s ingest.Summary, in ingest.Progress) {
	if p.quiet {
		return
	}
	now := time.Now()
	rate := float64(s.Read) / now.Sub(p.start).Seconds()
	if p.tty {
		if p.bar == nil {
			p.bar = newBar(p.w, in.Size)
		}
		p.bar.Describe(fmt.Sprintf("%d papers, %.0f/s", s.Read, rate))
		if in.Size > 0 {
			p.bar.Set64(in.Bytes)
		} else {
			p.bar.Set(s.Read)
		}
		return
	}
	if now.Sub(p.last) < statusEvery {
		return
	}
	p.last = now
	if in.Size > 0 && in.Bytes > 0 {
		done := float64(in.Bytes) / float64(in.Size)
		left := time.Duration(float64(now.Sub(p.start)) * (1 - done) / done).Round(time.Second)
		fmt.Fprintf(p.w, "paperkg: %d papers read (%.0f%%), %.0f papers/s, %s left\n", s.Read, 100*done, rate, left)
		return
	}
	fmt.Fprintf(p.w, "paperkg: %d papers read, %.0f papers/s\n", s.Read, rate)
}

// newBar returns a bar over the input's bytes, compressed bytes for gzip,
// or, when its size is not known, a spinner that counts papers.
func newBar(w io.Writer, size int64) *progressbar.ProgressBar {
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionUseANSICodes(true),
	}
	if size > 0 {
		return progressbar.NewOptions64(size, append(opts, progressbar.OptionShowBytes(true))...)
	}
	return progressbar.NewOptions(-1, append(opts, progressbar.OptionSpinnerType(14))...)
}

// printf prints a message, moving the bar out of its way.
func (p *progress) printf(format string, args ...any) {
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintf(p.w, format, args...)
}

// finish ends the bar's line, so that what follows starts on its own.
func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Exit()
		fmt.Fprintln(p.w)
	}
}

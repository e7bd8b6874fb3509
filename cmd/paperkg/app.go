package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"
)

// Exit codes.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// usageError marks a mistake in how the command was called; it exits 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// env is what every command writes to and reads from, so tests can run
// commands without touching the process's own streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// run runs paperkg with args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	app := newApp(e)
	err := app.RunContext(ctx, reorderArgs(app, args))
	var uerr *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		fmt.Fprintln(stderr, "paperkg: interrupted; what was committed is kept")
		return exitInterrupted
	case errors.As(err, &uerr):
		fmt.Fprintf(stderr, "paperkg: %v\nRun 'paperkg help' for usage.\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "paperkg: %v\n", err)
		return exitFailure
	}
}

func newApp(e *env) *cli.App {
	app := &cli.App{
		Name:  "paperkg",
		Usage: "a knowledge graph of the models, datasets, benchmarks and methods in research papers",
		Description: "paperkg reads listings of papers (titles and abstracts), finds the named entities\n" +
			"in each abstract, links papers that share them in a database, and answers which\n" +
			"papers are related and why. Start with 'paperkg demo'.",
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "db",
				Value:   "paperkg.db",
				Usage:   "database `DIR`",
				EnvVars: []string{"PAPERKG_DB"},
			},
		},
		Commands: []*cli.Command{
			demoCommand(e),
			ingestCommand(e),
			extractCommand(e),
			papersCommand(e),
			showCommand(e),
			entitiesCommand(e),
			relatedCommand(e),
			topicsCommand(e),
			exportCommand(e),
			statsCommand(e),
			checkCommand(e),
			evalCommand(e),
			genCommand(e),
		},
		Writer:          e.stdout,
		ErrWriter:       e.stderr,
		HideHelpCommand: false,
		// Errors are printed once, by run, with the right exit status.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return &usageError{msg: err.Error()}
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("unknown command %q", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = app.OnUsageError
	}
	return app
}

// reorderArgs moves a command's flags in front of its arguments, so that
// "paperkg related LipVoicer --json" works as a user expects: urfave/cli
// stops reading flags at the first argument.
func reorderArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	// Skip the global flags to find the command.
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" {
		if takesValue(app.Flags, args[i]) {
			i++
		}
		i++
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	head := append([]string{}, args[:i+1]...)
	var flags, rest []string
	rawArgs := args[i+1:]
	for j := 0; j < len(rawArgs); j++ {
		a := rawArgs[j]
		if a == "--" {
			rest = append(rest, rawArgs[j+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			if takesValue(cmd.Flags, a) && j+1 < len(rawArgs) {
				j++
				flags = append(flags, rawArgs[j])
			}
			continue
		}
		rest = append(rest, a)
	}
	out := append(head, flags...)
	if len(rest) > 0 {
		out = append(out, "--")
		out = append(out, rest...)
	}
	return out
}

// takesValue reports whether arg names a flag of flags that takes a value in
// the next argument.
func takesValue(flags []cli.Flag, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	if strings.Contains(name, "=") {
		return false
	}
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			_, isBool := f.(*cli.BoolFlag)
			return !isBool
		}
	}
	return false
}

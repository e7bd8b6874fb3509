package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/store"
)

type checkOptions struct {
	repair bool
	asJSON bool
}

func checkCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "verify that the database's tables agree, and repair them",
		Description: "Scans the whole database and prints one line for each disagreement between its\n" +
			"tables, with the keys involved: mentions without their inverted index entry or\n" +
			"the other way round, entity counts, types and forms that do not match the\n" +
			"mentions, aliases and title or id entries that name nothing, term index entries\n" +
			"that do not match the papers' text, counters that do not match the tables.\n" +
			"The exit status is 1 if there is any.\n\n" +
			"With --repair, rebuilds everything that is derived from the papers and their\n" +
			"mentions, in small transactions, and checks again; it can be interrupted and\n" +
			"run again. Papers whose records do not decode cannot be repaired.",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "repair", Usage: "rebuild what is derived from the papers and their mentions"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("check takes no arguments, got %q", c.Args().First())
			}
			return runCheck(c, e, checkOptions{repair: c.Bool("repair"), asJSON: c.Bool("json")})
		},
	}
}

// checkReport is the JSON output of check.
type checkReport struct {
	Database   string          `json:"database"`
	Consistent bool            `json:"consistent"`
	Problems   []store.Problem `json:"problems"`        // what is wrong now
	Fixed      []store.Problem `json:"fixed,omitempty"` // what --repair mended
	Writes     int             `json:"writes"`          // keys --repair set or deleted
}

func runCheck(c *cli.Context, e *env, opts checkOptions) error {
	dir := c.String("db")
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); opts.repair && errors.Is(err, fs.ErrNotExist) {
		// A writable open would create the database it is asked to repair.
		return fmt.Errorf("no database at %q: run 'paperkg ingest FILE' first, or give --db DIR", dir)
	}
	db, err := openDB(c, !opts.repair)
	if err != nil {
		return err
	}
	defer db.Close()

	rep := checkReport{Database: dir, Problems: []store.Problem{}}
	if opts.repair {
		res, err := db.Repair(c.Context)
		if err != nil {
			return err
		}
		rep.Fixed, rep.Writes = res.Fixed, res.Writes
		rep.Problems = append(rep.Problems, res.Remaining...)
	} else {
		problems, err := db.Verify(c.Context)
		if err != nil {
			return err
		}
		rep.Problems = append(rep.Problems, problems...)
	}
	rep.Consistent = len(rep.Problems) == 0
	// A repair is on disk only once the database is closed: close it
	// before saying the database is consistent.
	if err := db.Close(); err != nil {
		return err
	}

	if opts.asJSON {
		if err := writeJSON(e.stdout, rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Fixed {
			fmt.Fprintf(e.stdout, "repaired %s\n", p)
		}
		for _, p := range rep.Problems {
			fmt.Fprintln(e.stdout, p)
		}
	}

	switch {
	case rep.Consistent && opts.repair:
		fmt.Fprintf(e.stderr, "paperkg: repaired %d problems with %d writes; database %s is consistent\n", len(rep.Fixed), rep.Writes, dir)
		return nil
	case rep.Consistent:
		fmt.Fprintf(e.stderr, "paperkg: database %s is consistent\n", dir)
		return nil
	case opts.repair:
		return fmt.Errorf("database %s still has %d problems that cannot be repaired (listed above): ingest its papers into a new database", dir, len(rep.Problems))
	}
	repairable := 0
	for _, p := range rep.Problems {
		if p.Repairable {
			repairable++
		}
	}
	if repairable == len(rep.Problems) {
		return fmt.Errorf("database %s has %d problems (listed above): run 'paperkg check --repair' to rebuild it", dir, len(rep.Problems))
	}
	return fmt.Errorf("database %s has %d problems (listed above), %d of which 'paperkg check --repair' can rebuild", dir, len(rep.Problems), repairable)
}

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

// openDB opens the database named by the global --db flag. Commands that only
// read open it read-only, and say how to create it when there is none.
func openDB(c *cli.Context, readOnly bool) (*store.DB, error) {
	dir := c.String("db")
	if readOnly {
		if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no database at %q: run 'paperkg ingest FILE' first, or give --db DIR", dir)
		}
	}
	opt := store.DefaultOptions(dir)
	opt.ReadOnly = readOnly
	return store.Open(opt)
}

// jsonFlag is the --json flag of every listing command.
var jsonFlag = &cli.BoolFlag{Name: "json", Usage: "print JSON instead of text"}

package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/extract"
)

func statsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "print the database's counts and schema version",
		Flags: []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			return runStats(c, e, c.Bool("json"))
		},
	}
}

func runStats(c *cli.Context, e *env, asJSON bool) error {
	db, err := openDB(c, true)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := db.Stats()
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(e.stdout, st)
	}
	tw := newTable(e.stdout)
	fmt.Fprintf(tw, "database\t%s\n", c.String("db"))
	fmt.Fprintf(tw, "schema\t%d\n", st.Schema)
	fmt.Fprintf(tw, "papers\t%d\n", st.Papers)
	fmt.Fprintf(tw, "entities\t%d\n", st.Entities)
	for _, t := range extract.Types {
		fmt.Fprintf(tw, "  %s\t%d\n", t, st.ByType[t])
	}
	fmt.Fprintf(tw, "mentions\t%d\n", st.Mentions)
	return tw.Flush()
}

package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/store"
)

// findPaper resolves a PAPER argument: an id, or words of a title. Several
// matches are not an error: the best one is taken and the others are named
// on stderr, so the user can be more precise.
// It returns the paper's key in the database with the paper.
func findPaper(e *env, db *store.DB, query string) (string, corpus.Paper, error) {
	ps, err := db.FindPapers(query, 4)
	if err != nil {
		return "", corpus.Paper{}, err
	}
	if len(ps) == 0 {
		return "", corpus.Paper{}, fmt.Errorf("no paper matches %q: give an id or words of its title (see 'paperkg papers')", query)
	}
	if len(ps) > 1 {
		var others []string
		for _, p := range ps[1:] {
			others = append(others, fmt.Sprintf("%s %q", p.PID(), clip(p.Title, 60)))
		}
		fmt.Fprintf(e.stderr, "paperkg: %q matches several papers; using %s %q (also: %s)\n",
			query, ps[0].PID(), clip(ps[0].Title, 60), strings.Join(others, ", "))
	}
	pid, err := db.Resolve(ps[0].PID())
	if err != nil {
		return "", corpus.Paper{}, err
	}
	return pid, ps[0], nil
}

func joinWords(words []string) string { return strings.Join(words, " ") }

// notFound turns a store.ErrNotFound into a message that says what to do.
func notFound(err error, what string) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no %s in the database (see 'paperkg entities')", what)
	}
	return err
}

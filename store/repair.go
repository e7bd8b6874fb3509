package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// RepairResult says what Repair did.
type RepairResult struct {
	// Fixed are the problems Repair found and mended.
	Fixed []Problem `json:"fixed"`
	// Writes counts the keys it set or deleted.
	Writes int `json:"writes"`
	// Remaining are the problems a check after the repair still finds:
	// papers or a schema it cannot rebuild. None means the database is
	// consistent.
	Remaining []Problem `json:"remaining"`
}

// maxRepairWrites bounds the writes of one repair transaction, well below
// what Badger takes in one, so that a repair of a large database does not
// need its memory at once.
const maxRepairWrites = 1000

// maxRepairRounds bounds how often Repair checks and mends again: one
// round rebuilds every derived table from the facts, and the rounds after
// it find nothing unless a fix of one table uncovers a fault in another.
const maxRepairRounds = 3

// Repair rebuilds what the database derives from its papers and their
// mentions, wherever Verify finds it disagreeing with them: the inverted
// index from the mentions; entity records (paper, introduction and vote
// counts, type, forms) from their mentions, deleting entities no paper
// mentions and recreating, with their id as name, those whose records are
// lost; aliases, title/ and xid/ entries that name nothing are removed and
// missing ones added; the term index from the papers' text; the counters
// from the tables. Mentions of missing papers and mentions that do not
// decode are deleted.
//
// Repair writes in transactions of at most a thousand keys, each committed
// before the next, so an interrupted repair leaves a database that a
// second Repair finishes. It then checks the database again and returns
// the problems that remain, which are papers that do not decode and a
// schema it does not read. Repair holds the database's writer lock, so
// Put waits for it.
func (db *DB) Repair(ctx context.Context) (RepairResult, error) {
	var res RepairResult
	if db.opt.ReadOnly {
		return res, ErrReadOnly
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	db.df = nil
	for round := 0; ; round++ {
		problems, err := db.Verify(ctx)
		if err != nil {
			return res, err
		}
		var ws []write
		seen := make(map[string]bool)
		res.Remaining = res.Remaining[:0]
		for _, p := range problems {
			if !p.Repairable {
				res.Remaining = append(res.Remaining, p)
				continue
			}
			if round == maxRepairRounds {
				res.Remaining = append(res.Remaining, p)
				continue
			}
			res.Fixed = append(res.Fixed, p)
			// Problems of one key carry the same fix: the key as the
			// facts make it.
			for _, w := range p.fix {
				if !seen[string(w.key)] {
					seen[string(w.key)] = true
					ws = append(ws, w)
				}
			}
		}
		if len(ws) == 0 {
			return res, nil
		}
		n, err := db.applyBounded(ctx, ws)
		res.Writes += n
		if err != nil {
			return res, fmt.Errorf("store: repair %q: %w", db.opt.Dir, err)
		}
	}
}

// applyBounded applies ws in transactions of at most maxRepairWrites
// writes, fewer if Badger finds one too big, and returns how many it
// committed.
func (db *DB) applyBounded(ctx context.Context, ws []write) (int, error) {
	done := 0
	for len(ws) > 0 {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		n := min(len(ws), maxRepairWrites)
		err := db.bdb.Update(func(txn *badger.Txn) error { return apply(txn, ws[:n]) })
		for errors.Is(err, badger.ErrTxnTooBig) && n > 1 {
			n /= 2
			err = db.bdb.Update(func(txn *badger.Txn) error { return apply(txn, ws[:n]) })
		}
		if err != nil {
			return done, err
		}
		done += n
		ws = ws[n:]
	}
	return done, nil
}

package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/paperkg/paperkg/extract"
)

// Check scans the whole database and verifies that its tables agree: every
// mention has its inverted index entry and the other way round, on a paper
// and an entity that exist; every entity's paper and introduction counts
// and type votes match its mentions, and its forms are registered to it;
// every alias names an entity; and the counters equal the counts the scan
// finds. It reports up to ten disagreements in an error wrapping
// ErrCorrupt.
//
// Check holds the inverted index in memory: it is meant for tests and for
// repairs, not for every command.
func (db *DB) Check(ctx context.Context) error {
	var problems []string
	report := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	err := db.bdb.View(func(txn *badger.Txn) error {
		scan := func(prefix string, fn func(key string, v []byte) error) error {
			p := []byte(prefix)
			it := txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: true, PrefetchSize: 256})
			defer it.Close()
			n := 0
			for it.Seek(p); it.ValidForPrefix(p); it.Next() {
				if n++; n%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					return err
				}
				if err := fn(string(it.Item().Key()[len(p):]), v); err != nil {
					return err
				}
			}
			return nil
		}

		papers := make(map[string]bool)
		if err := scan(paperPrefix, func(pid string, _ []byte) error {
			papers[pid] = true
			return nil
		}); err != nil {
			return err
		}

		ents := make(map[string]*entityRecord)
		if err := scan(entPrefix, func(eid string, v []byte) error {
			rec, err := decodeEntity(v)
			if err != nil {
				report("entity %q does not decode: %v", eid, err)
				return nil
			}
			ents[eid] = rec
			return nil
		}); err != nil {
			return err
		}

		// Mentions, counted per entity as the entity records should have it.
		type tally struct {
			papers, introduced int
			votes              map[extract.Type]int
		}
		tallies := make(map[string]*tally)
		roles := make(map[string]byte) // eid + "/" + pid -> role, from pent/
		mentions := 0
		if err := scan(pentPrefix, func(rest string, v []byte) error {
			mentions++
			i := strings.LastIndexByte(rest, '/')
			if i < 0 {
				report("mention key %q has no entity id", rest)
				return nil
			}
			pid, eid := rest[:i], rest[i+1:]
			m, err := decodeMention(v)
			if err != nil {
				report("mention %q of %q does not decode", eid, pid)
				return nil
			}
			if !papers[pid] {
				report("mention %q of missing paper %q", eid, pid)
			}
			if ents[eid] == nil {
				report("paper %q mentions missing entity %q", pid, eid)
			}
			t := tallies[eid]
			if t == nil {
				t = &tally{votes: make(map[extract.Type]int)}
				tallies[eid] = t
			}
			t.papers++
			if m.role == extract.Introduces {
				t.introduced++
			}
			t.votes[m.typ]++
			roles[eid+"/"+pid] = roleByte(m.role)
			return nil
		}); err != nil {
			return err
		}
		if err := scan(epapPrefix, func(rest string, v []byte) error {
			role, ok := roles[rest]
			switch {
			case !ok:
				report("index entry %q has no mention", rest)
			case len(v) != 1 || v[0] != role:
				report("index entry %q disagrees with its mention's role", rest)
			}
			delete(roles, rest)
			return nil
		}); err != nil {
			return err
		}
		for _, k := range slices.Sorted(maps.Keys(roles)) {
			report("mention %q has no index entry", k)
		}

		byType := make(map[extract.Type]int)
		for _, eid := range slices.Sorted(maps.Keys(ents)) {
			rec := ents[eid]
			byType[rec.Type]++
			t := tallies[eid]
			if t == nil {
				t = &tally{votes: map[extract.Type]int{}}
			}
			if rec.Papers != t.papers || rec.Introduced != t.introduced {
				report("entity %q counts %d papers, %d introducing, but has %d, %d", eid, rec.Papers, rec.Introduced, t.papers, t.introduced)
			}
			if !maps.Equal(rec.Votes, t.votes) {
				report("entity %q has votes %v, its mentions %v", eid, rec.Votes, t.votes)
			}
			if rec.Votes[rec.Type] < slices.Max(append(slices.Collect(maps.Values(rec.Votes)), 0)) {
				report("entity %q has type %q, not its majority", eid, rec.Type)
			}
			if len(rec.Forms) == 0 || rec.Forms[0] != eid {
				report("entity %q does not have its id as its first form", eid)
			}
			for _, f := range rec.Forms {
				item, err := txn.Get(aliasKey(f))
				if errors.Is(err, badger.ErrKeyNotFound) {
					report("form %q of entity %q is not registered", f, eid)
					continue
				}
				if err != nil {
					return err
				}
				if v, err := item.ValueCopy(nil); err != nil {
					return err
				} else if string(v) != eid {
					report("form %q of entity %q is registered to %q", f, eid, v)
				}
			}
		}
		if err := scan(aliasPrefix, func(form string, v []byte) error {
			if rec := ents[string(v)]; rec == nil {
				report("alias %q names missing entity %q", form, v)
			} else if !slices.Contains(rec.Forms, form) {
				report("alias %q is not among the forms of entity %q", form, v)
			}
			return nil
		}); err != nil {
			return err
		}
		for _, prefix := range []string{titlePrefix, xidPrefix} {
			if err := scan(prefix, func(k string, v []byte) error {
				if !papers[string(v)] {
					report("index %q names missing paper %q", prefix+k, v)
				}
				return nil
			}); err != nil {
				return err
			}
		}

		want := Stats{Schema: SchemaVersion, Papers: len(papers), Entities: len(ents), Mentions: mentions, ByType: byType}
		counted, err := countersIn(txn)
		if err != nil {
			return err
		}
		if counted.Papers != want.Papers || counted.Entities != want.Entities || counted.Mentions != want.Mentions ||
			!maps.Equal(counted.ByType, want.ByType) {
			report("counters say %d papers, %d entities, %d mentions, by type %v; the tables hold %d, %d, %d, %v",
				counted.Papers, counted.Entities, counted.Mentions, counted.ByType,
				want.Papers, want.Entities, want.Mentions, want.ByType)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: check %q: %w", db.opt.Dir, err)
	}
	if len(problems) == 0 {
		return nil
	}
	more := ""
	if len(problems) > 10 {
		more = fmt.Sprintf(" (and %d more)", len(problems)-10)
		problems = problems[:10]
	}
	return fmt.Errorf("%w: %s%s", ErrCorrupt, strings.Join(problems, "; "), more)
}

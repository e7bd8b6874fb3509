package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
)

// Mention is a paper's mention of an entity.
type Mention struct {
	EID    string       `json:"eid"`
	Role   extract.Role `json:"role"`
	Type   extract.Type `json:"type"` // the type this paper gave the entity
	Count  int          `json:"count"`
	Offset int          `json:"offset"` // of the first mention in extract.Text
}

// Entity is an entity as the whole database knows it.
type Entity struct {
	ID   string       `json:"id"`
	Name string       `json:"name"`
	Type extract.Type `json:"type"` // the type most of its papers gave it
	// Aliases are the other forms papers wrote it in, without Name.
	Aliases []string `json:"aliases"`
	// Papers is how many papers mention it (its document frequency).
	Papers int `json:"papers"`
	// Introduced is how many of them introduce it.
	Introduced int `json:"introduced"`
}

// Stats counts what the database holds. It is read from counters, not by a
// scan.
type Stats struct {
	Schema   int                  `json:"schema"`
	Papers   int                  `json:"papers"`
	Entities int                  `json:"entities"`
	Mentions int                  `json:"mentions"`
	ByType   map[extract.Type]int `json:"by_type"` // entities by type
}

// Resolve returns the key a paper is stored under, given any of its
// identifiers: the key itself, its arXiv id, DOI or input id. It returns
// ErrNotFound if no paper has it.
func (db *DB) Resolve(id string) (string, error) {
	var pid string
	err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		pid, err = resolve(txn, id)
		return err
	})
	return pid, err
}

func resolve(txn *badger.Txn, id string) (string, error) {
	id = strings.TrimSpace(id)
	if id == "" || len(id) > maxKeyPart {
		return "", ErrNotFound
	}
	if _, err := txn.Get(paperKey(id)); err == nil {
		return id, nil
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return "", err
	}
	for _, k := range [][]byte{xidKey(xidArXiv, id), xidKey(xidDOI, strings.ToLower(id)), xidKey(xidID, id)} {
		item, err := txn.Get(k)
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return "", err
		}
		v, err := item.ValueCopy(nil)
		return string(v), err
	}
	return "", ErrNotFound
}

// Paper returns the paper with the given key or identifier (see Resolve).
func (db *DB) Paper(pid string) (corpus.Paper, error) {
	var p corpus.Paper
	err := db.bdb.View(func(txn *badger.Txn) error {
		key, err := resolve(txn, pid)
		if err != nil {
			return err
		}
		p, err = getPaper(txn, key)
		return err
	})
	return p, err
}

func getPaper(txn *badger.Txn, pid string) (corpus.Paper, error) {
	var p corpus.Paper
	item, err := txn.Get(paperKey(pid))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, err
	}
	err = item.Value(func(v []byte) error {
		if err := json.Unmarshal(v, &p); err != nil {
			return fmt.Errorf("store: paper %q: %w: %v", pid, ErrCorrupt, err)
		}
		return nil
	})
	return p, err
}

// FindPapers returns up to limit papers (all if limit <= 0) that query
// names. A query that is a paper's key, arXiv id or DOI (also written as an
// arxiv.org or doi.org address) gives that paper alone. Otherwise query is
// words of a title: FindPapers returns the papers whose normalised title
// has, for every word of the normalised query, a word that starts with it;
// the exact title comes first, then shorter titles. That is a scan of the
// title index, keys only.
func (db *DB) FindPapers(query string, limit int) ([]corpus.Paper, error) {
	var out []corpus.Paper
	err := db.bdb.View(func(txn *badger.Txn) error {
		for _, id := range idForms(query) {
			pid, err := resolve(txn, id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			p, err := getPaper(txn, pid)
			if err != nil {
				return err
			}
			out = []corpus.Paper{p}
			return nil
		}
		pids, err := findTitles(txn, corpus.NormalizeTitle(query), limit)
		if err != nil {
			return err
		}
		for _, pid := range pids {
			p, err := getPaper(txn, pid)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// idForms returns the ways query may name a paper by an identifier.
func idForms(query string) []string {
	q := strings.TrimSpace(query)
	if q == "" || strings.ContainsAny(q, " \t\n") {
		return nil
	}
	forms := []string{q}
	for _, prefix := range []string{"arxiv:", "https://arxiv.org/abs/", "http://arxiv.org/abs/", "doi:", "https://doi.org/", "http://doi.org/", "https://dx.doi.org/"} {
		if len(q) > len(prefix) && strings.EqualFold(q[:len(prefix)], prefix) {
			forms = append(forms, q[len(prefix):])
		}
	}
	// An arXiv id with a version ("2503.11731v2") names the paper too.
	for _, f := range slices.Clone(forms) {
		if i := strings.LastIndexByte(f, 'v'); i > 0 && i < len(f)-1 && strings.Trim(f[i+1:], "0123456789") == "" {
			forms = append(forms, f[:i])
		}
	}
	return forms
}

// findTitles scans the title index for titles with every word of the
// normalised query, best first.
func findTitles(txn *badger.Txn, query string, limit int) ([]string, error) {
	words := strings.Fields(query)
	if len(words) == 0 {
		return nil, nil
	}
	type hit struct{ title, pid string }
	var hits []hit
	prefix := []byte(titlePrefix)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		title := string(item.Key()[len(prefix):])
		spaced := " " + title
		if !allFunc(words, func(w string) bool { return strings.Contains(spaced, " "+w) }) {
			continue
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		hits = append(hits, hit{title, string(v)})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		switch ea, eb := a.title == query, b.title == query; {
		case ea != eb && ea:
			return -1
		case ea != eb:
			return 1
		case len(a.title) != len(b.title):
			return len(a.title) - len(b.title)
		}
		return strings.Compare(a.title, b.title)
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	pids := make([]string, len(hits))
	for i, h := range hits {
		pids[i] = h.pid
	}
	return pids, nil
}

func allFunc(s []string, f func(string) bool) bool {
	for _, x := range s {
		if !f(x) {
			return false
		}
	}
	return true
}

// EachPaper calls fn with every paper, in key order, and stops at the
// first error fn returns.
func (db *DB) EachPaper(ctx context.Context, fn func(corpus.Paper) error) error {
	return db.EachPaperPID(ctx, func(_ string, p corpus.Paper) error { return fn(p) })
}

// EachPaperPID is EachPaper, with each paper's key.
func (db *DB) EachPaperPID(ctx context.Context, fn func(pid string, p corpus.Paper) error) error {
	return db.bdb.View(func(txn *badger.Txn) error {
		prefix := []byte(paperPrefix)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		n := 0
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			item := it.Item()
			pid := string(item.Key()[len(prefix):])
			var p corpus.Paper
			err := item.Value(func(v []byte) error { return json.Unmarshal(v, &p) })
			if err != nil {
				return fmt.Errorf("store: paper %q: %w: %v", pid, ErrCorrupt, err)
			}
			if err := fn(pid, p); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
}

// Mentions returns the mentions of the paper with the given key or
// identifier, by entity id.
func (db *DB) Mentions(pid string) ([]Mention, error) {
	var ms []Mention
	err := db.bdb.View(func(txn *badger.Txn) error {
		key, err := resolve(txn, pid)
		if err != nil {
			return err
		}
		prefix := pentPrefixOf(key)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 16})
		defer it.Close()
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			eid := string(it.Item().Key()[len(prefix):])
			if strings.IndexByte(eid, '/') >= 0 {
				continue // a mention of a longer pid
			}
			m, err := itemMention(it.Item(), eid)
			if err != nil {
				return err
			}
			ms = append(ms, m)
		}
		return nil
	})
	return ms, err
}

func itemMention(item *badger.Item, eid string) (Mention, error) {
	var m mention
	err := item.Value(func(v []byte) error {
		var err error
		m, err = decodeMention(v)
		return err
	})
	if err != nil {
		return Mention{}, fmt.Errorf("store: mention %q: %w", item.Key(), ErrCorrupt)
	}
	return Mention{EID: eid, Role: m.role, Type: m.typ, Count: m.count, Offset: m.offset}, nil
}

// EachMention calls fn with every mention of every paper, in key order
// (by paper key, then entity id), and stops at the first error fn returns.
func (db *DB) EachMention(ctx context.Context, fn func(pid string, m Mention) error) error {
	return db.bdb.View(func(txn *badger.Txn) error {
		prefix := []byte(pentPrefix)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 256})
		defer it.Close()
		n := 0
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			if n++; n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			pid, eid, ok := splitPent(it.Item().Key())
			if !ok {
				return fmt.Errorf("store: mention key %q: %w", it.Item().Key(), ErrCorrupt)
			}
			m, err := itemMention(it.Item(), eid)
			if err != nil {
				return err
			}
			if err := fn(pid, m); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
}

// Entity returns the entity with the given id, or ErrNotFound.
func (db *DB) Entity(eid string) (Entity, error) {
	var e Entity
	err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		e, err = getEntity(txn, eid)
		return err
	})
	return e, err
}

// LookupEntity returns the entity that has name among its forms, compared
// as extract.Normalize folds them ("LLMs" finds "LLM"), or ErrNotFound.
func (db *DB) LookupEntity(name string) (Entity, error) {
	var e Entity
	err := db.bdb.View(func(txn *badger.Txn) error {
		form := extract.Normalize(name)
		if form == "" || len(form) > maxKeyPart {
			return ErrNotFound
		}
		item, err := txn.Get(aliasKey(form))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		eid, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		e, err = getEntity(txn, string(eid))
		return err
	})
	return e, err
}

func getEntity(txn *badger.Txn, eid string) (Entity, error) {
	if eid == "" || len(eid) > maxKeyPart {
		return Entity{}, ErrNotFound
	}
	item, err := txn.Get(entKey(eid))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return Entity{}, ErrNotFound
	}
	if err != nil {
		return Entity{}, err
	}
	return itemEntity(item, eid)
}

func itemEntity(item *badger.Item, eid string) (Entity, error) {
	var rec *entityRecord
	err := item.Value(func(v []byte) error {
		var err error
		rec, err = decodeEntity(v)
		return err
	})
	if err != nil {
		return Entity{}, fmt.Errorf("store: entity %q: %w: %v", eid, ErrCorrupt, err)
	}
	aliases := rec.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return Entity{ID: eid, Name: rec.Name, Type: rec.Type, Aliases: aliases, Papers: rec.Papers, Introduced: rec.Introduced}, nil
}

// EachEntity calls fn with every entity, in id order, and stops at the
// first error fn returns.
func (db *DB) EachEntity(ctx context.Context, fn func(Entity) error) error {
	return db.bdb.View(func(txn *badger.Txn) error {
		prefix := []byte(entPrefix)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		n := 0
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			e, err := itemEntity(it.Item(), string(it.Item().Key()[len(prefix):]))
			if err != nil {
				return err
			}
			if err := fn(e); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
}

// EntityPapers calls fn with the key of every paper that mentions entity
// eid and the paper's role, in key order, from the inverted index. It
// returns ErrNotFound if there is no such entity.
func (db *DB) EntityPapers(eid string, fn func(pid string, role extract.Role) error) error {
	return db.bdb.View(func(txn *badger.Txn) error {
		if eid == "" || len(eid) > maxKeyPart || strings.IndexByte(eid, '/') >= 0 {
			return ErrNotFound
		}
		if _, err := txn.Get(entKey(eid)); errors.Is(err, badger.ErrKeyNotFound) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		prefix := epapPrefixOf(eid)
		// The values are one byte, kept beside the keys: prefetching
		// them would only start a goroutine for each.
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			item := it.Item()
			var role extract.Role
			err := item.Value(func(v []byte) error {
				if len(v) != 1 {
					return fmt.Errorf("store: index entry %q: %w", item.Key(), ErrCorrupt)
				}
				role = roleOf(v[0])
				return nil
			})
			if err != nil {
				return err
			}
			if err := fn(string(item.Key()[len(prefix):]), role); err != nil {
				return err
			}
		}
		return nil
	})
}

// Stats returns the counts of papers, entities and mentions, from counters
// that every Put keeps up to date.
func (db *DB) Stats() (Stats, error) {
	var st Stats
	err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		st, err = countersIn(txn)
		return err
	})
	return st, err
}

func countersIn(txn *badger.Txn) (Stats, error) {
	st := Stats{Schema: SchemaVersion, ByType: make(map[extract.Type]int)}
	prefix := []byte(countPrefix)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true})
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		name := string(it.Item().Key()[len(prefix):])
		var n int64
		err := it.Item().Value(func(v []byte) error {
			var err error
			n, err = decodeCount(v)
			return err
		})
		if err != nil {
			return Stats{}, fmt.Errorf("store: counter %q: %w", name, ErrCorrupt)
		}
		switch name {
		case papersCounter:
			st.Papers = int(n)
		case entitiesCounter:
			st.Entities = int(n)
		case mentionsCounter:
			st.Mentions = int(n)
		default:
			if t, ok := strings.CutPrefix(name, typeCounters); ok {
				st.ByType[extract.Type(t)] = int(n)
			}
		}
	}
	return st, nil
}

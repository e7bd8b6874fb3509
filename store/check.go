package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
)

// A Problem is one disagreement between the tables of a database.
//
// Papers (paper/) and their mentions (pent/) are the database's facts;
// every other table is derived from them, so Repair can rebuild it. The
// only problems Repair cannot fix are facts that do not decode and a
// schema version it does not know.
type Problem struct {
	// Keys are the keys involved, the one at fault first.
	Keys []string `json:"keys"`
	// Msg says what is wrong, in one line.
	Msg string `json:"problem"`
	// Repairable reports whether Repair fixes the problem.
	Repairable bool `json:"repairable"`

	// fix holds the writes that fix the problem.
	fix []write
}

// maxShownKeys bounds the keys String prints: a paper missing from the
// term index involves a hundred keys.
const maxShownKeys = 3

// String returns the problem on one line: the keys, quoted, then what is
// wrong.
func (p Problem) String() string {
	var b strings.Builder
	for i, k := range p.Keys {
		if i == maxShownKeys {
			fmt.Fprintf(&b, " and %d more", len(p.Keys)-maxShownKeys)
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Quote(k))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Check verifies the database as Verify does and reports up to ten
// problems in an error wrapping ErrCorrupt; nil means the tables agree.
func (db *DB) Check(ctx context.Context) error {
	problems, err := db.Verify(ctx)
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		return nil
	}
	lines := make([]string, 0, min(len(problems), 10))
	for _, p := range problems[:min(len(problems), 10)] {
		lines = append(lines, p.String())
	}
	more := ""
	if len(problems) > 10 {
		more = fmt.Sprintf(" (and %d more)", len(problems)-10)
	}
	return fmt.Errorf("%w: %s%s", ErrCorrupt, strings.Join(lines, "; "), more)
}

// Verify scans the whole database and returns every disagreement between
// its tables, in key order table by table; none means the database is
// consistent. It checks that
//
//   - the schema version is the one this package reads;
//   - every paper decodes, has its term vector (text/) and postings
//     (term/) as Terms gives them, and has its title/ and xid/ entries;
//     each term's document frequency (tdf/) is the number of its papers;
//   - every mention (pent/) decodes and is of a stored paper, has its
//     inverted index entry (epap/) with the same role, and the other way
//     round;
//   - every mentioned entity exists, and its paper, introduction and type
//     vote counts, its type and its forms agree with its mentions and with
//     alias/; no entity is left without papers;
//   - every alias names an entity that lists it, and every title/ and
//     xid/ entry names a stored paper;
//   - the counters equal what the tables hold.
//
// A paper written in part, as a crash inside a non-atomic write would
// leave it, fails the checks of its term vector, postings, index entries
// or counters. Verify reads one snapshot and keeps a few words per paper
// and per entity in memory, and all aliases; it is meant for tests and
// for the check command, not for every command.
func (db *DB) Verify(ctx context.Context) ([]Problem, error) {
	var problems []Problem
	err := db.bdb.View(func(txn *badger.Txn) error {
		c := &checker{ctx: ctx, txn: txn}
		if err := c.run(); err != nil {
			return err
		}
		problems = c.problems
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: check %q: %w", db.opt.Dir, err)
	}
	return problems, nil
}

// checker holds what a Verify has learnt so far.
type checker struct {
	ctx      context.Context
	txn      *badger.Txn
	problems []Problem

	papers map[string]*paperState // every paper/ key; ok is false if it does not decode
	tokens int64                  // summed length of the papers' term vectors
	// tokensUnknown is set when a paper that does not decode has no term
	// vector either, so that the tokens counter cannot be checked.
	tokensUnknown bool
	// df counts the papers of each term, as Repair would leave postings.
	df map[string]int

	mentions    int                      // valid pent/ keys
	tallies     map[string]*tally        // by entity id, from valid mentions
	byPaper     map[string]*[2]digest    // mentions [pent, epap] by paper, for the papers and strays
	stored      map[string]*entityRecord // ent/ records that decode
	undecodable map[string]bool          // ent/ records that do not, by id
	target      map[string]*entityRecord // entities as their mentions make them
	aliases     map[string]string        // alias/ form -> eid
}

// paperState is what Verify keeps of one paper.
type paperState struct {
	ok       bool     // the record decodes
	index    []string // its title/ and xid/ keys
	text     uint64   // hash of its term vector's encoding, as Terms makes it
	hasText  bool     // text/ holds a vector for it
	postings [2]digest
}

// tally counts an entity's valid mentions.
type tally struct {
	papers, introduced int
	votes              map[extract.Type]int
}

// digest summarises a set of entries in two words, so that the sets of
// two tables can be compared per paper without holding either: entries
// are hashed and the hashes summed, which ignores order.
type digest struct {
	n   int
	sum uint64
}

func (d *digest) add(parts ...string) {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	d.n++
	d.sum += h.Sum64()
}

func hashBytes(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// report records a problem; fix, if any, is the writes that mend it.
func (c *checker) report(keys []string, fix []write, format string, args ...any) {
	c.problems = append(c.problems, Problem{Keys: keys, Msg: fmt.Sprintf(format, args...), Repairable: fix != nil, fix: fix})
}

func setFix(key []byte, val []byte) []write { return []write{{key: key, val: val}} }
func delFix(key []byte) []write             { return []write{{key: key, del: true}} }

// scan calls fn with every key under prefix, and its value if values is
// set, in key order. Both are copies, which fixes may keep.
func (c *checker) scan(prefix string, values bool, fn func(key, val []byte) error) error {
	p := []byte(prefix)
	it := c.txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: values, PrefetchSize: 256})
	defer it.Close()
	n := 0
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		if n++; n%4096 == 0 {
			if err := c.ctx.Err(); err != nil {
				return err
			}
		}
		var v []byte
		if values {
			var err error
			if v, err = it.Item().ValueCopy(nil); err != nil {
				return err
			}
		}
		if err := fn(it.Item().KeyCopy(nil), v); err != nil {
			return err
		}
	}
	return c.ctx.Err()
}

func (c *checker) run() error {
	c.papers = make(map[string]*paperState)
	c.tallies = make(map[string]*tally)
	c.byPaper = make(map[string]*[2]digest)
	c.stored = make(map[string]*entityRecord)
	c.undecodable = make(map[string]bool)
	c.aliases = make(map[string]string)
	c.df = make(map[string]int)
	for _, step := range []func() error{
		c.checkSchema,
		c.scanPapers,
		c.checkIndex,
		c.checkText,
		c.checkPostings,
		c.checkDF,
		c.scanMentions,
		c.checkInverted,
		c.checkEntities,
		c.checkAliases,
		c.checkCounters,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) checkSchema() error {
	item, err := c.txn.Get([]byte(schemaKey))
	if errors.Is(err, badger.ErrKeyNotFound) {
		c.report([]string{schemaKey}, nil, "schema version is missing")
		return nil
	}
	if err != nil {
		return err
	}
	v, err := item.ValueCopy(nil)
	if err != nil {
		return err
	}
	if string(v) != strconv.Itoa(SchemaVersion) {
		c.report([]string{schemaKey}, nil, "schema version %q is not %d, the one this paperkg reads", v, SchemaVersion)
	}
	return nil
}

// scanPapers decodes every paper and works out what the derived tables
// should hold for it.
func (c *checker) scanPapers() error {
	return c.scan(paperPrefix, true, func(key, v []byte) error {
		pid := string(key[len(paperPrefix):])
		ps := &paperState{}
		c.papers[pid] = ps
		var p corpus.Paper
		if err := json.Unmarshal(v, &p); err != nil {
			c.report([]string{string(key)}, nil, "paper does not decode: %v", err)
			return nil
		}
		ps.ok = true
		for _, k := range indexKeys(&p) {
			ps.index = append(ps.index, string(k))
		}
		tv := Terms(p.Title, p.Abstract)
		ps.text = hashBytes(tv.encode())
		for i, t := range tv.Terms {
			ps.postings[0].add(string(termKey(t, pid, tv.Counts[i], tv.Length)), string(postingValue(tv.Counts[i], tv.Length)))
			c.df[t]++
		}
		c.tokens += int64(tv.Length)
		return nil
	})
}

// paperTerms decodes paper pid again, for the few papers whose postings
// need a closer look.
func (c *checker) paperTerms(pid string) (TermVector, error) {
	p, err := getPaper(c.txn, pid)
	if err != nil {
		return TermVector{}, err
	}
	return Terms(p.Title, p.Abstract), nil
}

// checkIndex checks title/ and xid/: each paper has its entries, and each
// entry names a stored paper. An entry two papers could have goes to the
// first in key order, as it would have to the first one stored.
func (c *checker) checkIndex() error {
	want := make(map[string]string)
	for _, pid := range slices.Sorted(maps.Keys(c.papers)) {
		for _, k := range c.papers[pid].index {
			if _, ok := want[k]; !ok {
				want[k] = pid
			}
		}
	}
	seen := make(map[string]bool)
	for _, prefix := range []string{titlePrefix, xidPrefix} {
		err := c.scan(prefix, true, func(key, v []byte) error {
			k := string(key)
			seen[k] = true
			if c.papers[string(v)] != nil {
				return nil
			}
			if pid, ok := want[k]; ok {
				c.report([]string{k, paperPrefix + pid}, setFix(key, []byte(pid)), "index entry names missing paper %q instead of paper %q", v, pid)
				return nil
			}
			c.report([]string{k}, delFix(key), "index entry names missing paper %q", v)
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if !seen[k] {
			pid := want[k]
			c.report([]string{paperPrefix + pid, k}, setFix([]byte(k), []byte(pid)), "paper has no index entry %q", k)
		}
	}
	return nil
}

// checkText checks that each paper has its term vector, and that no
// vector outlives its paper.
func (c *checker) checkText() error {
	err := c.scan(textPrefix, true, func(key, v []byte) error {
		pid := string(key[len(textPrefix):])
		ps := c.papers[pid]
		switch {
		case ps == nil:
			c.report([]string{string(key)}, delFix(key), "term vector of missing paper %q", pid)
		case !ps.ok:
			// The paper's own length is lost with its record; its term
			// vector, if it decodes, still says what it added to tokens.
			ps.hasText = true
			if tv, err := decodeTermVector(v); err == nil {
				c.tokens += int64(tv.Length)
			} else {
				c.tokensUnknown = true
			}
		case hashBytes(v) != ps.text:
			ps.hasText = true
			tv, err := c.paperTerms(pid)
			if err != nil {
				return err
			}
			c.report([]string{string(key)}, setFix(key, tv.encode()), "term vector is not the terms of paper %q", pid)
		default:
			ps.hasText = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, pid := range slices.Sorted(maps.Keys(c.papers)) {
		if ps := c.papers[pid]; !ps.ok && !ps.hasText {
			c.tokensUnknown = true
		}
		if ps := c.papers[pid]; ps.ok && !ps.hasText {
			tv, err := c.paperTerms(pid)
			if err != nil {
				return err
			}
			c.report([]string{paperPrefix + pid, string(textKey(pid))}, setFix(textKey(pid), tv.encode()), "paper has no term vector")
		}
	}
	return nil
}

// checkPostings compares each paper's postings with its terms, by digest
// first, then key by key for the papers whose digests differ.
func (c *checker) checkPostings() error {
	strays := make(map[string][]string) // pid -> postings of a missing paper
	err := c.scan(termPrefix, true, func(key, v []byte) error {
		term, pid, ok := splitTermKey(key)
		ps := c.papers[pid]
		switch {
		case !ok || ps == nil:
			strays[pid] = append(strays[pid], string(key))
		case ps.ok:
			ps.postings[1].add(string(key), string(v))
		default:
			c.df[term]++ // Repair leaves the postings of a paper it cannot read
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, pid := range slices.Sorted(maps.Keys(strays)) {
		keys := strays[pid]
		fix := make([]write, len(keys))
		for i, k := range keys {
			fix[i] = write{key: []byte(k), del: true}
		}
		c.report(keys, fix, "%d postings of missing paper %q", len(keys), pid)
	}

	bad := make(map[string]TermVector)
	for pid, ps := range c.papers {
		if ps.ok && ps.postings[0] != ps.postings[1] {
			tv, err := c.paperTerms(pid)
			if err != nil {
				return err
			}
			bad[pid] = tv
		}
	}
	if len(bad) == 0 {
		return nil
	}
	type diff struct {
		keys                  []string
		fix                   []write
		missing, extra, wrong int
	}
	diffs := make(map[string]*diff)
	have := make(map[string]bool)
	err = c.scan(termPrefix, true, func(key, v []byte) error {
		term, pid, _ := splitTermKey(key)
		tv, ok := bad[pid]
		if !ok {
			return nil
		}
		d := diffs[pid]
		if d == nil {
			d = &diff{}
			diffs[pid] = d
		}
		have[string(key)] = true
		switch i, found := slices.BinarySearch(tv.Terms, term); {
		case !found || !bytes.Equal(key, termKey(term, pid, tv.Counts[i], tv.Length)):
			// Not a term of the paper, or filed under another rank:
			// the right key, if any, is missing.
			d.extra++
			d.keys = append(d.keys, string(key))
			d.fix = append(d.fix, write{key: key, del: true})
		case !bytes.Equal(v, postingValue(tv.Counts[i], tv.Length)):
			d.wrong++
			d.keys = append(d.keys, string(key))
			d.fix = append(d.fix, write{key: key, val: postingValue(tv.Counts[i], tv.Length)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, pid := range slices.Sorted(maps.Keys(bad)) {
		tv := bad[pid]
		d := diffs[pid]
		if d == nil {
			d = &diff{}
		}
		for i, t := range tv.Terms {
			if k := termKey(t, pid, tv.Counts[i], tv.Length); !have[string(k)] {
				d.missing++
				d.keys = append(d.keys, string(k))
				d.fix = append(d.fix, write{key: k, val: postingValue(tv.Counts[i], tv.Length)})
			}
		}
		if len(d.fix) == 0 {
			continue // a hash collision of two different sets: nothing to mend
		}
		keys := append([]string{paperPrefix + pid}, d.keys...)
		c.report(keys, d.fix, "postings disagree with the paper's terms: %d missing, %d extra, %d wrong", d.missing, d.extra, d.wrong)
	}
	return nil
}

// validMention decodes a pent/ key and value, and reports why it is not a
// valid mention if it is not.
func (c *checker) validMention(key, v []byte) (pid, eid string, m mention, why string) {
	pid, eid, ok := splitPent(key)
	if !ok || eid == "" {
		return "", "", mention{}, "mention key has no entity id"
	}
	m, err := decodeMention(v)
	if err != nil {
		return "", "", mention{}, "mention does not decode"
	}
	if c.papers[pid] == nil {
		return "", "", mention{}, fmt.Sprintf("mention of missing paper %q", pid)
	}
	return pid, eid, m, ""
}

func (c *checker) paperDigests(pid string) *[2]digest {
	d := c.byPaper[pid]
	if d == nil {
		d = new([2]digest)
		c.byPaper[pid] = d
	}
	return d
}

// scanMentions tallies the valid mentions by entity and by paper.
func (c *checker) scanMentions() error {
	return c.scan(pentPrefix, true, func(key, v []byte) error {
		pid, eid, m, why := c.validMention(key, v)
		if why != "" {
			c.report([]string{string(key)}, delFix(key), "%s", why)
			return nil
		}
		c.mentions++
		t := c.tallies[eid]
		if t == nil {
			t = &tally{votes: make(map[extract.Type]int)}
			c.tallies[eid] = t
		}
		t.papers++
		if m.role == extract.Introduces {
			t.introduced++
		}
		t.votes[m.typ]++
		c.paperDigests(pid)[0].add(eid, string(roleByte(m.role)))
		return nil
	})
}

// checkInverted compares epap/ with the valid mentions, by digest per
// paper first, then key by key for the papers whose digests differ.
func (c *checker) checkInverted() error {
	err := c.scan(epapPrefix, true, func(key, v []byte) error {
		eid, pid, _ := strings.Cut(string(key[len(epapPrefix):]), "/")
		c.paperDigests(pid)[1].add(eid, string(v))
		return nil
	})
	if err != nil {
		return err
	}
	bad := make(map[string]map[string]byte) // pid -> eid -> role byte of its valid mentions
	for pid, d := range c.byPaper {
		if d[0] != d[1] {
			bad[pid] = make(map[string]byte)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	for pid, roles := range bad {
		prefix := string(pentPrefixOf(pid))
		err := c.scan(prefix, true, func(key, v []byte) error {
			p, eid, m, why := c.validMention(key, v)
			if why == "" && p == pid {
				roles[eid] = roleByte(m.role)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	have := make(map[string]bool)
	err = c.scan(epapPrefix, true, func(key, v []byte) error {
		eid, pid, _ := strings.Cut(string(key[len(epapPrefix):]), "/")
		roles, ok := bad[pid]
		if !ok {
			return nil
		}
		have[eid+"/"+pid] = true
		role, ok := roles[eid]
		switch {
		case !ok:
			c.report([]string{string(key)}, delFix(key), "index entry has no mention")
		case len(v) != 1 || v[0] != role:
			c.report([]string{string(key), string(pentKey(pid, eid))}, setFix(key, []byte{role}),
				"index entry %q disagrees with its mention's role %q", v, string(role))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, pid := range slices.Sorted(maps.Keys(bad)) {
		for _, eid := range slices.Sorted(maps.Keys(bad[pid])) {
			if !have[eid+"/"+pid] {
				c.report([]string{string(pentKey(pid, eid)), string(epapKey(eid, pid))},
					setFix(epapKey(eid, pid), []byte{bad[pid][eid]}), "mention has no index entry")
			}
		}
	}
	return nil
}

// checkEntities compares each entity record with its mentions, and
// works out the records Repair would write.
func (c *checker) checkEntities() error {
	c.target = make(map[string]*entityRecord)
	err := c.scan(entPrefix, true, func(key, v []byte) error {
		eid := string(key[len(entPrefix):])
		rec, err := decodeEntity(v)
		if err != nil {
			if c.tallies[eid] == nil {
				c.report([]string{string(key)}, delFix(key), "entity does not decode, and no paper mentions it")
				return nil
			}
			c.undecodable[eid] = true // rebuilt from its mentions in checkAliases
			return nil
		}
		c.stored[eid] = rec
		if c.tallies[eid] == nil {
			c.report([]string{string(key)}, delFix(key), "entity has no papers")
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, eid := range slices.Sorted(maps.Keys(c.tallies)) {
		t := c.tallies[eid]
		rec := &entityRecord{Name: eid}
		if s := c.stored[eid]; s != nil {
			cp := *s
			cp.Aliases = slices.Clone(s.Aliases)
			cp.Forms = slices.Clone(s.Forms)
			rec = &cp
		}
		rec.Papers, rec.Introduced, rec.Votes = t.papers, t.introduced, maps.Clone(t.votes)
		rec.Type = rec.majority()
		forms := []string{eid}
		for _, f := range rec.Forms {
			if len(forms) < maxForms && !slices.Contains(forms, f) {
				forms = append(forms, f)
			}
		}
		rec.Forms = forms
		c.target[eid] = rec
	}
	return nil
}

// checkAliases settles which entity owns each form, then compares alias/
// and the entity records with that, and reports the entity records that
// differ from their targets.
func (c *checker) checkAliases() error {
	err := c.scan(aliasPrefix, true, func(key, v []byte) error {
		c.aliases[string(key[len(aliasPrefix):])] = string(v)
		return nil
	})
	if err != nil {
		return err
	}
	listed := make(map[string][]string) // form -> entities listing it, in id order
	eids := slices.Sorted(maps.Keys(c.target))
	for _, eid := range eids {
		for _, f := range c.target[eid].Forms {
			listed[f] = append(listed[f], eid)
		}
	}
	// An entity's id is its own first form. Among the others that list a
	// form, the one it is registered to keeps it, else the first.
	owner := make(map[string]string)
	for f, cands := range listed {
		switch {
		case slices.Contains(cands, f):
			owner[f] = f
		case slices.Contains(cands, c.aliases[f]):
			owner[f] = c.aliases[f]
		default:
			owner[f] = cands[0]
		}
	}
	// A form that no entity lists but is registered to one joins its
	// forms, where there is room: the registration is what resolves it.
	for _, f := range slices.Sorted(maps.Keys(c.aliases)) {
		eid := c.aliases[f]
		if rec := c.target[eid]; rec != nil && owner[f] == "" && len(rec.Forms) < maxForms {
			rec.Forms = append(rec.Forms, f)
			owner[f] = eid
		}
	}
	for _, eid := range eids {
		rec := c.target[eid]
		rec.Forms = slices.DeleteFunc(rec.Forms, func(f string) bool { return owner[f] != eid })
	}

	for _, f := range slices.Sorted(maps.Keys(c.aliases)) {
		key := string(aliasKey(f))
		got, want := c.aliases[f], owner[f]
		switch {
		case want == got:
		case want != "":
			c.report([]string{key, entPrefix + want}, setFix(aliasKey(f), []byte(want)), "form of entity %q is registered to %q", want, got)
		case c.stored[got] == nil:
			c.report([]string{key}, delFix(aliasKey(f)), "alias names missing entity %q", got)
		case c.target[got] == nil:
			c.report([]string{key}, delFix(aliasKey(f)), "alias names entity %q, which no paper mentions", got)
		default:
			c.report([]string{key}, delFix(aliasKey(f)), "alias is not among the forms of entity %q, which has no room for it", got)
		}
	}
	for _, f := range slices.Sorted(maps.Keys(owner)) {
		if _, ok := c.aliases[f]; !ok {
			c.report([]string{string(aliasKey(f)), entPrefix + owner[f]}, setFix(aliasKey(f), []byte(owner[f])),
				"form of entity %q is not registered", owner[f])
		}
	}

	for _, eid := range eids {
		rec, s := c.target[eid], c.stored[eid]
		key := string(entKey(eid))
		fix := setFix(entKey(eid), rec.encode())
		switch {
		case s == nil && c.undecodable[eid]:
			c.report([]string{key}, fix, "entity does not decode; %d papers mention it", rec.Papers)
			continue
		case s == nil:
			c.report([]string{key}, fix, "%d papers mention missing entity", rec.Papers)
			continue
		}
		if s.Papers != rec.Papers || s.Introduced != rec.Introduced {
			c.report([]string{key}, fix, "entity counts %d papers, %d introducing, but has %d, %d", s.Papers, s.Introduced, rec.Papers, rec.Introduced)
		}
		if !maps.Equal(s.Votes, rec.Votes) {
			c.report([]string{key}, fix, "entity has type votes %v, its mentions %v", s.Votes, rec.Votes)
		}
		if s.Type != rec.Type {
			c.report([]string{key}, fix, "entity has type %q, its mentions' majority is %q", s.Type, rec.Type)
		}
		if !slices.Equal(s.Forms, rec.Forms) {
			c.report([]string{key}, fix, "entity lists forms %q, of which it owns %q", s.Forms, rec.Forms)
		}
	}
	return nil
}

// checkDF compares the document frequencies (tdf/) with the postings.
func (c *checker) checkDF() error {
	seen := make(map[string]bool)
	err := c.scan(tdfPrefix, true, func(key, v []byte) error {
		term := string(key[len(tdfPrefix):])
		seen[term] = true
		want := c.df[term]
		fix := setFix(key, binary.AppendUvarint(nil, uint64(want)))
		if want == 0 {
			fix = delFix(key)
		}
		switch n, err := decodeDF(v); {
		case err != nil:
			c.report([]string{string(key)}, fix, "document frequency does not decode")
		case n != want:
			c.report([]string{string(key)}, fix, "document frequency is %d, the postings hold %d", n, want)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// A lost table would be a problem a term: report them as one.
	var keys []string
	var fix []write
	for _, t := range slices.Sorted(maps.Keys(c.df)) {
		if n := c.df[t]; n > 0 && !seen[t] {
			keys = append(keys, string(tdfKey(t)))
			fix = append(fix, write{key: tdfKey(t), val: binary.AppendUvarint(nil, uint64(n))})
		}
	}
	if len(keys) > 0 {
		c.report(keys, fix, "%d terms have no document frequency", len(keys))
	}
	return nil
}

// checkCounters compares the counters with what the tables hold, as
// Repair would leave them.
func (c *checker) checkCounters() error {
	want := map[string]int64{
		papersCounter:   int64(len(c.papers)),
		entitiesCounter: int64(len(c.target)),
		mentionsCounter: int64(c.mentions),
		tokensCounter:   c.tokens,
	}
	for _, rec := range c.target {
		want[typeCountKey(rec.Type)]++
	}
	got := make(map[string]int64)
	err := c.scan(countPrefix, true, func(key, v []byte) error {
		name := string(key[len(countPrefix):])
		n, err := decodeCount(v)
		if err != nil {
			c.report([]string{string(key)}, setOrDelCount(name, want[name]), "counter does not decode")
			got[name] = -1
			return nil
		}
		got[name] = n
		return nil
	})
	if err != nil {
		return err
	}
	names := slices.Sorted(maps.Keys(want))
	for name := range got {
		if _, ok := want[name]; !ok && (strings.HasPrefix(name, typeCounters) || name == papersCounter ||
			name == entitiesCounter || name == mentionsCounter || name == tokensCounter) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range slices.Compact(names) {
		g, w := got[name], want[name]
		if g == w || g == -1 || name == tokensCounter && c.tokensUnknown {
			continue
		}
		c.report([]string{string(countKey(name))}, setOrDelCount(name, w), "counter is %d, the tables hold %d", g, w)
	}
	return nil
}

// setOrDelCount writes a counter as Put keeps it: absent at zero.
func setOrDelCount(name string, n int64) []write {
	if n == 0 {
		return delFix(countKey(name))
	}
	return setFix(countKey(name), encodeCount(n))
}

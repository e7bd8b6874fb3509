package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/extract/lexicon"
)

// Doc is a paper with the entities extracted from its title and abstract.
type Doc struct {
	Paper    corpus.Paper
	Entities []extract.Entity
}

// PutResult counts what Put did with its documents.
type PutResult struct {
	Added     int // papers new to the database
	Updated   int // known papers that gained information
	Unchanged int // known papers with nothing new
}

func (r *PutResult) add(o PutResult) {
	r.Added += o.Added
	r.Updated += o.Updated
	r.Unchanged += o.Unchanged
}

// Put stores docs, in order, and reports how many papers were new, updated
// or unchanged.
//
// A doc's paper is the stored paper with the same PID, arXiv id, DOI or
// (non-empty) normalised title; a title match is refused when both records
// carry different arXiv ids or different DOIs. A new paper is stored with
// its entities. A known paper is merged field by field: each field the
// stored record lacks is taken from the doc, the rest is kept, and so is the
// key. If that changes nothing, nothing is written. If it changes the title
// or the abstract, the paper's entities are replaced: by the doc's entities
// when the doc's text is the merged text, else by reextract(merged) (or, if
// reextract is nil, by the doc's entities still).
//
// Entities resolve across papers as the package documentation describes;
// entities whose name normalises to nothing are skipped, and a mention
// counts at least once.
//
// Put commits the docs in as few transactions as Badger takes, each paper
// whole with its counter updates. If ctx is cancelled, Put commits the
// papers done so far and returns their counts with ctx's error. Put checks
// every doc before it writes anything and fails, wrapping ErrInvalid, if
// one has neither an id nor a title.
func (db *DB) Put(ctx context.Context, docs []Doc, reextract func(corpus.Paper) []extract.Entity) (PutResult, error) {
	if db.opt.ReadOnly {
		return PutResult{}, ErrReadOnly
	}
	for i := range docs {
		p := &docs[i].Paper
		pid := p.PID()
		switch {
		case pid == "":
			return PutResult{}, fmt.Errorf("store: doc %d: paper has neither an id nor a title: %w", i, ErrInvalid)
		case len(pid) > maxKeyPart:
			return PutResult{}, fmt.Errorf("store: doc %d: paper id of %d bytes is too long: %w", i, len(pid), ErrInvalid)
		}
	}

	db.mu.Lock()
	defer db.mu.Unlock()
	b := newBatch(db.bdb)
	if db.df == nil || len(db.df) > maxDFCache {
		db.df = make(map[string][]byte)
	}
	b.df = db.df
	defer func() {
		if b.failed {
			db.df = nil
		}
	}()
	defer b.close()
	for i := range docs {
		if err := ctx.Err(); err != nil {
			if cerr := b.finish(); cerr != nil {
				return b.done, fmt.Errorf("store: %w", cerr)
			}
			return b.done, err
		}
		w := newDocWriter(b)
		res, err := w.put(&docs[i], reextract)
		if err == nil {
			err = b.add(w.writes, res)
		}
		if err != nil {
			b.wait()
			return b.done, fmt.Errorf("store: put paper %q: %w", docs[i].Paper.PID(), err)
		}
		if w.mentionsOf != "" {
			b.mentions[w.mentionsOf] = w.mentions
		}
	}
	if err := b.finish(); err != nil {
		return b.done, fmt.Errorf("store: %w", err)
	}
	return b.done, nil
}

// Unchanged reports, for each paper, whether it is stored already and Put
// would change nothing for it: so a caller can skip extracting the
// entities of the papers it ingests again. It reads without waiting for
// writers. A paper that a Put running at the same time adds or completes
// may be reported as not unchanged; one reported unchanged stays so, since
// Put only ever adds to a stored paper.
func (db *DB) Unchanged(papers []corpus.Paper) ([]bool, error) {
	out := make([]bool, len(papers))
	b := &batch{db: db.bdb, snap: db.bdb.NewTransaction(false)}
	defer b.snap.Discard()
	for i := range papers {
		p := &papers[i]
		if pid := p.PID(); pid == "" || len(pid) > maxKeyPart {
			continue
		}
		w := newDocWriter(b)
		_, stored, found, err := w.findPaper(p)
		if err != nil {
			return nil, fmt.Errorf("store: paper %q: %w", p.PID(), err)
		}
		if !found {
			continue
		}
		merged := merge(stored, *p)
		if out[i], err = samePaper(&merged, &stored); err != nil {
			return nil, fmt.Errorf("store: paper %q: %w", p.PID(), err)
		}
	}
	return out, nil
}

// A write is one Set or Delete of a transaction.
type write struct {
	key, val []byte
	del      bool
}

// groupPapers bounds the papers of one transaction, so that a Put of a
// few hundred papers still commits several times and its last commit,
// which nothing overlaps, is short.
const groupPapers = 128

// batch computes the writes of a Put's papers and commits them in groups
// of whole papers. Computing a group overlaps with committing the one
// before it: a Badger commit waits while the memtable takes every write,
// which is as long as computing them.
//
// The writes a group reads are those of the database when the last
// commit ended (snap), then the group in flight (flight), then the group
// being built (building). Badger's own transactions cannot serve here: a
// new transaction waits until every commit before it is done.
type batch struct {
	db *badger.DB
	// snap is a read-only view of the database with every commit so far,
	// and mentions the mentions of the papers Put has written since it
	// began: together they give a paper's mentions without iterating over
	// pending writes.
	snap     *badger.Txn
	mentions map[string]map[string]mention
	// ents are the records of the entities Put has read or written, as
	// the papers computed so far leave them: a few entities are in many
	// papers, and decoding theirs for each costs more than the rest of
	// the paper.
	ents map[string]*entityRecord

	building    map[string]int // key -> index in writes of the group being built
	writes      []write        // of the group being built, papers in order
	papers      []groupPaper
	size, count int64 // Badger's estimate of the group's transaction size

	flight    map[string]int // the same for the group being committed
	flightWs  []write
	flightRes chan commitResult // nil when no group is in flight

	done PutResult // papers committed

	// df caches committed tdf/ values (DB.df); failed marks a group whose
	// commit failed, after which the cache may be wrong.
	df     map[string][]byte
	failed bool
}

// A groupPaper is the end of a paper's writes in its group, and what the
// paper counts as.
type groupPaper struct {
	end int
	res PutResult
}

// commitResult reports a group's commit: the counts of the papers it
// committed, all of them unless err is set.
type commitResult struct {
	done PutResult
	err  error
}

func newBatch(db *badger.DB) *batch {
	return &batch{
		db:       db,
		snap:     db.NewTransaction(false),
		mentions: make(map[string]map[string]mention),
		ents:     make(map[string]*entityRecord),
		building: make(map[string]int),
	}
}

// close waits for the group in flight and releases the snapshot. A group
// still being built is dropped.
func (b *batch) close() {
	b.wait()
	b.snap.Discard()
}

// lookup returns the write of the papers computed but not yet committed
// to key, if any.
func (b *batch) lookup(key []byte) (write, bool) {
	if i, ok := b.building[string(key)]; ok {
		return b.writes[i], true
	}
	if i, ok := b.flight[string(key)]; ok {
		return b.flightWs[i], true
	}
	return write{}, false
}

// add adds one paper's writes to the group being built, sending the group
// to commit first if the paper would not fit in its transaction.
func (b *batch) add(ws []write, res PutResult) error {
	if len(ws) == 0 {
		b.done.add(res)
		return nil
	}
	size, count := estimate(ws)
	if len(b.papers) > 0 && (len(b.papers) >= groupPapers ||
		b.size+size >= b.db.MaxBatchSize() || b.count+count >= b.db.MaxBatchCount()) {
		if err := b.send(); err != nil {
			return err
		}
	}
	for _, w := range ws {
		// A key written by several papers of the group is set several
		// times in its transaction, which keeps the last value.
		b.building[string(w.key)] = len(b.writes)
		b.writes = append(b.writes, w)
	}
	b.papers = append(b.papers, groupPaper{end: len(b.writes), res: res})
	b.size += size
	b.count += count
	return nil
}

// send waits for the group in flight, then starts committing the group
// being built and begins a new one.
func (b *batch) send() error {
	if err := b.wait(); err != nil {
		return err
	}
	if len(b.papers) == 0 {
		return nil
	}
	if err := checkSpace(b.db, b.size); err != nil {
		return err
	}
	// Everything committed is now in a new snapshot.
	b.snap.Discard()
	b.snap = b.db.NewTransaction(false)
	b.flight, b.flightWs = b.building, b.writes
	ch := make(chan commitResult, 1)
	b.flightRes = ch
	go func(ws []write, papers []groupPaper) {
		ch <- commitGroup(b.db, ws, papers)
	}(b.writes, b.papers)
	b.building = make(map[string]int, len(b.flight))
	b.writes, b.papers = nil, nil
	b.size, b.count = 0, 0
	return nil
}

// wait waits for the group in flight to be committed and counts its
// papers as done.
func (b *batch) wait() error {
	if b.flightRes == nil {
		return nil
	}
	r := <-b.flightRes
	if r.err != nil {
		b.failed = true
		b.df = nil
	} else if b.df != nil {
		for _, w := range b.flightWs {
			if bytes.HasPrefix(w.key, []byte(tdfPrefix)) {
				if w.del {
					b.df[string(w.key)] = nil
				} else {
					b.df[string(w.key)] = w.val
				}
			}
		}
	}
	b.flightRes = nil
	b.flight, b.flightWs = nil, nil
	b.done.add(r.done)
	return r.err
}

// finish commits the papers computed so far and waits for them.
func (b *batch) finish() error {
	if err := b.send(); err != nil {
		return err
	}
	return b.wait()
}

// commitGroup commits a group's writes in one transaction, or in several
// of whole papers if Badger finds it too big for one.
func commitGroup(db *badger.DB, ws []write, papers []groupPaper) commitResult {
	var res commitResult
	txn := db.NewTransaction(true)
	defer func() { txn.Discard() }()
	first, start := 0, 0 // the first paper and write of txn
	for i, p := range papers {
		err := apply(txn, ws[start:p.end])
		if errors.Is(err, badger.ErrTxnTooBig) && i > first {
			// The estimate was short: commit the papers before this one
			// alone, then this one in a new transaction.
			txn.Discard()
			txn = db.NewTransaction(true)
			from := 0
			if first > 0 {
				from = papers[first-1].end
			}
			if err := apply(txn, ws[from:start]); err != nil {
				res.err = err
				return res
			}
			if err := txn.Commit(); err != nil {
				res.err = fmt.Errorf("commit: %w", err)
				return res
			}
			for _, q := range papers[first:i] {
				res.done.add(q.res)
			}
			first = i
			txn = db.NewTransaction(true)
			err = apply(txn, ws[start:p.end])
		}
		if errors.Is(err, badger.ErrTxnTooBig) {
			size, count := estimate(ws[start:p.end])
			res.err = fmt.Errorf("%d writes of %d bytes do not fit in one transaction; open the database with a larger MemTableSize: %w", count, size, err)
			return res
		}
		if err != nil {
			res.err = err
			return res
		}
		start = p.end
	}
	if err := txn.Commit(); err != nil {
		res.err = fmt.Errorf("commit: %w", err)
		return res
	}
	for _, q := range papers[first:] {
		res.done.add(q.res)
	}
	return res
}

// estimate mirrors Badger's own accounting of a transaction's size
// (Txn.checkSize): key, value, two bytes of metadata and ten of version.
func estimate(ws []write) (size, count int64) {
	for _, w := range ws {
		size += int64(len(w.key)+len(w.val)) + 12
	}
	return size, int64(len(ws))
}

func apply(txn *badger.Txn, ws []write) error {
	for _, w := range ws {
		var err error
		if w.del {
			err = txn.Delete(w.key)
		} else {
			err = txn.Set(w.key, w.val)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// docWriter computes the writes of one paper. It reads through the writes
// of the papers before it that are not yet committed, and through its
// own, which the batch does not have yet.
type docWriter struct {
	batch  *batch
	index  map[string]int // key -> position in writes
	writes []write
	reads  map[string][]byte // values read from the batch, nil if absent

	ents map[string]*entityRecord // entities read or changed
	orig map[string]entityState   // their state before this paper

	// mentionsOf is the paper whose mentions this paper's writes set to
	// mentions, if any.
	mentionsOf string
	mentions   map[string]mention
}

// entityState is what the counters knew of an entity.
type entityState struct {
	existed bool
	typ     extract.Type
}

func newDocWriter(b *batch) *docWriter {
	return &docWriter{
		batch: b,
		index: make(map[string]int),
		reads: make(map[string][]byte),
		ents:  make(map[string]*entityRecord),
		orig:  make(map[string]entityState),
	}
}

// get returns the value of key as this paper's writes left it.
func (w *docWriter) get(key []byte) ([]byte, bool, error) {
	if i, ok := w.index[string(key)]; ok {
		if w.writes[i].del {
			return nil, false, nil
		}
		return w.writes[i].val, true, nil
	}
	// A paper reads some keys twice (an index entry when it looks for
	// itself and when it adds itself), and a miss costs as much as a hit.
	if v, ok := w.reads[string(key)]; ok {
		return v, v != nil, nil
	}
	v, ok, err := w.batch.get(key)
	if err != nil {
		return nil, false, err
	}
	if ok && v == nil {
		v = []byte{}
	}
	w.reads[string(key)] = v
	return v, ok, nil
}

// get returns the value of key as the papers computed so far leave it.
func (b *batch) get(key []byte) ([]byte, bool, error) {
	if wr, ok := b.lookup(key); ok {
		if wr.del {
			return nil, false, nil
		}
		return wr.val, true, nil
	}
	cached := b.df != nil && bytes.HasPrefix(key, []byte(tdfPrefix))
	if cached {
		if v, ok := b.df[string(key)]; ok {
			return v, v != nil, nil
		}
	}
	item, err := b.snap.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		if cached {
			b.df[string(key)] = nil
		}
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	if err == nil && cached {
		b.df[string(key)] = v
	}
	return v, err == nil, err
}

func (w *docWriter) set(key, val []byte) { w.record(write{key: key, val: val}) }
func (w *docWriter) del(key []byte)      { w.record(write{key: key, del: true}) }

func (w *docWriter) record(wr write) {
	if i, ok := w.index[string(wr.key)]; ok {
		w.writes[i] = wr
		return
	}
	w.index[string(wr.key)] = len(w.writes)
	w.writes = append(w.writes, wr)
}

// count adds delta to a counter, deleting it at zero.
func (w *docWriter) count(name string, delta int64) error {
	if delta == 0 {
		return nil
	}
	err := w.addTo(countKey(name), delta, decodeCount, encodeCount)
	if errors.Is(err, errCodec) {
		return fmt.Errorf("counter %q: %w", name, ErrCorrupt)
	}
	return err
}

// addTo adds delta to the number that key holds in the encoding of decode
// and encode (0 if key is absent), deleting key when the sum is 0 or less.
// It returns the error of a value decode rejects as it is.
func (w *docWriter) addTo(key []byte, delta int64, decode func([]byte) (int64, error), encode func(int64) []byte) error {
	v, ok, err := w.get(key)
	if err != nil {
		return err
	}
	var n int64
	if ok {
		if n, err = decode(v); err != nil {
			return err
		}
	}
	if n += delta; n <= 0 {
		w.del(key)
	} else {
		w.set(key, encode(n))
	}
	return nil
}

// put computes the writes of one doc.
func (w *docWriter) put(d *Doc, reextract func(corpus.Paper) []extract.Entity) (PutResult, error) {
	p := d.Paper
	key, stored, found, err := w.findPaper(&p)
	if err != nil {
		return PutResult{}, err
	}
	if !found {
		key = p.PID()
		if err := w.setPaper(key, &p, nil); err != nil {
			return PutResult{}, err
		}
		if err := w.count(papersCounter, 1); err != nil {
			return PutResult{}, err
		}
		if err := w.setMentions(key, nil, d.Entities); err != nil {
			return PutResult{}, err
		}
		if err := w.setTerms(key, &p); err != nil {
			return PutResult{}, err
		}
		return PutResult{Added: 1}, w.flushEntities()
	}

	// The record may name the paper by an id the stored one lacks (the
	// Semantic Scholar paperId of a paper first read from arXiv): index
	// that id too, so citations that use it reach the paper.
	indexed, err := w.indexIDs(key, &p)
	if err != nil {
		return PutResult{}, err
	}
	merged := merge(stored, p)
	same, err := samePaper(&merged, &stored)
	if err != nil {
		return PutResult{}, err
	}
	if same {
		if indexed {
			return PutResult{Updated: 1}, nil
		}
		return PutResult{Unchanged: 1}, nil
	}
	if err := w.setPaper(key, &merged, &stored); err != nil {
		return PutResult{}, err
	}
	text := extract.Text(merged.Title, merged.Abstract)
	if text != extract.Text(stored.Title, stored.Abstract) {
		ents := d.Entities
		if text != extract.Text(p.Title, p.Abstract) && reextract != nil {
			ents = reextract(merged)
		}
		old, err := w.storedMentions(key)
		if err != nil {
			return PutResult{}, err
		}
		if err := w.setMentions(key, old, ents); err != nil {
			return PutResult{}, err
		}
		if err := w.setTerms(key, &merged); err != nil {
			return PutResult{}, err
		}
		if err := w.flushEntities(); err != nil {
			return PutResult{}, err
		}
	}
	return PutResult{Updated: 1}, nil
}

// findPaper looks for the stored paper that p is a record of, and returns
// its key.
func (w *docWriter) findPaper(p *corpus.Paper) (key string, stored corpus.Paper, found bool, err error) {
	type lookup struct {
		key     []byte
		byTitle bool
	}
	var ls []lookup
	ls = append(ls, lookup{key: paperKey(p.PID())})
	if p.ArXivID != "" {
		ls = append(ls, lookup{key: xidKey(xidArXiv, p.ArXivID)})
	}
	if p.DOI != "" {
		ls = append(ls, lookup{key: xidKey(xidDOI, strings.ToLower(p.DOI))})
	}
	if p.ID != "" {
		ls = append(ls, lookup{key: xidKey(xidID, p.ID)})
	}
	if t := corpus.NormalizeTitle(p.Title); t != "" && len(t) <= maxKeyPart {
		ls = append(ls, lookup{key: titleKey(t), byTitle: true})
	}
	for i, l := range ls {
		key := p.PID()
		if i > 0 {
			v, ok, err := w.get(l.key)
			if err != nil {
				return "", corpus.Paper{}, false, err
			}
			if !ok {
				continue
			}
			key = string(v)
		}
		v, ok, err := w.get(paperKey(key))
		if err != nil {
			return "", corpus.Paper{}, false, err
		}
		if !ok {
			if i > 0 {
				return "", corpus.Paper{}, false, fmt.Errorf("index %q names missing paper %q: %w", l.key, key, ErrCorrupt)
			}
			continue
		}
		if err := json.Unmarshal(v, &stored); err != nil {
			return "", corpus.Paper{}, false, fmt.Errorf("paper %q: %w: %v", key, ErrCorrupt, err)
		}
		if l.byTitle && conflicting(&stored, p) {
			continue
		}
		return key, stored, true, nil
	}
	return "", corpus.Paper{}, false, nil
}

// conflicting reports whether two records with the same title carry
// identifiers that make them different papers.
func conflicting(a, b *corpus.Paper) bool {
	return a.ArXivID != "" && b.ArXivID != "" && a.ArXivID != b.ArXivID ||
		a.DOI != "" && b.DOI != "" && !strings.EqualFold(a.DOI, b.DOI)
}

// merge returns stored with every empty field filled from p.
func merge(stored, p corpus.Paper) corpus.Paper {
	m := stored
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&m.ID, p.ID)
	fill(&m.ArXivID, p.ArXivID)
	fill(&m.DOI, p.DOI)
	fill(&m.Title, p.Title)
	fill(&m.Abstract, p.Abstract)
	fill(&m.URL, p.URL)
	fill(&m.Source, p.Source)
	if m.Year == 0 {
		m.Year = p.Year
	}
	if len(m.Authors) == 0 && len(p.Authors) > 0 {
		m.Authors = slices.Clone(p.Authors)
	}
	// Each source knows its own citations: keep them all.
	for _, r := range p.References {
		if !slices.Contains(m.References, r) {
			m.References = append(slices.Clip(m.References), r)
		}
	}
	return m
}

// indexIDs points every title/ and xid/ key of p that names no paper yet at
// the paper stored under key, and reports whether it wrote any.
func (w *docWriter) indexIDs(key string, p *corpus.Paper) (bool, error) {
	wrote := false
	for _, k := range indexKeys(p) {
		_, ok, err := w.get(k)
		if err != nil {
			return false, err
		}
		if !ok {
			w.set(k, []byte(key))
			wrote = true
		}
	}
	return wrote, nil
}

// samePaper compares two records as the store keeps them, so that a nil and
// an empty list are the same.
func samePaper(a, b *corpus.Paper) (bool, error) {
	ja, err := json.Marshal(a)
	if err != nil {
		return false, err
	}
	jb, err := json.Marshal(b)
	if err != nil {
		return false, err
	}
	return bytes.Equal(ja, jb), nil
}

// setPaper writes the paper under key and adds the index entries it has
// and old, its previous record, did not. An index entry that names
// another paper is left to it.
func (w *docWriter) setPaper(key string, p, old *corpus.Paper) error {
	v, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode paper: %w", err)
	}
	w.set(paperKey(key), v)
	have := make(map[string]bool)
	if old != nil {
		for _, k := range indexKeys(old) {
			have[string(k)] = true
		}
	}
	for _, k := range indexKeys(p) {
		if have[string(k)] {
			continue
		}
		_, ok, err := w.get(k)
		if err != nil {
			return err
		}
		if !ok {
			w.set(k, []byte(key))
		}
	}
	return nil
}

// indexKeys returns the title/ and xid/ keys of a paper.
func indexKeys(p *corpus.Paper) [][]byte {
	var ks [][]byte
	add := func(part string, key []byte) {
		if part != "" && len(part) <= maxKeyPart {
			ks = append(ks, key)
		}
	}
	t := corpus.NormalizeTitle(p.Title)
	add(t, titleKey(t))
	add(p.ArXivID, xidKey(xidArXiv, p.ArXivID))
	doi := strings.ToLower(p.DOI)
	add(doi, xidKey(xidDOI, doi))
	add(p.ID, xidKey(xidID, p.ID))
	return ks
}

// setMentions makes ents the mentions of paper pid, replacing old, the ones
// it has, and updates the entities and the mention counter to match.
func (w *docWriter) setMentions(pid string, old map[string]mention, ents []extract.Entity) error {
	next := make(map[string]mention)
	for _, e := range ents {
		eid, err := w.resolve(e)
		if err != nil {
			return err
		}
		if eid == "" {
			continue
		}
		m := mention{role: extract.Uses, typ: e.Type, count: max(e.Count, 1), offset: max(e.Offset, 0)}
		if e.Role == extract.Introduces {
			m.role = extract.Introduces
		}
		if prev, ok := next[eid]; ok {
			// Two extracted entities of the paper met in one: one mention.
			prev.count += m.count
			prev.offset = min(prev.offset, m.offset)
			if m.role == extract.Introduces {
				prev.role = extract.Introduces
			}
			m = prev
		}
		next[eid] = m
	}

	eids := make([]string, 0, len(old)+len(next))
	for eid := range old {
		eids = append(eids, eid)
	}
	for eid := range next {
		if _, ok := old[eid]; !ok {
			eids = append(eids, eid)
		}
	}
	slices.Sort(eids)
	var delta int64
	for _, eid := range eids {
		o, had := old[eid]
		n, has := next[eid]
		if had && has && o == n {
			continue
		}
		rec, err := w.entity(eid)
		if err != nil {
			return err
		}
		if had {
			rec.Papers--
			if o.role == extract.Introduces {
				rec.Introduced--
			}
			if rec.Votes[o.typ]--; rec.Votes[o.typ] <= 0 {
				delete(rec.Votes, o.typ)
			}
			w.del(pentKey(pid, eid))
			w.del(epapKey(eid, pid))
			delta--
		}
		if has {
			rec.Papers++
			if n.role == extract.Introduces {
				rec.Introduced++
			}
			rec.Votes[n.typ]++
			w.set(pentKey(pid, eid), n.encode())
			w.set(epapKey(eid, pid), []byte{roleByte(n.role)})
			delta++
		}
		rec.Type = rec.majority()
	}
	w.mentionsOf, w.mentions = pid, next
	return w.count(mentionsCounter, delta)
}

// storedMentions returns the mentions of paper pid by entity id, as the
// papers before this one left them.
func (w *docWriter) storedMentions(pid string) (map[string]mention, error) {
	if ms, ok := w.batch.mentions[pid]; ok {
		return ms, nil
	}
	ms := make(map[string]mention)
	prefix := pentPrefixOf(pid)
	it := w.batch.snap.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 16})
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		eid := string(item.Key()[len(prefix):])
		if strings.IndexByte(eid, '/') >= 0 {
			continue // a mention of a longer pid
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		m, err := decodeMention(v)
		if err != nil {
			return nil, fmt.Errorf("mention %q: %w", item.Key(), ErrCorrupt)
		}
		ms[eid] = m
	}
	return ms, nil
}

// entity returns the record of entity eid, read once per paper.
func (w *docWriter) entity(eid string) (*entityRecord, error) {
	if rec, ok := w.ents[eid]; ok {
		return rec, nil
	}
	if rec, ok := w.batch.ents[eid]; ok {
		// Changed in place: a paper that fails fails its whole Put.
		w.ents[eid] = rec
		w.orig[eid] = entityState{existed: true, typ: rec.Type}
		return rec, nil
	}
	v, ok, err := w.get(entKey(eid))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("entity %q is missing: %w", eid, ErrCorrupt)
	}
	rec, err := decodeEntity(v)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w: %v", eid, ErrCorrupt, err)
	}
	w.ents[eid] = rec
	w.orig[eid] = entityState{existed: true, typ: rec.Type}
	return rec, nil
}

// resolve returns the id of the entity that e is a mention of, creating
// the entity if no stored one has any of e's forms, and registers e's
// forms and names with it. It returns "" for an entity whose name
// normalises to nothing.
func (w *docWriter) resolve(e extract.Entity) (string, error) {
	entry, isKnown := known(e)
	forms := entityForms(e, entry, isKnown)
	if len(forms) == 0 {
		return "", nil
	}
	short := make(map[string]bool)
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if !isSpelledOut(n) {
			short[extract.Normalize(n)] = true
		}
	}
	var eid string
	var rec *entityRecord
	taken := make(map[string]bool)
search:
	for _, f := range forms {
		v, ok, err := w.get(aliasKey(f))
		if err != nil {
			return "", err
		}
		if !ok {
			continue
		}
		taken[f] = true
		r, err := w.entity(string(v))
		if err != nil {
			return "", err
		}
		if short[f] && conflicts(e, r) {
			if isKnown && f == extract.Normalize(entry.Name) {
				// The lexicon's entity, named by the first paper to
				// spell it out, means something else: e is a name of
				// its own, without the lexicon's forms.
				isKnown = false
				forms = entityForms(e, lexicon.Entry{}, false)
				clear(taken)
				goto search
			}
			continue
		}
		eid, rec = string(v), r
		break
	}
	if eid == "" {
		// The first form no entity has is free to be an id: ids are forms.
		for _, f := range forms {
			if !taken[f] {
				eid = f
				break
			}
		}
		if eid == "" {
			return "", nil
		}
		rec = &entityRecord{Votes: make(map[extract.Type]int)}
		w.ents[eid] = rec
		w.orig[eid] = entityState{}
	}
	for _, f := range forms {
		if len(rec.Forms) >= maxForms {
			break
		}
		_, ok, err := w.get(aliasKey(f))
		if err != nil {
			return "", err
		}
		if !ok {
			w.set(aliasKey(f), []byte(eid))
			rec.Forms = append(rec.Forms, f)
		}
	}
	rec.addNames(e.Name, e.Aliases, entry, isKnown)
	return eid, nil
}

// entityForms returns the normalised forms of e, its name's first, without
// repeats; none if its name normalises to nothing. A well-known entity
// (entry, if isKnown) puts the lexicon's name first, so that "COCO" in one
// paper and "MS-COCO" in another find the one entity that resolve files
// under it.
func entityForms(e extract.Entity, entry lexicon.Entry, isKnown bool) []string {
	name := extract.Normalize(e.Name)
	if name == "" || len(name) > maxKeyPart {
		return nil
	}
	forms := []string{name}
	for _, a := range e.Aliases {
		f := extract.Normalize(a)
		if f != "" && len(f) <= maxKeyPart && !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	if isKnown {
		if c := extract.Normalize(entry.Name); c != "" && len(c) <= maxKeyPart {
			forms = slices.DeleteFunc(forms, func(f string) bool { return f == c })
			forms = slices.Insert(forms, 0, c)
		}
	}
	// A form of another well-known entity stays that entity's, whatever e
	// calls by it ("visual instruction tuning (VIT)" leaves ViT alone).
	lex := lexicon.Default()
	return slices.DeleteFunc(forms, func(f string) bool {
		other, ok := lex.Lookup(f)
		return ok && (!isKnown || other.ID != entry.ID)
	})
}

// flushEntities writes the entities this paper changed, deletes those no
// paper mentions any more with their forms, and updates the entity
// counters.
func (w *docWriter) flushEntities() error {
	eids := make([]string, 0, len(w.ents))
	for eid := range w.ents {
		eids = append(eids, eid)
	}
	slices.Sort(eids)
	for _, eid := range eids {
		rec, was := w.ents[eid], w.orig[eid]
		live := rec.Papers > 0
		if live {
			w.set(entKey(eid), rec.encode())
			if w.batch.ents != nil {
				w.batch.ents[eid] = rec
			}
		} else {
			w.del(entKey(eid))
			delete(w.batch.ents, eid)
			for _, f := range rec.Forms {
				v, ok, err := w.get(aliasKey(f))
				if err != nil {
					return err
				}
				if ok && string(v) == eid {
					w.del(aliasKey(f))
				}
			}
		}
		if was.existed == live && (!live || was.typ == rec.Type) {
			continue
		}
		if was.existed {
			if err := w.count(entitiesCounter, -1); err != nil {
				return err
			}
			if err := w.count(typeCountKey(was.typ), -1); err != nil {
				return err
			}
		}
		if live {
			if err := w.count(entitiesCounter, 1); err != nil {
				return err
			}
			if err := w.count(typeCountKey(rec.Type), 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// majority returns the type most papers gave the entity. A tie keeps the
// current type, so that an entity does not change type back and forth; a
// tie without it goes to the first in extract.Types, then by name.
func (r *entityRecord) majority() extract.Type {
	types := make([]extract.Type, 0, len(r.Votes))
	for t := range r.Votes {
		types = append(types, t)
	}
	rank := func(t extract.Type) int {
		if i := slices.Index(extract.Types, t); i >= 0 {
			return i
		}
		return len(extract.Types)
	}
	slices.SortFunc(types, func(a, b extract.Type) int {
		switch {
		case r.Votes[a] != r.Votes[b]:
			return r.Votes[b] - r.Votes[a]
		case a == r.Type:
			return -1
		case b == r.Type:
			return 1
		case rank(a) != rank(b):
			return rank(a) - rank(b)
		}
		return strings.Compare(string(a), string(b))
	})
	if len(types) == 0 {
		return r.Type
	}
	return types[0]
}

// addNames records a name and aliases a paper gave the entity, the
// lexicon's entry if isKnown.
func (r *entityRecord) addNames(name string, aliases []string, entry lexicon.Entry, isKnown bool) {
	name = strings.TrimSpace(name)
	// A well-known entity goes by the lexicon's name, whatever form one
	// paper wrote ("proximal policy optimization" is PPO everywhere).
	if isKnown && entry.Name != name {
		aliases = append([]string{name}, aliases...)
		name = entry.Name
	}
	switch {
	case r.Name == "":
		r.Name = name
	case betterName(name, r.Name):
		old := r.Name
		r.Name = name
		r.Aliases = slices.DeleteFunc(r.Aliases, func(a string) bool { return a == name })
		r.addAlias(old)
	}
	r.addAlias(name)
	for _, a := range aliases {
		r.addAlias(a)
	}
}

func (r *entityRecord) addAlias(a string) {
	a = strings.TrimSpace(a)
	if a == "" || a == r.Name || len(r.Aliases) >= maxAliases || slices.Contains(r.Aliases, a) || extract.Normalize(a) == "" {
		return
	}
	r.Aliases = append(r.Aliases, a)
}

// betterName reports whether name should replace cur as an entity's
// display name: the lexicon's spelling of a well-known name ("Mamba", not
// one paper's "maMBA") is kept or taken; otherwise a short proper name
// ("MCTS", "GPT-4") replaces a long form, and a singular replaces its
// plural ("LLM" for "LLMs").
func betterName(name, cur string) bool {
	if name == cur {
		return false
	}
	lex := lexicon.Default()
	if e, ok := lex.Lookup(extract.Normalize(cur)); ok && e.Name == cur {
		return false
	}
	if e, ok := lex.Lookup(extract.Normalize(name)); ok && e.Name == name {
		return true
	}
	switch {
	case !properName(name):
		return false
	case !properName(cur):
		return true
	}
	return strings.HasSuffix(cur, "s") && !strings.HasSuffix(name, "s") &&
		extract.Normalize(name) == extract.Normalize(cur)
}

// properName reports whether s looks like an abbreviation or a short proper
// name: one word of at most 20 characters with at least two capitals.
func properName(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 20 || strings.ContainsFunc(s, unicode.IsSpace) {
		return false
	}
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

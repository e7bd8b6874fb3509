package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

// RelatedOptions tune Related and RelatedToEntity.
type RelatedOptions struct {
	// Limit is how many papers to return (default 10).
	Limit int
	// MaxDF skips entities in more papers than this (default DefaultMaxDF
	// of the number of papers).
	MaxDF int
	// MaxTermDF skips terms in more papers than this (default
	// DefaultMaxTermDF of the number of papers).
	MaxTermDF int
	// EntityWeight is β, how much shared entities raise text similarity
	// (default DefaultEntityWeight; negative: text alone).
	EntityWeight float64
}

// A Relation is a paper related to a query, and why.
type Relation struct {
	PID   string       `json:"pid"` // the key the paper is stored under
	Paper corpus.Paper `json:"paper"`
	// Score is TextScore × (1 + β EntityScore) (see Related).
	Score       float64 `json:"score"`
	EntityScore float64 `json:"entity_score"`
	TextScore   float64 `json:"text_score"`
	// Shared are the entities that relate the paper to the query, by
	// decreasing weight.
	Shared []Shared `json:"shared"`
	// Terms are the terms of the query that weigh most in the paper's
	// text score, at most five, by decreasing weight.
	Terms []string `json:"terms"`
	// Uses names the entities the paper uses that a query paper
	// introduces: the paper builds on the query.
	Uses []string `json:"uses,omitempty"`
	// UsedBy names the entities the paper introduces that a query paper
	// uses: the query builds on the paper.
	UsedBy []string `json:"used_by,omitempty"`
	// Role is, for RelatedToEntity, how the paper relates to the entity;
	// empty for Related.
	Role extract.Role `json:"role,omitempty"`
}

// Shared is an entity that relates two papers, with its weight in the
// relation's score.
type Shared struct {
	Entity store.Entity `json:"entity"`
	Weight float64      `json:"weight"`
}

// termsShown is how many terms a Relation lists.
const termsShown = 5

func (opt RelatedOptions) limit() int {
	if opt.Limit <= 0 {
		return 10
	}
	return opt.Limit
}

// DefaultMaxTermDF is the document frequency above which Related ignores
// a term in a database of n papers: max(1000, n/5). BM25 gives a term in
// one paper of five an idf under 1.5; such words say little of a subject.
func DefaultMaxTermDF(n int) int { return max(1000, n/5) }

func (opt RelatedOptions) maxTermDF(n int) int {
	if opt.MaxTermDF <= 0 {
		return DefaultMaxTermDF(n)
	}
	return opt.MaxTermDF
}

func (opt RelatedOptions) maxDF(n int) int {
	if opt.MaxDF <= 0 {
		return DefaultMaxDF(n)
	}
	return opt.MaxDF
}

// Related finds candidates in the inverted indexes and scores only the
// likeliest in full; these bound the work of a query, whatever the size of
// the database.
const (
	// seedTerms is how many of the query's terms, those of highest
	// weight, find candidates. Lucene's MoreLikeThis queries with 25; an
	// abstract has 60 to 100 distinct terms, and its few dozen heaviest
	// say what it is about.
	seedTerms = 32
	// seedPostings is how many papers of each such term Related reads:
	// those in which the term weighs most (see store.DB.TermPapers). A
	// rare term has fewer; a common one has thousands, each of which it
	// lifts little. On a corpus of 70,000 abstracts, reading 500 instead
	// loses 3 in 100 of the first ten results.
	seedPostings = 1000
	// seedEntityPapers bounds the papers of an entity that Related walks
	// to find candidates: those of a more common entity count only in the
	// full scores.
	seedEntityPapers = 5000
	// textRescored is how many candidates, the best by the part of their
	// score that the walks give, Related scores by their whole text, or
	// rescoredPerResult per result asked for if more; a quarter as many
	// again go to those sharing the most entity weight. Reading a paper's
	// terms costs about as much as walking fifty postings; scoring 1000
	// finds 1 in 100 more of the first ten results, scoring all 5 more.
	textRescored      = 500
	rescoredPerResult = 50
	// fullyScored is how many of those, the best by text, Related reads
	// the mentions of, or fullyScoredPerResult per result if more: an
	// entity weighs at most β of the text score again.
	fullyScored          = 50
	fullyScoredPerResult = 5
)

// errEnoughPostings stops the walk of a term's papers after seedPostings.
var errEnoughPostings = errors.New("graph: enough postings")

// Related returns the papers most related to the query papers pids (keys or
// other identifiers, see store.DB.Resolve), best first, without the query
// papers. It scores each paper p by the likeness of its text to the
// queries', raised by the entities it shares with them, as bibliographic
// coupling counts shared references (Kessler 1963):
//
//	score(p) = T(p) · (1 + β E(p))
//	T(p) = BM25(q, p) / BM25(q, q)
//	E(p) = Σ_{e ∈ E(q) ∩ E(p)} idf(e) / Σ_{e ∈ E(q)} idf(e)
//
// Text carries the score because many papers share no named entity with
// any other, and a short name shared by unrelated texts is often two
// things under one abbreviation. BM25 (Robertson and Zaragoza 2009)
// compares the query's terms, their counts added up over the query papers,
// with p's:
//
//	BM25(q, p) = Σ_{t ∈ q} idf(t) · sat(tf(t, q), |q|) · sat(tf(t, p), |p|)
//	idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
//	sat(tf, len) = tf (k1 + 1) / (tf + k1 (1 − b + b len / avglen))
//
// with k1 = 1.2 and b = 0.75; the query's own terms saturate as a
// document's do, since the query is a paper, and dividing by the query's
// score against itself puts T in [0, 1] or about: 1 for a paper with the
// query's text, 0.1 to 0.3 for one on the same subject. The one-word
// names of the query's entities are not among its terms: they count in E
// (see nameWord). E(q) is the union of the query papers' entities and
// idf(e) = ln(N/df(e)), so E is the share of the query's entity weight
// that p has. Entities in more than opt.MaxDF papers and terms in more
// than opt.MaxTermDF are left out, and so are those of no other paper than
// the queries, which no paper can share; β is opt.EntityWeight. A query
// without terms is scored by E alone.
//
// Ties go to the paper sharing more entities, then to the smaller key;
// papers of score 0 are left out.
//
// Related scores in full only the likeliest papers, so that a query costs
// about the same in a database of any size. It finds candidates in the
// inverted indexes: the papers of the query's 32 terms of highest weight
// idf(t) · sat(tf(t, q), |q|), for each term the 1000 in which the term
// weighs most, and the papers of the query's entities in at most 5000
// papers (of all its entities, for a query without terms). What these give
// is a lower bound of each paper's score; the best 500 by it (50 per
// result asked for, if more), and 125 more of those sharing the most
// entity weight, are scored by their whole text, and the best 50 (5 per
// result) of those by their mentions too. So every score returned is
// exact, and a paper is missed only if it is none of these; on a corpus
// of 70,000 abstracts the first ten results are about 95% those of
// scoring every paper. Besides the indexes, Related reads the terms of
// those candidates, the mentions of the fifty and whole papers only for
// the results, in parallel. It returns an error wrapping
// store.ErrNotFound for an unknown query paper.
func Related(ctx context.Context, db *store.DB, pids []string, opt RelatedOptions) ([]Relation, error) {
	st, err := db.Stats()
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	ts, err := db.TextStats()
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	maxDF, maxTermDF := opt.maxDF(st.Papers), opt.maxTermDF(st.Papers)
	beta := entityWeight(opt.EntityWeight)

	query := make(map[string]bool)
	queryRole := make(map[string]extract.Role) // entity -> introduces if any query paper does
	queryEnt := make(map[string]int)           // entity -> query papers that mention it
	qcount := make(map[string]int)             // term -> count in the queries
	qdf := make(map[string]int)                // term -> query papers that have it
	qlen := 0
	for _, id := range pids {
		pid, err := db.Resolve(id)
		if err != nil {
			return nil, fmt.Errorf("graph: paper %q: %w", id, err)
		}
		if query[pid] {
			continue
		}
		query[pid] = true
		ms, err := db.Mentions(pid)
		if err != nil {
			return nil, fmt.Errorf("graph: paper %q: %w", id, err)
		}
		for _, m := range ms {
			if queryRole[m.EID] != extract.Introduces {
				queryRole[m.EID] = m.Role
			}
			queryEnt[m.EID]++
		}
		tv, err := db.PaperTerms(pid)
		if err != nil {
			return nil, fmt.Errorf("graph: paper %q: %w", id, err)
		}
		for i, t := range tv.Terms {
			qcount[t] += tv.Counts[i]
			qdf[t]++
		}
		qlen += tv.Length
	}

	// Entities: each one's weight idf(e), if another paper can share it.
	type entWeight struct {
		ent store.Entity
		w   float64
	}
	ents := make(map[string]entWeight, len(queryRole))
	var entityTotal float64
	for _, eid := range sortedKeys(queryRole) {
		ent, err := db.Entity(eid)
		if errors.Is(err, store.ErrNotFound) {
			continue // removed since the mentions were read
		}
		if err != nil {
			return nil, fmt.Errorf("graph: %w", err)
		}
		if t, ok := nameWord(ent.Name); ok {
			delete(qcount, t)
		}
		if ent.Papers > maxDF || ent.Papers <= queryEnt[eid] {
			continue
		}
		w := IDF(st.Papers, ent.Papers)
		ents[eid] = entWeight{ent, w}
		entityTotal += w
	}

	// Text: each query term's weight idf(t) · sat(tf(t, q), |q|), kept
	// to score and explain the results.
	var avgLen float64
	if ts.Papers > 0 {
		avgLen = float64(ts.Tokens) / float64(ts.Papers)
	}
	terms := sortedKeys(qcount)
	dfs, err := db.TermDF(terms)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	type termWeight struct {
		t string
		w float64
	}
	var seeds []termWeight
	qweight := make(map[string]float64)
	var self float64
	for i, t := range terms {
		if df := dfs[i]; df <= maxTermDF && df > qdf[t] {
			sq := saturate(qcount[t], qlen, avgLen)
			qw := bm25IDF(ts.Papers, df) * sq
			qweight[t] = qw
			self += qw * sq
			seeds = append(seeds, termWeight{t, qw})
		}
	}
	slices.SortFunc(seeds, func(a, b termWeight) int {
		if c := cmp.Compare(b.w, a.w); c != 0 {
			return c
		}
		return strings.Compare(a.t, b.t)
	})
	seeds = seeds[:min(len(seeds), seedTerms)]

	// Candidates, and the part of their score that the seeds give.
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	get := func(pid []byte) *cand {
		i, ok := sc.index[string(pid)]
		if !ok {
			i = len(sc.cands)
			sc.cands = append(sc.cands, cand{pid: string(pid)})
			sc.index[sc.cands[i].pid] = i
		}
		return &sc.cands[i]
	}
	// And the papers of the query's entities, all of them for a query
	// without terms.
	var entWalks []string
	for _, eid := range sortedKeys(ents) {
		if ents[eid].ent.Papers <= seedEntityPapers || self == 0 {
			entWalks = append(entWalks, eid)
		}
	}
	// The walks are independent reads: they run in parallel, and their
	// postings are added up in order, seeds first, so that the scores do
	// not depend on the order the walks end in.
	njobs := len(seeds) + len(entWalks)
	for len(sc.walks) < njobs {
		sc.walks = append(sc.walks, postings{})
	}
	walks := sc.walks[:njobs]
	var next atomic.Int32 // the next walk: rare seeds are walked fast
	err = parallel(njobs, 1, func(int, int) error {
		for i := int(next.Add(1)) - 1; i < njobs; i = int(next.Add(1)) - 1 {
			if err := ctx.Err(); err != nil {
				return err
			}
			p := &walks[i]
			if i >= len(seeds) {
				e := ents[entWalks[i-len(seeds)]]
				err := db.EntityPapers(e.ent.ID, func(pid string, _ extract.Role) error {
					if !query[pid] {
						p.pids = append(p.pids, pid...)
						p.ends = append(p.ends, len(p.pids))
						p.ws = append(p.ws, e.w)
					}
					return nil
				})
				if err != nil && !errors.Is(err, store.ErrNotFound) {
					return err
				}
				continue
			}
			s, n := seeds[i], 0
			err := db.TermPapers(s.t, func(pid []byte, count, length int) error {
				if n++; n > seedPostings {
					return errEnoughPostings
				}
				if !query[string(pid)] {
					p.pids = append(p.pids, pid...)
					p.ends = append(p.ends, len(p.pids))
					p.ws = append(p.ws, s.w*saturate(count, length, avgLen))
				}
				return nil
			})
			if err != nil && !errors.Is(err, errEnoughPostings) {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, fmt.Errorf("graph: %w", err)
	}
	for i, p := range walks {
		start := 0
		for j, end := range p.ends {
			c := get(p.pids[start:end])
			if i < len(seeds) {
				c.text += p.ws[j]
			} else {
				c.entity += p.ws[j]
			}
			start = end
		}
	}

	score := func(text, entity float64) float64 {
		var e float64
		if entityTotal > 0 {
			e = entity / entityTotal
		}
		if self == 0 {
			return e
		}
		return text / self * (1 + beta*e)
	}
	byScore := func(a, b *cand) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return strings.Compare(a.pid, b.pid)
	}
	ranked := make([]*cand, len(sc.cands))
	for i := range sc.cands {
		c := &sc.cands[i]
		c.score = score(c.text, c.entity)
		ranked[i] = c
	}
	// The best by partial score, and, since a paper that shares rare
	// entities may owe most of its text score to terms that did not seed,
	// a quarter as many of those sharing the most entity weight.
	ntext := max(textRescored, rescoredPerResult*opt.limit())
	rescore := best(ranked, ntext, byScore)
	if rest := ranked[len(rescore):]; len(rest) > 0 && entityTotal > 0 {
		more := best(rest, ntext/4, func(a, b *cand) int {
			if c := cmp.Compare(b.entity, a.entity); c != 0 {
				return c
			}
			return strings.Compare(a.pid, b.pid)
		})
		n := 0
		for n < len(more) && more[n].entity > 0 {
			n++
		}
		rescore = ranked[:len(rescore)+n] // more follows rescore in ranked
	}

	// Their full text score, from their own terms.
	if self > 0 {
		keys := make([]string, len(rescore))
		for i, c := range rescore {
			keys[i] = c.pid
			c.text = 0
		}
		// Most of a query's time goes to these reads, one a paper, and
		// they are independent: they run in parallel.
		err := parallel(len(keys), minParallelReads, func(lo, hi int) error {
			return db.EachTermCount(keys[lo:hi], func(i, length int, term []byte, count int) error {
				if qw, ok := qweight[string(term)]; ok {
					rescore[lo+i].text += qw * saturate(count, length, avgLen)
				}
				return nil
			})
		})
		if err != nil {
			return nil, fmt.Errorf("graph: %w", err)
		}
		for _, c := range rescore {
			c.score = score(c.text, c.entity)
		}
	}
	rescore = best(rescore, max(fullyScored, fullyScoredPerResult*opt.limit()), byScore)

	// Their full entity score, from their own mentions.
	mentions := make([][]store.Mention, len(rescore))
	err = parallel(len(rescore), minParallelPapers, func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			ms, err := db.Mentions(rescore[i].pid)
			if err != nil {
				return fmt.Errorf("graph: paper %q: %w", rescore[i].pid, err)
			}
			mentions[i] = ms
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Relation, 0, len(rescore))
	for i, c := range rescore {
		ms := mentions[i]
		r := Relation{PID: c.pid, Shared: []Shared{}}
		var entity float64
		for _, m := range ms { // by entity id, as the walks were
			e, ok := ents[m.EID]
			if !ok {
				continue
			}
			entity += e.w
			r.Shared = append(r.Shared, Shared{Entity: e.ent, Weight: e.w})
			switch qrole := queryRole[m.EID]; {
			case m.Role == extract.Uses && qrole == extract.Introduces:
				r.Uses = append(r.Uses, e.ent.Name)
			case m.Role == extract.Introduces && qrole == extract.Uses:
				r.UsedBy = append(r.UsedBy, e.ent.Name)
			}
		}
		if r.Score = score(c.text, entity); r.Score <= 0 {
			continue
		}
		if entityTotal > 0 {
			r.EntityScore = entity / entityTotal
		}
		if self > 0 {
			r.TextScore = c.text / self
		}
		sortShared(r.Shared)
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Relation) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(len(b.Shared), len(a.Shared)); c != 0 {
			return c
		}
		return strings.Compare(a.PID, b.PID)
	})
	out = out[:min(len(out), opt.limit())]
	err = parallel(len(out), minParallelPapers, func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			r := &out[i]
			var err error
			if r.Paper, err = db.Paper(r.PID); err != nil {
				return fmt.Errorf("graph: paper %q: %w", r.PID, err)
			}
			tv, err := db.PaperTerms(r.PID)
			if err != nil {
				return fmt.Errorf("graph: paper %q: %w", r.PID, err)
			}
			r.Terms = explainTerms(tv, qweight, avgLen)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// A cand is a candidate of Related, with the parts of its score found so
// far.
type cand struct {
	pid          string
	entity, text float64
	score        float64
}

// postings are the papers of a term or an entity that Related read.
type postings struct {
	pids []byte    // the papers' keys, one after the other
	ends []int     // where each key ends in pids
	ws   []float64 // the term's or the entity's weight in each paper
}

// scratch holds what Related builds for one query and drops after:
// megabytes, in thousands of pieces, which are cheaper to keep for the
// next query than to allocate and collect again.
type scratch struct {
	index map[string]int // pid -> index in cands
	cands []cand
	walks []postings // by seed, then by entity
}

var scratchPool = sync.Pool{New: func() any { return &scratch{index: make(map[string]int)} }}

// release empties s and returns it to the pool.
func (s *scratch) release() {
	clear(s.index)
	s.cands = s.cands[:0]
	for i := range s.walks {
		w := &s.walks[i]
		w.pids, w.ends, w.ws = w.pids[:0], w.ends[:0], w.ws[:0]
	}
	scratchPool.Put(s)
}

// parallel calls fn on parts [lo, hi) of [0, n), of at least minPart
// items each, as many at once as there are processors (up to maxParallel), and
// returns the errors of the calls joined.
func parallel(n, minPart int, fn func(lo, hi int) error) error {
	parts := max(1, min(runtime.GOMAXPROCS(0), maxParallel, n/minPart))
	if parts == 1 {
		return fn(0, n)
	}
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { errs[p] = fn(p*n/parts, (p+1)*n/parts) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// maxParallel bounds the processors a query's parallel reads take: more
// would mostly wait on each other. minParallelReads is the fewest reads
// of term vectors, and minParallelPapers the fewest of papers' mentions or
// records, that are worth a goroutine.
const (
	maxParallel       = 4
	minParallelReads  = 64
	minParallelPapers = 4
)

// best moves the k first of s in the order of cmp to the front of s and
// returns them, in that order. It keeps the k best seen in a heap, the
// worst on top, which costs about len(s) comparisons when k is much less
// than len(s), where sorting s would cost len(s) log len(s).
func best[T any](s []T, k int, cmp func(a, b T) int) []T {
	if k >= len(s) {
		slices.SortFunc(s, cmp)
		return s
	}
	if k <= 0 {
		return s[:0]
	}
	h := s[:k] // a heap whose root h[0] is the worst of the k best
	down := func(i int) {
		for {
			worst, l, r := i, 2*i+1, 2*i+2
			if l < k && cmp(h[l], h[worst]) > 0 {
				worst = l
			}
			if r < k && cmp(h[r], h[worst]) > 0 {
				worst = r
			}
			if worst == i {
				return
			}
			h[i], h[worst] = h[worst], h[i]
			i = worst
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for i := k; i < len(s); i++ {
		if cmp(s[i], h[0]) < 0 {
			s[i], h[0] = h[0], s[i]
			down(0)
		}
	}
	slices.SortFunc(h, cmp)
	return h
}

// explainTerms returns the query terms that weigh most in the text score
// of the paper whose term vector is tv.
func explainTerms(tv store.TermVector, qweight map[string]float64, avgLen float64) []string {
	terms := []string{}
	if len(qweight) == 0 {
		return terms
	}
	type tw struct {
		t string
		w float64
	}
	var ws []tw
	for i, t := range tv.Terms {
		if qw, ok := qweight[t]; ok {
			ws = append(ws, tw{t, qw * saturate(tv.Counts[i], tv.Length, avgLen)})
		}
	}
	slices.SortFunc(ws, func(a, b tw) int {
		if c := cmp.Compare(b.w, a.w); c != 0 {
			return c
		}
		return strings.Compare(a.t, b.t)
	})
	for _, x := range ws[:min(len(ws), termsShown)] {
		terms = append(terms, x.t)
	}
	return terms
}

// RelatedToEntity returns the papers that mention the entity called name
// (any of its forms), the papers that introduce it first, then the others
// by how typical their other entities are of the entity's papers:
//
//	score(p) = idf(e) + Σ_{f ∈ E(p), f ≠ e} idf(f) · (c(f) − 1) / max(1, df(e) − 1)
//
// where c(f) is how many papers of e mention f, so each other entity
// counts by the share of the entity's other papers that mention it too
// (entities in more than opt.MaxDF papers are skipped). Shared lists e
// first, then those other entities by weight; Role says whether the paper
// introduces or uses e; EntityScore is the score, and TextScore, Terms,
// Uses and UsedBy are left empty. It returns an error wrapping
// store.ErrNotFound if no entity has the name.
func RelatedToEntity(ctx context.Context, db *store.DB, name string, opt RelatedOptions) ([]Relation, error) {
	st, err := db.Stats()
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	maxDF := opt.maxDF(st.Papers)
	ent, err := db.LookupEntity(name)
	if err != nil {
		return nil, fmt.Errorf("graph: entity %q: %w", name, err)
	}
	type paper struct {
		pid    string
		intro  bool
		others []string // entity ids
		score  float64
		shared []Shared
	}
	var papers []*paper
	err = db.EntityPapers(ent.ID, func(pid string, role extract.Role) error {
		papers = append(papers, &paper{pid: pid, intro: role == extract.Introduces})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: entity %q: %w", name, err)
	}
	count := make(map[string]int)
	for _, p := range papers {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ms, err := db.Mentions(p.pid)
		if err != nil {
			return nil, fmt.Errorf("graph: paper %q: %w", p.pid, err)
		}
		for _, m := range ms {
			if m.EID != ent.ID {
				p.others = append(p.others, m.EID)
				count[m.EID]++
			}
		}
	}

	ents := make(map[string]store.Entity)
	for _, eid := range sortedKeys(count) {
		if count[eid] < 2 {
			continue // shares nothing with the other papers
		}
		e, err := db.Entity(eid)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("graph: %w", err)
		}
		if e.Papers <= maxDF {
			ents[eid] = e
		}
	}
	self := IDF(st.Papers, ent.Papers)
	norm := float64(max(1, len(papers)-1))
	for _, p := range papers {
		p.score = self
		p.shared = []Shared{{Entity: ent, Weight: self}}
		for _, eid := range p.others {
			e, ok := ents[eid]
			if !ok {
				continue
			}
			w := IDF(st.Papers, e.Papers) * float64(count[eid]-1) / norm
			p.score += w
			p.shared = append(p.shared, Shared{Entity: e, Weight: w})
		}
	}
	slices.SortFunc(papers, func(a, b *paper) int {
		if a.intro != b.intro {
			if a.intro {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return strings.Compare(a.pid, b.pid)
	})
	papers = papers[:min(len(papers), opt.limit())]
	out := make([]Relation, 0, len(papers))
	for _, p := range papers {
		pp, err := db.Paper(p.pid)
		if err != nil {
			return nil, fmt.Errorf("graph: paper %q: %w", p.pid, err)
		}
		sortShared(p.shared[1:])
		role := extract.Uses
		if p.intro {
			role = extract.Introduces
		}
		out = append(out, Relation{PID: p.pid, Paper: pp, Score: p.score, EntityScore: p.score, Shared: p.shared, Terms: []string{}, Role: role})
	}
	return out, nil
}

// sortShared orders shared entities by decreasing weight, then name.
func sortShared(s []Shared) {
	slices.SortStableFunc(s, func(a, b Shared) int {
		if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
			return c
		}
		return strings.Compare(a.Entity.Name, b.Entity.Name)
	})
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

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
// one paper of five an idf under 1.5; such words say little of a subject,
// and walking their papers is most of the cost of a query.
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

// errTooCommon stops the walk of a term's papers that has passed MaxDF.
var errTooCommon = errors.New("graph: term too common")

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
// papers of score 0 are left out. Related walks the inverted indexes of
// each query entity and term and reads no other paper's mentions or text,
// but for the terms of the papers it returns; a term's walk stops once it
// passes opt.MaxTermDF papers. It returns an error wrapping
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
	qcount := make(map[string]int)             // term -> count in the queries
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
		}
		tv, err := db.PaperTerms(pid)
		if err != nil {
			return nil, fmt.Errorf("graph: paper %q: %w", id, err)
		}
		for i, t := range tv.Terms {
			qcount[t] += tv.Counts[i]
		}
		qlen += tv.Length
	}
	ents := make(map[string]store.Entity, len(queryRole))
	for _, eid := range sortedKeys(queryRole) {
		ent, err := db.Entity(eid)
		if errors.Is(err, store.ErrNotFound) {
			continue // removed since the mentions were read
		}
		if err != nil {
			return nil, fmt.Errorf("graph: %w", err)
		}
		ents[eid] = ent
		if t, ok := nameWord(ent.Name); ok {
			delete(qcount, t)
		}
	}

	type cand struct {
		entity, text float64
		shared       []Shared
		uses, usedBy []string
	}
	cands := make(map[string]*cand)
	get := func(pid string) *cand {
		c := cands[pid]
		if c == nil {
			c = new(cand)
			cands[pid] = c
		}
		return c
	}
	var entityTotal float64
	for _, eid := range sortedKeys(ents) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ent := ents[eid]
		if ent.Papers > maxDF {
			continue
		}
		w := IDF(st.Papers, ent.Papers)
		qrole := queryRole[eid]
		others := 0
		err := db.EntityPapers(eid, func(pid string, role extract.Role) error {
			if query[pid] {
				return nil
			}
			others++
			c := get(pid)
			c.entity += w
			c.shared = append(c.shared, Shared{Entity: ent, Weight: w})
			switch {
			case role == extract.Uses && qrole == extract.Introduces:
				c.uses = append(c.uses, ent.Name)
			case role == extract.Introduces && qrole == extract.Uses:
				c.usedBy = append(c.usedBy, ent.Name)
			}
			return nil
		})
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("graph: %w", err)
		}
		if others > 0 {
			entityTotal += w
		}
	}

	// Text: each query term's weight idf(t) · sat(tf(t, q), |q|), kept
	// to explain the results.
	var avgLen float64
	if ts.Papers > 0 {
		avgLen = float64(ts.Tokens) / float64(ts.Papers)
	}
	qweight := make(map[string]float64)
	var self float64
	type posting struct {
		pid           string
		count, length int
	}
	var buf []posting
	for _, t := range sortedKeys(qcount) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		buf = buf[:0]
		others := 0
		err := db.TermPapers(t, func(pid string, count, length int) error {
			if len(buf) == maxTermDF {
				return errTooCommon
			}
			buf = append(buf, posting{pid, count, length})
			if !query[pid] {
				others++
			}
			return nil
		})
		if errors.Is(err, errTooCommon) || others == 0 {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("graph: %w", err)
		}
		sq := saturate(qcount[t], qlen, avgLen)
		qw := bm25IDF(ts.Papers, len(buf)) * sq
		qweight[t] = qw
		self += qw * sq
		for _, p := range buf {
			if !query[p.pid] {
				get(p.pid).text += qw * saturate(p.count, p.length, avgLen)
			}
		}
	}

	score := func(c *cand) float64 {
		var e float64
		if entityTotal > 0 {
			e = c.entity / entityTotal
		}
		if self == 0 {
			return e
		}
		return c.text / self * (1 + beta*e)
	}
	ranked := make([]string, 0, len(cands))
	scores := make(map[string]float64, len(cands))
	for pid, c := range cands {
		if s := score(c); s > 0 {
			ranked = append(ranked, pid)
			scores[pid] = s
		}
	}
	slices.SortFunc(ranked, func(a, b string) int {
		if c := cmp.Compare(scores[b], scores[a]); c != 0 {
			return c
		}
		if c := cmp.Compare(len(cands[b].shared), len(cands[a].shared)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	ranked = ranked[:min(len(ranked), opt.limit())]
	out := make([]Relation, 0, len(ranked))
	for _, pid := range ranked {
		c := cands[pid]
		p, err := db.Paper(pid)
		if err != nil {
			return nil, fmt.Errorf("graph: paper %q: %w", pid, err)
		}
		r := Relation{PID: pid, Paper: p, Score: scores[pid], Shared: c.shared, Uses: c.uses, UsedBy: c.usedBy}
		if entityTotal > 0 {
			r.EntityScore = c.entity / entityTotal
		}
		if self > 0 {
			r.TextScore = c.text / self
		}
		if r.Shared == nil {
			r.Shared = []Shared{}
		}
		sortShared(r.Shared)
		if r.Terms, err = explainTerms(db, pid, qweight, avgLen); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// explainTerms returns the query terms that weigh most in paper pid's text
// score.
func explainTerms(db *store.DB, pid string, qweight map[string]float64, avgLen float64) ([]string, error) {
	terms := []string{}
	if len(qweight) == 0 {
		return terms, nil
	}
	tv, err := db.PaperTerms(pid)
	if err != nil {
		return nil, fmt.Errorf("graph: paper %q: %w", pid, err)
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
	return terms, nil
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

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
	// MaxDF skips entities mentioned by more papers than this (default
	// DefaultMaxDF of the number of papers).
	MaxDF int
}

// A Relation is a paper related to a query, and why.
type Relation struct {
	PID   string       `json:"pid"` // the key the paper is stored under
	Paper corpus.Paper `json:"paper"`
	Score float64      `json:"score"`
	// Shared are the entities that relate the paper to the query, by
	// decreasing weight.
	Shared []Shared `json:"shared"`
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

func (opt RelatedOptions) limit() int {
	if opt.Limit <= 0 {
		return 10
	}
	return opt.Limit
}

func (opt RelatedOptions) maxDF(n int) int {
	if opt.MaxDF <= 0 {
		return DefaultMaxDF(n)
	}
	return opt.MaxDF
}

// Related returns the papers most related to the query papers pids (keys or
// other identifiers, see store.DB.Resolve), best first, without the query
// papers. As bibliographic coupling counts shared references (Kessler 1963),
// Related sums the idf of the entities a paper shares with the queries:
//
//	score(p) = Σ_{e ∈ E(q) ∩ E(p)} ln(N / df(e))
//
// where E(q) is the union of the query papers' entities, skipping those in
// more than opt.MaxDF papers. Ties go to the paper sharing more entities,
// then to the smaller key, so papers sharing only entities of idf 0 (in
// every paper) still come last rather than not at all. Related walks the
// inverted index of each query entity and reads no other paper's
// mentions. It returns an error wrapping store.ErrNotFound for an unknown
// query paper.
func Related(ctx context.Context, db *store.DB, pids []string, opt RelatedOptions) ([]Relation, error) {
	st, err := db.Stats()
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	maxDF := opt.maxDF(st.Papers)

	query := make(map[string]bool)
	queryRole := make(map[string]extract.Role) // entity -> introduces if any query paper does
	for _, id := range pids {
		pid, err := db.Resolve(id)
		if err != nil {
			return nil, fmt.Errorf("graph: paper %q: %w", id, err)
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
	}

	type cand struct {
		score        float64
		shared       []Shared
		uses, usedBy []string
	}
	cands := make(map[string]*cand)
	for _, eid := range sortedKeys(queryRole) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ent, err := db.Entity(eid)
		if errors.Is(err, store.ErrNotFound) {
			continue // removed since the mentions were read
		}
		if err != nil {
			return nil, fmt.Errorf("graph: %w", err)
		}
		if ent.Papers > maxDF {
			continue
		}
		w := IDF(st.Papers, ent.Papers)
		qrole := queryRole[eid]
		err = db.EntityPapers(eid, func(pid string, role extract.Role) error {
			if query[pid] {
				return nil
			}
			c := cands[pid]
			if c == nil {
				c = new(cand)
				cands[pid] = c
			}
			c.score += w
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
	}

	ranked := make([]string, 0, len(cands))
	for pid := range cands {
		ranked = append(ranked, pid)
	}
	slices.SortFunc(ranked, func(a, b string) int {
		ca, cb := cands[a], cands[b]
		if c := cmp.Compare(cb.score, ca.score); c != 0 {
			return c
		}
		if c := cmp.Compare(len(cb.shared), len(ca.shared)); c != 0 {
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
		sortShared(c.shared)
		out = append(out, Relation{PID: pid, Paper: p, Score: c.score, Shared: c.shared, Uses: c.uses, UsedBy: c.usedBy})
	}
	return out, nil
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
// introduces or uses e; Uses and UsedBy are left empty. It returns an error
// wrapping store.ErrNotFound if no entity has the name.
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
		out = append(out, Relation{PID: p.pid, Paper: pp, Score: p.score, Shared: p.shared, Role: role})
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

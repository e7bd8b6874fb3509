package graph

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

// IDF returns the inverse document frequency of an entity that df of n
// papers mention, ln(n/df), and 0 when either count is not positive.
func IDF(n, df int) float64 {
	if n <= 0 || df <= 0 {
		return 0
	}
	return math.Log(float64(n) / float64(df))
}

// DefaultMaxDF is the document frequency above which Related and the
// paper view ignore an entity in a database of n papers: max(1000, n/20).
// An entity in one paper of twenty weighs at most ln 20 ≈ 3, and walking its
// papers for each of its papers costs the square of its frequency.
func DefaultMaxDF(n int) int { return max(1000, n/20) }

// Graph is the paper–entity graph of a database, in memory. Papers and
// entities are numbered in key order; mentions are kept both ways in
// compressed rows of int32 indices. Papers are kept without their
// abstracts. A Graph is not changed by its methods and is safe for
// concurrent use.
type Graph struct {
	pids   []string
	papers []corpus.Paper
	ents   []store.Entity
	pindex map[string]int32 // pid -> paper
	eindex map[string]int32 // eid -> entity

	// Mentions by paper: entities pent[poff[p]:poff[p+1]], in increasing
	// order, and whether the paper introduces each.
	poff   []int32
	pent   []int32
	pintro []bool
	// Mentions by entity: papers epap[eoff[e]:eoff[e+1]], in increasing
	// order, and whether each introduces the entity.
	eoff   []int32
	epap   []int32
	eintro []bool

	idf []float64 // by entity

	// Text: the terms of all papers with their document frequencies, and
	// each paper's signature (see loadText) by paper, sterm[soff[p]:
	// soff[p+1]] in increasing order with weights sw, and by term,
	// tpap[toff[t]:toff[t+1]] with weights tw.
	terms      []string
	tdf        []int32
	avgLen     float64
	soff       []int32
	sterm      []int32
	sw         []float32
	toff, tpap []int32
	tw         []float32
}

// Load reads the papers, entities, mentions and term vectors of db into a
// Graph. Entity weights come from the mentions loaded: idf(e) = ln(N/df(e)),
// N the number of papers; term weights likewise from the term vectors. It
// reads the tables one after the other; papers put meanwhile may be missing
// from some of them, and their mentions and terms are then left out.
func Load(ctx context.Context, db *store.DB) (*Graph, error) {
	g := &Graph{pindex: make(map[string]int32), eindex: make(map[string]int32)}
	err := db.EachPaperPID(ctx, func(pid string, p corpus.Paper) error {
		p.Abstract = ""
		g.pindex[pid] = int32(len(g.pids))
		g.pids = append(g.pids, pid)
		g.papers = append(g.papers, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: load papers: %w", err)
	}
	err = db.EachEntity(ctx, func(e store.Entity) error {
		g.eindex[e.ID] = int32(len(g.ents))
		g.ents = append(g.ents, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: load entities: %w", err)
	}
	type link struct {
		p, e  int32
		intro bool
	}
	var links []link
	err = db.EachMention(ctx, func(pid string, m store.Mention) error {
		p, ok := g.pindex[pid]
		e, ok2 := g.eindex[m.EID]
		if ok && ok2 {
			links = append(links, link{p, e, m.Role == extract.Introduces})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: load mentions: %w", err)
	}

	// EachMention gives the links by paper key then entity id: the order
	// of the paper rows. The entity rows need a sort.
	np, ne := len(g.pids), len(g.ents)
	g.poff, g.eoff = make([]int32, np+1), make([]int32, ne+1)
	g.pent, g.pintro = make([]int32, len(links)), make([]bool, len(links))
	for i, l := range links {
		g.poff[l.p+1]++
		g.pent[i], g.pintro[i] = l.e, l.intro
	}
	for p := 0; p < np; p++ {
		g.poff[p+1] += g.poff[p]
	}
	slices.SortStableFunc(links, func(a, b link) int { return cmp.Compare(a.e, b.e) })
	g.epap, g.eintro = make([]int32, len(links)), make([]bool, len(links))
	for i, l := range links {
		g.eoff[l.e+1]++
		g.epap[i], g.eintro[i] = l.p, l.intro
	}
	for e := 0; e < ne; e++ {
		g.eoff[e+1] += g.eoff[e]
	}
	g.idf = make([]float64, ne)
	for e := range g.idf {
		g.idf[e] = IDF(np, g.df(int32(e)))
	}
	if err := g.loadText(ctx, db); err != nil {
		return nil, err
	}
	return g, nil
}

// Paper returns the paper stored under key pid, without its abstract.
func (g *Graph) Paper(pid string) (corpus.Paper, bool) {
	p, ok := g.pindex[pid]
	if !ok {
		return corpus.Paper{}, false
	}
	return g.papers[p], true
}

// Papers returns the number of papers in g.
func (g *Graph) Papers() int { return len(g.pids) }

// Entities returns the number of entities in g.
func (g *Graph) Entities() int { return len(g.ents) }

func (g *Graph) df(e int32) int { return int(g.eoff[e+1] - g.eoff[e]) }

func (g *Graph) entitiesOf(p int32) ([]int32, []bool) {
	return g.pent[g.poff[p]:g.poff[p+1]], g.pintro[g.poff[p]:g.poff[p+1]]
}

func (g *Graph) papersOf(e int32) ([]int32, []bool) {
	return g.epap[g.eoff[e]:g.eoff[e+1]], g.eintro[g.eoff[e]:g.eoff[e+1]]
}

// A Use is a citation-like link: paper From uses entities that paper To
// introduces.
type Use struct {
	From     string   `json:"from"`
	To       string   `json:"to"`
	Entities []string `json:"entities"` // names, by decreasing idf
	Weight   float64  `json:"weight"`   // their summed idf
}

// Uses returns every citation-like link of g, ordered by From, then To.
// Entities that more than five papers introduce carry none: they are
// generic names, not one paper's contribution. Nor do two papers whose
// texts are not alike (the cosine of their signatures, see PaperView, is
// under 0.05 without the words of the entities' names): the name they
// share is then more likely two things under one abbreviation than a use
// of what one paper introduced.
func (g *Graph) Uses() []Use {
	var out []Use
	for _, l := range g.uses(entityFilter{}, nil) {
		out = append(out, Use{From: g.pids[l.from], To: g.pids[l.to], Entities: g.names(l.ents), Weight: l.weight})
	}
	return out
}

// useLink is a citation-like link between papers by index.
type useLink struct {
	from, to int32
	ents     []int32 // by decreasing idf, then name
	weight   float64
}

// uses returns the citation-like links through the entities f selects
// between the papers in selects (all if in is nil), ordered by from, then
// to.
// later reports whether paper a was written after paper b, by their arXiv
// ids (which sort by submission month and number) when both have new-style
// ones, else by year. Unknown dates are never later.
func (g *Graph) later(a, b int32) bool {
	pa, pb := &g.papers[a], &g.papers[b]
	if ia, ib := newStyleArXiv(pa.ArXivID), newStyleArXiv(pb.ArXivID); ia != "" && ib != "" {
		return ia > ib
	}
	return pa.Year != 0 && pb.Year != 0 && pa.Year > pb.Year
}

// maxPriorUsers is how many papers may mention an entity before the paper
// that introduces it: a preprint cited before its own listing, or a
// misdated record. More, and the name was in use before the paper: it
// names a new version, or another thing of the same name ("Whisper:
// Courtside Edition"), or the paper only presents it.
const maxPriorUsers = 2

// predated reports whether more than maxPriorUsers of the papers ps that
// do not introduce the entity (intro[i] false) were written before p.
func (g *Graph) predated(p int32, ps []int32, intro []bool) bool {
	n := 0
	for i, q := range ps {
		if !intro[i] && g.later(p, q) {
			if n++; n > maxPriorUsers {
				return true
			}
		}
	}
	return false
}

// credible reports whether paper p's claim to introduce entity e can
// carry a citation-like link. An abbreviation in capitals ("DR", "SIC",
// "LULC") is most often the short form of a descriptive term that a paper
// defines for its readers, not a thing it made; it counts only when the
// paper's title names it. Names of other shapes ("SAILViT", "Step1X-Edit")
// are the paper's own when it says so.
func (g *Graph) credible(e, p int32) bool {
	ent := &g.ents[e]
	if !capitalsOnly(ent.Name) {
		return true
	}
	title := g.papers[p].Title
	for _, f := range append([]string{ent.Name}, ent.Aliases...) {
		if containsWord(title, f) {
			return true
		}
	}
	return false
}

// capitalsOnly reports whether name has letters and no lower-case one.
func capitalsOnly(name string) bool {
	letters := false
	for _, r := range name {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// containsWord reports whether f occurs in s between word boundaries.
func containsWord(s, f string) bool {
	for i := 0; f != ""; {
		j := strings.Index(s[i:], f)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(f)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !unicode.IsLetter(before) && !unicode.IsDigit(before)) &&
			(end == len(s) || !unicode.IsLetter(after) && !unicode.IsDigit(after)) {
			return true
		}
		i = start + 1
	}
	return false
}

// newStyleArXiv returns id if it is an arXiv id of the YYMM.NNNNN form,
// padded so that ids compare as strings in submission order, else "".
func newStyleArXiv(id string) string {
	dot := strings.IndexByte(id, '.')
	if dot != 4 || len(id) < 9 || strings.ContainsAny(id, "/") {
		return ""
	}
	for _, r := range id[:4] + id[5:] {
		if r < '0' || r > '9' {
			return ""
		}
	}
	// Four-digit numbers (before 2015) sort before five-digit ones of
	// the same month only when padded.
	return id[:5] + strings.Repeat("0", max(0, 5-len(id[5:]))) + id[5:]
}

func (g *Graph) uses(f entityFilter, in []bool) []useLink {
	type pair struct{ from, to int32 }
	acc := make(map[pair]*useLink)
	for e := range g.ents {
		e := int32(e)
		if !f.keep(g, e) {
			continue
		}
		ps, intro := g.papersOf(e)
		var introducers []int32
		for i, p := range ps {
			if intro[i] && (in == nil || in[p]) && !g.predated(p, ps, intro) && g.credible(e, p) {
				introducers = append(introducers, p)
			}
		}
		if len(introducers) == 0 || len(introducers) > maxIntroducers {
			continue
		}
		for i, from := range ps {
			if intro[i] || in != nil && !in[from] {
				continue
			}
			for _, to := range introducers {
				if g.later(to, from) {
					continue // a paper cannot build on one written after it
				}
				k := pair{from, to}
				l := acc[k]
				if l == nil {
					l = &useLink{from: from, to: to}
					acc[k] = l
				}
				l.ents = append(l.ents, e)
				l.weight += g.idf[e]
			}
		}
	}
	out := make([]useLink, 0, len(acc))
	for _, l := range acc {
		// The names themselves are words of both texts, and no sign
		// that the texts are alike.
		skip := make(map[string]bool)
		for _, e := range l.ents {
			for _, name := range append([]string{g.ents[e].Name}, g.ents[e].Aliases...) {
				for _, t := range store.Terms("", name).Terms {
					skip[t] = true
				}
			}
		}
		if g.textCos(l.from, l.to, skip) < minLink {
			continue
		}
		g.sortByIDF(l.ents)
		out = append(out, *l)
	}
	slices.SortFunc(out, func(a, b useLink) int {
		if c := cmp.Compare(a.from, b.from); c != 0 {
			return c
		}
		return cmp.Compare(a.to, b.to)
	})
	return out
}

// sortByIDF orders entities by decreasing idf, then by name.
func (g *Graph) sortByIDF(es []int32) {
	slices.SortFunc(es, func(a, b int32) int {
		if c := cmp.Compare(g.idf[b], g.idf[a]); c != 0 {
			return c
		}
		if c := strings.Compare(g.ents[a].Name, g.ents[b].Name); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}

func (g *Graph) names(es []int32) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = g.ents[e].Name
	}
	return out
}

// entityFilter selects the entities a view or a ranking uses.
type entityFilter struct {
	types []extract.Type // nil: all
	maxDF int            // 0: no limit
	minDF int
}

func (f entityFilter) keep(g *Graph, e int32) bool {
	df := g.df(e)
	return df >= max(f.minDF, 1) && (f.maxDF <= 0 || df <= f.maxDF) &&
		(len(f.types) == 0 || slices.Contains(f.types, g.ents[e].Type))
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

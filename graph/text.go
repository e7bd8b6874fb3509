package graph

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/paperkg/paperkg/store"
)

// BM25 parameters: the usual values of Robertson and Zaragoza (2009, "The
// probabilistic relevance framework: BM25 and beyond", §3.3).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// bm25IDF is BM25's inverse document frequency of a term in df of n
// papers, ln(1 + (n − df + 0.5)/(df + 0.5)), which stays positive.
func bm25IDF(n, df int) float64 {
	if n <= 0 || df <= 0 {
		return 0
	}
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// saturate is BM25's term frequency component for a term that occurs tf
// times in a text of length terms, avgLen being the mean length:
// tf (k1 + 1) / (tf + k1 (1 − b + b length/avgLen)).
func saturate(tf, length int, avgLen float64) float64 {
	if tf <= 0 {
		return 0
	}
	norm := 1.0
	if avgLen > 0 {
		norm = 1 - bm25B + bm25B*float64(length)/avgLen
	}
	return float64(tf) * (bm25K1 + 1) / (float64(tf) + bm25K1*norm)
}

// signatureSize is how many terms of each paper the paper graph compares:
// those of highest BM25 weight. A few dozen terms say what an abstract is
// about (Lucene's MoreLikeThis takes 25); the rest add cost and little
// else.
const signatureSize = 24

// loadText reads the term vectors of the papers of g and keeps each
// paper's signature: its signatureSize terms of highest BM25 weight
// idf(t) · saturate(tf, |d|) among those in at least two and at most
// DefaultMaxDF papers, as a unit vector. It reads the vectors twice, once
// for the document frequencies and once for the signatures, so that only
// the signatures are held in memory.
func (g *Graph) loadText(ctx context.Context, db *store.DB) error {
	termID := make(map[string]int32)
	var df []int32
	var tokens int64
	npapers := 0
	err := db.EachPaperTerms(ctx, func(pid string, v store.TermVector) error {
		if _, ok := g.pindex[pid]; !ok {
			return nil
		}
		npapers++
		tokens += int64(v.Length)
		for _, t := range v.Terms {
			id, ok := termID[t]
			if !ok {
				id = int32(len(g.terms))
				termID[t] = id
				g.terms = append(g.terms, t)
				df = append(df, 0)
			}
			df[id]++
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("graph: load terms: %w", err)
	}
	g.tdf = df
	n := len(g.pids)
	if npapers > 0 {
		g.avgLen = float64(tokens) / float64(npapers)
	}
	maxDF := DefaultMaxDF(n)

	type weighted struct {
		t int32
		w float64
	}
	sigs := make([][]weighted, n)
	var scratch []weighted
	err = db.EachPaperTerms(ctx, func(pid string, v store.TermVector) error {
		p, ok := g.pindex[pid]
		if !ok {
			return nil
		}
		scratch = scratch[:0]
		for i, t := range v.Terms {
			id := termID[t]
			if d := int(df[id]); d >= 2 && d <= maxDF {
				scratch = append(scratch, weighted{id, bm25IDF(n, d) * saturate(v.Counts[i], v.Length, g.avgLen)})
			}
		}
		slices.SortFunc(scratch, func(a, b weighted) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return cmp.Compare(a.t, b.t)
		})
		sig := slices.Clone(scratch[:min(len(scratch), signatureSize)])
		var norm float64
		for _, s := range sig {
			norm += s.w * s.w
		}
		norm = math.Sqrt(norm)
		for i := range sig {
			sig[i].w /= norm
		}
		slices.SortFunc(sig, func(a, b weighted) int { return cmp.Compare(a.t, b.t) })
		sigs[p] = sig
		return nil
	})
	if err != nil {
		return fmt.Errorf("graph: load terms: %w", err)
	}

	g.soff = make([]int32, n+1)
	for p, sig := range sigs {
		g.soff[p+1] = g.soff[p] + int32(len(sig))
	}
	g.sterm = make([]int32, g.soff[n])
	g.sw = make([]float32, g.soff[n])
	for p, sig := range sigs {
		for i, s := range sig {
			g.sterm[int(g.soff[p])+i] = s.t
			g.sw[int(g.soff[p])+i] = float32(s.w)
		}
	}

	// The signatures by term, for finding a paper's neighbours.
	nt := len(g.terms)
	g.toff = make([]int32, nt+1)
	for _, t := range g.sterm {
		g.toff[t+1]++
	}
	for t := 0; t < nt; t++ {
		g.toff[t+1] += g.toff[t]
	}
	g.tpap = make([]int32, len(g.sterm))
	g.tw = make([]float32, len(g.sterm))
	next := slices.Clone(g.toff[:nt])
	for p := 0; p < n; p++ {
		for i := g.soff[p]; i < g.soff[p+1]; i++ {
			t := g.sterm[i]
			g.tpap[next[t]] = int32(p)
			g.tw[next[t]] = g.sw[i]
			next[t]++
		}
	}
	return nil
}

// nameWord returns the term that an entity name is, for a name of one
// word ("DB", "3DGS", "LipVoicer"). Related counts such a name of a query
// entity as an entity and not as a word of the text too: counted twice, a
// short name that two unrelated texts share ("DB" for a database and for
// difficulty balancing) would make them look alike. Names of several
// words stay words of the text: "diffusion model" says what a text is
// about.
func nameWord(name string) (string, bool) {
	ts := store.Terms("", name).Terms
	if len(ts) != 1 {
		return "", false
	}
	return ts[0], true
}

// signature returns the terms of paper p's signature, in increasing order,
// and their weights.
func (g *Graph) signature(p int32) ([]int32, []float32) {
	if len(g.soff) == 0 {
		return nil, nil
	}
	return g.sterm[g.soff[p]:g.soff[p+1]], g.sw[g.soff[p]:g.soff[p+1]]
}

// termPapers returns the papers whose signature has term t and the term's
// weight in each.
func (g *Graph) termPapers(t int32) ([]int32, []float32) {
	return g.tpap[g.toff[t]:g.toff[t+1]], g.tw[g.toff[t]:g.toff[t+1]]
}

// textCos returns the cosine of the signatures of papers p and q, leaving
// out the terms of skip.
func (g *Graph) textCos(p, q int32, skip map[string]bool) float64 {
	a, wa := g.signature(p)
	b, wb := g.signature(q)
	var dot float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if !skip[g.terms[a[i]]] {
				dot += float64(wa[i] * wb[j])
			}
			i++
			j++
		}
	}
	return dot
}

// sharedTerms returns the terms of both signatures of p and q by
// decreasing product of their weights, at most n of them.
func (g *Graph) sharedTerms(p, q int32, n int) []string {
	a, wa := g.signature(p)
	b, wb := g.signature(q)
	type tw struct {
		t int32
		w float32
	}
	var out []tw
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, tw{a[i], wa[i] * wb[j]})
			i++
			j++
		}
	}
	slices.SortFunc(out, func(x, y tw) int {
		if c := cmp.Compare(y.w, x.w); c != 0 {
			return c
		}
		return cmp.Compare(g.terms[x.t], g.terms[y.t])
	})
	names := make([]string, 0, min(len(out), n))
	for _, x := range out[:min(len(out), n)] {
		names = append(names, g.terms[x.t])
	}
	return names
}

package graph

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
)

// minLink is the lightest paper link the paper graph makes: below it, two
// papers share no more than a common term or two, and a link would tie
// unrelated papers into one topic.
const minLink = 0.05

// maxIntroducers bounds the papers that may introduce an entity for it to
// carry citation-like links: a name that more papers claim to introduce is
// a generic one ("agent", "VLM"), not one paper's contribution, and its
// links would be many and say nothing.
const maxIntroducers = 5

// link is an undirected link between papers u < v of the paper graph.
type link struct {
	u, v   int32
	weight float64
}

// paperGraph is the paper graph of a view: the papers it may show (in),
// their links, citation-like links and citations, and their PageRank.
// Topics are computed on demand by topics.
type paperGraph struct {
	g      *Graph
	opt    ViewOptions
	filter entityFilter
	in     []bool
	sel    []int32 // the papers in, in increasing order
	links  []link  // sorted by u, then v
	uses   []useLink
	cites  []arc
	// influence counts, for each paper, the papers with a citation-like
	// link to it.
	influence []int
	rank      []float64 // PageRank scaled to [0, 1], 0 outside the view
	tm        *TopicMap
	topic     []int // topic of each paper, -1 for none; set by topics
}

// paperGraph builds the paper graph of the papers opt selects.
func (g *Graph) paperGraph(ctx context.Context, opt ViewOptions) (*paperGraph, error) {
	n := len(g.pids)
	pg := &paperGraph{g: g, opt: opt, in: make([]bool, n)}
	pg.filter = entityFilter{types: opt.Types, maxDF: opt.maxDF(n), minDF: 2}
	for p := range g.pids {
		if opt.Years.Contains(g.papers[p].Year) {
			pg.in[p] = true
			pg.sel = append(pg.sel, int32(p))
		}
	}
	if err := pg.link(ctx); err != nil {
		return nil, err
	}

	// Citation-like links: all of them count for influence and rank; each
	// paper draws its k strongest.
	all := g.uses(entityFilter{types: opt.Types, maxDF: pg.filter.maxDF}, pg.in)
	pg.influence = make([]int, n)
	for _, l := range all {
		pg.influence[l.to]++
	}
	k := opt.maxEdges()
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].from == all[i].from {
			j++
		}
		run := slices.Clone(all[i:j])
		slices.SortStableFunc(run, func(a, b useLink) int { return cmp.Compare(b.weight, a.weight) })
		if k > 0 && len(run) > k {
			run = run[:k]
		}
		slices.SortFunc(run, func(a, b useLink) int { return cmp.Compare(a.to, b.to) })
		pg.uses = append(pg.uses, run...)
		i = j
	}
	for _, c := range g.citations() {
		if pg.in[c.u] && pg.in[c.v] {
			pg.cites = append(pg.cites, c)
		}
	}

	// PageRank: a link counts both ways by its similarity, a citation or
	// a citation-like link one way as a perfect similarity would.
	arcs := make([]arc, 0, 2*len(pg.links)+len(all)+len(pg.cites))
	for _, l := range pg.links {
		arcs = append(arcs, arc{l.u, l.v, l.weight}, arc{l.v, l.u, l.weight})
	}
	for _, l := range all {
		arcs = append(arcs, arc{l.from, l.to, 1})
	}
	arcs = append(arcs, pg.cites...)
	pg.rank = pg.localRank(pg.sel, arcs)
	return pg, ctx.Err()
}

// localRank returns the PageRank of the papers of sel under arcs between
// them, by paper index, 0 for the others.
func (pg *paperGraph) localRank(sel []int32, arcs []arc) []float64 {
	local := make([]int32, len(pg.g.pids))
	for i := range local {
		local[i] = -1
	}
	for i, p := range sel {
		local[p] = int32(i)
	}
	var la []arc
	for _, a := range arcs {
		if u, v := local[a.u], local[a.v]; u >= 0 && v >= 0 {
			la = append(la, arc{u, v, a.w})
		}
	}
	r := pageRank(len(sel), la)
	out := make([]float64, len(pg.g.pids))
	for i, p := range sel {
		out[p] = r[i]
	}
	return out
}

// link finds the links of the paper graph. Two papers p and q are as
// similar as
//
//	s(p, q) = cosT(p, q) · (1 + β cosE(p, q))
//
// where cosT is the cosine of their signatures, their terms of highest
// BM25 weight (see loadText), cosE the cosine of their entity vectors,
// each entity weighing idf(e) and counting only among those in at least
// two and at most MaxDF papers (an entity in one paper relates it to
// none), and β is opt.EntityWeight. Shared entities raise the likeness of
// texts rather than add to it, because a short name that two unrelated
// texts share is more often two things under one abbreviation ("DB" for a
// database and for difficulty balancing) than one thing. Each paper keeps
// links to its k most similar papers (k = MaxEdgesPerNode) that are at
// least minLink and opt.MinWeight similar, and a link stays when either
// end keeps it: a k-nearest-neighbour graph, as used for clustering by
// Louvain in single-cell analysis (Levine et al. 2015, "Data-driven
// phenotypic dissection of AML"), which keeps dense regions of the graph
// from taking every link of a sparse one.
func (pg *paperGraph) link(ctx context.Context) error {
	g, opt := pg.g, pg.opt
	n := len(g.pids)
	beta := opt.entityWeight()
	k := opt.maxEdges()

	enorm := make([]float64, n)
	for _, p := range pg.sel {
		es, _ := g.entitiesOf(p)
		for _, e := range es {
			if pg.filter.keep(g, e) {
				enorm[p] += g.idf[e] * g.idf[e]
			}
		}
		enorm[p] = math.Sqrt(enorm[p])
	}

	ew, tw := make([]float64, n), make([]float64, n)
	seen := make([]bool, n)
	var touched []int32
	top := make([]scored, 0, k)
	kept := make(map[[2]int32]float64)
	for i, p := range pg.sel {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		ts, ws := g.signature(p)
		for j, t := range ts {
			wp := ws[j]
			qs, wq := g.termPapers(t)
			for l, q := range qs {
				if q != p && pg.in[q] {
					if !seen[q] {
						seen[q] = true
						touched = append(touched, q)
					}
					tw[q] += float64(wp * wq[l])
				}
			}
		}
		if beta > 0 && enorm[p] > 0 {
			es, _ := g.entitiesOf(p)
			for _, e := range es {
				if !pg.filter.keep(g, e) {
					continue
				}
				w := g.idf[e] * g.idf[e]
				ps, _ := g.papersOf(e)
				for _, q := range ps {
					if seen[q] {
						ew[q] += w
					}
				}
			}
		}
		top = top[:0]
		for _, q := range touched {
			s := tw[q]
			if ew[q] > 0 {
				s *= 1 + beta*ew[q]/(enorm[p]*enorm[q])
			}
			if s >= minLink && s >= opt.MinWeight {
				top = pushTop(top, k, scored{q, s})
			}
			ew[q], tw[q], seen[q] = 0, 0, false
		}
		touched = touched[:0]
		for _, c := range top {
			kept[[2]int32{min(p, c.q), max(p, c.q)}] = c.s
		}
	}
	pg.links = make([]link, 0, len(kept))
	for pair, w := range kept {
		pg.links = append(pg.links, link{pair[0], pair[1], w})
	}
	slices.SortFunc(pg.links, func(a, b link) int {
		if c := cmp.Compare(a.u, b.u); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})
	return nil
}

// scored is a candidate neighbour and its similarity.
type scored struct {
	q int32
	s float64
}

// pushTop adds c to top, the best candidates by decreasing similarity then
// increasing index, keeping at most k of them (all if k is 0).
func pushTop(top []scored, k int, c scored) []scored {
	if k == 0 {
		return append(top, c)
	}
	better := func(a, b scored) bool { return a.s > b.s || a.s == b.s && a.q < b.q }
	if len(top) == k && !better(c, top[k-1]) {
		return top
	}
	i := len(top)
	if len(top) < k {
		top = append(top, c)
	}
	for i > 0 && better(c, top[i-1]) {
		if i < len(top) {
			top[i] = top[i-1]
		}
		i--
	}
	top[i] = c
	return top
}

// linkEdge returns the view edge of a link: a SharedEdge labelled with the
// entities both papers mention, or a SimilarEdge labelled with the terms
// of both signatures when they share no entity.
func (pg *paperGraph) linkEdge(l link) Edge {
	g := pg.g
	e := Edge{Source: g.pids[l.u], Target: g.pids[l.v], Kind: SimilarEdge, Weight: round4(l.weight)}
	ents := g.shared(l.u, l.v, pg.filter)
	terms := g.sharedTerms(l.u, l.v, labelSize)
	var parts []string
	if len(ents) > 0 {
		e.Kind = SharedEdge
		parts = append(parts, strings.Join(g.names(ents[:min(len(ents), labelSize)]), ", "))
	}
	if len(terms) > 0 {
		parts = append(parts, "terms: "+strings.Join(terms, ", "))
	}
	e.Label = strings.Join(parts, "; ")
	return e
}

// PaperView returns the map of papers of opt.Years. Two papers are joined
// by a link when they are among each other's most similar (see below):
// a SharedEdge if they mention entities in common, labelled with them,
// else a SimilarEdge labelled with the terms they share; its weight is
// their similarity
//
//	s(p, q) = cosT(p, q) · (1 + β cosE(p, q))
//
// the cosine of their term signatures (their 24 terms of highest BM25
// weight) raised by the cosine of their idf-weighted entity vectors
// (entities of opt.Types in at least two and at most opt.MaxDF papers),
// β = opt.EntityWeight. Each paper keeps its MaxEdgesPerNode most similar
// papers, at least 0.05 and opt.MinWeight similar. A UsesEdge goes from a
// paper that uses an entity to the paper that introduces it, weighted by
// the summed idf of such entities, when their texts are alike too (see
// Uses); a CitesEdge where the input recorded a citation (weight 1). Both
// are directed, from the citing paper to the cited one, though the view as
// a whole is not, and opt.MinWeight does not apply to them.
//
// Node sizes are the PageRank on all three kinds of edges (links both
// ways by their similarity, citations and citation-like links with weight
// 1); Influence counts the papers that use an entity the paper introduces.
// With opt.Color ColorTopic (the default) groups are the topics of Topics,
// numbered and labelled as it numbers and labels them, and opt.Top keeps
// papers around the most central of each topic in proportion to its size
// (see topTopics); with
// ColorYear groups are the years, and opt.Top keeps the papers of highest
// PageRank.
func (g *Graph) PaperView(ctx context.Context, opt ViewOptions) (View, error) {
	pg, err := g.paperGraph(ctx, opt)
	if err != nil {
		return View{}, err
	}
	if opt.color() == ColorTopic {
		if _, err := pg.topics(ctx); err != nil {
			return View{}, err
		}
	}
	var keep []bool
	if opt.color() == ColorTopic {
		keep = pg.topTopics(opt.Top)
	} else {
		keep = topNodes(pg.rank, g.pids, opt.Top, pg.in)
	}

	v := View{Name: "papers"}
	for _, p := range pg.sel {
		if !keep[p] {
			continue
		}
		n := g.paperNode(p)
		n.Size = pg.rank[p]
		n.Influence = pg.influence[p]
		if opt.color() == ColorTopic && pg.topic[p] >= 0 {
			n.Group = pg.topic[p]
			n.GroupLabel = pg.tm.Topics[n.Group].Label
		}
		v.Nodes = append(v.Nodes, n)
	}
	if opt.color() == ColorYear {
		groupByYear(v.Nodes)
	}
	for _, l := range pg.links {
		if keep[l.u] && keep[l.v] {
			v.Edges = append(v.Edges, pg.linkEdge(l))
		}
	}
	for _, l := range pg.uses {
		if keep[l.from] && keep[l.to] {
			v.Edges = append(v.Edges, Edge{Source: g.pids[l.from], Target: g.pids[l.to], Kind: UsesEdge,
				Weight: round4(l.weight), Label: strings.Join(g.names(l.ents[:min(len(l.ents), labelSize)]), ", ")})
		}
	}
	for _, c := range pg.cites {
		if keep[c.u] && keep[c.v] {
			v.Edges = append(v.Edges, Edge{Source: g.pids[c.u], Target: g.pids[c.v], Kind: CitesEdge, Weight: 1})
		}
	}
	sortEdges(v.Edges)
	return v, nil
}

// topTopics returns which papers a view of top papers keeps (all if top is
// 0): for each topic, its most central paper and the papers linked to
// those kept, of highest PageRank first, so that each topic shows as a
// cluster; in numbers proportional to the topics' sizes (by largest
// remainder) and at least one a topic while there are enough. Papers
// outside the topics come only when top leaves room for them, by
// PageRank.
func (pg *paperGraph) topTopics(top int) []bool {
	keep := make([]bool, len(pg.g.pids))
	if top <= 0 || top >= len(pg.sel) {
		for _, p := range pg.sel {
			keep[p] = true
		}
		return keep
	}
	topics := pg.tm.Topics
	total := 0
	for _, t := range topics {
		total += t.Size
	}
	quota := make([]int, len(topics))
	left := min(top, total)
	if left >= len(topics) {
		for i := range quota {
			quota[i] = 1
		}
		left -= len(topics)
	}
	// Largest remainder over what is left.
	type share struct {
		t    int
		frac float64
	}
	var shares []share
	given := 0
	for i, t := range topics {
		exact := float64(left) * float64(t.Size) / float64(total)
		q := min(int(exact), t.Size-quota[i])
		quota[i] += q
		given += q
		shares = append(shares, share{i, exact - float64(q)})
	}
	slices.SortStableFunc(shares, func(a, b share) int { return cmp.Compare(b.frac, a.frac) })
	for rest := left - given; rest > 0; {
		moved := false
		for _, sh := range shares {
			if rest > 0 && quota[sh.t] < topics[sh.t].Size {
				quota[sh.t]++
				rest--
				moved = true
			}
		}
		if !moved {
			break
		}
	}
	// Each topic's share grows from its most central paper along its
	// links, the neighbour of highest PageRank first, so that the papers
	// kept are linked as in the whole graph, not scattered.
	adj := make(map[int32][]int32)
	for _, l := range pg.links {
		adj[l.u] = append(adj[l.u], l.v)
		adj[l.v] = append(adj[l.v], l.u)
	}
	n := 0
	for i, t := range topics {
		var frontier []int32
		next := 0 // in t.Papers, for a new start when the frontier is empty
		for k := 0; k < quota[i]; k++ {
			best := -1
			for j, p := range frontier {
				if !keep[p] && (best < 0 || pg.rank[p] > pg.rank[frontier[best]] ||
					pg.rank[p] == pg.rank[frontier[best]] && p < frontier[best]) {
					best = j
				}
			}
			var p int32
			if best >= 0 {
				p = frontier[best]
				frontier = slices.Delete(frontier, best, best+1)
			} else {
				for keep[pg.g.pindex[t.Papers[next]]] {
					next++
				}
				p = pg.g.pindex[t.Papers[next]]
			}
			keep[p] = true
			n++
			for _, q := range adj[p] {
				if pg.topic[q] == t.ID && !keep[q] && !slices.Contains(frontier, q) {
					frontier = append(frontier, q)
				}
			}
		}
	}
	if n < top {
		// Room is left: the papers outside the topics, by PageRank.
		out := make([]bool, len(keep))
		for _, p := range pg.sel {
			out[p] = pg.topic[p] < 0
		}
		for p, k := range topNodes(pg.rank, pg.g.pids, top-n, out) {
			keep[p] = keep[p] || k
		}
	}
	return keep
}

// shared returns the entities f selects that papers p and q both mention,
// by decreasing idf.
func (g *Graph) shared(p, q int32, f entityFilter) []int32 {
	a, _ := g.entitiesOf(p)
	b, _ := g.entitiesOf(q)
	var out []int32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if f.keep(g, a[i]) {
				out = append(out, a[i])
			}
			i++
			j++
		}
	}
	g.sortByIDF(out)
	return out
}

// citations returns the real citations the inputs recorded between papers
// of g, resolved by key, arXiv id, DOI or input id.
func (g *Graph) citations() []arc {
	ids := make(map[string]int32)
	for p := range g.pids {
		pp := &g.papers[p]
		for _, id := range []string{pp.ID, pp.ArXivID, strings.ToLower(pp.DOI), g.pids[p]} {
			if id != "" {
				ids[id] = int32(p)
			}
		}
	}
	seen := make(map[[2]int32]bool)
	var out []arc
	for p := range g.pids {
		for _, ref := range g.papers[p].References {
			q, ok := ids[ref]
			if !ok {
				q, ok = ids[strings.ToLower(ref)]
			}
			k := [2]int32{int32(p), q}
			if ok && q != int32(p) && !seen[k] {
				seen[k] = true
				out = append(out, arc{int32(p), q, 1})
			}
		}
	}
	return out
}

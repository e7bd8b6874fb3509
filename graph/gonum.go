package graph

import (
	"cmp"
	"math/rand/v2"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// An arc is a weighted link from node u to node v.
type arc struct {
	u, v int32
	w    float64
}

// csr is a weighted graph on the nodes 0..n-1 in compressed sparse rows:
// the neighbours of u are to[off[u]:off[u+1]], in increasing order, so that
// gonum's algorithms see the same order on every run.
type csr struct {
	off []int32
	to  []int32
	w   []float64
}

// newCSR builds the graph of arcs on n nodes, summing the weights of
// repeated arcs and dropping loops.
func newCSR(n int, arcs []arc) csr {
	arcs = slices.DeleteFunc(slices.Clone(arcs), func(a arc) bool { return a.u == a.v })
	slices.SortFunc(arcs, func(a, b arc) int {
		if c := cmp.Compare(a.u, b.u); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})
	g := csr{off: make([]int32, n+1)}
	for i, a := range arcs {
		if i > 0 && arcs[i-1].u == a.u && arcs[i-1].v == a.v {
			g.w[len(g.w)-1] += a.w
			continue
		}
		g.to = append(g.to, a.v)
		g.w = append(g.w, a.w)
		g.off[a.u+1]++
	}
	for u := 0; u < n; u++ {
		g.off[u+1] += g.off[u]
	}
	return g
}

func (g csr) n() int { return len(g.off) - 1 }

func (g csr) row(u int64) ([]int32, []float64) {
	if u < 0 || u >= int64(g.n()) {
		return nil, nil
	}
	return g.to[g.off[u]:g.off[u+1]], g.w[g.off[u]:g.off[u+1]]
}

func (g csr) weight(u, v int64) (float64, bool) {
	to, w := g.row(u)
	if i, ok := slices.BinarySearch(to, int32(v)); ok {
		return w[i], true
	}
	return 0, false
}

// nodeIter iterates over node ids: those of ids, or 0..n-1 if ids is nil.
type nodeIter struct {
	ids  []int32
	n    int
	next int
}

func (it *nodeIter) Len() int {
	if it.ids != nil {
		return len(it.ids) - it.next
	}
	return it.n - it.next
}

func (it *nodeIter) Next() bool {
	if it.Len() <= 0 {
		return false
	}
	it.next++
	return true
}

func (it *nodeIter) Node() gonum.Node {
	if it.next == 0 || it.Len() < 0 {
		return nil
	}
	if it.ids != nil {
		return simple.Node(it.ids[it.next-1])
	}
	return simple.Node(it.next - 1)
}

func (it *nodeIter) Reset() { it.next = 0 }

func neighbours(ids []int32) gonum.Nodes {
	if len(ids) == 0 {
		return gonum.Empty
	}
	return &nodeIter{ids: ids}
}

// undirected is a csr holding each edge both ways, seen by gonum as a
// weighted undirected graph.
type undirected struct{ csr }

var _ gonum.WeightedUndirected = undirected{}

func (g undirected) Node(id int64) gonum.Node {
	if id < 0 || id >= int64(g.n()) {
		return nil
	}
	return simple.Node(id)
}
func (g undirected) Nodes() gonum.Nodes { return &nodeIter{n: g.n()} }
func (g undirected) From(id int64) gonum.Nodes {
	to, _ := g.row(id)
	return neighbours(to)
}
func (g undirected) HasEdgeBetween(x, y int64) bool { _, ok := g.weight(x, y); return ok }
func (g undirected) Edge(u, v int64) gonum.Edge     { return g.WeightedEdge(u, v) }
func (g undirected) EdgeBetween(x, y int64) gonum.Edge {
	return g.WeightedEdge(x, y)
}
func (g undirected) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge {
	return g.WeightedEdge(x, y)
}
func (g undirected) WeightedEdge(u, v int64) gonum.WeightedEdge {
	w, ok := g.weight(u, v)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: w}
}
func (g undirected) Weight(x, y int64) (float64, bool) { return g.weight(x, y) }

// directed is a csr of arcs with its transpose, seen by gonum as a weighted
// directed graph.
type directed struct{ out, in csr }

var _ gonum.WeightedDirected = directed{}

func newDirected(n int, arcs []arc) directed {
	rev := make([]arc, len(arcs))
	for i, a := range arcs {
		rev[i] = arc{u: a.v, v: a.u, w: a.w}
	}
	return directed{out: newCSR(n, arcs), in: newCSR(n, rev)}
}

func (g directed) Node(id int64) gonum.Node {
	if id < 0 || id >= int64(g.out.n()) {
		return nil
	}
	return simple.Node(id)
}
func (g directed) Nodes() gonum.Nodes { return &nodeIter{n: g.out.n()} }
func (g directed) From(id int64) gonum.Nodes {
	to, _ := g.out.row(id)
	return neighbours(to)
}
func (g directed) To(id int64) gonum.Nodes {
	from, _ := g.in.row(id)
	return neighbours(from)
}
func (g directed) HasEdgeBetween(x, y int64) bool {
	return g.HasEdgeFromTo(x, y) || g.HasEdgeFromTo(y, x)
}
func (g directed) HasEdgeFromTo(u, v int64) bool { _, ok := g.out.weight(u, v); return ok }
func (g directed) Edge(u, v int64) gonum.Edge    { return g.WeightedEdge(u, v) }
func (g directed) WeightedEdge(u, v int64) gonum.WeightedEdge {
	w, ok := g.out.weight(u, v)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: w}
}
func (g directed) Weight(u, v int64) (float64, bool) { return g.out.weight(u, v) }

// PageRank parameters: the damping factor of Page et al., and a tolerance
// small enough that gonum's random starting vector leaves no trace in the
// four decimals that node sizes keep.
const (
	damping   = 0.85
	tolerance = 1e-10
)

// pageRank returns the edge-weighted PageRank of the nodes 0..n-1 under
// arcs, scaled so that the largest is 1 and rounded to four decimals.
func pageRank(n int, arcs []arc) []float64 {
	ranks := make([]float64, n)
	if n == 0 {
		return ranks
	}
	pr := network.PageRankSparse(newDirected(n, arcs), damping, tolerance)
	var top float64
	for i := range ranks {
		ranks[i] = pr[int64(i)]
		top = max(top, ranks[i])
	}
	for i := range ranks {
		if top > 0 {
			ranks[i] = round4(ranks[i] / top)
		} else {
			ranks[i] = 1
		}
	}
	return ranks
}

// louvain returns the Louvain communities (see louvainCSR) of the
// undirected graph of edges (each given once) on n nodes at resolution
// res, each as its nodes in increasing order, largest first, then by
// smallest node; and the modularity Q at resolution 1 of that partition.
// Every node is in one community, a node without edges alone in its own.
// The random source is fixed, so the same graph always gives the same
// communities.
func louvain(n int, edges []arc, res float64) ([][]int32, float64) {
	if n == 0 {
		return nil, 0
	}
	both := make([]arc, 0, 2*len(edges))
	for _, e := range edges {
		both = append(both, e, arc{u: e.v, v: e.u, w: e.w})
	}
	g := newCSR(n, both)
	comm := louvainCSR(g, res, rand.NewPCG(1, 1))
	q := modularity(g, comm, 1)
	var nc int32
	for _, c := range comm {
		nc = max(nc, c+1)
	}
	comms := make([][]int32, nc)
	for u, c := range comm {
		comms[c] = append(comms[c], int32(u))
	}
	slices.SortFunc(comms, func(a, b []int32) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return cmp.Compare(a[0], b[0])
	})
	return comms, q
}

// communities returns the Louvain communities at resolution res of the
// undirected graph of edges (each given once) on n nodes: the community
// of each node, or -1 for a node alone in its community. Communities are
// numbered by decreasing size, then by their smallest node.
func communities(n int, edges []arc, res float64) []int {
	group := make([]int, n)
	for i := range group {
		group[i] = -1
	}
	comms, _ := louvain(n, edges, res)
	for g, c := range comms {
		if len(c) < 2 {
			break
		}
		for _, id := range c {
			group[id] = g
		}
	}
	return group
}

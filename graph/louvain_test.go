package graph

import (
	"math/rand/v2"
	"slices"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// plantedGraph returns a graph of groups of size nodes each, two nodes of
// a group joined with probability pin and of different groups with pout,
// every edge of weight 1 to 3, and the group of each node.
func plantedGraph(groups, size int, pin, pout float64, seed uint64) (int, []arc, []int) {
	r := rand.New(rand.NewPCG(seed, seed))
	n := groups * size
	truth := make([]int, n)
	for i := range truth {
		truth[i] = i / size
	}
	var edges []arc
	for u := 0; u < n; u++ {
		for v := u + 1; v < n; v++ {
			p := pout
			if truth[u] == truth[v] {
				p = pin
			}
			if r.Float64() < p {
				edges = append(edges, arc{int32(u), int32(v), float64(1 + r.IntN(3))})
			}
		}
	}
	return n, edges, truth
}

// gonumGraph is the same graph as gonum's weighted undirected graph.
func gonumGraph(n int, edges []arc) *simple.WeightedUndirectedGraph {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := 0; i < n; i++ {
		g.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.u), T: simple.Node(e.v), W: e.w})
	}
	return g
}

func gonumCommunities(comms [][]int32) [][]gonum.Node {
	out := make([][]gonum.Node, len(comms))
	for i, c := range comms {
		for _, id := range c {
			out[i] = append(out[i], simple.Node(id))
		}
	}
	return out
}

func TestLouvain(t *testing.T) {
	tests := []struct {
		name           string
		groups, size   int
		pin, pout, res float64
	}{
		{"clear", 4, 20, 0.5, 0.02, 1},
		{"many", 8, 15, 0.6, 0.01, 1},
		{"coarse", 3, 25, 0.4, 0.02, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, edges, truth := plantedGraph(tt.groups, tt.size, tt.pin, tt.pout, 7)
			comms, q := louvain(n, edges, tt.res)

			// The planted groups are found whole.
			if len(comms) != tt.groups {
				t.Fatalf("%d communities, want %d", len(comms), tt.groups)
			}
			for _, c := range comms {
				for _, u := range c {
					if truth[u] != truth[c[0]] {
						t.Errorf("nodes %d and %d of groups %d and %d in one community", c[0], u, truth[c[0]], truth[u])
					}
				}
			}
			for i := 1; i < len(comms); i++ {
				if len(comms[i]) > len(comms[i-1]) {
					t.Errorf("community %d larger than %d", i, i-1)
				}
			}

			// Q is gonum's modularity of the partition, and as high as
			// that of gonum's own Louvain.
			gg := gonumGraph(n, edges)
			if want := community.Q(gg, gonumCommunities(comms), 1); !nearTol(q, want, 1e-9) {
				t.Errorf("Q = %g, gonum's community.Q = %g", q, want)
			}
			ref := community.Modularize(gg, tt.res, rand.NewPCG(1, 1))
			if qref := community.Q(gg, ref.Communities(), 1); q < qref-1e-9 {
				t.Errorf("Q = %g, below gonum's Modularize at %g", q, qref)
			}
		})
	}

	// On a noisy graph Louvain's result depends on the order in which it
	// visits the nodes, for gonum's implementation as for this one: over
	// a few random sources both find partitions of about the same
	// modularity, close to that of the planted groups.
	t.Run("noisy", func(t *testing.T) {
		n, edges, truth := plantedGraph(5, 30, 0.3, 0.03, 7)
		var both []arc
		for _, e := range edges {
			both = append(both, e, arc{e.v, e.u, e.w})
		}
		g := newCSR(n, both)
		planted := make([]int32, n)
		for i, c := range truth {
			planted[i] = int32(c)
		}
		qt := modularity(g, planted, 1)
		gg := gonumGraph(n, edges)
		var mine, theirs float64
		for s := uint64(1); s <= 5; s++ {
			mine += modularity(g, louvainCSR(g, 1, rand.NewPCG(s, s)), 1) / 5
			theirs += community.Q(gg, community.Modularize(gg, 1, rand.NewPCG(s, s)).Communities(), 1) / 5
		}
		if !nearTol(mine, theirs, 0.01) || !nearTol(mine, qt, 0.01) {
			t.Errorf("mean Q over five sources %g, gonum's %g, planted %g", mine, theirs, qt)
		}
	})

	t.Run("deterministic", func(t *testing.T) {
		n, edges, _ := plantedGraph(5, 30, 0.2, 0.05, 3)
		a, qa := louvain(n, edges, 1)
		b, qb := louvain(n, slices.Clone(edges), 1)
		if qa != qb || len(a) != len(b) {
			t.Fatalf("two runs: Q %g and %g, %d and %d communities", qa, qb, len(a), len(b))
		}
		for i := range a {
			if !slices.Equal(a[i], b[i]) {
				t.Errorf("community %d differs: %v, %v", i, a[i], b[i])
			}
		}
	})
	t.Run("no edges", func(t *testing.T) {
		comms, q := louvain(3, nil, 1)
		if len(comms) != 3 || q != 0 {
			t.Errorf("louvain of 3 nodes without edges = %v, %g", comms, q)
		}
	})
	t.Run("resolution", func(t *testing.T) {
		n, edges, _ := plantedGraph(6, 15, 0.4, 0.05, 11)
		coarse, _ := louvain(n, edges, 0.1)
		fine, _ := louvain(n, edges, 3)
		if len(coarse) >= 6 || len(fine) <= 6 {
			t.Errorf("%d communities at resolution 0.1 and %d at 3, want under and over 6", len(coarse), len(fine))
		}
	})
}

func nearTol(a, b, tol float64) bool { return a-b < tol && b-a < tol }

func TestModularity(t *testing.T) {
	// Two triangles joined by one edge, all of weight 1: m = 7, each
	// triangle has 3 edges within and degree sum 7.
	edges := []arc{{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 1}, {4, 5, 1}, {3, 5, 1}, {2, 3, 1}}
	var both []arc
	for _, e := range edges {
		both = append(both, e, arc{e.v, e.u, e.w})
	}
	g := newCSR(6, both)
	want := 2 * (6.0/14 - (7.0/14)*(7.0/14))
	if got := modularity(g, []int32{0, 0, 0, 1, 1, 1}, 1); !nearTol(got, want, 1e-12) {
		t.Errorf("modularity = %g, want %g", got, want)
	}
	if got := modularity(g, []int32{0, 0, 0, 0, 0, 0}, 1); !nearTol(got, 0, 1e-12) {
		t.Errorf("modularity of one community = %g, want 0", got)
	}
}

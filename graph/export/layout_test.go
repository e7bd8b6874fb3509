package export

import (
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

func TestPositions(t *testing.T) {
	v := synthView(200, 0, 6, 3)
	// Entities without a group, as in a bipartite view.
	for i := range 30 {
		v.Nodes = append(v.Nodes, graph.Node{ID: "e:" + string(rune('a'+i)), Kind: graph.EntityNode, Group: -1, Size: float64(i) / 30})
	}
	s := mustSort(t, v)
	pos := positions(s.nodes)
	if len(pos) != len(s.nodes) {
		t.Fatalf("%d positions for %d nodes", len(pos), len(s.nodes))
	}
	if diff := cmp.Diff(pos, positions(s.nodes)); diff != "" {
		t.Errorf("positions differ between calls:\n%.1000s", diff)
	}
	seen := make(map[[2]float64]bool)
	for i, p := range pos {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
			t.Fatalf("node %d at %v", i, p)
		}
		if seen[p] {
			t.Errorf("two nodes at %v", p)
		}
		seen[p] = true
	}

	// Each cluster (a group, or the ungrouped nodes of one kind) is a
	// disc apart from the others, its most important node nearest its
	// centre.
	type cluster struct {
		members []int
		cx, cy  float64
	}
	clusters := make(map[[2]any]*cluster)
	key := func(n graph.Node) [2]any {
		if n.Group >= 0 {
			return [2]any{n.Group, ""}
		}
		return [2]any{-1, n.Kind}
	}
	for i, n := range s.nodes {
		c := clusters[key(n)]
		if c == nil {
			c = &cluster{}
			clusters[key(n)] = c
		}
		c.members = append(c.members, i)
		c.cx += pos[i][0]
		c.cy += pos[i][1]
	}
	if len(clusters) != 7 {
		t.Fatalf("%d clusters, want 6 groups and the entities", len(clusters))
	}
	for k, c := range clusters {
		c.cx /= float64(len(c.members))
		c.cy /= float64(len(c.members))
		for i := range c.members {
			p := pos[c.members[i]]
			for k2, other := range clusters {
				if k2 == k {
					continue
				}
				// Nearer its own centre than to any other cluster's.
				if d, d2 := math.Hypot(p[0]-c.cx, p[1]-c.cy), math.Hypot(p[0]-other.cx, p[1]-other.cy); d >= d2 {
					t.Errorf("cluster %v: node %q is nearer cluster %v", k, s.nodes[c.members[i]].ID, k2)
				}
			}
		}
		biggest := slices.MaxFunc(c.members, func(a, b int) int {
			return cmpFloat(s.nodes[a].Size, s.nodes[b].Size)
		})
		for _, i := range c.members {
			db := math.Hypot(pos[biggest][0]-c.cx, pos[biggest][1]-c.cy)
			if di := math.Hypot(pos[i][0]-c.cx, pos[i][1]-c.cy); di < db-1e-9 && s.nodes[i].Size < s.nodes[biggest].Size {
				t.Errorf("cluster %v: %q is nearer the centre than the most important node", k, s.nodes[i].ID)
				break
			}
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestPositionsSmall(t *testing.T) {
	tests := []struct {
		name  string
		nodes []graph.Node
	}{
		{"none", nil},
		{"one", []graph.Node{{ID: "a", Group: -1}}},
		{"two in one group", []graph.Node{{ID: "a", Group: 0}, {ID: "b", Group: 0}}},
		{"NaN size", []graph.Node{{ID: "a", Group: 0, Size: math.NaN()}, {ID: "b", Group: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pos := positions(tt.nodes)
			if len(pos) != len(tt.nodes) {
				t.Fatalf("%d positions for %d nodes", len(pos), len(tt.nodes))
			}
			for i, p := range pos {
				if math.IsNaN(p[0]) || math.IsNaN(p[1]) {
					t.Errorf("node %d at %v", i, p)
				}
				for j := range i {
					if pos[j] == p {
						t.Errorf("nodes %d and %d both at %v", j, i, p)
					}
				}
			}
		})
	}
}

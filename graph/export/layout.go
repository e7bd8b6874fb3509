package export

import (
	"cmp"
	"math"
	"slices"

	"github.com/paperkg/paperkg/graph"
)

// layoutScale spreads the starting positions so that neighbouring nodes
// are about this many units apart: near the pixel spacing Cytoscape.js
// and Gephi draw nodes at, and irrelevant to sigma.js and VOSviewer, which
// rescale the coordinates to the screen.
const layoutScale = 40

// goldenAngle spaces the nodes of a sunflower spiral evenly, whatever
// their number (H. Vogel, A better way to construct the sunflower head,
// Mathematical Biosciences 44, 1979).
var goldenAngle = math.Pi * (3 - math.Sqrt(5))

// positions gives the nodes, sorted by ID, deterministic starting
// positions for the formats whose readers need coordinates (graphology
// for sigma.js, Cytoscape.js, GEXF for Gephi, VOSviewer without links).
// It is no layout: each group (Node.Group) is a disc of its nodes on a
// sunflower spiral, the most important (Node.Size) at its centre, and
// the discs stand side by side on a ring, so that a force-directed layout
// (ForceAtlas2, fcose, Gephi's) starts from separated topics. Nodes
// without a group form one disc for each node kind.
func positions(nodes []graph.Node) [][2]float64 {
	type cluster struct {
		group   int    // >= 0 for a topic
		kind    string // for the nodes without a group
		members []int
	}
	var clusters []*cluster
	byGroup := make(map[int]*cluster)
	byKind := make(map[string]*cluster)
	for i, n := range nodes {
		var c *cluster
		if n.Group >= 0 {
			if c = byGroup[n.Group]; c == nil {
				c = &cluster{group: n.Group}
				byGroup[n.Group] = c
				clusters = append(clusters, c)
			}
		} else if c = byKind[n.Kind]; c == nil {
			c = &cluster{group: -1, kind: n.Kind}
			byKind[n.Kind] = c
			clusters = append(clusters, c)
		}
		c.members = append(c.members, i)
	}
	// Topics in group order, then the ungrouped nodes by kind.
	slices.SortFunc(clusters, func(a, b *cluster) int {
		if (a.group < 0) != (b.group < 0) {
			return cmp.Compare(b.group, a.group)
		}
		return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.kind, b.kind))
	})

	radius := func(c *cluster) float64 { return math.Sqrt(float64(len(c.members))+0.5) + 1 }
	var ring float64 // the summed diameters of the discs
	for _, c := range clusters {
		ring += 2 * radius(c)
	}
	// A ring 15 % longer than the discs leaves gaps between them.
	ringRadius := 1.15 * ring / (2 * math.Pi)
	if len(clusters) == 1 {
		ringRadius = 0
	}

	pos := make([][2]float64, len(nodes))
	var arc float64 // the part of the ring the previous discs take
	for _, c := range clusters {
		r := radius(c)
		angle := 2 * math.Pi * (arc + r) / ring
		arc += 2 * r
		cx, cy := ringRadius*math.Cos(angle), ringRadius*math.Sin(angle)
		// Stable: equal sizes keep the ID order.
		slices.SortStableFunc(c.members, func(a, b int) int {
			return cmp.Compare(finite(nodes[b].Size), finite(nodes[a].Size))
		})
		for k, i := range c.members {
			d, a := math.Sqrt(float64(k)+0.5), float64(k)*goldenAngle
			pos[i] = [2]float64{
				round(layoutScale * (cx + d*math.Cos(a))),
				round(layoutScale * (cy + d*math.Sin(a))),
			}
		}
	}
	return pos
}

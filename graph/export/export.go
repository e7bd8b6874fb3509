package export

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/paperkg/paperkg/graph"
)

var (
	// ErrNilView is returned when the view to write is nil.
	ErrNilView = errors.New("export: nil view")
	// ErrDuplicateNode is returned when two nodes of a view share an ID.
	ErrDuplicateNode = errors.New("duplicate node id")
	// ErrUnknownNode is returned when an edge names a node the view lacks.
	ErrUnknownNode = errors.New("unknown node id")
	// ErrUnknownFormat is returned by Write for a format not in Formats.
	ErrUnknownFormat = errors.New("unknown format")
)

// sorted is a view checked and put in the order every exporter writes.
type sorted struct {
	nodes []graph.Node
	edges []graph.Edge
	index map[string]int // node ID -> position in nodes
}

// sortView checks v and sorts copies of its nodes and edges, so that the
// output does not depend on the order in which the view was built.
func sortView(v *graph.View) (*sorted, error) {
	if v == nil {
		return nil, ErrNilView
	}
	s := &sorted{
		nodes: slices.Clone(v.Nodes),
		edges: slices.Clone(v.Edges),
		index: make(map[string]int, len(v.Nodes)),
	}
	slices.SortStableFunc(s.nodes, func(a, b graph.Node) int { return cmp.Compare(a.ID, b.ID) })
	for i, n := range s.nodes {
		if i > 0 && s.nodes[i-1].ID == n.ID {
			return nil, fmt.Errorf("export: %w %q", ErrDuplicateNode, n.ID)
		}
		s.index[n.ID] = i
	}
	for i, e := range v.Edges {
		for _, id := range [...]string{e.Source, e.Target} {
			if _, ok := s.index[id]; !ok {
				return nil, fmt.Errorf("export: edge %d (%q -> %q): %w %q", i, e.Source, e.Target, ErrUnknownNode, id)
			}
		}
	}
	slices.SortStableFunc(s.edges, func(a, b graph.Edge) int {
		return cmp.Or(
			cmp.Compare(a.Source, b.Source),
			cmp.Compare(a.Target, b.Target),
			cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Label, b.Label),
			cmp.Compare(a.Weight, b.Weight),
		)
	})
	return s, nil
}

// checkFinite rejects a view with a size or weight that is NaN or
// infinite: the data formats have no spelling for them (JSON has none at
// all), and a reader that parsed "NaN" would compute nonsense with it.
func checkFinite(s *sorted) error {
	for _, n := range s.nodes {
		if !isFinite(n.Size) {
			return fmt.Errorf("export: node %q: size %v is not a finite number", n.ID, n.Size)
		}
	}
	for _, e := range s.edges {
		if !isFinite(e.Weight) {
			return fmt.Errorf("export: edge %q -> %q: weight %v is not a finite number", e.Source, e.Target, e.Weight)
		}
	}
	return nil
}

// checkCleanIDs rejects a view in which two node IDs become the same once
// clean has replaced what the format cannot carry (invalid UTF-8 in JSON
// and CSV, control characters in XML): the file would hold one node twice.
func checkCleanIDs(s *sorted, clean func(string) string, why string) error {
	seen := make(map[string]string, len(s.nodes))
	for _, n := range s.nodes {
		c := clean(n.ID)
		if first, dup := seen[c]; dup {
			return fmt.Errorf("export: %w %q: %q and %q are the same once %s", ErrDuplicateNode, c, first, n.ID, why)
		}
		seen[c] = n.ID
	}
	return nil
}

// validUTF8 is what a JSON or CSV reader gets of s: encoding/json and the
// CSV writers replace invalid UTF-8 by U+FFFD.
func validUTF8(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// directedEdge reports whether an edge is drawn and exported with a
// direction by the formats that can mark each edge (graphology): uses and
// cites edges always point from the citing paper to the cited one, shared
// and mentions edges never have a direction, and edges of other kinds
// follow the view.
func directedEdge(kind string, viewDirected bool) bool {
	switch kind {
	case graph.UsesEdge, graph.CitesEdge:
		return true
	case graph.SharedEdge, graph.MentionEdge:
		return false
	}
	return viewDirected
}

// nodeColor is the fill colour WriteDOT gives a node: papers by group,
// entities by type.
func nodeColor(n graph.Node) string {
	if n.Kind == graph.EntityNode {
		return typeColor(n.Type)
	}
	return groupColor(n.Group)
}

// edgeWidths gives each edge the width WriteDOT draws it with, growing
// with its weight relative to the heaviest edge of its kind, from 0.5 up
// to the maximum of the kind's style.
func edgeWidths(edges []graph.Edge) []float64 {
	maxWeight := make(map[string]float64)
	for _, e := range edges {
		if w := finite(e.Weight); w > maxWeight[e.Kind] {
			maxWeight[e.Kind] = w
		}
	}
	out := make([]float64, len(edges))
	for i, e := range edges {
		out[i] = penWidth(e, maxWeight[e.Kind])
	}
	return out
}

// round rounds x to 4 decimals, enough for any drawing and short in a file.
func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

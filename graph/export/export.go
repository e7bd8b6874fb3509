package export

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/paperkg/paperkg/graph"
)

var (
	// ErrNilView is returned when the view to write is nil.
	ErrNilView = errors.New("export: nil view")
	// ErrDuplicateNode is returned when two nodes of a view share an ID.
	ErrDuplicateNode = errors.New("duplicate node id")
	// ErrUnknownNode is returned when an edge names a node the view lacks.
	ErrUnknownNode = errors.New("unknown node id")
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

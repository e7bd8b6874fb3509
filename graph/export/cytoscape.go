package export

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paperkg/paperkg/graph"
)

// ErrEmptyID is returned by WriteCytoscape for a view with a node whose
// ID is empty, which Cytoscape.js refuses to load ("Can not create element
// with invalid string ID").
var ErrEmptyID = errors.New("empty node id")

// WriteCytoscape writes v as Cytoscape.js elements JSON, the form that
// cytoscape({elements: doc.elements}) and cy.json(doc) load, that
// Cytoscape desktop imports as a .cyjs file, and that networkx reads with
// json_graph.cytoscape_graph(doc):
//
//	{"data": {"name": "papers"}, "directed": false, "multigraph": true,
//	 "elements": {
//	  "nodes": [{"data": {"id", "value", "name", "label", "kind", "title",
//	                      "type", "year", "url", "size", "group",
//	                      "group_label"},
//	             "position": {"x", "y"}, "classes": "paper"}, ...],
//	  "edges": [{"data": {"id", "source", "target", "key", "kind",
//	                      "weight", "label"},
//	             "classes": "uses"}, ...]}}
//
// Node data carry the fields of WriteJSON's nodes, with the same names
// and the same rules for leaving empty ones out, plus "value" (the node
// ID again) and "name" (the label), which networkx's reader needs: it
// names each node by its value and resolves edge ends through it. Edge
// ids are e0, e1, ... in the order the edges are written, with an
// underscore added after the "e" for as long as a node ID would clash,
// since Cytoscape.js wants ids unique across nodes and edges. "key"
// numbers the edges when "multigraph" is true, so that networkx keeps
// parallel edges apart; "directed" and "multigraph" follow WriteJSON.
//
// Positions are the starting positions described for WriteGraphology,
// for a "preset" layout; run a force-directed layout (cose, fcose) for a
// map. classes holds the node or edge kind, when it is one word, for
// style selectors such as "edge.uses". Cytoscape.js does not know the
// direction of an edge until a style gives it an arrow.
//
// A node with an empty ID is rejected with ErrEmptyID. Strings are
// written as WriteJSON writes them.
func WriteCytoscape(w io.Writer, v *graph.View) error {
	s, err := sortView(v)
	if err != nil {
		return err
	}
	if err := checkFinite(s); err != nil {
		return err
	}
	if err := checkCleanIDs(s, validUTF8, "invalid UTF-8 is replaced"); err != nil {
		return err
	}
	for _, n := range s.nodes {
		if n.ID == "" {
			return fmt.Errorf("export: cytoscape: %w: Cytoscape.js cannot load it", ErrEmptyID)
		}
	}
	multigraph := hasParallel(s.edges, v.Directed)
	prefix := edgeIDPrefix(s.nodes, len(s.edges))
	pos := positions(s.nodes)

	head := cyHead{Directed: v.Directed, Multigraph: multigraph}
	head.Data.Name = v.Name
	bw := bufio.NewWriter(w)
	put := func(x any, sep string) {
		if err != nil {
			return
		}
		var b []byte
		if b, err = json.Marshal(x); err == nil {
			bw.Write(b)
			bw.WriteString(sep)
		}
	}
	var b []byte
	if b, err = json.Marshal(head); err == nil {
		bw.Write(b[:len(b)-1]) // the elements follow before the closing '}'
	}
	bw.WriteString(`,"elements":{"nodes":[` + "\n")
	for i, n := range s.nodes {
		put(cyNode{
			Data: cyNodeData{
				ID: n.ID, Value: n.ID, Name: n.Label, Label: n.Label, Kind: n.Kind,
				Title: n.Title, Type: n.Type, Year: n.Year, URL: n.URL, Size: n.Size,
				Group: groupPtr(n.Group), GroupLabel: n.GroupLabel,
			},
			Position: cyPosition{X: pos[i][0], Y: pos[i][1]},
			Classes:  className(n.Kind),
		}, sep(i, len(s.nodes)))
	}
	bw.WriteString(`],"edges":[` + "\n")
	for i, e := range s.edges {
		d := cyEdgeData{
			ID: prefix + strconv.Itoa(i), Source: e.Source, Target: e.Target,
			Kind: e.Kind, Weight: e.Weight, Label: e.Label,
		}
		if multigraph {
			d.Key = &i
		}
		put(cyEdge{Data: d, Classes: className(e.Kind)}, sep(i, len(s.edges)))
	}
	bw.WriteString("]}}\n")
	if err != nil {
		return fmt.Errorf("export: encoding cytoscape: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: writing cytoscape: %w", err)
	}
	return nil
}

type cyHead struct {
	Data struct {
		Name string `json:"name"`
	} `json:"data"`
	Directed   bool `json:"directed"`
	Multigraph bool `json:"multigraph"`
}

type cyNode struct {
	Data     cyNodeData `json:"data"`
	Position cyPosition `json:"position"`
	Classes  string     `json:"classes,omitempty"`
}

type cyNodeData struct {
	ID         string  `json:"id"`
	Value      string  `json:"value"`
	Name       string  `json:"name"`
	Label      string  `json:"label"`
	Kind       string  `json:"kind"`
	Title      string  `json:"title,omitempty"`
	Type       string  `json:"type,omitempty"`
	Year       int     `json:"year,omitempty"`
	URL        string  `json:"url,omitempty"`
	Size       float64 `json:"size"`
	Group      *int    `json:"group,omitempty"`
	GroupLabel string  `json:"group_label,omitempty"`
}

type cyPosition struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

type cyEdge struct {
	Data    cyEdgeData `json:"data"`
	Classes string     `json:"classes,omitempty"`
}

type cyEdgeData struct {
	ID     string  `json:"id"`
	Source string  `json:"source"`
	Target string  `json:"target"`
	Key    *int    `json:"key,omitempty"`
	Kind   string  `json:"kind"`
	Weight float64 `json:"weight"`
	Label  string  `json:"label,omitempty"`
}

// groupPtr is the group to write, nil for a node without one.
func groupPtr(g int) *int {
	if g < 0 {
		return nil
	}
	return &g
}

// className returns kind if it can be a Cytoscape.js class (one word of
// letters, digits, '-' and '_'), else "": classes are split at spaces and
// matched by selectors.
func className(kind string) string {
	if kind == "" {
		return ""
	}
	for _, r := range kind {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_') {
			return ""
		}
	}
	return kind
}

// edgeIDPrefix returns the shortest of "e", "e_", "e__", ... that, followed
// by the numbers 0 to n-1, names no node.
func edgeIDPrefix(nodes []graph.Node, n int) string {
	prefix := "e"
	for {
		clash := false
		for _, nd := range nodes {
			rest, ok := strings.CutPrefix(nd.ID, prefix)
			if !ok {
				continue
			}
			if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < n && strconv.Itoa(i) == rest {
				clash = true
				break
			}
		}
		if !clash {
			return prefix
		}
		prefix += "_"
	}
}

package export

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/paperkg/paperkg/graph"
)

// NodeLinkSchema is the JSON Schema (draft 2020-12) of WriteJSON's
// output, the file schema/node-link.schema.json of this package.
//
//go:embed schema/node-link.schema.json
var NodeLinkSchema []byte

// WriteJSON writes v in networkx's node-link form, which D3 force layouts
// read as they are (forceLink().id(d => d.id)):
//
//	{"directed": true, "multigraph": false, "graph": {"name": "papers"},
//	 "nodes": [{"id", "kind", "label", "title", "type", "year", "url",
//	            "size", "group", "group_label"}, ...],
//	 "links": [{"source", "target", "kind", "weight", "label"}, ...]}
//
// Links name their nodes by id. Fields always present: id, kind, label,
// size; source, target, kind, weight. The others are left out when empty,
// and group when the node has none (Node.Group < 0).
//
// networkx 2.8 and later load the file with
// json_graph.node_link_graph(data) and get exactly the view's nodes and
// edges. Because networkx would merge parallel edges into one in a simple
// graph, "multigraph" is true when two edges join the same pair of nodes
// (in either direction, if the view is undirected).
//
// Strings are written exactly, except invalid UTF-8, which becomes U+FFFD.
// '<', '>' and '&' are written as \u003c, \u003e and \u0026, as
// encoding/json does by default: every JSON reader decodes them, and no
// title can then close the HTML <script> element that a page pastes the
// file into. Sizes and weights must be finite numbers: JSON has no NaN.
// NodeLinkSchema describes the document.
func WriteJSON(w io.Writer, v *graph.View) error {
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
	head := jsonHead{Directed: v.Directed, Multigraph: hasParallel(s.edges, v.Directed)}
	head.Graph.Name = v.Name

	bw := bufio.NewWriter(w)
	// One node or link a line: the file stays small, diffs well and can be
	// read with line tools.
	var b []byte
	put := func(x any, sep string) {
		if err != nil {
			return
		}
		if b, err = json.Marshal(x); err != nil {
			return
		}
		bw.Write(b)
		bw.WriteString(sep)
	}
	if b, err = json.Marshal(head); err == nil {
		bw.Write(b[:len(b)-1]) // the arrays follow before the closing '}'
	}
	bw.WriteString(`,"nodes":[` + "\n")
	for i, n := range s.nodes {
		put(toJSONNode(n), sep(i, len(s.nodes)))
	}
	bw.WriteString(`],"links":[` + "\n")
	for i, e := range s.edges {
		put(jsonLink{Source: e.Source, Target: e.Target, Kind: e.Kind, Weight: e.Weight, Label: e.Label}, sep(i, len(s.edges)))
	}
	bw.WriteString("]}\n")
	if err != nil {
		return fmt.Errorf("export: encoding json: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: writing json: %w", err)
	}
	return nil
}

// jsonHead holds the fields that precede the node and link arrays.
type jsonHead struct {
	Directed   bool `json:"directed"`
	Multigraph bool `json:"multigraph"`
	Graph      struct {
		Name string `json:"name"`
	} `json:"graph"`
}

type jsonNode struct {
	ID         string  `json:"id"`
	Kind       string  `json:"kind"`
	Label      string  `json:"label"`
	Title      string  `json:"title,omitempty"`
	Type       string  `json:"type,omitempty"`
	Year       int     `json:"year,omitempty"`
	URL        string  `json:"url,omitempty"`
	Size       float64 `json:"size"`
	Group      *int    `json:"group,omitempty"`
	GroupLabel string  `json:"group_label,omitempty"`
}

func toJSONNode(n graph.Node) jsonNode {
	j := jsonNode{
		ID: n.ID, Kind: n.Kind, Label: n.Label, Title: n.Title, Type: n.Type,
		Year: n.Year, URL: n.URL, Size: n.Size, GroupLabel: n.GroupLabel,
	}
	if n.Group >= 0 {
		g := n.Group
		j.Group = &g
	}
	return j
}

type jsonLink struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Kind   string  `json:"kind"`
	Weight float64 `json:"weight"`
	Label  string  `json:"label,omitempty"`
}

func sep(i, n int) string {
	if i == n-1 {
		return "\n"
	}
	return ",\n"
}

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// hasParallel reports whether two edges join the same pair of nodes, which
// a simple networkx graph would store as one.
func hasParallel(edges []graph.Edge, directed bool) bool {
	seen := make(map[[2]string]bool, len(edges))
	for _, e := range edges {
		k := [2]string{e.Source, e.Target}
		if !directed && k[1] < k[0] {
			k[0], k[1] = k[1], k[0]
		}
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}

package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/paperkg/paperkg/graph"
)

// WriteGraphology writes v in graphology's serialisation, the JSON that
// Graph.from(doc) and graph.import(doc) load and that sigma.js draws as it
// is:
//
//	{"attributes": {"name": "papers"},
//	 "options": {"type": "mixed", "multi": true, "allowSelfLoops": false},
//	 "nodes": [{"key": "2106.09685",
//	            "attributes": {"label", "x", "y", "size", "color", "kind",
//	                           "title", "entityType", "year", "url",
//	                           "importance", "group", "groupLabel"}}, ...],
//	 "edges": [{"key": "e0", "source", "target", "undirected": true,
//	            "attributes": {"kind", "weight", "label", "size",
//	                           "color"}}, ...]}
//
// Node keys are the view's node IDs; edge keys are e0, e1, ... in the
// order the edges are written (graphology keeps node and edge keys apart).
//
// Every node has what sigma.js needs to draw it: x and y, a size in
// pixels (3 to 15, growing with Node.Size, which is kept as importance),
// and a colour, the one WriteDOT fills the node with (papers by group,
// entities by type). x and y are starting positions, not a layout: each
// group is a disc of its nodes on a sunflower spiral, the most important
// at the centre, and the discs stand side by side on a ring, the same for
// the same view. Run ForceAtlas2 (graphology-layout-forceatlas2) from
// there for a map. Edges have WriteDOT's width (size) and colour by kind.
// No node or edge has a "type" attribute: sigma.js picks its drawing
// program by that name, so the entity type is entityType.
//
// Uses and cites edges are directed, from the citing paper to the cited
// one, and shared and mentions edges undirected ("undirected": true),
// whatever Directed says; edges of other kinds follow Directed. options
// type is "directed" or "undirected" when all edges agree and "mixed"
// otherwise; multi is true when two edges join the same nodes in the same
// way; allowSelfLoops is true only for a view with an edge from a node to
// itself.
//
// Empty title, entityType, url, groupLabel and edge label are left out,
// as are year 0 and group -1. Strings are written as WriteJSON writes
// them.
func WriteGraphology(w io.Writer, v *graph.View) error {
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
	head := graphologyHead{}
	head.Attributes.Name = v.Name
	head.Options.Type, head.Options.Multi, head.Options.AllowSelfLoops = graphologyOptions(s.edges, v.Directed)
	pos := positions(s.nodes)
	widths := edgeWidths(s.edges)

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
		bw.Write(b[:len(b)-1])
	}
	bw.WriteString(`,"nodes":[` + "\n")
	for i, n := range s.nodes {
		put(graphologyNode{Key: n.ID, Attributes: graphologyNodeAttrs{
			Label: n.Label, X: pos[i][0], Y: pos[i][1],
			Size:  round(3 + 12*min(max(n.Size, 0), 1)),
			Color: nodeColor(n), Kind: n.Kind, Title: n.Title, EntityType: n.Type,
			Year: n.Year, URL: n.URL, Importance: n.Size,
			Group: groupPtr(n.Group), GroupLabel: n.GroupLabel,
		}}, sep(i, len(s.nodes)))
	}
	bw.WriteString(`],"edges":[` + "\n")
	for i, e := range s.edges {
		put(graphologyEdge{
			Key: "e" + strconv.Itoa(i), Source: e.Source, Target: e.Target,
			Undirected: !directedEdge(e.Kind, v.Directed),
			Attributes: graphologyEdgeAttrs{
				Kind: e.Kind, Weight: e.Weight, Label: e.Label,
				Size: round(widths[i]), Color: styleOf(e.Kind).color,
			},
		}, sep(i, len(s.edges)))
	}
	bw.WriteString("]}\n")
	if err != nil {
		return fmt.Errorf("export: encoding graphology: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: writing graphology: %w", err)
	}
	return nil
}

// graphologyOptions returns the graph type, multi and allowSelfLoops that
// let graphology import the edges.
func graphologyOptions(edges []graph.Edge, viewDirected bool) (typ string, multi, loops bool) {
	var directed, undirected int
	type pair struct {
		a, b     string
		directed bool
	}
	seen := make(map[pair]bool, len(edges))
	for _, e := range edges {
		p := pair{e.Source, e.Target, directedEdge(e.Kind, viewDirected)}
		if p.directed {
			directed++
		} else {
			undirected++
			if p.b < p.a {
				p.a, p.b = p.b, p.a
			}
		}
		if seen[p] {
			multi = true
		}
		seen[p] = true
		if e.Source == e.Target {
			loops = true
		}
	}
	switch {
	case directed > 0 && undirected > 0:
		typ = "mixed"
	case directed > 0 || undirected == 0 && viewDirected:
		typ = "directed"
	default:
		typ = "undirected"
	}
	return typ, multi, loops
}

type graphologyHead struct {
	Attributes struct {
		Name string `json:"name"`
	} `json:"attributes"`
	Options struct {
		Type           string `json:"type"`
		Multi          bool   `json:"multi"`
		AllowSelfLoops bool   `json:"allowSelfLoops"`
	} `json:"options"`
}

type graphologyNode struct {
	Key        string              `json:"key"`
	Attributes graphologyNodeAttrs `json:"attributes"`
}

type graphologyNodeAttrs struct {
	Label      string  `json:"label"`
	X          float64 `json:"x"`
	Y          float64 `json:"y"`
	Size       float64 `json:"size"`
	Color      string  `json:"color"`
	Kind       string  `json:"kind"`
	Title      string  `json:"title,omitempty"`
	EntityType string  `json:"entityType,omitempty"`
	Year       int     `json:"year,omitempty"`
	URL        string  `json:"url,omitempty"`
	Importance float64 `json:"importance"`
	Group      *int    `json:"group,omitempty"`
	GroupLabel string  `json:"groupLabel,omitempty"`
}

type graphologyEdge struct {
	Key        string              `json:"key"`
	Source     string              `json:"source"`
	Target     string              `json:"target"`
	Undirected bool                `json:"undirected,omitempty"`
	Attributes graphologyEdgeAttrs `json:"attributes"`
}

type graphologyEdgeAttrs struct {
	Kind   string  `json:"kind"`
	Weight float64 `json:"weight"`
	Label  string  `json:"label,omitempty"`
	Size   float64 `json:"size"`
	Color  string  `json:"color"`
}

package export

import (
	"fmt"
	"io"
	"strconv"

	"github.com/paperkg/paperkg/graph"
)

// WriteGEXF writes v as a GEXF 1.3 file (https://gexf.net), the format
// Gephi opens and graphology-gexf parses:
//
//	<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
//	  <meta><creator>paperkg</creator><description>papers</description></meta>
//	  <graph mode="static" defaultedgetype="undirected" idtype="string">
//	    <attributes class="node">kind, title, entity_type, year, url,
//	                             importance, group, group_label</attributes>
//	    <attributes class="edge">kind</attributes>
//	    <nodes><node id="2106.09685" label="LoRA">
//	      <attvalues><attvalue for="kind" value="paper"/>...</attvalues>
//	      <viz:color r="78" g="121" b="167"/><viz:size value="30"/>
//	      <viz:position x="..." y="..."/><viz:shape value="disc"/>
//	    </node></nodes>
//	    <edges><edge id="e0" source="..." target="..." weight="1.1"
//	                 label="LoRA" kind="uses">...</edge></edges>
//	  </graph>
//	</gexf>
//
// Nodes are the view's nodes with their IDs and labels; the attributes
// are declared with their types (string, integer, double, anyURI) and an
// attvalue is written for each one that is set: empty strings, year 0 and
// group -1 are left out. The entity type is entity_type and Node.Size is
// importance because graphology-gexf merges attvalues into the node's
// attributes, where sigma.js reads "type" as its drawing program and
// "size" as the drawn size (viz:size). viz:color is WriteDOT's fill
// colour (papers by group, entities by type), viz:size grows from 5 to 30
// with Node.Size, viz:shape is a disc for papers and a square for
// entities, and viz:position is the starting position described for
// WriteGraphology. Edges carry their weight, label, kind both as GEXF's
// own kind attribute (which lets Gephi keep parallel edges of different
// kinds apart) and as a declared attribute, and WriteDOT's colour.
//
// defaultedgetype is "directed" or "undirected" after View.Directed for
// every edge: networkx's GEXF reader refuses an edge whose type differs
// from the default. The direction of uses and cites edges is kept in
// their kind and source-to-target order.
//
// Strings are escaped as XML requires; characters XML cannot carry
// (control characters other than tab, newline and carriage return,
// U+FFFE, U+FFFF, invalid UTF-8) become U+FFFD. A view in which two node
// IDs then become equal is rejected with ErrDuplicateNode.
//
// networkx 3 reads the file with read_gexf. networkx 2.8 knows GEXF only
// up to 1.2draft and fails with "No <graph> element in GEXF file".
func WriteGEXF(w io.Writer, v *graph.View) error {
	s, err := sortView(v)
	if err != nil {
		return err
	}
	if err := checkFinite(s); err != nil {
		return err
	}
	if err := checkCleanIDs(s, xmlClean, "characters XML cannot hold are replaced"); err != nil {
		return err
	}
	pos := positions(s.nodes)
	x := newXMLWriter(w)
	x.open("gexf",
		"xmlns", "http://gexf.net/1.3",
		"xmlns:viz", "http://gexf.net/1.3/viz",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
		"version", "1.3")
	x.open("meta")
	x.text("creator", "paperkg")
	x.text("description", v.Name)
	x.close("meta")
	edgeType := "undirected"
	if v.Directed {
		edgeType = "directed"
	}
	x.open("graph", "mode", "static", "defaultedgetype", edgeType, "idtype", "string")
	x.open("attributes", "class", "node")
	for _, a := range gexfNodeAttrs {
		x.empty("attribute", "id", a[0], "title", a[0], "type", a[1])
	}
	x.close("attributes")
	x.open("attributes", "class", "edge")
	x.empty("attribute", "id", "kind", "title", "kind", "type", "string")
	x.close("attributes")

	x.open("nodes", "count", strconv.Itoa(len(s.nodes)))
	for i, n := range s.nodes {
		attrs := []string{"id", n.ID}
		if n.Label != "" {
			attrs = append(attrs, "label", n.Label)
		}
		x.open("node", attrs...)
		x.open("attvalues")
		vals := []string{
			"kind", n.Kind, "title", n.Title, "entity_type", n.Type,
			"year", intOrEmpty(n.Year, n.Year != 0), "url", n.URL,
			"importance", formatFloat(n.Size),
			"group", intOrEmpty(n.Group, n.Group >= 0), "group_label", n.GroupLabel,
		}
		for j := 0; j < len(vals); j += 2 {
			if vals[j+1] != "" || vals[j] == "kind" {
				x.empty("attvalue", "for", vals[j], "value", vals[j+1])
			}
		}
		x.close("attvalues")
		r, g, b, _ := rgba(nodeColor(n))
		x.empty("viz:color", "r", strconv.Itoa(r), "g", strconv.Itoa(g), "b", strconv.Itoa(b))
		x.empty("viz:size", "value", formatFloat(round(5+25*min(max(n.Size, 0), 1))))
		x.empty("viz:position", "x", formatFloat(pos[i][0]), "y", formatFloat(pos[i][1]))
		shape := "disc"
		if n.Kind == graph.EntityNode {
			shape = "square"
		}
		x.empty("viz:shape", "value", shape)
		x.close("node")
	}
	x.close("nodes")

	x.open("edges", "count", strconv.Itoa(len(s.edges)))
	widths := edgeWidths(s.edges)
	for i, e := range s.edges {
		attrs := []string{"id", "e" + strconv.Itoa(i), "source", e.Source, "target", e.Target, "weight", formatFloat(e.Weight)}
		if e.Label != "" {
			attrs = append(attrs, "label", e.Label)
		}
		if e.Kind != "" {
			attrs = append(attrs, "kind", e.Kind)
		}
		x.open("edge", attrs...)
		x.open("attvalues")
		x.empty("attvalue", "for", "kind", "value", e.Kind)
		x.close("attvalues")
		r, g, b, a := rgba(styleOf(e.Kind).color)
		x.empty("viz:color", "r", strconv.Itoa(r), "g", strconv.Itoa(g), "b", strconv.Itoa(b), "a", formatFloat(a))
		x.empty("viz:thickness", "value", formatFloat(round(widths[i])))
		x.close("edge")
	}
	x.close("edges")
	x.close("graph")
	x.close("gexf")
	if err := x.flush(); err != nil {
		return fmt.Errorf("export: writing gexf: %w", err)
	}
	return nil
}

// gexfNodeAttrs are the declared node attributes: id (also the title) and
// type.
var gexfNodeAttrs = [][2]string{
	{"kind", "string"},
	{"title", "string"},
	{"entity_type", "string"},
	{"year", "integer"},
	{"url", "anyURI"},
	{"importance", "double"},
	{"group", "integer"},
	{"group_label", "string"},
}

// intOrEmpty formats i, or gives "" when it is not set.
func intOrEmpty(i int, set bool) string {
	if !set {
		return ""
	}
	return strconv.Itoa(i)
}

// formatFloat writes x in the shortest form that reads back as x.
func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// rgba splits a "#rrggbb" or "#rrggbbaa" colour into its channels, alpha
// as a fraction.
func rgba(hex string) (r, g, b int, a float64) {
	ch := func(i int) int {
		n, _ := strconv.ParseUint(hex[i:i+2], 16, 8)
		return int(n)
	}
	a = 1
	if len(hex) == 9 {
		a = round(float64(ch(7)) / 255)
	}
	return ch(1), ch(3), ch(5), a
}

package export

import (
	"fmt"
	"io"
	"strconv"

	"github.com/paperkg/paperkg/graph"
)

// WriteGraphML writes v as GraphML (http://graphml.graphdrawing.org), the
// XML format that networkx (read_graphml), igraph, Gephi, yEd and
// Cytoscape desktop read:
//
//	<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ...>
//	  <key id="graph.name" for="graph" attr.name="name" attr.type="string"/>
//	  <key id="node.kind" for="node" attr.name="kind" attr.type="string"/>
//	  ... label, title, type, year (int), url, size (double), group (int),
//	      group_label for nodes; kind, weight (double), label for edges
//	  <graph id="G" edgedefault="undirected">
//	    <data key="graph.name">papers</data>
//	    <node id="2106.09685"><data key="node.kind">paper</data>...</node>
//	    <edge id="e0" source="..." target="..."><data key="edge.kind">uses</data>...</edge>
//	  </graph>
//	</graphml>
//
// Every attribute has a <key> declaring its name and type; the names are
// those of WriteJSON's fields, and as there, empty strings, year 0 and
// group -1 are left out (a reader sees no value). Node ids are the view's
// node IDs and edge ids e0, e1, ... in the order the edges are written;
// parallel edges stay apart (networkx reads them into a multigraph).
// edgedefault follows View.Directed; GraphML can mark single edges, but
// networkx refuses an edge whose direction differs from edgedefault, so
// the direction of uses and cites edges is kept in their kind and
// source-to-target order.
//
// Strings are escaped as WriteGEXF escapes them, with the same losses and
// the same check for node IDs that become equal.
func WriteGraphML(w io.Writer, v *graph.View) error {
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
	x := newXMLWriter(w)
	x.open("graphml",
		"xmlns", "http://graphml.graphdrawing.org/xmlns",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
	for _, k := range graphmlKeys {
		x.empty("key", "id", k.domain+"."+k.name, "for", k.domain, "attr.name", k.name, "attr.type", k.typ)
	}
	edgeDefault := "undirected"
	if v.Directed {
		edgeDefault = "directed"
	}
	x.open("graph", "id", "G", "edgedefault", edgeDefault)
	x.text("data", v.Name, "key", "graph.name")
	for _, n := range s.nodes {
		x.open("node", "id", n.ID)
		vals := []string{
			"kind", n.Kind, "label", n.Label, "title", n.Title, "type", n.Type,
			"year", intOrEmpty(n.Year, n.Year != 0), "url", n.URL,
			"size", formatFloat(n.Size),
			"group", intOrEmpty(n.Group, n.Group >= 0), "group_label", n.GroupLabel,
		}
		graphmlData(x, "node", vals)
		x.close("node")
	}
	for i, e := range s.edges {
		x.open("edge", "id", "e"+strconv.Itoa(i), "source", e.Source, "target", e.Target)
		graphmlData(x, "edge", []string{"kind", e.Kind, "weight", formatFloat(e.Weight), "label", e.Label})
		x.close("edge")
	}
	x.close("graph")
	x.close("graphml")
	if err := x.flush(); err != nil {
		return fmt.Errorf("export: writing graphml: %w", err)
	}
	return nil
}

// graphmlData writes the name, value pairs that have a value, and kind,
// label and size whatever they hold, since a node always has them in
// WriteJSON too.
func graphmlData(x *xmlWriter, domain string, vals []string) {
	for j := 0; j < len(vals); j += 2 {
		name, val := vals[j], vals[j+1]
		if val == "" && name != "kind" && !(domain == "node" && name == "label") {
			continue
		}
		x.text("data", val, "key", domain+"."+name)
	}
}

var graphmlKeys = []struct{ domain, name, typ string }{
	{"graph", "name", "string"},
	{"node", "kind", "string"},
	{"node", "label", "string"},
	{"node", "title", "string"},
	{"node", "type", "string"},
	{"node", "year", "int"},
	{"node", "url", "string"},
	{"node", "size", "double"},
	{"node", "group", "int"},
	{"node", "group_label", "string"},
	{"edge", "kind", "string"},
	{"edge", "weight", "double"},
	{"edge", "label", "string"},
}

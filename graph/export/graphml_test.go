package export

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

// readGraphML checks the frame of a GraphML file and returns its graph
// the way networkx's read_graphml builds it: data converted by the type
// its key declares, empty data left out.
func readGraphML(t *testing.T, b []byte) graphDump {
	t.Helper()
	root := readXML(t, b)
	if root.Name.Space != "http://graphml.graphdrawing.org/xmlns" || root.Name.Local != "graphml" {
		t.Fatalf("root is <%s xmlns=%q>, want GraphML", root.Name.Local, root.Name.Space)
	}
	type key struct{ domain, name, typ string }
	keys := map[string]key{}
	var declared []key
	for _, k := range root.all("key") {
		kk := key{k.Attrs["for"], k.Attrs["attr.name"], k.Attrs["attr.type"]}
		keys[k.Attrs["id"]] = kk
		declared = append(declared, kk)
	}
	wantKeys := []key{
		{"graph", "name", "string"},
		{"node", "kind", "string"}, {"node", "label", "string"}, {"node", "title", "string"},
		{"node", "type", "string"}, {"node", "year", "int"}, {"node", "url", "string"},
		{"node", "size", "double"}, {"node", "group", "int"}, {"node", "group_label", "string"},
		{"edge", "kind", "string"}, {"edge", "weight", "double"}, {"edge", "label", "string"},
	}
	if diff := cmp.Diff(wantKeys, declared, cmp.AllowUnexported(key{})); diff != "" {
		t.Errorf("declared keys (-want +got):\n%s", diff)
	}
	data := func(domain string, e *xmlElem) map[string]any {
		m := map[string]any{}
		for _, d := range e.all("data") {
			k, ok := keys[d.Attrs["key"]]
			if !ok || k.domain != domain {
				t.Errorf("<%s> has data for key %q, not a %s key", e.Name.Local, d.Attrs["key"], domain)
				continue
			}
			if d.Text == "" {
				continue // networkx reads no value
			}
			switch k.typ {
			case "int", "double":
				f, err := strconv.ParseFloat(d.Text, 64)
				if err != nil || k.typ == "int" && strconv.Itoa(int(f)) != d.Text {
					t.Errorf("%s %s = %q, not an %s", domain, k.name, d.Text, k.typ)
				}
				m[k.name] = f
			default:
				m[k.name] = d.Text
			}
		}
		return m
	}
	g := root.one(t, "graph")
	directed := g.Attrs["edgedefault"] == "directed"
	dump := graphDump{Directed: &directed, Nodes: map[string]map[string]any{}}
	if name, ok := data("graph", g)["name"]; ok {
		dump.Name = name
	}
	for _, n := range g.all("node") {
		if _, dup := dump.Nodes[n.Attrs["id"]]; dup {
			t.Errorf("two nodes with id %q", n.Attrs["id"])
		}
		dump.Nodes[n.Attrs["id"]] = data("node", n)
	}
	for i, e := range g.all("edge") {
		if id := e.Attrs["id"]; id != "e"+strconv.Itoa(i) {
			t.Errorf("edge %d has id %q", i, id)
		}
		if _, ok := e.Attrs["directed"]; ok {
			t.Errorf("edge %d sets directed, which networkx refuses", i)
		}
		dump.Edges = append(dump.Edges, dumpEdge{Source: e.Attrs["source"], Target: e.Attrs["target"], Attrs: data("edge", e)})
	}
	return dump
}

func TestWriteGraphMLRoundTrip(t *testing.T) {
	for _, v := range []*graph.View{smallView(), hostileView(), synthView(60, 100, 4, 2), {Name: "empty"}} {
		t.Run(v.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteGraphML(&buf, v); err != nil {
				t.Fatal(err)
			}
			want := graphmlNetworkxWant(t, v)
			want.Multigraph = nil // networkx's guess from the edges
			for _, e := range want.Edges {
				delete(e.Attrs, "id") // networkx's copy of the edge id
			}
			checkDump(t, want, readGraphML(t, buf.Bytes()))
		})
	}
}

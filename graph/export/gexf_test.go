package export

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

// readGEXF checks the frame of a GEXF 1.3 file and returns its graph the
// way graphology-gexf builds it: attvalues, converted by their declared
// types, and viz data merged into each node's and edge's attributes.
func readGEXF(t *testing.T, b []byte) (dump graphDump, edgeType string) {
	t.Helper()
	root := readXML(t, b)
	const ns = "http://gexf.net/1.3"
	if root.Name.Space != ns || root.Name.Local != "gexf" || root.Attrs["version"] != "1.3" {
		t.Fatalf("root is <%s xmlns=%q version=%q>, want GEXF 1.3", root.Name.Local, root.Name.Space, root.Attrs["version"])
	}
	if got := root.Attrs["xmlns:viz"]; got != ns+"/viz" {
		t.Errorf("viz namespace %q, want %q", got, ns+"/viz")
	}
	meta := root.one(t, "meta")
	dump.Attributes = map[string]any{"creator": meta.one(t, "creator").Text}
	if d := meta.one(t, "description").Text; strings.TrimSpace(d) != "" {
		dump.Attributes["description"] = d
	}
	g := root.one(t, "graph")
	edgeType = g.Attrs["defaultedgetype"]
	if g.Attrs["mode"] != "static" || g.Attrs["idtype"] != "string" {
		t.Errorf("graph mode %q idtype %q, want static and string", g.Attrs["mode"], g.Attrs["idtype"])
	}

	types := map[string]map[string]string{}
	for _, as := range g.all("attributes") {
		class := as.Attrs["class"]
		types[class] = map[string]string{}
		for _, a := range as.all("attribute") {
			if a.Attrs["id"] != a.Attrs["title"] {
				t.Errorf("attribute id %q has title %q", a.Attrs["id"], a.Attrs["title"])
			}
			types[class][a.Attrs["id"]] = a.Attrs["type"]
		}
	}
	wantTypes := map[string]map[string]string{
		"node": {"kind": "string", "title": "string", "entity_type": "string", "year": "integer",
			"url": "anyURI", "importance": "double", "group": "integer", "group_label": "string"},
		"edge": {"kind": "string"},
	}
	if diff := cmp.Diff(wantTypes, types); diff != "" {
		t.Errorf("declared attributes (-want +got):\n%s", diff)
	}
	attrs := func(class string, e *xmlElem) map[string]any {
		m := map[string]any{}
		for _, av := range e.one(t, "attvalues").all("attvalue") {
			id, val := av.Attrs["for"], av.Attrs["value"]
			switch types[class][id] {
			case "":
				t.Errorf("attvalue for undeclared %s attribute %q", class, id)
			case "integer", "double":
				f, err := strconv.ParseFloat(val, 64)
				if err != nil {
					t.Errorf("%s attribute %s: %v", class, id, err)
				}
				if types[class][id] == "integer" && strconv.Itoa(int(f)) != val {
					t.Errorf("%s attribute %s = %q, not an integer", class, id, val)
				}
				m[id] = f
			default:
				m[id] = val
			}
		}
		if l := e.Attrs["label"]; l != "" {
			m["label"] = l
		}
		num := func(s string) float64 {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Errorf("viz value %q: %v", s, err)
			}
			return f
		}
		for _, viz := range e.Children {
			if viz.Name.Space != ns+"/viz" {
				continue
			}
			switch a := viz.Attrs; viz.Name.Local {
			case "color":
				if alpha, ok := a["a"]; ok {
					m["color"] = fmt.Sprintf("rgba(%s,%s,%s,%s)", a["r"], a["g"], a["b"], alpha)
				} else {
					m["color"] = fmt.Sprintf("rgb(%s,%s,%s)", a["r"], a["g"], a["b"])
				}
			case "size":
				m["size"] = num(a["value"])
			case "thickness":
				m["thickness"] = num(a["value"])
			case "shape":
				m["shape"] = a["value"]
			case "position":
				m["x"], m["y"] = num(a["x"]), num(a["y"])
			default:
				t.Errorf("unexpected viz:%s", viz.Name.Local)
			}
		}
		return m
	}

	nodes := g.one(t, "nodes")
	dump.Nodes = map[string]map[string]any{}
	for _, n := range nodes.all("node") {
		dump.Nodes[n.Attrs["id"]] = attrs("node", n)
	}
	if c := nodes.Attrs["count"]; c != strconv.Itoa(len(nodes.all("node"))) {
		t.Errorf("nodes count=%q for %d nodes", c, len(nodes.all("node")))
	}
	edges := g.one(t, "edges")
	dump.Edges = []dumpEdge{}
	for i, e := range edges.all("edge") {
		if id := e.Attrs["id"]; id != "e"+strconv.Itoa(i) {
			t.Errorf("edge %d has id %q", i, id)
		}
		m := attrs("edge", e)
		if m["kind"] != e.Attrs["kind"] {
			t.Errorf("edge %d: kind attribute %q, attvalue %q", i, e.Attrs["kind"], m["kind"])
		}
		w, err := strconv.ParseFloat(e.Attrs["weight"], 64)
		if err != nil {
			t.Errorf("edge %d: weight: %v", i, err)
		}
		m["weight"] = w
		dump.Edges = append(dump.Edges, dumpEdge{Source: e.Attrs["source"], Target: e.Attrs["target"], Attrs: m, Undirected: edgeType == "undirected"})
	}
	if c := edges.Attrs["count"]; c != strconv.Itoa(len(edges.all("edge"))) {
		t.Errorf("edges count=%q for %d edges", c, len(edges.all("edge")))
	}
	dump.Problems = []string{}
	return dump, edgeType
}

func TestWriteGEXFRoundTrip(t *testing.T) {
	for _, v := range []*graph.View{smallView(), hostileView(), synthView(60, 100, 4, 2), {Name: "empty"}} {
		t.Run(v.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteGEXF(&buf, v); err != nil {
				t.Fatal(err)
			}
			got, edgeType := readGEXF(t, buf.Bytes())
			want := gexfGraphologyWant(t, v)
			want.Type, want.Multi = nil, nil // graphology-gexf's choices
			wantType := map[bool]string{true: "directed", false: "undirected"}[v.Directed]
			if edgeType != wantType {
				t.Errorf("defaultedgetype %q, want %q", edgeType, wantType)
			}
			checkDump(t, want, got)
		})
	}
}

func TestRGBA(t *testing.T) {
	tests := []struct {
		in      string
		r, g, b int
		a       float64
	}{
		{"#4e79a7", 78, 121, 167, 1},
		{"#7f7f7f55", 127, 127, 127, 0.3333},
		{"#000000ff", 0, 0, 0, 1},
		{"#ffffff00", 255, 255, 255, 0},
	}
	for _, tt := range tests {
		r, g, b, a := rgba(tt.in)
		if r != tt.r || g != tt.g || b != tt.b || a != tt.a {
			t.Errorf("rgba(%q) = %d, %d, %d, %v, want %d, %d, %d, %v", tt.in, r, g, b, a, tt.r, tt.g, tt.b, tt.a)
		}
	}
}

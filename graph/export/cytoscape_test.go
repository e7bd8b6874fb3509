package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

// readCytoscape decodes WriteCytoscape's output into the dump form of the
// consumer tests, keeping only element data.
func readCytoscape(t *testing.T, b []byte) graphDump {
	t.Helper()
	var doc struct {
		Data       map[string]any `json:"data"`
		Directed   *bool          `json:"directed"`
		Multigraph *bool          `json:"multigraph"`
		Elements   struct {
			Nodes []struct {
				Data     map[string]any     `json:"data"`
				Position map[string]float64 `json:"position"`
				Classes  string             `json:"classes"`
			} `json:"nodes"`
			Edges []struct {
				Data    map[string]any `json:"data"`
				Classes string         `json:"classes"`
			} `json:"edges"`
		} `json:"elements"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not valid JSON: %v", err)
	}
	d := graphDump{Name: doc.Data["name"], Directed: doc.Directed, Multigraph: doc.Multigraph, Nodes: map[string]map[string]any{}}
	for _, n := range doc.Elements.Nodes {
		id, _ := n.Data["id"].(string)
		if _, dup := d.Nodes[id]; dup {
			t.Errorf("two nodes with id %q", id)
		}
		d.Nodes[id] = n.Data
	}
	for _, e := range doc.Elements.Edges {
		src, _ := e.Data["source"].(string)
		dst, _ := e.Data["target"].(string)
		d.Edges = append(d.Edges, dumpEdge{Source: src, Target: dst, Attrs: e.Data})
	}
	return d
}

func TestWriteCytoscapeRoundTrip(t *testing.T) {
	for _, v := range []*graph.View{smallView(), prefixIDs(hostileView(), "n:"), synthView(60, 100, 4, 2), {Name: "empty"}} {
		t.Run(v.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteCytoscape(&buf, v); err != nil {
				t.Fatal(err)
			}
			want := graphDump{Name: v.Name, Directed: ptr(v.Directed), Multigraph: ptr(hasParallel(v.Edges, v.Directed))}
			want.Nodes, want.Edges = cytoscapeData(t, v)
			checkDump(t, want, readCytoscape(t, buf.Bytes()))
		})
	}
}

func TestWriteCytoscapeIDs(t *testing.T) {
	// Edge ids must not clash with node ids, which Cytoscape.js keeps in
	// one namespace.
	v := &graph.View{
		Nodes: []graph.Node{{ID: "e0"}, {ID: "e_1"}, {ID: "e2x"}, {ID: "b"}},
		Edges: []graph.Edge{{Source: "e0", Target: "b"}, {Source: "b", Target: "e2x"}, {Source: "e_1", Target: "b"}},
	}
	var buf bytes.Buffer
	if err := WriteCytoscape(&buf, v); err != nil {
		t.Fatal(err)
	}
	d := readCytoscape(t, buf.Bytes())
	var got []string
	for _, e := range d.Edges {
		got = append(got, e.Attrs["id"].(string))
		if _, clash := d.Nodes[e.Attrs["id"].(string)]; clash {
			t.Errorf("edge id %q is a node id", e.Attrs["id"])
		}
	}
	if diff := cmp.Diff([]string{"e__0", "e__1", "e__2"}, got); diff != "" {
		t.Errorf("edge ids (-want +got):\n%s", diff)
	}
}

func TestEdgeIDPrefix(t *testing.T) {
	tests := []struct {
		ids  []string
		n    int
		want string
	}{
		{nil, 5, "e"},
		{[]string{"e5"}, 5, "e"},         // e5 is beyond e0..e4
		{[]string{"e05", "e+1"}, 9, "e"}, // not spelt as edge ids are
		{[]string{"e4"}, 5, "e_"},
		{[]string{"e0", "e_0"}, 1, "e__"},
		{[]string{"e0"}, 0, "e"},
	}
	for _, tt := range tests {
		var nodes []graph.Node
		for _, id := range tt.ids {
			nodes = append(nodes, graph.Node{ID: id})
		}
		if got := edgeIDPrefix(nodes, tt.n); got != tt.want {
			t.Errorf("edgeIDPrefix(%q, %d) = %q, want %q", tt.ids, tt.n, got, tt.want)
		}
	}
}

func TestWriteCytoscapeEmptyID(t *testing.T) {
	var buf bytes.Buffer
	err := WriteCytoscape(&buf, hostileView())
	want := "export: cytoscape: empty node id: Cytoscape.js cannot load it"
	if !errors.Is(err, ErrEmptyID) || err.Error() != want {
		t.Errorf("got error %v, want %s", err, want)
	}
	if buf.Len() > 0 {
		t.Errorf("wrote %d bytes before failing", buf.Len())
	}
}

func TestClassName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"uses", "uses"},
		{"co-cited_2", "co-cited_2"},
		{"", ""},
		{"two words", ""},
		{"a.b", ""},
		{"über", ""},
	}
	for _, tt := range tests {
		if got := className(tt.in); got != tt.want {
			t.Errorf("className(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteCytoscapeSafeInHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCytoscape(&buf, prefixIDs(hostileView(), "n:")); err != nil {
		t.Fatal(err)
	}
	if i := bytes.IndexAny(buf.Bytes(), "<>"); i >= 0 {
		t.Errorf("raw %q at byte %d: the file could close a <script> element", buf.Bytes()[i], i)
	}
}

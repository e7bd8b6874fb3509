package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

// readGraphology decodes WriteGraphology's output into the dump form of
// the consumer tests, refusing fields graphology's import does not know.
func readGraphology(t *testing.T, b []byte) graphDump {
	t.Helper()
	var doc struct {
		Attributes map[string]any `json:"attributes"`
		Options    struct {
			Type           string `json:"type"`
			Multi          bool   `json:"multi"`
			AllowSelfLoops bool   `json:"allowSelfLoops"`
		} `json:"options"`
		Nodes []struct {
			Key        string         `json:"key"`
			Attributes map[string]any `json:"attributes"`
		} `json:"nodes"`
		Edges []struct {
			Key        string         `json:"key"`
			Source     string         `json:"source"`
			Target     string         `json:"target"`
			Undirected bool           `json:"undirected"`
			Attributes map[string]any `json:"attributes"`
		} `json:"edges"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not valid JSON: %v", err)
	}
	d := graphDump{Name: doc.Attributes["name"], Type: &doc.Options.Type, Multi: &doc.Options.Multi,
		Attributes: doc.Attributes, Problems: []string{}, Nodes: map[string]map[string]any{}, Edges: []dumpEdge{}}
	for _, n := range doc.Nodes {
		d.Nodes[n.Key] = n.Attributes
	}
	keys := make(map[string]bool)
	for _, e := range doc.Edges {
		if keys[e.Key] {
			t.Errorf("two edges with key %q", e.Key)
		}
		keys[e.Key] = true
		d.Edges = append(d.Edges, dumpEdge{Source: e.Source, Target: e.Target, Attrs: e.Attributes, Undirected: e.Undirected})
	}
	return d
}

func TestWriteGraphologyRoundTrip(t *testing.T) {
	for _, v := range []*graph.View{smallView(), hostileView(), synthView(60, 100, 4, 2), {Name: "empty"}} {
		t.Run(v.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteGraphology(&buf, v); err != nil {
				t.Fatal(err)
			}
			checkDump(t, graphologyWant(t, v), readGraphology(t, buf.Bytes()))
		})
	}
}

func TestGraphologyOptions(t *testing.T) {
	type edge struct{ s, t, kind string }
	tests := []struct {
		name     string
		directed bool
		edges    []edge
		typ      string
		multi    bool
		loops    bool
	}{
		{"none undirected", false, nil, "undirected", false, false},
		{"none directed", true, nil, "directed", false, false},
		{"shared only", false, []edge{{"a", "b", graph.SharedEdge}}, "undirected", false, false},
		{"shared in a directed view", true, []edge{{"a", "b", graph.SharedEdge}}, "undirected", false, false},
		{"uses only", false, []edge{{"a", "b", graph.UsesEdge}, {"b", "a", graph.CitesEdge}}, "directed", false, false},
		{"papers view", false, []edge{{"a", "b", graph.SharedEdge}, {"a", "b", graph.UsesEdge}}, "mixed", false, false},
		{"uses and cites one way", false, []edge{{"a", "b", graph.UsesEdge}, {"a", "b", graph.CitesEdge}}, "directed", true, false},
		{"shared both ways", false, []edge{{"a", "b", graph.SharedEdge}, {"b", "a", graph.SharedEdge}}, "undirected", true, false},
		{"other kind follows the view", true, []edge{{"a", "b", "co-author"}}, "directed", false, false},
		{"other kind undirected", false, []edge{{"a", "b", "co-author"}}, "undirected", false, false},
		{"self loop", false, []edge{{"a", "a", graph.SharedEdge}}, "undirected", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var es []graph.Edge
			for _, e := range tt.edges {
				es = append(es, graph.Edge{Source: e.s, Target: e.t, Kind: e.kind, Weight: 1})
			}
			typ, multi, loops := graphologyOptions(es, tt.directed)
			if diff := cmp.Diff([]any{tt.typ, tt.multi, tt.loops}, []any{typ, multi, loops}); diff != "" {
				t.Errorf("type, multi, allowSelfLoops (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteGraphologySigmaAttributes(t *testing.T) {
	// sigma.js picks a drawing program by the "type" attribute and fails
	// on one it does not know, such as an entity type.
	var buf bytes.Buffer
	if err := WriteGraphology(&buf, smallView()); err != nil {
		t.Fatal(err)
	}
	d := readGraphology(t, buf.Bytes())
	for key, a := range d.Nodes {
		if _, ok := a["type"]; ok {
			t.Errorf("node %q has a type attribute", key)
		}
		for _, c := range []string{"x", "y", "size"} {
			if _, ok := a[c].(float64); !ok {
				t.Errorf("node %q: %s is %v, not a number", key, c, a[c])
			}
		}
	}
	for _, e := range d.Edges {
		if _, ok := e.Attrs["type"]; ok {
			t.Errorf("edge %s -> %s has a type attribute", e.Source, e.Target)
		}
	}
}

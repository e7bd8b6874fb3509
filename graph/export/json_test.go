package export

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

func TestWriteJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, smallView()); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "small.json", buf.Bytes())
}

// nodeLink is the node-link document as a reader decodes it.
type nodeLink struct {
	Directed   bool              `json:"directed"`
	Multigraph bool              `json:"multigraph"`
	Graph      map[string]string `json:"graph"`
	Nodes      []map[string]any  `json:"nodes"`
	Links      []map[string]any  `json:"links"`
}

func decodeJSON(t *testing.T, b []byte) nodeLink {
	t.Helper()
	var d nodeLink
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("not valid JSON: %v", err)
	}
	if dec.More() {
		t.Fatalf("data after the document")
	}
	return d
}

// wantNodeLink is the document WriteJSON should give for v, built
// directly from the view.
func wantNodeLink(v *graph.View, multigraph bool) nodeLink {
	d := nodeLink{
		Directed: v.Directed, Multigraph: multigraph, Graph: map[string]string{"name": v.Name},
		Nodes: []map[string]any{}, Links: []map[string]any{},
	}
	nodes := slices.Clone(v.Nodes)
	slices.SortFunc(nodes, func(a, b graph.Node) int { return strings.Compare(a.ID, b.ID) })
	for _, n := range nodes {
		m := map[string]any{"id": n.ID, "kind": n.Kind, "label": n.Label, "size": n.Size}
		for k, s := range map[string]string{"title": n.Title, "type": n.Type, "url": n.URL, "group_label": n.GroupLabel} {
			if s != "" {
				m[k] = s
			}
		}
		if n.Year != 0 {
			m["year"] = float64(n.Year)
		}
		if n.Group >= 0 {
			m["group"] = float64(n.Group)
		}
		d.Nodes = append(d.Nodes, m)
	}
	for _, e := range v.Edges {
		m := map[string]any{"source": e.Source, "target": e.Target, "kind": e.Kind, "weight": e.Weight}
		if e.Label != "" {
			m["label"] = e.Label
		}
		d.Links = append(d.Links, m)
	}
	return d
}

// byEndpoints ignores link order, which wantNodeLink does not sort.
var byEndpoints = cmp.Transformer("sortLinks", func(in []map[string]any) []map[string]any {
	out := slices.Clone(in)
	key := func(m map[string]any) string {
		b, _ := json.Marshal(m) // map keys marshal sorted
		return string(b)
	}
	slices.SortFunc(out, func(a, b map[string]any) int { return strings.Compare(key(a), key(b)) })
	return out
})

func TestWriteJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name       string
		v          *graph.View
		multigraph bool
	}{
		{"small", smallView(), true}, // QLoRA -> LoRA three times
		{"hostile", hostileView(), false},
		{"synthetic", synthView(60, 100, 4, 2), true},
		{"empty", &graph.View{Name: "empty"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteJSON(&buf, tt.v); err != nil {
				t.Fatal(err)
			}
			got := decodeJSON(t, buf.Bytes())
			want := wantNodeLink(tt.v, tt.multigraph)
			if diff := cmp.Diff(want, got, byEndpoints); diff != "" {
				t.Errorf("decoded JSON (-want +got):\n%.3000s", diff)
			}
		})
	}
}

func TestWriteJSONMultigraph(t *testing.T) {
	nodes := []graph.Node{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	tests := []struct {
		name     string
		directed bool
		edges    [][2]string
		want     bool
	}{
		{"simple", false, [][2]string{{"a", "b"}, {"b", "c"}}, false},
		{"directed both ways", true, [][2]string{{"a", "b"}, {"b", "a"}}, false},
		{"undirected both ways", false, [][2]string{{"a", "b"}, {"b", "a"}}, true},
		{"same pair twice", true, [][2]string{{"a", "b"}, {"a", "c"}, {"a", "b"}}, true},
		{"self loop", false, [][2]string{{"a", "a"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &graph.View{Directed: tt.directed, Nodes: nodes}
			for _, e := range tt.edges {
				v.Edges = append(v.Edges, graph.Edge{Source: e[0], Target: e[1], Kind: graph.SharedEdge, Weight: 1})
			}
			var buf bytes.Buffer
			if err := WriteJSON(&buf, v); err != nil {
				t.Fatal(err)
			}
			if got := decodeJSON(t, buf.Bytes()).Multigraph; got != tt.want {
				t.Errorf("multigraph = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestWriteJSONSafeInHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, hostileView()); err != nil {
		t.Fatal(err)
	}
	if i := bytes.IndexAny(buf.Bytes(), "<>"); i >= 0 {
		t.Errorf("raw %q at byte %d: the file could close a <script> element", buf.Bytes()[i], i)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`\u003cscript\u003e`)) {
		t.Errorf("hostile <script> label not written as \\u003cscript\\u003e")
	}
}

func TestWriteJSONNotFinite(t *testing.T) {
	tests := []struct {
		name string
		v    *graph.View
		want string
	}{
		{
			"size",
			&graph.View{Nodes: []graph.Node{{ID: "a", Size: math.NaN()}}},
			`export: node "a": size NaN is not a finite number`,
		},
		{
			"weight",
			&graph.View{Nodes: []graph.Node{{ID: "a"}}, Edges: []graph.Edge{{Source: "a", Target: "a", Weight: math.Inf(1)}}},
			`export: edge "a" -> "a": weight +Inf is not a finite number`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteJSON(&buf, tt.v)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got error %v, want %s", err, tt.want)
			}
			if buf.Len() > 0 {
				t.Errorf("wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

// networkxScript loads each node-link file named on the command line with
// networkx and prints what it got as JSON, one line a file.
const networkxScript = `
import json, sys
from networkx.readwrite import json_graph
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        G = json_graph.node_link_graph(json.load(f))
    print(json.dumps({
        "name": G.graph.get("name"),
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "labels": {n: d.get("label") for n, d in G.nodes(data=True)},
        "titles": {n: d.get("title", "") for n, d in G.nodes(data=True)},
        "edge_labels": sorted(d.get("label", "") for _, _, d in G.edges(data=True)),
    }))
`

type networkxResult struct {
	Name       string            `json:"name"`
	Directed   bool              `json:"directed"`
	Multigraph bool              `json:"multigraph"`
	Nodes      int               `json:"nodes"`
	Edges      int               `json:"edges"`
	Labels     map[string]string `json:"labels"`
	Titles     map[string]string `json:"titles"`
	EdgeLabels []string          `json:"edge_labels"`
}

// TestWriteJSONNetworkx loads the files with the networkx that Debian's
// python3 sees (a pyenv python3 first on PATH does not see Debian's
// packages).
func TestWriteJSONNetworkx(t *testing.T) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		t.Skipf("%s cannot import networkx; make test installs python3-networkx", python)
	}
	views := []*graph.View{smallView(), hostileView(), synthView(60, 100, 4, 2), {Name: "empty"}}
	dir := t.TempDir()
	var paths []string
	for i, v := range views {
		var buf bytes.Buffer
		if err := WriteJSON(&buf, v); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, string(rune('a'+i))+".json")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	cmd := exec.Command(python, append([]string{"-c", networkxScript}, paths...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.Bytes())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(views) {
		t.Fatalf("networkx printed %d lines, want %d:\n%s", len(lines), len(views), out)
	}
	for i, v := range views {
		t.Run(v.Name, func(t *testing.T) {
			var got networkxResult
			if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
				t.Fatal(err)
			}
			want := networkxResult{
				Name: v.Name, Directed: v.Directed, Multigraph: hasParallel(v.Edges, v.Directed),
				Nodes: len(v.Nodes), Edges: len(v.Edges),
				Labels: map[string]string{}, Titles: map[string]string{}, EdgeLabels: []string{},
			}
			for _, n := range v.Nodes {
				want.Labels[n.ID] = n.Label
				want.Titles[n.ID] = n.Title
			}
			for _, e := range v.Edges {
				want.EdgeLabels = append(want.EdgeLabels, e.Label)
			}
			// Python sorts by code point, Go by byte: the same for UTF-8.
			slices.Sort(want.EdgeLabels)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("networkx loaded (-want +got):\n%.3000s", diff)
			}
		})
	}
}

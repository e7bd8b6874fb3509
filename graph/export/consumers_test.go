package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

// The consumer tests load the files with the tools people read them with
// (networkx, Cytoscape.js, graphology, graphology-gexf) and compare what
// the tools report with the view: node and edge counts and every
// attribute, hostile strings included. They skip when a tool is missing;
// make test installs them.

// debianPython is Debian's python3, the one that sees Debian's
// python3-networkx (a pyenv python3 first on PATH does not).
const debianPython = "/usr/bin/python3"

var consumersDir = filepath.Join("testdata", "consumers")

func needNetworkx(t *testing.T) {
	t.Helper()
	if err := exec.Command(debianPython, "-c", "import networkx").Run(); err != nil {
		t.Skipf("%s cannot import networkx; make test installs python3-networkx", debianPython)
	}
}

var (
	npmOnce sync.Once
	npmErr  error
)

// needNode returns node's path once the consumers' node_modules are
// installed, running npm ci for them when they are missing.
func needNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH; make test installs nodejs and npm")
	}
	if _, err := os.Stat(filepath.Join(consumersDir, "node_modules")); err == nil {
		return node
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skip("npm is not on PATH; make test installs nodejs and npm")
	}
	npmOnce.Do(func() {
		cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = consumersDir
		if out, err := cmd.CombinedOutput(); err != nil {
			npmErr = fmt.Errorf("npm ci in %s: %v\n%s", consumersDir, err, out)
		}
	})
	if npmErr != nil {
		t.Fatal(npmErr)
	}
	return node
}

// consumerViews are the views every consumer loads.
func consumerViews() []*graph.View {
	return []*graph.View{smallView(), hostileView(), synthView(60, 100, 4, 2), {Name: "empty"}}
}

// graphDump is what a consumer script prints of one file.
type graphDump struct {
	Name       any                       `json:"name"`
	Directed   *bool                     `json:"directed"`
	Multigraph *bool                     `json:"multigraph"`
	Type       *string                   `json:"type"`
	Multi      *bool                     `json:"multi"`
	Attributes map[string]any            `json:"attributes"`
	Problems   []string                  `json:"problems"`
	Nodes      map[string]map[string]any `json:"nodes"`
	Edges      []dumpEdge                `json:"edges"`
}

// dumpEdge is printed as [source, target, attributes] by networkx and
// [source, target, attributes, undirected] by the Node script.
type dumpEdge struct {
	Source, Target string
	Attrs          map[string]any
	Undirected     bool
}

func (e *dumpEdge) UnmarshalJSON(b []byte) error {
	var parts []json.RawMessage
	if err := json.Unmarshal(b, &parts); err != nil {
		return err
	}
	if len(parts) < 3 {
		return fmt.Errorf("edge %s has %d parts", b, len(parts))
	}
	for i, dst := range []any{&e.Source, &e.Target, &e.Attrs} {
		if err := json.Unmarshal(parts[i], dst); err != nil {
			return err
		}
	}
	if len(parts) > 3 {
		return json.Unmarshal(parts[3], &e.Undirected)
	}
	return nil
}

// byEdge ignores the order of edges, which consumers need not keep.
var byEdge = cmp.Transformer("sortEdges", func(in []dumpEdge) []string {
	out := make([]string, len(in))
	for i, e := range in {
		b, _ := json.Marshal([]any{e.Source, e.Target, e.Attrs, e.Undirected}) // map keys marshal sorted
		out[i] = string(b)
	}
	slices.Sort(out)
	return out
})

// runConsumer writes each view with write into a file with extension ext,
// runs the consumer (a command and its arguments, the files appended) and
// returns what it printed for each file.
func runConsumer(t *testing.T, views []*graph.View, write func(io.Writer, *graph.View) error, ext string, command ...string) []graphDump {
	t.Helper()
	dir := t.TempDir()
	args := slices.Clone(command[1:])
	for i, v := range views {
		var buf bytes.Buffer
		if err := write(&buf, v); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, strconv.Itoa(i)+ext)
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	cmd := exec.Command(command[0], args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%.3000s", filepath.Base(command[0]), err, stderr.Bytes())
	}
	dec := json.NewDecoder(&stdout)
	var dumps []graphDump
	for dec.More() {
		var d graphDump
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("reading the consumer's output: %v", err)
		}
		dumps = append(dumps, d)
	}
	if len(dumps) != len(views) {
		t.Fatalf("consumer printed %d graphs, want %d", len(dumps), len(views))
	}
	return dumps
}

// checkDump compares a consumer's dump with the expected one, counts
// first so that a failure says plainly when nodes or edges went missing.
func checkDump(t *testing.T, want, got graphDump) {
	t.Helper()
	if want.Directed != nil && !*want.Directed {
		// networkx gives the ends of an undirected edge in its own order.
		for _, edges := range [][]dumpEdge{want.Edges, got.Edges} {
			for i, e := range edges {
				if e.Target < e.Source {
					edges[i].Source, edges[i].Target = e.Target, e.Source
				}
			}
		}
	}
	if len(got.Nodes) != len(want.Nodes) || len(got.Edges) != len(want.Edges) {
		t.Errorf("loaded %d nodes and %d edges, want %d and %d", len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
	}
	if diff := cmp.Diff(want, got, byEdge); diff != "" {
		t.Errorf("loaded (-want +got):\n%.4000s", diff)
	}
}

func mustSort(t *testing.T, v *graph.View) *sorted {
	t.Helper()
	s, err := sortView(v)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func ptr[T any](x T) *T { return &x }

// putString sets m[k] to s unless s is empty.
func putString(m map[string]any, k, s string) {
	if s != "" {
		m[k] = s
	}
}

// prefixIDs gives every node ID of v the prefix p, for the formats whose
// readers refuse an empty ID; labels and titles keep their strings.
func prefixIDs(v *graph.View, p string) *graph.View {
	out := &graph.View{Name: v.Name, Directed: v.Directed}
	for _, n := range v.Nodes {
		n.ID = p + n.ID
		out.Nodes = append(out.Nodes, n)
	}
	for _, e := range v.Edges {
		e.Source, e.Target = p+e.Source, p+e.Target
		out.Edges = append(out.Edges, e)
	}
	return out
}

// cytoscapeData is the data Cytoscape.js and networkx keep of each
// element: what WriteCytoscape documents, built from the view.
func cytoscapeData(t *testing.T, v *graph.View) (nodes map[string]map[string]any, edges []dumpEdge) {
	s := mustSort(t, v)
	multigraph := hasParallel(s.edges, v.Directed)
	nodes = make(map[string]map[string]any)
	for _, n := range s.nodes {
		m := map[string]any{"id": n.ID, "value": n.ID, "name": n.Label, "label": n.Label, "kind": n.Kind, "size": n.Size}
		putString(m, "title", n.Title)
		putString(m, "type", n.Type)
		putString(m, "url", n.URL)
		putString(m, "group_label", n.GroupLabel)
		if n.Year != 0 {
			m["year"] = float64(n.Year)
		}
		if n.Group >= 0 {
			m["group"] = float64(n.Group)
		}
		nodes[n.ID] = m
	}
	for i, e := range s.edges {
		m := map[string]any{"id": "e" + strconv.Itoa(i), "source": e.Source, "target": e.Target, "kind": e.Kind, "weight": e.Weight}
		putString(m, "label", e.Label)
		if multigraph {
			m["key"] = float64(i)
		}
		edges = append(edges, dumpEdge{Source: e.Source, Target: e.Target, Attrs: m})
	}
	return nodes, edges
}

func TestNetworkxCytoscape(t *testing.T) {
	needNetworkx(t)
	var views []*graph.View
	for _, v := range consumerViews() {
		views = append(views, prefixIDs(v, "n:"))
	}
	dumps := runConsumer(t, views, WriteCytoscape, ".cyjs", debianPython, filepath.Join(consumersDir, "networkx_load.py"), "cytoscape")
	for i, v := range views {
		t.Run(v.Name, func(t *testing.T) {
			want := graphDump{Name: v.Name, Directed: ptr(v.Directed), Multigraph: ptr(hasParallel(v.Edges, v.Directed))}
			want.Nodes, want.Edges = cytoscapeData(t, v)
			checkDump(t, want, dumps[i])
		})
	}
}

func TestCytoscapeJS(t *testing.T) {
	node := needNode(t)
	var views []*graph.View
	for _, v := range consumerViews() {
		views = append(views, prefixIDs(v, "n:"))
	}
	dumps := runConsumer(t, views, WriteCytoscape, ".cyjs", node, filepath.Join(consumersDir, "load.js"), "cytoscape")
	for i, v := range views {
		t.Run(v.Name, func(t *testing.T) {
			want := graphDump{Name: v.Name, Problems: []string{}}
			want.Nodes, want.Edges = cytoscapeData(t, v)
			s := mustSort(t, v)
			pos := positions(s.nodes)
			for j, n := range s.nodes {
				want.Nodes[n.ID]["position"] = map[string]any{"x": pos[j][0], "y": pos[j][1]}
				want.Nodes[n.ID]["classes"] = []any{n.Kind}
			}
			for j := range want.Edges {
				want.Edges[j].Attrs["classes"] = []any{s.edges[j].Kind}
			}
			checkDump(t, want, dumps[i])
		})
	}
}

// graphologyWant is the graph graphology holds after Graph.from on
// WriteGraphology's output.
func graphologyWant(t *testing.T, v *graph.View) graphDump {
	s := mustSort(t, v)
	typ, multi, _ := graphologyOptions(s.edges, v.Directed)
	d := graphDump{Name: v.Name, Type: &typ, Multi: &multi, Attributes: map[string]any{"name": v.Name},
		Problems: []string{}, Nodes: map[string]map[string]any{}, Edges: []dumpEdge{}}
	pos := positions(s.nodes)
	for i, n := range s.nodes {
		m := map[string]any{
			"label": n.Label, "x": pos[i][0], "y": pos[i][1], "size": round(3 + 12*min(max(n.Size, 0), 1)),
			"color": nodeColor(n), "kind": n.Kind, "importance": n.Size,
		}
		putString(m, "title", n.Title)
		putString(m, "entityType", n.Type)
		putString(m, "url", n.URL)
		putString(m, "groupLabel", n.GroupLabel)
		if n.Year != 0 {
			m["year"] = float64(n.Year)
		}
		if n.Group >= 0 {
			m["group"] = float64(n.Group)
		}
		d.Nodes[n.ID] = m
	}
	widths := edgeWidths(s.edges)
	for i, e := range s.edges {
		m := map[string]any{"kind": e.Kind, "weight": e.Weight, "size": round(widths[i]), "color": styleOf(e.Kind).color}
		putString(m, "label", e.Label)
		d.Edges = append(d.Edges, dumpEdge{Source: e.Source, Target: e.Target, Attrs: m, Undirected: !directedEdge(e.Kind, v.Directed)})
	}
	return d
}

func TestGraphologyJS(t *testing.T) {
	node := needNode(t)
	views := consumerViews()
	dumps := runConsumer(t, views, WriteGraphology, ".json", node, filepath.Join(consumersDir, "load.js"), "graphology")
	for i, v := range views {
		t.Run(v.Name, func(t *testing.T) {
			checkDump(t, graphologyWant(t, v), dumps[i])
		})
	}
}

// gexfGraphologyWant is the graph graphology-gexf builds from
// WriteGEXF's output: attvalues and viz data merged into the attributes,
// an empty label left out.
func gexfGraphologyWant(t *testing.T, v *graph.View) graphDump {
	s := mustSort(t, v)
	typ := "undirected"
	if v.Directed {
		typ = "directed"
	}
	if len(s.edges) == 0 {
		typ = "mixed" // graphology-gexf's choice for a graph without edges
	}
	multi := hasParallel(s.edges, v.Directed)
	d := graphDump{Type: &typ, Multi: &multi, Attributes: map[string]any{"creator": "paperkg"},
		Problems: []string{}, Nodes: map[string]map[string]any{}, Edges: []dumpEdge{}}
	if strings.TrimSpace(v.Name) != "" {
		d.Attributes["description"] = xmlClean(v.Name)
	}
	pos := positions(s.nodes)
	for i, n := range s.nodes {
		r, g, b, _ := rgba(nodeColor(n))
		shape := "disc"
		if n.Kind == graph.EntityNode {
			shape = "square"
		}
		m := map[string]any{
			"kind": xmlClean(n.Kind), "importance": n.Size, "color": fmt.Sprintf("rgb(%d,%d,%d)", r, g, b),
			"size": round(5 + 25*min(max(n.Size, 0), 1)), "x": pos[i][0], "y": pos[i][1], "shape": shape,
		}
		putString(m, "label", xmlClean(n.Label))
		putString(m, "title", xmlClean(n.Title))
		putString(m, "entity_type", xmlClean(n.Type))
		putString(m, "url", xmlClean(n.URL))
		putString(m, "group_label", xmlClean(n.GroupLabel))
		if n.Year != 0 {
			m["year"] = float64(n.Year)
		}
		if n.Group >= 0 {
			m["group"] = float64(n.Group)
		}
		d.Nodes[xmlClean(n.ID)] = m
	}
	widths := edgeWidths(s.edges)
	for i, e := range s.edges {
		r, g, b, a := rgba(styleOf(e.Kind).color)
		color := fmt.Sprintf("rgba(%d,%d,%d,%s)", r, g, b, formatFloat(a))
		m := map[string]any{"kind": xmlClean(e.Kind), "weight": e.Weight, "color": color, "thickness": round(widths[i])}
		putString(m, "label", xmlClean(e.Label))
		d.Edges = append(d.Edges, dumpEdge{Source: xmlClean(e.Source), Target: xmlClean(e.Target), Attrs: m, Undirected: !v.Directed})
	}
	return d
}

func TestGEXFGraphology(t *testing.T) {
	node := needNode(t)
	views := consumerViews()
	dumps := runConsumer(t, views, WriteGEXF, ".gexf", node, filepath.Join(consumersDir, "load.js"), "gexf")
	for i, v := range views {
		t.Run(v.Name, func(t *testing.T) {
			checkDump(t, gexfGraphologyWant(t, v), dumps[i])
		})
	}
}

// TestGEXFNetworkx reads the GEXF with networkx, after registering the
// GEXF 1.3 namespaces that networkx 2.8 lacks and networkx 3 has.
func TestGEXFNetworkx(t *testing.T) {
	needNetworkx(t)
	views := consumerViews()
	dumps := runConsumer(t, views, WriteGEXF, ".gexf", debianPython, filepath.Join(consumersDir, "networkx_load.py"), "gexf")
	for i, v := range views {
		t.Run(v.Name, func(t *testing.T) {
			s := mustSort(t, v)
			multi := hasParallel(s.edges, v.Directed)
			want := graphDump{Directed: ptr(v.Directed), Multigraph: &multi, Nodes: map[string]map[string]any{}}
			for _, n := range s.nodes {
				m := map[string]any{"kind": xmlClean(n.Kind), "importance": n.Size, "label": nil}
				putString(m, "label", xmlClean(n.Label))
				putString(m, "title", xmlClean(n.Title))
				putString(m, "entity_type", xmlClean(n.Type))
				putString(m, "url", xmlClean(n.URL))
				putString(m, "group_label", xmlClean(n.GroupLabel))
				if n.Year != 0 {
					m["year"] = float64(n.Year)
				}
				if n.Group >= 0 {
					m["group"] = float64(n.Group)
				}
				want.Nodes[xmlClean(n.ID)] = m
			}
			for j, e := range s.edges {
				m := map[string]any{"id": "e" + strconv.Itoa(j), "kind": xmlClean(e.Kind), "weight": e.Weight}
				putString(m, "label", xmlClean(e.Label))
				want.Edges = append(want.Edges, dumpEdge{Source: xmlClean(e.Source), Target: xmlClean(e.Target), Attrs: m})
			}
			checkDump(t, want, dumps[i])
		})
	}
}

// graphmlNetworkxWant is the graph networkx's read_graphml builds from
// WriteGraphML's output: typed data, empty ones absent, and the edge id
// as an attribute when the graph is not a multigraph.
func graphmlNetworkxWant(t *testing.T, v *graph.View) graphDump {
	s := mustSort(t, v)
	multi := hasParallel(s.edges, v.Directed)
	d := graphDump{Directed: ptr(v.Directed), Multigraph: &multi, Nodes: map[string]map[string]any{}}
	if v.Name != "" {
		d.Name = xmlClean(v.Name)
	}
	for _, n := range s.nodes {
		m := map[string]any{"size": n.Size}
		putString(m, "kind", xmlClean(n.Kind))
		putString(m, "label", xmlClean(n.Label))
		putString(m, "title", xmlClean(n.Title))
		putString(m, "type", xmlClean(n.Type))
		putString(m, "url", xmlClean(n.URL))
		putString(m, "group_label", xmlClean(n.GroupLabel))
		if n.Year != 0 {
			m["year"] = float64(n.Year)
		}
		if n.Group >= 0 {
			m["group"] = float64(n.Group)
		}
		d.Nodes[xmlClean(n.ID)] = m
	}
	for i, e := range s.edges {
		m := map[string]any{"weight": e.Weight}
		putString(m, "kind", xmlClean(e.Kind))
		putString(m, "label", xmlClean(e.Label))
		if !multi {
			m["id"] = "e" + strconv.Itoa(i)
		}
		d.Edges = append(d.Edges, dumpEdge{Source: xmlClean(e.Source), Target: xmlClean(e.Target), Attrs: m})
	}
	return d
}

func TestGraphMLNetworkx(t *testing.T) {
	needNetworkx(t)
	views := consumerViews()
	dumps := runConsumer(t, views, WriteGraphML, ".graphml", debianPython, filepath.Join(consumersDir, "networkx_load.py"), "graphml")
	for i, v := range views {
		t.Run(v.Name, func(t *testing.T) {
			checkDump(t, graphmlNetworkxWant(t, v), dumps[i])
		})
	}
}

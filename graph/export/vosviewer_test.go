package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

// vosFile is a VOSviewer JSON file as VOSviewer Online's reader sees it.
type vosFile struct {
	Network struct {
		Items    []map[string]any `json:"items"`
		Links    []map[string]any `json:"links"`
		Clusters []struct {
			Cluster float64 `json:"cluster"`
			Label   string  `json:"label"`
		} `json:"clusters"`
	} `json:"network"`
	Config *struct {
		Terminology map[string]string `json:"terminology"`
	} `json:"config"`
}

func readVOSviewer(t *testing.T, b []byte) vosFile {
	t.Helper()
	var f vosFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("not valid JSON: %v", err)
	}
	return f
}

// vosviewerProblems applies the checks VOSviewer Online makes before it
// shows a JSON file (getJsonFileError in its src/utils/errors.js, and the
// item transformation of src/workers/worker.js), and the uniqueness of
// links that its file format documentation asks for.
func vosviewerProblems(f vosFile) []string {
	var problems []string
	items, links := f.Network.Items, f.Network.Links
	if len(items) < 3 {
		problems = append(problems, "There must be at least three items.")
	}
	ids := map[float64]bool{}
	weightKeys, scoreKeys := map[string]bool{}, map[string]bool{}
	for _, it := range items {
		for k := range it["weights"].(map[string]any) {
			weightKeys[k] = true
		}
		if s, ok := it["scores"].(map[string]any); ok {
			for k := range s {
				scoreKeys[k] = true
			}
		}
	}
	var xs, ys []any
	for i, it := range items {
		id, ok := it["id"].(float64)
		// VOSviewer tests ids for truth: 0 counts as missing.
		if !ok || id == 0 || id != math.Trunc(id) {
			problems = append(problems, fmt.Sprintf("item %d: id %v is not a positive integer", i, it["id"]))
		}
		if ids[id] {
			problems = append(problems, fmt.Sprintf("item %d: ID of an item must be unique.", i))
		}
		ids[id] = true
		if _, ok := it["label"].(string); !ok {
			problems = append(problems, fmt.Sprintf("item %d: label is not a string", i))
		}
		x, hasX := it["x"]
		y, hasY := it["y"]
		if hasX != hasY {
			problems = append(problems, fmt.Sprintf("item %d: only one coordinate", i))
		}
		if hasX {
			if _, ok := x.(float64); !ok {
				problems = append(problems, fmt.Sprintf("item %d: Coordinates must be numbers.", i))
			}
			if _, ok := y.(float64); !ok {
				problems = append(problems, fmt.Sprintf("item %d: Coordinates must be numbers.", i))
			}
			xs, ys = append(xs, x), append(ys, y)
		}
		weights := it["weights"].(map[string]any)
		for k := range weightKeys {
			// A weight another item has and this one lacks is null to
			// VOSviewer, which wants non-negative numbers.
			if w, ok := weights[k].(float64); !ok || w < 0 {
				problems = append(problems, fmt.Sprintf("item %d: Weights must be non-negative numbers (%s is %v).", i, k, weights[k]))
			}
		}
		if s, ok := it["scores"].(map[string]any); ok {
			for k, v := range s {
				if _, ok := v.(float64); !ok {
					problems = append(problems, fmt.Sprintf("item %d: Scores must be numbers (%s).", i, k))
				}
			}
		}
		if c, ok := it["cluster"]; ok {
			if c, ok := c.(float64); !ok || c != math.Trunc(c) || c < 1 || c > 1000 {
				problems = append(problems, fmt.Sprintf("item %d: Clusters must be represented by integers between 1 and 1000.", i))
			}
		}
	}
	if len(links) == 0 && len(items) > 0 && len(xs) != len(items) {
		problems = append(problems, "X and Y attributes of an item are missing.")
	}
	if len(xs) > 1 {
		same := true
		for i := range xs {
			same = same && xs[i] == xs[0] && ys[i] == ys[0]
		}
		if same {
			problems = append(problems, "All items have the same coordinates.")
		}
	}
	pairs := map[[2]float64]bool{}
	for i, l := range links {
		s, okS := l["source_id"].(float64)
		d, okD := l["target_id"].(float64)
		if !okS || !okD || !ids[s] || !ids[d] {
			problems = append(problems, fmt.Sprintf("link %d: SOURCE_ID or TARGET_ID attribute of a link is invalid.", i))
		}
		if w, ok := l["strength"].(float64); !ok || w < 0 {
			problems = append(problems, fmt.Sprintf("link %d: Strength of a link must be a non-negative number.", i))
		}
		p := [2]float64{min(s, d), max(s, d)}
		if pairs[p] {
			problems = append(problems, fmt.Sprintf("link %d: a second link between items %v and %v", i, s, d))
		}
		pairs[p] = true
	}
	return problems
}

func TestVOSviewerProblemsCatchesBrokenFiles(t *testing.T) {
	// The checks are only as good as their power to fail.
	item := func(id float64, extra string) string {
		return fmt.Sprintf(`{"id":%v,"label":"x","weights":{"Links":1}%s}`, id, extra)
	}
	three := item(1, "") + "," + item(2, "") + "," + item(3, "")
	tests := map[string]string{
		"two items":      `{"network":{"items":[` + item(1, "") + "," + item(2, "") + `],"links":[{"source_id":1,"target_id":2,"strength":1}]}}`,
		"id 0":           `{"network":{"items":[` + item(0, "") + "," + item(2, "") + "," + item(3, "") + `],"links":[{"source_id":2,"target_id":3,"strength":1}]}}`,
		"duplicate id":   `{"network":{"items":[` + item(1, "") + "," + item(1, "") + "," + item(3, "") + `],"links":[{"source_id":1,"target_id":3,"strength":1}]}}`,
		"cluster 0":      `{"network":{"items":[` + item(1, `,"cluster":0`) + "," + item(2, "") + "," + item(3, "") + `],"links":[{"source_id":1,"target_id":2,"strength":1}]}}`,
		"no coordinates": `{"network":{"items":[` + three + `],"links":[]}}`,
		"same place":     `{"network":{"items":[` + item(1, `,"x":0,"y":0`) + "," + item(2, `,"x":0,"y":0`) + "," + item(3, `,"x":0,"y":0`) + `],"links":[]}}`,
		"bad target":     `{"network":{"items":[` + three + `],"links":[{"source_id":1,"target_id":9,"strength":1}]}}`,
		"negative":       `{"network":{"items":[` + three + `],"links":[{"source_id":1,"target_id":2,"strength":-1}]}}`,
		"pair twice":     `{"network":{"items":[` + three + `],"links":[{"source_id":1,"target_id":2,"strength":1},{"source_id":2,"target_id":1,"strength":1}]}}`,
		"missing weight": `{"network":{"items":[` + item(1, "") + "," + item(2, "") + `,{"id":3,"label":"x","weights":{}}],"links":[{"source_id":1,"target_id":2,"strength":1}]}}`,
	}
	for name, doc := range tests {
		if p := vosviewerProblems(readVOSviewer(t, []byte(doc))); len(p) == 0 {
			t.Errorf("%s: no problem found", name)
		}
	}
}

func TestWriteVOSviewerLoads(t *testing.T) {
	noEdges := synthView(12, 0, 3, 4)
	for _, v := range []*graph.View{smallView(), hostileView(), synthView(60, 100, 4, 2), noEdges} {
		t.Run(v.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteVOSviewer(&buf, v); err != nil {
				t.Fatal(err)
			}
			f := readVOSviewer(t, buf.Bytes())
			if p := vosviewerProblems(f); len(p) > 0 {
				t.Errorf("VOSviewer would refuse the file:\n%s", strings.Join(p, "\n"))
			}
			if len(f.Network.Items) != len(v.Nodes) {
				t.Errorf("%d items for %d nodes", len(f.Network.Items), len(v.Nodes))
			}
			// Coordinates only where VOSviewer cannot lay the map out.
			_, hasX := f.Network.Items[0]["x"]
			if hasX != (len(v.Edges) == 0) {
				t.Errorf("x given: %v, for a view with %d edges", hasX, len(v.Edges))
			}
		})
	}
}

// TestWriteVOSviewerContent checks the small view item by item and link
// by link against values worked out by hand.
func TestWriteVOSviewerContent(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteVOSviewer(&buf, smallView()); err != nil {
		t.Fatal(err)
	}
	f := readVOSviewer(t, buf.Bytes())
	type item struct {
		Label    string
		Cluster  any
		Links    float64
		Strength float64
		Year     any
		URL      any
	}
	var items []item
	for _, it := range f.Network.Items {
		w := it["weights"].(map[string]any)
		var year any
		if s, ok := it["scores"].(map[string]any); ok {
			year = s["Avg. pub. year"]
		}
		items = append(items, item{it["label"].(string), it["cluster"], w["Links"].(float64), w["Total link strength"].(float64), year, it["url"]})
	}
	// In ID order: 2009.03300 MMLU, 2106.09685 LoRA, 2305.14314 QLoRA,
	// e:guanaco, e:lora, e:mmlu.
	want := []item{
		{"MMLU", 2.0, 2, 2.2, 2020.0, nil},
		{"LoRA", 1.0, 2, 4.3, 2021.0, "https://arxiv.org/abs/2106.09685"},
		{"QLoRA", 1.0, 5, 6.9, 2023.0, "https://arxiv.org/abs/2305.14314"},
		{"Guanaco", nil, 1, 0.4, nil, nil},
		{"LoRA", nil, 2, 2.2, nil, nil},
		{"MMLU", nil, 2, 2.2, nil, nil},
	}
	if diff := cmp.Diff(want, items); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	type link struct{ S, T, Strength float64 }
	var links []link
	for _, l := range f.Network.Links {
		links = append(links, link{l["source_id"].(float64), l["target_id"].(float64), l["strength"].(float64)})
	}
	// QLoRA and LoRA share LoRA, QLoRA uses it and cites LoRA: one link
	// of 1.1 + 1.1 + 1.
	wantLinks := []link{{1, 3, 1.1}, {1, 6, 1.1}, {2, 3, 3.2}, {2, 5, 1.1}, {3, 4, 0.4}, {3, 5, 1.1}, {3, 6, 1.1}}
	if diff := cmp.Diff(wantLinks, links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
	if got, want := f.Network.Links[2]["description"], "<table><tr><td>cites</td><td>QLoRA → LoRA</td></tr><tr><td>shared</td><td>LoRA</td></tr><tr><td>uses</td><td>QLoRA → LoRA: LoRA</td></tr></table>"; got != want {
		t.Errorf("link description %q, want %q", got, want)
	}
	var clusters []string
	for _, c := range f.Network.Clusters {
		clusters = append(clusters, fmt.Sprint(c.Cluster, " ", c.Label))
	}
	if diff := cmp.Diff([]string{"1 fine-tuning", "2 evaluation"}, clusters); diff != "" {
		t.Errorf("clusters (-want +got):\n%s", diff)
	}
	if f.Config != nil {
		t.Errorf("config %v for a view of papers and entities", f.Config)
	}
}

// TestWriteVOSviewerHostile reads each hostile string back from the
// label, description and link description, through an HTML unescape as a
// browser would.
func TestWriteVOSviewerHostile(t *testing.T) {
	v := hostileView()
	var buf bytes.Buffer
	if err := WriteVOSviewer(&buf, v); err != nil {
		t.Fatal(err)
	}
	f := readVOSviewer(t, buf.Bytes())
	if strings.Contains(buf.String(), "<") {
		t.Errorf("raw '<' in the file")
	}
	s := mustSort(t, v)
	for i, n := range s.nodes {
		it := f.Network.Items[i]
		if it["label"] != n.Label {
			t.Errorf("item %d: label %q, want %q", i, it["label"], n.Label)
		}
		cells := htmlCells(t, it["description"].(string))
		// Title, Topic and ID rows; no type, no year.
		want := []string{"Title", n.Title, "Topic", n.GroupLabel, "ID", n.ID}
		if n.Title == "" {
			want = []string{"ID", n.ID}
		}
		if diff := cmp.Diff(want, cells); diff != "" {
			t.Errorf("item %d: description (-want +got):\n%.500s", i, diff)
		}
		u, ok := linkURL(n.URL)
		if got, _ := it["url"].(string); ok && got != u || !ok && it["url"] != nil {
			t.Errorf("item %d: url %q for %q", i, got, n.URL)
		}
	}
	// Every edge is a row of one link description: its kind, then its
	// source and target and its label.
	var rows, wantRows []string
	for _, l := range f.Network.Links {
		cells := htmlCells(t, l["description"].(string))
		for j := 0; j+1 < len(cells); j += 2 {
			rows = append(rows, cells[j]+" | "+cells[j+1])
		}
	}
	name := func(id string) string { n := s.nodes[s.index[id]]; return firstOf(n.Label, n.Title, n.ID) }
	for _, e := range v.Edges {
		text := name(e.Source) + " → " + name(e.Target)
		if e.Label != "" {
			text += ": " + e.Label
		}
		wantRows = append(wantRows, e.Kind+" | "+text)
	}
	slices.Sort(rows)
	slices.Sort(wantRows)
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("link descriptions (-want +got):\n%.2000s", diff)
	}
}

// htmlCells returns the text of the cells of an HTML table made by
// htmlTable, unescaped, with <br> as newlines.
func htmlCells(t *testing.T, table string) []string {
	t.Helper()
	inner, ok := strings.CutPrefix(table, "<table>")
	inner, ok2 := strings.CutSuffix(inner, "</table>")
	if !ok || !ok2 {
		t.Fatalf("not a table: %.80q", table)
	}
	var cells []string
	for _, row := range strings.Split(inner, "</tr>") {
		if row == "" {
			continue
		}
		row = strings.TrimPrefix(row, "<tr>")
		for _, c := range strings.Split(row, "</td>") {
			if c == "" {
				continue
			}
			c = strings.TrimPrefix(c, "<td>")
			if strings.ContainsAny(c, "<>") && !strings.Contains(c, "<br>") {
				t.Fatalf("markup inside a cell: %.80q", c)
			}
			cells = append(cells, html.UnescapeString(strings.ReplaceAll(c, "<br>", "\n")))
		}
	}
	return cells
}

func TestWriteVOSviewerConfig(t *testing.T) {
	tests := []struct {
		kind string
		want map[string]string
	}{
		{graph.PaperNode, map[string]string{"item": "paper", "items": "papers"}},
		{graph.EntityNode, map[string]string{"item": "entity", "items": "entities"}},
		{"author", nil},
	}
	for _, tt := range tests {
		v := &graph.View{Nodes: []graph.Node{{ID: "a", Kind: tt.kind}, {ID: "b", Kind: tt.kind}, {ID: "c", Kind: tt.kind}}}
		var buf bytes.Buffer
		if err := WriteVOSviewer(&buf, v); err != nil {
			t.Fatal(err)
		}
		f := readVOSviewer(t, buf.Bytes())
		var got map[string]string
		if f.Config != nil {
			got = f.Config.Terminology
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: terminology (-want +got):\n%s", tt.kind, diff)
		}
	}
}

func TestWriteVOSviewerClusters(t *testing.T) {
	v := &graph.View{Nodes: []graph.Node{
		{ID: "a", Group: 0, GroupLabel: "zero"},
		{ID: "b", Group: 7},
		{ID: "c", Group: 999, GroupLabel: "last"},
		{ID: "d", Group: 1000, GroupLabel: "beyond VOSviewer"},
		{ID: "e", Group: -1},
	}}
	var buf bytes.Buffer
	if err := WriteVOSviewer(&buf, v); err != nil {
		t.Fatal(err)
	}
	f := readVOSviewer(t, buf.Bytes())
	var got []any
	for _, it := range f.Network.Items {
		got = append(got, it["cluster"])
	}
	if diff := cmp.Diff([]any{1.0, 8.0, 1000.0, nil, nil}, got); diff != "" {
		t.Errorf("clusters of the items (-want +got):\n%s", diff)
	}
	var labels []string
	for _, c := range f.Network.Clusters {
		labels = append(labels, fmt.Sprint(c.Cluster, " ", c.Label))
	}
	if diff := cmp.Diff([]string{"1 zero", "8 topic 7", "1000 last"}, labels); diff != "" {
		t.Errorf("clusters (-want +got):\n%s", diff)
	}
	if p := vosviewerProblems(f); len(p) > 0 {
		t.Errorf("VOSviewer would refuse the file:\n%s", strings.Join(p, "\n"))
	}
}

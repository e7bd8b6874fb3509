package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

// wantCSV is the nodes and edges tables WriteCSV and WriteCSVEdges should
// give for v, built from the view.
func wantCSV(t *testing.T, v *graph.View) (nodes, edges [][]string) {
	s := mustSort(t, v)
	nodes = [][]string{{"id", "kind", "label", "title", "type", "year", "url", "size", "group", "group_label"}}
	for _, n := range s.nodes {
		year, group := "", ""
		if n.Year != 0 {
			year = strconv.Itoa(n.Year)
		}
		if n.Group >= 0 {
			group = strconv.Itoa(n.Group)
		}
		nodes = append(nodes, []string{n.ID, n.Kind, n.Label, n.Title, n.Type, year, n.URL, strconv.FormatFloat(n.Size, 'g', -1, 64), group, n.GroupLabel})
	}
	edges = [][]string{{"source", "target", "kind", "weight", "label"}}
	for _, e := range s.edges {
		edges = append(edges, []string{e.Source, e.Target, e.Kind, strconv.FormatFloat(e.Weight, 'g', -1, 64), e.Label})
	}
	return nodes, edges
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not valid CSV: %v", err)
	}
	return rows
}

func TestWriteCSVRoundTrip(t *testing.T) {
	for _, v := range []*graph.View{smallView(), hostileView(), synthView(60, 100, 4, 2), {Name: "empty"}} {
		t.Run(v.Name, func(t *testing.T) {
			var nodes, edges bytes.Buffer
			if err := WriteCSV(&nodes, v); err != nil {
				t.Fatal(err)
			}
			if err := WriteCSVEdges(&edges, v); err != nil {
				t.Fatal(err)
			}
			wantNodes, wantEdges := wantCSV(t, v)
			if diff := cmp.Diff(wantNodes, readCSV(t, nodes.Bytes())); diff != "" {
				t.Errorf("nodes (-want +got):\n%.3000s", diff)
			}
			if diff := cmp.Diff(wantEdges, readCSV(t, edges.Bytes())); diff != "" {
				t.Errorf("edges (-want +got):\n%.3000s", diff)
			}
		})
	}
}

func TestWriteCSVInvalidUTF8(t *testing.T) {
	v := &graph.View{Nodes: []graph.Node{{ID: "a", Label: "bad \xff byte", Group: -1}}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, v); err != nil {
		t.Fatal(err)
	}
	if got := readCSV(t, buf.Bytes())[1][2]; got != "bad \uFFFD byte" {
		t.Errorf("label %q, want the invalid byte as U+FFFD", got)
	}
}

// TestWriteCSVBoth reads the single-writer form back with Python's csv
// module, which, unlike Go's reader, returns the empty line between the
// tables as an empty row, and checks that each table survives.
func TestWriteCSVBoth(t *testing.T) {
	if _, err := os.Stat(debianPython); err != nil {
		t.Skipf("%s is missing; make test runs where Debian's python3 is installed", debianPython)
	}
	for _, v := range []*graph.View{smallView(), hostileView()} {
		t.Run(v.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writeCSVBoth(&buf, v); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(t.TempDir(), "map.csv")
			if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			const script = `import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    print(json.dumps(list(csv.reader(f))))`
			out, err := exec.Command(debianPython, "-c", script, p).Output()
			if err != nil {
				t.Fatalf("python csv: %v", err)
			}
			var rows [][]string
			if err := json.Unmarshal(out, &rows); err != nil {
				t.Fatal(err)
			}
			wantNodes, wantEdges := wantCSV(t, v)
			want := append(append(wantNodes, []string{}), wantEdges...)
			if diff := cmp.Diff(want, rows); diff != "" {
				t.Errorf("python read (-want +got):\n%.3000s", diff)
			}
		})
	}
}

func TestWriteCSVQuoting(t *testing.T) {
	// The cells that need quotes get them, and only those.
	v := &graph.View{Nodes: []graph.Node{
		{ID: "plain", Label: "a, b", Title: `say "hi"`, GroupLabel: "two\nlines", Group: 0},
	}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, v); err != nil {
		t.Fatal(err)
	}
	want := "id,kind,label,title,type,year,url,size,group,group_label\n" +
		"plain,,\"a, b\",\"say \"\"hi\"\"\",,,,0,0,\"two\nlines\"\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
	if strings.Contains(buf.String(), "\r") {
		t.Errorf("CRLF line ends")
	}
}

package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

// writers calls each format's own writer, for comparing Write with them.
var writers = map[string]func(io.Writer, *graph.View) error{
	"json":       WriteJSON,
	"dot":        func(w io.Writer, v *graph.View) error { return WriteDOT(w, v, DOTOptions{}) },
	"svg":        func(w io.Writer, v *graph.View) error { return WriteSVG(context.Background(), w, v, DOTOptions{}) },
	"cytoscape":  WriteCytoscape,
	"graphology": WriteGraphology,
	"gexf":       WriteGEXF,
	"graphml":    WriteGraphML,
	"vosviewer":  WriteVOSviewer,
	"csv":        writeCSVBoth,
}

// dataFormats are the formats that store the view rather than draw it.
var dataFormats = []string{"json", "cytoscape", "graphology", "gexf", "graphml", "vosviewer", "csv"}

func TestFormatsHaveWriters(t *testing.T) {
	if len(writers) != len(Formats) {
		t.Errorf("%d writers under test for %d formats", len(writers), len(Formats))
	}
	for _, f := range Formats {
		if writers[f] == nil {
			t.Errorf("format %q has no writer under test", f)
		}
	}
}

func TestWrite(t *testing.T) {
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) {
			var got, want bytes.Buffer
			if err := Write(context.Background(), &got, smallView(), f, DOTOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := writers[f](&want, smallView()); err != nil {
				t.Fatal(err)
			}
			if got.Len() == 0 || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("Write(%q) wrote %d bytes, not the %d of its writer", f, got.Len(), want.Len())
			}
		})
	}
}

func TestWriteOptions(t *testing.T) {
	// opt reaches the DOT writer.
	var got, want bytes.Buffer
	opt := DOTOptions{Layout: "neato", Clusters: true, NoLegend: true}
	if err := Write(context.Background(), &got, smallView(), "dot", opt); err != nil {
		t.Fatal(err)
	}
	if err := WriteDOT(&want, smallView(), opt); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.String(), got.String()); diff != "" {
		t.Errorf("Write ignored the options (-want +got):\n%s", diff)
	}
}

func TestWriteErrors(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		format string
		want   error
		msg    string
	}{
		{"unknown", context.Background(), "gml", ErrUnknownFormat,
			`export: unknown format "gml", must be one of [json, dot, svg, cytoscape, graphology, gexf, graphml, vosviewer, csv]`},
		{"case matters", context.Background(), "JSON", ErrUnknownFormat,
			`export: unknown format "JSON", must be one of [json, dot, svg, cytoscape, graphology, gexf, graphml, vosviewer, csv]`},
		{"empty", context.Background(), "", ErrUnknownFormat,
			`export: unknown format "", must be one of [json, dot, svg, cytoscape, graphology, gexf, graphml, vosviewer, csv]`},
		{"cancelled", cancelled, "json", context.Canceled, "context canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(tt.ctx, &buf, smallView(), tt.format, DOTOptions{})
			if !errors.Is(err, tt.want) || err.Error() != tt.msg {
				t.Errorf("got error %v, want %s", err, tt.msg)
			}
			if buf.Len() > 0 {
				t.Errorf("wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

func TestExt(t *testing.T) {
	tests := []struct{ format, want string }{
		{"json", ".json"},
		{"dot", ".dot"},
		{"svg", ".svg"},
		{"cytoscape", ".cyjs"},
		{"graphology", ".graphology.json"},
		{"gexf", ".gexf"},
		{"graphml", ".graphml"},
		{"vosviewer", ".vosviewer.json"},
		{"csv", ".csv"},
		{"gml", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Ext(tt.format); got != tt.want {
			t.Errorf("Ext(%q) = %q, want %q", tt.format, got, tt.want)
		}
	}
	// One base name must take every format without two files clashing.
	seen := make(map[string]string)
	for _, f := range Formats {
		ext := Ext(f)
		if ext == "" {
			t.Errorf("format %q has no extension", f)
		}
		if other, dup := seen[ext]; dup {
			t.Errorf("formats %q and %q share the extension %q", other, f, ext)
		}
		seen[ext] = f
	}
}

func TestCSVPaths(t *testing.T) {
	tests := []struct{ in, nodes, edges string }{
		{"map.csv", "map-nodes.csv", "map-edges.csv"},
		{"out/map", "out/map-nodes.csv", "out/map-edges.csv"},
		{"a.b/map.v2.csv", "a.b/map.v2-nodes.csv", "a.b/map.v2-edges.csv"},
		{"map.txt", "map-nodes.csv", "map-edges.csv"},
	}
	for _, tt := range tests {
		nodes, edges := CSVPaths(tt.in)
		if nodes != tt.nodes || edges != tt.edges {
			t.Errorf("CSVPaths(%q) = %q, %q, want %q, %q", tt.in, nodes, edges, tt.nodes, tt.edges)
		}
	}
}

// TestFormatsGolden pins the output of the small view in every data
// format; run go test -update to rewrite the files after a deliberate
// change.
func TestFormatsGolden(t *testing.T) {
	golden := map[string]string{
		"cytoscape":  "small.cyjs",
		"graphology": "small.graphology.json",
		"gexf":       "small.gexf",
		"graphml":    "small.graphml",
		"vosviewer":  "small.vosviewer.json",
		"csv":        "small.csv",
	}
	for format, name := range golden {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writers[format](&buf, smallView()); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, buf.Bytes())
		})
	}
}

// TestFormatsOrderIndependent shuffles a view: every format must give the
// same bytes.
func TestFormatsOrderIndependent(t *testing.T) {
	for _, f := range dataFormats {
		t.Run(f, func(t *testing.T) {
			v := synthView(40, 120, 4, 7)
			var first bytes.Buffer
			if err := writers[f](&first, v); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(1, 1))
			rng.Shuffle(len(v.Nodes), func(i, j int) { v.Nodes[i], v.Nodes[j] = v.Nodes[j], v.Nodes[i] })
			rng.Shuffle(len(v.Edges), func(i, j int) { v.Edges[i], v.Edges[j] = v.Edges[j], v.Edges[i] })
			var second bytes.Buffer
			if err := writers[f](&second, v); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(first.String(), second.String()); diff != "" {
				t.Errorf("shuffling the view changed the output (-first +shuffled):\n%.2000s", diff)
			}
		})
	}
}

func TestFormatsNotFinite(t *testing.T) {
	views := []struct {
		name string
		v    *graph.View
		msg  string
	}{
		{"size", &graph.View{Nodes: []graph.Node{{ID: "a", Size: math.Inf(-1)}}},
			`export: node "a": size -Inf is not a finite number`},
		{"weight", &graph.View{Nodes: []graph.Node{{ID: "a"}, {ID: "b"}}, Edges: []graph.Edge{{Source: "a", Target: "b", Weight: math.NaN()}}},
			`export: edge "a" -> "b": weight NaN is not a finite number`},
	}
	for _, f := range dataFormats {
		for _, tt := range views {
			t.Run(f+"/"+tt.name, func(t *testing.T) {
				var buf bytes.Buffer
				err := writers[f](&buf, tt.v)
				if err == nil || err.Error() != tt.msg {
					t.Errorf("got error %v, want %s", err, tt.msg)
				}
				if buf.Len() > 0 {
					t.Errorf("wrote %d bytes before failing", buf.Len())
				}
			})
		}
	}
}

// TestFormatsCleanIDs gives two IDs that the format can only write the
// same way: the file would hold one node twice.
func TestFormatsCleanIDs(t *testing.T) {
	tests := []struct {
		formats []string
		a, b    string
		msg     string
	}{
		{[]string{"json", "cytoscape", "graphology", "csv"}, "x\xff", "x\xfe",
			"export: duplicate node id \"x\uFFFD\": \"x\\xfe\" and \"x\\xff\" are the same once invalid UTF-8 is replaced"},
		{[]string{"gexf", "graphml"}, "bell\x01", "bell\x02",
			"export: duplicate node id \"bell\uFFFD\": \"bell\\x01\" and \"bell\\x02\" are the same once characters XML cannot hold are replaced"},
	}
	for _, tt := range tests {
		for _, f := range tt.formats {
			t.Run(f, func(t *testing.T) {
				v := &graph.View{Nodes: []graph.Node{{ID: tt.a}, {ID: tt.b}}}
				err := writers[f](io.Discard, v)
				if !errors.Is(err, ErrDuplicateNode) || err.Error() != tt.msg {
					t.Errorf("got error %v, want %s", err, tt.msg)
				}
			})
		}
	}
}

func TestFormatsWriteError(t *testing.T) {
	for _, f := range dataFormats {
		t.Run(f, func(t *testing.T) {
			err := writers[f](failWriter{}, smallView())
			if !errors.Is(err, errFail) {
				t.Fatalf("got %v, want an error wrapping %v", err, errFail)
			}
			if !strings.HasPrefix(err.Error(), "export: writing ") {
				t.Errorf("error %q does not say what failed", err)
			}
		})
	}
}

func TestFormatsEmptyView(t *testing.T) {
	for _, f := range dataFormats {
		t.Run(f, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writers[f](&buf, &graph.View{Name: "empty"}); err != nil {
				t.Fatal(err)
			}
			if buf.Len() == 0 {
				t.Errorf("wrote nothing")
			}
		})
	}
}

// BenchmarkFormats2000 writes a 2,000-node, 10,000-edge papers view in
// each data format and reports the file size.
func BenchmarkFormats2000(b *testing.B) {
	v := synthView(2000, 10000, 30, 1)
	for _, f := range append([]string{"dot"}, dataFormats...) {
		b.Run(f, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := writers[f](&buf, v); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/1e6, "MB")
		})
	}
}

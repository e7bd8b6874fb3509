package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

// checkSVG checks that the SVG Graphviz drew from dot shows every node and
// edge of v with its label, tooltip and id exactly as the view has them,
// less the losses the package documents.
func checkSVG(t *testing.T, v *graph.View, dot, svg []byte) {
	t.Helper()
	p := parseDOT(t, dot)
	s := readSVG(t, svg)
	if len(s.nodes) != len(v.Nodes) || len(s.edges) != len(v.Edges) {
		t.Fatalf("SVG shows %d nodes and %d edges, want %d and %d", len(s.nodes), len(s.edges), len(v.Nodes), len(v.Edges))
	}
	if bytes.Contains(bytes.ToLower(svg), []byte("<script")) {
		t.Errorf("SVG contains a raw <script")
	}
	for _, n := range v.Nodes {
		id := sanitized(n.ID)
		dn, ok := p.nodes[id]
		if !ok {
			t.Errorf("no DOT node with id %q", id)
			continue
		}
		got := s.nodes[dn.Name]
		got.Tooltip = strings.ReplaceAll(got.Tooltip, "\t", " ")
		want := svgItem{
			Name:    dn.Name,
			ID:      svgSpaces(id),
			Tooltip: svgSpaces(strings.ReplaceAll(sanitized(nodeTooltip(n)), "\t", " ")),
			Text:    textLines(svgSpaces(sanitized(firstOf(n.Label, n.Title)))),
		}
		if id == "" {
			want.ID = got.ID // Graphviz names the element itself
		}
		if u, ok := linkURL(n.URL); ok {
			want.Href = u
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("node %.40q (-want +got):\n%.2000s", n.ID, diff)
		}
	}
	var wantTips, gotTips []string
	for _, e := range v.Edges {
		wantTips = append(wantTips, svgSpaces(strings.ReplaceAll(sanitized(e.Label), "\t", " ")))
	}
	for _, e := range s.edges {
		gotTips = append(gotTips, strings.ReplaceAll(e.Tooltip, "\t", " "))
	}
	sortStrings := cmp.Transformer("sort", func(in []string) []string {
		out := append([]string(nil), in...)
		slices.Sort(out)
		return out
	})
	if diff := cmp.Diff(wantTips, gotTips, sortStrings); diff != "" {
		t.Errorf("edge tooltips (-want +got):\n%.2000s", diff)
	}
}

// svgSpaces is s as Graphviz writes it into SVG: a space that follows a
// space becomes a no-break space, so that browsers keep the spacing. A
// conforming XML reader also turns a tab in an attribute into a space;
// encoding/xml does not, so the checks compare tooltips with tabs as
// spaces.
func svgSpaces(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "  ", " \u00a0"), "\u00a0 ", "\u00a0\u00a0")
}

// textLines is how a label appears as SVG text elements: one per line,
// blank lines left out.
func textLines(label string) []string {
	var lines []string
	for _, l := range strings.Split(label, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestWriteSVG(t *testing.T) {
	views := map[string]*graph.View{
		"small":   smallView(),
		"hostile": hostileView(),
	}
	for name, v := range views {
		t.Run(name, func(t *testing.T) {
			var dot, svg bytes.Buffer
			if err := WriteDOT(&dot, v, DOTOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := WriteSVG(context.Background(), &svg, v, DOTOptions{}); err != nil {
				t.Fatal(err)
			}
			checkSVG(t, v, dot.Bytes(), svg.Bytes())
		})
	}
}

// TestWriteSVGGolden also checks that SVG output is deterministic across
// processes: the golden file was written by another one.
func TestWriteSVGGolden(t *testing.T) {
	var svg bytes.Buffer
	if err := WriteSVG(context.Background(), &svg, smallView(), DOTOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "small.svg", svg.Bytes())
}

func TestWriteSVGEscapesMarkup(t *testing.T) {
	v := &graph.View{Name: "<svg onload=alert(1)>", Nodes: []graph.Node{
		{ID: "x", Kind: graph.PaperNode, Label: "<script>alert(1)</script>", Title: `"/><script>alert(2)</script>`, URL: `https://x.org/"><script>`},
	}}
	var svg bytes.Buffer
	if err := WriteSVG(context.Background(), &svg, v, DOTOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"&lt;svg onload=alert(1)&gt;",
		`https://x.org/%22%3E%3Cscript%3E`,
	} {
		if !bytes.Contains(svg.Bytes(), []byte(want)) {
			t.Errorf("SVG lacks %s", want)
		}
	}
	if bytes.Contains(svg.Bytes(), []byte("<script")) || bytes.Contains(svg.Bytes(), []byte("<svg onload")) {
		t.Errorf("SVG contains raw markup from the view:\n%s", svg.Bytes())
	}
	readSVG(t, svg.Bytes())
}

func TestWriteSVGLayouts(t *testing.T) {
	for _, layout := range []string{"sfdp", "neato", "dot", "fdp"} {
		t.Run(layout, func(t *testing.T) {
			var svg bytes.Buffer
			opt := DOTOptions{Layout: layout, Clusters: true}
			if err := WriteSVG(context.Background(), &svg, smallView(), opt); err != nil {
				t.Fatal(err)
			}
			if s := readSVG(t, svg.Bytes()); len(s.nodes) != len(smallView().Nodes) {
				t.Errorf("got %d nodes, want %d", len(s.nodes), len(smallView().Nodes))
			}
		})
	}
}

func TestWriteSVGErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := WriteSVG(ctx, io.Discard, smallView(), DOTOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v, want context.Canceled", err)
	}
	err = WriteSVG(context.Background(), io.Discard, nil, DOTOptions{})
	if !errors.Is(err, ErrNilView) {
		t.Errorf("nil view: got %v, want ErrNilView", err)
	}
	err = WriteSVG(context.Background(), failWriter{}, smallView(), DOTOptions{})
	if !errors.Is(err, errFail) {
		t.Errorf("failing writer: got %v, want errFail", err)
	}
}

var errFail = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errFail }

// TestWriteSVGConcurrent renders from several goroutines at once, which
// the single WebAssembly Graphviz survives only behind renderMu.
func TestWriteSVGConcurrent(t *testing.T) {
	v := synthView(30, 60, 3, 5)
	var want bytes.Buffer
	if err := WriteSVG(context.Background(), &want, v, DOTOptions{}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]bytes.Buffer, 4)
	errs := make([]error, len(got))
	for i := range got {
		wg.Go(func() { errs[i] = WriteSVG(context.Background(), &got[i], v, DOTOptions{}) })
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil {
			t.Errorf("render %d: %v", i, errs[i])
		} else if !bytes.Equal(got[i].Bytes(), want.Bytes()) {
			t.Errorf("render %d differs from the serial render", i)
		}
	}
}

// warningDOT makes Graphviz print "Warning: notacolor is not a known
// color." on its own.
const warningDOT = `graph G { a [fillcolor="notacolor", style="filled"]; }`

// TestRenderQuiet runs a render in a child process and checks that nothing
// reached its stderr, whatever writes there: Go code or the WebAssembly
// module.
func TestRenderQuiet(t *testing.T) {
	if os.Getenv("PAPERKG_EXPORT_RENDER_CHILD") == "1" {
		if err := render(context.Background(), io.Discard, []byte(warningDOT), "sfdp"); err != nil {
			t.Fatal(err)
		}
		return
	}
	if dot, err := exec.LookPath("dot"); err == nil {
		// The input must really provoke a warning for the check to mean
		// anything.
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = strings.NewReader(warningDOT)
		out, _ := cmd.CombinedOutput()
		if !bytes.Contains(out, []byte("notacolor")) {
			t.Fatalf("native Graphviz gave no warning on the test input:\n%s", out)
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRenderQuiet$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PAPERKG_EXPORT_RENDER_CHILD=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("child: %v\n%s%s", err, stdout.Bytes(), stderr.Bytes())
	}
	if stderr.Len() > 0 {
		t.Errorf("rendering wrote to stderr:\n%s", stderr.Bytes())
	}
	if bytes.Contains(stdout.Bytes(), []byte("notacolor")) {
		t.Errorf("rendering wrote the warning to stdout:\n%s", stdout.Bytes())
	}
}

// BenchmarkSVG2000 renders a 2,000-node, 10,000-edge papers view: run it
// with -benchtime=1x.
func BenchmarkSVG2000(b *testing.B) {
	v := synthView(2000, 10000, 40, 1)
	ctx := context.Background()
	for b.Loop() {
		if err := WriteSVG(ctx, io.Discard, v, DOTOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSVG2000Sparse renders 2,000 papers that mostly share nothing:
// hundreds of components, which Graphviz alone packs in minutes.
func BenchmarkSVG2000Sparse(b *testing.B) {
	v := synthView(2000, 600, 40, 1)
	ctx := context.Background()
	for b.Loop() {
		if err := WriteSVG(ctx, io.Discard, v, DOTOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDOT2000(b *testing.B) {
	v := synthView(2000, 10000, 40, 1)
	for b.Loop() {
		if err := WriteDOT(io.Discard, v, DOTOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

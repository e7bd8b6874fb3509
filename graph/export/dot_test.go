package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/awalterschulze/gographviz"
	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

func TestWriteDOTGolden(t *testing.T) {
	tests := []struct {
		golden string
		opt    DOTOptions
	}{
		{"small.dot", DOTOptions{}},
		{"small-clusters.dot", DOTOptions{Clusters: true, Layout: "fdp", NoLegend: true}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteDOT(&buf, smallView(), tt.opt); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.golden, buf.Bytes())
		})
	}
}

// A rule replaces one spelling in a DOT string by the text Graphviz
// makes of it. The rule sets are Graphviz's documented and measured
// behaviour, written out independently of the quoting code.
type rule struct{ from, to string }

var (
	// Labels: the DOT lexer's \", then escString's \\ and \n, then HTML
	// entities.
	labelRules = []rule{{`\\`, `\`}, {`\"`, `"`}, {`\n`, "\n"}, {"&amp;", "&"}, {"&#65533;", "\uFFFD"}}
	// Tooltips go through escString twice, so a backslash is four.
	tooltipRules = []rule{{`\\\\`, `\`}, {`\"`, `"`}, {`\n`, "\n"}, {"&amp;", "&"}, {"&#65533;", "\uFFFD"}}
	// ids and URLs have no \n line break; character references pass
	// through to the SVG.
	plainRules = []rule{{`\\`, `\`}, {`\"`, `"`}, {"&#10;", "\n"}, {"&#9;", "\t"}, {"&amp;", "&"}, {"&#65533;", "\uFFFD"}}
)

// unquote reads a quoted DOT value as Graphviz would under rules. It fails
// on a backslash or '&' that no rule explains: such a value would not
// survive Graphviz unchanged.
func unquote(rules []rule, v string) (string, error) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", fmt.Errorf("value %.40q is not quoted", v)
	}
	s := v[1 : len(v)-1]
	var b strings.Builder
next:
	for s != "" {
		for _, r := range rules {
			if strings.HasPrefix(s, r.from) {
				b.WriteString(r.to)
				s = s[len(r.from):]
				continue next
			}
		}
		if s[0] == '\\' || s[0] == '&' || s[0] == '"' {
			return "", fmt.Errorf("unexplained %q before %.20q", s[0], s[1:])
		}
		b.WriteByte(s[0])
		s = s[1:]
	}
	return b.String(), nil
}

// parsedDOT is a DOT file read back by gographviz, split into the view's
// nodes and edges and the legend and invisible edges WriteDOT adds.
type parsedDOT struct {
	g       *gographviz.Graph
	nodes   map[string]*gographviz.Node // by node ID, decoded
	edges   []*gographviz.Edge          // visible ones
	invis   int                         // invisible edges
	legends int                         // legend nodes
}

func parseDOT(t *testing.T, b []byte) *parsedDOT {
	t.Helper()
	g, err := gographviz.Read(b)
	if err != nil {
		t.Fatalf("gographviz cannot read the DOT: %v", err)
	}
	p := &parsedDOT{g: g, nodes: make(map[string]*gographviz.Node)}
	for _, n := range g.Nodes.Nodes {
		if strings.HasPrefix(n.Name, "legend") {
			p.legends++
			continue
		}
		id, err := unquote(plainRules, n.Attrs["id"])
		if err != nil {
			t.Fatalf("node %s: id: %v", n.Name, err)
		}
		if _, dup := p.nodes[id]; dup {
			t.Fatalf("two nodes with id %q", id)
		}
		p.nodes[id] = n
	}
	for _, e := range g.Edges.Edges {
		if e.Attrs["style"] == `"invis"` {
			p.invis++
			continue
		}
		p.edges = append(p.edges, e)
	}
	return p
}

func (p *parsedDOT) attr(t *testing.T, n *gographviz.Node, name string, rules []rule) string {
	t.Helper()
	v, ok := n.Attrs[gographviz.Attr(name)]
	if !ok {
		return ""
	}
	s, err := unquote(rules, v)
	if err != nil {
		t.Errorf("node %s: %s: %v", n.Name, name, err)
	}
	return s
}

func TestWriteDOTHostileRoundTrip(t *testing.T) {
	v := hostileView()
	var buf bytes.Buffer
	if err := WriteDOT(&buf, v, DOTOptions{Clusters: true}); err != nil {
		t.Fatal(err)
	}
	p := parseDOT(t, buf.Bytes())
	if len(p.nodes) != len(v.Nodes) || len(p.edges) != len(v.Edges) {
		t.Fatalf("read back %d nodes and %d edges, want %d and %d", len(p.nodes), len(p.edges), len(v.Nodes), len(v.Edges))
	}
	name, err := unquote(plainRules, p.g.Name)
	if err != nil || name != v.Name {
		t.Errorf("graph name: got %q (%v), want %q", name, err, v.Name)
	}
	if title, err := unquote(labelRules, p.g.Attrs["label"]); err != nil || title != v.Name {
		t.Errorf("graph label: got %q (%v), want %q", title, err, v.Name)
	}
	idOf := make(map[string]string) // node name -> view ID
	for id, n := range p.nodes {
		idOf[n.Name] = id
	}
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			want := sanitized(h.s)
			n, ok := p.nodes[want]
			if !ok {
				t.Fatalf("no node with id %q", want)
			}
			if h.s != "" {
				if got := p.attr(t, n, "xlabel", labelRules); got != want {
					t.Errorf("xlabel: got %q, want %q", got, want)
				}
				if u, ok := n.Attrs["URL"]; ok {
					t.Errorf("URL %s: want none, the view's URL is not http(s)", u)
				}
			}
			if got := p.attr(t, n, "tooltip", tooltipRules); got != want {
				t.Errorf("tooltip: got %q, want %q", got, want)
			}
			found := false
			for _, e := range p.edges {
				tip, err := unquote(tooltipRules, e.Attrs["tooltip"])
				if err == nil && tip == want && idOf[e.Src] == want {
					found = true
				}
			}
			if h.s != "" && !found {
				t.Errorf("no edge from %q with tooltip %q", h.s, want)
			}
		})
	}
	var labels []string
	for _, sg := range p.g.SubGraphs.SubGraphs {
		if !strings.HasPrefix(sg.Name, "cluster_") {
			continue
		}
		l, err := unquote(labelRules, sg.Attrs["label"])
		if err != nil {
			t.Errorf("cluster %s: %v", sg.Name, err)
		}
		labels = append(labels, l)
	}
	// hostileView gives groups 0, 1, 2 the labels of hostile strings.
	if len(labels) != 3+1 { // and the legend
		t.Errorf("got %d clusters, want 4: %q", len(labels), labels)
	}
}

func TestLinkURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://arxiv.org/abs/2106.09685", "https://arxiv.org/abs/2106.09685", true},
		{"HTTP://Example.org/a?b=1&c=2#f", "HTTP://Example.org/a?b=1&c=2#f", true},
		{`https://x.org/a b"<>\{}|^` + "`", `https://x.org/a%20b%22%3C%3E%5C%7B%7D%7C%5E%60`, true},
		{"https://x.org/naïve\n\x01", "https://x.org/na%C3%AFve%0A%01", true},
		{"https://x.org/100%25", "https://x.org/100%25", true},
		{"javascript:alert(1)", "", false},
		{"data:text/html,<script>", "", false},
		{"//x.org/relative", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := linkURL(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q, %v, want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestWriteDOTControlCharacters checks the one documented loss.
func TestWriteDOTControlCharacters(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\x01b", "a\uFFFDb"},
		{"a\x00b", "a\uFFFDb"},
		{"a\x7fb\u0085c", "a\uFFFDb\uFFFDc"},
		{"crlf\r\nlf\ncr\rend", "crlf\nlf\ncr\nend"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"nonchar \uFFFE\uFFFF", "nonchar \uFFFD\uFFFD"},
		{"keep\ttab", "keep\ttab"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := unquote(labelRules, labelQuoting.quote(tt.in))
			if err != nil || got != tt.want {
				t.Errorf("got %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestWriteDOTNumbers(t *testing.T) {
	v := &graph.View{
		Nodes: []graph.Node{
			{ID: "nan", Kind: graph.PaperNode, Size: math.NaN()},
			{ID: "neg", Kind: graph.PaperNode, Size: -3},
			{ID: "big", Kind: graph.EntityNode, Size: 7},
		},
		Edges: []graph.Edge{
			{Source: "nan", Target: "neg", Kind: graph.SharedEdge, Weight: math.NaN()},
			{Source: "neg", Target: "big", Kind: graph.SharedEdge, Weight: -1},
			{Source: "big", Target: "nan", Kind: graph.SharedEdge, Weight: 1e300},
			{Source: "big", Target: "neg", Kind: "unknown-kind", Weight: 0},
		},
	}
	var buf bytes.Buffer
	if err := WriteDOT(&buf, v, DOTOptions{}); err != nil {
		t.Fatal(err)
	}
	p := parseDOT(t, buf.Bytes())
	num := func(v string) float64 {
		f, err := strconv.ParseFloat(strings.Trim(v, `"`), 64)
		if err != nil {
			t.Fatalf("not a number: %s", v)
		}
		return f
	}
	for id, n := range p.nodes {
		if fs := num(n.Attrs["fontsize"]); fs < 10 || fs > 22 {
			t.Errorf("node %s: fontsize %v outside [10, 22]", id, fs)
		}
		if w := num(n.Attrs["width"]); w <= 0 || w > 1 {
			t.Errorf("node %s: width %v outside (0, 1]", id, w)
		}
	}
	for _, e := range p.edges {
		if pw := num(e.Attrs["penwidth"]); pw < 0.5 || pw > 4 {
			t.Errorf("edge %s-%s: penwidth %v outside [0.5, 4]", e.Src, e.Dst, pw)
		}
	}
}

func TestWriteDOTLayout(t *testing.T) {
	err := WriteDOT(io.Discard, smallView(), DOTOptions{Layout: "spring"})
	want := `export: invalid layout "spring", must be one of [circo, dot, fdp, neato, osage, patchwork, sfdp, twopi]`
	if err == nil || err.Error() != want {
		t.Errorf("got error %v, want %s", err, want)
	}
}

func TestWriteDOTTray(t *testing.T) {
	// 300 papers and 40 edges: well over maxComponents components.
	v := synthView(300, 40, 5, 3)
	tests := []struct {
		layout    string
		wantTrays bool
	}{
		{"sfdp", true},
		{"neato", true},
		{"dot", false},
	}
	for _, tt := range tests {
		t.Run(tt.layout, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteDOT(&buf, v, DOTOptions{Layout: tt.layout, NoLegend: true}); err != nil {
				t.Fatal(err)
			}
			p := parseDOT(t, buf.Bytes())
			if len(p.edges) != len(v.Edges) {
				t.Errorf("got %d visible edges, want %d", len(p.edges), len(v.Edges))
			}
			n := countComponents(p.g)
			if tt.wantTrays && n > maxComponents {
				t.Errorf("%d components left for Graphviz to pack, want at most %d", n, maxComponents)
			}
			if !tt.wantTrays && p.invis != 0 {
				t.Errorf("%d invisible edges for layout %s, want none", p.invis, tt.layout)
			}
		})
	}
}

func countComponents(g *gographviz.Graph) int {
	parent := make(map[string]string)
	var find func(string) string
	find = func(x string) string {
		if parent[x] == "" || parent[x] == x {
			return x
		}
		return find(parent[x])
	}
	for _, n := range g.Nodes.Nodes {
		parent[n.Name] = n.Name
	}
	for _, e := range g.Edges.Edges {
		parent[find(e.Src)] = find(e.Dst)
	}
	roots := make(map[string]bool)
	for _, n := range g.Nodes.Nodes {
		roots[find(n.Name)] = true
	}
	return len(roots)
}

// TestWriteDOTGraphviz feeds the DOT to the Graphviz installed on the
// machine, a different version from the one WriteSVG runs.
func TestWriteDOTGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("dot is not on PATH; make test installs graphviz")
	}
	views := map[string]*graph.View{
		"small":     smallView(),
		"hostile":   hostileView(),
		"synthetic": synthView(90, 220, 7, 1),
	}
	for name, v := range views {
		t.Run(name, func(t *testing.T) {
			var in bytes.Buffer
			if err := WriteDOT(&in, v, DOTOptions{Clusters: true}); err != nil {
				t.Fatal(err)
			}
			src := bytes.Clone(in.Bytes())
			cmd := exec.Command(dot, "-Kneato", "-Tsvg")
			cmd.Stdin = &in
			var out, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("dot: %v\n%s", err, stderr.Bytes())
			}
			if stderr.Len() > 0 {
				t.Errorf("dot printed:\n%s", stderr.Bytes())
			}
			checkSVG(t, v, src, out.Bytes())
		})
	}
}

// svgItem is what an SVG from Graphviz shows of one node or edge.
type svgItem struct {
	Name    string   // its <title>: the DOT node name, or "a->b" for edges
	ID      string   // the id attribute of its group
	Tooltip string   // xlink:title of its link
	Href    string   // xlink:href of its link
	Text    []string // its text lines, blank ones left out
}

type svgDoc struct {
	nodes  map[string]svgItem // view nodes by DOT name
	legend []svgItem
	edges  []svgItem
}

// readSVG parses an SVG from Graphviz, failing the test unless it is
// well-formed XML.
func readSVG(t *testing.T, b []byte) *svgDoc {
	t.Helper()
	doc, err := parseSVG(b)
	if err != nil {
		t.Fatalf("SVG is not well-formed XML: %v", err)
	}
	return doc
}

func parseSVG(b []byte) (*svgDoc, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	doc := &svgDoc{nodes: make(map[string]svgItem)}
	var cur *svgItem
	var class, text string
	var path []string // open elements
	curDepth := -1
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			path = append(path, tok.Name.Local)
			attr := func(local string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == local {
						return a.Value
					}
				}
				return ""
			}
			switch tok.Name.Local {
			case "g":
				if c := attr("class"); c == "node" || c == "edge" {
					cur, class, curDepth = &svgItem{ID: attr("id")}, c, len(path)
				}
			case "a":
				if cur != nil {
					cur.Tooltip, cur.Href = attr("title"), attr("href")
				}
			}
			text = ""
		case xml.CharData:
			text += string(tok)
		case xml.EndElement:
			if cur != nil {
				switch tok.Name.Local {
				case "title":
					cur.Name = text
				case "text":
					if strings.TrimSpace(text) != "" {
						cur.Text = append(cur.Text, text)
					}
				}
				if len(path) == curDepth {
					switch {
					case class == "edge":
						doc.edges = append(doc.edges, *cur)
					case strings.HasPrefix(cur.Name, "legend"):
						doc.legend = append(doc.legend, *cur)
					default:
						doc.nodes[cur.Name] = *cur
					}
					cur = nil
				}
			}
			path = path[:len(path)-1]
			text = ""
		}
	}
	return doc, nil
}

func TestParseSVGRejectsBrokenXML(t *testing.T) {
	// The SVG checks are only as good as parseSVG's strictness.
	broken := []string{
		`<svg><text>a < b</text></svg>`,
		`<svg><text>a &nbsp; b</text></svg>`,
		"<svg><text>bell \x01</text></svg>",
		"<svg><text>ref &#1;</text></svg>",
		`<svg><g id="x"></svg>`,
		`<svg><text>]]></text></svg>`,
	}
	for _, b := range broken {
		if _, err := parseSVG([]byte(b)); err == nil {
			t.Errorf("parseSVG accepted %q", b)
		}
	}
}

func TestUnquoteRejectsRawValues(t *testing.T) {
	// The round-trip test is only as good as unquote's strictness.
	for _, v := range []string{`"a\b"`, `"a & b"`, `"a"b"`, `unquoted`, `"\N"`} {
		if got, err := unquote(labelRules, v); err == nil {
			t.Errorf("unquote(%s) = %q, want an error", v, got)
		}
	}
	if diff := cmp.Diff(`a\"b`+"\n&", mustUnquote(t, labelRules, `"a\\\"b\n&amp;"`)); diff != "" {
		t.Errorf("unquote (-want +got):\n%s", diff)
	}
}

func mustUnquote(t *testing.T, rules []rule, v string) string {
	t.Helper()
	s, err := unquote(rules, v)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

package export

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkGolden compares got with testdata/name, or rewrites the file when
// the test runs with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
	}
}

// smallView is a fixed bipartite view with every node and edge kind, given
// out of ID order so that the golden files show the sorting.
func smallView() *graph.View {
	return &graph.View{
		Name:     "bipartite",
		Directed: true,
		Nodes: []graph.Node{
			{ID: "2305.14314", Kind: graph.PaperNode, Label: "QLoRA", Title: "QLoRA: Efficient Finetuning of Quantized LLMs", Year: 2023, URL: "https://arxiv.org/abs/2305.14314", Size: 0.8, Group: 0, GroupLabel: "fine-tuning"},
			{ID: "2106.09685", Kind: graph.PaperNode, Label: "LoRA", Title: "LoRA: Low-Rank Adaptation of Large Language Models", Year: 2021, URL: "https://arxiv.org/abs/2106.09685", Size: 1, Group: 0, GroupLabel: "fine-tuning"},
			{ID: "2009.03300", Kind: graph.PaperNode, Label: "MMLU", Title: "Measuring Massive Multitask Language Understanding", Year: 2020, Size: 0.5, Group: 1, GroupLabel: "evaluation"},
			{ID: "e:lora", Kind: graph.EntityNode, Label: "LoRA", Title: "LoRA", Type: "method", Size: 0.9, Group: -1},
			{ID: "e:mmlu", Kind: graph.EntityNode, Label: "MMLU", Title: "MMLU", Type: "benchmark", Size: 0.4, Group: -1},
			{ID: "e:guanaco", Kind: graph.EntityNode, Label: "Guanaco", Title: "Guanaco", Type: "model", Size: 0, Group: -1},
		},
		Edges: []graph.Edge{
			{Source: "2305.14314", Target: "e:lora", Kind: graph.MentionEdge, Weight: 1.1},
			{Source: "2305.14314", Target: "e:mmlu", Kind: graph.MentionEdge, Weight: 1.1},
			{Source: "2305.14314", Target: "e:guanaco", Kind: graph.MentionEdge, Weight: 0.4},
			{Source: "2106.09685", Target: "e:lora", Kind: graph.MentionEdge, Weight: 1.1},
			{Source: "2009.03300", Target: "e:mmlu", Kind: graph.MentionEdge, Weight: 1.1},
			{Source: "2305.14314", Target: "2106.09685", Kind: graph.UsesEdge, Weight: 1.1, Label: "LoRA"},
			{Source: "2305.14314", Target: "2009.03300", Kind: graph.UsesEdge, Weight: 1.1, Label: "MMLU"},
			{Source: "2305.14314", Target: "2106.09685", Kind: graph.SharedEdge, Weight: 1.1, Label: "LoRA"},
			{Source: "2305.14314", Target: "2106.09685", Kind: graph.CitesEdge, Weight: 1},
		},
	}
}

// hostile lists strings that break naive DOT, XML or JSON writers.
var hostile = []struct {
	name, s string
}{
	{"quote", `"`},
	{"backslash", `\`},
	{"escaped quote", `\"`},
	{"trailing backslash", `ends with \`},
	{"double backslash", `a\\b`},
	{"graphviz escapes", `\N \G \E \T \H \L \l \r \n`},
	{"script", `<script>alert(1)</script>`},
	{"html label", `<b>bold</b>`},
	{"cdata end", `]]>`},
	{"entities", `&amp; &lt; &#38; &#x26; & R&D`},
	{"newlines", "line one\nline two\n\nline four"},
	{"tab", "col\tcol"},
	{"control", "bell\x01\x07x"},
	{"keyword graph", "graph"},
	{"keyword node", "node"},
	{"keyword strict", "strict"},
	{"keyword digraph", "digraph"},
	{"keyword edge", "edge"},
	{"punctuation", `{}[];=,:->--`},
	{"comment", "/* not a comment */ // nor this # nor this"},
	{"emoji", "model 🤗 über naïve 中文"},
	{"empty", ""},
	{"spaces", "  padded  "},
	{"long", strings.Repeat("abcdefghij", 1000)},
}

// sanitized is what DOT and SVG keep of a hostile string: control
// characters other than newline and tab become U+FFFD.
func sanitized(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return '\uFFFD'
		}
		return r
	}, s)
}

// hostileView has one node and one edge per hostile string, the string
// used as ID, label, title, URL and edge label at once.
func hostileView() *graph.View {
	v := &graph.View{Name: `hostile "view" \G <b>`, Directed: true}
	for i, h := range hostile {
		v.Nodes = append(v.Nodes, graph.Node{
			ID: h.s, Kind: graph.PaperNode, Label: h.s, Title: h.s, URL: h.s,
			Size: float64(i) / float64(len(hostile)), Group: i % 3, GroupLabel: h.s,
		})
	}
	for i, h := range hostile {
		next := hostile[(i+1)%len(hostile)].s
		v.Edges = append(v.Edges, graph.Edge{Source: h.s, Target: next, Kind: graph.UsesEdge, Weight: 1, Label: h.s})
	}
	return v
}

var words = strings.Fields(`sparse attention diffusion transformer retrieval
	augmented generation instruction tuning reward model preference
	optimization vision language benchmark multilingual reasoning chain
	thought planning tool use quantized adapters low rank speech
	recognition graph neural contrastive pretraining distillation
	mixture experts long context evaluation safety alignment`)

// synthView makes a deterministic papers view of n papers in k topics
// with about m shared edges, most of them inside a topic, and m/20 uses
// edges, shaped like the views package graph builds.
func synthView(n, m, k int, seed uint64) *graph.View {
	rng := rand.New(rand.NewPCG(seed, seed))
	v := &graph.View{Name: fmt.Sprintf("synthetic: %d papers", n), Directed: false}
	topic := make([][]int, k)
	for i := range n {
		g := rng.IntN(k)
		topic[g] = append(topic[g], i)
		title := make([]string, 4+rng.IntN(6))
		for j := range title {
			title[j] = words[rng.IntN(len(words))]
		}
		label := strings.Join(title[:3], " ")
		v.Nodes = append(v.Nodes, graph.Node{
			ID: fmt.Sprintf("23%02d.%05d", i%12+1, i), Kind: graph.PaperNode,
			Label: label, Title: strings.Join(title, " "), Year: 2018 + rng.IntN(8),
			URL:  fmt.Sprintf("https://arxiv.org/abs/23%02d.%05d", i%12+1, i),
			Size: rng.Float64() * rng.Float64(), Group: g, GroupLabel: fmt.Sprintf("%s %s", words[g%len(words)], words[(3*g+1)%len(words)]),
		})
	}
	for range m {
		a := rng.IntN(n)
		var b int
		if members := topic[v.Nodes[a].Group]; rng.Float64() < 0.85 && len(members) > 1 {
			b = members[rng.IntN(len(members))]
		} else {
			b = rng.IntN(n)
		}
		if a == b {
			continue
		}
		v.Edges = append(v.Edges, graph.Edge{
			Source: v.Nodes[a].ID, Target: v.Nodes[b].ID, Kind: graph.SharedEdge,
			Weight: 0.5 + 6*rng.Float64()*rng.Float64(), Label: words[rng.IntN(len(words))],
		})
	}
	for range m / 20 {
		a, b := rng.IntN(n), rng.IntN(n)
		if a != b {
			v.Edges = append(v.Edges, graph.Edge{Source: v.Nodes[a].ID, Target: v.Nodes[b].ID, Kind: graph.UsesEdge, Weight: 1, Label: words[rng.IntN(len(words))]})
		}
	}
	return v
}

func TestSortViewErrors(t *testing.T) {
	tests := []struct {
		name string
		v    *graph.View
		want error
		msg  string
	}{
		{"nil", nil, ErrNilView, "export: nil view"},
		{
			"duplicate node",
			&graph.View{Nodes: []graph.Node{{ID: "a"}, {ID: "b"}, {ID: "a"}}},
			ErrDuplicateNode, `export: duplicate node id "a"`,
		},
		{
			"unknown target",
			&graph.View{Nodes: []graph.Node{{ID: "a"}}, Edges: []graph.Edge{{Source: "a", Target: "a"}, {Source: "a", Target: "zz"}}},
			ErrUnknownNode, `export: edge 1 ("a" -> "zz"): unknown node id "zz"`,
		},
		{
			"unknown source",
			&graph.View{Nodes: []graph.Node{{ID: "a"}}, Edges: []graph.Edge{{Source: "", Target: "a"}}},
			ErrUnknownNode, `export: edge 0 ("" -> "a"): unknown node id ""`,
		},
	}
	for _, tt := range tests {
		for format, write := range writers {
			t.Run(format+"/"+tt.name, func(t *testing.T) {
				var buf bytes.Buffer
				err := write(&buf, tt.v)
				if !errors.Is(err, tt.want) {
					t.Fatalf("got error %v, want %v", err, tt.want)
				}
				if err.Error() != tt.msg {
					t.Errorf("got message %q, want %q", err.Error(), tt.msg)
				}
				if buf.Len() > 0 {
					t.Errorf("wrote %d bytes before failing", buf.Len())
				}
			})
		}
	}
}

func TestSortViewOrderIndependent(t *testing.T) {
	v := synthView(40, 120, 4, 7)
	var first bytes.Buffer
	if err := WriteDOT(&first, v, DOTOptions{Clusters: true}); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	rng.Shuffle(len(v.Nodes), func(i, j int) { v.Nodes[i], v.Nodes[j] = v.Nodes[j], v.Nodes[i] })
	rng.Shuffle(len(v.Edges), func(i, j int) { v.Edges[i], v.Edges[j] = v.Edges[j], v.Edges[i] })
	var second bytes.Buffer
	if err := WriteDOT(&second, v, DOTOptions{Clusters: true}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first.String(), second.String()); diff != "" {
		t.Errorf("shuffling the view changed the DOT (-first +shuffled):\n%s", diff)
	}
}

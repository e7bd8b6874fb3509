package graph

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func uses(name string, typ extract.Type, aliases ...string) extract.Entity {
	return extract.Entity{Name: name, Type: typ, Role: extract.Uses, Aliases: aliases, Count: 1}
}

func introduces(name string, typ extract.Type) extract.Entity {
	return extract.Entity{Name: name, Type: typ, Role: extract.Introduces, Count: 1}
}

// testDocs are two clusters of four papers, reinforcement learning for
// language models (a1..a4) and vision (b1..b4), linked only through
// "transformer", which half of the papers mention.
func testDocs() []store.Doc {
	const m, d, me = extract.Model, extract.Dataset, extract.Method
	doc := func(id, title string, year int, es ...extract.Entity) store.Doc {
		return store.Doc{Paper: corpus.Paper{ArXivID: id, Title: title, Year: year}, Entities: es}
	}
	docs := []store.Doc{
		doc("a1", "PPO-Max: Stable Policy Optimisation for Language Models", 2023,
			introduces("PPO-Max", me), uses("PPO", me, "proximal policy optimization"), uses("RLHF", me), uses("transformer", me)),
		doc("a2", "Scaling Reward Models", 2024,
			uses("PPO", me), uses("RLHF", me), uses("PPO-Max", me), uses("reward model", me)),
		doc("a3", "Preference Data at Scale", 2024,
			uses("proximal policy optimization", me), uses("RLHF", me), introduces("HelpSteer2", d)),
		doc("a4", "A Study of Reinforcement Learning from Human Feedback with Proximal Policy Optimization", 2024,
			uses("RLHF", me), uses("PPO", me), uses("reward models", me), uses("transformers", me)),
		doc("b1", "ViT-X: Vision Transformers at Scale", 2023,
			introduces("ViT-X", m), uses("ImageNet", d), uses("CLIP", m), uses("transformer", me)),
		doc("b2", "Image Retrieval", 2024,
			uses("ImageNet", d), uses("CLIP", m), uses("ViT-X", m)),
		doc("b3", "Detection in the Wild", 2024,
			uses("ImageNet", d), uses("CLIP", m), uses("COCO", d)),
		doc("b4", "Open-Vocabulary Segmentation", 2025,
			uses("CLIP", m), uses("COCO", d), uses("ImageNet", d), uses("transformer", me)),
	}
	docs[6].Paper.References = []string{"b1", "nowhere"}
	docs[7].Paper.DOI = "10.1/B4"
	return docs
}

func testDB(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(store.DefaultOptions(t.TempDir()).WithLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Put(context.Background(), testDocs(), nil); err != nil {
		t.Fatal(err)
	}
	return db
}

func testGraph(t testing.TB) *Graph {
	t.Helper()
	g, err := Load(context.Background(), testDB(t))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

type related struct {
	PID            string
	Shared         []string
	Uses, UsedBy   []string
	ScoreAboveZero bool
}

func summarise(rs []Relation) []related {
	var out []related
	for _, r := range rs {
		s := related{PID: r.PID, Uses: r.Uses, UsedBy: r.UsedBy, ScoreAboveZero: r.Score > 0}
		for _, sh := range r.Shared {
			s.Shared = append(s.Shared, sh.Entity.Name)
		}
		out = append(out, s)
	}
	return out
}

func TestRelated(t *testing.T) {
	db := testDB(t)
	tests := []struct {
		name  string
		query []string
		opt   RelatedOptions
		want  []related
	}{
		{
			// a2 shares the rare "reward model" (idf ln 4) where a1 shares
			// the common "transformer" (ln 2): a2 ranks first.
			name: "rare entity first", query: []string{"a4"},
			want: []related{
				{PID: "a2", Shared: []string{"reward model", "PPO", "RLHF"}, ScoreAboveZero: true},
				{PID: "a1", Shared: []string{"PPO", "RLHF", "transformer"}, ScoreAboveZero: true},
				{PID: "a3", Shared: []string{"PPO", "RLHF"}, ScoreAboveZero: true},
				{PID: "b1", Shared: []string{"transformer"}, ScoreAboveZero: true},
				{PID: "b4", Shared: []string{"transformer"}, ScoreAboveZero: true},
			},
		},
		{
			name: "limit", query: []string{"a4"}, opt: RelatedOptions{Limit: 2},
			want: []related{
				{PID: "a2", Shared: []string{"reward model", "PPO", "RLHF"}, ScoreAboveZero: true},
				{PID: "a1", Shared: []string{"PPO", "RLHF", "transformer"}, ScoreAboveZero: true},
			},
		},
		{
			name: "max df", query: []string{"a4"}, opt: RelatedOptions{MaxDF: 2},
			want: []related{{PID: "a2", Shared: []string{"reward model"}, ScoreAboveZero: true}},
		},
		{
			name: "query uses what the paper introduces", query: []string{"a2"},
			want: []related{
				{PID: "a1", Shared: []string{"PPO-Max", "PPO", "RLHF"}, UsedBy: []string{"PPO-Max"}, ScoreAboveZero: true},
				{PID: "a4", Shared: []string{"reward model", "PPO", "RLHF"}, ScoreAboveZero: true},
				{PID: "a3", Shared: []string{"PPO", "RLHF"}, ScoreAboveZero: true},
			},
		},
		{
			name: "paper uses what the query introduces", query: []string{"b1"}, opt: RelatedOptions{Limit: 1},
			want: []related{{PID: "b2", Shared: []string{"ViT-X", "CLIP", "ImageNet"}, Uses: []string{"ViT-X"}, ScoreAboveZero: true}},
		},
		{
			// Two query papers: neither is listed, and their entities
			// are pooled.
			name: "two queries", query: []string{"b2", "10.1/B4"}, opt: RelatedOptions{Limit: 3},
			want: []related{
				{PID: "b1", Shared: []string{"ViT-X", "CLIP", "ImageNet", "transformer"}, UsedBy: []string{"ViT-X"}, ScoreAboveZero: true},
				{PID: "b3", Shared: []string{"COCO", "CLIP", "ImageNet"}, ScoreAboveZero: true},
				{PID: "a1", Shared: []string{"transformer"}, ScoreAboveZero: true},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := Related(context.Background(), db, tt.query, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarise(rs)); diff != "" {
				t.Errorf("Related(%q) (-want +got):\n%s", tt.query, diff)
			}
			for i := 1; i < len(rs); i++ {
				if rs[i].Score > rs[i-1].Score {
					t.Errorf("Related(%q): %s scores %g after %s with %g", tt.query, rs[i].PID, rs[i].Score, rs[i-1].PID, rs[i-1].Score)
				}
			}
		})
	}

	if _, err := Related(context.Background(), db, []string{"zz"}, RelatedOptions{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Related(zz) error = %v, want store.ErrNotFound", err)
	}
	rs, err := Related(context.Background(), db, []string{"a4"}, RelatedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Paper.Title != "Scaling Reward Models" {
		t.Errorf("Related(a4)[0].Paper.Title = %q", rs[0].Paper.Title)
	}
	if want := IDF(8, 2) + 2*IDF(8, 4); !near(rs[0].Score, want) {
		t.Errorf("Related(a4)[0].Score = %g, want ln 4 + 2 ln 2 = %g", rs[0].Score, want)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestRelatedToEntity(t *testing.T) {
	db := testDB(t)
	rs, err := RelatedToEntity(context.Background(), db, "ppo max", RelatedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []related{
		{PID: "a1", Shared: []string{"PPO-Max", "PPO", "RLHF"}, ScoreAboveZero: true},
		{PID: "a2", Shared: []string{"PPO-Max", "PPO", "RLHF"}, ScoreAboveZero: true},
	}
	if diff := cmp.Diff(want, summarise(rs)); diff != "" {
		t.Errorf("RelatedToEntity(ppo max) (-want +got):\n%s", diff)
	}
	if len(rs) == 2 && (rs[0].Role != extract.Introduces || rs[1].Role != extract.Uses) {
		t.Errorf("roles %q, %q; want introduces, uses", rs[0].Role, rs[1].Role)
	}

	// No paper introduces PPO: a2, whose other entities the other PPO
	// papers share most, comes first; a3 shares least.
	rs, err = RelatedToEntity(context.Background(), db, "Proximal Policy Optimization", RelatedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var pids []string
	for _, r := range rs {
		pids = append(pids, r.PID)
		if r.Shared[0].Entity.Name != "PPO" {
			t.Errorf("%s: first shared entity %q, want PPO", r.PID, r.Shared[0].Entity.Name)
		}
	}
	if len(pids) != 4 || pids[0] != "a2" || pids[3] != "a3" {
		t.Errorf("RelatedToEntity(PPO) = %v, want a2 first and a3 last of 4", pids)
	}

	if _, err := RelatedToEntity(context.Background(), db, "nothing", RelatedOptions{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RelatedToEntity(nothing) error = %v, want store.ErrNotFound", err)
	}
}

func TestUses(t *testing.T) {
	g := testGraph(t)
	want := []Use{
		{From: "a2", To: "a1", Entities: []string{"PPO-Max"}, Weight: IDF(8, 2)},
		{From: "b2", To: "b1", Entities: []string{"ViT-X"}, Weight: IDF(8, 2)},
	}
	if diff := cmp.Diff(want, g.Uses()); diff != "" {
		t.Errorf("Uses (-want +got):\n%s", diff)
	}
}

// checkView checks what every view promises: nodes sorted by ID and
// unique, edges only between its nodes, sorted, with positive weights,
// sizes in [0, 1] with a largest of 1, and groups numbered 0, 1, ...
func checkView(t *testing.T, v View) {
	t.Helper()
	ids := make(map[string]bool)
	maxSize, maxGroup := 0.0, -1
	for i, n := range v.Nodes {
		if ids[n.ID] {
			t.Errorf("node %q twice", n.ID)
		}
		ids[n.ID] = true
		if i > 0 && v.Nodes[i-1].ID >= n.ID {
			t.Errorf("node %q after %q", n.ID, v.Nodes[i-1].ID)
		}
		if n.Size < 0 || n.Size > 1 {
			t.Errorf("node %q: size %g outside [0, 1]", n.ID, n.Size)
		}
		maxSize = max(maxSize, n.Size)
		maxGroup = max(maxGroup, n.Group)
		if (n.Group >= 0) != (n.GroupLabel != "") {
			t.Errorf("node %q: group %d labelled %q", n.ID, n.Group, n.GroupLabel)
		}
	}
	if len(v.Nodes) > 0 && maxSize <= 0 {
		t.Errorf("largest size %g", maxSize)
	}
	for g := 0; g <= maxGroup; g++ {
		if !slices.ContainsFunc(v.Nodes, func(n Node) bool { return n.Group == g }) {
			t.Errorf("groups go up to %d but %d is empty", maxGroup, g)
		}
	}
	for i, e := range v.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s-%s leaves the view", e.Source, e.Target)
		}
		if e.Weight <= 0 {
			t.Errorf("edge %s-%s: weight %g", e.Source, e.Target, e.Weight)
		}
		if i > 0 {
			p := v.Edges[i-1]
			if p.Source > e.Source || p.Source == e.Source && (p.Target > e.Target || p.Target == e.Target && p.Kind >= e.Kind) {
				t.Errorf("edge %v after %v", e, p)
			}
		}
	}
}

func TestPaperView(t *testing.T) {
	g := testGraph(t)
	v := g.PaperView(ViewOptions{})
	checkView(t, v)
	if len(v.Nodes) != 8 {
		t.Fatalf("%d nodes, want 8", len(v.Nodes))
	}

	// Louvain finds the two clusters.
	group := make(map[string]int)
	for _, n := range v.Nodes {
		group[n.ID] = n.Group
	}
	for _, c := range [][]string{{"a1", "a2", "a3", "a4"}, {"b1", "b2", "b3", "b4"}} {
		for _, id := range c[1:] {
			if group[id] != group[c[0]] || group[id] < 0 {
				t.Errorf("%s in group %d, %s in %d: want one group", id, group[id], c[0], group[c[0]])
			}
		}
	}
	if group["a1"] == group["b1"] {
		t.Errorf("both clusters in group %d", group["a1"])
	}
	labels := make(map[string]string)
	for _, n := range v.Nodes {
		labels[n.ID] = n.GroupLabel
	}
	if !strings.Contains(labels["a1"], "PPO") || strings.Contains(labels["a1"], "ImageNet") {
		t.Errorf("label of the RL group: %q", labels["a1"])
	}
	if !strings.Contains(labels["b1"], "CLIP") || strings.Contains(labels["b1"], "RLHF") {
		t.Errorf("label of the vision group: %q", labels["b1"])
	}

	kinds := make(map[string][]string)
	for _, e := range v.Edges {
		kinds[e.Kind] = append(kinds[e.Kind], e.Source+">"+e.Target)
	}
	if diff := cmp.Diff([]string{"a2>a1", "b2>b1"}, kinds[UsesEdge]); diff != "" {
		t.Errorf("uses edges (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"b3>b1"}, kinds[CitesEdge]); diff != "" {
		t.Errorf("cites edges (-want +got):\n%s", diff)
	}
	if !slices.Contains(kinds[SharedEdge], "a2>a4") || !slices.Contains(kinds[SharedEdge], "a1>b1") {
		t.Errorf("shared edges %v lack a2-a4 or a1-b1", kinds[SharedEdge])
	}

	// b1 introduces what b2 uses and is cited by b3: the largest node.
	for _, n := range v.Nodes {
		if n.ID == "b1" && n.Size != 1 {
			t.Errorf("b1 size %g, want 1", n.Size)
		}
	}

	t.Run("deterministic", func(t *testing.T) {
		again := testGraph(t).PaperView(ViewOptions{})
		if diff := cmp.Diff(v, again); diff != "" {
			t.Errorf("second view differs (-first +second):\n%s", diff)
		}
	})
	t.Run("top", func(t *testing.T) {
		top := g.PaperView(ViewOptions{Top: 3})
		checkView(t, top)
		if len(top.Nodes) != 3 {
			t.Fatalf("%d nodes, want 3", len(top.Nodes))
		}
		// The kept nodes are the largest of the full view.
		var sizes []float64
		for _, n := range v.Nodes {
			sizes = append(sizes, n.Size)
		}
		slices.Sort(sizes)
		third := sizes[len(sizes)-3]
		for _, n := range top.Nodes {
			var full Node
			for _, m := range v.Nodes {
				if m.ID == n.ID {
					full = m
				}
			}
			if full.Size < third {
				t.Errorf("kept %s of size %g, below the third largest %g", n.ID, full.Size, third)
			}
		}
	})
	t.Run("min weight", func(t *testing.T) {
		heavy := g.PaperView(ViewOptions{MinWeight: 1.5})
		checkView(t, heavy)
		for _, e := range heavy.Edges {
			if e.Weight < 1.5 {
				t.Errorf("edge %s-%s of weight %g kept", e.Source, e.Target, e.Weight)
			}
		}
		if len(heavy.Edges) == 0 || len(heavy.Edges) >= len(v.Edges) {
			t.Errorf("MinWeight kept %d of %d edges", len(heavy.Edges), len(v.Edges))
		}
	})
	t.Run("max edges", func(t *testing.T) {
		sparse := g.PaperView(ViewOptions{MaxEdgesPerNode: 1})
		checkView(t, sparse)
		if n := countKind(sparse, SharedEdge); n == 0 || n > 8 {
			t.Errorf("%d shared edges with one per node, want 1 to 8", n)
		}
	})
	t.Run("types", func(t *testing.T) {
		ds := g.PaperView(ViewOptions{Types: []extract.Type{extract.Dataset}})
		checkView(t, ds)
		for _, e := range ds.Edges {
			if e.Kind == SharedEdge && e.Source[0] == 'a' {
				t.Errorf("edge %s-%s (%s) through a method", e.Source, e.Target, e.Label)
			}
		}
	})
}

func countKind(v View, kind string) int {
	n := 0
	for _, e := range v.Edges {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

func TestPaperViewGolden(t *testing.T) {
	v := testGraph(t).PaperView(ViewOptions{})
	got, err := json.MarshalIndent(v, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "papers.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("PaperView differs from %s (-want +got):\n%s", path, diff)
	}
}

func TestTopics(t *testing.T) {
	topics := testGraph(t).Topics(ViewOptions{})
	if len(topics) != 2 {
		t.Fatalf("%d topics, want 2: %+v", len(topics), topics)
	}
	var members [][]string
	for i, tp := range topics {
		if tp.ID != i || tp.Size != 4 || len(tp.Papers) != 4 || tp.Label == "" || len(tp.Entities) == 0 {
			t.Errorf("topic %d: %+v", i, tp)
		}
		ps := slices.Clone(tp.Papers)
		slices.Sort(ps)
		members = append(members, ps)
	}
	slices.SortFunc(members, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	want := [][]string{{"a1", "a2", "a3", "a4"}, {"b1", "b2", "b3", "b4"}}
	if diff := cmp.Diff(want, members); diff != "" {
		t.Errorf("topic members (-want +got):\n%s", diff)
	}
}

func TestEntityView(t *testing.T) {
	g := testGraph(t)
	v := g.EntityView(ViewOptions{})
	checkView(t, v)
	if len(v.Nodes) != 10 {
		t.Errorf("%d entity nodes, want 10", len(v.Nodes))
	}
	weight := make(map[string]float64)
	for _, e := range v.Edges {
		weight[e.Source+" "+e.Target] = e.Weight
	}
	// CLIP and ImageNet are mentioned together by four papers.
	if w := weight["e:clip e:imagenet"]; w != 4 {
		t.Errorf("CLIP-ImageNet weight %g, want 4", w)
	}
	group := make(map[string]int)
	for _, n := range v.Nodes {
		if n.Kind != EntityNode || !strings.HasPrefix(n.ID, "e:") {
			t.Errorf("node %+v is not an entity", n)
		}
		group[n.Label] = n.Group
	}
	if group["PPO"] != group["RLHF"] || group["CLIP"] != group["COCO"] || group["PPO"] == group["CLIP"] {
		t.Errorf("entity groups %v: want PPO with RLHF, CLIP with COCO, apart", group)
	}

	ds := g.EntityView(ViewOptions{Types: []extract.Type{extract.Dataset}})
	checkView(t, ds)
	var names []string
	for _, n := range ds.Nodes {
		names = append(names, n.Label)
	}
	if diff := cmp.Diff([]string{"COCO", "HelpSteer2", "ImageNet"}, names); diff != "" {
		t.Errorf("dataset view nodes (-want +got):\n%s", diff)
	}

	top := g.EntityView(ViewOptions{Top: 4})
	checkView(t, top)
	if len(top.Nodes) != 4 {
		t.Errorf("Top 4 kept %d nodes", len(top.Nodes))
	}
}

func TestBipartiteView(t *testing.T) {
	g := testGraph(t)
	v := g.BipartiteView(ViewOptions{})
	checkView(t, v)
	papers, ents := 0, 0
	kind := make(map[string]string)
	for _, n := range v.Nodes {
		kind[n.ID] = n.Kind
		switch n.Kind {
		case PaperNode:
			papers++
		case EntityNode:
			ents++
		}
	}
	if papers != 8 || ents != 10 {
		t.Errorf("%d papers and %d entities, want 8 and 10", papers, ents)
	}
	if len(v.Edges) != 29 {
		t.Errorf("%d edges, want 29 mentions", len(v.Edges))
	}
	for _, e := range v.Edges {
		if e.Kind != MentionEdge || kind[e.Source] != PaperNode || kind[e.Target] != EntityNode {
			t.Errorf("edge %+v is not a mention from a paper to an entity", e)
		}
	}
	if !slices.Contains(v.Edges, Edge{Source: "a1", Target: "e:ppomax", Kind: MentionEdge, Weight: 1, Label: "introduces"}) {
		t.Errorf("no edge a1 introduces PPO-Max")
	}
	top := g.BipartiteView(ViewOptions{Top: 5})
	checkView(t, top)
	if len(top.Nodes) != 5 {
		t.Errorf("Top 5 kept %d nodes", len(top.Nodes))
	}
}

func TestShortTitle(t *testing.T) {
	tests := []struct{ title, want string }{
		{"LipVoicer: Generating Speech from Silent Videos", "LipVoicer"},
		{"Secrets of RLHF in Large Language Models Part I: PPO", "Secrets of RLHF in Large Language…"},
		{"Scaling Reward Models", "Scaling Reward Models"},
		{"  Spaced   out:  title ", "Spaced out"},
		{"An Extraordinarily Long Title Without Any Colon Whatsoever", "An Extraordinarily Long Title Without…"},
		{"Pneumonoultramicroscopicsilicovolcanoconiosis-and-more", "Pneumonoultramicroscopicsilicovolcanoco…"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := ShortTitle(tt.title); got != tt.want {
				t.Errorf("ShortTitle(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

func TestPaperURL(t *testing.T) {
	tests := []struct {
		p    corpus.Paper
		want string
	}{
		{corpus.Paper{ArXivID: "2501.1", DOI: "10.1/x", URL: "https://x"}, "https://arxiv.org/abs/2501.1"},
		{corpus.Paper{DOI: "10.1/x", URL: "https://x"}, "https://doi.org/10.1/x"},
		{corpus.Paper{URL: "https://x"}, "https://x"},
		{corpus.Paper{}, ""},
	}
	for _, tt := range tests {
		if got := PaperURL(tt.p); got != tt.want {
			t.Errorf("PaperURL(%+v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestIDF(t *testing.T) {
	tests := []struct {
		n, df int
		want  float64
	}{{8, 2, 1.3862943611198906}, {8, 8, 0}, {0, 0, 0}, {5, 0, 0}}
	for _, tt := range tests {
		if got := IDF(tt.n, tt.df); !near(got, tt.want) {
			t.Errorf("IDF(%d, %d) = %g, want %g", tt.n, tt.df, got, tt.want)
		}
	}
}

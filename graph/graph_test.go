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

// testDocs are three planted communities of papers, each with its own
// words and entities: reward models and RLHF (a1..a5), image diffusion
// (b1..b4) and robot navigation (c1..c4); "transformer" is mentioned in
// all three. a5 mentions no entity but reads like the other a papers; u1
// shares no word with any paper.
func testDocs() []store.Doc {
	const m, d, b, me = extract.Model, extract.Dataset, extract.Benchmark, extract.Method
	doc := func(id, title string, year int, abstract string, es ...extract.Entity) store.Doc {
		return store.Doc{Paper: corpus.Paper{ArXivID: id, Title: title, Year: year, Abstract: abstract}, Entities: es}
	}
	docs := []store.Doc{
		doc("a1", "PPO-Max: Stable Policy Optimisation for Reward Models", 2023,
			"We introduce PPO-Max, a stable variant of proximal policy optimization for reinforcement learning "+
				"from human feedback. Reward models trained on human preference data guide the policy; PPO-Max keeps "+
				"the policy close to the reference policy and avoids reward hacking.",
			introduces("PPO-Max", me), uses("PPO", me, "proximal policy optimization"), uses("RLHF", me), uses("transformer", me)),
		doc("a2", "Scaling Reward Models", 2024,
			"We study how reward models scale with preference data for reinforcement learning from human feedback. "+
				"Larger reward models reduce reward hacking and overoptimization when the policy is trained with PPO-Max.",
			uses("PPO", me), uses("RLHF", me), uses("PPO-Max", me), uses("reward model", me)),
		doc("a3", "Preference Data at Scale", 2024,
			"HelpSteer2 is a preference dataset for training reward models. Human annotators rate responses for "+
				"helpfulness; reward models trained on the preference data align the policy with human feedback.",
			uses("proximal policy optimization", me), uses("RLHF", me), introduces("HelpSteer2", d)),
		doc("a4", "A Study of Reinforcement Learning from Human Feedback with Proximal Policy Optimization", 2024,
			"Reinforcement learning from human feedback trains a policy against reward models of human preference. "+
				"We analyse proximal policy optimization, reward hacking and the role of the reference policy.",
			uses("RLHF", me), uses("PPO", me), uses("reward models", me), uses("transformers", me)),
		doc("a5", "Overoptimization of Learned Rewards", 2024,
			"When a policy is optimised against a learned reward, reward hacking grows with the optimisation. "+
				"We measure the overoptimization of reward models trained on human preference comparisons."),
		doc("b1", "ViT-X: Vision Transformers for Image Diffusion", 2024,
			"We introduce ViT-X, a vision transformer backbone for diffusion models of images. ViT-X denoises latent "+
				"image patches and improves image generation on ImageNet; samples match text prompts encoded by CLIP.",
			introduces("ViT-X", m), uses("ImageNet", d), uses("CLIP", m), uses("transformer", me)),
		doc("b2", "Guidance for Image Diffusion", 2024,
			"Classifier-free guidance steers diffusion sampling toward the text prompt. We study guidance scales for "+
				"image generation with ViT-X and CLIP text encoders on ImageNet.",
			uses("ImageNet", d), uses("CLIP", m), uses("ViT-X", m)),
		doc("b3", "Fast Diffusion Sampling", 2025,
			"Diffusion models generate images by iterative denoising; we cut the number of sampling steps for image "+
				"generation while keeping sample quality on ImageNet and COCO.",
			uses("ImageNet", d), uses("CLIP", m), uses("MS COCO", d)),
		doc("b4", "Text-to-Image Generation on COCO", 2025,
			"We train a latent diffusion model for text-to-image generation; the denoising network is conditioned on "+
				"CLIP text embeddings, and we report image quality on COCO and ImageNet.",
			uses("CLIP", m), uses("MS COCO", d), uses("ImageNet", d), uses("transformer", me)),
		doc("c1", "NavGPT: Language Navigation for Robots", 2025,
			"We introduce NavGPT, a robot navigation agent that follows language instructions in indoor environments. "+
				"The robot plans a path over a topological map and reaches the goal in Habitat.",
			introduces("NavGPT", m), uses("Habitat", b), uses("transformer", me)),
		doc("c2", "Topological Maps for Robot Navigation", 2025,
			"Robots navigate indoor environments with topological maps; we build the map from exploration and plan "+
				"paths to language goals, evaluated in Habitat with NavGPT.",
			uses("Habitat", b), uses("NavGPT", m)),
		doc("c3", "Zero-Shot Object Navigation", 2025,
			"A robot searches indoor environments for objects named in language instructions; our agent explores, "+
				"builds a map and navigates to the goal, evaluated in Habitat and on R2R.",
			uses("Habitat", b), uses("R2R", b)),
		doc("c4", "Instruction Following in Real Homes", 2025,
			"We deploy a navigation agent on a real robot in homes; it follows language instructions, explores rooms "+
				"and plans paths over a map, with R2R for pre-training.",
			uses("R2R", b), uses("transformer", me)),
		doc("u1", "Medieval Bookbinding Glues", 2024,
			"Historians catalogue animal glues from bookbinders in monasteries."),
	}
	docs[7].Paper.References = []string{"b1", "nowhere"}
	docs[8].Paper.DOI = "10.1/B4"
	return docs
}

var communities3 = [][]string{{"a1", "a2", "a3", "a4", "a5"}, {"b1", "b2", "b3", "b4"}, {"c1", "c2", "c3", "c4"}}

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
	PID          string
	Shared       []string
	Uses, UsedBy []string
}

func summarise(rs []Relation) []related {
	var out []related
	for _, r := range rs {
		s := related{PID: r.PID, Uses: r.Uses, UsedBy: r.UsedBy}
		for _, sh := range r.Shared {
			s.Shared = append(s.Shared, sh.Entity.Name)
		}
		out = append(out, s)
	}
	return out
}

func pidsOf(rs []Relation) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.PID)
	}
	return out
}

func TestRelated(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	tests := []struct {
		name  string
		query []string
		opt   RelatedOptions
		// first are the results expected first, in order; none may
		// follow them.
		first []related
		none  []string
	}{
		{
			name: "same community first", query: []string{"a4"},
			first: []related{
				{PID: "a1", Shared: []string{"PPO", "RLHF", "transformer"}},
				{PID: "a2", Shared: []string{"reward model", "PPO", "RLHF"}},
			},
			none: []string{"a4", "u1"},
		},
		{
			name: "limit", query: []string{"a4"}, opt: RelatedOptions{Limit: 1},
			first: []related{{PID: "a1", Shared: []string{"PPO", "RLHF", "transformer"}}},
		},
		{
			name: "query uses what the paper introduces", query: []string{"a2"}, opt: RelatedOptions{Limit: 1},
			first: []related{{PID: "a1", Shared: []string{"PPO-Max", "PPO", "RLHF"}, UsedBy: []string{"PPO-Max"}}},
		},
		{
			name: "paper uses what the query introduces", query: []string{"b1"}, opt: RelatedOptions{Limit: 1},
			first: []related{{PID: "b2", Shared: []string{"ViT-X", "CLIP", "ImageNet"}, Uses: []string{"ViT-X"}}},
		},
		{
			// Two query papers: neither is listed, and their words and
			// entities are pooled.
			name: "two queries", query: []string{"c2", "c3"}, opt: RelatedOptions{Limit: 2},
			first: []related{
				{PID: "c1", Shared: []string{"NavGPT", "Habitat"}, UsedBy: []string{"NavGPT"}},
				{PID: "c4", Shared: []string{"R2R"}},
			},
			none: []string{"c2", "c3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := Related(ctx, db, tt.query, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			got := summarise(rs)
			if diff := cmp.Diff(tt.first, got[:min(len(got), len(tt.first))]); diff != "" {
				t.Errorf("Related(%q) first results (-want +got):\n%s", tt.query, diff)
			}
			if tt.opt.Limit > 0 && len(rs) > tt.opt.Limit {
				t.Errorf("Related(%q) returned %d results, limit %d", tt.query, len(rs), tt.opt.Limit)
			}
			for _, r := range rs {
				if slices.Contains(tt.none, r.PID) {
					t.Errorf("Related(%q) lists %s", tt.query, r.PID)
				}
			}
			for i, r := range rs {
				if r.Score <= 0 {
					t.Errorf("%s: score %g", r.PID, r.Score)
				}
				if want := r.TextScore * (1 + DefaultEntityWeight*r.EntityScore); !near(r.Score, want) {
					t.Errorf("%s: score %g, want T(1+βE) = %g", r.PID, r.Score, want)
				}
				if i > 0 && r.Score > rs[i-1].Score {
					t.Errorf("%s scores %g after %s with %g", r.PID, r.Score, rs[i-1].PID, rs[i-1].Score)
				}
			}
		})
	}

	if _, err := Related(ctx, db, []string{"zz"}, RelatedOptions{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Related(zz) error = %v, want store.ErrNotFound", err)
	}
	rs, err := Related(ctx, db, []string{"10.1/B4"}, RelatedOptions{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || !strings.HasPrefix(rs[0].PID, "b") || rs[0].Paper.Title == "" {
		t.Errorf("Related(10.1/B4) = %+v, want an image diffusion paper with its record", rs)
	}
}

// TestRelatedByText checks that a paper that mentions no entity still has
// related papers, explained by the terms they share.
func TestRelatedByText(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	rs, err := Related(ctx, db, []string{"a5"}, RelatedOptions{Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	if got := pidsOf(rs); len(got) != 4 || !allFunc(got, func(p string) bool { return p[0] == 'a' }) {
		t.Fatalf("Related(a5) = %v, want four reward model papers", got)
	}
	for _, r := range rs {
		if len(r.Shared) != 0 || r.EntityScore != 0 {
			t.Errorf("%s: shares %v with a paper without entities", r.PID, r.Shared)
		}
		if !slices.Contains(r.Terms, "overoptimization") && !slices.Contains(r.Terms, "hacking") && !slices.Contains(r.Terms, "reward") {
			t.Errorf("%s: terms %v do not say why", r.PID, r.Terms)
		}
		if len(r.Terms) == 0 || len(r.Terms) > termsShown {
			t.Errorf("%s: %d terms", r.PID, len(r.Terms))
		}
	}

	// a4 finds a5 through its words alone.
	rs, err = Related(ctx, db, []string{"a4"}, RelatedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.Index(pidsOf(rs), "a5")
	if i < 0 {
		t.Fatalf("Related(a4) = %v, lacks a5", pidsOf(rs))
	}
	if len(rs[i].Shared) != 0 || !slices.Contains(rs[i].Terms, "hacking") {
		t.Errorf("a5 related to a4 by %v and %v, want terms only, hacking among them", rs[i].Shared, rs[i].Terms)
	}

	// Without entity weight the score is the text score: a2, which
	// shares entities with a4, loses by it, and a5, which shares none,
	// keeps its score.
	text, err := Related(ctx, db, []string{"a4"}, RelatedOptions{EntityWeight: -1, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	score := func(rs []Relation, pid string) float64 {
		for _, r := range rs {
			if r.PID == pid {
				return r.Score
			}
		}
		return 0
	}
	for _, r := range text {
		if !near(r.Score, r.TextScore) {
			t.Errorf("text alone: %s scores %g, text %g", r.PID, r.Score, r.TextScore)
		}
	}
	if st, se := score(text, "a2"), score(rs, "a2"); st <= 0 || se <= st {
		t.Errorf("a2: %g by text, %g with entities; want entities to raise it", st, se)
	}
	if st, se := score(text, "a5"), score(rs, "a5"); st <= 0 || !near(st, se) {
		t.Errorf("a5: %g by text, %g with entities; want the same", st, se)
	}
	if slices.Contains(pidsOf(text), "u1") {
		t.Errorf("Related(a4) lists u1, which shares no word with it")
	}
}

func allFunc(s []string, f func(string) bool) bool {
	for _, x := range s {
		if !f(x) {
			return false
		}
	}
	return true
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestRelatedToEntity(t *testing.T) {
	db := testDB(t)
	rs, err := RelatedToEntity(context.Background(), db, "ppo max", RelatedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []related{
		{PID: "a1", Shared: []string{"PPO-Max", "PPO", "RLHF"}},
		{PID: "a2", Shared: []string{"PPO-Max", "PPO", "RLHF"}},
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
	for _, r := range rs {
		if r.Shared[0].Entity.Name != "PPO" {
			t.Errorf("%s: first shared entity %q, want PPO", r.PID, r.Shared[0].Entity.Name)
		}
	}
	if got := pidsOf(rs); len(got) != 4 || got[0] != "a2" || got[3] != "a3" {
		t.Errorf("RelatedToEntity(PPO) = %v, want a2 first and a3 last of 4", got)
	}
	if _, err := RelatedToEntity(context.Background(), db, "nothing", RelatedOptions{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RelatedToEntity(nothing) error = %v, want store.ErrNotFound", err)
	}
}

func TestUses(t *testing.T) {
	g := testGraph(t)
	want := []Use{
		{From: "a2", To: "a1", Entities: []string{"PPO-Max"}, Weight: IDF(14, 2)},
		{From: "b2", To: "b1", Entities: []string{"ViT-X"}, Weight: IDF(14, 2)},
		{From: "c2", To: "c1", Entities: []string{"NavGPT"}, Weight: IDF(14, 2)},
	}
	if diff := cmp.Diff(want, g.Uses()); diff != "" {
		t.Errorf("Uses (-want +got):\n%s", diff)
	}
}

// TestUsesNeedsLikeTexts checks that a name shared by unrelated texts
// makes no citation-like link.
func TestUsesNeedsLikeTexts(t *testing.T) {
	db, err := store.Open(store.DefaultOptions(t.TempDir()).WithLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc := func(id, title, abstract string, e extract.Entity) store.Doc {
		return store.Doc{Paper: corpus.Paper{ArXivID: id, Title: title, Abstract: abstract}, Entities: []extract.Entity{e}}
	}
	_, err = db.Put(context.Background(), []store.Doc{
		doc("1", "DB: Difficulty Balancing for Optical Flow", "Difficulty balancing (DB) weighs pixels of optical flow by uncertainty.", introduces("DB", extract.Method)),
		doc("2", "Optical Flow under Occlusion", "We weigh occluded pixels of optical flow with DB and uncertainty.", uses("DB", extract.Method)),
		doc("3", "Query Planning in Relational Databases", "A relational DB plans joins of tables from query statistics.", uses("DB", extract.Method)),
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Load(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range g.Uses() {
		got = append(got, u.From+">"+u.To)
	}
	if diff := cmp.Diff([]string{"2>1"}, got); diff != "" {
		t.Errorf("uses links (-want +got):\n%s", diff)
	}
}

// checkView checks what every view promises: nodes sorted by ID and
// unique, edges only between its nodes, sorted, with positive weights,
// sizes in [0, 1] with a largest of 1, and one label per group.
func checkView(t *testing.T, v View) {
	t.Helper()
	ids := make(map[string]bool)
	maxSize := 0.0
	labels := make(map[int]string)
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
		if n.Group < -1 || (n.Group >= 0) != (n.GroupLabel != "") {
			t.Errorf("node %q: group %d labelled %q", n.ID, n.Group, n.GroupLabel)
		}
		if l, ok := labels[n.Group]; ok && l != n.GroupLabel {
			t.Errorf("group %d labelled %q and %q", n.Group, l, n.GroupLabel)
		}
		labels[n.Group] = n.GroupLabel
		if n.Kind != PaperNode && n.Influence != 0 {
			t.Errorf("node %q of kind %s: influence %d", n.ID, n.Kind, n.Influence)
		}
	}
	if len(v.Nodes) > 0 && maxSize <= 0 {
		t.Errorf("largest size %g", maxSize)
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

func groupsOf(v View) map[string]int {
	group := make(map[string]int)
	for _, n := range v.Nodes {
		group[n.ID] = n.Group
	}
	return group
}

// checkCommunities checks that each of comms is one group of the view, not
// -1, and that they are different groups.
func checkCommunities(t *testing.T, group map[string]int, comms [][]string) {
	t.Helper()
	seen := make(map[int]bool)
	for _, c := range comms {
		g := group[c[0]]
		for _, id := range c {
			if group[id] != g || group[id] < 0 {
				t.Errorf("%s in group %d, %s in %d: want one group", id, group[id], c[0], g)
			}
		}
		if seen[g] {
			t.Errorf("two communities in group %d", g)
		}
		seen[g] = true
	}
}

func TestPaperView(t *testing.T) {
	ctx := context.Background()
	g := testGraph(t)
	v, err := g.PaperView(ctx, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, v)
	if len(v.Nodes) != 14 {
		t.Fatalf("%d nodes, want 14", len(v.Nodes))
	}
	group := groupsOf(v)
	checkCommunities(t, group, communities3)
	if group["u1"] != -1 {
		t.Errorf("u1, which shares no word, in group %d", group["u1"])
	}

	kinds := make(map[string][]string)
	for _, e := range v.Edges {
		kinds[e.Kind] = append(kinds[e.Kind], e.Source+">"+e.Target)
		if e.Source == "u1" || e.Target == "u1" {
			t.Errorf("edge %v to u1", e)
		}
	}
	if diff := cmp.Diff([]string{"a2>a1", "b2>b1", "c2>c1"}, kinds[UsesEdge]); diff != "" {
		t.Errorf("uses edges (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"b3>b1"}, kinds[CitesEdge]); diff != "" {
		t.Errorf("cites edges (-want +got):\n%s", diff)
	}
	// a5 mentions no entity: its links are by text alone.
	for _, e := range v.Edges {
		if (e.Source == "a5" || e.Target == "a5") && e.Kind != SimilarEdge {
			t.Errorf("edge %v of a5 is not a similar edge", e)
		}
		if e.Kind == SimilarEdge && !strings.HasPrefix(e.Label, "terms: ") {
			t.Errorf("similar edge %v not labelled with terms", e)
		}
	}
	if !slices.Contains(kinds[SharedEdge], "a2>a4") || !slices.Contains(kinds[SimilarEdge], "a4>a5") {
		t.Errorf("shared edges %v, similar edges %v: want a2-a4 shared and a4-a5 similar", kinds[SharedEdge], kinds[SimilarEdge])
	}

	// b1 introduces what b2 uses and is cited by b3; a1, c1 introduce
	// what one paper uses.
	for _, n := range v.Nodes {
		want := map[string]int{"a1": 1, "b1": 1, "c1": 1}[n.ID]
		if n.Influence != want {
			t.Errorf("%s: influence %d, want %d", n.ID, n.Influence, want)
		}
	}

	t.Run("deterministic", func(t *testing.T) {
		again, err := testGraph(t).PaperView(ctx, ViewOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(v, again); diff != "" {
			t.Errorf("second view differs (-first +second):\n%s", diff)
		}
	})
	t.Run("top", func(t *testing.T) {
		// By topic, the most central paper of each topic.
		tm, err := g.Topics(ctx, ViewOptions{})
		if err != nil {
			t.Fatal(err)
		}
		top, err := g.PaperView(ctx, ViewOptions{Top: 3})
		if err != nil {
			t.Fatal(err)
		}
		checkView(t, top)
		var got, want []string
		for _, n := range top.Nodes {
			got = append(got, n.ID)
		}
		for _, tp := range tm.Topics {
			want = append(want, tp.Papers[0])
		}
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Top 3 by topic (-want +got):\n%s", diff)
		}
		// In proportion to the topics' sizes: 5, 4 and 4 papers share 6
		// places as 2, 2 and 2 after one each.
		six, err := g.PaperView(ctx, ViewOptions{Top: 6})
		if err != nil {
			t.Fatal(err)
		}
		per := make(map[int]int)
		for _, n := range six.Nodes {
			per[n.Group]++
		}
		if diff := cmp.Diff(map[int]int{0: 2, 1: 2, 2: 2}, per); diff != "" {
			t.Errorf("Top 6 per topic (-want +got):\n%s", diff)
		}

		// By year, the papers of highest PageRank.
		byYear, err := g.PaperView(ctx, ViewOptions{Top: 3, Color: ColorYear})
		if err != nil {
			t.Fatal(err)
		}
		checkView(t, byYear)
		if len(byYear.Nodes) != 3 {
			t.Fatalf("%d nodes, want 3", len(byYear.Nodes))
		}
		var sizes []float64
		full := make(map[string]Node)
		for _, n := range v.Nodes {
			sizes = append(sizes, n.Size)
			full[n.ID] = n
		}
		slices.Sort(sizes)
		third := sizes[len(sizes)-3]
		for _, n := range byYear.Nodes {
			if full[n.ID].Size < third {
				t.Errorf("kept %s of size %g, below the third largest %g", n.ID, full[n.ID].Size, third)
			}
		}
		for _, n := range top.Nodes {
			if n.Group != full[n.ID].Group {
				t.Errorf("%s: group %d with Top, %d without: topics keep their numbers", n.ID, n.Group, full[n.ID].Group)
			}
		}
	})
	t.Run("min weight", func(t *testing.T) {
		heavy, err := g.PaperView(ctx, ViewOptions{MinWeight: 0.3})
		if err != nil {
			t.Fatal(err)
		}
		checkView(t, heavy)
		n := 0
		for _, e := range heavy.Edges {
			if e.Kind == SharedEdge || e.Kind == SimilarEdge {
				n++
				if e.Weight < 0.3 {
					t.Errorf("edge %s-%s of weight %g kept", e.Source, e.Target, e.Weight)
				}
			}
		}
		if all := countKind(v, SharedEdge) + countKind(v, SimilarEdge); n == 0 || n >= all {
			t.Errorf("MinWeight kept %d of %d links", n, all)
		}
	})
	t.Run("max edges", func(t *testing.T) {
		sparse, err := g.PaperView(ctx, ViewOptions{MaxEdgesPerNode: 1})
		if err != nil {
			t.Fatal(err)
		}
		checkView(t, sparse)
		if n := countKind(sparse, SharedEdge) + countKind(sparse, SimilarEdge); n == 0 || n > 13 {
			t.Errorf("%d links with one per node, want 1 to 13", n)
		}
	})
	t.Run("entity weight", func(t *testing.T) {
		text, err := g.PaperView(ctx, ViewOptions{EntityWeight: -1})
		if err != nil {
			t.Fatal(err)
		}
		checkView(t, text)
		w := func(v View, a, b string) float64 {
			for _, e := range v.Edges {
				if e.Source == a && e.Target == b && e.Kind != UsesEdge {
					return e.Weight
				}
			}
			return 0
		}
		// a1 and a2 share entities: they gain from them; a4 and a5
		// share none: their link is the same with and without.
		if wt, we := w(text, "a1", "a2"), w(v, "a1", "a2"); wt <= 0 || we <= wt {
			t.Errorf("a1-a2: %g by text, %g with entities: want entities to raise it", wt, we)
		}
		if wt, we := w(text, "a4", "a5"), w(v, "a4", "a5"); wt <= 0 || wt != we {
			t.Errorf("a4-a5: %g by text, %g with entities: want the same", wt, we)
		}
	})
	t.Run("color year", func(t *testing.T) {
		yv, err := g.PaperView(ctx, ViewOptions{Color: ColorYear})
		if err != nil {
			t.Fatal(err)
		}
		checkView(t, yv)
		for _, n := range yv.Nodes {
			if n.Group != n.Year-2023 || n.GroupLabel != itoa(n.Year) {
				t.Errorf("%s of %d: group %d %q", n.ID, n.Year, n.Group, n.GroupLabel)
			}
		}
	})
}

func itoa(y int) string { b, _ := json.Marshal(y); return string(b) }

func countKind(v View, kind string) int {
	n := 0
	for _, e := range v.Edges {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

func TestYears(t *testing.T) {
	ctx := context.Background()
	g := testGraph(t)
	years := Years{From: 2024, To: 2024}
	v, err := g.PaperView(ctx, ViewOptions{Years: years})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, v)
	var ids []string
	for _, n := range v.Nodes {
		ids = append(ids, n.ID)
	}
	if diff := cmp.Diff([]string{"a2", "a3", "a4", "a5", "b1", "b2", "u1"}, ids); diff != "" {
		t.Errorf("papers of 2024 (-want +got):\n%s", diff)
	}

	// The entity view counts the papers of the years only: ImageNet and
	// CLIP are mentioned together by b1 and b2.
	ev, err := g.EntityView(ctx, ViewOptions{Years: years})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, ev)
	for _, n := range ev.Nodes {
		if n.Label == "NavGPT" || n.Label == "MS COCO" {
			t.Errorf("entity %s of 2025 papers only in the 2024 view", n.Label)
		}
	}
	// N = 7 papers, CLIP and ImageNet each in 2, both in 2: 7·2/(2·2).
	if w := edgeWeight(ev, "e:clip", "e:imagenet"); !near(w, 3.5) {
		t.Errorf("CLIP-ImageNet association strength in 2024 = %g, want 3.5", w)
	}

	tm, err := g.Topics(ctx, ViewOptions{Years: Years{From: 2025}})
	if err != nil {
		t.Fatal(err)
	}
	if tm.Papers != 6 {
		t.Errorf("Topics from 2025 on %d papers, want 6", tm.Papers)
	}

	ego, err := g.EgoView(ctx, "a1", 1, ViewOptions{Years: years})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("EgoView around a 2023 paper in 2024: %v, %d nodes; want store.ErrNotFound", err, len(ego.Nodes))
	}
}

func TestParseYears(t *testing.T) {
	tests := []struct {
		in   string
		want Years
		err  bool
	}{
		{"2024", Years{2024, 2024}, false},
		{"2023-2025", Years{2023, 2025}, false},
		{" 2023 - 2025 ", Years{2023, 2025}, false},
		{"2023-", Years{2023, 0}, false},
		{"-2024", Years{0, 2024}, false},
		{"2025-2023", Years{}, true},
		{"-", Years{}, true},
		{"", Years{}, true},
		{"twenty", Years{}, true},
		{"2024-x", Years{}, true},
	}
	for _, tt := range tests {
		got, err := ParseYears(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseYears(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if err == nil {
			if back, _ := ParseYears(got.String()); back != got {
				t.Errorf("ParseYears(%q.String() = %q) = %v", tt.in, got.String(), back)
			}
		}
	}
	for _, tt := range []struct {
		y    Years
		year int
		want bool
	}{
		{Years{}, 0, true}, {Years{}, 1999, true}, {Years{2024, 2024}, 0, false},
		{Years{2024, 0}, 2030, true}, {Years{0, 2024}, 2025, false}, {Years{2023, 2025}, 2023, true},
	} {
		if got := tt.y.Contains(tt.year); got != tt.want {
			t.Errorf("%v.Contains(%d) = %v", tt.y, tt.year, got)
		}
	}
}

func TestPaperViewGolden(t *testing.T) {
	v, err := testGraph(t).PaperView(context.Background(), ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
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
	ctx := context.Background()
	g := testGraph(t)
	tm, err := g.Topics(ctx, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tm.Topics) != 3 {
		t.Fatalf("%d topics, want 3: %+v", len(tm.Topics), tm.Topics)
	}
	if diff := cmp.Diff([]string{"u1"}, tm.Unlinked); diff != "" {
		t.Errorf("unlinked (-want +got):\n%s", diff)
	}
	if len(tm.Scattered) != 0 {
		t.Errorf("scattered %v", tm.Scattered)
	}
	if tm.Papers != 14 || tm.Links == 0 || tm.Resolution != 1 {
		t.Errorf("papers %d, links %d, resolution %g", tm.Papers, tm.Links, tm.Resolution)
	}
	if tm.Modularity < 0.3 || tm.Modularity > 1 {
		t.Errorf("modularity %g, want 0.3 to 1 for three planted communities", tm.Modularity)
	}
	// Each topic is one planted community, labelled by its own words and
	// entities; "transformer", in all three, labels none.
	own := map[byte][]string{
		'a': {"PPO", "RLHF", "reward", "policy", "preference", "hacking", "reward model", "human", "feedback", "PPO-Max"},
		'b': {"ImageNet", "CLIP", "COCO", "ViT-X", "diffusion", "image", "generation", "denoising", "text"},
		'c': {"Habitat", "R2R", "NavGPT", "navigation", "robot", "map", "indoor", "language", "instruction", "goal"},
	}
	var members [][]string
	for i, tp := range tm.Topics {
		if tp.ID != i || tp.Size != len(tp.Papers) || tp.Label == "" {
			t.Errorf("topic %d: %+v", i, tp)
		}
		c := tp.Papers[0][0]
		for _, name := range strings.Split(tp.Label, ", ") {
			if !slices.Contains(own[c], name) {
				t.Errorf("topic of %c papers labelled %q: %q is not its own", c, tp.Label, name)
			}
		}
		for _, name := range append(slices.Clone(tp.Entities), tp.Terms...) {
			if strings.EqualFold(name, "transformer") {
				t.Errorf("topic %d lists %q, which every topic has", i, name)
			}
		}
		ps := slices.Clone(tp.Papers)
		slices.Sort(ps)
		members = append(members, ps)
	}
	slices.SortFunc(members, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	if diff := cmp.Diff(communities3, members); diff != "" {
		t.Errorf("topic members (-want +got):\n%s", diff)
	}

	// The paper view's groups are the topics.
	v, err := g.PaperView(ctx, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	group := groupsOf(v)
	for _, tp := range tm.Topics {
		for _, pid := range tp.Papers {
			if group[pid] != tp.ID {
				t.Errorf("%s: group %d, topic %d", pid, group[pid], tp.ID)
			}
		}
	}

	t.Run("resolution", func(t *testing.T) {
		// A high resolution breaks the communities up, and the pieces
		// under MinTopicSize are scattered.
		fine, err := g.Topics(ctx, ViewOptions{Resolution: 8, MinTopicSize: 3})
		if err != nil {
			t.Fatal(err)
		}
		n := len(fine.Scattered)
		for _, tp := range fine.Topics {
			n += tp.Size
			if tp.Size < 3 {
				t.Errorf("topic of %d papers under MinTopicSize", tp.Size)
			}
		}
		if n+len(fine.Unlinked) != 14 || len(fine.Topics)+len(fine.Scattered) <= 3 {
			t.Errorf("resolution 8: %d topics, %d scattered, %d unlinked", len(fine.Topics), len(fine.Scattered), len(fine.Unlinked))
		}
	})
	t.Run("deterministic", func(t *testing.T) {
		again, err := testGraph(t).Topics(ctx, ViewOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tm, again); diff != "" {
			t.Errorf("second run differs (-first +second):\n%s", diff)
		}
	})
}

func TestCTFIDF(t *testing.T) {
	names := []string{"LLM", "PPO", "Habitat", "CLIP", "RLHF", "Once"}
	name := func(x int32) string { return names[x] }
	const llm, ppo, habitat, clip, rlhf, once = 0, 1, 2, 3, 4, 5
	members := [][]int32{make([]int32, 10), make([]int32, 10), make([]int32, 10), make([]int32, 10)}
	tests := []struct {
		name  string
		count []map[int32]int
		want  [][]int32
	}{
		{
			// LLM is the most frequent entity of topic 0, but topic 1 has
			// it as often: PPO, rare elsewhere, comes first; Once, in one
			// paper, last.
			name: "distinctive before frequent",
			count: []map[int32]int{
				{llm: 6, ppo: 4, once: 1},
				{llm: 6, clip: 5},
				{habitat: 5},
				{rlhf: 3},
			},
			want: [][]int32{{ppo, llm, once}, {clip, llm}, {habitat}, {rlhf}},
		},
		{
			// LLM recurs in three topics of four: it names none. RLHF is
			// in three too, but only once in two of them, so it stays.
			name: "in most topics",
			count: []map[int32]int{
				{llm: 6, ppo: 4, rlhf: 3},
				{llm: 2, clip: 5, rlhf: 1},
				{llm: 3, habitat: 5},
				{once: 2, rlhf: 1},
			},
			want: [][]int32{{ppo, rlhf}, {clip, rlhf}, {habitat}, {once, rlhf}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ctfidf(tt.count, members, name)); diff != "" {
				t.Errorf("ctfidf (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTopicLabel(t *testing.T) {
	names := []string{"LiDAR", "NuScenes", "lidar", "point", "cloud", "point cloud", "cultural", "culturally", "kg", "kgs"}
	name := func(x int32) string { return names[x] }
	tests := []struct {
		ranked []int32
		want   string
	}{
		// The term lidar is the entity LiDAR, already named.
		{[]int32{0, 2, 1, 3}, "LiDAR, NuScenes, point"},
		// The term comes first: it is shown as the entity.
		{[]int32{2, 0, 3, 4}, "LiDAR, point, cloud"},
		// "point cloud" repeats point and cloud.
		{[]int32{3, 4, 5, 1}, "point, cloud, NuScenes"},
		{[]int32{5, 3, 4, 1}, "point cloud, NuScenes"},
		// A word that starts with another, or adds an s, repeats it.
		{[]int32{6, 7, 8, 9, 3}, "cultural, kg, point"},
	}
	for _, tt := range tests {
		if got := topicLabel(tt.ranked, 2, name); got != tt.want {
			t.Errorf("topicLabel(%v) = %q, want %q", tt.ranked, got, tt.want)
		}
	}
}

func TestTopicView(t *testing.T) {
	ctx := context.Background()
	g := testGraph(t)
	v, err := g.TopicView(ctx, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, v)
	tm, _ := g.Topics(ctx, ViewOptions{})
	if len(v.Nodes) != len(tm.Topics) {
		t.Fatalf("%d topic nodes, want %d", len(v.Nodes), len(tm.Topics))
	}
	for _, n := range v.Nodes {
		tp := tm.Topics[n.Group]
		if n.Kind != TopicNode || n.ID != topicID(tp.ID) || n.Label != tp.Label {
			t.Errorf("node %+v for topic %+v", n, tp)
		}
		if want := round4(float64(tp.Size) / float64(tm.Topics[0].Size)); n.Size != want {
			t.Errorf("%s: size %g, want %g", n.ID, n.Size, want)
		}
	}

	// A topic edge weighs the number of paper links between the topics,
	// as the paper view draws them.
	pv, err := g.PaperView(ctx, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	group := groupsOf(pv)
	want := make(map[string]float64)
	for _, e := range pv.Edges {
		a, b := group[e.Source], group[e.Target]
		if (e.Kind == SharedEdge || e.Kind == SimilarEdge) && a >= 0 && b >= 0 && a != b {
			want[topicID(min(a, b))+" "+topicID(max(a, b))]++
		}
	}
	got := make(map[string]float64)
	for _, e := range v.Edges {
		got[e.Source+" "+e.Target] = e.Weight
		if e.Label != itoa(int(e.Weight))+" links" {
			t.Errorf("edge %v: label %q", e, e.Label)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("topic edge weights (-want +got):\n%s", diff)
	}

	top, err := g.TopicView(ctx, ViewOptions{Top: 1})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, top)
	if len(top.Nodes) != 1 || top.Nodes[0].ID != "t:0" || len(top.Edges) != 0 {
		t.Errorf("Top 1: %+v", top)
	}
}

func TestEgoView(t *testing.T) {
	ctx := context.Background()
	g := testGraph(t)
	ids := func(v View) []string {
		var out []string
		for _, n := range v.Nodes {
			out = append(out, n.ID)
		}
		return out
	}
	one, err := g.EgoView(ctx, "c4", 1, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, one)
	two, err := g.EgoView(ctx, "c4", 2, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, two)
	// One step: c4's entities and linked papers; two: their papers and
	// entities too, such as Habitat through c3, and NavGPT through c1 or
	// c2.
	for _, id := range []string{"c4", "e:r2r", "e:transformer", "c3"} {
		if !slices.Contains(ids(one), id) {
			t.Errorf("depth 1 around c4 lacks %s: %v", id, ids(one))
		}
	}
	for _, id := range []string{"e:habitat", "e:navgpt", "b1"} {
		if slices.Contains(ids(one), id) {
			t.Errorf("depth 1 around c4 has %s, two steps away", id)
		}
		if !slices.Contains(ids(two), id) {
			t.Errorf("depth 2 around c4 lacks %s: %v", id, ids(two))
		}
	}
	for _, id := range ids(one) {
		if !slices.Contains(ids(two), id) {
			t.Errorf("depth 2 lacks %s of depth 1", id)
		}
	}
	if slices.Contains(ids(two), "u1") {
		t.Errorf("u1 near c4")
	}
	kinds := make(map[string]bool)
	for _, e := range one.Edges {
		kinds[e.Kind] = true
		if e.Kind == MentionEdge && (e.Label != "uses" && e.Label != "introduces") {
			t.Errorf("mention edge %v without a role", e)
		}
	}
	if !kinds[MentionEdge] || !(kinds[SharedEdge] || kinds[SimilarEdge]) {
		t.Errorf("edge kinds %v: want mentions and links", kinds)
	}

	// Around an entity: its papers first.
	ent, err := g.EgoView(ctx, "e:navgpt", 1, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"c1", "c2", "e:navgpt"}, ids(ent)); diff != "" {
		t.Errorf("around NavGPT (-want +got):\n%s", diff)
	}
	typed, err := g.EgoView(ctx, "c4", 2, ViewOptions{Color: ColorType, Top: 4})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, typed)
	if len(typed.Nodes) != 4 || !slices.Contains(ids(typed), "c4") {
		t.Errorf("Top 4 around c4: %v", ids(typed))
	}
	for _, n := range typed.Nodes {
		if n.Kind == EntityNode && n.GroupLabel != n.Type || n.Kind == PaperNode && n.Group != -1 {
			t.Errorf("colour by type: %+v", n)
		}
	}
	for _, center := range []string{"zz", "e:zz"} {
		if _, err := g.EgoView(ctx, center, 1, ViewOptions{}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("EgoView(%s) error = %v, want store.ErrNotFound", center, err)
		}
	}
}

func edgeWeight(v View, a, b string) float64 {
	for _, e := range v.Edges {
		if e.Source == a && e.Target == b {
			return e.Weight
		}
	}
	return 0
}

func TestEntityView(t *testing.T) {
	ctx := context.Background()
	g := testGraph(t)
	v, err := g.EntityView(ctx, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, v)
	if len(v.Nodes) != 13 {
		t.Errorf("%d entity nodes, want 13", len(v.Nodes))
	}
	// Association strength a = N c / (s_i s_j): 14 papers; CLIP and
	// ImageNet are each in 4 and together in 4, Habitat and R2R each in
	// 3 and 2 and together in 1.
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"e:clip", "e:imagenet", 14.0 * 4 / (4 * 4)},
		{"e:habitat", "e:r2r", 14.0 * 1 / (3 * 2)},
		{"e:ppo", "e:rlhf", 14.0 * 4 / (4 * 4)},
	} {
		if w := edgeWeight(v, tt.a, tt.b); !near(w, round4(tt.want)) {
			t.Errorf("%s-%s weight %g, want %g", tt.a, tt.b, w, round4(tt.want))
		}
	}
	group := make(map[string]int)
	for _, n := range v.Nodes {
		if n.Kind != EntityNode || !strings.HasPrefix(n.ID, "e:") {
			t.Errorf("node %+v is not an entity", n)
		}
		group[n.Label] = n.Group
	}
	if group["PPO"] != group["RLHF"] || group["CLIP"] != group["MS COCO"] || group["PPO"] == group["CLIP"] {
		t.Errorf("entity groups %v: want PPO with RLHF, CLIP with COCO, apart", group)
	}

	ds, err := g.EntityView(ctx, ViewOptions{Types: []extract.Type{extract.Dataset}, Color: ColorType})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, ds)
	var names []string
	for _, n := range ds.Nodes {
		names = append(names, n.Label)
		if n.Group != 1 || n.GroupLabel != "dataset" {
			t.Errorf("%s: group %d %q, want 1 dataset", n.Label, n.Group, n.GroupLabel)
		}
	}
	if diff := cmp.Diff([]string{"HelpSteer2", "ImageNet", "MS COCO"}, names); diff != "" {
		t.Errorf("dataset view nodes (-want +got):\n%s", diff)
	}
	strong, err := g.EntityView(ctx, ViewOptions{MinWeight: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range strong.Edges {
		if e.Weight < 3 {
			t.Errorf("edge %v under MinWeight 3", e)
		}
	}
	// The entities kept are linked among themselves: PPO and RLHF, in
	// four papers each and four together, are among the four of highest
	// rank, with transformer, in five.
	top, err := g.EntityView(ctx, ViewOptions{Top: 4})
	if err != nil {
		t.Fatal(err)
	}
	checkView(t, top)
	if len(top.Nodes) != 4 || !near(edgeWeight(top, "e:ppo", "e:rlhf"), 3.5) || edgeWeight(top, "e:ppo", "e:transformer") == 0 {
		t.Errorf("Top 4 kept %d nodes and %d edges: %+v", len(top.Nodes), len(top.Edges), top)
	}
}

func TestBipartiteView(t *testing.T) {
	ctx := context.Background()
	g := testGraph(t)
	v, err := g.BipartiteView(ctx, ViewOptions{})
	if err != nil {
		t.Fatal(err)
	}
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
	// All papers are there, u1 and a5 without edges.
	if papers != 14 || ents != 13 {
		t.Errorf("%d papers and %d entities, want 14 and 13", papers, ents)
	}
	if len(v.Edges) != 38 {
		t.Errorf("%d edges, want 38 mentions", len(v.Edges))
	}
	for _, e := range v.Edges {
		if e.Kind != MentionEdge || kind[e.Source] != PaperNode || kind[e.Target] != EntityNode {
			t.Errorf("edge %+v is not a mention from a paper to an entity", e)
		}
	}
	if !slices.Contains(v.Edges, Edge{Source: "a1", Target: "e:ppomax", Kind: MentionEdge, Weight: 1, Label: "introduces"}) {
		t.Errorf("no edge a1 introduces PPO-Max")
	}
	top, err := g.BipartiteView(ctx, ViewOptions{Top: 5, Color: ColorYear})
	if err != nil {
		t.Fatal(err)
	}
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

func TestBM25(t *testing.T) {
	if got, want := bm25IDF(100, 10), 2.2637452596777816; !near(got, want) {
		t.Errorf("bm25IDF(100, 10) = %g, want ln(1 + 90.5/10.5) = %g", got, want)
	}
	if bm25IDF(10, 10) <= 0 {
		t.Errorf("bm25IDF of a term in every paper is %g, want > 0", bm25IDF(10, 10))
	}
	// A text of average length: tf (k1+1) / (tf + k1).
	if got, want := saturate(2, 100, 100), 2*2.2/3.2; !near(got, want) {
		t.Errorf("saturate(2, 100, 100) = %g, want %g", got, want)
	}
	if saturate(2, 200, 100) >= saturate(2, 100, 100) || saturate(3, 100, 100) <= saturate(2, 100, 100) {
		t.Errorf("saturate does not fall with length and rise with count")
	}
	if saturate(0, 10, 100) != 0 {
		t.Errorf("saturate of an absent term %g", saturate(0, 10, 100))
	}
}

func TestStrongest(t *testing.T) {
	// A star of three around 0, and 1-2: with one edge a node, 0 keeps
	// 0-3, 1 and 2 keep 1-2, 3 keeps 0-3.
	weight := map[[2]int]float64{{0, 1}: 2, {0, 2}: 2, {0, 3}: 5, {1, 2}: 3}
	want := map[[2]int]bool{{0, 3}: true, {1, 2}: true}
	if diff := cmp.Diff(want, strongest(weight, 1)); diff != "" {
		t.Errorf("strongest(1) (-want +got):\n%s", diff)
	}
	want = map[[2]int]bool{{0, 1}: true, {0, 2}: true, {0, 3}: true, {1, 2}: true}
	if diff := cmp.Diff(want, strongest(weight, 0)); diff != "" {
		t.Errorf("strongest(0) (-want +got):\n%s", diff)
	}
	// Ties go to the smaller end: of 0-1 and 0-2, 0 keeps 0-1 and 2
	// keeps its only edge, 0-2; 0-3 and 0-4 are nobody's choice.
	weight = map[[2]int]float64{{0, 1}: 1, {0, 2}: 1, {0, 3}: 0.5, {3, 4}: 2, {0, 4}: 0.5}
	want = map[[2]int]bool{{0, 1}: true, {0, 2}: true, {3, 4}: true}
	if diff := cmp.Diff(want, strongest(weight, 1)); diff != "" {
		t.Errorf("strongest(1) with ties (-want +got):\n%s", diff)
	}
}

func TestPushTop(t *testing.T) {
	var top []scored
	for i, s := range []float64{0.2, 0.9, 0.5, 0.9, 0.1, 0.7} {
		top = pushTop(top, 3, scored{int32(i), s})
	}
	want := []scored{{1, 0.9}, {3, 0.9}, {5, 0.7}}
	if diff := cmp.Diff(want, top, cmp.AllowUnexported(scored{})); diff != "" {
		t.Errorf("pushTop (-want +got):\n%s", diff)
	}
	all := pushTop(pushTop(nil, 0, scored{0, 1}), 0, scored{1, 2})
	if len(all) != 2 {
		t.Errorf("pushTop without a limit kept %d", len(all))
	}
}

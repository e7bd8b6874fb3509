package extract

import (
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/paperkg/paperkg/extract/lexicon"
)

// fixture is the small lexicon of testdata/lexicon, so that these tests do
// not move when the embedded lists grow.
var fixture = sync.OnceValue(func() *lexicon.Lexicon {
	l, err := lexicon.Load(os.DirFS("testdata/lexicon"))
	if err != nil {
		panic(err)
	}
	return l
})

func extractFixture(title, abstract string) []Entity {
	return ExtractWith(title, abstract, Options{Lexicon: fixture()})
}

// ent builds an expected entity; Count and Offset are checked apart.
func ent(name string, typ Type, role Role, aliases ...string) Entity {
	if aliases == nil {
		aliases = []string{}
	}
	return Entity{Name: name, Type: typ, Role: role, Aliases: aliases}
}

var ignoreSpan = cmpopts.IgnoreFields(Entity{}, "Count", "Offset")

// byName orders entities by name so that the tables need not know offsets.
var byName = cmpopts.SortSlices(func(a, b Entity) bool { return a.Name < b.Name })

func TestExtract(t *testing.T) {
	tests := []struct {
		name     string
		title    string
		abstract string
		want     []Entity
	}{
		{
			name:     "title name, dataset, lexicon",
			title:    "LipVoicer: Generating Speech from Silent Videos",
			abstract: "We present LipVoicer, a novel model that conditions a diffusion model on lip videos. LipVoicer outperforms baselines on the LRS3 dataset.",
			want: []Entity{
				ent("LipVoicer", Model, Introduces),
				ent("diffusion model", Method, Uses),
				ent("LRS3", Dataset, Uses),
			},
		},
		{
			name:     "defined abbreviations",
			title:    "Fusion for driving scenes",
			abstract: "We introduce the Semantic Fusion Attention (SFA) mechanism. SFA is trained with Proximal Policy Optimization (PPO) and Reinforcement Learning (RL).",
			want: []Entity{
				ent("SFA", Method, Introduces, "Semantic Fusion Attention"),
				ent("PPO", Method, Uses, "proximal policy optimization"),
				ent("RL", Method, Uses, "reinforcement learning"),
			},
		},
		{
			// A known name that qualifies the paper's own is not
			// introduced; a version may be joined to its name.
			name:     "known names qualify, versions join",
			title:    "Defect detection",
			abstract: "We propose a Vision Transformer (ViT)-based framework that tracks parts with SAM2.",
			want: []Entity{
				ent("ViT", Model, Uses, "Vision Transformer"),
				ent("SAM2", Model, Uses),
			},
		},
		{
			name:     "metrics and tasks are not entities",
			title:    "Reading text in images",
			abstract: "We report the Fréchet Inception Distance (FID) and improve optical character recognition (OCR) and multi-object tracking (MOT) accuracy with PyTorch.",
			want:     nil,
		},
		{
			name:     "case matters for short names",
			title:    "Aligning clips",
			abstract: "We cut each video into clips and embed them with CLIP.",
			want:     []Entity{ent("CLIP", Model, Uses)},
		},
		{
			name:     "plural and case are one entity",
			title:    "Large Language Models as judges",
			abstract: "Large Language Models (LLMs) judge well. We ask three LLMs and one LLM.",
			want:     []Entity{ent("LLM", Method, Uses, "large language model")},
		},
		{
			name:     "versions are different entities",
			title:    "Comparing assistants",
			abstract: "We compare GPT-4, GPT-4o and GPT-3.5 with the original GPT.",
			want: []Entity{
				ent("GPT-4", Model, Uses),
				ent("GPT-4o", Model, Uses),
				ent("GPT-3.5", Model, Uses),
				ent("GPT", Model, Uses),
			},
		},
		{
			name:     "generic term from a title stays lower case",
			title:    "Diffusion Models and Transformers for Forecasting",
			abstract: "We study how such models forecast.",
			want: []Entity{
				ent("diffusion model", Method, Uses),
				ent("transformer", Method, Uses),
			},
		},
		{
			name:     "introduction patterns",
			title:    "Evaluating reasoning",
			abstract: "We introduce MathArena, a benchmark for olympiad problems, and release a new corpus called ProofPile-X. We also propose a training recipe, dubbed StepTune.",
			want: []Entity{
				ent("MathArena", Benchmark, Introduces),
				ent("ProofPile-X", Dataset, Introduces),
				ent("StepTune", Method, Introduces),
			},
		},
		{
			name:     "suffixes",
			title:    "Scaling up",
			abstract: "Results of FooNet and Bar-7B on Baz-Bench, after pre-training on Qux-10M.",
			want: []Entity{
				ent("FooNet", Model, Uses),
				ent("Bar-7B", Model, Uses),
				ent("Baz-Bench", Benchmark, Uses),
				ent("Qux-10M", Dataset, Uses),
			},
		},
		{
			name:     "lists share their noun",
			title:    "Evaluation",
			abstract: "Experiments on MMLU, ArcEasy and BoolQA benchmarks and on the AudioSet and VGGSound datasets.",
			want: []Entity{
				ent("MMLU", Benchmark, Uses),
				ent("ArcEasy", Benchmark, Uses),
				ent("BoolQA", Benchmark, Uses),
				ent("AudioSet", Dataset, Uses),
				ent("VGGSound", Dataset, Uses),
			},
		},
		{
			name:     "compounds and URLs",
			title:    "Agents",
			abstract: "LLM-based agents and CLIP-guided search; code at https://github.com/FooNet/BarNet.",
			want: []Entity{
				ent("LLM", Method, Uses),
				ent("CLIP", Model, Uses),
			},
		},
		{
			name:     "capitalised phrase before a type noun",
			title:    "Pose descriptions",
			abstract: "The model is trained on the MPII Human Pose dataset and evaluated on the DeepMind Control Suite.",
			want: []Entity{
				ent("MPII Human Pose", Dataset, Uses),
				ent("DeepMind Control Suite", Benchmark, Uses),
			},
		},
		{
			name:     "sentence starts and title case make no names",
			title:    "Towards Better Reasoning: A Study",
			abstract: "Reasoning Matters. Recent Advances show that Models improve.",
			want:     nil,
		},
		{
			name:     "benchmark anywhere wins over dataset",
			title:    "STEER-ME: Assessing Economic Reasoning",
			abstract: "We build the STEER-ME dataset. STEER-ME is a benchmark of 58 elements.",
			want:     []Entity{ent("STEER-ME", Benchmark, Introduces)},
		},
		{
			name:     "used names are not introduced",
			title:    "A new method",
			abstract: "We propose a method based on Mamba that improves ImageNet accuracy.",
			want: []Entity{
				ent("Mamba", Model, Uses),
				ent("ImageNet", Dataset, Uses),
			},
		},
		{
			name:     "reverse definition",
			title:    "Instructional videos",
			abstract: "We present the GUIDE (Guideline-Guided) dataset of 3.5K videos.",
			want:     []Entity{ent("GUIDE", Dataset, Introduces, "Guideline-Guided")},
		},
		{
			name:     "versions of a known family",
			title:    "Long contexts",
			abstract: "We compare Mamba 2, Mamba, LLaMA 3.1 405B and LLaMA 2 on MMLU 2024 and MMLU.",
			want: []Entity{
				ent("Mamba 2", Model, Uses),
				ent("Mamba", Model, Uses),
				ent("LLaMA 3.1 405B", Model, Uses),
				ent("LLaMA 2", Model, Uses),
				ent("MMLU 2024", Benchmark, Uses),
				ent("MMLU", Benchmark, Uses),
			},
		},
		{
			name:     "capitalised components",
			title:    "Point clouds",
			abstract: "An imitator consists of a Deformation Controller and a Mask Controller, scored by the Chamfer Distance.",
			want: []Entity{
				ent("Deformation Controller", Method, Uses),
				ent("Mask Controller", Method, Uses),
			},
		},
		{
			name:     "prefixes, metrics with numbers, quantities",
			title:    "Translation",
			abstract: "A non-LLM baseline reaches 30 BLEU-1 on 14 datasets of 3D scans at 512x512 in low-NFE regimes.",
			want:     []Entity{ent("LLM", Method, Uses)},
		},
		{
			name:     "empty",
			title:    "",
			abstract: "",
			want:     nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractFixture(tt.title, tt.abstract)
			if diff := cmp.Diff(tt.want, got, ignoreSpan, byName, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Extract(%q, %q) (-want +got):\n%s", tt.title, tt.abstract, diff)
			}
		})
	}
}

// TestExtractSpans checks Offset, Count and the order of the result.
func TestExtractSpans(t *testing.T) {
	title := "CACE-Net: Co-guidance for Event Localization"
	abstract := "We introduce CACE-Net. Reinforcement learning (RL) helps; RL and CACE-Net run on GPT-4 and GPT-4."
	text := Text(title, abstract)
	got := extractFixture(title, abstract)
	type span struct {
		Name          string
		Offset, Count int
	}
	var spans []span
	for _, e := range got {
		spans = append(spans, span{e.Name, e.Offset, e.Count})
	}
	want := []span{
		{"CACE-Net", 0, 3},
		{"RL", strings.Index(text, "Reinforcement"), 3},
		{"GPT-4", strings.Index(text, "GPT-4"), 2},
	}
	if diff := cmp.Diff(want, spans); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

// TestExtractNonASCII checks that offsets count bytes, not runes.
func TestExtractNonASCII(t *testing.T) {
	title := "Édition d'images: naïve approaches"
	abstract := "Après «FooNet», nous évaluons GPT-4 sur ImageNet."
	text := Text(title, abstract)
	for _, e := range extractFixture(title, abstract) {
		if !strings.HasPrefix(text[e.Offset:], e.Name) {
			t.Errorf("%s: text at offset %d is %q", e.Name, e.Offset, text[e.Offset:min(len(text), e.Offset+len(e.Name))])
		}
	}
}

func TestExtractDeterministic(t *testing.T) {
	title := "DualDiff+: Dual-Branch Diffusion with Reward Guidance"
	abstract := "We present DualDiff, a dual-branch diffusion model. We introduce Occupancy Ray-shape Sampling (ORS) and the Semantic Fusion Attention (SFA) mechanism, and evaluate on nuScenes with LLMs and GPT-4."
	first := extractFixture(title, abstract)
	for i := 0; i < 20; i++ {
		if diff := cmp.Diff(first, extractFixture(title, abstract)); diff != "" {
			t.Fatalf("run %d differs (-first +this):\n%s", i, diff)
		}
	}
	for i := 1; i < len(first); i++ {
		a, b := first[i-1], first[i]
		if a.Offset > b.Offset || a.Offset == b.Offset && a.Name > b.Name {
			t.Errorf("not sorted: %q@%d before %q@%d", a.Name, a.Offset, b.Name, b.Offset)
		}
	}
}

// TestNormalizeAgrees checks that the lexicon folds names as Normalize does,
// so that Lookup(Normalize(form)) finds every form.
func TestNormalizeAgrees(t *testing.T) {
	forms := []string{"LLMs", "GPT-4", "Straße", "ﬁne-tuned Llama", "Qwen2.5-Math", "LRS", "MoEs", "Ünïcode Net"}
	var b strings.Builder
	for _, f := range forms {
		b.WriteString(f + "\tmodel\n")
	}
	l, err := lexicon.Load(fstest.MapFS{"m.tsv": {Data: []byte(b.String())}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range forms {
		e, ok := l.Lookup(Normalize(f))
		if !ok || e.Name != f {
			t.Errorf("Lookup(Normalize(%q)) = %q, %v; want %q, true", f, e.Name, ok, f)
		}
	}
	for _, lex := range []*lexicon.Lexicon{fixture(), lexicon.Default()} {
		for i := 0; i < lex.Len(); i++ {
			e := lex.Entry(i)
			for _, f := range append([]string{e.Name}, e.Aliases...) {
				if _, ok := lex.Lookup(Normalize(f)); !ok {
					t.Errorf("Lookup(Normalize(%q)) found nothing", f)
				}
			}
		}
	}
}

func TestNameLike(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"GPT-4", true}, {"LRS3", true}, {"Git-10M", true}, {"nuScenes", true},
		{"Qwen2.5-Math", true}, {"o1", true}, {"CLIP", true}, {"LipVoicer", true},
		{"Mobile-Agent-E", true}, {"CACE-Net", true}, {"A^2Nav", true},
		{"3D", false}, {"7B", false}, {"10x", false}, {"2nd", false}, {"836m^2", false},
		{"Self-Guidance", false}, {"Text-to-Image", false}, {"Transformer", false},
		{"F1", false}, {"L2", false}, {"text2image", false}, {"chen2021values", false},
		{"K-12", false}, {"Top-1", false}, {"model", false}, {"II", true},
	}
	for _, tt := range tests {
		if got := nameLike(tt.word); got != tt.want {
			t.Errorf("nameLike(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	title := "DualDiff+: A^2Nav"
	text := Text(title, "Use ViT-B/16, Qwen2.5-Math and ReST-MCTS* (e.g. GPT-4). See https://x.org/a-b. Done.")
	var words, starts []string
	for _, tok := range tokenize(nil, text, len(title)) {
		if tok.word {
			words = append(words, text[tok.start:tok.end])
			if tok.sent {
				starts = append(starts, text[tok.start:tok.end])
			}
		}
	}
	wantWords := []string{"DualDiff+", "A^2Nav", "Use", "ViT-B/16", "Qwen2.5-Math", "and", "ReST-MCTS*", "e", "g", "GPT-4", "See", "Done"}
	if diff := cmp.Diff(wantWords, words); diff != "" {
		t.Errorf("words (-want +got):\n%s", diff)
	}
	wantStarts := []string{"DualDiff+", "Use", "See", "Done"}
	if diff := cmp.Diff(wantStarts, starts); diff != "" {
		t.Errorf("sentence starts (-want +got):\n%s", diff)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("LipVoicer: Generating Speech", "We present LipVoicer, a novel method. It beats GPT-4 on LRS3 (Lip Reading Sentences 3).")
	f.Add("A (B) C", "Fréchet Inception Distance (FID) (( )) ((X)) -- ReST-MCTS*: o1-mini")
	f.Add("", "x")
	f.Add("Foo-Bench:", "\xff\xfe (ABC) https://")
	f.Add("\\emph{W}hite-Op: $K$-MSHC", "We introduce \\textbf{Sparsify}, a framework; baselines (GNOT, Transolver, and ONO); datasets (e.g., Kvasir, CVC-300) \\emph{x")
	f.Add("Dolphin-v2: Parsing", "improves upon the original Dolphin. MINDGAMES and Mindgames. Remote Sensing Retrieval-Augmented Generation (RS-RAG) module")
	lex := fixture()
	f.Fuzz(func(t *testing.T, title, abstract string) {
		opt := Options{Lexicon: lex}
		got := ExtractWith(title, abstract, opt)
		text := Text(title, abstract)
		for i, e := range got {
			if e.Name == "" {
				t.Fatalf("entity %d has no name: %+v", i, e)
			}
			if e.Offset < 0 || e.Offset >= len(text) {
				t.Fatalf("entity %q: offset %d outside text of %d bytes", e.Name, e.Offset, len(text))
			}
			if e.Count < 1 {
				t.Fatalf("entity %q: count %d", e.Name, e.Count)
			}
			if e.Aliases == nil {
				t.Fatalf("entity %q: nil aliases", e.Name)
			}
			for _, a := range e.Aliases {
				if a == e.Name || a == "" {
					t.Fatalf("entity %q: alias %q", e.Name, a)
				}
			}
			switch e.Type {
			case Model, Dataset, Benchmark, Method:
			default:
				t.Fatalf("entity %q: type %q", e.Name, e.Type)
			}
			if e.Role != Introduces && e.Role != Uses {
				t.Fatalf("entity %q: role %q", e.Name, e.Role)
			}
			if i > 0 {
				p := got[i-1]
				if p.Offset > e.Offset || p.Offset == e.Offset && p.Name > e.Name {
					t.Fatalf("not sorted: %q@%d before %q@%d", p.Name, p.Offset, e.Name, e.Offset)
				}
			}
		}
		if diff := cmp.Diff(got, ExtractWith(title, abstract, opt)); diff != "" {
			t.Fatalf("second run differs:\n%s", diff)
		}
	})
}

func TestNormKey(t *testing.T) {
	for _, s := range []string{"", "s", "LLMs", "LRS", "abcs", "GPT-4", "diffusion models", "Straße", "ﬁne", "X_y z", "ABS", "a b s", "MoEs", "é"} {
		if got, want := normKey(s), Normalize(s); got != want {
			t.Errorf("normKey(%q) = %q, Normalize gives %q", s, got, want)
		}
	}
}

func FuzzNormKey(f *testing.F) {
	f.Add("LLMs")
	f.Add("Straße ﬁne")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normKey(s), Normalize(s); got != want {
			t.Fatalf("normKey(%q) = %q, Normalize gives %q", s, got, want)
		}
	})
}

// TestExtractLongInput checks that long inputs neither slow Extract down
// beyond linear-looking time nor break the counts: one thing mentioned
// thousands of times is one entity.
func TestExtractLongInput(t *testing.T) {
	const n = 2000
	tests := []struct {
		name, abstract string
		want           string
		count          int
	}{
		{"definitions", strings.Repeat("A Multi-modal Trusted Fusion (MTF) module. ", n), "MTF", 2 * n},
		{"names", strings.Repeat("FooNet beats CLIP. ", n), "FooNet", n},
		{"capitalised words", strings.Repeat("a Deformation Controller moves. ", n), "Deformation Controller", n},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractFixture("Long", tt.abstract)
			var found *Entity
			for i := range got {
				if got[i].Name == tt.want {
					found = &got[i]
				}
			}
			if found == nil {
				t.Fatalf("no entity %q in %d entities", tt.want, len(got))
			}
			if found.Count != tt.count {
				t.Errorf("%s: count %d, want %d", tt.want, found.Count, tt.count)
			}
		})
	}
}

// TestExtractConcurrent checks that concurrent calls, which share the
// lexicon and a pool of working memory, give the results of sequential ones.
func TestExtractConcurrent(t *testing.T) {
	inputs := [][2]string{
		{"LipVoicer: Generating Speech", "We present LipVoicer, a novel model. It beats GPT-4 on the LRS3 dataset."},
		{"Diffusion Models and Transformers", "Reinforcement Learning (RL) with LLMs and CLIP."},
		{"A much longer title about ImageNet", strings.Repeat("FooNet and the MPII Human Pose dataset. ", 50)},
		{"", "x"},
	}
	want := make([][]Entity, len(inputs))
	for i, in := range inputs {
		want[i] = extractFixture(in[0], in[1])
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(inputs))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				for i, in := range inputs {
					if diff := cmp.Diff(want[i], extractFixture(in[0], in[1])); diff != "" {
						errs <- diff
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for d := range errs {
		t.Errorf("concurrent result differs (-sequential +concurrent):\n%s", d)
	}
}

func TestPlain(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"on ScanNet~v2 and $\\tau$-Bench", "on ScanNet v2 and τ-Bench"},
		{"This brief proposes \\emph{White-Op}, a framework", "This brief proposes White-Op, a framework"},
		{"\\textbf{W}hite-\\textbf{O}p", "White-Op"},
		{"the $K$-MSHC circuit", "the K-MSHC circuit"},
		{"\\textbf{nested {x}} and \\cite{a}", "\\textbf{nested {x}} and \\cite{a}"},
		{"a trailing \\", "a trailing \\"},
		{"$x_1$ stays", "$x_1$ stays"},
	} {
		if got := plain(tc.in); got != tc.want {
			t.Errorf("plain(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

package lexicon

import (
	"errors"
	"os"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func fixture(t *testing.T) *Lexicon {
	t.Helper()
	l, err := Load(os.DirFS("../testdata/lexicon"))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		text string
		want string
	}{
		{"unknown type", "models.tsv", "# c\nGPT-4\tmodel\nCLIP\tmodels\n",
			`lexicon: syntax error: models.tsv:3: unknown type "models", must be one of [model dataset benchmark method]`},
		{"too many fields", "methods.tsv", "PPO\tmethod\ta\tb\n",
			"lexicon: syntax error: methods.tsv:1: want 2 or 3 tab-separated fields, have 4"},
		{"one field", "methods.tsv", "PPO method\n",
			"lexicon: syntax error: methods.tsv:1: want 2 or 3 tab-separated fields, have 1"},
		{"empty name", "models.tsv", " - \tmodel\n",
			`lexicon: syntax error: models.tsv:1: name "-" has no letter or digit`},
		{"unknown class", "stop.tsv", "FID\tmetrics\n",
			`lexicon: syntax error: stop.tsv:1: unknown class "metrics", must be one of [metric task field representation hardware software organisation venue vague generic-stage]`},
		{"stop with aliases", "stop.tsv", "FID\tmetric\tFréchet\n",
			"lexicon: syntax error: stop.tsv:1: want 2 tab-separated fields, have 3"},
		{"invalid utf-8", "models.tsv", "GPT\xff\tmodel\n",
			"lexicon: syntax error: models.tsv:1: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{tt.file: {Data: []byte(tt.text)}})
			if err == nil {
				t.Fatalf("Load succeeded, want error %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %q\nwant %q", err, tt.want)
			}
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("error %v does not wrap ErrSyntax", err)
			}
		})
	}
}

func TestLoadEmpty(t *testing.T) {
	l, err := Load(fstest.MapFS{"notes.txt": {Data: []byte("GPT\tmodel\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != 0 {
		t.Errorf("Len = %d, want 0: only *.tsv files are read", l.Len())
	}
	if got := l.Find("GPT and CLIP"); got != nil {
		t.Errorf("empty lexicon found %v", got)
	}
}

func TestLoadEntries(t *testing.T) {
	fsys := fstest.MapFS{
		"b.tsv": {Data: []byte("# header\n\nLLaMA 2\tmodel\tLlama 2| Llama-2 ||LLaMA 2\r\n")},
		"a.tsv": {Data: []byte("PPO\tmethod\t\nGPT\tmodel\n")},
	}
	l, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{ID: 0, Name: "PPO", Type: "method"},
		{ID: 1, Name: "GPT", Type: "model"},
		{ID: 2, Name: "LLaMA 2", Type: "model", Aliases: []string{"Llama 2", "Llama-2"}},
	}
	var got []Entry
	for i := 0; i < l.Len(); i++ {
		got = append(got, l.Entry(i))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}

func TestLookup(t *testing.T) {
	l := fixture(t)
	tests := []struct {
		key      string
		wantName string
		wantOK   bool
	}{
		{"llm", "large language model", true},
		{"largelanguagemodel", "large language model", true},
		{"llama2", "LLaMA 2", true},
		{"llama", "LLaMA", true},
		{"gpt4", "GPT-4", true},
		{"chainofthought", "chain-of-thought prompting", true},
		{"fid", "", false},
		{"LLM", "", false}, // keys are normalised
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			e, ok := l.Lookup(tt.key)
			if ok != tt.wantOK || e.Name != tt.wantName {
				t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.key, e.Name, ok, tt.wantName, tt.wantOK)
			}
		})
	}
	if c, ok := l.StopClass("frechetinceptiondistance"); ok {
		t.Errorf("StopClass found %q for a key that is not NFKC-folded to ASCII", c)
	}
	if c, ok := l.StopClass("fréchetinceptiondistance"); !ok || c != "metric" {
		t.Errorf("StopClass(fréchetinceptiondistance) = %q, %v; want metric, true", c, ok)
	}
}

// render shows matches as "text[class]" or "text=name" for table tests.
func render(l *Lexicon, text string, ms []Match) []string {
	var out []string
	for _, m := range ms {
		s := text[m.Start:m.End]
		if m.Entry < 0 {
			s += "[" + m.Class + "]"
		} else {
			s += "=" + l.Entry(m.Entry).Name
		}
		out = append(out, s)
	}
	return out
}

func TestFind(t *testing.T) {
	l := fixture(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"case-sensitive acronym", "We align CLIP on short clips and a Clip.",
			[]string{"CLIP=CLIP"}},
		{"generic in any case", "Reinforcement Learning (RL) and reinforcement learning",
			[]string{"Reinforcement Learning=reinforcement learning", "RL=reinforcement learning", "reinforcement learning=reinforcement learning"}},
		{"longest wins", "reinforcement learning from human feedback (RLHF)",
			[]string{"reinforcement learning from human feedback=reinforcement learning from human feedback", "RLHF=reinforcement learning from human feedback"}},
		{"versions", "GPT-4o, GPT-4, GPT-3.5 and GPT",
			[]string{"GPT-4=GPT-4", "GPT=GPT"}},
		{"inside a word", "ChatGPT beats GPTs", []string{"ChatGPT=ChatGPT", "GPTs=GPT"}},
		{"plural", "LLMs and large language models and Transformers",
			[]string{"LLMs=large language model", "large language models=large language model", "Transformers=transformer"}},
		{"hyphen or space", "chain of thought, chain-of-thought prompting, Chain-of-Thought",
			[]string{"chain of thought=chain-of-thought prompting", "chain-of-thought prompting=chain-of-thought prompting", "Chain-of-Thought=chain-of-thought prompting"}},
		{"stop phrase hides a name", "Fréchet Inception Distance (FID) with PyTorch",
			[]string{"Fréchet Inception Distance[metric]", "FID[metric]", "PyTorch[software]"}},
		{"vague phrase keeps its names", "a language model and LLM-based agents",
			[]string{"language model[vague]", "LLM=large language model"}},
		{"compounds", "LLM-based agents, MCTS-Boosted search, ReST-MCTS, RL_agent",
			[]string{"LLM=large language model", "MCTS=Monte Carlo tree search"}},
		{"capitalised single word", "Mamba, not mamba", []string{"Mamba=Mamba"}},
		{"title case phrase", "Monte Carlo Tree Search (MCTS)",
			[]string{"Monte Carlo Tree Search=Monte Carlo tree search", "MCTS=Monte Carlo tree search"}},
		{"alias with version", "Llama 2 and Llama-2 and LLaMA",
			[]string{"Llama 2=LLaMA 2", "Llama-2=LLaMA 2", "LLaMA=LLaMA"}},
		{"mixed case keeps a capital", "LLAMA, Llama, llama, NuScenes and nuscenes",
			[]string{"LLAMA=LLaMA", "Llama=LLaMA", "NuScenes=nuScenes"}},
		{"symbol glued on", "DualDiff+ and MCTS* and CLIP/16 and CLIP/ViT",
			[]string{"CLIP=CLIP", "ViT=ViT"}},
		{"short forms are exact", "O1 is not o1; vit is not ViT", []string{"o1=o1", "ViT=ViT"}},
		{"sentence end", "We use LoRA.", []string{"LoRA=LoRA"}},
		{"no letters", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(l, tt.text, l.Find(tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestRuleOf(t *testing.T) {
	tests := []struct {
		form string
		want caseRule
	}{
		{"reinforcement learning", anyCase},
		{"Monte Carlo tree search", anyCase},
		{"Stable Diffusion", anyCase},
		{"Mamba", capFirst},
		{"CLIP", exact},
		{"nuScenes", mixed},
		{"GPT-4", exact},
		{"o1", exact},
		{"rnn", exact},
		{"LLaMA 2", mixed},
		{"Qwen2.5-Math", mixed},
		{"o3-mini", exact},
		{"MATH", exact},
	}
	for _, tt := range tests {
		if got := ruleOf(tt.form); got != tt.want {
			t.Errorf("ruleOf(%q) = %d, want %d", tt.form, got, tt.want)
		}
	}
}

// TestDefault checks the embedded lists: they load, and every form finds
// itself, so no form is written in a way the matcher can never see.
func TestDefault(t *testing.T) {
	l := Default()
	if l != Default() {
		t.Error("Default built two lexicons")
	}
	for i := 0; i < l.Len(); i++ {
		e := l.Entry(i)
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			ms := l.Find(f)
			if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(f) {
				t.Errorf("entry %q: form %q does not match itself: %v", e.Name, f, render(l, f, ms))
				continue
			}
			if ms[0].Entry < 0 {
				t.Errorf("entry %q: form %q is matched as a stop phrase", e.Name, f)
			}
			if _, ok := l.Lookup(normalize(f)); !ok {
				t.Errorf("entry %q: Lookup does not find form %q", e.Name, f)
			}
		}
	}
}

// TestDefaultOneEntryPerForm checks that no two entries of the embedded lists
// share a normalised form, which would make Lookup and Find pick one of them
// silently.
func TestDefaultOneEntryPerForm(t *testing.T) {
	l := Default()
	for i := 0; i < l.Len(); i++ {
		e := l.Entry(i)
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			if o, _ := l.Lookup(normalize(f)); o.ID != e.ID {
				t.Errorf("form %q of %s %q is also a form of %s %q", f, e.Type, e.Name, o.Type, o.Name)
			}
		}
	}
}

func TestFold(t *testing.T) {
	in := "GPT-4\tand (Fréchet)\nX, Qwen2.5+ Pass@1 ViT-B/16"
	got := string(fold(nil, in))
	// Letters fold to lower case; white space, hyphens and most
	// punctuation become spaces; what stays inside names stays.
	if want := "gpt 4 and  fréchet  x  qwen2.5+ pass@1 vit b 16"; got != want {
		t.Errorf("fold(%q) = %q, want %q", in, got, want)
	}
	if len(got) != len(in) {
		t.Errorf("fold changed the length from %d to %d", len(in), len(got))
	}
}

func FuzzFind(f *testing.F) {
	l, err := Load(os.DirFS("../testdata/lexicon"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("GPT-4o, GPT-4 and LLMs with reinforcement learning (RL).")
	f.Add("ReST-MCTS* and Fréchet Inception Distance")
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, m := range l.Find(text) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, last, text)
			}
			last = m.End
		}
	})
}

func TestJoins(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"based", true}, {"guided", true}, {"Based", true}, {"Boosted", true},
		{"style", true}, {"encoder", true},
		{"4o", false}, {"3", false}, {"mini", false}, {"Instruct", false},
		{"Adapter", false}, {"B", false}, {"VL", false}, {"", false},
	}
	for _, tt := range tests {
		if got := Joins(tt.word); got != tt.want {
			t.Errorf("Joins(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestWrittenForms(t *testing.T) {
	for _, tt := range []struct {
		form, joined, hyphenated string
	}{
		{"SAM 2", "SAM2", "SAM-2"},
		{"Qwen 2.5", "Qwen2.5", "Qwen-2.5"},
		{"GPQA Diamond", "", "GPQA-Diamond"},
		{"MS COCO", "", "MS-COCO"},
		{"diffusion model", "", ""},
		{"Stable Diffusion 3", "Stable Diffusion3", ""},
		{"GPT-4", "", ""},
		{"YOLO v8", "", ""},
	} {
		if got := joinedVersion(tt.form); got != tt.joined {
			t.Errorf("joinedVersion(%q) = %q, want %q", tt.form, got, tt.joined)
		}
		if got := hyphenated(tt.form); got != tt.hyphenated {
			t.Errorf("hyphenated(%q) = %q, want %q", tt.form, got, tt.hyphenated)
		}
	}
}

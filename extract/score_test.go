package extract

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func doc(id string, es ...Entity) Doc { return Doc{ID: id, Title: "Paper " + id, Entities: es} }

func e(name string, typ Type, role Role, aliases ...string) Entity {
	return Entity{Name: name, Type: typ, Role: role, Aliases: aliases}
}

// counts builds the expected Counts with the ratios they imply.
func counts(tp, fp, fn int) Counts {
	c := Counts{TP: tp, FP: fp, FN: fn}
	c.finish()
	return c
}

var approx = cmpopts.EquateApprox(0, 1e-9)

func TestScore(t *testing.T) {
	tests := []struct {
		name          string
		gold, pred    []Doc
		untyped       Counts
		typed         Counts
		named         Counts
		generic       Counts
		role          Accuracy
		perType       map[Type]Counts // only the types given are checked
		wantUnpaired  []string
		wantErrorsFor []string // ids of papers with errors
	}{
		{
			name:    "exact",
			gold:    []Doc{doc("1", e("GPT-4", Model, Uses), e("LRS3", Dataset, Uses))},
			pred:    []Doc{doc("1", e("GPT-4", Model, Uses), e("LRS3", Dataset, Uses))},
			untyped: counts(2, 0, 0), typed: counts(2, 0, 0),
			named: counts(2, 0, 0), generic: counts(0, 0, 0),
			role:    Accuracy{2, 2, 1},
			perType: map[Type]Counts{Model: counts(1, 0, 0), Dataset: counts(1, 0, 0), Method: counts(0, 0, 0)},
		},
		{
			name: "plural and case",
			gold: []Doc{doc("1", e("LLM", Method, Uses, "large language model"), e("diffusion model", Method, Uses))},
			pred: []Doc{doc("1", e("LLMs", Method, Uses), e("Diffusion Models", Method, Uses))},
			// "Diffusion Models" is named by its forms, but the match counts
			// in the subset of its gold entity.
			untyped: counts(2, 0, 0), typed: counts(2, 0, 0),
			named: counts(0, 0, 0), generic: counts(2, 0, 0),
			role: Accuracy{2, 2, 1},
		},
		{
			name: "final s needs more than three characters",
			gold: []Doc{doc("1", e("LRS", Dataset, Uses), e("GAN", Method, Uses))},
			// "LR" is not "LRS"; "GANs" is 4 characters and loses its s.
			pred:    []Doc{doc("1", e("LR", Dataset, Uses), e("GANs", Method, Uses))},
			untyped: counts(1, 1, 1), typed: counts(1, 1, 1),
			named: counts(1, 1, 1), generic: counts(0, 0, 0),
			role:          Accuracy{1, 1, 1},
			wantErrorsFor: []string{"1"},
		},
		{
			name: "any form of one meets any form of the other",
			gold: []Doc{doc("1", e("RLHF", Method, Introduces, "reinforcement learning from human feedback"))},
			pred: []Doc{doc("1", e("Reinforcement Learning from Human Feedback", Method, Uses))},
			// A match counts in its gold entity's subset, generic here.
			untyped: counts(1, 0, 0), typed: counts(1, 0, 0),
			named: counts(0, 0, 0), generic: counts(1, 0, 0),
			role:          Accuracy{0, 1, 0},
			wantErrorsFor: []string{"1"},
		},
		{
			name: "one to one",
			gold: []Doc{doc("1", e("GPT-4", Model, Uses))},
			pred: []Doc{doc("1", e("GPT-4", Model, Uses), e("GPT 4", Model, Uses, "gpt-4"))},
			// Both predictions meet the one gold entity; one is a false positive.
			untyped: counts(1, 1, 0), typed: counts(1, 1, 0),
			named: counts(1, 0, 0), generic: counts(0, 1, 0),
			role:          Accuracy{1, 1, 1},
			wantErrorsFor: []string{"1"},
		},
		{
			name: "one to one finds the most matches",
			// pred A meets gold X and Y, pred B only X: A must go to Y.
			gold:    []Doc{doc("1", e("X", Method, Uses, "shared"), e("Y", Method, Uses, "a"))},
			pred:    []Doc{doc("1", e("A", Method, Uses, "shared", "y"), e("B", Method, Uses, "x"))},
			untyped: counts(2, 0, 0), typed: counts(2, 0, 0),
			// Lower-case aliases make both gold entities generic.
			named: counts(0, 0, 0), generic: counts(2, 0, 0),
			role: Accuracy{2, 2, 1},
		},
		{
			name:    "typed needs the type",
			gold:    []Doc{doc("1", e("ImageNet", Dataset, Uses), e("MMLU", Benchmark, Uses), e("PPO", Method, Uses))},
			pred:    []Doc{doc("1", e("ImageNet", Benchmark, Uses), e("MMLU", Benchmark, Uses), e("PPO", Model, Uses))},
			untyped: counts(3, 0, 0), typed: counts(1, 2, 2),
			named: counts(3, 0, 0), generic: counts(0, 0, 0),
			role: Accuracy{3, 3, 1},
			perType: map[Type]Counts{
				Dataset: counts(0, 0, 1), Benchmark: counts(1, 1, 0),
				Method: counts(0, 0, 1), Model: counts(0, 1, 0),
			},
			wantErrorsFor: []string{"1"},
		},
		{
			name: "generic and named",
			gold: []Doc{doc("1",
				e("reinforcement learning", Method, Uses),
				e("MCTS", Method, Uses, "Monte Carlo Tree Search"),
				e("transformer", Method, Uses))},
			pred: []Doc{doc("1",
				e("RL", Method, Uses, "reinforcement learning"),
				e("MCTS", Method, Uses),
				e("CNN", Method, Uses, "convolutional neural network"))},
			untyped: counts(2, 1, 1), typed: counts(2, 1, 1),
			named: counts(1, 0, 0), generic: counts(1, 1, 1),
			role:          Accuracy{2, 2, 1},
			wantErrorsFor: []string{"1"},
		},
		{
			name: "papers pair by id, then by title",
			gold: []Doc{
				{ID: "2401.00001", Title: "Secrets of RLHF", Entities: []Entity{e("PPO", Method, Uses)}},
				{ID: "t1", Title: "ChatGPT is a Solver", Entities: []Entity{e("ChatGPT", Model, Uses)}},
				{ID: "missing", Title: "Nobody predicted this", Entities: []Entity{e("CLIP", Model, Uses)}},
			},
			pred: []Doc{
				{ID: "other", Title: "chatgpt is a  solver!", Entities: []Entity{e("ChatGPT", Model, Uses)}},
				{ID: "2401.00001", Title: "different", Entities: []Entity{e("PPO", Method, Uses)}},
				{ID: "extra", Title: "Not in gold", Entities: []Entity{e("BERT", Model, Uses)}},
			},
			untyped: counts(2, 0, 1), typed: counts(2, 0, 1),
			named: counts(2, 0, 1), generic: counts(0, 0, 0),
			role:          Accuracy{2, 2, 1},
			wantUnpaired:  []string{"missing"},
			wantErrorsFor: []string{"missing"},
		},
		{
			name:    "nothing predicted, nothing annotated",
			gold:    []Doc{doc("1")},
			pred:    []Doc{doc("1")},
			untyped: counts(0, 0, 0), typed: counts(0, 0, 0),
			named: counts(0, 0, 0), generic: counts(0, 0, 0),
			role: Accuracy{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(tt.gold, tt.pred)
			check := func(view string, want, got any) {
				t.Helper()
				if diff := cmp.Diff(want, got, approx); diff != "" {
					t.Errorf("%s (-want +got):\n%s", view, diff)
				}
			}
			check("untyped", tt.untyped, r.Untyped)
			check("typed", tt.typed, r.Typed)
			check("named", tt.named, r.Named)
			check("generic", tt.generic, r.Generic)
			check("role", tt.role, r.Role)
			for typ, want := range tt.perType {
				check("type "+string(typ), want, r.PerType[typ])
			}
			check("unpaired", tt.wantUnpaired, r.Unpaired)
			var ids []string
			for _, pe := range r.Errors {
				ids = append(ids, pe.ID)
			}
			check("papers with errors", tt.wantErrorsFor, ids)
			if r.Papers != len(tt.gold) {
				t.Errorf("Papers = %d, want %d", r.Papers, len(tt.gold))
			}
		})
	}
}

func TestScoreErrors(t *testing.T) {
	gold := []Doc{doc("1",
		e("LRS3", Dataset, Uses),
		e("LipVoicer", Model, Introduces),
		e("ASR", Method, Uses))}
	pred := []Doc{doc("1",
		e("LRS3", Benchmark, Uses),
		e("LipVoicer", Model, Uses),
		e("WER", Method, Uses))}
	r := Score(gold, pred)
	want := []PaperErrors{{
		ID:       "1",
		Title:    "Paper 1",
		Missed:   []Entity{e("ASR", Method, Uses)},
		Spurious: []Entity{e("WER", Method, Uses)},
		Mistyped: []Pair{{e("LRS3", Dataset, Uses), e("LRS3", Benchmark, Uses)}},
		Misroled: []Pair{{e("LipVoicer", Model, Introduces), e("LipVoicer", Model, Uses)}},
	}}
	if diff := cmp.Diff(want, r.Errors); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	var b strings.Builder
	if err := r.WriteErrors(&b); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"missed\tASR", "spurious\tWER", "mistyped\tLRS3\tdataset, predicted benchmark", "misroled\tLipVoicer\tintroduces, predicted uses"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("WriteErrors output lacks %q:\n%s", s, b.String())
		}
	}
	b.Reset()
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "untyped") || !strings.Contains(b.String(), "0.667") {
		t.Errorf("WriteText output lacks the untyped F1 0.667:\n%s", b.String())
	}
}

func TestCountsFinish(t *testing.T) {
	c := counts(3, 1, 2)
	if math.Abs(c.Precision-0.75) > 1e-12 || math.Abs(c.Recall-0.6) > 1e-12 || math.Abs(c.F1-2*0.75*0.6/1.35) > 1e-12 {
		t.Errorf("counts(3, 1, 2) = %+v", c)
	}
	if z := counts(0, 0, 0); z.Precision != 0 || z.Recall != 0 || z.F1 != 0 {
		t.Errorf("counts(0, 0, 0) = %+v, want zero ratios", z)
	}
}

func TestGeneric(t *testing.T) {
	tests := []struct {
		e    Entity
		want bool
	}{
		{e("reinforcement learning", Method, Uses), true},
		{e("RL", Method, Uses, "reinforcement learning"), true},
		{e("MCTS", Method, Uses, "Monte Carlo Tree Search"), false},
		{e("GPT-4", Model, Uses), false},
		{e("3D-GS", Method, Uses), false},
		{e("2024", Method, Uses), false},
	}
	for _, tt := range tests {
		if got := Generic(tt.e); got != tt.want {
			t.Errorf("Generic(%q %q) = %v, want %v", tt.e.Name, tt.e.Aliases, got, tt.want)
		}
	}
}

func TestReadDocs(t *testing.T) {
	in := `{"id": "1", "title": "T", "entities": [{"name": "GPT-4", "type": "model", "role": "uses", "aliases": []}]}

{"id": "2", "title": "U", "abstract": "A", "entities": [], "extra": 1}
`
	docs, err := ReadDocs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Doc{
		{ID: "1", Title: "T", Entities: []Entity{{Name: "GPT-4", Type: Model, Role: Uses, Aliases: []string{}}}},
		{ID: "2", Title: "U", Abstract: "A", Entities: []Entity{}},
	}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Errorf("ReadDocs (-want +got):\n%s", diff)
	}
}

func TestReadDocsErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"syntax", "{\"id\": \"1\", \"title\": \"T\", \"entities\": []}\n{\"id\": 2,\n",
			"extract: line 2: unexpected end of JSON input"},
		{"type", "\n{\"id\": \"1\", \"entities\": [{\"name\": \"X\", \"type\": \"models\", \"role\": \"uses\"}]}\n",
			`extract: line 2: entity "X": unknown type "models", must be one of [model dataset benchmark method]`},
		{"role", "{\"id\": \"1\", \"entities\": [{\"name\": \"X\", \"type\": \"model\", \"role\": \"use\"}]}",
			`extract: line 1: entity "X": unknown role "use", must be one of [introduces uses]`},
		{"name", "{\"id\": \"1\", \"entities\": [{\"name\": \" \", \"type\": \"model\", \"role\": \"uses\"}]}",
			"extract: line 1: entity 1 has no name"},
		{"no id", "{\"entities\": []}", "extract: line 1: document has neither an id nor a title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadDocs(strings.NewReader(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Errorf("ReadDocs error = %v, want %q", err, tt.want)
			}
		})
	}
	// A syntax error keeps its cause.
	_, err := ReadDocs(strings.NewReader("\n{]"))
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		t.Errorf("error %v does not wrap a *json.SyntaxError", err)
	}
}

package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDefinitions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "SF=long form"
	}{
		{"long form first", "We use Semantic Fusion Attention (SFA) here.",
			[]string{"SFA=Semantic Fusion Attention"}},
		{"initials beat the shortest match", "trained with Proximal Policy Optimization (PPO).",
			[]string{"PPO=Proximal Policy Optimization"}},
		{"plural short form", "Large Language Models (LLMs) are used.",
			[]string{"LLMs=Large Language Models"}},
		{"function word spells a letter", "a sparse Mixture of Experts (MoE) layer",
			[]string{"MoE=Mixture of Experts"}},
		{"prefixes of words", "with Low-Rank Adaptation (LoRA) and Prompt-Aware Introverted Attention (PAIntA)",
			[]string{"LoRA=Low-Rank Adaptation", "PAIntA=Prompt-Aware Introverted Attention"}},
		{"hyphenated word spells one letter", "a Multi-modal Trusted Fusion (MTF) module",
			[]string{"MTF=Multi-modal Trusted Fusion"}},
		{"letters inside words, long form first", "Early-timestep Latent Evaluation for Candidate Selection (ELECT) works",
			[]string{"ELECT=Early-timestep Latent Evaluation for Candidate Selection"}},
		{"letters inside words, short form first", "We call it ELECT (Early-timestep Latent Evaluation for Candidate Selection).",
			[]string{"ELECT=Early-timestep Latent Evaluation for Candidate Selection"}},
		{"a parenthesis that lists models", "We evaluate LLMs (LLaMA-3.3-70B-Instruct and GPT-4o) on it.",
			nil},
		{"a coined name is no abbreviation", "Backdoor Attack Based on Adaptive Optimization Mechanism of Black-box Large Language Models (BadApex)", nil},
		{"short form first", "the GUIDE (Guideline-Guided) dataset",
			[]string{"GUIDE=Guideline-Guided"}},
		{"more in the parenthesis", "reinforcement learning (RL; Sutton, 1998)",
			[]string{"RL=reinforcement learning"}},
		{"quoted long form", `introduces "Guided Evolution" (GE), a framework`,
			[]string{"GE=Guided Evolution"}},
		{"no space before the parenthesis", "Proposer-Agent-Evaluator(PAE): skills",
			[]string{"PAE=Proposer-Agent-Evaluator"}},
		{"Schwartz-Hearst fallback", "a new visual Prompting mechanism for generic Visual Object Tracking (PiVOT)",
			[]string{"PiVOT=Prompting mechanism for generic Visual Object Tracking"}},
		{"lower-case gloss", "three tasks: forecasting (predict) and refinement (refine).", nil},
		{"numbers and years", "as shown by Smith et al. (2023) and in (1) and (ii)", nil},
		{"no matching letters", "a simple baseline (ABC) wins", nil},
		{"unclosed", "the model (FooBar", nil},
		{"nested", "the model (a (B) c) is", nil},
		{"long form contains the short form", "the ViT model (ViT) is", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(nil, tt.text, 0)
			var got []string
			for _, d := range definitions(tt.text, toks) {
				got = append(got, tt.text[d.short.start:d.short.end]+"="+tt.text[d.long.start:d.long.end])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("definitions(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestBestLongForm(t *testing.T) {
	tests := []struct {
		sf, lf string
		want   string
		ok     bool
	}{
		// The examples of Schwartz and Hearst (2003).
		{"HSF", "with human serum factor", "human serum factor", true},
		{"PPO", "Proximal Policy Optimization", "Policy Optimization", true},
		{"ABC", "xyz", "", false},
		{"FOO", "a fox", "", false},
	}
	for _, tt := range tests {
		i, ok := bestLongForm(tt.sf, tt.lf)
		got := ""
		if ok {
			got = tt.lf[i:]
		}
		if got != tt.want || ok != tt.ok {
			t.Errorf("bestLongForm(%q, %q) = %q, %v; want %q, %v", tt.sf, tt.lf, got, ok, tt.want, tt.ok)
		}
	}
}

package extract_test

import (
	"fmt"

	"github.com/paperkg/paperkg/extract"
)

func ExampleExtract() {
	title := "LipVoicer: Generating Speech from Silent Videos"
	abstract := "We present LipVoicer, a novel model that generates speech from lip movements. " +
		"It uses Semantic Fusion Attention (SFA) and outperforms baselines on the LRS3 dataset."
	for _, e := range extract.Extract(title, abstract) {
		fmt.Println(e.Name, e.Type, e.Role, e.Aliases, e.Offset)
	}
	// Output:
	// LipVoicer model introduces [] 0
	// SFA method uses [Semantic Fusion Attention] 135
	// LRS3 dataset uses [] 200
}

func ExampleScore() {
	gold := []extract.Doc{{ID: "1", Entities: []extract.Entity{
		{Name: "RLHF", Type: extract.Method, Role: extract.Uses, Aliases: []string{"reinforcement learning from human feedback"}},
		{Name: "GPT-4", Type: extract.Model, Role: extract.Uses},
	}}}
	pred := []extract.Doc{{ID: "1", Entities: []extract.Entity{
		{Name: "Reinforcement Learning from Human Feedback", Type: extract.Method, Role: extract.Uses},
		{Name: "GPT-4o", Type: extract.Model, Role: extract.Uses},
	}}}
	r := extract.Score(gold, pred)
	fmt.Printf("untyped P %.2f R %.2f F1 %.2f\n", r.Untyped.Precision, r.Untyped.Recall, r.Untyped.F1)
	// Output:
	// untyped P 0.50 R 0.50 F1 0.50
}

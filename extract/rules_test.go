package extract

import (
	"maps"
	"testing"
)

// TestExtractRules checks rules of the extractor with the embedded lexicon.
func TestExtractRules(t *testing.T) {
	for _, tc := range []struct {
		title, abstract string
		want, not       []string
	}{
		{
			title:    "Learning from Few Labels",
			abstract: "We study weakly and semi-supervised learning for detection.",
			want:     []string{"weakly supervised learning", "semi-supervised learning"},
		},
		{
			title:    "FREPix: FREquency-Heterogeneous Flow Matching for Images",
			abstract: "FREPix models each frequency band apart.",
			want:     []string{"FREPix"},
			not:      []string{"FREquency"},
		},
		{
			title:    "Settlements Shaped Palm Clusters in the Andes",
			abstract: "We map palm trees from satellite images.",
			not:      []string{"PaLM"},
		},
		{
			title:    "Defending Detectors in the Physical World",
			abstract: "Defenses against adversarial patches fail under transfer.",
			want:     []string{"adversarial patch"},
		},
		{
			title:    "Dolphin-v2: Universal Document Parsing",
			abstract: "We present Dolphin-v2, which improves upon the original Dolphin.",
			want:     []string{"Dolphin-v2", "Dolphin"},
		},
		{
			title:    "Mind2: Mind-to-Mind Emotional Support",
			abstract: "We propose Mind-to-Mind (Mind2), a framework for ES. Underwater scenes in the Underwater set are hard.",
			want:     []string{"Mind2"},
			not:      []string{"Mind"},
		},
		{
			title:    "Learning Sparsity for Question Answering",
			abstract: "To address these challenges, we introduce Sparsify, a sparse learning framework. We also propose a mechanism, LiMA (Less input is More faithful for Attribution), which helps.",
			want:     []string{"Sparsify", "LiMA"},
		},
		{
			title:    "RS-RAG: Bridging Remote Sensing and Knowledge",
			abstract: "We propose a novel Remote Sensing Retrieval-Augmented Generation (RS-RAG) framework.",
			want:     []string{"RS-RAG"},
		},
		{
			title:    "Robust Audio-Visual Segmentation",
			abstract: "We propose SDAVS, with the Selective Noise-Resilient Processor (SNRP) module and a centerline-aware topology (CAT) loss. We present a novel framework, NSS (Neural Semantic Segmentation), for scenes.",
			want:     []string{"SDAVS", "SNRP", "CAT", "NSS"},
		},
		{
			title:    "Coronary Flow Decoders",
			abstract: "Our method beats neural-operator baselines (GNOT, Transolver, and ONO). We evaluate on three datasets, namely Kvasir, Polypus and CVC-300. Agents (Planner, Writer and Executor) cooperate.",
			want:     []string{"GNOT", "Transolver", "ONO", "Kvasir", "Polypus", "CVC-300"},
			not:      []string{"Planner", "Writer", "Executor"},
		},
		{
			title:    "Searching for Reasoning Paths",
			abstract: "We compare Tree-of-Thought with beam search.",
			want:     []string{"Tree of Thoughts", "beam search"},
		},
		{
			title:    "AviationLMM: A Large Multimodal Foundation Model for Civil Aviation",
			abstract: "We present AviationLMM, a Large Multimodal foundation Model for civil aviation.",
			want:     []string{"AviationLMM"},
			not:      []string{"Large Multimodal"},
		},
		{
			// Initials that spell a name make a long form of it.
			title:    "Deep Associations, High Creativity",
			abstract: "We propose PACE, asking LLMs to generate Parallel Association Chains to Evaluate their creativity.",
			want:     []string{"PACE"},
			not:      []string{"Parallel Association Chains to Evaluate"},
		},
		{
			// A digit of a short form need not be in its long form.
			title:    "Rendering with Interpolation",
			abstract: "We design PS4PRO (Pixel-to-pixel Supervision for Photorealistic Rendering and Optimization), a video frame interpolation model.",
			want:     []string{"PS4PRO"},
			not:      []string{"Pixel-to-pixel Supervision for Photorealistic Rendering"},
		},
		{
			title:    "See&Trek: Training-Free Spatial Prompting for Multimodal Large Language Model",
			abstract: "We introduce a prompting framework.",
			want:     []string{"See&Trek"},
			not:      []string{"See", "Trek"},
		},
		{
			title:    "The AnIML Ontology: Enabling Semantic Interoperability for Laboratory Data",
			abstract: "We describe an ontology for laboratory data.",
			want:     []string{"AnIML Ontology"},
			not:      []string{"The AnIML Ontology"},
		},
		{
			// LaTeX that hides a name, and a dataset's version.
			title:    "Segmenting Point Clouds",
			abstract: "We evaluate on ScanNet~v2 and on $\\tau$-Bench.",
			want:     []string{"ScanNet v2", "τ-bench"},
			not:      []string{"ScanNet"},
		},
		{
			title:    "Beam Steering",
			abstract: "The gain improves by 3 dB over SFT and supervised fine-tuning (SFT) baselines.",
			want:     []string{"SFT"},
			not:      []string{"dB"},
		},
		{
			// A list shares what its items' suffixes say; a result is
			// reported on data.
			title:    "Attacks on Attribute Recognition",
			abstract: "Experiments on digital domains (i.e., PETA, PA100K, MSP60K) validate it. On DALES it achieves 81.05% mIoU.",
			want:     []string{"PETA", "PA100K", "MSP60K", "DALES"},
		},
		{
			// Capitalised words name a part only when the text presents
			// one: not a place, not a measure.
			title:    "Palm Clusters in the Sierra Nevada de Santa Marta",
			abstract: "We assess objective metrics (Task Performance) with an imitator consisting of a Deformation Controller and a Mask Controller.",
			want:     []string{"Deformation Controller", "Mask Controller"},
			not:      []string{"Sierra Nevada", "Santa Marta", "Task Performance"},
		},
		{
			// A definition inside a known name, and a coordination that
			// leaves out the head of a named method.
			title:    "Market Analysis",
			abstract: "We use the Kullback-Leibler (KL) divergence between markets, then KL and JS divergence again.",
			want:     []string{"KL divergence", "JS divergence"},
			not:      []string{"KL", "JS", "Kullback-Leibler"},
		},
		{
			// A name given by "named", a code the noun after calls data,
			// and a list that shares what a mixed-case name says.
			title:    "Concept Erasure",
			abstract: "We propose an approach, named Themis, that erases content from the I2P dataset, outperforming methods such as EraseAnything and MACE.",
			want:     []string{"Themis", "I2P", "EraseAnything", "MACE"},
		},
		{
			title:    "Efficient Inference",
			abstract: "We report the F1 score on an H100 and the L2 loss.",
			not:      []string{"F1", "H100", "L2"},
		},
	} {
		got := map[string]bool{}
		for _, e := range Extract(tc.title, tc.abstract) {
			got[e.Name] = true
		}
		for _, n := range tc.want {
			if !got[n] {
				t.Errorf("%q: no %q in %v", tc.abstract, n, got)
			}
		}
		for _, n := range tc.not {
			if got[n] {
				t.Errorf("%q: %q is no entity", tc.abstract, n)
			}
		}
	}
}

// TestKnownNameSpellings checks that a known name written without its
// hyphen or space is the known entity, which a paper uses, and not a new
// name of the paper's own, even in its title.
func TestKnownNameSpellings(t *testing.T) {
	got := Extract("Comparing Llama3 and DeepSeekR1 on Biomedical Text Classification", "We compare DeepSeekR1 with GPT4o.")
	roles := map[string]Role{}
	for _, e := range got {
		roles[e.Name] = e.Role
		if e.Type != Model {
			t.Errorf("%s: type %s, want model", e.Name, e.Type)
		}
	}
	want := map[string]Role{"Llama 3": Uses, "DeepSeekR1": Uses, "GPT4o": Uses}
	if !maps.Equal(roles, want) {
		t.Errorf("roles = %v, want %v", roles, want)
	}
}

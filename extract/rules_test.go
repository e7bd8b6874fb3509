package extract

import "testing"

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

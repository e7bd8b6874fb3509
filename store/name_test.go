package store

import (
	"testing"

	"github.com/paperkg/paperkg/extract"
)

func TestEntityDisplayName(t *testing.T) {
	tests := []struct {
		names []string // names papers gave the entity, in order
		want  string
	}{
		{[]string{"maMBA", "Mamba"}, "Mamba"},
		{[]string{"Mamba", "maMBA", "MAMBA"}, "Mamba"},
		{[]string{"proximal policy optimization"}, "PPO"},
		{[]string{"LLMs", "LLM"}, "LLM"},
		// Names the lexicon does not know keep the earlier rules.
		{[]string{"Semantic Fusion Attention", "SFA"}, "SFA"},
		{[]string{"ZorbNets", "ZorbNet"}, "ZorbNet"},
	}
	for _, tt := range tests {
		var r entityRecord
		for _, n := range tt.names {
			entry, ok := known(extract.Entity{Name: n})
			r.addNames(n, nil, entry, ok)
		}
		if r.Name != tt.want {
			t.Errorf("names %q: display name %q, want %q", tt.names, r.Name, tt.want)
		}
		for _, n := range tt.names {
			if n != r.Name && !containsNorm(r.Aliases, n) {
				t.Errorf("names %q: %q lost from the aliases %q", tt.names, n, r.Aliases)
			}
		}
	}
}

func containsNorm(forms []string, s string) bool {
	for _, f := range forms {
		if extract.Normalize(f) == extract.Normalize(s) {
			return true
		}
	}
	return false
}

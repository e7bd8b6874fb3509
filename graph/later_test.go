package graph

import (
	"slices"
	"testing"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/store"
)

func TestLater(t *testing.T) {
	tests := []struct {
		a, b corpus.Paper
		want bool
	}{
		{corpus.Paper{ArXivID: "2506.01234"}, corpus.Paper{ArXivID: "2503.11731"}, true},
		{corpus.Paper{ArXivID: "2503.11731"}, corpus.Paper{ArXivID: "2506.01234"}, false},
		{corpus.Paper{ArXivID: "2503.11731"}, corpus.Paper{ArXivID: "2503.11731"}, false},
		// Five-digit numbers came in 2015; ids of one month still compare.
		{corpus.Paper{ArXivID: "1501.00002"}, corpus.Paper{ArXivID: "1412.9999"}, true},
		// The arXiv ids win over the years when both have them.
		{corpus.Paper{ArXivID: "2501.00001", Year: 2024}, corpus.Paper{ArXivID: "2412.00001", Year: 2025}, true},
		{corpus.Paper{Year: 2025}, corpus.Paper{Year: 2023}, true},
		{corpus.Paper{Year: 2023}, corpus.Paper{Year: 2025}, false},
		{corpus.Paper{Year: 2025}, corpus.Paper{}, false},
		{corpus.Paper{ArXivID: "hep-th/9901001", Year: 1999}, corpus.Paper{ArXivID: "2501.00001", Year: 2025}, false},
	}
	for _, tt := range tests {
		g := &Graph{papers: []corpus.Paper{tt.a, tt.b}}
		if got := g.later(0, 1); got != tt.want {
			t.Errorf("later(%+v, %+v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPredated(t *testing.T) {
	ids := []string{"2501.00001", "2502.00001", "2503.00001", "2504.00001", "2506.00001"}
	g := &Graph{}
	for _, id := range ids {
		g.papers = append(g.papers, corpus.Paper{ArXivID: id})
	}
	tests := []struct {
		name        string
		p           int32   // the introducer asked about
		introducers []int32 // all papers that introduce the entity
		ps          []int32 // all papers of the entity
		want        bool
	}{
		{"first", 0, []int32{0}, []int32{0, 1, 2, 3, 4}, false},
		{"two users before it", 2, []int32{2}, []int32{0, 1, 2, 3, 4}, false},
		{"three users before it", 3, []int32{3}, []int32{0, 1, 2, 3, 4}, true},
		{"an introducer before it is no user", 3, []int32{0, 3}, []int32{0, 1, 2, 3}, false},
	}
	for _, tt := range tests {
		intro := make([]bool, len(tt.ps))
		for i, p := range tt.ps {
			intro[i] = slices.Contains(tt.introducers, p)
		}
		if got := g.predated(tt.p, tt.ps, intro); got != tt.want {
			t.Errorf("%s: predated = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCredible(t *testing.T) {
	tests := []struct {
		name, title string
		aliases     []string
		want        bool
	}{
		{"SAILViT", "Towards Robust Visual Backbones", nil, true},
		{"DR", "Early detection of diabetes through eye scans", []string{"diabetic retinopathy"}, false},
		{"PPG", "M3PD Dataset: Dual-view Photoplethysmography (PPG)", nil, true},
		{"MMSU", "MMSU: A Massive Multi-task Spoken Language Benchmark", nil, true},
		{"KV", "KVShare: Key-Value Cache Sharing", nil, false},
		{"LRS3", "A new corpus", []string{"LRS3-TED"}, false},
	}
	for _, tt := range tests {
		g := &Graph{
			papers: []corpus.Paper{{Title: tt.title}},
			ents:   []store.Entity{{Name: tt.name, Aliases: tt.aliases}},
		}
		if got := g.credible(0, 0); got != tt.want {
			t.Errorf("credible(%q in %q) = %v, want %v", tt.name, tt.title, got, tt.want)
		}
	}
}

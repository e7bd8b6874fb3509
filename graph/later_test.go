package graph

import (
	"testing"

	"github.com/paperkg/paperkg/corpus"
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

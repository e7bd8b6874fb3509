package store

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/corpus"
)

// A paper read from arXiv and then from Semantic Scholar keeps its arXiv
// key, answers to the Semantic Scholar id, and keeps the citations of both.
func TestMergeKeepsOtherSourcesIDsAndCitations(t *testing.T) {
	db := openTest(t)
	arxiv := corpus.Paper{ID: "2503.11731", ArXivID: "2503.11731", Title: "Sensor Simulation via Gaussian Splatting", References: []string{"W1"}}
	s2 := corpus.Paper{ID: "0f3a9c", ArXivID: "2503.11731", Title: "Sensor Simulation via Gaussian Splatting", References: []string{"W1", "77ab"}}

	if got := put(t, db, Doc{Paper: arxiv}); got != (PutResult{Added: 1}) {
		t.Fatalf("first put: %+v", got)
	}
	if got := put(t, db, Doc{Paper: s2}); got != (PutResult{Updated: 1}) {
		t.Fatalf("second source: %+v, want one update", got)
	}
	if got := put(t, db, Doc{Paper: s2}); got != (PutResult{Unchanged: 1}) {
		t.Errorf("second source again: %+v, want unchanged", got)
	}
	pid, err := db.Resolve("0f3a9c")
	if err != nil || pid != "2503.11731" {
		t.Errorf("Resolve(the Semantic Scholar id) = %q, %v; want 2503.11731", pid, err)
	}
	p, err := db.Paper("2503.11731")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"W1", "77ab"}, p.References); diff != "" {
		t.Errorf("references (-want +got):\n%s", diff)
	}
	if p.ID != "2503.11731" {
		t.Errorf("stored id %q, want the first record's", p.ID)
	}
}

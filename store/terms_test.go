package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/corpus"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name, title, abstract string
		want                  TermVector
	}{
		{
			name: "plurals meet", title: "Reward Models", abstract: "A reward model, and policies.",
			want: TermVector{Terms: []string{"model", "policy", "reward"}, Counts: []int{3, 1, 3}, Length: 7},
		},
		{
			// Digits alone, single letters and function words go;
			// "GPT-4" is two runs, of which "4" goes.
			name: "dropped", title: "", abstract: "We test GPT-4 on 2024 data, i.e. x and y.",
			want: TermVector{Terms: []string{"data", "gpt", "test"}, Counts: []int{1, 1, 1}, Length: 3},
		},
		{
			name: "exceptions of the stemmer", abstract: "bus analysis process processes studies toes corpus",
			want: TermVector{Terms: []string{"analysi", "bus", "corpus", "process", "processe", "study", "toe"}, Counts: []int{1, 1, 1, 1, 1, 1, 1}, Length: 7},
		},
		{
			name: "folding", title: "ＬＬＭ Über", abstract: "llm über",
			want: TermVector{Terms: []string{"llm", "über"}, Counts: []int{3, 3}, Length: 6},
		},
		{name: "empty", want: TermVector{Terms: []string{}, Counts: []int{}}},
		{
			// A title read rune by rune, an abstract byte by byte: their
			// words meet.
			name: "ascii and not", title: "Vision-Language Models (VLMs) über alles",
			abstract: "State-of-the-art VLMs, e.g. GPT-4o, read 3D scenes.",
			want: TermVector{
				Terms:  []string{"3d", "4o", "alle", "art", "gpt", "language", "model", "read", "scene", "state", "vision", "vlm", "über"},
				Counts: []int{1, 1, 2, 1, 1, 2, 2, 1, 1, 1, 2, 3, 2},
				Length: 20,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Terms(tt.title, tt.abstract)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Terms(%q, %q) (-want +got):\n%s", tt.title, tt.abstract, diff)
			}
			back, err := decodeTermVector(got.encode())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got, back); diff != "" {
				t.Errorf("decode(encode(v)) (-v +got):\n%s", diff)
			}
		})
	}
}

func TestWordsASCII(t *testing.T) {
	for _, text := range []string{
		"We introduce PPO-Max, a variant of proximal policy optimisation (PPO) for RLHF; 3 runs, 10x faster.",
		"  leading and trailing   ",
		"e.g. i.e. et al. 4o GPT4o x",
		"",
	} {
		lower := strings.ToLower(text)
		var slow []string
		for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !isWordRune(r) }) {
			if len(w) >= 2 && len(w) <= maxTermLen && !stopWords[w] && !allDigits(w) {
				slow = append(slow, stem(w))
			}
		}
		if diff := cmp.Diff(slow, asciiWords(lower)); diff != "" {
			t.Errorf("asciiWords(%q) (-rune-wise +byte-wise):\n%s", text, diff)
		}
	}
}

func TestDecodeTermVectorRejects(t *testing.T) {
	good := Terms("Reward Models", "").encode()
	for _, b := range [][]byte{nil, {5}, good[:len(good)-1], append(good, 0)} {
		if _, err := decodeTermVector(b); err == nil {
			t.Errorf("decodeTermVector(%q) succeeded", b)
		}
	}
}

// postings returns the papers of term as pid:count/length strings.
func postings(t *testing.T, db *DB, term string) []string {
	t.Helper()
	var out []string
	err := db.TermPapers(term, func(pid []byte, count, length int) error {
		out = append(out, fmt.Sprintf("%s:%d/%d", pid, count, length))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTermIndex(t *testing.T) {
	db := openTest(t)
	put(t, db,
		Doc{Paper: corpus.Paper{ArXivID: "1", Title: "Diffusion"}},
		Doc{Paper: corpus.Paper{DOI: "10.1/a/b", Title: "Guidance for diffusion", Abstract: "Classifier-free guidance."}},
	)
	if diff := cmp.Diff([]string{"1:2/2", "10.1/a/b:2/7"}, postings(t, db, "diffusion")); diff != "" {
		t.Errorf("postings of diffusion (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"10.1/a/b:3/7"}, postings(t, db, "guidance")); diff != "" {
		t.Errorf("postings of guidance (-want +got):\n%s", diff)
	}
	if got := postings(t, db, "a/b"); got != nil {
		t.Errorf("postings of a term with a slash: %v", got)
	}
	ts, err := db.TextStats()
	if err != nil {
		t.Fatal(err)
	}
	if want := (TextStats{Papers: 2, Tokens: 9}); ts != want {
		t.Errorf("TextStats = %+v, want %+v", ts, want)
	}

	// The first paper gains an abstract: its postings follow, the old
	// ones it no longer has go, and the counter moves with it.
	put(t, db, Doc{Paper: corpus.Paper{ArXivID: "1", Title: "Diffusion", Abstract: "Sampling steps."}})
	if diff := cmp.Diff([]string{"1:2/4", "10.1/a/b:2/7"}, postings(t, db, "diffusion")); diff != "" {
		t.Errorf("postings of diffusion after the update (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"1:1/4"}, postings(t, db, "sampling")); diff != "" {
		t.Errorf("postings of sampling (-want +got):\n%s", diff)
	}
	v, err := db.PaperTerms("1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Terms("Diffusion", "Sampling steps."), v); diff != "" {
		t.Errorf("PaperTerms(1) (-want +got):\n%s", diff)
	}
	if ts, _ := db.TextStats(); ts.Tokens != 11 {
		t.Errorf("tokens after the update = %d, want 11", ts.Tokens)
	}
	var pids []string
	err = db.EachPaperTerms(context.Background(), func(pid string, v TermVector) error {
		pids = append(pids, pid)
		if v.Length == 0 {
			t.Errorf("%s: empty term vector", pid)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"1", "10.1/a/b"}, pids); diff != "" {
		t.Errorf("EachPaperTerms keys (-want +got):\n%s", diff)
	}
	if _, err := db.PaperTerms("nope"); err != ErrNotFound {
		t.Errorf("PaperTerms(nope) error = %v, want ErrNotFound", err)
	}
	df, err := db.TermDF([]string{"diffusion", "sampling", "guidance", "zebra", "a/b", ""})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{2, 1, 1, 0, 0, 0}, df); diff != "" {
		t.Errorf("TermDF (-want +got):\n%s", diff)
	}

	if problems, err := db.Verify(context.Background()); err != nil || len(problems) != 0 {
		t.Errorf("Verify = %q, %v; want no problems", strs(problems), err)
	}
}

func TestTermPapersOrder(t *testing.T) {
	db := openTest(t)
	put(t, db,
		Doc{Paper: corpus.Paper{ArXivID: "a", Title: "Other", Abstract: "Agents plan. Long text about many other things entirely."}},
		Doc{Paper: corpus.Paper{ArXivID: "b", Title: "Agent", Abstract: "Agents."}},
		Doc{Paper: corpus.Paper{ArXivID: "c", Title: "Other", Abstract: "Agents plan."}},
		Doc{Paper: corpus.Paper{ArXivID: "d", Title: "Other", Abstract: "Agents plan."}},
	)
	// b has the term three times; c and d once in a short text, a once
	// in a longer one; equal postings come in key order.
	if diff := cmp.Diff([]string{"b:3/3", "c:1/2", "d:1/2", "a:1/6"}, postings(t, db, "agent")); diff != "" {
		t.Errorf("postings of agent (-want +got):\n%s", diff)
	}
}

func TestPostingRank(t *testing.T) {
	// More occurrences rank first, and so do shorter texts.
	for _, tt := range []struct{ c1, l1, c2, l2 int }{
		{2, 100, 1, 100}, {1, 50, 1, 100}, {10, 1000, 1, 1000}, {1, 1, 1, 100000},
	} {
		if r1, r2 := postingRank(tt.c1, tt.l1), postingRank(tt.c2, tt.l2); r1 >= r2 {
			t.Errorf("postingRank(%d, %d) = %d, not before postingRank(%d, %d) = %d", tt.c1, tt.l1, r1, tt.c2, tt.l2, r2)
		}
	}
}

// TestTermDFAcrossGroups checks the term counts that Put keeps in memory
// between its groups of papers and between calls: three groups' worth of
// papers share terms, then half of them gain an abstract.
func TestTermDFAcrossGroups(t *testing.T) {
	db := openTest(t)
	n := 3*groupPapers + 7
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{Paper: corpus.Paper{ArXivID: fmt.Sprint(i), Title: fmt.Sprintf("Shared words %d", i)}}
		if i%2 == 1 {
			docs[i].Paper.Abstract = "Common diffusion text."
		}
	}
	put(t, db, docs...)
	var even []Doc
	for i := 0; i < n; i += 2 {
		even = append(even, Doc{Paper: corpus.Paper{ArXivID: fmt.Sprint(i), Title: fmt.Sprintf("Shared words %d", i), Abstract: "Common text."}})
	}
	put(t, db, even...)
	df, err := db.TermDF([]string{"shared", "diffusion", "common", "text"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{n, n / 2, n, n}, df); diff != "" {
		t.Errorf("TermDF (-want +got):\n%s", diff)
	}
	if problems, err := db.Verify(context.Background()); err != nil || len(problems) != 0 {
		t.Errorf("Verify = %q, %v; want no problems", strs(problems), err)
	}
}

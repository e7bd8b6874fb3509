package synth

import (
	"bytes"
	"context"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/paperkg/paperkg/corpus"
)

func learnSample(t testing.TB) *Model {
	t.Helper()
	f, err := corpus.Open("../testdata/arxiv-sample.jsonl", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Learn(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func generate(t testing.TB, m *Model, seed uint64, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSONL(context.Background(), &buf, NewGenerator(m, seed), n); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	m := learnSample(t)
	a, b := generate(t, m, 1, 300), generate(t, m, 1, 300)
	if !bytes.Equal(a, b) {
		t.Error("seed 1 made different corpora")
	}
	// A model learnt again from the same papers makes the same corpus.
	if c := generate(t, learnSample(t), 1, 300); !bytes.Equal(a, c) {
		t.Error("seed 1 made different corpora from two models of the same papers")
	}
	if d := generate(t, m, 2, 300); bytes.Equal(a, d) {
		t.Error("seeds 1 and 2 made the same corpus")
	}
	// The first papers of a longer run are those of a shorter one.
	if e := generate(t, m, 1, 100); !bytes.HasPrefix(a, e) {
		t.Error("the first 100 papers of 300 differ from a run of 100")
	}
}

func TestRecordsParse(t *testing.T) {
	m := learnSample(t)
	const n = 500
	r := corpus.NewJSONLReader(bytes.NewReader(generate(t, m, 7, n)))
	ids := make(map[string]bool)
	for i := 0; ; i++ {
		p, err := r.Read()
		if err == io.EOF {
			if i != n {
				t.Fatalf("read %d papers, want %d", i, n)
			}
			break
		}
		if err != nil {
			t.Fatalf("paper %d: %v", i+1, err)
		}
		switch {
		case p.Title == "" || p.Abstract == "":
			t.Errorf("paper %d has no title or no abstract: %+v", i+1, p)
		case p.ArXivID == "" || p.ArXivID != p.ID:
			t.Errorf("paper %d: id %q, arXiv id %q: want an arXiv id", i+1, p.ID, p.ArXivID)
		case ids[p.ID]:
			t.Errorf("paper %d: id %q repeats", i+1, p.ID)
		case p.Year < 2015 || p.Year > 2024:
			t.Errorf("paper %d: year %d", i+1, p.Year)
		case strings.ContainsFunc(p.Title+p.Abstract, func(r rune) bool { return r < ' ' }):
			t.Errorf("paper %d holds a control character: %q", i+1, p.Title+p.Abstract)
		}
		ids[p.ID] = true
	}
}

func TestMadeUpNamesDistinct(t *testing.T) {
	seen := make(map[string]int)
	for k := 0; k < 20000; k++ {
		name := madeUp(k)
		if !isName(name) {
			t.Errorf("madeUp(%d) = %q is not shaped like a name", k, name)
		}
		folded := strings.Map(func(r rune) rune {
			switch {
			case r >= 'A' && r <= 'Z':
				return r + 'a' - 'A'
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				return r
			}
			return -1
		}, name)
		if j, ok := seen[folded]; ok {
			t.Fatalf("madeUp(%d) = %q folds as madeUp(%d) does", k, name, j)
		}
		seen[folded] = k
	}
}

func TestTemplate(t *testing.T) {
	tests := []struct {
		in, want string
		long     map[string]string
	}{
		{"We evaluate GPT-4 on MMLU.", "We evaluate \x01 on \x01.", nil},
		{"Neural Radiance Fields (NeRF) render scenes.", "\x02 render scenes.", map[string]string{"NeRF": "Neural Radiance Fields"}},
		{"We propose LipVoicer, a method.", "We propose \x03, a method.", nil},
		{"A new method called Dense Video Captioner (DVC).", "A new method called \x04.", map[string]string{"DVC": "Dense Video Captioner"}},
		{"The results (see DVC) hold.", "The results (see \x01) hold.", nil},
		{"AI models and e.g. 3D scenes.", "AI models and e.g. 3D scenes.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			l := &learner{m: &Model{long: make(map[string]string)}, df: make(map[string]int), longs: make(map[string]map[string]int)}
			if got := l.template(tt.in, make(map[string]bool)); got != tt.want {
				t.Errorf("template = %q, want %q", got, tt.want)
			}
			long := make(map[string]string)
			for name, forms := range l.longs {
				for f := range forms {
					long[name] = f
				}
			}
			if len(long) == 0 {
				long = nil
			}
			if !reflect.DeepEqual(long, tt.long) {
				t.Errorf("long forms = %q, want %q", long, tt.long)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	got := sentences("We use e.g. BERT. It works, cf. Smith et al. 2020. Does it? Yes! 3 tests pass.")
	want := []string{"We use e.g. BERT.", "It works, cf. Smith et al. 2020.", "Does it?", "Yes!", "3 tests pass."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func TestLearnEmpty(t *testing.T) {
	r := corpus.NewJSONLReader(strings.NewReader(`{"id": "1", "title": "No abstract"}` + "\n"))
	if _, err := Learn(context.Background(), r); !errors.Is(err, ErrEmpty) {
		t.Errorf("Learn = %v, want %v", err, ErrEmpty)
	}
}

func TestTooMany(t *testing.T) {
	err := WriteJSONL(context.Background(), io.Discard, NewGenerator(learnSample(t), 1), MaxPapers+1)
	if err == nil {
		t.Errorf("WriteJSONL of %d papers succeeded", MaxPapers+1)
	}
}

func BenchmarkGenerate(b *testing.B) {
	m := learnSample(b)
	g := NewGenerator(m, 1)
	var n int64
	for b.Loop() {
		p := g.Paper()
		n += int64(len(p.Title) + len(p.Abstract))
	}
	b.SetBytes(n / int64(max(b.N, 1)))
}

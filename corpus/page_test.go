package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// cmpErrors compares errors as reflect.DeepEqual does, so a want of
// &ParseError{...} must match the whole error.
var cmpErrors = cmp.Comparer(func(a, b error) bool { return reflect.DeepEqual(a, b) })

func TestPageReaderSeed(t *testing.T) {
	data, err := os.ReadFile("../testdata/papers-page.txt")
	if err != nil {
		t.Fatal(err)
	}
	r := NewPageReader(bytes.NewReader(data))
	ps := papers(t, readAll(t, r, 1000))
	if len(ps) != 89 {
		t.Fatalf("read %d papers, want 89", len(ps))
	}
	if got, want := ps[0].Title, "Guide-and-Rescale: Self-Guidance Mechanism for Effective Tuning-Free Real Image Editing"; got != want {
		t.Errorf("first title = %q, want %q", got, want)
	}
	if got, want := ps[88].Title, "Can Language Models Teach Weaker Agents? Teacher Explanations Improve Students via Theory of Mind"; got != want {
		t.Errorf("last title = %q, want %q", got, want)
	}
	// Each paper is a line of the page followed by its abstract as the
	// next non-blank line.
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	next := map[string]string{}
	for i := 0; i+1 < len(lines); i++ {
		next[lines[i]] = lines[i+1]
	}
	for i, p := range ps {
		if p.Abstract == "" {
			t.Errorf("paper %d %q has no abstract", i+1, p.Title)
		} else if next[p.Title] != p.Abstract {
			t.Errorf("paper %d %q: abstract is not the line after the title", i+1, p.Title)
		}
		if p.Source != PageSource {
			t.Errorf("paper %d: Source = %q, want %q", i+1, p.Source, PageSource)
		}
		checkClean(t, "title", p.Title)
		checkClean(t, "abstract", p.Abstract)
	}
}

// Abstracts for the table tests: prose of several sentences.
const (
	abs1 = "We study how to read saved pages of papers. The method tells titles and abstracts apart by their shape. It works on pages it has never seen."
	abs2 = "Large language models are trained on text from the web. We show that rewards can guide them, and we report results on three benchmarks."
	abs3 = "A single sentence that is long enough to be an abstract of a short paper ends here."
)

func TestPageReader(t *testing.T) {
	authors := strings.Repeat("Ann Smith, Bo Li, Carla Diaz, ", 8) + "Dan Wu"
	longAbstract := strings.Repeat("This sentence makes the abstract far too long. ", 10)
	tests := []struct {
		name  string
		lines []string
		max   int
		want  []result
	}{
		{
			name:  "header and papers",
			lines: []string{"new", "", "Get trending papers in your email inbox!", "", "Subscribe", "", "byAK and the research community", "", "Mar 11", "", "First Title: A Study", "", abs1, "", "Second Title of a Paper", "", abs2, ""},
			want: []result{
				ok(Paper{Title: "First Title: A Study", Abstract: abs1, Source: PageSource}),
				ok(Paper{Title: "Second Title of a Paper", Abstract: abs2, Source: PageSource}),
			},
		},
		{
			name:  "title without abstract in the middle",
			lines: []string{"Title One", abs1, "Title Two", "", "Title Three", abs2},
			want: []result{
				ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource}),
				ok(Paper{Title: "Title Two", Source: PageSource}),
				ok(Paper{Title: "Title Three", Abstract: abs2, Source: PageSource}),
			},
		},
		{
			name:  "first title without abstract after a dated header",
			lines: []string{"Daily Papers", "Subscribe", "Mar 11", "Title One", "Title Two", abs2},
			want: []result{
				ok(Paper{Title: "Title One", Source: PageSource}),
				ok(Paper{Title: "Title Two", Abstract: abs2, Source: PageSource}),
			},
		},
		{
			name:  "titles before the first abstract without a header",
			lines: []string{"Title One", "", "Title Two", "", abs2},
			want: []result{
				ok(Paper{Title: "Title One", Source: PageSource}),
				ok(Paper{Title: "Title Two", Abstract: abs2, Source: PageSource}),
			},
		},
		{
			name:  "last title without abstract",
			lines: []string{"Title One", abs1, "Title Two"},
			want: []result{
				ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource}),
				ok(Paper{Title: "Title Two", Source: PageSource}),
			},
		},
		{
			name:  "titles only",
			lines: []string{"Title One", "Title Two"},
			want: []result{
				ok(Paper{Title: "Title One", Source: PageSource}),
				ok(Paper{Title: "Title Two", Source: PageSource}),
			},
		},
		{
			name:  "furniture between title and abstract",
			lines: []string{"Title One", "· 5 authors", "Published on Mar 11, 2025", "2025-03-11", "Submitted by akhaliq", "42", "1.2k", abs1},
			want:  []result{ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource})},
		},
		{
			name:  "furniture between papers",
			lines: []string{"Title One", abs1, "Submitted by", "akhaliq", "17", "Title Two", abs2, "Mar 12, 2025", "3 days ago"},
			want: []result{
				ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource}),
				ok(Paper{Title: "Title Two", Abstract: abs2, Source: PageSource}),
			},
		},
		{
			name:  "user name between title and abstract",
			lines: []string{"Title One", "akhaliq", abs1},
			want:  []result{ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource})},
		},
		{
			name:  "one-word title before an abstract",
			lines: []string{"Title One", abs1, "Eureka", abs2},
			want: []result{
				ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource}),
				ok(Paper{Title: "Eureka", Abstract: abs2, Source: PageSource}),
			},
		},
		{
			name:  "weak lines without an abstract are not papers",
			lines: []string{"Title One", abs1, "Upvote", "view all papers", "Load more!", "Title Two", abs2, "Subscribe"},
			want: []result{
				ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource}),
				ok(Paper{Title: "Title Two", Abstract: abs2, Source: PageSource}),
			},
		},
		{
			name:  "author list between title and abstract",
			lines: []string{"Title One", authors, abs1},
			want:  []result{ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource})},
		},
		{
			name:  "abstract in two paragraphs",
			lines: []string{"Title One", abs1, "", abs3, "Title Two"},
			want: []result{
				ok(Paper{Title: "Title One", Abstract: abs1 + " " + abs3, Source: PageSource}),
				ok(Paper{Title: "Title Two", Source: PageSource}),
			},
		},
		{
			name:  "abstract without a title",
			lines: []string{"", abs1, abs3, "Title One", abs2},
			want: []result{
				bad(ParseError{Path: "page.txt", StartLine: 2, Line: 2, Err: ErrNoTitle}),
				ok(Paper{Title: "Title One", Abstract: abs2, Source: PageSource}),
			},
		},
		{
			name:  "spaces, tabs, CRLF and a byte-order mark",
			lines: []string{"\ufeff  Title \t One  \r", "\r", strings.ReplaceAll(abs1, " ", "  ") + "\r"},
			want:  []result{ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource})},
		},
		{
			name:  "header only",
			lines: []string{"new", "", "Subscribe", "", "byAK and the research community", "", "Mar 11", ""},
		},
		{
			name: "empty",
		},
		{
			name:  "line too long",
			max:   200,
			lines: []string{"Title One", abs1, "Title Two", longAbstract, "Title Three", abs2},
			want: []result{
				ok(Paper{Title: "Title One", Abstract: abs1, Source: PageSource}),
				ok(Paper{Title: "Title Two", Source: PageSource}),
				bad(ParseError{Path: "page.txt", StartLine: 4, Line: 4, Err: ErrTooLong}),
				ok(Paper{Title: "Title Three", Abstract: abs2, Source: PageSource}),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewPageReader(strings.NewReader(strings.Join(tt.lines, "\n")))
			r.Path = "page.txt"
			r.MaxRecordBytes = tt.max
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClassifyLine(t *testing.T) {
	tests := []struct {
		line string
		want lineKind
	}{
		{"", blankLine},
		{"Mar 11", furnitureLine},
		{"March 11, 2025", furnitureLine},
		{"Published on Mar 11", furnitureLine},
		{"11 Mar 2025", furnitureLine},
		{"2025-03-11", furnitureLine},
		{"Mon, 2 Apr 2007 19:18:42 GMT", furnitureLine},
		{"42", furnitureLine},
		{"1,234", furnitureLine},
		{"· 12 authors", furnitureLine},
		{"3 days ago", furnitureLine},
		{"•", furnitureLine},
		{"Submitted by akhaliq", furnitureLine},
		{"by AK and the research community", furnitureLine},
		{"byAK and the research community", furnitureLine},
		{"Authors: Ann Smith, Bo Li", furnitureLine},
		{strings.Repeat("Ann Smith, ", 30) + "Bo Li", furnitureLine},
		{"new", weakLine},
		{"Subscribe", weakLine},
		{"akhaliq", weakLine},
		{"Get trending papers in your email inbox!", weakLine},
		{"view all papers", weakLine},
		{"GPT-4", weakLine},
		{"Learning by Cheating", titleLine},
		{"May the Force Be With You: A Study", titleLine},
		{"2 Fast 2 Furious: Racing Language Models", titleLine},
		{"xLSTM: Extended Long Short-Term Memory", titleLine},
		{"s1: Simple test-time scaling", titleLine},
		{"Secrets of RLHF in Large Language Models Part I: PPO", titleLine},
		{"What Are Step-Level Reward Models Rewarding? Counterintuitive Findings from MCTS-Boosted Mathematical Reasoning", titleLine},
		{"AI-Generated Slides: Are They Good? Can Students Tell?", titleLine},
		{"Are GNNs Worth the Effort for IoT Botnet Detection? A Comparative Study of VAE-GNN vs. ViT-MLP and VAE-MLP Approaches", titleLine},
		{abs1, proseLine},
		{abs3, proseLine},
		{"We propose a new deterministic symmetric recursive algorithm for solving mean-payoff games.", proseLine},
		{strings.Repeat("a long run of words without any full stop ", 5), proseLine},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := classifyLine(tt.line); got != tt.want {
				t.Errorf("classifyLine(%q) = %d, want %d", tt.line, got, tt.want)
			}
		})
	}
}

// TestClassifyCorpus checks the shape rules on titles and abstracts the
// page reader has never seen: arXiv listings in JSON Lines.
func TestClassifyCorpus(t *testing.T) {
	path := sharedFile(t, "corpus/arxiv-2025-2026.jsonl.gz")
	f, err := Open(path, "auto")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, notProse := 0, 0
	for n < 2000 {
		p, err := f.Read()
		if err != nil {
			t.Fatal(err)
		}
		n++
		if k := classifyLine(p.Title); k != titleLine && k != weakLine {
			t.Errorf("title %q: kind %d, want a title", p.Title, k)
		}
		if classifyLine(p.Abstract) != proseLine {
			notProse++
		}
	}
	// A handful of one-sentence abstracts read as titles.
	if notProse > n/200 {
		t.Errorf("%d of %d abstracts not taken for prose, want at most %d", notProse, n, n/200)
	}
}

// TestPageGolden reads the page excerpts under testdata and compares the
// papers and errors with the golden files beside them.
func TestPageGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/page-*.txt")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no page excerpts: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			f, err := Open(in, "auto")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if f.Format() != PageSource {
				t.Fatalf("format %q, want %q", f.Format(), PageSource)
			}
			got := goldenJSON(t, readAll(t, f, 1000))
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s differs (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// goldenJSON writes results one JSON object a line.
func goldenJSON(t *testing.T, rs []result) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, r := range rs {
		var v any = r.P
		if r.Err != nil {
			v = map[string]string{"error": fmt.Sprint(r.Err)}
		}
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

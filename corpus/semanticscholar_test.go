package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSemanticScholarReader(t *testing.T) {
	perr := func(start, line, col, record int, err error) result {
		return bad(ParseError{Path: "s2.json", StartLine: start, Line: line, Column: col, Record: record, Err: err})
	}
	s2 := func(id, title string, refs ...string) result {
		return ok(Paper{ID: id, Title: title, Source: SemanticScholarSource, References: refs})
	}
	noID := (&Paper{Title: "No id"}).PID()
	tests := []struct {
		name  string
		input string
		want  []result
	}{
		{
			name: "paper",
			input: `{"paperId": "649def34f8be52c8b66281af98ae884c09aef38b", "corpusId": 14636783,
 "externalIds": {"ArXiv": "1706.03762", "DOI": "10.5555/3295222.3295349", "CorpusId": 13756489},
 "url": "https://www.semanticscholar.org/paper/649def34f8be52c8b66281af98ae884c09aef38b",
 "title": "Attention is All you Need", "abstract": null, "tldr": {"text": "A new architecture."},
 "year": null, "publicationDate": "2017-06-12", "authors": [{"authorId": "40348417", "name": "Ashish Vaswani"}],
 "embedding": {"model": "specter_v1", "vector": [0.1, -0.2]}}`,
			want: []result{ok(Paper{
				ID: "649def34f8be52c8b66281af98ae884c09aef38b", ArXivID: "1706.03762", DOI: "10.5555/3295222.3295349",
				Title: "Attention is All you Need", Year: 2017, Authors: []string{"Ashish Vaswani"},
				URL: "https://www.semanticscholar.org/paper/649def34f8be52c8b66281af98ae884c09aef38b", Source: SemanticScholarSource,
			})},
		},
		{
			name: "nested citations and references",
			input: `{"paperId": "m", "title": "Main",
 "references": [
  {"paperId": "r1", "title": "Ref one"},
  {"paperId": "r2", "title": null},
  {"paperId": null, "title": "A footnote"},
  {"paperId": "m", "title": "Main citing itself"},
  7
 ],
 "citations": [
  {"paperId": "c1", "title": "Citing one"},
  {"paperId": "c2"},
  {"paperId": null, "title": "Unmatched citation"},
  {"paperId": "c1", "title": "Citing one again"},
  {"paperId": "r1", "title": "Ref one"}
 ]}`,
			want: []result{
				s2("m", "Main", "r1", "r2"),
				s2("r1", "Ref one", "m"),
				s2("c1", "Citing one", "m"),
			},
		},
		{
			name: "batch: each nested paper once per new edge",
			input: `[{"paperId": "p1", "title": "P one", "citations": [{"paperId": "x", "title": "X"}]},
 null,
 {"paperId": "p2", "title": "P two",
  "references": [{"paperId": "p1", "title": "P one"}],
  "citations": [{"paperId": "x", "title": "X"}, {"paperId": "y", "title": "Y"}]},
 {"paperId": "x", "title": "X", "references": [{"paperId": "z", "title": null}]}]`,
			want: []result{
				s2("p1", "P one"),
				s2("x", "X", "p1"),
				s2("p2", "P two", "p1"),
				s2("x", "X", "p1", "p2"),
				s2("y", "Y", "p2"),
				s2("x", "X", "p1", "p2", "z"),
			},
		},
		{
			name: "citations response",
			input: `{"offset": 0, "next": 2, "data": [
 {"contexts": [], "isInfluential": false, "citingPaper": {"paperId": "a", "title": "A"}},
 {"contexts": [], "citedPaper": {"paperId": null, "title": "Unmatched"}}
]}`,
			want: []result{s2("a", "A"), ok(Paper{Title: "Unmatched", Source: SemanticScholarSource})},
		},
		{
			name:  "paper without a paperId",
			input: `{"paperId": null, "title": "No id", "citations": [{"paperId": "c", "title": "C"}]}`,
			want:  []result{ok(Paper{Title: "No id", Source: SemanticScholarSource}), s2("c", "C", noID)},
		},
		{
			name:  "JSON Lines",
			input: "{\"paperId\": \"a\", \"title\": \"A\"}\n{\"paperId\": \"b\", \"title\": 5}\n{\"paperId\": null, \"abstract\": \"No title.\"}\n42\n{\"paperId\": \"e\", \"title\": \"E\"}\n",
			want: []result{
				s2("a", "A"),
				perr(2, 2, 1, 2, ErrShape),
				perr(3, 3, 1, 3, ErrNoTitle),
				perr(4, 4, 1, 4, ErrShape),
				s2("e", "E"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewSemanticScholarReader(strings.NewReader(tt.input))
			r.Path = "s2.json"
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

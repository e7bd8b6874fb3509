package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOpenAlexReader(t *testing.T) {
	perr := func(start, line, col, record int, err error) result {
		return bad(ParseError{Path: "works.json", StartLine: start, Line: line, Column: col, Record: record, Err: err})
	}
	work := func(id, title string) result {
		return ok(Paper{ID: id, Title: title, URL: "https://openalex.org/" + id, Source: OpenAlexSource})
	}
	tests := []struct {
		name  string
		input string
		want  []result
	}{
		{
			name: "work",
			input: `{"id": "https://openalex.org/W2741809807", "doi": "https://doi.org/10.7717/PEERJ.4375",
 "title": "The state of OA", "display_name": "The state of OA (display)",
 "publication_year": 2018, "publication_date": "2017-02-13",
 "ids": {"openalex": "https://openalex.org/W2741809807", "doi": "https://doi.org/10.7717/peerj.4375", "pmid": "https://pubmed.ncbi.nlm.nih.gov/29456894"},
 "authorships": [{"author": {"display_name": "Heather Piwowar"}, "raw_author_name": "H. Piwowar"}, {"author": {}, "raw_author_name": "Jason Priem"}, {"author": null}, 7],
 "referenced_works": ["https://openalex.org/W1560783210", "W1564137137", "https://openalex.org/W1560783210", "not an id", 5],
 "abstract_inverted_index": {"Despite": [0], "growing": [1], "interest": [2], "in": [3, 5], "OA,": [4], "much": [6]}}`,
			want: []result{ok(Paper{
				ID: "W2741809807", DOI: "10.7717/PEERJ.4375", Title: "The state of OA",
				Abstract: "Despite growing interest in OA, in much", Year: 2018,
				Authors: []string{"Heather Piwowar", "Jason Priem"}, URL: "https://openalex.org/W2741809807",
				Source: OpenAlexSource, References: []string{"W1560783210", "W1564137137"},
			})},
		},
		{
			name: "abstract in order of positions, gaps and ties",
			input: `{"id": "W1", "title": "T", "abstract_inverted_index": {"c": [9], "a": [0], "b": [4, -1], "x": [4]}}
{"id": "W2", "title": "T", "abstract_inverted_index": {"IndexLength": 2, "InvertedIndex": {"old": [0], "form": [1]}}}
{"id": "W3", "title": "T", "abstract": "A plain abstract.", "abstract_inverted_index": null}
{"id": "W4", "title": "T", "abstract_inverted_index": {}}`,
			want: []result{
				ok(Paper{ID: "W1", Title: "T", Abstract: "a b x c", Source: OpenAlexSource}),
				ok(Paper{ID: "W2", Title: "T", Abstract: "old form", Source: OpenAlexSource}),
				ok(Paper{ID: "W3", Title: "T", Abstract: "A plain abstract.", Source: OpenAlexSource}),
				ok(Paper{ID: "W4", Title: "T", Source: OpenAlexSource}),
			},
		},
		{
			name: "arXiv ids",
			input: `[{"id": "https://openalex.org/W10", "title": "By DOI", "doi": "https://doi.org/10.48550/arxiv.2503.11731"},
 {"id": "https://openalex.org/W11", "title": "By ids", "ids": {"arxiv": "arXiv:2101.00027v2"}},
 {"id": "https://openalex.org/W12", "title": "By location", "primary_location": {"landing_page_url": "https://doi.org/10.1000/x"},
  "locations": [{"landing_page_url": null, "pdf_url": "https://arxiv.org/pdf/1706.03762v7"}]}]`,
			want: []result{
				ok(Paper{ID: "W10", ArXivID: "2503.11731", DOI: "10.48550/arxiv.2503.11731", Title: "By DOI", URL: "https://openalex.org/W10", Source: OpenAlexSource}),
				ok(Paper{ID: "W11", ArXivID: "2101.00027", Title: "By ids", URL: "https://openalex.org/W11", Source: OpenAlexSource}),
				ok(Paper{ID: "W12", ArXivID: "1706.03762", Title: "By location", URL: "https://openalex.org/W12", Source: OpenAlexSource}),
			},
		},
		{
			name:  "works response",
			input: "{\"meta\": {\"count\": 2}, \"results\": [\n  {\"id\": \"https://openalex.org/W1\", \"display_name\": \"One\"},\n  {\"id\": \"https://openalex.org/A5023888391\", \"display_name\": \"An author\"},\n  {\"id\": \"https://openalex.org/W3\", \"title\": 3},\n  {\"id\": \"https://openalex.org/W4\", \"title\": \"Four\", \"abstract_inverted_index\": {\"a\": \"zero\"}},\n  {\"cited_by_count\": 1},\n  {\"id\": \"https://openalex.org/W6\", \"display_name\": \"Six\"}\n]}",
			want: []result{
				work("W1", "One"),
				perr(3, 3, 3, 2, ErrShape),
				perr(4, 4, 3, 3, ErrShape),
				perr(5, 5, 3, 4, ErrShape),
				perr(6, 6, 3, 5, ErrNoTitle),
				work("W6", "Six"),
			},
		},
		{
			name:  "snapshot lines with a bad line",
			input: "{\"id\": \"https://openalex.org/W1\", \"title\": \"One\"}\n{\"id\": \"https://openalex.org/W2\", \"title\" \"Two\"}\n{\"id\": \"https://openalex.org/W3\", \"title\": \"Three\"}\n",
			want:  []result{work("W1", "One"), perr(2, 2, 43, 2, syntaxError("invalid character '\"' after object key")), work("W3", "Three")},
		},
		{name: "empty results", input: `{"meta": {"count": 0}, "results": []}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewOpenAlexReader(strings.NewReader(tt.input))
			r.Path = "works.json"
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOpenAlexID(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://openalex.org/W2741809807", "W2741809807", true},
		{"http://openalex.org/w2741809807", "W2741809807", true},
		{"https://api.openalex.org/works/W2741809807", "W2741809807", true},
		{"W2741809807", "W2741809807", true},
		{"https://openalex.org/A5023888391", "A5023888391", true},
		{"https://openalex.org/W", "", false},
		{"W27418x9807", "", false},
		{"2741809807", "", false},
		{"https://example.org/W1", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got, ok := openAlexID(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("openAlexID(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

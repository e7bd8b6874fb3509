package corpus

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJSONReader(t *testing.T) {
	p := func(title string) result { return ok(Paper{Title: title, Source: JSONSource}) }
	perr := func(start, line, col, record int, err error) result {
		return bad(ParseError{Path: "in.json", StartLine: start, Line: line, Column: col, Record: record, Err: err})
	}
	tests := []struct {
		name  string
		input string
		max   int
		want  []result
	}{
		{
			name:  "array",
			input: `[{"title": "One"}, {"title": "Two"}]`,
			want:  []result{p("One"), p("Two")},
		},
		{
			name:  "single record",
			input: "{\n  \"id\": \"2503.11731v1\",\n  \"title\": \"One\"\n}\n",
			want:  []result{ok(Paper{ID: "2503.11731v1", ArXivID: "2503.11731", Title: "One", Source: JSONSource})},
		},
		{
			name:  "envelope data",
			input: `{"total": 2, "data": [{"title": "One"}, {"title": "Two"}]}`,
			want:  []result{p("One"), p("Two")},
		},
		{
			name:  "envelope results",
			input: `{"meta": {"count": 2}, "results": [{"title": "One"}, {"title": "Two"}]}`,
			want:  []result{p("One"), p("Two")},
		},
		{
			name:  "envelope papers",
			input: `{"papers": [{"title": "One"}], "next": null}`,
			want:  []result{p("One")},
		},
		{
			name:  "envelope items",
			input: `{"items": [{"title": "One"}]}`,
			want:  []result{p("One")},
		},
		{
			name:  "envelope fields in order of preference",
			input: `{"items": [{"title": "Items"}], "data": [{"title": "Data"}]}`,
			want:  []result{p("Data")},
		},
		{
			name:  "empty envelope",
			input: `{"meta": {}, "results": []}`,
		},
		{
			name:  "object with a title is a record, not an envelope",
			input: `{"title": "One", "data": [{"title": "Inner"}]}`,
			want:  []result{p("One")},
		},
		{
			name:  "object without title, id or envelope",
			input: `{"meta": {"count": 0}}`,
			want:  []result{perr(1, 1, 1, 1, ErrNoTitle)},
		},
		{
			name:  "sequence of values",
			input: "{\"title\": \"One\"}\n[{\"title\": \"Two\"}]\n{\"data\": [{\"title\": \"Three\"}]}\n{\"x\": 1}\n",
			want:  []result{p("One"), p("Two"), p("Three"), perr(4, 4, 1, 4, ErrNoTitle)},
		},
		{
			name:  "elements that are not records",
			input: "[\n  {\"title\": \"One\"},\n  42,\n  \"a string\",\n  [{\"title\": \"nested\"}],\n  null,\n  {\"title\": \"Two\"}\n]\n",
			want: []result{
				p("One"),
				perr(3, 3, 3, 2, ErrShape),
				perr(4, 4, 3, 3, ErrShape),
				perr(5, 5, 3, 4, ErrShape),
				perr(6, 6, 3, 5, ErrShape),
				p("Two"),
			},
		},
		{
			name:  "errors in an envelope",
			input: "{\"results\": [\n  5,\n  {\"title\": \"One\"},\n  {\"abstract\": \"No title.\"}\n]}",
			want: []result{
				perr(2, 2, 3, 1, ErrShape),
				p("One"),
				perr(4, 4, 3, 3, ErrNoTitle),
			},
		},
		{
			name:  "invalid element",
			input: "[{\"title\": \"One\"},\n {\"title\"\n   \"Two\"},\n {\"title\": \"Three\"}]",
			want:  []result{p("One"), perr(2, 3, 4, 2, syntaxError("invalid character '\"' after object key")), p("Three")},
		},
		{
			name:  "invalid scalar element",
			input: `[{"title": "One"}, tru, {"title": "Three"}]`,
			want:  []result{p("One"), perr(1, 1, 22, 2, syntaxError("invalid character ' ' in literal true (expecting 'e')")), p("Three")},
		},
		{
			name:  "title of the wrong type",
			input: `[{"title": 5}, {"title": "Two"}]`,
			want:  []result{perr(1, 1, 2, 1, ErrShape), p("Two")},
		},
		{
			name:  "missing comma",
			input: `[{"title": "One"} {"title": "Two"}]`,
			want:  []result{p("One"), perr(1, 1, 19, 0, syntaxError("missing comma between array elements")), p("Two")},
		},
		{
			name:  "trailing comma",
			input: `[{"title": "One"},]`,
			want:  []result{p("One"), perr(1, 1, 19, 0, syntaxError("comma before ']'"))},
		},
		{
			name:  "leading comma",
			input: `[, {"title": "One"}]`,
			want:  []result{perr(1, 1, 2, 0, syntaxError("comma where a value was expected")), p("One")},
		},
		{
			name:  "unbalanced brackets end the input",
			input: "[{\"title\": \"One\"},\n {\"title\": \"Two\"],\n {\"title\": \"Three\"}]",
			want:  []result{p("One"), perr(2, 2, 17, 2, syntaxError("unterminated value or unbalanced brackets"))},
		},
		{
			name:  "input ends inside an array",
			input: "[{\"title\": \"One\"},\n",
			want:  []result{p("One"), perr(2, 2, 1, 0, syntaxError("unexpected end of input"))},
		},
		{
			name:  "input ends inside a string",
			input: `[{"title": "One"}, {"title": "Tw`,
			want:  []result{p("One"), perr(1, 1, 33, 2, syntaxError("unterminated value or unbalanced brackets"))},
		},
		{
			name:  "stray closing bracket",
			input: "{\"title\": \"One\"}\n]",
			want:  []result{p("One"), perr(2, 2, 1, 0, syntaxError("unterminated value or unbalanced brackets"))},
		},
		{
			name:  "text that is not JSON",
			input: "new\nSubscribe\n",
			want:  []result{perr(1, 1, 2, 1, syntaxError("invalid character 'e' in literal null (expecting 'u')"))},
		},
		{
			name:  "invalid top-level object",
			input: "{\"title\" \"One\"}\n{\"title\": \"Two\"}",
			want:  []result{perr(1, 1, 10, 1, syntaxError("invalid character '\"' after object key")), p("Two")},
		},
		{
			name:  "top-level scalars",
			input: "42 \"text\"",
			want:  []result{perr(1, 1, 1, 1, ErrShape), perr(1, 1, 4, 2, ErrShape)},
		},
		{
			name:  "byte-order mark counts in columns",
			input: "\ufeff[5, {\"title\": \"One\"}]",
			want:  []result{perr(1, 1, 5, 1, ErrShape), p("One")},
		},
		{
			name:  "record too long",
			max:   30,
			input: `[{"title": "One"}, {"title": "` + strings.Repeat("x", 40) + `"}, {"title": "Three"}]`,
			want:  []result{p("One"), perr(1, 1, 20, 2, ErrTooLong), p("Three")},
		},
		{name: "empty input", input: ""},
		{name: "white space only", input: " \n\t\n"},
		{name: "empty array", input: "[ ]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewJSONReader(strings.NewReader(tt.input))
			r.Path = "in.json"
			r.MaxRecordBytes = tt.max
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONSamples reads real API responses with the generic JSON reader,
// which the formats of their sources refine, and checks the papers against
// the same responses decoded generically.
func TestJSONSamples(t *testing.T) {
	type object = map[string]any
	str := func(v any) string { s, _ := v.(string); return s }
	tests := []struct {
		name string
		file string
		// want derives the expected papers from the decoded file.
		want func(doc any) []*Paper
	}{
		{
			name: "Hugging Face daily papers",
			file: "testdata/samples/hf_daily_papers/lucas-m-lopes_sotawhat_hf_daily_papers.json",
			want: func(doc any) []*Paper {
				var ps []*Paper
				for _, it := range doc.([]any) {
					item := it.(object)
					paper := item["paper"].(object)
					var authors []string
					for _, a := range paper["authors"].([]any) {
						authors = append(authors, str(a.(object)["name"]))
					}
					year := 0
					if d := str(item["publishedAt"]); len(d) >= 4 {
						year = int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
					}
					ps = append(ps, &Paper{
						ID: str(paper["id"]), ArXivID: str(paper["id"]),
						Title: clean(str(item["title"])), Abstract: clean(str(item["summary"])),
						Year: year, Authors: authors, Source: JSONSource,
					})
				}
				return ps
			},
		},
		{
			name: "OpenAlex works",
			file: "testdata/samples/openalex/hfl112_paper-extract_openalex_works.json",
			want: func(doc any) []*Paper {
				var ps []*Paper
				for _, w := range doc.(object)["results"].([]any) {
					work := w.(object)
					var authors []string
					for _, a := range work["authorships"].([]any) {
						authors = append(authors, str(a.(object)["raw_author_name"]))
					}
					ps = append(ps, &Paper{
						ID: str(work["id"]), DOI: strings.TrimPrefix(str(work["doi"]), "https://doi.org/"),
						Title: str(work["title"]), Year: int(work["publication_year"].(float64)),
						Authors: authors, Source: JSONSource,
					})
				}
				return ps
			},
		},
		{
			name: "Semantic Scholar paper",
			file: "testdata/samples/semantic_scholar/danielnsilva_semanticscholar_Paper.json",
			want: func(doc any) []*Paper {
				paper := doc.(object)
				var authors []string
				for _, a := range paper["authors"].([]any) {
					authors = append(authors, str(a.(object)["name"]))
				}
				return []*Paper{{
					ID: str(paper["paperId"]), DOI: str(paper["externalIds"].(object)["DOI"]),
					Title: str(paper["title"]), Abstract: clean(str(paper["abstract"])),
					Year: int(paper["year"].(float64)), Authors: authors,
					URL: str(paper["url"]), Source: JSONSource,
				}}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.file
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			want := tt.want(doc)
			if len(want) == 0 {
				t.Fatal("sample holds no papers")
			}
			f, err := Open(path, JSONSource)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if f.Format() != JSONSource {
				t.Errorf("format %q, want %q", f.Format(), JSONSource)
			}
			got := papers(t, readAll(t, f, 10000))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("papers differ (-want +got):\n%s", diff)
			}
		})
	}
}

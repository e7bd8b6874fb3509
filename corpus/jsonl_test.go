package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJSONLFields(t *testing.T) {
	tests := []struct {
		name string
		line string
		want Paper
	}{
		{
			name: "arXiv listing",
			line: `{"id": "2503.11731", "title": "A Title", "abstract": "An abstract.", "year": 2025, "authors": ["Ann Smith", "Bo Li"], "categories": ["cs.CV"], "listing_date": "2025-03-18"}`,
			want: Paper{ID: "2503.11731", ArXivID: "2503.11731", Title: "A Title", Abstract: "An abstract.", Year: 2025, Authors: []string{"Ann Smith", "Bo Li"}},
		},
		{
			name: "versioned id",
			line: `{"id": "2503.11731v2", "title": "A Title"}`,
			want: Paper{ID: "2503.11731v2", ArXivID: "2503.11731", Title: "A Title"},
		},
		{
			name: "arxiv_id",
			line: `{"arxiv_id": "arXiv:hep-th/9901001v1", "title": "A Title"}`,
			want: Paper{ID: "arXiv:hep-th/9901001v1", ArXivID: "hep-th/9901001", Title: "A Title"},
		},
		{
			name: "arxivId and paperId",
			line: `{"paperId": "2d5673caa9e6af3a7b82a43f19ee920992db07ad", "arxivId": "2503.11731", "title": "A Title"}`,
			want: Paper{ID: "2503.11731", ArXivID: "2503.11731", Title: "A Title"},
		},
		{
			name: "paperId only",
			line: `{"paperId": "2d5673caa9e6af3a7b82a43f19ee920992db07ad", "title": "A Title"}`,
			want: Paper{ID: "2d5673caa9e6af3a7b82a43f19ee920992db07ad", Title: "A Title"},
		},
		{
			name: "doi URL",
			line: `{"doi": "https://doi.org/10.1038/s41586-021-03534-y", "title": "A Title"}`,
			want: Paper{ID: "https://doi.org/10.1038/s41586-021-03534-y", DOI: "10.1038/s41586-021-03534-y", Title: "A Title"},
		},
		{
			name: "DOI upper case and doi prefix",
			line: `{"DOI": "doi:10.1000/182", "title": "A Title"}`,
			want: Paper{ID: "doi:10.1000/182", DOI: "10.1000/182", Title: "A Title"},
		},
		{
			name: "OpenAlex id with doi",
			line: `{"id": "https://openalex.org/W3161425918", "doi": "https://doi.org/10.1038/x", "display_name": "A Title", "publication_year": 2021}`,
			want: Paper{ID: "https://openalex.org/W3161425918", DOI: "10.1038/x", Title: "A Title", Year: 2021},
		},
		{
			name: "externalIds",
			line: `{"paperId": "abc", "externalIds": {"ArXiv": "2503.11731", "DOI": "10.1000/182", "CorpusId": 5}, "title": "A Title"}`,
			want: Paper{ID: "abc", ArXivID: "2503.11731", DOI: "10.1000/182", Title: "A Title"},
		},
		{
			name: "arXiv DOI",
			line: `{"doi": "10.48550/arXiv.2503.11731", "title": "A Title"}`,
			want: Paper{ID: "10.48550/arXiv.2503.11731", ArXivID: "2503.11731", DOI: "10.48550/arXiv.2503.11731", Title: "A Title"},
		},
		{
			name: "arXiv URL",
			line: `{"title": "A Title", "url": "https://arxiv.org/abs/2503.11731v1"}`,
			want: Paper{ArXivID: "2503.11731", Title: "A Title", URL: "https://arxiv.org/abs/2503.11731v1"},
		},
		{
			name: "numeric id",
			line: `{"id": 14636783, "title": "A Title"}`,
			want: Paper{ID: "14636783", Title: "A Title"},
		},
		{
			name: "summary and published",
			line: `{"id": "2503.11731", "title": "A Title", "summary": "An abstract.", "published": "2025-03-14T17:59:59Z"}`,
			want: Paper{ID: "2503.11731", ArXivID: "2503.11731", Title: "A Title", Abstract: "An abstract.", Year: 2025},
		},
		{
			name: "abstract before summary",
			line: `{"title": "A Title", "summary": "The summary.", "abstract": "The abstract."}`,
			want: Paper{Title: "A Title", Abstract: "The abstract."},
		},
		{
			name: "null abstract falls back to summary",
			line: `{"title": "A Title", "abstract": null, "summary": "The summary."}`,
			want: Paper{Title: "A Title", Abstract: "The summary."},
		},
		{
			name: "publication_date",
			line: `{"title": "A Title", "publication_date": "2021-05-19"}`,
			want: Paper{Title: "A Title", Year: 2021},
		},
		{
			name: "publicationDate",
			line: `{"title": "A Title", "publicationDate": "1950-10-01"}`,
			want: Paper{Title: "A Title", Year: 1950},
		},
		{
			name: "date in words",
			line: `{"title": "A Title", "date": "Mon, 2 Apr 2007 19:18:42 GMT"}`,
			want: Paper{Title: "A Title", Year: 2007},
		},
		{
			name: "year as string",
			line: `{"title": "A Title", "year": "2024"}`,
			want: Paper{Title: "A Title", Year: 2024},
		},
		{
			name: "year as float",
			line: `{"title": "A Title", "year": 2024.0}`,
			want: Paper{Title: "A Title", Year: 2024},
		},
		{
			name: "year unknown falls back to date",
			line: `{"title": "A Title", "year": "n.d.", "date": "2019"}`,
			want: Paper{Title: "A Title", Year: 2019},
		},
		{
			name: "year out of range",
			line: `{"title": "A Title", "year": 12}`,
			want: Paper{Title: "A Title"},
		},
		{
			name: "CSL-JSON date parts and names",
			line: `{"title": ["A Title"], "issued": {"date-parts": [[2020, 5, 1]]}, "author": [{"given": "Ann", "family": "Smith"}, {"family": "Li"}, {"literal": "The Team"}]}`,
			want: Paper{Title: "A Title", Year: 2020, Authors: []string{"Ann Smith", "Li", "The Team"}},
		},
		{
			name: "authors as objects",
			line: `{"title": "A Title", "authors": [{"authorId": "1", "name": "A. Turing"}, {"name": "Bo  Li"}]}`,
			want: Paper{Title: "A Title", Authors: []string{"A. Turing", "Bo Li"}},
		},
		{
			name: "OpenAlex authorships",
			line: `{"title": "A Title", "authorships": [{"author_position": "first", "author": {"id": "A1", "display_name": "Kiran Musunuru"}}, {"author": {"display_name": "Ann Smith"}}]}`,
			want: Paper{Title: "A Title", Authors: []string{"Kiran Musunuru", "Ann Smith"}},
		},
		{
			name: "authors as one string",
			line: `{"title": "A Title", "authors": "Ann Smith, Bo Li and Carla Diaz"}`,
			want: Paper{Title: "A Title", Authors: []string{"Ann Smith", "Bo Li", "Carla Diaz"}},
		},
		{
			name: "authors separated by semicolons",
			line: `{"title": "A Title", "authors": "Smith, A.; Li, B."}`,
			want: Paper{Title: "A Title", Authors: []string{"Smith, A.", "Li, B."}},
		},
		{
			name: "authors of odd shapes are skipped",
			line: `{"title": "A Title", "authors": [["Smith", "Ann"], 5, null, {"x": 1}, "Bo Li"]}`,
			want: Paper{Title: "A Title", Authors: []string{"Bo Li"}},
		},
		{
			name: "white space collapsed",
			line: `{"title": "  A\n  Title\twith   spaces ", "abstract": "Line one\nline two.\u00a0 End."}`,
			want: Paper{Title: "A Title with spaces", Abstract: "Line one line two. End."},
		},
		{
			name: "id without title",
			line: `{"id": "2503.11731", "abstract": "An abstract."}`,
			want: Paper{ID: "2503.11731", ArXivID: "2503.11731", Abstract: "An abstract."},
		},
		{
			name: "title without abstract",
			line: `{"title": "A Title"}`,
			want: Paper{Title: "A Title"},
		},
		{
			name: "wrapped paper",
			line: `{"title": "A Title", "summary": "An abstract.", "paper": {"id": "2606.00467", "authors": [{"name": "Ann Smith"}], "publishedAt": "2026-05-30T00:00:00.000Z", "title": "Other"}}`,
			want: Paper{ID: "2606.00467", ArXivID: "2606.00467", Title: "A Title", Abstract: "An abstract.", Year: 2026, Authors: []string{"Ann Smith"}},
		},
		{
			name: "field names in other case",
			line: `{"Title": "A Title", "Abstract": "An abstract.", "Year": 2020}`,
			want: Paper{Title: "A Title", Abstract: "An abstract.", Year: 2020},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewJSONLReader(strings.NewReader(tt.line + "\n"))
			got := papers(t, readAll(t, r, 10))
			tt.want.Source = JSONLSource
			if diff := cmp.Diff([]*Paper{&tt.want}, got); diff != "" {
				t.Errorf("papers differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJSONLErrors(t *testing.T) {
	good := func(title string) result { return ok(Paper{Title: title, Source: JSONLSource}) }
	tests := []struct {
		name  string
		input string
		max   int
		want  []result
	}{
		{
			name:  "invalid JSON between good lines",
			input: "{\"title\": \"One\"}\n{\"title\": \"Two\",}\n{\"title\": \"Three\"}\n",
			want: []result{
				good("One"),
				bad(ParseError{Path: "in.jsonl", StartLine: 2, Line: 2, Column: 17, Err: syntaxError("invalid character '}' looking for beginning of object key string")}),
				good("Three"),
			},
		},
		{
			name:  "truncated line",
			input: "{\"title\": \"One\"}\n{\"title\": \"Tw\n{\"title\": \"Three\"}",
			want: []result{
				good("One"),
				bad(ParseError{Path: "in.jsonl", StartLine: 2, Line: 2, Column: 13, Err: syntaxError("unexpected end of JSON input")}),
				good("Three"),
			},
		},
		{
			name:  "not an object",
			input: "[1, 2]\n\"a string\"\n42\nnull\n{\"title\": \"One\"}\n",
			want: []result{
				bad(ParseError{Path: "in.jsonl", StartLine: 1, Line: 1, Err: ErrShape}),
				bad(ParseError{Path: "in.jsonl", StartLine: 2, Line: 2, Err: ErrShape}),
				bad(ParseError{Path: "in.jsonl", StartLine: 3, Line: 3, Err: ErrShape}),
				bad(ParseError{Path: "in.jsonl", StartLine: 4, Line: 4, Err: ErrShape}),
				good("One"),
			},
		},
		{
			name:  "title of the wrong type",
			input: "{\"title\": 5}\n{\"title\": {\"en\": \"x\"}}\n{\"title\": \"One\", \"abstract\": [1]}\n",
			want: []result{
				bad(ParseError{Path: "in.jsonl", StartLine: 1, Line: 1, Err: ErrShape}),
				bad(ParseError{Path: "in.jsonl", StartLine: 2, Line: 2, Err: ErrShape}),
				bad(ParseError{Path: "in.jsonl", StartLine: 3, Line: 3, Err: ErrShape}),
			},
		},
		{
			name:  "neither title nor id",
			input: "{\"abstract\": \"Only an abstract.\", \"year\": 2020}\n{}\n{\"title\": \"  \", \"url\": \"https://example.org\"}\n",
			want: []result{
				bad(ParseError{Path: "in.jsonl", StartLine: 1, Line: 1, Err: ErrNoTitle}),
				bad(ParseError{Path: "in.jsonl", StartLine: 2, Line: 2, Err: ErrNoTitle}),
				bad(ParseError{Path: "in.jsonl", StartLine: 3, Line: 3, Err: ErrNoTitle}),
			},
		},
		{
			name:  "blank lines and CRLF",
			input: "\r\n{\"title\": \"One\"}\r\n   \r\n\t\n{\"title\": \"Two\"}\r\n\n",
			want:  []result{good("One"), good("Two")},
		},
		{
			name:  "byte-order mark counts in columns",
			input: "\ufeff{\"title\" \"One\"}\n{\"title\": \"Two\"}\n",
			want: []result{
				bad(ParseError{Path: "in.jsonl", StartLine: 1, Line: 1, Column: 13, Err: syntaxError("invalid character '\"' after object key")}),
				good("Two"),
			},
		},
		{
			name:  "byte-order mark before a good line",
			input: "\ufeff{\"title\": \"One\"}\n",
			want:  []result{good("One")},
		},
		{
			name:  "line too long",
			max:   40,
			input: "{\"title\": \"One\"}\n{\"title\": \"" + strings.Repeat("x", 40) + "\"}\n{\"title\": \"Three\"}\n",
			want: []result{
				good("One"),
				bad(ParseError{Path: "in.jsonl", StartLine: 2, Line: 2, Err: ErrTooLong}),
				good("Three"),
			},
		},
		{
			name:  "longest line allowed",
			max:   len(`{"title": "One"}`),
			input: "{\"title\": \"One\"}\r\n",
			want:  []result{good("One")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewJSONLReader(strings.NewReader(tt.input))
			r.Path = "in.jsonl"
			r.MaxRecordBytes = tt.max
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONLLongLine reads lines longer than the reader's buffer, up to
// just under the default MaxRecordBytes, whole, and reports a line over it
// (unless -short, a 50 MB one too) as a ParseError of ErrTooLong that
// names the line, and goes on with the next.
func TestJSONLLongLine(t *testing.T) {
	record := func(n int) (string, string) {
		abstract := strings.Repeat("word ", n/5)
		return `{"title": "Short"}` + "\n" + `{"title": "Long", "abstract": "` + abstract + `"}` + "\n" + `{"title": "After"}` + "\n", abstract
	}
	// Longer than the reader's buffer, within the default limit: read whole.
	for _, n := range []int{1 << 20, defaultMaxRecordBytes - 1<<10} {
		input, abstract := record(n)
		got := papers(t, readAll(t, NewJSONLReader(strings.NewReader(input)), 10))
		if len(got) != 3 || got[0].Title != "Short" || got[1].Title != "Long" || got[2].Title != "After" {
			t.Fatalf("%d bytes: read %d papers, want Short, Long, After", n, len(got))
		}
		if want := strings.TrimSpace(abstract); got[1].Abstract != want {
			t.Errorf("%d bytes: abstract of %d bytes, want %d", n, len(got[1].Abstract), len(want))
		}
	}
	// Over the default limit (a 50 MB abstract): reported as ErrTooLong at
	// its line, and skipped.
	sizes := []int{defaultMaxRecordBytes + 1}
	if !testing.Short() {
		sizes = append(sizes, 50<<20)
	}
	for _, n := range sizes {
		input, _ := record(n)
		r := NewJSONLReader(strings.NewReader(input))
		r.Path = "big.jsonl"
		got := readAll(t, r, 10)
		if len(got) != 3 || got[0].P == nil || got[0].P.Title != "Short" || got[2].P == nil || got[2].P.Title != "After" {
			t.Fatalf("%d bytes: read %+v, want Short, an error, After", n, got)
		}
		var perr *ParseError
		if !errors.As(got[1].Err, &perr) || !errors.Is(perr, ErrTooLong) || perr.Line != 2 || perr.StartLine != 2 {
			t.Fatalf("%d bytes: error %v, want a ParseError of ErrTooLong on line 2", n, got[1].Err)
		}
		if want := "big.jsonl:2: record too long"; perr.Error() != want {
			t.Errorf("%d bytes: error %q, want %q", n, perr.Error(), want)
		}
	}
}

// TestJSONLCorpus reads the start of the real arXiv corpus through Open,
// so gzip and sniffing are exercised too.
func TestJSONLCorpus(t *testing.T) {
	path := sharedFile(t, "corpus/arxiv-2025-2026.jsonl.gz")
	f, err := Open(path, "auto")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Format() != JSONLSource {
		t.Errorf("format %q, want %q", f.Format(), JSONLSource)
	}
	const n = 2000
	for i := 1; i <= n; i++ {
		p, err := f.Read()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if p.ArXivID == "" || p.ArXivID != p.ID || p.Title == "" || p.Abstract == "" || p.Year < 2000 || len(p.Authors) == 0 || p.Source != JSONLSource {
			t.Errorf("record %d incomplete: %+v", i, p)
		}
		if p.PID() != p.ArXivID {
			t.Errorf("record %d: PID %q, want the arXiv id %q", i, p.PID(), p.ArXivID)
		}
		checkClean(t, "title", p.Title)
		checkClean(t, "abstract", p.Abstract)
	}
}

func BenchmarkReadJSONL(b *testing.B) {
	data := benchmarkJSONL(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		r := NewJSONLReader(bytes.NewReader(data))
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchmarkJSONL returns about 16 MB of JSON Lines: the start of the real
// corpus, or the sample under testdata repeated.
func benchmarkJSONL(b *testing.B) []byte {
	const size = 16 << 20
	var data []byte
	if f, err := os.Open("../../shared/corpus/arxiv-2025-2026.jsonl.gz"); err == nil {
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		data, err = io.ReadAll(io.LimitReader(zr, size))
		if err != nil {
			b.Fatal(err)
		}
		data = data[:bytes.LastIndexByte(data, '\n')+1]
	} else {
		sample, err := os.ReadFile("testdata/arxiv-sample.jsonl")
		if err != nil {
			b.Fatal(err)
		}
		data = bytes.Repeat(sample, size/len(sample))
	}
	return data
}

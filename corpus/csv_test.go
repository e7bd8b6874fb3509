package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCSVReader(t *testing.T) {
	perr := func(start, line, col int, err error) result {
		return bad(ParseError{Path: "in.csv", StartLine: start, Line: line, Column: col, Err: err})
	}
	paper := func(title string) result { return ok(Paper{Title: title, Source: CSVSource}) }
	tests := []struct {
		name  string
		input string
		comma rune
		lazy  bool
		max   int
		want  []result
	}{
		{
			name: "header names in any form",
			input: "Document Title,SUMMARY,Publication-Year,doi,arXiv ID,Author,Link,Notes\n" +
				"\"One, with a comma\",\"An abstract\nover two lines.\",2021,https://doi.org/10.1000/ABC,2101.00027v1,\"Smith, Ann; Lee, Bo\",https://example.org/1,x\n",
			want: []result{ok(Paper{
				ID: "2101.00027v1", ArXivID: "2101.00027", DOI: "10.1000/ABC", Title: "One, with a comma",
				Abstract: "An abstract over two lines.", Year: 2021, Authors: []string{"Ann Smith", "Bo Lee"},
				URL: "https://example.org/1", Source: CSVSource,
			})},
		},
		{
			name: "Scopus columns",
			input: "\ufeff\"Authors\",\"Title\",\"Year\",\"DOI\",\"Link\",\"Abstract\",\"Source\",\"EID\"\n" +
				"\"Labanski A., Langhorst J.\",\"Stress\",\"2020\",\"10.1016/j.psyneuen.2019.104501\",\"https://www.scopus.com/inward/record.uri?eid=2-s2.0-85074596690\",\"[No abstract available]\",\"Scopus\",\"2-s2.0-85074596690\"\n",
			want: []result{ok(Paper{
				ID: "2-s2.0-85074596690", DOI: "10.1016/j.psyneuen.2019.104501", Title: "Stress", Year: 2020,
				Authors: []string{"Labanski A.", "Langhorst J."},
				URL:     "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85074596690", Source: CSVSource,
			})},
		},
		{
			name:  "year from a date column, authors joined by and",
			input: "title,publication_date,authors\nOne,2019-05-01,A. Smith and B. Lee\n",
			want:  []result{ok(Paper{Title: "One", Year: 2019, Authors: []string{"A. Smith", "B. Lee"}, Source: CSVSource})},
		},
		{
			name:  "semicolons",
			input: "title;abstract;year\nOne;First, second.;2020\n",
			want:  []result{ok(Paper{Title: "One", Abstract: "First, second.", Year: 2020, Source: CSVSource})},
		},
		{
			name:  "tabs",
			input: "id\ttitle\n2503.11731\tOne, two\n",
			want:  []result{ok(Paper{ID: "2503.11731", ArXivID: "2503.11731", Title: "One, two", Source: CSVSource})},
		},
		{
			name:  "delimiter set",
			comma: '|',
			input: "title|year\nOne, two|2020\n",
			want:  []result{ok(Paper{Title: "One, two", Year: 2020, Source: CSVSource})},
		},
		{
			name:  "ragged rows cost only themselves",
			input: "title,abstract,year\nOne,A.,2020\nTwo,B.\nThree,C.,2021,extra\n\"Four\nlines\",D.\nFive,E.,2022\n",
			want: []result{
				ok(Paper{Title: "One", Abstract: "A.", Year: 2020, Source: CSVSource}),
				perr(3, 3, 0, ErrFieldCount),
				perr(4, 4, 0, ErrFieldCount),
				perr(5, 6, 0, ErrFieldCount),
				ok(Paper{Title: "Five", Abstract: "E.", Year: 2022, Source: CSVSource}),
			},
		},
		{
			name:  "stray quote",
			input: "title,year\nOne,2020\nT\"wo,2021\nThree,2022\n",
			want: []result{
				ok(Paper{Title: "One", Year: 2020, Source: CSVSource}),
				perr(3, 3, 2, ErrSyntax),
				ok(Paper{Title: "Three", Year: 2022, Source: CSVSource}),
			},
		},
		{
			name:  "stray quote allowed",
			lazy:  true,
			input: "title,year\nT\"wo,2021\n",
			want:  []result{ok(Paper{Title: "T\"wo", Year: 2021, Source: CSVSource})},
		},
		{
			name:  "byte-order mark counts in the header's columns",
			input: "\ufefftitle,ye\"ar\nOne,2020\n",
			want:  []result{perr(1, 1, 12, ErrSyntax)},
		},
		{
			name:  "row without title or id",
			input: "title,doi,abstract\nOne,,\n,,Only an abstract.\n,10.1000/xyz,\n",
			want:  []result{paper("One"), perr(3, 3, 0, ErrNoTitle), ok(Paper{DOI: "10.1000/xyz", Source: CSVSource})},
		},
		{
			name:  "header without a title or id column",
			input: "name,value\nOne,1\nTwo,2\n",
			want:  []result{perr(1, 1, 0, ErrShape)},
		},
		{
			name:  "row too long",
			max:   10,
			input: "title\nOne\n" + strings.Repeat("x", 11) + "\nThree\n",
			want:  []result{paper("One"), perr(3, 3, 0, ErrTooLong), paper("Three")},
		},
		{
			name:  "quoted field left open",
			input: "title,year\nOne,2020\n\"Two,2021\nThree,2022\n",
			want:  []result{ok(Paper{Title: "One", Year: 2020, Source: CSVSource}), perr(3, 4, 0, ErrSyntax)},
		},
		{name: "header only", input: "title,abstract\n"},
		{name: "empty input", input: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewCSVReader(strings.NewReader(tt.input))
			r.Path = "in.csv"
			r.Comma, r.LazyQuotes, r.MaxRecordBytes = tt.comma, tt.lazy, tt.max
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNormalizeHeader(t *testing.T) {
	for in, want := range map[string]string{
		"Publication Year":  "publication_year",
		" publication-year": "publication_year",
		"PUBLICATION__YEAR": "publication_year",
		"Author(s) ID":      "author_s_id",
		"Art. No.":          "art_no",
		"\ufeffTitle":       "title",
	} {
		if got := normalizeHeader(in); got != want {
			t.Errorf("normalizeHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOpenURLDOI(t *testing.T) {
	for in, want := range map[string]string{
		"http://sfx.library.uu.nl/utrecht?sid=EMBASE&id=doi:10.1002%2Fcncr.20369&date=2004": "doi:10.1002/cncr.20369",
		"https://resolver.example.org/?rft_id=info:doi/10.1000/xyz&rft.date=2020":           "10.1000/xyz",
		"https://resolver.example.org/?id=pmid:12345":                                       "",
		"%zz": "",
		"":    "",
	} {
		if got := openURLDOI(in); got != want {
			t.Errorf("openURLDOI(%q) = %q, want %q", in, got, want)
		}
	}
}

package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRISReader(t *testing.T) {
	perr := func(start, line int, err error) result {
		return bad(ParseError{Path: "in.ris", StartLine: start, Line: line, Err: err})
	}
	paper := func(title string) result { return ok(Paper{Title: title, Source: RISSource}) }
	tests := []struct {
		name  string
		input string
		max   int
		want  []result
	}{
		{
			name: "fields and continuation lines",
			input: `TY  - JOUR
TI  - A title wrapped
  over two lines
AU  - Smith, Ann
AU  - Lee, Jr., Bo
AU  - Plato
A1  - Ignored, Because AU came first
AB  - First line of the abstract
second line.
N2  - Not read: AB came first.
Y1  - 2019/07/24/
PY  - 2018
DO  - https://doi.org/10.1000/ABC
UR  - http://arxiv.org/abs/2503.11731v2
UR  - https://example.org/other
KW  - keyword
ER  - 
`,
			want: []result{ok(Paper{
				ArXivID: "2503.11731", DOI: "10.1000/ABC", Title: "A title wrapped over two lines",
				Abstract: "First line of the abstract second line.", Year: 2018,
				Authors: []string{"Ann Smith", "Bo Lee Jr.", "Plato"},
				URL:     "http://arxiv.org/abs/2503.11731v2", Source: RISSource,
			})},
		},
		{
			name:  "fallback tags",
			input: "TY  - GEN\nT1  - Old title tag\nA1  - Doe, Jane\nN2  - Old abstract tag.\nDA  - 2019/10//undefined\nER  -\n",
			want: []result{ok(Paper{
				Title: "Old title tag", Abstract: "Old abstract tag.", Year: 2019,
				Authors: []string{"Jane Doe"}, Source: RISSource,
			})},
		},
		{
			name:  "Scopus record URL and missing abstract",
			input: "TY  - JOUR\nTI  - T\nAB  - [No abstract available]\nUR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-85074596690&partnerID=40\nER  -\n",
			want: []result{ok(Paper{
				ID: "2-s2.0-85074596690", Title: "T",
				URL: "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85074596690&partnerID=40", Source: RISSource,
			})},
		},
		{
			name:  "record without ER at the end",
			input: "TY  - JOUR\nTI  - One\nER  -\n\nTY  - JOUR\nTI  - Two",
			want:  []result{paper("One"), paper("Two")},
		},
		{
			name:  "record ended by the next TY",
			input: "TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\nER  -\n",
			want:  []result{paper("One"), paper("Two")},
		},
		{
			name:  "record without title or id",
			input: "TY  - JOUR\nTI  - One\nER  -\n\nTY  - JOUR\nAU  - Smith, Ann\nAB  - Only an abstract.\nER  -\nTY  - JOUR\nDO  - 10.1000/xyz\nER  -\n",
			want:  []result{paper("One"), perr(5, 5, ErrNoTitle), ok(Paper{DOI: "10.1000/xyz", Source: RISSource})},
		},
		{
			name:  "stray lines outside records",
			input: "Exported from somewhere\nsecond line\n\nTY  - JOUR\nTI  - One\nER  -\ntrailing text\nTY  - JOUR\nTI  - Two\nER  -\n",
			want:  []result{perr(1, 1, ErrSyntax), paper("One"), perr(7, 7, ErrSyntax), paper("Two")},
		},
		{
			name:  "record whose TY line is missing",
			input: "TI  - One\nER  -\nER  -\n",
			want:  []result{paper("One")},
		},
		{
			name:  "CRLF, byte-order mark and lax spacing",
			input: "\ufeffTY - JOUR\r\nTI   - One\r\nPY  -\r\nER  -\r\n",
			want:  []result{paper("One")},
		},
		{
			name:  "line too long",
			max:   30,
			input: "TY  - JOUR\nTI  - One\nER  -\nTY  - JOUR\nAB  - " + strings.Repeat("x", 40) + "\nTI  - Two\nER  -\nTY  - JOUR\nTI  - Three\nER  -\n" + strings.Repeat("y", 40) + "\n",
			want:  []result{paper("One"), perr(4, 4, ErrTooLong), paper("Three"), perr(11, 11, ErrTooLong)},
		},
		{
			name:  "record too long",
			max:   30,
			input: "TY  - JOUR\nTI  - One\nAB  - 1234567890\nER  -\nTY  - JOUR\nTI  - Two\nER  -\n",
			want:  []result{perr(1, 1, ErrTooLong), paper("Two")},
		},
		{name: "empty input", input: ""},
		{name: "blank lines", input: "\n\n  \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewRISReader(strings.NewReader(tt.input))
			r.Path = "in.ris"
			r.MaxRecordBytes = tt.max
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRISTag(t *testing.T) {
	tests := []struct {
		line, tag, value string
		ok               bool
	}{
		{"TY  - JOUR", "TY", "JOUR", true},
		{"ER  -", "ER", "", true},
		{"ER  - ", "ER", "", true},
		{"T1 - One space", "T1", "One space", true},
		{"A1   - Three spaces", "A1", "Three spaces", true},
		{"TI  -Glued", "", "", false},
		{"ti  - lower case", "", "", false},
		{"1A  - digit first", "", "", false},
		{"TI- no space", "", "", false},
		{"Smith, A., Jones, B.", "", "", false},
		{"AB", "", "", false},
	}
	for _, tt := range tests {
		tag, value, ok := risTag(tt.line)
		if tag != tt.tag || value != tt.value || ok != tt.ok {
			t.Errorf("risTag(%q) = %q, %q, %v; want %q, %q, %v", tt.line, tag, value, ok, tt.tag, tt.value, tt.ok)
		}
	}
}

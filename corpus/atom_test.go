package corpus

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAtomReader(t *testing.T) {
	perr := func(start, line, col int, err error) result {
		return bad(ParseError{Path: "feed.xml", StartLine: start, Line: line, Column: col, Err: err})
	}
	const feed = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
`
	tests := []struct {
		name  string
		input string
		max   int
		want  []result
	}{
		{
			name: "arXiv entry",
			input: feed + `  <entry>
    <id>http://arxiv.org/abs/2503.11731v3</id>
    <updated>2025-04-02T10:00:00Z</updated>
    <published>2025-03-14T17:59:37Z</published>
    <title>A  Study
  of Things</title>
    <summary>  We study things.
Things are studied.
</summary>
    <author><name>Ann Smith</name><arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Somewhere</arxiv:affiliation></author>
    <author><name> Bo Li </name></author>
    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1000/xyz.1 10.1000/other</arxiv:doi>
    <link href="http://arxiv.org/abs/2503.11731v3" rel="alternate" type="text/html"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>
`,
			want: []result{ok(Paper{
				ID: "2503.11731", ArXivID: "2503.11731", DOI: "10.1000/xyz.1",
				Title: "A Study of Things", Abstract: "We study things. Things are studied.",
				Year: 2025, Authors: []string{"Ann Smith", "Bo Li"},
				URL: "https://arxiv.org/abs/2503.11731", Categories: []string{"cs.CL", "cs.LG"},
				Source: ArXivAtomSource,
			})},
		},
		{
			name:  "old-style id and no published date",
			input: feed + `<entry><id>http://arxiv.org/abs/hep-th/9901001v1</id><updated>1999-01-04T00:00:00Z</updated><title>Strings</title></entry></feed>`,
			want: []result{ok(Paper{
				ID: "hep-th/9901001", ArXivID: "hep-th/9901001", Title: "Strings", Year: 1999,
				URL: "https://arxiv.org/abs/hep-th/9901001", Source: ArXivAtomSource,
			})},
		},
		{
			name: "entry of another Atom feed",
			input: feed + `<entry><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><title>Atom&nbsp;Powered &amp; Robots</title>
<link rel="self" href="https://example.org/self"/><link href="https://example.org/2003/12/13/atom03"/></entry></feed>`,
			want: []result{ok(Paper{
				ID: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", Title: "Atom Powered & Robots",
				URL: "https://example.org/2003/12/13/atom03", Source: ArXivAtomSource,
			})},
		},
		{
			name: "entry without title or id",
			input: feed + `  <entry><title>One</title></entry>
  <entry>
    <summary>No title, no id.</summary>
  </entry>
  <entry><id>http://arxiv.org/abs/2501.00001v2</id><title>Two</title></entry>
</feed>`,
			want: []result{
				ok(Paper{Title: "One", Source: ArXivAtomSource}),
				perr(4, 4, 3, ErrNoTitle),
				ok(Paper{ID: "2501.00001", ArXivID: "2501.00001", Title: "Two", URL: "https://arxiv.org/abs/2501.00001", Source: ArXivAtomSource}),
			},
		},
		{
			name: "arXiv API error",
			input: feed + `  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
    <title>Error</title>
    <summary>incorrect id format for 1234</summary>
  </entry>
</feed>`,
			want: []result{perr(3, 3, 3, ErrShape)},
		},
		{
			name:  "XML that is not well-formed ends the input",
			input: feed + "  <entry><title>One</title></entry>\n  <entry><title>Two</titel></entry>\n  <entry><title>Three</title></entry>\n</feed>\n",
			want:  []result{ok(Paper{Title: "One", Source: ArXivAtomSource}), perr(4, 4, 28, ErrSyntax)},
		},
		{
			name:  "feed cut short",
			input: feed + "  <entry><title>One</title></entry>\n  <entry><title>Tw",
			want:  []result{ok(Paper{Title: "One", Source: ArXivAtomSource}), perr(4, 4, 19, ErrSyntax)},
		},
		{
			name:  "text that is not XML",
			input: "Daily Papers\nA Title\n",
			want:  []result{perr(1, 1, 1, ErrSyntax)},
		},
		{
			name:  "encoding other than UTF-8",
			input: `<?xml version="1.0" encoding="ISO-8859-1"?><feed/>`,
			want:  []result{perr(1, 1, 44, ErrSyntax)},
		},
		{
			name:  "entry too long",
			max:   60,
			input: feed + "<entry><title>One</title></entry>\n<entry><title>" + strings.Repeat("x", 60) + "</title></entry>\n<entry><title>Three</title></entry></feed>",
			want: []result{
				ok(Paper{Title: "One", Source: ArXivAtomSource}),
				perr(4, 4, 1, ErrTooLong),
				ok(Paper{Title: "Three", Source: ArXivAtomSource}),
			},
		},
		{
			name:  "byte-order mark counts in columns",
			input: "\ufeff<feed><entry><title>One</title></entry><entry/></feed>",
			want:  []result{ok(Paper{Title: "One", Source: ArXivAtomSource}), perr(1, 1, 43, ErrNoTitle)},
		},
		{
			name:  "text after the feed",
			input: feed + "</feed>\ntrailing words\n",
			want:  []result{perr(3, 3, 8, ErrSyntax)},
		},
		{name: "empty feed", input: feed + "</feed>\n"},
		{name: "empty input", input: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewAtomReader(strings.NewReader(tt.input))
			r.Path = "feed.xml"
			r.MaxRecordBytes = tt.max
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

// failingReader returns its data and then an error that is not io.EOF.
type failingReader struct {
	data string
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.data == "" {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestAtomReaderInputError(t *testing.T) {
	broken := errors.New("disk on fire")
	r := NewAtomReader(&failingReader{data: "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>One</title></entry>", err: broken})
	r.Path = "feed.xml"
	p, err := r.Read()
	if err != nil || p.Title != "One" {
		t.Fatalf("first Read = %v, %v; want the paper One", p, err)
	}
	for range 2 { // the error is final
		p, err = r.Read()
		var perr *ParseError
		if p != nil || !errors.Is(err, broken) || errors.As(err, &perr) || err.Error() != `corpus: reading "feed.xml": disk on fire` {
			t.Errorf("Read = %v, %v; want the input's error, not a ParseError", p, err)
		}
	}
	if err == io.EOF {
		t.Error("input error reported as the end of the input")
	}
}

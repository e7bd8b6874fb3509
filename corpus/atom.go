package corpus

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ArXivAtomSource is the Source of papers read by an AtomReader, and the
// name of its format.
const ArXivAtomSource = "arxiv-atom"

// An AtomReader reads the Atom feeds the arXiv API answers queries with
// (export.arxiv.org/api/query), one paper an <entry>:
//
//   - id (http://arxiv.org/abs/2510.14968v1) sets Paper.ArXivID and
//     Paper.ID, without the version, and Paper.URL to the abstract page
//     https://arxiv.org/abs/2510.14968;
//   - title and summary, with white space collapsed; arXiv writes them in
//     TeX, which is kept as it is;
//   - published (else updated) gives the year;
//   - author/name, in order;
//   - arxiv:primary_category and category terms set Paper.Categories,
//     primary first;
//   - arxiv:doi sets Paper.DOI.
//
// Entries of other Atom feeds are read too: an id that is not an arXiv id
// is kept as Paper.ID, and the entry's alternate link is its URL. An empty
// feed gives no papers and no error.
//
// An entry with neither a title nor an id is reported as ErrNoTitle, and
// the entry arXiv answers a malformed query with (its id under
// http://arxiv.org/api/errors) as ErrShape; reading goes on with the next
// entry. XML that is not well-formed leaves no way to find the next entry:
// Read reports a *ParseError wrapping ErrSyntax at the fault and then
// io.EOF. Only UTF-8 (and its subset US-ASCII) input is read.
type AtomReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest entry read; a longer one is reported
	// as ErrTooLong and skipped. 0 means 8 MiB.
	MaxRecordBytes int

	d     *xml.Decoder
	in    *errReader
	bom   bool // the input began with a byte-order mark, skipped
	depth int  // of the elements open
	err   error
}

// NewAtomReader returns an AtomReader reading from r.
func NewAtomReader(r io.Reader) *AtomReader {
	br := bufio.NewReaderSize(r, bufferSizeFor(r))
	// encoding/xml would read a byte-order mark as text before the root.
	bom := false
	if b, err := br.Peek(len(utf8BOM)); err == nil && bytes.Equal(b, utf8BOM) {
		br.Discard(len(utf8BOM))
		bom = true
	}
	in := &errReader{r: br}
	d := xml.NewDecoder(in)
	// Feeds written by hand or by other tools use HTML's named entities.
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "us-ascii", "ascii", "utf8":
			return input, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", charset)
	}
	return &AtomReader{d: d, in: in, bom: bom}
}

// errReader remembers the error its reader returned, so that errors of the
// input (a failing disk, corrupt gzip) can be told from XML syntax errors.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		e.err = err
	}
	return n, err
}

type atomEntry struct {
	ID        string `xml:"id"`
	Title     string `xml:"title"`
	Summary   string `xml:"summary"`
	Published string `xml:"published"`
	Updated   string `xml:"updated"`
	Authors   []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Primary    atomCategory   `xml:"primary_category"`
	Categories []atomCategory `xml:"category"`
	DOI        string         `xml:"doi"`
	Links      []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"link"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// arXivErrorPrefix starts the id of the entry the arXiv API reports an
// error with.
const arXivErrorPrefix = "http://arxiv.org/api/errors"

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *AtomReader) Read() (*Paper, error) {
	for r.err == nil {
		line, col := r.pos()
		start := r.d.InputOffset()
		tok, err := r.d.Token()
		if err != nil {
			return nil, r.fail(err, line)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			r.depth++
		case xml.EndElement:
			r.depth--
		case xml.CharData:
			if r.depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
				// Text outside any element: the input is not XML, which
				// encoding/xml would read as character data to the end.
				r.err = io.EOF
				return nil, r.parseError(line, line, col, ErrSyntax)
			}
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "entry" {
			continue
		}
		r.depth-- // DecodeElement reads the entry to its end
		var e atomEntry
		if err := r.d.DecodeElement(&e, &se); err != nil {
			return nil, r.fail(err, line)
		}
		if r.d.InputOffset()-start > int64(maxOrDefault(r.MaxRecordBytes)) {
			return nil, r.parseError(line, line, col, ErrTooLong)
		}
		id := strings.TrimSpace(e.ID)
		if strings.HasPrefix(id, arXivErrorPrefix) {
			return nil, r.parseError(line, line, col, ErrShape)
		}
		p := e.paper()
		if p.Title == "" && p.ID == "" {
			return nil, r.parseError(line, line, col, ErrNoTitle)
		}
		return p, nil
	}
	return nil, r.err
}

func (e *atomEntry) paper() *Paper {
	p := &Paper{
		Title:    clean(e.Title),
		Abstract: clean(e.Summary),
		Source:   ArXivAtomSource,
	}
	id := clean(e.ID)
	if a, ok := ParseArXivID(id); ok {
		p.ArXivID, p.ID, p.URL = a, a, arXivAbsURL+a
	} else {
		p.ID = id
		for _, l := range e.Links {
			if l.Rel == "" || l.Rel == "alternate" {
				p.URL = clean(l.Href)
				break
			}
		}
	}
	if doi, ok := ParseDOI(firstField(e.DOI)); ok {
		p.DOI = doi
	}
	p.Year = yearInString(e.Published)
	if p.Year == 0 {
		p.Year = yearInString(e.Updated)
	}
	for _, a := range e.Authors {
		if name := clean(a.Name); name != "" {
			p.Authors = append(p.Authors, name)
		}
	}
	for _, c := range append([]atomCategory{e.Primary}, e.Categories...) {
		if term := clean(c.Term); term != "" && !containsString(p.Categories, term) {
			p.Categories = append(p.Categories, term)
		}
	}
	return p
}

// firstField returns the first space-separated field of s: arXiv lists
// several DOIs of a paper in one arxiv:doi element.
func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// pos returns the decoder's position in the input, counting a
// byte-order mark in the columns of line 1.
func (r *AtomReader) pos() (line, col int) {
	line, col = r.d.InputPos()
	if r.bom && line == 1 {
		col += len(utf8BOM)
	}
	return line, col
}

func (r *AtomReader) parseError(start, line, col int, err error) *ParseError {
	return &ParseError{Path: r.Path, StartLine: start, Line: line, Column: col, Err: err}
}

// fail ends the reader on an error of the decoder met in the entry (or
// the text between entries) that starts at line start.
func (r *AtomReader) fail(err error, start int) error {
	switch {
	case err == io.EOF:
		r.err = io.EOF
		return io.EOF
	case r.in.err != nil:
		r.err = fmt.Errorf("corpus: reading %q: %w", r.Path, r.in.err)
		return r.err
	}
	r.err = io.EOF
	line, col := r.pos()
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Line < line {
		// The decoder read past the fault (the end of an element that
		// does not match its start, for instance) on later lines.
		line, col = se.Line, 0
	}
	return r.parseError(min(start, line), line, col, ErrSyntax)
}

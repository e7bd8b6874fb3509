package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// CSVSource is the Source of papers read by a CSVReader, and the name of
// its format.
const CSVSource = "csv"

// A CSVReader reads papers from CSV with a header line, as Scopus, Zotero,
// IEEE Xplore and spreadsheets export them. Columns are told by their
// header, in any case and with spaces, hyphens or underscores alike:
//
//   - title: Title, Article Title, Document Title, Paper Title;
//   - abstract: Abstract, Summary, Abstract Note;
//   - year: Year, Publication Year, PubYear, else the first four-digit
//     year of Date, Publication Date or Published;
//   - DOI; the id: ID, Paper ID, arXiv ID (or arXiv), else EID (Scopus),
//     kept as Paper.ID; an arXiv id found in any of these or in the URL
//     sets Paper.ArXivID;
//   - authors: Authors, Author, Author Names, split on semicolons where there are any
//     ("Smith, A.; Jones, B.", each written "A. Smith") and else on commas
//     and "and";
//   - URL: URL, Link.
//
// The DOI is also taken from the id=doi:... of an OpenURL link (Embase's
// Open URL Link column), which is not kept as the URL: it leads to one
// library's resolver.
//
// Other columns are ignored, and empty cells, like Scopus's "[No abstract
// available]", leave their field empty. A byte-order mark before the
// header is skipped (and counted in columns).
//
// A row with more or fewer fields than the header is reported as
// ErrFieldCount, one that is not valid CSV (a stray quote) as ErrSyntax
// with the position of the fault, and one with neither a title nor an
// identifier as ErrNoTitle; reading goes on with the next row. A quoted
// field left open runs to the end of the input. A header without a title
// or identifier column is reported as ErrShape at line 1, and no rows are
// read.
type CSVReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest row read; a longer one is reported as
	// ErrTooLong and skipped. 0 means 8 MiB.
	MaxRecordBytes int
	// Comma is the field delimiter. 0 means the one of ',', ';' and tab
	// that makes a header with a title column, else ','.
	Comma rune
	// LazyQuotes is as for encoding/csv's Reader: a quote may appear in an
	// unquoted field and a non-doubled quote in a quoted field.
	LazyQuotes bool

	br      *bufio.Reader
	cr      *csv.Reader
	bom     bool
	cols    csvColumns
	started bool
	err     error
}

// NewCSVReader returns a CSVReader reading from r.
func NewCSVReader(r io.Reader) *CSVReader {
	return &CSVReader{br: bufio.NewReaderSize(r, bufferSizeFor(r))}
}

// A csvField is a field of Paper that a CSV column fills.
type csvField int

const (
	colTitle csvField = iota
	colAbstract
	colYear
	colDate
	colDOI
	colID
	colArXiv
	colEID
	colAuthors
	colURL
	colOpenURL
	numCSVFields
)

// csvFields maps normalised header names to the field they fill.
var csvFields = map[string]csvField{
	"title": colTitle, "article_title": colTitle, "document_title": colTitle, "paper_title": colTitle,
	"abstract": colAbstract, "summary": colAbstract, "abstract_note": colAbstract,
	"year": colYear, "publication_year": colYear, "pubyear": colYear,
	"date": colDate, "publication_date": colDate, "published": colDate,
	"doi": colDOI, "eid": colEID, "id": colID, "paper_id": colID, "paperid": colID,
	"arxiv_id": colArXiv, "arxivid": colArXiv, "arxiv": colArXiv,
	"authors": colAuthors, "author": colAuthors, "author_names": colAuthors,
	"url": colURL, "link": colURL, "open_url_link": colOpenURL,
}

// csvColumns holds the index of the column of each field, -1 where there
// is none, and the number of fields in the header.
type csvColumns struct {
	n   int
	col [numCSVFields]int
}

// csvHeader finds the columns of a header row; the first of two columns
// for one field wins.
func csvHeader(header []string) csvColumns {
	c := csvColumns{n: len(header)}
	for i := range c.col {
		c.col[i] = -1
	}
	for i, h := range header {
		if f, ok := csvFields[normalizeHeader(h)]; ok && c.col[f] < 0 {
			c.col[f] = i
		}
	}
	return c
}

// hasPapers reports whether rows under the header can be papers.
func (c *csvColumns) hasPapers() bool {
	for _, f := range []csvField{colTitle, colID, colArXiv, colDOI, colEID} {
		if c.col[f] >= 0 {
			return true
		}
	}
	return false
}

// normalizeHeader folds a column name: "Publication Year", "publication-year"
// and "PUBLICATION_YEAR" are "publication_year".
func normalizeHeader(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(r)
		} else {
			sep = true
		}
	}
	return b.String()
}

// csvComma picks the delimiter of a CSV whose first line is line: the
// first of ',', ';' and tab whose fields include a title column, else the
// one giving most fields, ',' on a tie. It reports whether a title column
// was found.
func csvComma(line []byte) (rune, bool) {
	best, most := ',', 0
	for _, comma := range []rune{',', ';', '\t'} {
		cr := csv.NewReader(bytes.NewReader(line))
		cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = comma, true, -1
		header, err := cr.Read()
		if err != nil {
			continue
		}
		if c := csvHeader(header); c.col[colTitle] >= 0 && len(header) > 1 {
			return comma, true
		}
		if len(header) > most {
			best, most = comma, len(header)
		}
	}
	return best, false
}

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *CSVReader) Read() (*Paper, error) {
	if r.err != nil {
		return nil, r.err
	}
	if !r.started {
		r.started = true
		if err := r.start(); err != nil {
			return nil, err
		}
	}
	for {
		rec, err := r.cr.Read()
		if err != nil {
			return nil, r.fail(err)
		}
		start, _ := r.cr.FieldPos(0)
		line, _ := r.cr.FieldPos(len(rec) - 1)
		if len(rec) != r.cols.n {
			return nil, &ParseError{Path: r.Path, StartLine: start, Line: line, Err: ErrFieldCount}
		}
		size := 0
		for _, f := range rec {
			size += len(f)
		}
		if size > maxOrDefault(r.MaxRecordBytes) {
			return nil, &ParseError{Path: r.Path, StartLine: start, Line: start, Err: ErrTooLong}
		}
		p := r.cols.paper(rec)
		if p.Title == "" && p.ID == "" && p.ArXivID == "" && p.DOI == "" {
			return nil, &ParseError{Path: r.Path, StartLine: start, Line: start, Err: ErrNoTitle}
		}
		return p, nil
	}
}

// start reads the header.
func (r *CSVReader) start() error {
	if b, err := r.br.Peek(len(utf8BOM)); err == nil && bytes.Equal(b, utf8BOM) {
		r.br.Discard(len(utf8BOM))
		r.bom = true
	}
	comma := r.Comma
	if comma == 0 {
		head, _ := r.br.Peek(r.br.Size())
		first, _, _ := bytes.Cut(head, []byte{'\n'})
		comma, _ = csvComma(first)
	}
	r.cr = csv.NewReader(r.br)
	r.cr.Comma, r.cr.LazyQuotes, r.cr.FieldsPerRecord, r.cr.ReuseRecord = comma, r.LazyQuotes, -1, true
	header, err := r.cr.Read()
	if err != nil {
		err = r.fail(err)
		r.err = io.EOF // without a header no row can be read
		return err
	}
	r.cols = csvHeader(header)
	if !r.cols.hasPapers() {
		line, _ := r.cr.FieldPos(0)
		r.err = io.EOF
		return &ParseError{Path: r.Path, StartLine: line, Line: line, Err: ErrShape}
	}
	return nil
}

// fail converts an error of the csv package.
func (r *CSVReader) fail(err error) error {
	var pe *csv.ParseError
	switch {
	case err == io.EOF:
		r.err = io.EOF
		return io.EOF
	case errors.As(err, &pe) && !errors.Is(err, csv.ErrFieldCount):
		col := pe.Column
		if _, err := r.br.Peek(1); errors.Is(pe.Err, csv.ErrQuote) && err == io.EOF {
			// A quoted field left open to the end of the input: csv
			// gives the column past the last line's newline.
			col = 0
		}
		if r.bom && pe.Line == 1 && col > 0 {
			col += len(utf8BOM)
		}
		return &ParseError{Path: r.Path, StartLine: pe.StartLine, Line: pe.Line, Column: col, Err: ErrSyntax}
	}
	r.err = fmt.Errorf("corpus: reading %q: %w", r.Path, err)
	return r.err
}

// paper converts a row.
func (c *csvColumns) paper(rec []string) *Paper {
	get := func(f csvField) string {
		if i := c.col[f]; i >= 0 && i < len(rec) {
			return clean(rec[i])
		}
		return ""
	}
	p := &Paper{
		Title:    get(colTitle),
		Abstract: noAbstract(get(colAbstract)),
		Year:     yearInString(get(colYear)),
		URL:      get(colURL),
		Source:   CSVSource,
	}
	if p.Year == 0 {
		p.Year = yearInString(get(colDate))
	}
	for _, s := range []string{get(colID), get(colArXiv), get(colEID)} {
		if s != "" {
			p.ID = s
			break
		}
	}
	for _, s := range []string{get(colDOI), get(colID), p.URL, openURLDOI(get(colOpenURL))} {
		if doi, ok := ParseDOI(s); ok {
			p.DOI = doi
			break
		}
	}
	for _, s := range []string{get(colArXiv), get(colID), p.DOI, p.URL} {
		if id, ok := ParseArXivID(s); ok {
			p.ArXivID = id
			break
		}
	}
	if authors := get(colAuthors); authors != "" {
		semi := strings.Contains(authors, ";")
		for _, a := range splitAuthors(authors) {
			if semi {
				a = lastFirst(a)
			}
			p.Authors = append(p.Authors, a)
		}
	}
	return p
}

// openURLDOI returns the DOI an OpenURL link names in its id (or rft_id)
// parameter, "id=doi:10.1002%2Fcncr.20369", or "".
func openURLDOI(s string) string {
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	q := u.Query()
	for _, id := range append(q["id"], q["rft_id"]...) {
		if len(id) > 4 && strings.EqualFold(id[:4], "doi:") {
			return id
		}
		if rest, ok := strings.CutPrefix(id, "info:doi/"); ok {
			return rest
		}
	}
	return ""
}

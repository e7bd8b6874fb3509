package corpus

import (
	"bytes"
	"fmt"
	"io"
)

// JSONLSource is the Source of papers read by a JSONLReader, and the name
// of its format.
const JSONLSource = "jsonl"

// A JSONLReader reads papers from JSON Lines: one JSON object a line. Blank
// lines are skipped.
//
// It reads a record's fields under the names the usual sources give them,
// the first present winning:
//
//   - identifier: id, arxiv_id, arxivId, paperId, doi, DOI (the first is
//     kept as Paper.ID). An arXiv id (2503.11731v2, hep-th/9901001,
//     arXiv:..., an arxiv.org URL or arXiv DOI) found in any of them, in
//     Semantic Scholar's externalIds or in url sets Paper.ArXivID, without
//     its version; a DOI (with any doi: or doi.org prefix removed) sets
//     Paper.DOI.
//   - title, else display_name: a string, or an array of strings.
//   - abstract, else summary.
//   - year, publication_year, published, publication_date,
//     publicationDate, date, publishedAt, issued: a number, the first
//     four-digit year in a date string, or CSL-JSON date-parts.
//   - authors, authorships, author: strings; objects with name,
//     display_name, raw_author_name, literal or given and family; OpenAlex
//     authorships {"author": {"display_name": ...}}; or one string of
//     names separated by commas, semicolons or "and".
//   - url.
//   - paper: a wrapped record (Hugging Face daily papers) that supplies
//     the fields the outer one lacks.
//
// White space in titles and abstracts is collapsed to single spaces.
//
// A record with an identifier but no title, or a title but no abstract,
// is a paper; one with neither a title nor an identifier is reported as
// ErrNoTitle. A title or abstract that is neither a string nor null, and a
// line that is valid JSON but not an object, are reported as ErrShape;
// other metadata of an unexpected shape is ignored. A line that is not
// valid JSON is reported as ErrSyntax with the column of the fault. Errors
// that concern the whole line have Column 0. Reading goes on with the next
// line after any of these.
type JSONLReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest line read. A longer line is reported
	// as ErrTooLong and skipped. 0 means 8 MiB.
	MaxRecordBytes int

	lr  *lineReader
	err error
}

// NewJSONLReader returns a JSONLReader reading from r.
func NewJSONLReader(r io.Reader) *JSONLReader {
	return &JSONLReader{lr: newLineReader(r)}
}

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *JSONLReader) Read() (*Paper, error) {
	for r.err == nil {
		r.lr.max = maxOrDefault(r.MaxRecordBytes)
		line, err := r.lr.next()
		n := r.lr.line
		switch {
		case err == errLineTooLong:
			return nil, &ParseError{Path: r.Path, StartLine: n, Line: n, Err: ErrTooLong}
		case err == io.EOF:
			r.err = io.EOF
			return nil, r.err
		case err != nil:
			r.err = fmt.Errorf("corpus: reading %q: %w", r.Path, err)
			return nil, r.err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		p, err := parseRecord(line, JSONLSource)
		if se, ok := err.(errRecordSyntax); ok {
			return nil, &ParseError{Path: r.Path, StartLine: n, Line: n, Column: r.lr.column(se.off - 1), Err: syntaxError(se.msg)}
		}
		if err != nil {
			return nil, &ParseError{Path: r.Path, StartLine: n, Line: n, Err: err}
		}
		return p, nil
	}
	return nil, r.err
}

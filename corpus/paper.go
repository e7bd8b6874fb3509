package corpus

import (
	"errors"
	"fmt"
)

// Paper is one paper as an input describes it. Fields an input lacks are
// left empty; a paper needs at least a title or an identifier.
type Paper struct {
	// ID is the identifier the input gives the paper: an arXiv id
	// ("2503.11731"), a DOI ("10.1145/3366423.3380176"), an OpenAlex id
	// ("W2741809807") or a Semantic Scholar id. Empty when the input has none;
	// see PID for the key paperkg stores it under.
	ID       string   `json:"id,omitempty"`
	ArXivID  string   `json:"arxiv_id,omitempty"`
	DOI      string   `json:"doi,omitempty"`
	Title    string   `json:"title"`
	Abstract string   `json:"abstract,omitempty"`
	Year     int      `json:"year,omitempty"`
	Authors  []string `json:"authors,omitempty"`
	URL      string   `json:"url,omitempty"`
	// Categories lists the subject categories the input files the paper
	// under, primary first, as arXiv names them ("cs.CL", "cs.LG").
	Categories []string `json:"categories,omitempty"`
	// Source names the input format the record came from ("jsonl", "papers-page", ...).
	Source string `json:"source,omitempty"`
	// References lists the ids of papers this one cites, where the input
	// records real citations: their PIDs or the ids the input gives them
	// (Semantic Scholar paperIds, OpenAlex "W..." ids), which paperkg
	// resolves through Paper.ID.
	References []string `json:"references,omitempty"`
}

// Reader reads papers one at a time from an input.
//
// Read returns the next paper, or nil and io.EOF at the end of the input.
// A record that cannot be read is reported as a *ParseError; the reader has
// then skipped that record and the next call to Read continues with the
// record after it, so one bad record never costs the good ones. Any other
// error is final.
type Reader interface {
	Read() (*Paper, error)
}

// A ParseError reports a record that could not be read. Line and column
// numbers are 1-based; columns count bytes. Record is the 1-based number of
// the record within the input, for formats whose records are not lines.
type ParseError struct {
	Path      string // the input's name, "-" for standard input
	StartLine int    // line where the record starts
	Line      int    // line where the error occurred
	Column    int    // column (1-based byte index) where the error occurred, 0 if unknown
	Record    int    // 1-based record number, 0 if unknown
	Err       error  // the actual error
}

func (e *ParseError) Error() string {
	where := e.Path
	if where == "" {
		where = "<input>"
	}
	switch {
	case e.Line > 0 && e.Column > 0:
		where = fmt.Sprintf("%s:%d:%d", where, e.Line, e.Column)
	case e.Line > 0:
		where = fmt.Sprintf("%s:%d", where, e.Line)
	}
	if e.Record > 0 {
		where = fmt.Sprintf("%s: record %d", where, e.Record)
	}
	return where + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// syntaxError is ErrSyntax with what was wrong, in the words of the
// parser that found it.
type syntaxError string

func (e syntaxError) Error() string        { return ErrSyntax.Error() + ": " + string(e) }
func (e syntaxError) Is(target error) bool { return target == ErrSyntax }

// Errors kept in ParseError.Err.
var (
	// ErrNoTitle is reported for a record with neither a title nor an identifier.
	ErrNoTitle = errors.New("record has neither a title nor an id")
	// ErrSyntax is reported for a record that is not valid in its format.
	ErrSyntax = errors.New("syntax error")
	// ErrShape is reported for well-formed data that is not a paper record
	// (a JSON number where an object was expected, for instance).
	ErrShape = errors.New("not a paper record")
	// ErrTooLong is reported for a record (a line, in line-based formats)
	// longer than the reader's MaxRecordBytes. The reader skips it.
	ErrTooLong = errors.New("record too long")
	// ErrFieldCount is reported for a CSV row with more or fewer fields
	// than its header.
	ErrFieldCount = errors.New("wrong number of fields")
)

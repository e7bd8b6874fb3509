package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// JSONSource is the Source of papers read by a JSONReader, and the name of
// its format.
const JSONSource = "json"

// envelopeFields name the field of a response object that holds its array
// of records, in the order they are tried: Semantic Scholar's "data",
// OpenAlex's "results", and the generic "papers" and "items".
var envelopeFields = []string{"data", "results", "papers", "items"}

// A JSONReader reads papers from JSON: an array of records, a single
// record object, an envelope object whose "data", "results", "papers" or
// "items" field is the array of records, or a sequence of any of these. An
// object is a record if it has a title, abstract or identifier field; an
// object without one and with an envelope field is an envelope. See
// JSONLReader for the fields of a record.
//
// Each record is numbered in ParseError.Record, and its errors give the
// line and column where it starts (or, for invalid JSON, where the error
// is). An element that is not an object is reported as ErrShape, and one
// that is not valid JSON as ErrSyntax, and reading goes on with the next
// element. Brackets that do not balance, input that ends inside a value
// and a top-level value that is neither an object, an array nor valid JSON
// (text that is not JSON) leave no way to find the next record: Read
// reports a *ParseError wrapping ErrSyntax and then io.EOF.
type JSONReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest record read; a longer one is reported
	// as ErrTooLong and skipped. A top-level record or envelope object is
	// read whole, so the limit applies to it too. 0 means 8 MiB.
	MaxRecordBytes int

	top         *valueScanner
	arr         *valueScanner // the scanner of the array being read, or nil
	expectComma bool          // an element of arr has been read
	record      int
	started     bool
	err         error
	// convert turns one record into papers; the readers of the formats
	// built on JSON (OpenAlex, Semantic Scholar, ...) set their own. It
	// fails as parseRecord does, and returns no papers for a record that
	// is to be skipped without an error.
	convert func(raw []byte) ([]*Paper, error)
	queue   []*Paper // papers of the last record not yet returned
}

// NewJSONReader returns a JSONReader reading from r.
func NewJSONReader(r io.Reader) *JSONReader {
	return newJSONCore(r, func(raw []byte) ([]*Paper, error) {
		p, err := parseRecord(raw, JSONSource)
		if err != nil {
			return nil, err
		}
		return []*Paper{p}, nil
	})
}

// newJSONCore returns a JSONReader that converts records with convert.
func newJSONCore(r io.Reader, convert func(raw []byte) ([]*Paper, error)) *JSONReader {
	return &JSONReader{top: newValueScanner(r, bufferSizeFor(r), 1, 1), convert: convert}
}

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *JSONReader) Read() (*Paper, error) {
	for {
		if len(r.queue) > 0 {
			p := r.queue[0]
			r.queue[0] = nil
			r.queue = r.queue[1:]
			return p, nil
		}
		ps, err := r.next()
		if err != nil {
			return nil, err
		}
		r.queue = ps
	}
}

// next reads the next record and returns its papers, which may be none.
func (r *JSONReader) next() ([]*Paper, error) {
	if r.err != nil {
		return nil, r.err
	}
	if !r.started {
		r.started = true
		r.top.skipBOM()
	}
	limit := maxOrDefault(r.MaxRecordBytes)
	r.top.max = limit
	for {
		if r.arr != nil {
			r.arr.max = limit
			ps, err := r.element()
			if err == errArrayEnd {
				continue
			}
			return ps, err
		}
		c, err := r.top.skipSpace()
		if err != nil {
			return nil, r.fail(r.top, err, 0, 0)
		}
		if c == '[' {
			r.top.skipByte()
			r.arr, r.expectComma = r.top, false
			continue
		}
		if c == ']' || c == '}' || c == ',' || c == ':' {
			return nil, r.fail(r.top, errStructure, 0, 0)
		}
		line, col := r.top.line, r.top.col
		raw, err := r.top.readValue()
		if err == errValueTooLong {
			r.record++
			return nil, r.parseError(line, line, col, r.record, ErrTooLong)
		}
		if err != nil {
			return nil, r.fail(r.top, err, r.record+1, line)
		}
		if c == '{' {
			if arr := envelope(raw, line, col); arr != nil {
				r.arr, r.expectComma = arr, false
				continue
			}
		}
		r.record++
		ps, err := r.papers(raw, line, col)
		if c != '{' && errors.Is(err, ErrSyntax) {
			// Text that is not JSON at all: reading on would report it
			// word by word.
			r.err = io.EOF
		}
		return ps, err
	}
}

// errArrayEnd is returned by element at the end of the array.
var errArrayEnd = errors.New("end of array")

// element reads the next element of the current array.
func (r *JSONReader) element() ([]*Paper, error) {
	s := r.arr
	c, err := s.skipSpace()
	if err != nil {
		return nil, r.fail(s, err, 0, 0)
	}
	line, col := s.line, s.col
	switch {
	case c == ']':
		s.skipByte()
		r.arr = nil
		return nil, errArrayEnd
	case c == ',' && r.expectComma:
		s.skipByte()
		r.expectComma = false
		if c, err = s.skipSpace(); err != nil {
			return nil, r.fail(s, err, 0, 0)
		}
		if c == ']' { // a trailing comma; the ']' is read next time
			return nil, r.parseError(s.line, s.line, s.col, 0, syntaxError("comma before ']'"))
		}
		line, col = s.line, s.col
	case c == ',':
		s.skipByte()
		return nil, r.parseError(line, line, col, 0, syntaxError("comma where a value was expected"))
	case r.expectComma:
		// A missing comma: report it, and read the element next time.
		r.expectComma = false
		return nil, r.parseError(line, line, col, 0, syntaxError("missing comma between array elements"))
	}
	raw, err := s.readValue()
	r.expectComma = true
	if err == errValueTooLong {
		r.record++
		return nil, r.parseError(line, line, col, r.record, ErrTooLong)
	}
	if err != nil {
		return nil, r.fail(s, err, r.record+1, line)
	}
	r.record++
	return r.papers(raw, line, col)
}

// papers converts one record that starts at line, col.
func (r *JSONReader) papers(raw []byte, line, col int) ([]*Paper, error) {
	ps, err := r.convert(raw)
	if se, ok := err.(errRecordSyntax); ok {
		l, c := positionAt(raw, se.off-1, line, col)
		return nil, r.parseError(line, l, c, r.record, syntaxError(se.msg))
	}
	if err != nil {
		return nil, r.parseError(line, line, col, r.record, err)
	}
	return ps, nil
}

func (r *JSONReader) parseError(start, line, col, record int, err error) *ParseError {
	return &ParseError{Path: r.Path, StartLine: start, Line: line, Column: col, Record: record, Err: err}
}

// fail ends the reader on an error of scanner s while reading the record
// numbered record that starts at line start (both 0 between records).
func (r *JSONReader) fail(s *valueScanner, err error, record, start int) error {
	switch {
	case err == io.EOF && s == r.top && r.arr == nil:
		r.err = io.EOF
		return io.EOF
	case err == io.EOF, err == errStructure:
		r.err = io.EOF
		if start == 0 {
			start = s.line
		}
		msg := syntaxError("unexpected end of input")
		if err == errStructure {
			msg = "unterminated value or unbalanced brackets"
		}
		return &ParseError{Path: r.Path, StartLine: start, Line: s.line, Column: s.col, Record: record, Err: msg}
	}
	r.err = fmt.Errorf("corpus: reading %q: %w", r.Path, err)
	return r.err
}

// recordFields are the object keys that make an object a record rather
// than an envelope.
var recordFields = []string{"id", "arxiv_id", "arxivid", "paperid", "doi", "title", "display_name", "abstract", "summary"}

// envelopeField returns the field of obj that holds its array of records
// if obj is an envelope object rather than a record, else "".
func envelopeField(obj []byte) string {
	var fields map[string]json.RawMessage
	if json.Unmarshal(obj, &fields) != nil {
		return ""
	}
	for k := range fields {
		for _, f := range recordFields {
			if strings.EqualFold(k, f) {
				return ""
			}
		}
	}
	for _, f := range envelopeFields {
		if v := bytes.TrimLeft(fields[f], " \t\r\n"); len(v) > 0 && v[0] == '[' {
			return f
		}
	}
	return ""
}

// envelope returns a scanner positioned inside the array of records of an
// envelope object obj, which starts at line, col, or nil if obj is not an
// envelope. The scanner reads obj in place.
func envelope(obj []byte, line, col int) *valueScanner {
	key := envelopeField(obj)
	if key == "" {
		return nil
	}
	// Walk the object to the array, so positions stay those of the input.
	s := newValueScanner(bytes.NewReader(obj), bufferSizeFor(bytes.NewReader(obj)), line, col)
	s.max = len(obj)
	s.skipByte() // '{'
	for {
		c, err := s.skipSpace()
		if err != nil || c != '"' {
			return nil
		}
		k, err := s.readValue()
		if err != nil {
			return nil
		}
		var name string
		if json.Unmarshal(k, &name) != nil {
			return nil
		}
		if c, err = s.skipSpace(); err != nil || c != ':' {
			return nil
		}
		s.skipByte()
		if c, err = s.skipSpace(); err != nil {
			return nil
		}
		if name == key && c == '[' {
			s.skipByte()
			return s
		}
		if _, err := s.readValue(); err != nil {
			return nil
		}
		if c, err = s.skipSpace(); err != nil || c != ',' {
			return nil
		}
		s.skipByte()
	}
}

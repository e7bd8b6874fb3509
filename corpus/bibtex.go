package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// BibTeXSource is the Source of papers read by a BibTeXReader, and the name
// of its format.
const BibTeXSource = "bibtex"

// A BibTeXReader reads papers from BibTeX, one an entry:
// @type{key, field = value, ...} or @type(key, ...). A value is a braced
// {…} with nested braces, a quoted "…", a number or the name of a macro,
// and parts joined by # are concatenated. @string defines macros for the
// entries after it (the months jan to dec are predefined); @comment and
// @preamble are skipped, as is any text outside entries. Field names are
// case-insensitive, and the first of a repeated field wins.
//
// Fields become the paper's: title, abstract, year (else the year of
// date), author ("A and B", each "First Last", "Last, First" or "Last,
// Jr, First"), doi, url, and the arXiv id from eprint (with archivePrefix
// or eprinttype arXiv, or none), arxiv, arxivid, the DOI or the URL. The
// LaTeX in them is turned into plain text: {\"o} and \"{o} become ö, \&
// &, --- —, ~ a space, \emph{x} x, and braces are removed. The citation
// key is not kept: it names the entry only within its file.
//
// An entry that is not well-formed is reported as ErrSyntax with the
// position of the fault and the line of the entry in StartLine; reading
// then resumes at the next line that starts with an entry ("@type{", after
// any indentation). The reader takes such a line inside a braced or
// quoted value for the start of the next entry, so one value whose braces
// do not balance costs only its own entry; a line of an abstract may
// therefore not start with "@word{". An entry that closes just before a
// comma had a closing brace too many and is reported the same way. An
// entry with neither a title nor an identifier is reported as ErrNoTitle.
type BibTeXReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest entry read; a longer one is reported
	// as ErrTooLong and skipped. 0 means 8 MiB.
	MaxRecordBytes int

	s      *bibScanner
	macros map[string]string
	resync bool // after an error: look for an entry at the start of a line
	err    error
}

// NewBibTeXReader returns a BibTeXReader reading from r.
func NewBibTeXReader(r io.Reader) *BibTeXReader {
	s := &bibScanner{br: bufio.NewReaderSize(r, bufferSizeFor(r)), line: 1, col: 1, lineStart: true}
	if b, err := s.br.Peek(len(utf8BOM)); err == nil && bytes.Equal(b, utf8BOM) {
		s.br.Discard(len(utf8BOM))
		s.col += len(utf8BOM)
	}
	return &BibTeXReader{s: s, macros: make(map[string]string)}
}

// monthMacros are BibTeX's predefined macros.
var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"may": "May", "jun": "June", "jul": "July", "aug": "August",
	"sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// bibScanner reads BibTeX a byte at a time and keeps the position.
type bibScanner struct {
	br        *bufio.Reader
	line, col int  // position of the next byte
	lineStart bool // only spaces and tabs before the next byte on its line
	n         int  // bytes read since the entry began
	err       error
}

// peek returns the next byte; ok is false at the end of the input or at an
// error, kept in s.err.
func (s *bibScanner) peek() (byte, bool) {
	b, err := s.br.Peek(1)
	if err != nil {
		if err != io.EOF {
			s.err = err
		}
		return 0, false
	}
	return b[0], true
}

func (s *bibScanner) next() (byte, bool) {
	c, err := s.br.ReadByte()
	if err != nil {
		if err != io.EOF {
			s.err = err
		}
		return 0, false
	}
	s.n++
	if c == '\n' {
		s.line++
		s.col = 1
		s.lineStart = true
	} else {
		s.col++
		s.lineStart = s.lineStart && (c == ' ' || c == '\t' || c == '\r')
	}
	return c, true
}

func (s *bibScanner) skipSpace() {
	for {
		c, ok := s.peek()
		if !ok || !isBibSpace(c) {
			return
		}
		s.next()
	}
}

func isBibSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// entryAhead reports whether an entry starts at the next byte: "@", a
// name and an opening brace or parenthesis, with optional white space.
func (s *bibScanner) entryAhead() bool {
	b, _ := s.br.Peek(128)
	if len(b) == 0 || b[0] != '@' {
		return false
	}
	i := 1
	for i < len(b) && isBibSpace(b[i]) {
		i++
	}
	j := i
	for j < len(b) && (isASCIILetter(b[j]) || j > i && (b[j] >= '0' && b[j] <= '9' || b[j] == '_' || b[j] == '-')) {
		j++
	}
	if j == i {
		return false
	}
	for j < len(b) && isBibSpace(b[j]) {
		j++
	}
	return j < len(b) && (b[j] == '{' || b[j] == '(')
}

// atNextEntry reports whether the next byte starts an entry at the start
// of a line, which ends any value or entry left open.
func (s *bibScanner) atNextEntry() bool {
	return s.lineStart && s.entryAhead()
}

// isBibNameByte reports whether c can be part of an entry type, field name
// or macro name.
func isBibNameByte(c byte) bool {
	if c <= ' ' || c == 0x7f {
		return false
	}
	return !strings.ContainsRune("\"#%'(),={}@", rune(c))
}

// bibError is a fault in an entry, at a position.
type bibError struct {
	line, col int
	err       error
}

func (e *bibError) Error() string { return e.err.Error() }

// errBibSkip reports an entry that is not a paper: @comment, @preamble,
// @string.
var errBibSkip = errors.New("not a paper entry")

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *BibTeXReader) Read() (*Paper, error) {
	s := r.s
	for r.err == nil {
		// Find the next entry.
		for {
			c, ok := s.peek()
			if !ok {
				break
			}
			if c == '@' && (s.lineStart || !r.resync) && s.entryAhead() {
				break
			}
			s.next()
		}
		if s.err != nil {
			r.err = fmt.Errorf("corpus: reading %q: %w", r.Path, s.err)
			return nil, r.err
		}
		if _, ok := s.peek(); !ok {
			r.err = io.EOF
			return nil, r.err
		}
		r.resync = false
		startLine, startCol := s.line, s.col
		p, err := r.entry()
		if s.err != nil {
			r.err = fmt.Errorf("corpus: reading %q: %w", r.Path, s.err)
			return nil, r.err
		}
		var be *bibError
		switch {
		case err == errBibSkip:
			continue
		case errors.As(err, &be):
			r.resync = true
			return nil, &ParseError{Path: r.Path, StartLine: startLine, Line: be.line, Column: be.col, Err: be.err}
		case err != nil:
			return nil, &ParseError{Path: r.Path, StartLine: startLine, Line: startLine, Column: startCol, Err: err}
		}
		return p, nil
	}
	return nil, r.err
}

// entry reads the entry at the next byte, an "@".
func (r *BibTeXReader) entry() (*Paper, error) {
	s := r.s
	s.n = 0
	limit := maxOrDefault(r.MaxRecordBytes)
	s.next() // '@'
	s.skipSpace()
	typ := strings.ToLower(r.name())
	s.skipSpace()
	open, _ := s.next() // entryAhead saw it
	closer := byte('}')
	if open == '(' {
		closer = ')'
	}
	switch typ {
	case "comment":
		r.skipGroup(open, closer) // a comment left open ends where the next entry starts
		return nil, errBibSkip
	case "preamble":
		line, col := s.line, s.col
		if !r.skipGroup(open, closer) {
			return nil, r.fault(line, col, ErrSyntax)
		}
		return nil, errBibSkip
	}

	fields := make(map[string]string)
	if typ != "string" {
		// The citation key: anything up to a comma or the closer.
		s.skipSpace()
		for {
			c, ok := s.peek()
			if !ok || c == ',' || c == closer || isBibSpace(c) || c == '{' || c == '}' {
				break
			}
			s.next()
		}
		s.skipSpace()
		if c, ok := s.peek(); !ok || c != ',' && c != closer {
			return nil, r.fault(s.line, s.col, ErrSyntax)
		}
	}
	for {
		s.skipSpace()
		if s.atNextEntry() {
			return nil, r.fault(s.line, s.col, ErrSyntax)
		}
		c, ok := s.peek()
		if !ok {
			return nil, r.fault(s.line, s.col, ErrSyntax)
		}
		if c == closer {
			s.next()
			break
		}
		if c == ',' {
			s.next()
			continue
		}
		line, col := s.line, s.col
		name := strings.ToLower(r.name())
		if name == "" {
			return nil, r.fault(line, col, ErrSyntax)
		}
		s.skipSpace()
		if c, ok := s.peek(); !ok || c != '=' {
			return nil, r.fault(s.line, s.col, ErrSyntax)
		}
		s.next()
		value, err := r.value(limit)
		if err != nil {
			return nil, err
		}
		if _, dup := fields[name]; !dup {
			fields[name] = value
		}
		s.skipSpace()
		if c, ok := s.peek(); !ok || c != ',' && c != closer || s.atNextEntry() {
			return nil, r.fault(s.line, s.col, ErrSyntax)
		}
	}
	// A comma right after the entry closed means a closing brace too many
	// inside it: the rest of the entry follows.
	line, col := s.line, s.col-1
	for {
		c, ok := s.peek()
		if !ok || c != ' ' && c != '\t' {
			if ok && c == ',' {
				return nil, r.fault(line, col, ErrSyntax)
			}
			break
		}
		s.next()
	}
	if s.n > limit {
		return nil, ErrTooLong
	}
	if typ == "string" {
		for k, v := range fields {
			r.macros[k] = v
		}
		return nil, errBibSkip
	}
	p := bibPaper(fields)
	if p.Title == "" && p.ArXivID == "" && p.DOI == "" {
		return nil, ErrNoTitle
	}
	return p, nil
}

func (r *BibTeXReader) fault(line, col int, err error) error {
	return &bibError{line: line, col: col, err: err}
}

// name reads an entry type, field name or macro name.
func (r *BibTeXReader) name() string {
	var b strings.Builder
	for {
		c, ok := r.s.peek()
		if !ok || !isBibNameByte(c) {
			return b.String()
		}
		r.s.next()
		if b.Len() < 256 {
			b.WriteByte(c)
		}
	}
}

// skipGroup skips the rest of a group opened by open, up to its closer
// outside braces. It reports false if the group is still open at the end
// of the input or at the start of the next entry.
func (r *BibTeXReader) skipGroup(open, closer byte) bool {
	s := r.s
	depth := 0
	for {
		if s.atNextEntry() {
			return false
		}
		c, ok := s.next()
		switch {
		case !ok:
			return false
		case c == '{':
			depth++
		case c == '}' && depth > 0:
			depth--
		case c == closer && depth == 0:
			return true
		}
	}
}

// value reads a field value: parts joined by #. It keeps at most limit
// bytes.
func (r *BibTeXReader) value(limit int) (string, error) {
	s := r.s
	var b strings.Builder
	keep := func(c byte) {
		if b.Len() < limit {
			b.WriteByte(c)
		}
	}
	for {
		s.skipSpace()
		line, col := s.line, s.col
		c, ok := s.peek()
		switch {
		case !ok || s.atNextEntry():
			return "", r.fault(line, col, ErrSyntax)
		case c == '{' || c == '"':
			s.next()
			depth := 0
			for {
				if s.atNextEntry() {
					return "", r.fault(line, col, ErrSyntax)
				}
				d, ok := s.next()
				if !ok {
					return "", r.fault(line, col, ErrSyntax)
				}
				if d == '\\' {
					// An escaped brace or quote does not count.
					keep(d)
					if e, ok := s.peek(); ok && (e == '{' || e == '}' || e == '"') {
						s.next()
						keep(e)
					}
					continue
				}
				if d == '{' {
					depth++
				} else if d == '}' {
					if depth == 0 {
						if c == '{' {
							break
						}
						return "", r.fault(s.line, s.col-1, ErrSyntax) // "…}…"
					}
					depth--
				} else if d == '"' && c == '"' && depth == 0 {
					break
				}
				keep(d)
			}
		case c >= '0' && c <= '9':
			for {
				d, ok := s.peek()
				if !ok || d < '0' || d > '9' {
					break
				}
				s.next()
				keep(d)
			}
		case isBibNameByte(c):
			name := strings.ToLower(r.name())
			v, ok := r.macros[name]
			if !ok {
				v = monthMacros[name] // an undefined macro is empty, as in BibTeX
			}
			for i := 0; i < len(v); i++ {
				keep(v[i])
			}
		default:
			return "", r.fault(line, col, ErrSyntax)
		}
		s.skipSpace()
		if c, ok := s.peek(); !ok || c != '#' {
			return b.String(), nil
		}
		s.next()
	}
}

// bibPaper converts the fields of an entry.
func bibPaper(f map[string]string) *Paper {
	p := &Paper{
		Title:    latexText(f["title"]),
		Abstract: latexText(f["abstract"]),
		Year:     yearInString(latexText(f["year"])),
		Authors:  bibNames(f["author"]),
		URL:      urlText(f["url"]),
		Source:   BibTeXSource,
	}
	if p.Year == 0 {
		p.Year = yearInString(latexText(f["date"]))
	}
	if doi, ok := ParseDOI(urlText(f["doi"])); ok {
		p.DOI = doi
	}
	prefix := strings.ToLower(latexText(f["archiveprefix"]))
	if prefix == "" {
		prefix = strings.ToLower(latexText(f["eprinttype"]))
	}
	var candidates []string
	if prefix == "" || prefix == "arxiv" {
		candidates = append(candidates, urlText(f["eprint"]))
	}
	candidates = append(candidates, urlText(f["arxiv"]), urlText(f["arxivid"]), p.DOI, p.URL)
	for _, s := range candidates {
		if id, ok := ParseArXivID(s); ok {
			p.ArXivID = id
			break
		}
	}
	return p
}

// urlText returns an identifier or URL field as written, without the
// braces and escapes LaTeX needs: a ~ or -- in a URL is not LaTeX.
func urlText(s string) string {
	if !strings.ContainsAny(s, "{}\\") {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '{', '}':
		case '\\':
			if i+1 < len(s) && strings.IndexByte("_%&#$~{}", s[i+1]) >= 0 {
				i++
				b.WriteByte(s[i])
			}
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimSpace(b.String())
}

// bibNames splits a BibTeX name list on the word "and" outside braces and
// writes each name as "First Last": "Last, First" and "Last, Jr, First"
// are reordered, "others" is dropped, and braces protect what they hold
// ({Barnes and Noble}).
func bibNames(s string) []string {
	var names []string
	for _, raw := range splitBibAnd(s) {
		parts := splitBibCommas(raw)
		var name string
		switch len(parts) {
		case 1:
			name = parts[0]
		case 2:
			name = parts[1] + " " + parts[0]
		default:
			name = parts[2] + " " + parts[0] + " " + parts[1]
		}
		name = latexText(name)
		if name != "" && !strings.EqualFold(name, "others") {
			names = append(names, name)
		}
	}
	return names
}

// splitBibAnd splits s at the word "and" (in any case) outside braces.
func splitBibAnd(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case c == '{':
			depth++
		case c == '}':
			depth = max(depth-1, 0)
		case depth == 0 && isBibSpace(c) && i+4 < len(s) && strings.EqualFold(s[i+1:i+4], "and") && isBibSpace(s[i+4]):
			out = append(out, s[start:i])
			start = i + 4
			i += 3
		}
	}
	return append(out, s[start:])
}

// splitBibCommas splits a name at the commas outside braces.
func splitBibCommas(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case c == '{':
			depth++
		case c == '}':
			depth = max(depth-1, 0)
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

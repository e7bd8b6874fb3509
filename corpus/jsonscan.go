package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// valueScanner splits JSON text into values without decoding them, so a
// reader can hand one array element at a time to encoding/json and keep the
// line and column where each starts. It checks only structure (brackets
// and strings); encoding/json validates the rest of each value. Only a
// structural error loses track of where values start.
type valueScanner struct {
	br    *bufio.Reader
	line  int // 1-based line of the next byte
	col   int // 1-based column of the next byte
	max   int
	buf   []byte
	stack []byte
}

// newValueScanner returns a scanner of r, whose first byte is at line,
// col, reading size bytes at a time.
func newValueScanner(r io.Reader, size, line, col int) *valueScanner {
	return &valueScanner{br: bufio.NewReaderSize(r, size), line: line, col: col}
}

// errStructure reports unbalanced brackets or input that ends inside a
// value, at the scanner's position.
var errStructure = errors.New("unbalanced JSON")

// errValueTooLong reports a value longer than max that was skipped.
var errValueTooLong = errors.New("value too long")

func isJSONSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// advance moves the position over b.
func (s *valueScanner) advance(b []byte) {
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		s.line += bytes.Count(b, []byte{'\n'})
		s.col = len(b) - i
	} else {
		s.col += len(b)
	}
}

// chunk returns the buffered input, reading more if none is buffered.
func (s *valueScanner) chunk() ([]byte, error) {
	n := s.br.Buffered()
	if n == 0 {
		if _, err := s.br.Peek(1); err != nil {
			return nil, err
		}
		n = s.br.Buffered()
	}
	return s.br.Peek(n)
}

func (s *valueScanner) discard(b []byte) {
	s.advance(b)
	s.br.Discard(len(b))
}

// skipSpace consumes white space and returns the next byte, unconsumed.
func (s *valueScanner) skipSpace() (byte, error) {
	for {
		b, err := s.chunk()
		if err != nil {
			return 0, err
		}
		i := 0
		for i < len(b) && isJSONSpace(b[i]) {
			i++
		}
		s.discard(b[:i])
		if i < len(b) {
			return b[i], nil
		}
	}
}

// skipByte consumes the single byte skipSpace returned.
func (s *valueScanner) skipByte() {
	b, _ := s.br.Peek(1)
	s.discard(b)
}

// skipBOM consumes a UTF-8 byte-order mark at the start of the input.
func (s *valueScanner) skipBOM() {
	if b, _ := s.br.Peek(len(utf8BOM)); bytes.Equal(b, utf8BOM) {
		s.discard(b)
	}
}

// readValue consumes one JSON value, which must start at the next byte, and
// returns its bytes, valid until the next call. At unbalanced brackets or
// the end of the input inside a value it returns errStructure with the
// position at the fault; a value longer than max is consumed and reported
// as errValueTooLong. Errors of the underlying reader are returned as they
// are.
func (s *valueScanner) readValue() ([]byte, error) {
	s.buf = s.buf[:0]
	s.stack = s.stack[:0]
	n := 0
	const (
		start = iota
		inContainer
		inString
		inScalar
	)
	state := start
	escape := false
	done := false
	for !done {
		b, err := s.chunk()
		if err == io.EOF {
			if state == inScalar {
				break
			}
			return nil, errStructure
		}
		if err != nil {
			return nil, err
		}
		i := 0
	scan:
		for ; i < len(b); i++ {
			c := b[i]
			switch state {
			case start:
				switch c {
				case '{':
					s.stack = append(s.stack, '}')
					state = inContainer
				case '[':
					s.stack = append(s.stack, ']')
					state = inContainer
				case '"':
					state = inString
				case '}', ']', ',', ':':
					s.discard(b[:i])
					return nil, errStructure
				default:
					state = inScalar
				}
			case inString:
				switch {
				case escape:
					escape = false
				case c == '\\':
					escape = true
				case c == '"':
					if len(s.stack) == 0 {
						i++
						done = true
						break scan
					}
					state = inContainer
				}
			case inScalar:
				switch c {
				case ' ', '\t', '\n', '\r', ',', ':', ']', '}', '[', '{', '"':
					done = true
					break scan
				}
			case inContainer:
				switch c {
				case '"':
					state = inString
				case '{':
					s.stack = append(s.stack, '}')
				case '[':
					s.stack = append(s.stack, ']')
				case '}', ']':
					if s.stack[len(s.stack)-1] != c {
						s.take(b[:i], &n)
						return nil, errStructure
					}
					s.stack = s.stack[:len(s.stack)-1]
					if len(s.stack) == 0 {
						i++
						done = true
						break scan
					}
				}
			}
		}
		s.take(b[:i], &n)
	}
	if n > s.max {
		return nil, errValueTooLong
	}
	return s.buf, nil
}

// take consumes b as part of the value being read, keeping it while the
// value is within max bytes.
func (s *valueScanner) take(b []byte, n *int) {
	*n += len(b)
	if *n <= s.max {
		s.buf = append(s.buf, b...)
	} else if s.buf != nil {
		s.buf = s.buf[:0]
		if cap(s.buf) > bufferSize {
			s.buf = nil
		}
	}
	s.discard(b)
}

// positionAt returns the line and column of byte off (0-based) of b, where
// b starts at line, col.
func positionAt(b []byte, off, line, col int) (int, int) {
	b = b[:min(off, len(b))]
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return line + bytes.Count(b, []byte{'\n'}), len(b) - i
	}
	return line, col + len(b)
}

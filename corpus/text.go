package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// defaultMaxRecordBytes is the longest record (or line) a reader accepts
// when its MaxRecordBytes is 0, for every reader. Abstracts are a few
// kilobytes, and a JSON record with an embedding or a thousand citations
// stays well under it; a longer record (full text pasted into an
// abstract) costs more to read, clean and extract from than it is worth,
// and is reported as ErrTooLong and skipped.
const defaultMaxRecordBytes = 8 << 20

// bufferSize is the size of the readers' input buffers. Longer lines and
// values are gathered from several reads.
const bufferSize = 64 << 10

// bufferSizeFor returns the buffer size for reading r: bufferSize, or less
// for an in-memory input that is shorter.
func bufferSizeFor(r io.Reader) int {
	if l, ok := r.(interface{ Len() int }); ok && l.Len() < bufferSize {
		return max(l.Len(), 16) // bufio's minimum
	}
	return bufferSize
}

// sniffSize is how far format sniffing looks ahead, enough to see a whole
// first line of JSON Lines in all but rare inputs.
const sniffSize = 256 << 10

var utf8BOM = []byte("\xef\xbb\xbf")

// clean collapses runs of white space (newlines, tabs, non-breaking spaces)
// and control characters to single spaces, trims the ends and replaces
// invalid UTF-8, so titles and abstracts are single lines of valid text.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s { // an invalid byte comes as utf8.RuneError, written as U+FFFD
		if isBreak(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether s is already what clean would make of it; most
// input is, and the check costs less than the copy.
func isClean(s string) bool {
	space := true // a space here would be leading or doubled
	for i := 0; i < len(s); {
		if graphic[s[i]] {
			// The common case: a run of printable ASCII.
			for i < len(s) && graphic[s[i]] {
				i++
			}
			space = false
			continue
		}
		c := s[i]
		if c == ' ' && !space {
			space = true
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false // a doubled space or a control character
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isBreak(r) {
			return false
		}
		space = false
		i += size
	}
	return !space || s == ""
}

// graphic marks the printable ASCII bytes other than space.
var graphic = func() (t [256]bool) {
	for c := '!'; c <= '~'; c++ {
		t[c] = true
	}
	return t
}()

// isBreak reports whether clean turns r into a space.
func isBreak(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// errLineTooLong is returned by lineReader.next for a line it skipped.
var errLineTooLong = errors.New("line too long")

// lineReader reads lines of any length up to a limit, unlike bufio.Scanner
// with its 64 KiB default, and counts them.
type lineReader struct {
	br   *bufio.Reader
	max  int
	line int    // 1-based number of the line last returned
	bom  bool   // the last line returned was line 1 and began with a byte-order mark
	buf  []byte // holds lines longer than br's buffer
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, bufferSizeFor(r))}
}

// next returns the next line without its line ending. The slice is valid
// until the following call. A line longer than max is skipped and reported
// as errLineTooLong. At the end of the input next returns io.EOF; other
// errors come from the underlying reader.
func (lr *lineReader) next() ([]byte, error) {
	n := 0 // bytes of the line read so far, including any part not kept
	lr.buf = lr.buf[:0]
	var line []byte
	for {
		frag, err := lr.br.ReadSlice('\n')
		if n == 0 && err == nil {
			line = frag // the whole line is in the buffer: no copy
			n = len(frag)
			break
		}
		n += len(frag)
		if n <= lr.max+2 { // +2: the line ending is not part of the line
			lr.buf = append(lr.buf, frag...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if n == 0 {
				return nil, io.EOF
			}
			break
		}
		if err != nil {
			return nil, err
		}
		break
	}
	if line == nil {
		line = lr.buf
	}
	lr.line++
	if len(line) > 0 && line[len(line)-1] == '\n' {
		line = line[:len(line)-1]
		n--
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
			n--
		}
	}
	lr.bom = lr.line == 1 && bytes.HasPrefix(line, utf8BOM)
	if lr.bom {
		line = line[len(utf8BOM):]
		n -= len(utf8BOM)
	}
	if n > lr.max {
		if cap(lr.buf) > bufferSize {
			lr.buf = nil // do not keep a huge buffer for the next lines
		}
		return nil, errLineTooLong
	}
	return line, nil
}

// column turns a 0-based byte offset within the last line into the 1-based
// column of the input, counting a byte-order mark the line began with.
func (lr *lineReader) column(offset int) int {
	if lr.bom {
		offset += len(utf8BOM)
	}
	return offset + 1
}

func maxOrDefault(n int) int {
	if n <= 0 {
		return defaultMaxRecordBytes
	}
	return n
}

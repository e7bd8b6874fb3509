package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrUnknownFormat is returned by Open and NewReader for a format name that
// is not "auto" or one of Formats, and for input whose format cannot be
// told.
var ErrUnknownFormat = errors.New("corpus: unknown format")

// match is how well input fits a format.
type match int

const (
	noMatch    match = iota // the input is not in the format
	maybeMatch              // it could be
	sureMatch               // it is
)

// An inputFormat is one input format: its name, the file extensions that hint
// at it, a test of the input's first bytes and its reader. Formats are
// listed from the most specific to the most general: when several fit the
// input equally well, the one the file extension names wins, else the
// first listed.
type inputFormat struct {
	name  string
	exts  []string
	sniff func(head []byte) match // head: the first bytes, past any byte-order mark and leading white space
	open  func(r io.Reader, path string) Reader
}

var formats = []inputFormat{
	{
		name:  JSONSource,
		exts:  []string{".json"},
		sniff: sniffJSON,
		open: func(r io.Reader, path string) Reader {
			jr := NewJSONReader(r)
			jr.Path = path
			return jr
		},
	},
	{
		name:  JSONLSource,
		exts:  []string{".jsonl", ".ndjson", ".jsonlines"},
		sniff: sniffJSONL,
		open: func(r io.Reader, path string) Reader {
			jr := NewJSONLReader(r)
			jr.Path = path
			return jr
		},
	},
	{
		name:  PageSource,
		exts:  []string{".txt", ".text"},
		sniff: sniffText,
		open: func(r io.Reader, path string) Reader {
			pr := NewPageReader(r)
			pr.Path = path
			return pr
		},
	},
}

// Formats lists the names of the input formats, as Open and NewReader
// accept them besides "auto".
var Formats = formatNames()

func formatNames() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// sniffJSON: an array, or an envelope object; any other object might be
// JSON too.
func sniffJSON(head []byte) match {
	switch {
	case len(head) == 0:
		return maybeMatch
	case head[0] == '[':
		rest := bytes.TrimLeft(head[1:], " \t\r\n")
		if len(rest) == 0 || bytes.IndexByte([]byte(`{["]-0123456789tfn`), rest[0]) >= 0 {
			return sureMatch
		}
	case head[0] == '{':
		if first, ok := firstLineObject(head); ok && envelopeField(first) != "" {
			return sureMatch
		}
		return maybeMatch
	}
	return noMatch
}

// sniffJSONL: a record object that is complete on its first line.
func sniffJSONL(head []byte) match {
	switch {
	case len(head) == 0:
		return maybeMatch
	case head[0] != '{':
		return noMatch
	}
	if first, ok := firstLineObject(head); ok && envelopeField(first) == "" {
		return sureMatch
	}
	return maybeMatch
}

// firstLineObject returns the first line of head if it is a complete JSON
// value.
func firstLineObject(head []byte) ([]byte, bool) {
	first, _, _ := bytes.Cut(head, []byte{'\n'})
	return first, json.Valid(first)
}

// sniffText: any text, that is without NUL bytes or control characters
// other than white space. Invalid UTF-8 is allowed, as in a page saved in
// another encoding; the reader replaces it.
func sniffText(head []byte) match {
	for _, c := range head {
		if c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
			return noMatch
		}
	}
	return maybeMatch
}

// sniff picks the format of input that starts with head, named name.
func sniff(head []byte, name string) (inputFormat, bool) {
	head = bytes.TrimPrefix(head, utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n")
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
	best, bestMatch, hinted := inputFormat{}, noMatch, false
	for _, f := range formats {
		m := f.sniff(head)
		hint := ext != "" && containsString(f.exts, ext)
		if m > bestMatch || m == bestMatch && m != noMatch && hint && !hinted {
			best, bestMatch, hinted = f, m, hint
		}
	}
	return best, bestMatch != noMatch
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func lookupFormat(name string) (inputFormat, bool) {
	for _, f := range formats {
		if strings.EqualFold(f.name, name) {
			return f, true
		}
	}
	return inputFormat{}, false
}

func unknownFormat(name string) error {
	return fmt.Errorf("%w %q, must be one of [auto %s]", ErrUnknownFormat, name, strings.Join(Formats, " "))
}

var gzipMagic = []byte{0x1f, 0x8b}

// NewReader returns a reader of the papers in r, which is named name in
// errors, and the name of its format. format is one of Formats, or "auto"
// or "" to tell the format from the first bytes of the input, with name's
// extension deciding between formats the content fits equally well.
// Gzip-compressed input, recognised by its first bytes, is decompressed.
func NewReader(r io.Reader, name, format string) (Reader, string, error) {
	f, ok := inputFormat{}, false
	if format != "" && !strings.EqualFold(format, "auto") {
		if f, ok = lookupFormat(format); !ok {
			return nil, "", unknownFormat(format)
		}
	}
	br := bufio.NewReaderSize(r, sniffSize)
	if magic, err := br.Peek(len(gzipMagic)); err == nil && bytes.Equal(magic, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, "", fmt.Errorf("corpus: reading gzip %q: %w", name, err)
		}
		br = bufio.NewReaderSize(zr, sniffSize)
	}
	if !ok {
		head, err := br.Peek(sniffSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return nil, "", fmt.Errorf("corpus: reading %q: %w", name, err)
		}
		if f, ok = sniff(head, name); !ok {
			return nil, "", fmt.Errorf("%w: cannot tell the format of %q, must be one of [%s]", ErrUnknownFormat, name, strings.Join(Formats, " "))
		}
	}
	return f.open(br, name), f.name, nil
}

// A File is an input file opened for reading papers.
type File struct {
	r      Reader
	f      *os.File
	format string
}

// Open opens the named file for reading papers; "-" is standard input.
// format is as for NewReader. The caller closes the File.
func Open(path, format string) (*File, error) {
	if path == "-" {
		r, name, err := NewReader(os.Stdin, "-", format)
		if err != nil {
			return nil, err
		}
		return &File{r: r, format: name}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("corpus: open %q: %w", path, err)
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("corpus: open %q: is a directory", path)
	}
	r, name, err := NewReader(f, path, format)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &File{r: r, f: f, format: name}, nil
}

// Read returns the next paper, as Reader describes.
func (f *File) Read() (*Paper, error) { return f.r.Read() }

// Format returns the name of the file's format.
func (f *File) Format() string { return f.format }

// Close closes the file; it leaves standard input open.
func (f *File) Close() error {
	if f.f == nil {
		return nil
	}
	return f.f.Close()
}

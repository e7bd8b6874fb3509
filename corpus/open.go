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
	"regexp"
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
	// signedMatch: the input carries marks of one source (OpenAlex ids,
	// Semantic Scholar's paperId), so it is that source's format rather
	// than the generic one it is also written in.
	signedMatch
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
		name:  OpenAlexSource,
		sniff: jsonSigned(openAlexMarks...),
		open: func(r io.Reader, path string) Reader {
			or := NewOpenAlexReader(r)
			or.Path = path
			return or
		},
	},
	{
		name:  SemanticScholarSource,
		sniff: jsonSigned(semanticScholarMarks...),
		open: func(r io.Reader, path string) Reader {
			sr := NewSemanticScholarReader(r)
			sr.Path = path
			return sr
		},
	},
	{
		name:  HFDailySource,
		sniff: sniffHFDaily,
		open: func(r io.Reader, path string) Reader {
			hr := NewHFDailyReader(r)
			hr.Path = path
			return hr
		},
	},
	{
		name:  ArXivAtomSource,
		exts:  []string{".xml", ".atom"},
		sniff: sniffAtom,
		open: func(r io.Reader, path string) Reader {
			ar := NewAtomReader(r)
			ar.Path = path
			return ar
		},
	},
	{
		name:  BibTeXSource,
		exts:  []string{".bib", ".bibtex"},
		sniff: sniffBibTeX,
		open: func(r io.Reader, path string) Reader {
			br := NewBibTeXReader(r)
			br.Path = path
			return br
		},
	},
	{
		name:  RISSource,
		exts:  []string{".ris"},
		sniff: sniffRIS,
		open: func(r io.Reader, path string) Reader {
			rr := NewRISReader(r)
			rr.Path = path
			return rr
		},
	},
	{
		name:  CSVSource,
		exts:  []string{".csv", ".tsv"},
		sniff: sniffCSV,
		open: func(r io.Reader, path string) Reader {
			cr := NewCSVReader(r)
			cr.Path = path
			return cr
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

// openAlexMarks are written only by OpenAlex: a work's id, its
// abstract's inverted index.
var openAlexMarks = []*regexp.Regexp{
	regexp.MustCompile(`"id"\s*:\s*"https://openalex\.org/W\d`),
	regexp.MustCompile(`"abstract_inverted_index"\s*:`),
}

// semanticScholarMarks: Semantic Scholar's name for its paper ids, and the
// wrappers of its citations and references responses.
var semanticScholarMarks = []*regexp.Regexp{
	regexp.MustCompile(`"(paperId|citingPaper|citedPaper)"\s*:`),
}

// jsonSigned returns a sniffer for JSON (an object or array) that holds
// one of the marks.
func jsonSigned(marks ...*regexp.Regexp) func(head []byte) match {
	return func(head []byte) match {
		if len(head) == 0 {
			return maybeMatch
		}
		if head[0] != '{' && head[0] != '[' {
			return noMatch
		}
		for _, m := range marks {
			if m.Match(head) {
				return signedMatch
			}
		}
		return noMatch
	}
}

var (
	hfPaperMark = regexp.MustCompile(`"paper"\s*:\s*\{`)
	hfMarks     = regexp.MustCompile(`"(submittedOnDailyAt|submittedOnDailyBy|submittedBy|numComments|discussionId|upvotes|ai_summary|ai_keywords)"\s*:`)
)

// sniffHFDaily: items that wrap a paper, with fields only Hugging Face's
// papers API writes.
func sniffHFDaily(head []byte) match {
	switch {
	case len(head) == 0:
		return maybeMatch
	case head[0] != '[' && head[0] != '{':
		return noMatch
	case hfPaperMark.Match(head) && hfMarks.Match(head):
		return signedMatch
	}
	return noMatch
}

// sniffAtom: XML that holds an Atom feed or entry.
func sniffAtom(head []byte) match {
	switch {
	case len(head) == 0:
		return maybeMatch
	case head[0] != '<':
		return noMatch
	case bytes.Contains(head, []byte("http://www.w3.org/2005/Atom")):
		return signedMatch
	case bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<entry")):
		return sureMatch
	}
	return noMatch
}

// bibEntryLine matches a line that starts a BibTeX entry.
var bibEntryLine = regexp.MustCompile(`(?m)^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]`)

// sniffBibTeX: an entry on the first line that is not blank or a %
// comment, or else on some line (BibTeX ignores text between entries).
func sniffBibTeX(head []byte) match {
	if len(head) == 0 {
		return maybeMatch
	}
	rest := head
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte{'\n'})
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '%' {
			continue
		}
		if bibEntryLine.Match(line) {
			return sureMatch
		}
		break
	}
	if bibEntryLine.Match(head) {
		return maybeMatch
	}
	return noMatch
}

// sniffRIS: a TY line first.
func sniffRIS(head []byte) match {
	if len(head) == 0 {
		return maybeMatch
	}
	first, _, _ := bytes.Cut(head, []byte{'\n'})
	if tag, _, ok := risTag(string(bytes.TrimRight(first, "\r"))); ok && tag == "TY" {
		return sureMatch
	}
	return noMatch
}

// sniffCSV: a header line with a title column among others.
func sniffCSV(head []byte) match {
	if len(head) == 0 {
		return maybeMatch
	}
	first, _, _ := bytes.Cut(head, []byte{'\n'})
	if _, ok := csvComma(first); ok {
		return sureMatch
	}
	return noMatch
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
	var in io.Reader = br
	if !ok {
		head, err := sniffHead(br)
		if f, ok = sniff(head, name); !ok {
			if err != nil {
				return nil, "", fmt.Errorf("corpus: reading %q: %w", name, err)
			}
			return nil, "", fmt.Errorf("%w: cannot tell the format of %q, must be one of [%s]", ErrUnknownFormat, name, strings.Join(Formats, " "))
		}
		if err != nil {
			// A read error (a truncated gzip stream, a failing disk)
			// within the sample: the sample's records are read first,
			// then the reader reports the error.
			in = io.MultiReader(bytes.NewReader(head), sampleErrReader{err})
		}
	}
	return f.open(in, name), f.name, nil
}

// sniffHead returns the first bytes of br for sniffing, without consuming
// them. It decides on what the input has delivered so far: it waits for
// more only while the sample cannot yet tell the format, so that a pipe
// that delivers a record and then waits (tail -f) is read at once. It
// stops at sniffSize bytes, at the end of the input, and at a read error,
// which it returns with the bytes read before it.
func sniffHead(br *bufio.Reader) ([]byte, error) {
	for n := 1; ; {
		head, err := br.Peek(n)
		switch {
		case err == io.EOF || err == bufio.ErrBufferFull:
			return head, nil
		case err != nil:
			return head, err
		}
		// What the last fill delivered beyond n is there too.
		head, _ = br.Peek(br.Buffered())
		if len(head) >= sniffSize || settled(head) {
			return head, nil
		}
		n = len(head) + 1
	}
}

// settled reports whether more input could not change the format sniff
// picks for head: some format fits it surely, and its first record is
// complete, as it holds the marks that tell one source's JSON from
// another's. A weaker fit waits for the whole sample.
func settled(head []byte) bool {
	head = bytes.TrimPrefix(head, utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n")
	if bytes.IndexByte(head, '\n') < 0 {
		return false
	}
	if head[0] == '[' && !firstElementComplete(head) {
		return false
	}
	for _, f := range formats {
		if f.sniff(head) >= sureMatch {
			return true
		}
	}
	return false
}

// firstElementComplete reports whether head, which starts a JSON array,
// holds the array's first element whole.
func firstElementComplete(head []byte) bool {
	d := json.NewDecoder(bytes.NewReader(head))
	if _, err := d.Token(); err != nil {
		return false
	}
	if !d.More() {
		_, err := d.Token() // the closing bracket
		return err == nil
	}
	var first json.RawMessage
	return d.Decode(&first) == nil
}

// sampleErrReader returns err from every Read.
type sampleErrReader struct{ err error }

func (r sampleErrReader) Read([]byte) (int, error) { return 0, r.err }

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

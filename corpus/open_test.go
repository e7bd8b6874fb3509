package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSniff(t *testing.T) {
	record := `{"id": "2503.11731", "title": "One"}`
	tests := []struct {
		name  string
		input string
		path  string
		want  string // "" when no format fits
	}{
		{"JSON Lines", record + "\n" + record + "\n", "in", JSONLSource},
		{"JSON Lines named .json", record + "\n" + record + "\n", "in.json", JSONLSource},
		{"one record on one line", record, "in", JSONLSource},
		{"array", "[" + record + "]", "in", JSONSource},
		{"array named .jsonl", "[\n" + record + "\n]", "in.jsonl", JSONSource},
		{"empty array", "[]", "in", JSONSource},
		{"pretty object", "{\n  \"title\": \"One\"\n}\n", "in", JSONSource},
		{"envelope on one line", `{"meta": {}, "results": [` + record + `]}`, "in", JSONSource},
		{"envelope on one line named .jsonl", `{"results": [` + record + `]}`, "in.jsonl", JSONSource},
		{"bad first line named .jsonl", "{\"title\": \n" + record + "\n", "in.jsonl", JSONLSource},
		{"bad first line named .ndjson.gz", "{\"title\": \n" + record + "\n", "in.ndjson.gz", JSONLSource},
		{"bad first line", "{\"title\": \n" + record + "\n", "in", JSONSource},
		{"leading space and byte-order mark", "\ufeff \n " + record + "\n", "in", JSONLSource},
		{"papers page", "new\n\nSubscribe\n\nMar 11\n\nA Title\n\n" + abs1 + "\n", "in", PageSource},
		{"papers page starting with a bracket", "[Submitted on 11 Mar 2025]\nA Title\n" + abs1 + "\n", "in", PageSource},
		{"papers page named .json", "A Title\n" + abs1 + "\n", "in.json", PageSource},
		{"empty", "", "in", JSONSource},
		{"empty named .txt", "", "in.txt", PageSource},
		{"empty named .jsonl", "", "in.jsonl", JSONLSource},
		{"binary", "\x00\x01\x02\x03", "in", ""},
		{"control characters", "A Title\n\x1b[0m\n", "in", ""},
		{"invalid UTF-8", "A Title\n\xe9t\xe9\n", "in", PageSource},
		{"OpenAlex work", `{"id": "https://openalex.org/W2741809807", "title": "One"}`, "in.json", OpenAlexSource},
		{"OpenAlex works response", "{\"meta\": {},\n \"results\": [{\"abstract_inverted_index\": null}]}", "in", OpenAlexSource},
		{"OpenAlex id that is not a work's, on a page", "https://openalex.org/W2741809807 is a work\n", "in", PageSource},
		{"Semantic Scholar paper", `{"paperId": "649def34", "title": "One"}` + "\n", "in.jsonl", SemanticScholarSource},
		{"Semantic Scholar citations", `{"data": [{"citingPaper": {"title": "One"}}]}`, "in", SemanticScholarSource},
		{"Hugging Face daily papers", `[{"paper": {"id": "2503.11731", "upvotes": 3}, "title": "One"}]`, "in", HFDailySource},
		{"wrapped papers of another source", `[{"paper": {"id": "2503.11731"}, "title": "One"}]`, "in", JSONSource},
		{"Atom feed", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "in", ArXivAtomSource},
		{"Atom entry without namespace", "<entry><title>One</title></entry>", "in", ArXivAtomSource},
		{"other XML", "<?xml version=\"1.0\"?>\n<PubmedArticleSet></PubmedArticleSet>", "in", PageSource},
		{"BibTeX", "% comment\n\n@Article{key,\n title = {One}}\n", "in", BibTeXSource},
		{"BibTeX after text", "References for the talk\n@misc(key, title = {One})\n", "in", BibTeXSource},
		{"BibTeX after text named .txt", "References for the talk\n@misc(key, title = {One})\n", "in.txt", PageSource},
		{"RIS", "TY  - JOUR\r\nTI  - One\r\nER  - \r\n", "in", RISSource},
		{"RIS tag other than TY first", "TI  - One\nER  -\n", "in", PageSource},
		{"CSV", "Title,Abstract,Year\nOne,Two,2020\n", "in", CSVSource},
		{"CSV with semicolons", "\"title\";\"year\"\n\"One\";2020\n", "in", CSVSource},
		{"TSV", "id\tTitle\n1\tOne\n", "in", CSVSource},
		{"comma-separated without a title column", "name,value\na,1\n", "in", PageSource},
		{"empty named .bib", "", "in.bib", BibTeXSource},
		{"empty named .ris.gz", "", "in.ris.gz", RISSource},
		{"empty named .csv", "", "in.csv", CSVSource},
		{"empty named .xml", "", "in.xml", ArXivAtomSource},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := sniff([]byte(tt.input), tt.path)
			if got := f.name; got != tt.want || ok != (tt.want != "") {
				t.Errorf("sniff(%q, %q) = %q, %v; want %q", tt.input, tt.path, got, ok, tt.want)
			}
		})
	}
}

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOpen(t *testing.T) {
	page, err := os.ReadFile("testdata/page-excerpt.txt")
	if err != nil {
		t.Fatal(err)
	}
	jsonl, err := os.ReadFile("testdata/arxiv-sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name   string
		path   string
		format string
		want   string // the format used
		n      int    // papers
		errs   int    // parse errors
	}{
		{"page", write("page.txt", page), "auto", PageSource, 4, 0},
		{"page, empty format", write("page2.txt", page), "", PageSource, 4, 0},
		{"JSON Lines", write("sample.jsonl", jsonl), "auto", JSONLSource, 5, 0},
		{"gzip named .gz", write("sample.jsonl.gz", gzipped(t, jsonl)), "auto", JSONLSource, 5, 0},
		{"gzip told by its bytes", write("sample.dat", gzipped(t, jsonl)), "auto", JSONLSource, 5, 0},
		{"gzip page", write("page.bin", gzipped(t, page)), "auto", PageSource, 4, 0},
		{"format named", write("sample.dat2", jsonl), "jsonl", JSONLSource, 5, 0},
		{"format name in upper case", write("sample.dat3", jsonl), "JSONL", JSONLSource, 5, 0},
		{"JSON Lines read as JSON", write("sample.dat4", jsonl), "json", JSONSource, 5, 0},
		{"page forced as JSON Lines", write("page3.txt", page), "jsonl", JSONLSource, 0, 12},
		{"empty file", write("empty.jsonl", nil), "auto", JSONLSource, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Open(tt.path, tt.format)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if f.Format() != tt.want {
				t.Errorf("Format() = %q, want %q", f.Format(), tt.want)
			}
			n, errs := 0, 0
			for _, r := range readAll(t, f, 1000) {
				if r.Err != nil {
					var perr *ParseError
					if !errors.As(r.Err, &perr) || perr.Path != tt.path {
						t.Errorf("error %v: want a *ParseError naming %q", r.Err, tt.path)
					}
					errs++
					continue
				}
				if r.P.Source != tt.want {
					t.Errorf("Source = %q, want %q", r.P.Source, tt.want)
				}
				n++
			}
			if n != tt.n || errs != tt.errs {
				t.Errorf("read %d papers and %d errors, want %d and %d", n, errs, tt.n, tt.errs)
			}
			if err := f.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.jsonl")
	binary := filepath.Join(dir, "binary.dat")
	if err := os.WriteFile(binary, []byte{0, 1, 2, 3}, 0o644); err != nil {
		t.Fatal(err)
	}
	badGzip := filepath.Join(dir, "bad.gz")
	if err := os.WriteFile(badGzip, []byte{0x1f, 0x8b, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		path   string
		format string
		is     error  // wanted in the chain, if not nil
		substr string // wanted in the message
	}{
		{"missing file", missing, "auto", fs.ErrNotExist, `corpus: open "` + missing + `": `},
		{"directory", dir, "auto", nil, `corpus: open "` + dir + `": is a directory`},
		{"unknown format", binary, "endnote", ErrUnknownFormat, `corpus: unknown format "endnote", must be one of [auto json jsonl openalex semantic-scholar hf-daily arxiv-atom bibtex ris csv papers-page]`},
		{"format not told", binary, "auto", ErrUnknownFormat, `cannot tell the format of "` + binary + `"`},
		{"bad gzip", badGzip, "auto", nil, `corpus: reading gzip "` + badGzip + `": `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Open(tt.path, tt.format)
			if err == nil {
				f.Close()
				t.Fatal("Open succeeded")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.substr) {
				t.Errorf("error %q does not contain %q", err, tt.substr)
			}
		})
	}
}

func TestOpenStdin(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(path, gzipped(t, []byte(`[{"title": "One"}, {"title": "Two"}]`)), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	stdin := os.Stdin
	os.Stdin = in
	defer func() { os.Stdin = stdin }()

	f, err := Open("-", "auto")
	if err != nil {
		t.Fatal(err)
	}
	got := papers(t, readAll(t, f, 10))
	if len(got) != 2 || got[0].Title != "One" || got[1].Title != "Two" || f.Format() != JSONSource {
		t.Errorf("read %d papers in format %q, want One and Two in %q", len(got), f.Format(), JSONSource)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	// Closing the File leaves standard input open.
	if _, err := in.Stat(); err != nil {
		t.Errorf("standard input closed: %v", err)
	}
}

func TestNewReader(t *testing.T) {
	input := `{"title": "One", "id": "2503.11731"}` + "\n"
	r, format, err := NewReader(bytes.NewReader(gzipped(t, []byte(input))), "-", "auto")
	if err != nil {
		t.Fatal(err)
	}
	if format != JSONLSource {
		t.Errorf("format %q, want %q", format, JSONLSource)
	}
	got := papers(t, readAll(t, r, 10))
	if len(got) != 1 || got[0].ArXivID != "2503.11731" {
		t.Errorf("read %+v, want the paper 2503.11731", got)
	}
	if _, _, err := NewReader(strings.NewReader(input), "-", "endnote"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("format endnote: error %v, want ErrUnknownFormat", err)
	}
	// Every format in Formats can be named.
	for _, name := range Formats {
		if _, got, err := NewReader(strings.NewReader(""), "-", name); err != nil || got != name {
			t.Errorf("NewReader(format %q) = %q, %v", name, got, err)
		}
	}
}

// TestNewReaderTruncatedGzip reads a gzip stream cut short within the
// sniffing sample: the whole records before the cut are read, then the
// read error, which every later Read returns again.
func TestNewReaderTruncatedGzip(t *testing.T) {
	var in bytes.Buffer
	for i := range 100 {
		fmt.Fprintf(&in, `{"id": "2503.%05d", "title": "Paper %d"}`+"\n", i, i)
	}
	gz := gzipped(t, in.Bytes())
	gz = gz[:len(gz)*2/3]
	r, format, err := NewReader(bytes.NewReader(gz), "cut.jsonl.gz", "auto")
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	if format != JSONLSource {
		t.Errorf("format %q, want %q", format, JSONLSource)
	}
	n := 0
	for {
		p, err := r.Read()
		if err != nil {
			var perr *ParseError
			switch {
			case errors.As(err, &perr):
				continue // the line the cut splits
			case !errors.Is(err, io.ErrUnexpectedEOF):
				t.Fatalf("after %d papers: %v, want io.ErrUnexpectedEOF", n, err)
			}
			if _, again := r.Read(); !errors.Is(again, io.ErrUnexpectedEOF) {
				t.Errorf("Read after the error: %v, want it again", again)
			}
			break
		}
		if want := fmt.Sprintf("Paper %d", n); p.Title != want {
			t.Fatalf("paper %d: title %q, want %q", n, p.Title, want)
		}
		n++
	}
	if n == 0 || n >= 100 {
		t.Errorf("read %d papers before the cut, want some and not all", n)
	}
}

// TestNewReaderWaitingInput sniffs input that delivers a record and then
// waits, as a pipe from tail -f does: NewReader decides on the record at
// once, and readers that need not look past a record's end read it.
func TestNewReaderWaitingInput(t *testing.T) {
	for _, tt := range []struct {
		name, input, want string
		reads             bool // the reader returns the record while the input waits
	}{
		{"jsonl", `{"id": "2503.11731", "title": "One"}` + "\n", JSONLSource, true},
		{"json array", "[\n  {\"id\": \"2503.11731\",\n   \"title\": \"One\"},\n", JSONSource, false},
		{"semantic scholar", `{"paperId": "abc", "title": "One"}` + "\n", SemanticScholarSource, true},
		{"openalex", `{"id": "https://openalex.org/W1", "title": "One"}` + "\n", OpenAlexSource, true},
		{"ris", "TY  - JOUR\nTI  - One\nER  - \n", RISSource, true},
		{"bibtex", "@article{one,\n  title = {One}\n}\n", BibTeXSource, false},
		{"csv", "title,year\nOne,2025\n", CSVSource, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pr, pw := io.Pipe()
			defer pw.Close()
			go pw.Write([]byte(tt.input))
			type opened struct {
				r      Reader
				format string
				err    error
			}
			done := make(chan opened, 1)
			go func() {
				r, format, err := NewReader(pr, "-", "auto")
				done <- opened{r, format, err}
			}()
			var o opened
			select {
			case o = <-done:
			case <-time.After(5 * time.Second):
				pr.CloseWithError(errors.New("test timed out"))
				t.Fatal("NewReader waited for more input than the record")
			}
			if o.err != nil || o.format != tt.want {
				t.Fatalf("NewReader = %q, %v; want %q", o.format, o.err, tt.want)
			}
			if !tt.reads {
				return
			}
			got := make(chan error, 1)
			go func() {
				p, err := o.r.Read()
				if err == nil && p.Title != "One" {
					err = fmt.Errorf("title %q, want One", p.Title)
				}
				got <- err
			}()
			select {
			case err := <-got:
				if err != nil {
					t.Error(err)
				}
			case <-time.After(5 * time.Second):
				pr.CloseWithError(errors.New("test timed out"))
				t.Error("the record was not read while the input waits")
			}
		})
	}
}

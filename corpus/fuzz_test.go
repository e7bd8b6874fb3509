package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// addSeeds adds the testdata files matching pattern and the given inputs to
// the seed corpus of f.
func addSeeds(f *testing.F, pattern string, inputs ...string) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range inputs {
		f.Add([]byte(s))
	}
}

// fuzzMax gives some inputs a small MaxRecordBytes, so the skipping of
// long records is fuzzed too.
func fuzzMax(data []byte) int {
	if len(data) > 0 && data[0]&1 == 1 {
		return 48
	}
	return 0
}

// checkResults checks what a reader returned for data: papers have a title
// or an identifier and clean text; errors are *ParseErrors naming path at
// positions inside data, caused by one of the sentinel errors. Reading
// must end within maxReads calls, which readAll checks.
func checkResults(t *testing.T, data []byte, path string, rs []result, needTitle bool) {
	lines := bytes.Split(data, []byte("\n"))
	for _, r := range rs {
		if r.Err == nil {
			p := r.P
			if needTitle && p.Title == "" || p.Title == "" && p.ID == "" && p.ArXivID == "" && p.DOI == "" {
				t.Errorf("paper without a title or id: %+v", p)
			}
			checkClean(t, "title", p.Title)
			checkClean(t, "abstract", p.Abstract)
			continue
		}
		var perr *ParseError
		if !errors.As(r.Err, &perr) {
			t.Errorf("error %v is not a *ParseError", r.Err)
			continue
		}
		if perr.Path != path {
			t.Errorf("%v: Path %q, want %q", perr, perr.Path, path)
		}
		switch perr.Err {
		case ErrSyntax, ErrShape, ErrNoTitle, ErrTooLong:
		default:
			t.Errorf("%v: cause %v is not a sentinel error", perr, perr.Err)
		}
		if perr.StartLine < 1 || perr.StartLine > perr.Line || perr.Line > len(lines) {
			t.Errorf("%v: lines %d to %d outside 1 to %d", perr, perr.StartLine, perr.Line, len(lines))
			continue
		}
		if perr.Column < 0 || perr.Column > len(lines[perr.Line-1])+1 {
			t.Errorf("%v: column %d outside line %d of %d bytes", perr, perr.Column, perr.Line, len(lines[perr.Line-1]))
		}
		if perr.Record < 0 {
			t.Errorf("%v: negative record", perr)
		}
	}
}

func FuzzPapersPage(f *testing.F) {
	addSeeds(f, "page-*.txt", "", "Title\n"+abs1, abs1+"\nTitle", "\ufeffTitle\r\n\r\n"+abs1+"\r\n", "Mar 11\nnew\nTitle\nTitle\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewPageReader(bytes.NewReader(data))
		r.Path = "page.txt"
		r.MaxRecordBytes = fuzzMax(data)
		rs := readAll(t, r, bytes.Count(data, []byte("\n"))+2)
		checkResults(t, data, r.Path, rs, true)
		for _, res := range rs {
			if res.Err == nil && res.P.Source != PageSource {
				t.Errorf("Source %q, want %q", res.P.Source, PageSource)
			}
		}
	})
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "*.jsonl", "", "{}\n", "{\"title\": \"x\"}\n{\"title\"\n", "\ufeff{\"id\": \"2503.11731v2\"}\r\n", "[1]\n\"s\"\nnull\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewJSONLReader(bytes.NewReader(data))
		r.Path = "in.jsonl"
		r.MaxRecordBytes = fuzzMax(data)
		rs := readAll(t, r, bytes.Count(data, []byte("\n"))+2)
		checkResults(t, data, r.Path, rs, false)
		for _, res := range rs {
			if res.Err != nil && res.Err.(*ParseError).Record != 0 {
				t.Errorf("%v: JSON Lines errors have no record number", res.Err)
			}
		}
	})
}

func FuzzJSON(f *testing.F) {
	addSeeds(f, "*.json", "", "[", "]", "[,]", `[{"title": "x"} {"title": "y"},]`, `{"results": [1, {"id": "hep-th/9901001"}]}`, "\ufeff[\"a\", {\"title\": [\"t\"]}]", `{"title": "x"}{"title":`)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewJSONReader(bytes.NewReader(data))
		r.Path = "in.json"
		r.MaxRecordBytes = fuzzMax(data)
		// Every Read but one reporting a missing comma consumes at least
		// one byte.
		rs := readAll(t, r, 2*len(data)+2)
		checkResults(t, data, r.Path, rs, false)
	})
}

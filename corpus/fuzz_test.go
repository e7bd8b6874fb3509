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
		switch {
		case errors.Is(perr, ErrSyntax), perr.Err == ErrShape, perr.Err == ErrNoTitle, perr.Err == ErrTooLong, perr.Err == ErrFieldCount:
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

// fuzzFormat fuzzes the reader of one format: Read must end within
// maxReads(data) calls, and check what checkResults checks, with every
// paper's Source the format's name.
func fuzzFormat(f *testing.F, source string, maxReads func(data []byte) int, open func(data []byte) Reader) {
	f.Fuzz(func(t *testing.T, data []byte) {
		rs := readAll(t, open(data), maxReads(data))
		checkResults(t, data, "in", rs, false)
		for _, res := range rs {
			if res.Err == nil && res.P.Source != source {
				t.Errorf("Source %q, want %q", res.P.Source, source)
			}
		}
	})
}

// perLine bounds the reads of line-based formats, perByte those of the
// others, whose every Read consumes at least a byte.
func perLine(data []byte) int { return bytes.Count(data, []byte("\n")) + 3 }
func perByte(data []byte) int { return 2*len(data) + 3 }

func FuzzArXivAtom(f *testing.F) {
	addSeeds(f, "samples/arxiv_atom/*.xml", "", "<feed/>", "<entry><id>1</id></entry><entry>",
		`<?xml version="1.0" encoding="latin1"?><feed/>`, "<feed><entry><title>&nbsp;&bogus;</title></entry></feed>", "text\n<feed/>")
	fuzzFormat(f, ArXivAtomSource, perByte, func(data []byte) Reader {
		r := NewAtomReader(bytes.NewReader(data))
		r.Path, r.MaxRecordBytes = "in", fuzzMax(data)
		return r
	})
}

func FuzzBibTeX(f *testing.F) {
	addSeeds(f, "samples/bibtex/*.bib", "", "@", "@misc{", "@misc{a,title={\\\"{o}}}", "@string{x=\"a\"}@misc(b,title=x#{y}#2020)",
		"@misc{a, title={{x}}, year={2020}}}, x}\n@misc{b,title=\"B\"}", "\ufeff@comment{@misc{c,title={C}}")
	fuzzFormat(f, BibTeXSource, perByte, func(data []byte) Reader {
		r := NewBibTeXReader(bytes.NewReader(data))
		r.Path, r.MaxRecordBytes = "in", fuzzMax(data)
		return r
	})
}

func FuzzRIS(f *testing.F) {
	addSeeds(f, "samples/ris/*.ris", "", "TY  - JOUR\n", "ER  -\nTI  - x\n", "junk\nTY  - JOUR\nAB  - a\nb\r\nER  - \n", "\ufeffTY - X\nDO  - 10.1000/x")
	fuzzFormat(f, RISSource, perLine, func(data []byte) Reader {
		r := NewRISReader(bytes.NewReader(data))
		r.Path, r.MaxRecordBytes = "in", fuzzMax(data)
		return r
	})
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, "samples/csv/*.csv", "", "title\n", "title,year\nA,1\nB\n\"C", "\ufefftitle;abstract\n\"x\"\"y\";z\n", "id\tdoi\n1\t10.1000/x\n")
	addSeeds(f, "*.csv")
	fuzzFormat(f, CSVSource, perLine, func(data []byte) Reader {
		r := NewCSVReader(bytes.NewReader(data))
		r.Path, r.MaxRecordBytes = "in", fuzzMax(data)
		r.LazyQuotes = len(data) > 1 && data[1]&1 == 1
		return r
	})
}

func FuzzOpenAlex(f *testing.F) {
	addSeeds(f, "openalex-*.jsonl", "", `{"id": "W1", "abstract_inverted_index": {"a": [3, 1e9, -2], "b": [1.5]}}`,
		`{"results": [null, {"id": "https://openalex.org/A1"}, {"title": "x", "referenced_works": [1, "W2"]}]}`)
	addSeeds(f, "samples/openalex/*.json")
	fuzzFormat(f, OpenAlexSource, perByte, func(data []byte) Reader {
		r := NewOpenAlexReader(bytes.NewReader(data))
		r.Path, r.MaxRecordBytes = "in", fuzzMax(data)
		return r
	})
}

func FuzzSemanticScholar(f *testing.F) {
	addSeeds(f, "s2-*.json", "", "[null]", `{"paperId": "a", "citations": [{"paperId": "b", "title": "B"}, {"citingPaper": {"paperId": "a"}}]}`,
		`{"data": [{"citedPaper": {"paperId": "c", "title": "C", "references": [{"paperId": "c", "title": "C"}]}}]}`)
	fuzzFormat(f, SemanticScholarSource, perByte, func(data []byte) Reader {
		r := NewSemanticScholarReader(bytes.NewReader(data))
		r.Path, r.MaxRecordBytes = "in", fuzzMax(data)
		return r
	})
}

func FuzzHFDaily(f *testing.F) {
	addSeeds(f, "hf-daily-*.json", "", `[{"paper": {"id": "2503.11731"}}]`, `{"paper": 5, "title": "t"}`)
	fuzzFormat(f, HFDailySource, perByte, func(data []byte) Reader {
		r := NewHFDailyReader(bytes.NewReader(data))
		r.Path, r.MaxRecordBytes = "in", fuzzMax(data)
		return r
	})
}

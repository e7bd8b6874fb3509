package extract

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/paperkg/paperkg/extract/lexicon"
)

// benchPapers is how many papers of the shared corpus BenchmarkExtract
// reads.
const benchPapers = 2000

type benchPaper struct {
	Title    string `json:"title"`
	Abstract string `json:"abstract"`
}

// readCorpus reads the first n papers of the shared arXiv corpus, or skips
// the benchmark if it is not there.
func readCorpus(b *testing.B, n int) []benchPaper {
	b.Helper()
	f, err := os.Open(filepath.Join("..", "..", "shared", "corpus", "arxiv-2025-2026.jsonl.gz"))
	if err != nil {
		b.Skipf("no corpus: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	var ps []benchPaper
	for len(ps) < n && sc.Scan() {
		var p benchPaper
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			b.Fatal(err)
		}
		ps = append(ps, p)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return ps
}

// BenchmarkExtract measures Extract over real abstracts; MB/s counts the
// bytes of Text(title, abstract).
func BenchmarkExtract(b *testing.B) {
	ps := readCorpus(b, benchPapers)
	lexicon.Default() // built once, outside the timing
	var size int64
	for _, p := range ps {
		size += int64(len(Text(p.Title, p.Abstract)))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range ps {
			Extract(p.Title, p.Abstract)
		}
	}
}

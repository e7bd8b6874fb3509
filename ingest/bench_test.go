package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract/lexicon"
	"github.com/paperkg/paperkg/store"
)

// benchPapers is how many papers of the shared corpus BenchmarkIngest
// ingests.
const benchPapers = 5000

// corpusHead returns the first n lines of the shared arXiv corpus, or
// skips the benchmark if it is not there.
func corpusHead(b *testing.B, n int) []byte {
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
	var buf bytes.Buffer
	br := bufio.NewReader(zr)
	for i := 0; i < n; i++ {
		line, err := br.ReadBytes('\n')
		buf.Write(line)
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	return buf.Bytes()
}

// BenchmarkIngest ingests the first papers of the shared corpus into a
// new database, as paperkg ingest does: extraction, the term index and
// Badger's commits, compactions excepted that a larger database needs.
func BenchmarkIngest(b *testing.B) {
	data := corpusHead(b, benchPapers)
	lexicon.Default() // built once, outside the timing
	b.SetBytes(int64(len(data)))
	var papers int
	for b.Loop() {
		b.StopTimer()
		db, err := store.Open(store.DefaultOptions(b.TempDir()).WithLogger(io.Discard))
		if err != nil {
			b.Fatal(err)
		}
		r := corpus.NewJSONLReader(bytes.NewReader(data))
		b.StartTimer()
		sum, err := Reader(context.Background(), db, r, Options{}, Summary{})
		if err != nil {
			b.Fatal(err)
		}
		papers += sum.Added
		b.StopTimer()
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(papers)/b.Elapsed().Seconds(), "papers/s")
}

// BenchmarkIngestAgain ingests papers that the database holds already:
// the work of an ingest run a second time.
func BenchmarkIngestAgain(b *testing.B) {
	data := corpusHead(b, benchPapers)
	db, err := store.Open(store.DefaultOptions(b.TempDir()).WithLogger(io.Discard))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := Reader(context.Background(), db, corpus.NewJSONLReader(bytes.NewReader(data)), Options{}, Summary{}); err != nil {
		b.Fatal(err)
	}
	var papers int
	for b.Loop() {
		sum, err := Reader(context.Background(), db, corpus.NewJSONLReader(bytes.NewReader(data)), Options{}, Summary{})
		if err != nil {
			b.Fatal(err)
		}
		papers += sum.Unchanged
	}
	b.ReportMetric(float64(papers)/b.Elapsed().Seconds(), "papers/s")
}

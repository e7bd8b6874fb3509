package graph

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/store"
)

// errEnough stops a walk over the papers.
var errEnough = errors.New("enough")

// BenchmarkRelatedLatency measures Related, warm, on a database that
// paperkg ingest built: PAPERKG_BENCH_DB names its directory, and
// PAPERKG_BENCH_IDS, if set, a file of paper ids to ask about, one a line
// (else every tenth of the first papers). The first twenty are asked
// untimed, to warm the caches, then all in turn; p50-ms and p99-ms are
// the latency percentiles. Run it with -benchtime=Nx for N queries.
func BenchmarkRelatedLatency(b *testing.B) {
	dir := os.Getenv("PAPERKG_BENCH_DB")
	if dir == "" {
		b.Skip("PAPERKG_BENCH_DB names no database")
	}
	db, err := store.Open(store.DefaultOptions(dir).WithReadOnly(true).WithLogger(io.Discard))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ids, err := benchIDs(db, os.Getenv("PAPERKG_BENCH_IDS"), 200)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, id := range ids[:min(len(ids), 20)] {
		if _, err := Related(ctx, db, []string{id}, RelatedOptions{}); err != nil {
			b.Fatalf("related %q: %v", id, err)
		}
	}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := Related(ctx, db, []string{ids[i%len(ids)]}, RelatedOptions{}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
		i++
	}
	slices.Sort(lat)
	ms := func(q float64) float64 {
		return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}

// benchIDs returns the ids in the file path, or, if path is "", every
// tenth of the first 10n papers.
func benchIDs(db *store.DB, path string, n int) ([]string, error) {
	var ids []string
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if id := strings.TrimSpace(sc.Text()); id != "" {
				ids = append(ids, id)
			}
		}
		return ids, sc.Err()
	}
	k := 0
	err := db.EachPaperPID(context.Background(), func(pid string, _ corpus.Paper) error {
		if k++; k%10 == 1 {
			ids = append(ids, pid)
		}
		if len(ids) == n {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, errors.New("no papers")
	}
	return ids, nil
}

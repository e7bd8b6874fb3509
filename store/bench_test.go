package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
)

// synthetic returns n papers of about eight entities each, drawn with a
// Zipf law from a vocabulary of n/2 names, as in a real listing where a
// few entities are in every other paper and most in one.
func synthetic(n int) []Doc {
	r := rand.New(rand.NewPCG(1, 2))
	z := rand.NewZipf(r, 1.1, 2, uint64(max(n/2, 10)))
	docs := make([]Doc, n)
	for i := range docs {
		p := corpus.Paper{ArXivID: fmt.Sprintf("2501.%05d", i), Title: fmt.Sprintf("Paper %d on things", i),
			Abstract: fmt.Sprintf("An abstract of paper %d, about two hundred bytes long, as most are: we propose a method and evaluate it on benchmarks against baselines, improving on the state of the art.", i)}
		var es []extract.Entity
		for j := 0; j < 4+r.IntN(9); j++ {
			k := z.Uint64()
			role := extract.Uses
			if r.IntN(20) == 0 {
				role = extract.Introduces
			}
			es = append(es, extract.Entity{Name: fmt.Sprintf("Entity-%d", k), Type: extract.Types[k%4], Role: role,
				Aliases: []string{fmt.Sprintf("entity number %d", k)}, Count: 1 + r.IntN(3), Offset: j * 10})
		}
		docs[i] = Doc{Paper: p, Entities: es}
	}
	return docs
}

// BenchmarkPut puts 10,000 papers in batches of 512, as ingest does.
func BenchmarkPut(b *testing.B) {
	docs := synthetic(10000)
	for b.Loop() {
		b.StopTimer()
		db, err := Open(testOptions(b, b.TempDir()))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < len(docs); i += 512 {
			if _, err := db.Put(context.Background(), docs[i:min(i+512, len(docs))], nil); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "papers/s")
}

// BenchmarkPutUnchanged puts the same 10,000 papers again.
func BenchmarkPutUnchanged(b *testing.B) {
	docs := synthetic(10000)
	db, err := Open(testOptions(b, b.TempDir()))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Put(context.Background(), docs, nil); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for i := 0; i < len(docs); i += 512 {
			if _, err := db.Put(context.Background(), docs[i:min(i+512, len(docs))], nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "papers/s")
}

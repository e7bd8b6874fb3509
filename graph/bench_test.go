package graph

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

// benchDB returns a database of n synthetic papers of about eight entities
// each, drawn with a Zipf law from a vocabulary of n/2 names, and abstracts
// of about 90 words drawn with a Zipf law from 20,000.
func benchDB(b *testing.B, n int) *store.DB {
	b.Helper()
	db, err := store.Open(store.DefaultOptions(b.TempDir()).WithLogger(io.Discard))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	r := rand.New(rand.NewPCG(1, 2))
	z := rand.NewZipf(r, 1.1, 2, uint64(max(n/2, 10)))
	words := rand.NewZipf(r, 1.05, 1, 20000)
	docs := make([]store.Doc, 0, 512)
	for i := 0; i < n; i++ {
		var abstract []byte
		for j := 0; j < 60+r.IntN(60); j++ {
			abstract = fmt.Appendf(abstract, "word%d ", words.Uint64())
		}
		p := corpus.Paper{ArXivID: fmt.Sprintf("2501.%05d", i), Title: fmt.Sprintf("Paper %d: on things", i), Abstract: string(abstract)}
		var es []extract.Entity
		for j := 0; j < 4+r.IntN(9); j++ {
			k := z.Uint64()
			role := extract.Uses
			if r.IntN(20) == 0 {
				role = extract.Introduces
			}
			es = append(es, extract.Entity{Name: fmt.Sprintf("Entity-%d", k), Type: extract.Types[k%4], Role: role})
		}
		docs = append(docs, store.Doc{Paper: p, Entities: es})
		if len(docs) == cap(docs) || i == n-1 {
			if _, err := db.Put(context.Background(), docs, nil); err != nil {
				b.Fatal(err)
			}
			docs = docs[:0]
		}
	}
	return db
}

func BenchmarkRelated(b *testing.B) {
	db := benchDB(b, 10000)
	i := 0
	for b.Loop() {
		pid := fmt.Sprintf("2501.%05d", i%10000)
		if _, err := Related(context.Background(), db, []string{pid}, RelatedOptions{}); err != nil {
			b.Fatal(err)
		}
		i += 7
	}
}

func BenchmarkLoad(b *testing.B) {
	db := benchDB(b, 10000)
	for b.Loop() {
		if _, err := Load(context.Background(), db); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPaperView(b *testing.B) {
	g, err := Load(context.Background(), benchDB(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := g.PaperView(context.Background(), ViewOptions{Top: 500}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEntityView(b *testing.B) {
	g, err := Load(context.Background(), benchDB(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := g.EntityView(context.Background(), ViewOptions{Top: 500}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTopics(b *testing.B) {
	g, err := Load(context.Background(), benchDB(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := g.Topics(context.Background(), ViewOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

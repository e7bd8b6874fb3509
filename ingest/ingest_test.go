package ingest

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/store"
)

func openDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(store.DefaultOptions(filepath.Join(t.TempDir(), "db")).WithLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// listing returns n papers as JSON Lines.
func listing(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"id": "2501.%05d", "title": "Paper %d", "abstract": "We train LipVoicer%d on LRS3 and compare it with GPT-4."}`+"\n", i, i, i%7)
	}
	return b.String()
}

func TestIngestTwice(t *testing.T) {
	db := openDB(t)
	path := filepath.Join(t.TempDir(), "papers.jsonl.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	io.WriteString(zw, listing(300))
	zw.Close()
	f.Close()
	fi, _ := os.Stat(path)

	var last Progress
	batches := 0
	opt := Options{BatchSize: 64, OnBatch: func(_ Summary, p Progress) { last = p; batches++ }}
	sum, err := Files(context.Background(), db, []string{path}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Summary{Read: 300, Added: 300}); sum != want {
		t.Errorf("first ingest = %+v, want %+v", sum, want)
	}
	if batches != 5 || last != (Progress{Bytes: fi.Size(), Size: fi.Size()}) {
		t.Errorf("%d batches, last progress %+v; want 5 batches, then all of %d bytes", batches, last, fi.Size())
	}
	st, _ := db.Stats()

	sum, err = Files(context.Background(), db, []string{path}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Summary{Read: 300, Unchanged: 300}); sum != want {
		t.Errorf("second ingest = %+v, want %+v", sum, want)
	}
	if st2, _ := db.Stats(); st2.Papers != st.Papers || st2.Mentions != st.Mentions || st2.Entities != st.Entities {
		t.Errorf("second ingest changed the counts from %+v to %+v", st, st2)
	}
	if err := db.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestIngestOpenErrors(t *testing.T) {
	db := openDB(t)
	dir := t.TempDir()
	tests := []struct {
		path, want string
	}{
		{filepath.Join(dir, "missing.jsonl"), fmt.Sprintf("ingest: open %q: no such file or directory", filepath.Join(dir, "missing.jsonl"))},
		{dir, fmt.Sprintf("ingest: open %q: is a directory", dir)},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			_, err := Files(context.Background(), db, []string{tt.path}, Options{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("Files = %v, want %s", err, tt.want)
			}
		})
	}
}

// blockingReader returns its papers, then blocks in Read until released,
// as a reader of an idle pipe does.
type blockingReader struct {
	papers  []corpus.Paper
	release chan struct{}
}

func (r *blockingReader) Read() (*corpus.Paper, error) {
	if len(r.papers) > 0 {
		p := r.papers[0]
		r.papers = r.papers[1:]
		return &p, nil
	}
	<-r.release
	return nil, io.EOF
}

func TestReaderCancelledWhileReading(t *testing.T) {
	db := openDB(t)
	r := &blockingReader{release: make(chan struct{})}
	defer close(r.release)
	for i := 0; i < 10; i++ {
		r.papers = append(r.papers, corpus.Paper{ArXivID: fmt.Sprintf("2501.%05d", i), Title: "T", Abstract: "We use LRS3."})
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Reader(ctx, db, r, Options{BatchSize: 5}, Summary{})
		done <- err
	}()
	// The first batch is committed; the second waits for its last papers.
	deadline := time.Now().Add(10 * time.Second)
	for st, _ := db.Stats(); st.Papers < 5; st, _ = db.Stats() {
		if time.Now().After(deadline) {
			t.Fatal("the first batch was not committed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Reader = %v, want %v", err, context.Canceled)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Reader did not return after its context was cancelled")
	}
}

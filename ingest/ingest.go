package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

// ErrTooManyErrors is returned when more records were rejected than
// Options.MaxErrors allows.
var ErrTooManyErrors = errors.New("ingest: too many bad records")

// Options configure an ingest. The zero value is usable.
type Options struct {
	// Format is the input format name for corpus.Open; "" or "auto" sniffs.
	Format string
	// BatchSize is how many papers are committed together (default 512).
	BatchSize int
	// Workers is how many goroutines extract entities (default GOMAXPROCS).
	Workers int
	// MaxErrors stops the ingest once more than this many records were
	// rejected; 0 means no limit.
	MaxErrors int
	// OnError, if set, is called with each rejected record's error.
	OnError func(error)
	// OnBatch, if set, is called after each committed batch with the
	// running totals.
	OnBatch func(Summary)
	// Stdin is read for the path "-" (default os.Stdin).
	Stdin io.Reader
}

// Summary counts what an ingest did.
type Summary struct {
	Read      int `json:"read"`      // records read as papers
	Added     int `json:"added"`     // papers new to the database
	Updated   int `json:"updated"`   // known papers that gained information
	Unchanged int `json:"unchanged"` // known papers with nothing new
	Rejected  int `json:"rejected"`  // bad records skipped
}

func (s *Summary) add(r store.PutResult) {
	s.Added += r.Added
	s.Updated += r.Updated
	s.Unchanged += r.Unchanged
}

// Files ingests each path in turn ("-" is standard input).
func Files(ctx context.Context, db *store.DB, paths []string, opt Options) (Summary, error) {
	var total Summary
	for _, path := range paths {
		var r corpus.Reader
		if path == "-" && opt.Stdin != nil {
			sr, _, err := corpus.NewReader(opt.Stdin, "-", opt.Format)
			if err != nil {
				return total, err
			}
			r = sr
		} else {
			f, err := corpus.Open(path, opt.Format)
			if err != nil {
				return total, err
			}
			defer f.Close()
			r = f
		}
		sum, err := Reader(ctx, db, r, opt, total)
		total = sum
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// Reader ingests every paper r returns, adding to the totals in base.
func Reader(ctx context.Context, db *store.DB, r corpus.Reader, opt Options, base Summary) (Summary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 512
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Batches are read and extracted one ahead of the writer, so extraction
	// and Badger's commit overlap without buffering the whole input.
	batches := make(chan batch, 1)
	done := make(chan readResult, 1)
	go func() {
		defer close(batches)
		done <- readBatches(ctx, r, opt, base, batches)
	}()

	sum := base
	var putErr error
	for b := range batches {
		if putErr != nil {
			continue // drain so the reader can finish
		}
		res, err := db.Put(ctx, b.docs, extractPaper)
		if err != nil {
			putErr = err
			cancel()
			continue
		}
		sum.add(res)
		sum.Read, sum.Rejected = b.read, b.rejected
		if opt.OnBatch != nil {
			opt.OnBatch(sum)
		}
	}
	rr := <-done
	sum.Read, sum.Rejected = rr.read, rr.rejected
	switch {
	case putErr != nil:
		return sum, putErr
	case rr.err != nil:
		return sum, rr.err
	}
	return sum, nil
}

// A batch is a run of papers with their entities, and the reader's counts
// up to its last paper.
type batch struct {
	docs           []store.Doc
	read, rejected int
}

type readResult struct {
	read, rejected int
	err            error
}

// readBatches reads papers into batches, extracts their entities and sends
// them on out.
func readBatches(ctx context.Context, r corpus.Reader, opt Options, base Summary, out chan<- batch) readResult {
	read, rejected := base.Read, base.Rejected
	docs := make([]store.Doc, 0, opt.BatchSize)
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		extractAll(docs, opt.Workers)
		select {
		case out <- batch{docs: docs, read: read, rejected: rejected}:
		case <-ctx.Done():
			return ctx.Err()
		}
		docs = make([]store.Doc, 0, opt.BatchSize)
		return nil
	}
	result := func(err error) readResult { return readResult{read, rejected, err} }
	for {
		if err := ctx.Err(); err != nil {
			return result(err)
		}
		p, err := r.Read()
		if err == io.EOF {
			return result(flush())
		}
		var perr *corpus.ParseError
		if errors.As(err, &perr) {
			rejected++
			if opt.OnError != nil {
				opt.OnError(err)
			}
			if opt.MaxErrors > 0 && rejected > opt.MaxErrors {
				flushErr := flush()
				if flushErr == nil {
					flushErr = fmt.Errorf("%w: stopped after %d", ErrTooManyErrors, rejected)
				}
				return result(flushErr)
			}
			continue
		}
		if err != nil {
			return result(errors.Join(err, flush()))
		}
		read++
		docs = append(docs, store.Doc{Paper: *p})
		if len(docs) == opt.BatchSize {
			if err := flush(); err != nil {
				return result(err)
			}
		}
	}
}

// extractAll fills in the entities of every doc, on workers goroutines.
func extractAll(docs []store.Doc, workers int) {
	if workers > len(docs) {
		workers = len(docs)
	}
	var wg sync.WaitGroup
	next := make(chan int, len(docs))
	for i := range docs {
		next <- i
	}
	close(next)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i].Entities = extractPaper(docs[i].Paper)
			}
		}()
	}
	wg.Wait()
}

func extractPaper(p corpus.Paper) []extract.Entity {
	return extract.Extract(p.Title, p.Abstract)
}

package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

// ErrTooManyErrors is returned when Options.MaxErrors records were
// rejected.
var ErrTooManyErrors = errors.New("ingest: too many bad records")

// DefaultBatchSize is how many papers are committed together unless
// Options.BatchSize says otherwise. Put commits a batch in transactions of
// a hundred or so papers, each overlapping the computation of the next,
// so a large batch keeps Badger busy; the batch being extracted and the
// one being committed are all an ingest holds of its input.
const DefaultBatchSize = 2048

// Options configure an ingest. The zero value is usable.
type Options struct {
	// Format is the input format name for corpus.Open; "" or "auto" sniffs.
	Format string
	// BatchSize is how many papers are committed together (default
	// DefaultBatchSize).
	BatchSize int
	// Workers is how many goroutines extract entities (default GOMAXPROCS).
	Workers int
	// MaxErrors stops the ingest once this many records were rejected;
	// 0 means no limit.
	MaxErrors int
	// OnError, if set, is called with each rejected record's error.
	OnError func(error)
	// OnBatch, if set, is called after each committed batch with the
	// running totals and how much of the input was read.
	OnBatch func(Summary, Progress)
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

// Progress is how much of its input an ingest has read. For gzip files it
// counts compressed bytes, so that it can be set against the files' sizes.
type Progress struct {
	// Bytes is how many bytes of the input files were read so far.
	Bytes int64
	// Size is the input files' total size, or 0 if it is not known (when
	// one of them is standard input or not a regular file).
	Size int64
}

// Files ingests each path in turn ("-" is standard input). A path that
// is missing or not a file fails the ingest before any paper is read, so
// that a mistyped name in a long list costs a rerun of nothing.
func Files(ctx context.Context, db *store.DB, paths []string, opt Options) (Summary, error) {
	var total Summary
	for _, path := range paths {
		if path == "-" {
			continue
		}
		fi, err := os.Stat(path)
		if err != nil {
			return total, openError(path, err)
		}
		if fi.IsDir() {
			return total, openError(path, errors.New("is a directory"))
		}
	}
	var size int64
	for _, path := range paths {
		fi, err := os.Stat(path)
		if path == "-" || err != nil || !fi.Mode().IsRegular() {
			size = 0
			break
		}
		size += fi.Size()
	}
	var before int64 // bytes of the files already read
	for _, path := range paths {
		in := &countingReader{}
		var r corpus.Reader
		if path == "-" {
			in.r = opt.Stdin
			if in.r == nil {
				in.r = os.Stdin
			}
		} else {
			f, err := os.Open(path)
			if err != nil {
				return total, openError(path, err)
			}
			defer f.Close()
			in.r = f
		}
		r, _, err := corpus.NewReader(in, path, opt.Format)
		if err != nil {
			return total, err
		}
		start := before
		sum, err := read(ctx, db, r, opt, total, func() Progress {
			return Progress{Bytes: start + in.n.Load(), Size: size}
		})
		total = sum
		if err != nil {
			return total, err
		}
		before += in.n.Load()
	}
	return total, nil
}

// countingReader counts the bytes read through it; the count is read by
// another goroutine than the one reading.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// Reader ingests every paper r returns, adding to the totals in base.
//
// If ctx is cancelled, Reader returns once the batch being committed is,
// without waiting for r: a Read blocked on an idle input (a pipe, a
// terminal) is left to return by itself.
func Reader(ctx context.Context, db *store.DB, r corpus.Reader, opt Options, base Summary) (Summary, error) {
	return read(ctx, db, r, opt, base, func() Progress { return Progress{} })
}

// openError says that path cannot be read, without repeating the path
// that an *fs.PathError holds.
func openError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("ingest: open %q: %w", path, err)
}

// read is Reader, with at reports how much of the input is read.
func read(ctx context.Context, db *store.DB, r corpus.Reader, opt Options, base Summary, at func() Progress) (Summary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = DefaultBatchSize
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	// A rerun of an ingest finds most papers stored already: those whose
	// record would change nothing skip extraction. An empty database has
	// none, and is not asked.
	st, err := db.Stats()
	if err != nil {
		return base, err
	}
	skipKnown := st.Papers > 0

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Batches are read and extracted one ahead of the writer, so extraction
	// and Badger's commit overlap without buffering the whole input.
	batches := make(chan batch, 1)
	done := make(chan readResult, 1)
	k := &known{db: db, on: skipKnown}
	defer k.stop()
	go func() {
		defer close(batches)
		done <- readBatches(ctx, r, opt, base, k, at, batches)
	}()

	sum := base
	for {
		var b batch
		var ok bool
		select {
		case b, ok = <-batches:
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		if !ok {
			break
		}
		sum.Unchanged += b.unchanged
		if len(b.docs) > 0 {
			res, err := db.Put(ctx, b.docs, extractPaper)
			sum.add(res)
			if err != nil {
				cancel()
				// A cancelled Put has committed part of the batch; the
				// reader's counts would claim all of it.
				return sum, err
			}
		}
		sum.Read, sum.Rejected = b.read, b.rejected
		if opt.OnBatch != nil {
			opt.OnBatch(sum, b.at)
		}
	}
	rr := <-done
	sum.Read, sum.Rejected = rr.read, rr.rejected
	return sum, rr.err
}

// A batch is a run of papers with their entities, and the reader's counts
// up to its last paper. Papers found stored and unchanged are counted,
// not sent.
type batch struct {
	docs           []store.Doc
	unchanged      int
	read, rejected int
	at             Progress // the input read up to the batch's last paper
}

type readResult struct {
	read, rejected int
	err            error
}

// known tells which papers are stored unchanged. Reader may return while
// the goroutine reading the input is still running; stop makes sure that
// it no longer reads the database, which the caller may then close.
type known struct {
	db      *store.DB
	on      bool
	mu      sync.Mutex
	stopped bool
}

// unchanged reports which of docs are stored and would be unchanged by a
// Put, or nil if that is not asked.
func (k *known) unchanged(docs []store.Doc) ([]bool, error) {
	if !k.on {
		return nil, nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.stopped {
		return nil, context.Canceled
	}
	papers := make([]corpus.Paper, len(docs))
	for i := range docs {
		papers[i] = docs[i].Paper
	}
	return k.db.Unchanged(papers)
}

func (k *known) stop() {
	k.mu.Lock()
	k.stopped = true
	k.mu.Unlock()
}

// readBatches reads papers into batches, extracts their entities and sends
// them on out.
func readBatches(ctx context.Context, r corpus.Reader, opt Options, base Summary, k *known, at func() Progress, out chan<- batch) readResult {
	read, rejected := base.Read, base.Rejected
	docs := make([]store.Doc, 0, opt.BatchSize)
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		b := batch{read: read, rejected: rejected, at: at()}
		same, err := k.unchanged(docs)
		if err != nil {
			return err
		}
		if same != nil {
			kept := docs[:0]
			for i, d := range docs {
				if same[i] {
					b.unchanged++
				} else {
					kept = append(kept, d)
				}
			}
			docs = kept
		}
		extractAll(docs, opt.Workers)
		b.docs = docs
		select {
		case out <- b:
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
			if opt.MaxErrors > 0 && rejected >= opt.MaxErrors {
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
	var next atomic.Int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(docs); i = int(next.Add(1) - 1) {
				docs[i].Entities = extractPaper(docs[i].Paper)
			}
		}()
	}
	wg.Wait()
}

func extractPaper(p corpus.Paper) []extract.Entity {
	return extract.Extract(p.Title, p.Abstract)
}

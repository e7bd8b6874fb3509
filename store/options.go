package store

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// Options configure Open. Build them with DefaultOptions and change them with
// the WithX methods; the zero value is not usable.
type Options struct {
	// Required options.

	// Dir is the directory that holds the database. It is created if it
	// does not exist, unless ReadOnly is set. It must be empty when
	// InMemory is set.
	Dir string

	// Usual options.

	// ReadOnly opens an existing database for reading only. Several
	// read-only opens may share a database, but not with a writer.
	ReadOnly bool
	// InMemory keeps the database in memory only, for tests and one-off
	// commands: nothing is written to disk and everything is lost on Close.
	InMemory bool
	// Logger receives Badger's warnings and errors, one line each; its
	// informational messages are dropped. Nil discards everything.
	Logger io.Writer

	// Tuning options.

	// MemTableSize is the size of each Badger memtable in bytes. It also
	// bounds a transaction: one commit holds at most 15% of it.
	MemTableSize int64
	// NumMemtables is how many memtables Badger keeps in memory before
	// writes stall.
	NumMemtables int
	// BlockCacheSize is the size of Badger's block cache in bytes.
	BlockCacheSize int64
	// IndexCacheSize is the size of Badger's table index cache in bytes;
	// 0 keeps all indexes in memory.
	IndexCacheSize int64
	// NumCompactors is how many compaction workers Badger runs: 0 or at
	// least 2.
	NumCompactors int
	// NumLevelZeroTables is how many tables level 0 gathers before they
	// are compacted into the level below, and NumLevelZeroTablesStall how
	// many make writes wait for that compaction. Every table of level 0
	// covers the whole key range, so one compaction of many rewrites less
	// than many compactions of few.
	NumLevelZeroTables      int
	NumLevelZeroTablesStall int
	// BaseLevelSize is the size in bytes of the level that level 0 is
	// compacted into; each level below is ten times larger. A larger base
	// level makes fewer levels, each key rewritten fewer times.
	BaseLevelSize int64
	// CompactL0OnClose compacts level 0 when a writer closes the database,
	// so that readers find each key in fewer tables.
	CompactL0OnClose bool
	// SyncWrites makes every commit wait for the disk. Without it a crash
	// of the machine (not of the process) can lose the last commits, never
	// half of one.
	SyncWrites bool
}

// DefaultOptions returns options for a database in dir, sized for a small
// machine: Badger's defaults peak at about 700 MB while writing, these at
// about 550 MB (less with GOMEMLIMIT). An ingest writes about a hundred
// keys a paper, most of them term postings in random order, so level 0
// gathers more tables than Badger's default of 5 before they are
// compacted and the levels start larger, so each key is rewritten fewer
// times.
func DefaultOptions(dir string) Options {
	return Options{
		Dir:                     dir,
		Logger:                  os.Stderr,
		MemTableSize:            16 << 20,
		NumMemtables:            2,
		BlockCacheSize:          16 << 20,
		IndexCacheSize:          16 << 20,
		NumCompactors:           2,
		NumLevelZeroTables:      16,
		NumLevelZeroTablesStall: 32,
		BaseLevelSize:           128 << 20,
		CompactL0OnClose:        true,
	}
}

// WithDir returns a new Options value with Dir set to the given value.
func (opt Options) WithDir(dir string) Options {
	opt.Dir = dir
	return opt
}

// WithReadOnly returns a new Options value with ReadOnly set to the given
// value.
//
// The default value of ReadOnly is false.
func (opt Options) WithReadOnly(b bool) Options {
	opt.ReadOnly = b
	return opt
}

// WithInMemory returns a new Options value with InMemory set to the given
// value. An in-memory database has no directory: set Dir to "" as well.
//
// The default value of InMemory is false.
func (opt Options) WithInMemory(b bool) Options {
	opt.InMemory = b
	return opt
}

// WithLogger returns a new Options value with Logger set to the given
// value.
//
// The default value of Logger is os.Stderr.
func (opt Options) WithLogger(w io.Writer) Options {
	opt.Logger = w
	return opt
}

// WithMemTableSize returns a new Options value with MemTableSize set to the
// given value.
//
// The default value of MemTableSize is 16 MB.
func (opt Options) WithMemTableSize(n int64) Options {
	opt.MemTableSize = n
	return opt
}

// WithNumMemtables returns a new Options value with NumMemtables set to the
// given value.
//
// The default value of NumMemtables is 2.
func (opt Options) WithNumMemtables(n int) Options {
	opt.NumMemtables = n
	return opt
}

// WithBlockCacheSize returns a new Options value with BlockCacheSize set to
// the given value.
//
// The default value of BlockCacheSize is 16 MB.
func (opt Options) WithBlockCacheSize(n int64) Options {
	opt.BlockCacheSize = n
	return opt
}

// WithIndexCacheSize returns a new Options value with IndexCacheSize set to
// the given value.
//
// The default value of IndexCacheSize is 16 MB.
func (opt Options) WithIndexCacheSize(n int64) Options {
	opt.IndexCacheSize = n
	return opt
}

// WithNumCompactors returns a new Options value with NumCompactors set to
// the given value.
//
// The default value of NumCompactors is 2.
func (opt Options) WithNumCompactors(n int) Options {
	opt.NumCompactors = n
	return opt
}

// WithNumLevelZeroTables returns a new Options value with
// NumLevelZeroTables set to the given value.
//
// The default value of NumLevelZeroTables is 16.
func (opt Options) WithNumLevelZeroTables(n int) Options {
	opt.NumLevelZeroTables = n
	return opt
}

// WithNumLevelZeroTablesStall returns a new Options value with
// NumLevelZeroTablesStall set to the given value.
//
// The default value of NumLevelZeroTablesStall is 32.
func (opt Options) WithNumLevelZeroTablesStall(n int) Options {
	opt.NumLevelZeroTablesStall = n
	return opt
}

// WithBaseLevelSize returns a new Options value with BaseLevelSize set to
// the given value.
//
// The default value of BaseLevelSize is 128 MB.
func (opt Options) WithBaseLevelSize(n int64) Options {
	opt.BaseLevelSize = n
	return opt
}

// WithCompactL0OnClose returns a new Options value with CompactL0OnClose
// set to the given value.
//
// The default value of CompactL0OnClose is true.
func (opt Options) WithCompactL0OnClose(b bool) Options {
	opt.CompactL0OnClose = b
	return opt
}

// WithSyncWrites returns a new Options value with SyncWrites set to the
// given value.
//
// The default value of SyncWrites is false.
func (opt Options) WithSyncWrites(b bool) Options {
	opt.SyncWrites = b
	return opt
}

// minMemTableSize keeps a transaction (15% of a memtable) large enough for
// any paper a listing holds.
const minMemTableSize = 1 << 20

// validate reports the first option that Open cannot use.
func (opt Options) validate() error {
	switch {
	case opt.InMemory && opt.Dir != "":
		return fmt.Errorf("store: in-memory database with directory %q: set Dir or InMemory, not both", opt.Dir)
	case !opt.InMemory && opt.Dir == "":
		return fmt.Errorf("store: no database directory given")
	case opt.InMemory && opt.ReadOnly:
		return fmt.Errorf("store: an in-memory database cannot be read-only")
	case opt.MemTableSize < minMemTableSize:
		return fmt.Errorf("store: MemTableSize %d is below the minimum of %d", opt.MemTableSize, minMemTableSize)
	case opt.NumMemtables < 1:
		return fmt.Errorf("store: NumMemtables %d must be at least 1", opt.NumMemtables)
	case opt.BlockCacheSize <= 0:
		// Badger compresses blocks, and compressed blocks need a cache.
		return fmt.Errorf("store: BlockCacheSize %d must be positive", opt.BlockCacheSize)
	case opt.IndexCacheSize < 0:
		return fmt.Errorf("store: IndexCacheSize %d must not be negative", opt.IndexCacheSize)
	case opt.NumCompactors < 0 || opt.NumCompactors == 1:
		return fmt.Errorf("store: NumCompactors %d must be 0 or at least 2", opt.NumCompactors)
	case opt.NumLevelZeroTables < 1:
		return fmt.Errorf("store: NumLevelZeroTables %d must be at least 1", opt.NumLevelZeroTables)
	case opt.NumLevelZeroTablesStall <= opt.NumLevelZeroTables:
		return fmt.Errorf("store: NumLevelZeroTablesStall %d must be above NumLevelZeroTables %d", opt.NumLevelZeroTablesStall, opt.NumLevelZeroTables)
	case opt.BaseLevelSize <= 0:
		return fmt.Errorf("store: BaseLevelSize %d must be positive", opt.BaseLevelSize)
	}
	return nil
}

// badgerOptions translates validated options into Badger's.
func (opt Options) badgerOptions() badger.Options {
	bo := badger.DefaultOptions(opt.Dir).
		WithInMemory(opt.InMemory).
		WithReadOnly(opt.ReadOnly).
		WithLogger(badgerLogger{opt.Logger}).
		WithMemTableSize(opt.MemTableSize).
		WithNumMemtables(opt.NumMemtables).
		WithBlockCacheSize(opt.BlockCacheSize).
		WithIndexCacheSize(opt.IndexCacheSize).
		WithNumCompactors(opt.NumCompactors).
		WithNumLevelZeroTables(opt.NumLevelZeroTables).
		WithNumLevelZeroTablesStall(opt.NumLevelZeroTablesStall).
		WithBaseLevelSize(opt.BaseLevelSize).
		WithCompactL0OnClose(opt.CompactL0OnClose).
		WithSyncWrites(opt.SyncWrites).
		WithMetricsEnabled(false).
		// Put serialises writers itself, so Badger need not track reads.
		WithDetectConflicts(false)
	// A value above a transaction's size limit could never be written.
	if limit := opt.MemTableSize * 15 / 100; bo.ValueThreshold >= limit {
		bo = bo.WithValueThreshold(limit / 2)
	}
	return bo
}

// badgerLogger passes Badger's warnings and errors to a writer and drops
// its informational chatter, which would otherwise fill every command's
// standard error.
type badgerLogger struct{ w io.Writer }

func (l badgerLogger) Errorf(format string, args ...any) { l.printf("error", format, args...) }

func (l badgerLogger) Warningf(format string, args ...any) {
	// Every minute Badger judges its caches by their hit ratio, which a
	// writer that looks mostly for keys not there yet keeps low: a hint
	// for tuning, with a histogram, not a warning for a user.
	if strings.HasPrefix(format, "%s might be too small") || strings.HasPrefix(format, "Cache life expectancy") {
		return
	}
	l.printf("warning", format, args...)
}

func (l badgerLogger) Infof(string, ...any)  {}
func (l badgerLogger) Debugf(string, ...any) {}

func (l badgerLogger) printf(level, format string, args ...any) {
	if l.w == nil {
		return
	}
	msg := strings.TrimRight(fmt.Sprintf(format, args...), "\n")
	fmt.Fprintf(l.w, "store: badger %s: %s\n", level, msg)
}

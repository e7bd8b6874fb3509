package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
)

var (
	// ErrNotFound is returned when a paper or an entity is not in the
	// database.
	ErrNotFound = errors.New("store: not found")
	// ErrSchema is wrapped by the error Open returns for a database written
	// with a schema version this package does not read.
	ErrSchema = errors.New("store: unsupported schema version")
	// ErrLocked is wrapped by the error Open returns when another process
	// has the database open.
	ErrLocked = errors.New("store: database in use")
	// ErrCorrupt is wrapped by errors about values that do not decode and
	// by Check's report of inconsistent tables.
	ErrCorrupt = errors.New("store: database corrupt")
	// ErrInvalid is wrapped by the error Put returns for a document it
	// cannot store, such as a paper without an id or a title.
	ErrInvalid = errors.New("store: invalid document")
	// ErrReadOnly is returned by Put on a database opened read-only.
	ErrReadOnly = errors.New("store: database opened read-only")
)

// DB is an open paperkg database. It is safe for concurrent use by multiple
// goroutines.
type DB struct {
	bdb *badger.DB
	opt Options

	// mu serialises writers: Put computes each paper's writes from what
	// the database holds, and two writers would count the same change twice.
	mu sync.Mutex
	// df holds committed tdf/ values that Put has read or written, under
	// mu: every paper updates the counts of its hundred or so terms, and
	// reading them from Badger again for each group of papers was a fifth
	// of an ingest's time. nil means empty; a failed commit or a repair
	// drops it.
	df map[string][]byte
}

// maxDFCache bounds the terms DB.df holds; past it the cache starts again,
// which costs a re-read of each term, not a wrong count.
const maxDFCache = 1 << 20

// Open opens the database in opt.Dir, creating it unless opt.ReadOnly is
// set. It fails at once, with an error wrapping ErrLocked, if another
// process has the database open, and with an error wrapping ErrSchema if the
// database was written with another schema version. It refuses a
// directory that holds files other than a database's. A directory that
// Open created is removed again if Open fails.
//
// A database that a writer left without closing it (killed, or out of
// power) has every committed paper, but Badger replays its log only when
// opened for writing: a read-only Open does that first, once, and says so
// on opt.Logger.
func Open(opt Options) (*DB, error) {
	if err := opt.validate(); err != nil {
		return nil, err
	}
	created := false
	if !opt.InMemory {
		_, err := os.Stat(opt.Dir)
		switch {
		case errors.Is(err, fs.ErrNotExist) && opt.ReadOnly:
			return nil, fmt.Errorf("store: no database at %q: %w", opt.Dir, fs.ErrNotExist)
		case errors.Is(err, fs.ErrNotExist):
			created = true
		case err != nil:
			return nil, fmt.Errorf("store: %w", err)
		default:
			if err := checkDir(opt.Dir, opt.ReadOnly); err != nil {
				return nil, err
			}
			if err := dropTornMemtables(opt.Dir); err != nil {
				return nil, fmt.Errorf("store: open %q: %w", opt.Dir, err)
			}
		}
	}
	bdb, err := badger.Open(opt.badgerOptions())
	if err != nil && opt.ReadOnly && strings.Contains(err.Error(), "Log truncate required") {
		// A writer stopped without closing the database. Badger replays
		// its log only when opened for writing; committed papers are all
		// there, and the replay drops only the torn tail of the log.
		if err = recoverDB(opt); err == nil {
			bdb, err = badger.Open(opt.badgerOptions())
		}
	}
	if err != nil {
		if created {
			os.RemoveAll(opt.Dir)
		}
		switch msg := err.Error(); {
		case strings.Contains(msg, "Cannot acquire directory lock"):
			return nil, &lockError{dir: opt.Dir, err: err}
		case opt.ReadOnly && strings.Contains(msg, "no manifest found"):
			return nil, fmt.Errorf("store: no database at %q: %w", opt.Dir, fs.ErrNotExist)
		}
		return nil, fmt.Errorf("store: open %q: %w", opt.Dir, err)
	}
	db := &DB{bdb: bdb, opt: opt}
	if err := db.checkSchema(); err != nil {
		bdb.Close()
		if created {
			os.RemoveAll(opt.Dir)
		}
		return nil, err
	}
	return db, nil
}

// checkDir refuses to put a database into a directory that holds other
// files, so that a mistyped --db does not scatter Badger's files among a
// user's own.
func checkDir(dir string, readOnly bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err == nil {
		return nil
	}
	switch {
	case readOnly:
		return fmt.Errorf("store: no database at %q: %w", dir, fs.ErrNotExist)
	case slices.ContainsFunc(entries, func(e os.DirEntry) bool { return e.Name() != "LOCK" && e.Name() != "MANIFEST-REWRITE" }): // a creation killed before its MANIFEST leaves these two
		return fmt.Errorf("store: %q is not a paperkg database and not empty: give a new or empty directory", dir)
	}
	return nil
}

// recoverDB opens the database in opt.Dir for writing and closes it again,
// which replays the log that a writer that stopped without closing left.
func recoverDB(opt Options) error {
	if opt.Logger != nil {
		fmt.Fprintf(opt.Logger, "store: database %s was not closed cleanly: recovering it\n", opt.Dir)
	}
	opt.ReadOnly = false
	bdb, err := badger.Open(opt.badgerOptions())
	if err != nil {
		return err
	}
	return bdb.Close()
}

// Close closes the database. Writes committed before Close are on disk.
func (db *DB) Close() error {
	if err := db.bdb.Close(); err != nil {
		return fmt.Errorf("store: close %q: %w", db.opt.Dir, err)
	}
	return nil
}

// lockError reports a database that another process holds.
type lockError struct {
	dir string
	err error // Badger's own error
}

func (e *lockError) Error() string {
	return fmt.Sprintf("store: database %s is in use by another paperkg process: wait for it to finish, or give another directory", e.dir)
}

func (e *lockError) Is(target error) bool { return target == ErrLocked }
func (e *lockError) Unwrap() error        { return e.err }

// checkSchema checks the schema version of an existing database, and
// writes it into a new one.
func (db *DB) checkSchema() error {
	var (
		version []byte
		empty   bool
	)
	err := db.bdb.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(schemaKey))
		if errors.Is(err, badger.ErrKeyNotFound) {
			it := txn.NewIterator(badger.IteratorOptions{})
			defer it.Close()
			it.Rewind()
			empty = !it.Valid()
			return nil
		}
		if err != nil {
			return err
		}
		version, err = item.ValueCopy(nil)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: read schema of %q: %w", db.opt.Dir, err)
	}
	switch {
	case version == nil && empty && db.opt.ReadOnly:
		return fmt.Errorf("store: no database at %q: %w", db.opt.Dir, fs.ErrNotExist)
	case version == nil && empty:
		err := db.bdb.Update(func(txn *badger.Txn) error {
			return txn.Set([]byte(schemaKey), []byte(strconv.Itoa(SchemaVersion)))
		})
		if err != nil {
			return fmt.Errorf("store: write schema of %q: %w", db.opt.Dir, err)
		}
		return nil
	case version == nil:
		return fmt.Errorf("store: %q holds a Badger database without a paperkg schema version: %w", db.opt.Dir, ErrSchema)
	}
	v, err := strconv.Atoi(string(version))
	switch {
	case err != nil || v < 1:
		return fmt.Errorf("store: database %q has unknown schema version %q; this paperkg reads version %d: %w",
			db.opt.Dir, version, SchemaVersion, ErrSchema)
	case v > SchemaVersion:
		return fmt.Errorf("store: database %q has schema version %d, newer than version %d that this paperkg reads: use a newer paperkg: %w",
			db.opt.Dir, v, SchemaVersion, ErrSchema)
	case v < SchemaVersion:
		return fmt.Errorf("store: database %q has schema version %d, older than version %d that this paperkg reads: ingest the papers into a new database: %w",
			db.opt.Dir, v, SchemaVersion, ErrSchema)
	}
	return nil
}

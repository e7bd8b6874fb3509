package store

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// ErrNoSpace is wrapped by the error Put returns when the file system of
// the database has too little free space left for the next commit.
//
// Badger writes its log and memtables through memory-mapped files: on a
// full file system a write to one of them does not fail but kills the
// process with SIGBUS. Put therefore checks the free space before each
// commit and stops while there is still room, leaving a consistent
// database of whole papers.
var ErrNoSpace = errors.New("store: not enough free space")

// spaceReserve is free space kept beyond what a commit needs, for the
// MANIFEST, the tables compaction writes and Badger's other files.
const spaceReserve = 16 << 20

// spaceNeeded is the free space a commit of an estimated size bytes asks
// for: room for a memtable's write-ahead log, which Badger maps at twice
// MemTableSize and fills as commits come, twice the commit (once in the
// write-ahead log, once in the value log or a flushed table) and
// spaceReserve.
func spaceNeeded(memTableSize, size int64) int64 {
	return 2*memTableSize + 2*size + spaceReserve
}

// checkSpace fails, with an error wrapping ErrNoSpace, if the file system
// of db's directories has less free space than a commit of an estimated
// size bytes needs. An in-memory database always has room, and a file
// system whose free space cannot be read is taken to have room.
func checkSpace(db *badger.DB, size int64) error {
	opt := db.Opts()
	if opt.InMemory {
		return nil
	}
	need := spaceNeeded(opt.MemTableSize, size)
	dirs := []string{opt.Dir}
	if opt.ValueDir != "" && opt.ValueDir != opt.Dir {
		dirs = append(dirs, opt.ValueDir)
	}
	for _, dir := range dirs {
		free, err := freeSpace(dir)
		if err != nil {
			continue
		}
		if free < need {
			return &spaceError{dir: dir, free: free, need: need}
		}
	}
	return nil
}

// spaceError reports a file system too full for the next commit. Put
// adds the "store: " prefix, as to its other errors, making
// "store: not enough free space in DIR: 4.0 MiB free, at least 48.0 MiB
// needed".
type spaceError struct {
	dir        string
	free, need int64
}

func (e *spaceError) Error() string {
	return fmt.Sprintf("not enough free space in %q: %s free, at least %s needed", e.dir, formatSize(e.free), formatSize(e.need))
}

func (e *spaceError) Is(target error) bool { return target == ErrNoSpace }

// formatSize formats n bytes for people, in binary units.
func formatSize(n int64) string {
	const unit = 1 << 10
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 5; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

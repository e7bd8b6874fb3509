//go:build linux || darwin || freebsd || netbsd || openbsd

package store

import (
	"os"
	"syscall"
)

// dropTornMemtables removes the empty memtable logs (*.mem) in dir. A
// writer killed between creating a memtable's file and sizing it leaves
// one of length zero: it holds no data, but Badger refuses to open a
// database that has one. The files are removed only under the directory
// lock that Badger itself takes, so a live writer's new file is never
// touched; if another process holds the lock, nothing is done and Badger
// reports the lock.
func dropTornMemtables(dir string) error {
	torn, err := emptyMemtables(dir)
	if err != nil || len(torn) == 0 {
		return err
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return nil
	}
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	// Look again under the lock: a writer that held it a moment ago may
	// have sized its file since.
	if torn, err = emptyMemtables(dir); err != nil {
		return err
	}
	for _, path := range torn {
		if err := os.Remove(path); err != nil {
			return err
		}
	}
	return nil
}

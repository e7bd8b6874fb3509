//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package store

import "errors"

// freeSpace cannot tell the free space here; checkSpace then lets the
// commit go ahead, and a full disk shows as Badger's own error.
func freeSpace(dir string) (int64, error) {
	return 0, errors.ErrUnsupported
}

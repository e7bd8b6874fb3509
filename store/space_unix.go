//go:build linux || darwin || freebsd || netbsd || openbsd

package store

import "syscall"

// freeSpace returns the bytes available to this process on the file
// system that holds dir.
func freeSpace(dir string) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, err
	}
	free := uint64(st.Bavail) * uint64(st.Bsize)
	if free > 1<<62 {
		free = 1 << 62
	}
	return int64(free), nil
}

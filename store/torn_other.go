//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package store

// dropTornMemtables does nothing where paperkg cannot take Badger's
// directory lock itself; see torn_unix.go.
func dropTornMemtables(dir string) error { return nil }

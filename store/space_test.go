package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestFormatSize(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{
		{0, "0 B"},
		{1023, "1023 B"},
		{1 << 10, "1.0 KiB"},
		{1536, "1.5 KiB"},
		{4 << 20, "4.0 MiB"},
		{48 << 20, "48.0 MiB"},
		{3 << 30, "3.0 GiB"},
		{1 << 62, "4.0 EiB"},
	} {
		if got := formatSize(tt.n); got != tt.want {
			t.Errorf("formatSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestSpaceNeeded checks the margin a commit asks for: a write-ahead log
// of twice MemTableSize, twice the commit and the reserve.
func TestSpaceNeeded(t *testing.T) {
	if got, want := spaceNeeded(16<<20, 1<<20), int64(32<<20+2<<20+spaceReserve); got != want {
		t.Errorf("spaceNeeded = %d, want %d", got, want)
	}
}

func TestSpaceError(t *testing.T) {
	err := error(&spaceError{dir: "/data/db", free: 4 << 20, need: 48 << 20})
	if !errors.Is(err, ErrNoSpace) {
		t.Errorf("%v does not wrap ErrNoSpace", err)
	}
	if want := `not enough free space in "/data/db": 4.0 MiB free, at least 48.0 MiB needed`; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestFreeSpace(t *testing.T) {
	free, err := freeSpace(t.TempDir())
	if err != nil || free <= 0 {
		t.Errorf("freeSpace of a temporary directory = %d, %v; want a positive size", free, err)
	}
	if _, err := freeSpace(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("freeSpace of a missing directory did not fail")
	}
}

// TestPutNoSpace puts papers into databases on a small file system: with
// the default 16 MiB memtables Put refuses to commit, wrapping ErrNoSpace,
// and leaves a consistent database without the papers; with 1 MiB
// memtables there is room and Put commits. It needs root on Linux, to
// mount a tmpfs.
func TestPutNoSpace(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root on Linux")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v: %s", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", mnt, err, out)
		}
	})
	docs := synthetic(50)
	ctx := context.Background()

	dir := filepath.Join(mnt, "full")
	db, err := Open(testOptions(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Put(ctx, docs, nil)
	if !errors.Is(err, ErrNoSpace) {
		t.Errorf("Put on a file system with less than 48 MiB free: %v, want ErrNoSpace", err)
	} else if want := "not enough free space in " + `"` + dir + `": `; !strings.HasPrefix(err.Error(), "store: ") || !strings.Contains(err.Error(), want) {
		t.Errorf("Put error %q does not say %q", err, want)
	}
	if res != (PutResult{}) {
		t.Errorf("Put refused for space = %+v, want nothing done", res)
	}
	if err := db.Check(ctx); err != nil {
		t.Errorf("after the refused Put: %v", err)
	}
	if st, err := db.Stats(); err != nil || st.Papers != 0 {
		t.Errorf("after the refused Put: %d papers, %v; want none", st.Papers, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = Open(testOptions(t, filepath.Join(mnt, "small")).WithMemTableSize(1 << 20))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if res, err := db.Put(ctx, docs, nil); err != nil || res.Added != len(docs) {
		t.Errorf("Put with 1 MiB memtables = %+v, %v; want %d papers added", res, err, len(docs))
	}
	if err := db.Check(ctx); err != nil {
		t.Error(err)
	}
}

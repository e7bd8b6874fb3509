package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paperkg/paperkg/corpus"
)

// Environment variables that make the test binary a child process: the
// directory to open, and the directory to write to and leave unclosed.
const (
	lockDirEnv  = "PAPERKG_STORE_TEST_OPEN"
	crashDirEnv = "PAPERKG_STORE_TEST_CRASH"
)

// TestMain turns the test binary into the child process of
// TestOpenLockedByAnotherProcess when lockDirEnv is set: it opens the
// database, prints the error and exits 3 if it wraps ErrLocked. When
// crashDirEnv is set, it puts a paper and exits without closing the
// database, for TestReadOnlyAfterCrash.
func TestMain(m *testing.M) {
	if dir := os.Getenv(crashDirEnv); dir != "" {
		db, err := Open(DefaultOptions(dir).WithLogger(io.Discard))
		if err == nil {
			_, err = db.Put(context.Background(), []Doc{{Paper: corpus.Paper{ArXivID: "1", Title: "Survivor"}}}, nil)
		}
		if err != nil {
			fmt.Print(err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if dir := os.Getenv(lockDirEnv); dir != "" {
		db, err := Open(DefaultOptions(dir).WithReadOnly(os.Getenv(lockDirEnv+"_RO") != "").WithLogger(io.Discard))
		if err == nil {
			db.Close()
			fmt.Print("opened")
			os.Exit(0)
		}
		fmt.Print(err)
		if errors.Is(err, ErrLocked) {
			os.Exit(3)
		}
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func TestOpenLockedByAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(testOptions(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, ro := range []string{"", "1"} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd := exec.CommandContext(ctx, os.Args[0])
		cmd.Env = append(os.Environ(), lockDirEnv+"="+dir, lockDirEnv+"_RO="+ro)
		start := time.Now()
		out, err := cmd.Output()
		elapsed := time.Since(start)
		cancel()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 3 {
			t.Fatalf("child (read-only %q): %v, output %q; want exit status 3 (ErrLocked)", ro, err, out)
		}
		if want := "database " + dir + " is in use by another paperkg process"; !strings.Contains(string(out), want) {
			t.Errorf("child error %q does not say %q", out, want)
		}
		// The child's whole run, start-up included, must not wait on the lock.
		if elapsed > 10*time.Second {
			t.Errorf("child took %v to fail", elapsed)
		}
	}
}

func TestReadOnlyAfterCrash(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), crashDirEnv+"="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v: %s", err, out)
	}
	var log strings.Builder
	db, err := Open(DefaultOptions(dir).WithReadOnly(true).WithLogger(&log))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if p, err := db.Paper("1"); err != nil || p.Title != "Survivor" {
		t.Errorf("Paper(1) = %+v, %v; want the committed paper", p, err)
	}
	if want := "store: database " + dir + " was not closed cleanly: recovering it\n"; log.String() != want {
		t.Errorf("log = %q, want %q", log.String(), want)
	}
}

// A writer killed between creating a memtable's file and sizing it leaves
// an empty *.mem file, which Badger alone refuses to open.
func TestOpenWithEmptyMemtable(t *testing.T) {
	for _, readOnly := range []bool{true, false} {
		t.Run(fmt.Sprintf("read-only=%v", readOnly), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), crashDirEnv+"="+dir)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("child: %v: %s", err, out)
			}
			torn := filepath.Join(dir, "00099.mem")
			if err := os.WriteFile(torn, nil, 0o666); err != nil {
				t.Fatal(err)
			}
			db, err := Open(DefaultOptions(dir).WithReadOnly(readOnly).WithLogger(io.Discard))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if p, err := db.Paper("1"); err != nil || p.Title != "Survivor" {
				t.Errorf("Paper(1) = %+v, %v; want the committed paper", p, err)
			}
		})
	}
}

// The empty memtable of a live writer is its own, not a torn one.
func TestDropTornMemtablesRespectsLock(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fresh := filepath.Join(dir, "00099.mem")
	if err := os.WriteFile(fresh, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := dropTornMemtables(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a file under a live writer's lock was touched: %v", err)
	}
	os.Remove(fresh)
}

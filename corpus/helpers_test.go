package corpus

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// result is one return of Read.
type result struct {
	P   *Paper
	Err error
}

// readAll calls Read until io.EOF, failing the test if it does not come
// within limit calls or if Read returns after io.EOF anything but io.EOF.
func readAll(t testing.TB, r Reader, limit int) []result {
	t.Helper()
	var out []result
	for i := 0; ; i++ {
		if i > limit {
			t.Fatalf("no io.EOF after %d reads", limit)
		}
		p, err := r.Read()
		if err == io.EOF {
			if p != nil {
				t.Fatalf("Read returned a paper with io.EOF: %+v", p)
			}
			if p, err := r.Read(); p != nil || err != io.EOF {
				t.Fatalf("Read after io.EOF = %v, %v; want nil, io.EOF", p, err)
			}
			return out
		}
		if (p == nil) == (err == nil) {
			t.Fatalf("Read returned paper %v and error %v: want exactly one", p, err)
		}
		out = append(out, result{p, err})
	}
}

// papers returns the papers of rs, failing the test at any error.
func papers(t testing.TB, rs []result) []*Paper {
	t.Helper()
	var ps []*Paper
	for _, r := range rs {
		if r.Err != nil {
			t.Fatalf("unexpected error: %v", r.Err)
		}
		ps = append(ps, r.P)
	}
	return ps
}

// ok and bad build wanted results.
func ok(p Paper) result { return result{P: &p} }

func bad(e ParseError) result { return result{Err: &e} }

// sharedFile returns the path of a file under /work/shared, which tests
// reach as ../../shared, skipping the test if it is absent.
func sharedFile(t testing.TB, name string) string {
	t.Helper()
	path := filepath.Join("..", "..", "shared", filepath.FromSlash(name))
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is absent", path)
	}
	return path
}

// checkClean fails the test if s is not a single trimmed line of valid
// text with single spaces, as clean makes titles and abstracts.
func checkClean(t testing.TB, what, s string) {
	t.Helper()
	if clean(s) != s {
		t.Errorf("%s not clean: %q", what, s)
	}
	if strings.ContainsAny(s, "\n\r\t") {
		t.Errorf("%s has line breaks or tabs: %q", what, s)
	}
}

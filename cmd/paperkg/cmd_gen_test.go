package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGen(t *testing.T) {
	a := mustRun(t, "gen", "-q", "--papers", "40", "--seed", "3", seedPath)
	if b := mustRun(t, "gen", "-q", "--papers", "40", "--seed", "3", seedPath); a != b {
		t.Error("gen with the same seed wrote different papers")
	}
	if c := mustRun(t, "gen", "-q", "--papers", "40", "--seed", "4", seedPath); a == c {
		t.Error("gen with seeds 3 and 4 wrote the same papers")
	}
	if n := strings.Count(a, "\n"); n != 40 {
		t.Errorf("gen --papers 40 wrote %d lines", n)
	}

	// Written to a .gz file, the same bytes compressed; the papers ingest.
	path := filepath.Join(t.TempDir(), "synth.jsonl.gz")
	mustRun(t, "gen", "-q", "--papers", "40", "--seed", "3", "-o", path, seedPath)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, []byte(a)) {
		t.Error("gen -o FILE.gz wrote other papers than gen to standard output")
	}
	db := filepath.Join(t.TempDir(), "db")
	code, _, errOut := runCLI(t, "", "--db", db, "ingest", "-q", path)
	if code != 0 || !strings.Contains(errOut, "40 papers read") {
		t.Errorf("ingest of the generated papers: exit %d\n%s", code, errOut)
	}
}

func TestGenUsage(t *testing.T) {
	code, _, errOut := runCLI(t, "", "gen", "--papers", "-1")
	if want := "invalid --papers -1"; code != exitUsage || !strings.Contains(errOut, want) {
		t.Errorf("gen --papers -1: exit %d, stderr %q; want %d and %q", code, errOut, exitUsage, want)
	}
}

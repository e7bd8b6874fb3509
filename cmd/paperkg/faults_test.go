package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/store"
)

const badDir = "testdata/bad"

// Two good records, which the fixtures put around their bad ones.
const (
	goodRecord1 = `{"id": "2501.00001", "title": "LipVoicer: Generating Speech from Silent Videos", "abstract": "We introduce LipVoicer and train it on LRS3."}`
	goodRecord2 = `{"id": "2501.00002", "title": "Reading Lips with Transformers", "abstract": "We evaluate on LRS2 and LRS3 with a Transformer."}`
)

// elapsed matches the time in ingest's summary, which varies.
var elapsed = regexp.MustCompile(` in [0-9.]+s:`)

// summary is ingest's last line for papers all added.
func summary(read, rejected int) string {
	return fmt.Sprintf("paperkg: %d papers read in Xs: %d added, 0 updated, 0 unchanged; %d bad records skipped", read, read, rejected)
}

const rejectedLine = "paperkg: some records were skipped (see above); the others were ingested"

// matchLines compares stderr with want line by line; "…" in a wanted
// line matches any text.
func matchLines(stderr string, want []string) bool {
	got := strings.Split(strings.TrimSuffix(elapsed.ReplaceAllString(stderr, " in Xs:"), "\n"), "\n")
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		parts := strings.Split(w, "…")
		for j := range parts {
			parts[j] = regexp.QuoteMeta(parts[j])
		}
		if !regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(got[i]) {
			return false
		}
	}
	return true
}

// storedPapers returns how many papers the database in dir holds, and
// fails the test unless check finds it consistent.
func storedPapers(t *testing.T, db string) int {
	t.Helper()
	code, out, errOut := runCLI(t, "", "--db", db, "check")
	if code != 0 {
		t.Fatalf("check after ingest: exit %d\n%s%s", code, out, errOut)
	}
	var st store.Stats
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "stats", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	return st.Papers
}

// writeGarbage writes binary data that no input format fits: a PNG
// header and random bytes with NULs.
func writeGarbage(t *testing.T, dir string) string {
	t.Helper()
	b := []byte("\x89PNG\r\n\x1a\n")
	rng := rand.New(rand.NewPCG(1, 1))
	for range 4096 {
		b = append(b, byte(rng.Uint32()))
	}
	path := filepath.Join(dir, "garbage.png")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeHugeLine writes a good record, a 50 MB line that is not JSON (a
// string that never ends), and a good record.
func writeHugeLine(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "huge.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, goodRecord1)
	fmt.Fprint(f, `{"id": "2501.00009", "title": "`)
	chunk := bytes.Repeat([]byte("abcdefghij"), 1<<16)
	for range (50 << 20) / len(chunk) {
		f.Write(chunk)
	}
	fmt.Fprintln(f)
	fmt.Fprintln(f, goodRecord2)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeTruncatedGzip writes n records as gzip and cuts the file at 60%.
// It returns the path and how many whole lines the cut file still holds.
func writeTruncatedGzip(t *testing.T, dir string, n int) (string, int) {
	t.Helper()
	var plain, zipped bytes.Buffer
	for i := range n {
		fmt.Fprintf(&plain, `{"id": "2502.%05d", "title": "Paper %d on Lip Reading", "abstract": "We train LipVoicer-%d on LRS3 and compare it with LipNet."}`+"\n", i, i, i)
	}
	zw := gzip.NewWriter(&zipped)
	zw.Write(plain.Bytes())
	zw.Close()
	cut := zipped.Bytes()[:zipped.Len()*6/10]
	path := filepath.Join(dir, "cut.jsonl.gz")
	if err := os.WriteFile(path, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(cut))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != io.ErrUnexpectedEOF {
		t.Fatalf("reading the cut gzip: %v, want unexpected EOF", err)
	}
	return path, bytes.Count(got, []byte("\n"))
}

// TestIngestBadInput ingests inputs with bad records, or that are bad as
// a whole, and checks what ingest says, its exit status, that the good
// records are stored and that the database stays consistent.
func TestIngestBadInput(t *testing.T) {
	tmp := t.TempDir()
	garbage := writeGarbage(t, tmp)
	huge := writeHugeLine(t, tmp)
	cut, cutLines := writeTruncatedGzip(t, tmp, 4000) // more than the 256 KiB format sniffing reads
	shortCut, shortLines := writeTruncatedGzip(t, t.TempDir(), 100)
	path := func(name string) string { return filepath.Join(badDir, name) }

	tests := []struct {
		name   string
		flags  []string // ingest's, besides -q
		files  []string
		code   int
		stderr []string // with FILE for files[0]
		papers int      // stored afterwards
		skip   string
	}{
		{
			name:   "empty file",
			files:  []string{path("empty.jsonl")},
			stderr: []string{summary(0, 0)},
		},
		{
			name:  "binary garbage",
			files: []string{garbage},
			code:  1,
			stderr: []string{
				`paperkg: corpus: unknown format: cannot tell the format of "FILE", must be one of […`,
			},
		},
		{
			// Invalid UTF-8 is replaced with U+FFFD, as encoding/json
			// does; TestIngestInvalidText checks what is stored.
			name:   "invalid UTF-8",
			files:  []string{path("badutf8.jsonl")},
			stderr: []string{summary(4, 0)},
			papers: 4,
		},
		{
			name:   "NUL byte",
			files:  []string{path("nul.jsonl")},
			code:   1,
			stderr: []string{"paperkg: skipped FILE:2:36: syntax error: invalid character '\\x00' in string literal", summary(2, 1), rejectedLine},
			papers: 2,
		},
		{
			// Over the readers' 8 MiB record limit: skipped unread.
			name:   "50 MB line",
			files:  []string{huge},
			code:   1,
			stderr: []string{"paperkg: skipped FILE:2: record too long", summary(2, 1), rejectedLine},
			papers: 2,
		},
		{
			// The whole lines before the cut are stored; the cut ends
			// the input.
			name:   "truncated gzip",
			files:  []string{cut},
			code:   1,
			stderr: []string{`paperkg: corpus: reading "FILE": unexpected EOF`},
			papers: cutLines,
		},
		{
			name:   "truncated gzip within the first 256 KiB",
			files:  []string{shortCut},
			code:   1,
			stderr: []string{`paperkg: corpus: reading "FILE": unexpected EOF`},
			papers: shortLines,
		},
		{
			name:   "truncated JSON Lines",
			files:  []string{path("truncated.jsonl")},
			code:   1,
			stderr: []string{"paperkg: skipped FILE:3:34: syntax error: unexpected end of JSON input", summary(2, 1), rejectedLine},
			papers: 2,
		},
		{
			name:   "truncated JSON array",
			files:  []string{path("truncated.json")},
			code:   1,
			stderr: []string{"paperkg: skipped FILE:3:35: record 3: syntax error: unterminated value or unbalanced brackets", summary(2, 1), rejectedLine},
			papers: 2,
		},
		{
			name:  "JSON of the wrong shape",
			files: []string{path("shape.jsonl")},
			code:  1,
			stderr: []string{
				"paperkg: skipped FILE:2: not a paper record",
				"paperkg: skipped FILE:3: not a paper record",
				"paperkg: skipped FILE:4: not a paper record",
				"paperkg: skipped FILE:5: record has neither a title nor an id",
				"paperkg: skipped FILE:6: not a paper record",
				summary(2, 5), rejectedLine,
			},
			papers: 2,
		},
		{
			name:  "--max-errors reached",
			flags: []string{"--max-errors", "2"},
			files: []string{path("shape.jsonl")},
			code:  1,
			stderr: []string{
				"paperkg: skipped FILE:2: not a paper record",
				"paperkg: skipped FILE:3: not a paper record",
				summary(1, 2),
				"paperkg: ingest: too many bad records: stopped after 2",
			},
			papers: 1,
		},
		{
			name:  "--max-errors not reached",
			flags: []string{"--max-errors", "6"},
			files: []string{path("shape.jsonl")},
			code:  1,
			stderr: []string{
				"paperkg: skipped FILE:2: not a paper record",
				"paperkg: skipped FILE:3: not a paper record",
				"paperkg: skipped FILE:4: not a paper record",
				"paperkg: skipped FILE:5: record has neither a title nor an id",
				"paperkg: skipped FILE:6: not a paper record",
				summary(2, 5), rejectedLine,
			},
			papers: 2,
		},
		{
			name:   "directory",
			files:  []string{tmp},
			code:   1,
			stderr: []string{`paperkg: …open "FILE": is a directory`},
		},
		{
			name:   "missing file",
			files:  []string{filepath.Join(tmp, "no-such-file.jsonl")},
			code:   1,
			stderr: []string{`paperkg: …open "FILE": no such file or directory`},
		},
		{
			// Every path is looked at before any is read.
			name:   "missing file after a good one",
			files:  []string{path("truncated.jsonl"), filepath.Join(tmp, "no-such-file.jsonl")},
			code:   1,
			stderr: []string{`paperkg: …open "` + filepath.Join(tmp, "no-such-file.jsonl") + `": no such file or directory`},
			papers: 0,
		},
		// Formats whose readers recover less: an XML syntax error ends
		// the feed, a BibTeX entry ends where its braces balance.
		{
			name:   "truncated Atom XML",
			files:  []string{path("truncated.xml")},
			code:   1,
			stderr: []string{"paperkg: skipped FILE:16:1: syntax error", summary(2, 1), rejectedLine},
			papers: 2,
		},
		{
			name:   "BibTeX with unbalanced braces",
			files:  []string{path("unbalanced.bib")},
			code:   1,
			stderr: []string{"paperkg: skipped FILE:12:1: syntax error", summary(2, 1), rejectedLine},
			papers: 2,
		},
		{
			name:  "CSV with ragged rows",
			files: []string{path("ragged.csv")},
			code:  1,
			stderr: []string{
				"paperkg: skipped FILE:3: wrong number of fields",
				"paperkg: skipped FILE:4: wrong number of fields",
				summary(2, 2), rejectedLine,
			},
			papers: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip != "" {
				t.Skip(tt.skip)
			}
			db := filepath.Join(t.TempDir(), "db")
			args := append(append([]string{"--db", db, "ingest", "-q"}, tt.flags...), tt.files...)
			code, out, errOut := runCLI(t, "", args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			want := make([]string, len(tt.stderr))
			for i, l := range tt.stderr {
				want[i] = strings.ReplaceAll(l, "FILE", tt.files[0])
			}
			if !matchLines(errOut, want) {
				t.Errorf("stderr:\n%s\nwant:\n%s", errOut, strings.Join(want, "\n"))
			}
			if got := storedPapers(t, db); got != tt.papers {
				t.Errorf("%d papers stored, want %d", got, tt.papers)
			}
		})
	}
}

// TestIngestInvalidText ingests titles and abstracts with invalid UTF-8,
// NULs and a lone surrogate. paperkg stores them with U+FFFD in place of
// each invalid byte sequence and lone surrogate (as encoding/json decodes
// them) and without the NULs, so that every JSON output stays valid
// UTF-8, and the database stays consistent.
func TestIngestInvalidText(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	for _, f := range []string{"badutf8.jsonl", "badutf8.csv"} {
		mustRun(t, "--db", db, "ingest", "-q", filepath.Join(badDir, f))
	}
	if n := storedPapers(t, db); n != 5 {
		t.Errorf("%d papers stored, want 5", n)
	}

	validJSON := func(t *testing.T, what, out string) {
		t.Helper()
		if !utf8.ValidString(out) || !json.Valid([]byte(out)) {
			t.Errorf("%s is not valid UTF-8 JSON:\n%q", what, out)
		}
	}
	var listed []listedPaper
	out := mustRun(t, "--db", db, "papers", "--json")
	validJSON(t, "papers --json", out)
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, p := range listed {
		titles = append(titles, p.Paper.Title)
	}
	wantTitles := []string{
		"Reading Lips with Transformers",
		"LipVoicer: Generating Speech from Silent Videos",
		"Bad \ufffd\ufffd UTF-8 title",
		"Escaped NUL and \ufffd lone surrogate",
		"Bad \ufffd UTF-8 in CSV",
	}
	slices.Sort(wantTitles)
	slices.Sort(titles)
	if diff := cmp.Diff(wantTitles, titles); diff != "" {
		t.Errorf("stored titles (-want +got):\n%s", diff)
	}
	for _, p := range listed {
		t.Run(strconv.Quote(p.Paper.Title), func(t *testing.T) {
			validJSON(t, "show --json", mustRun(t, "--db", db, "show", "--json", p.ID))
			if text := mustRun(t, "--db", db, "show", p.ID); !utf8.ValidString(text) {
				t.Errorf("show prints invalid UTF-8:\n%q", text)
			}
		})
	}
	validJSON(t, "entities --json", mustRun(t, "--db", db, "entities", "--json"))
	validJSON(t, "stats --json", mustRun(t, "--db", db, "stats", "--json"))
	for _, line := range strings.Split(strings.TrimSpace(mustRun(t, "extract", filepath.Join(badDir, "badutf8.jsonl"))), "\n") {
		validJSON(t, "extract", line)
	}
}

// withBadger opens the database in dir with Badger itself, to damage it
// as no paperkg command would.
func withBadger(t *testing.T, dir string, fn func(txn *badger.Txn) error) {
	t.Helper()
	bdb, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	if err := bdb.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// firstKey returns the first key with the given prefix.
func firstKey(txn *badger.Txn, prefix string) string {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
	defer it.Close()
	it.Seek([]byte(prefix))
	if !it.ValidForPrefix([]byte(prefix)) {
		return ""
	}
	return string(it.Item().KeyCopy(nil))
}

// TestCheckCommand damages a database and has check find the damage,
// say what it is, and repair it.
func TestCheckCommand(t *testing.T) {
	db := seedDB(t)
	stats := mustRun(t, "--db", db, "stats", "--json")
	var st store.Stats
	if err := json.Unmarshal([]byte(stats), &st); err != nil {
		t.Fatal(err)
	}

	code, out, errOut := runCLI(t, "", "--db", db, "check")
	if code != 0 || out != "" || errOut != fmt.Sprintf("paperkg: database %s is consistent\n", db) {
		t.Errorf("check of a sound database: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}

	// Lose an inverted index entry and miscount the papers.
	var epap string
	withBadger(t, db, func(txn *badger.Txn) error {
		epap = firstKey(txn, "epap/")
		if err := txn.Delete([]byte(epap)); err != nil {
			return err
		}
		return txn.Set([]byte("meta/count/papers"), binary.BigEndian.AppendUint64(nil, uint64(st.Papers+1)))
	})
	eid, pid, _ := strings.Cut(strings.TrimPrefix(epap, "epap/"), "/")
	wantProblems := []string{
		fmt.Sprintf("%q %q: mention has no index entry", "pent/"+pid+"/"+eid, epap),
		fmt.Sprintf(`"meta/count/papers": counter is %d, the tables hold %d`, st.Papers+1, st.Papers),
	}

	code, out, errOut = runCLI(t, "", "--db", db, "check")
	if code != 1 {
		t.Errorf("check of a damaged database: exit %d, want 1", code)
	}
	if diff := cmp.Diff(wantProblems, strings.Split(strings.TrimSpace(out), "\n")); diff != "" {
		t.Errorf("check's problems (-want +got):\n%s", diff)
	}
	if want := fmt.Sprintf("paperkg: database %s has 2 problems (listed above): run 'paperkg check --repair' to rebuild it\n", db); errOut != want {
		t.Errorf("check's stderr = %q, want %q", errOut, want)
	}

	code, out, _ = runCLI(t, "", "--db", db, "check", "--json")
	var rep struct {
		Database   string
		Consistent bool
		Problems   []struct {
			Keys       []string
			Problem    string
			Repairable bool
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 1 {
		t.Fatalf("check --json: exit %d, %v\n%s", code, err, out)
	}
	if rep.Consistent || len(rep.Problems) != 2 || !cmp.Equal(rep.Problems[0].Keys, []string{"pent/" + pid + "/" + eid, epap}) || !rep.Problems[0].Repairable {
		t.Errorf("check --json = %+v", rep)
	}

	code, out, errOut = runCLI(t, "", "--db", db, "check", "--repair")
	if code != 0 {
		t.Errorf("check --repair: exit %d\n%s%s", code, out, errOut)
	}
	var repaired []string
	for _, p := range wantProblems {
		repaired = append(repaired, "repaired "+p)
	}
	if diff := cmp.Diff(repaired, strings.Split(strings.TrimSpace(out), "\n")); diff != "" {
		t.Errorf("check --repair's output (-want +got):\n%s", diff)
	}
	if want := fmt.Sprintf("paperkg: repaired 2 problems with 2 writes; database %s is consistent\n", db); errOut != want {
		t.Errorf("check --repair's stderr = %q, want %q", errOut, want)
	}
	if code, out, errOut := runCLI(t, "", "--db", db, "check"); code != 0 {
		t.Errorf("check after --repair: exit %d\n%s%s", code, out, errOut)
	}
	if got := mustRun(t, "--db", db, "stats", "--json"); got != stats {
		t.Errorf("stats after --repair differ from before the damage:\n%s", cmp.Diff(stats, got))
	}

	// A paper record that does not decode is a fact lost: --repair
	// rebuilds nothing from it and says so.
	var paperKey string
	withBadger(t, db, func(txn *badger.Txn) error {
		paperKey = firstKey(txn, "paper/")
		return txn.Set([]byte(paperKey), []byte("{"))
	})
	code, out, errOut = runCLI(t, "", "--db", db, "check", "--repair")
	if code != 1 {
		t.Errorf("check --repair of a lost paper: exit %d, want 1", code)
	}
	if want := fmt.Sprintf("%q: paper does not decode", paperKey); !strings.HasPrefix(out, want) {
		t.Errorf("check --repair's output does not begin %q:\n%s", want, out)
	}
	if want := fmt.Sprintf("paperkg: database %s still has 1 problems that cannot be repaired (listed above): ingest its papers into a new database\n", db); errOut != want {
		t.Errorf("check --repair's stderr = %q, want %q", errOut, want)
	}
}

func TestCheckUsage(t *testing.T) {
	none := filepath.Join(t.TempDir(), "none")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"argument", []string{"check", "extra"}, 2, `check takes no arguments, got "extra"`},
		{"no database", []string{"--db", none, "check"}, 1, "no database at"},
		{"no database to repair", []string{"--db", none, "check", "--repair"}, 1, "no database at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.msg)
			}
		})
	}
	if _, err := os.Stat(none); err == nil {
		t.Errorf("check --repair created the database it was to repair")
	}
}

// TestNewerSchema opens a database written by a newer paperkg: every
// command refuses it with a message, and none writes to it.
func TestNewerSchema(t *testing.T) {
	db := seedDB(t)
	newer := strconv.Itoa(store.SchemaVersion + 1)
	withBadger(t, db, func(txn *badger.Txn) error {
		return txn.Set([]byte("meta/schema"), []byte(newer))
	})
	want := fmt.Sprintf("paperkg: store: database %q has schema version %s, newer than version %d that this paperkg reads: use a newer paperkg: store: unsupported schema version\n",
		db, newer, store.SchemaVersion)
	for _, args := range [][]string{
		{"stats"},
		{"papers"},
		{"check"},
		{"check", "--repair"},
		{"ingest", "-q", seedPath},
	} {
		t.Run(strings.Join(args[:min(len(args), 2)], " "), func(t *testing.T) {
			code, out, errOut := runCLI(t, "", append([]string{"--db", db}, args...)...)
			if code != 1 || out != "" || errOut != want {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errOut, want)
			}
		})
	}
	withBadger(t, db, func(txn *badger.Txn) error {
		item, err := txn.Get([]byte("meta/schema"))
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if string(v) != newer {
			t.Errorf("schema version is %q after the refusals, want %q", v, newer)
		}
		return err
	})
}

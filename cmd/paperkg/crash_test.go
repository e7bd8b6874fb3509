//go:build linux

package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/store"
)

// These tests run the paperkg binary as a child process, to kill it, to
// interrupt it and to run two at once. The binary is built once, with the
// input they share, into a directory TestMain removes.

// arxivCorpus is the shared arXiv listing, relative to this package; the
// tests synthesise an input of the same kind when it is absent.
const arxivCorpus = "../../../shared/corpus/arxiv-2025-2026.jsonl.gz"

// crashPapers is how many papers the killed ingests read: enough for
// many commits and a run of about a second, few enough for twenty kills
// and reruns to take under a minute.
const crashPapers = 2000

// killsEnv raises the number of kills of TestIngestKilled from 20, for a
// longer search for a moment that breaks the database.
const killsEnv = "PAPERKG_TEST_KILLS"

var (
	procOnce sync.Once
	procDir  string // holds the binary, the input and the reference database
	procErr  error
	binOnce  sync.Once
	binPath  string
	binErr   error
	feedOnce sync.Once
	feedPath string
	feedErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if procDir != "" {
		os.RemoveAll(procDir)
	}
	os.Exit(code)
}

// sharedDir returns the directory for what the tests share.
func sharedDir() (string, error) {
	procOnce.Do(func() { procDir, procErr = os.MkdirTemp("", "paperkg-proc-") })
	return procDir, procErr
}

// paperkgBinary builds paperkg once and returns its path.
func paperkgBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			binErr = fmt.Errorf("no go command to build paperkg: %w", err)
			return
		}
		dir, err := sharedDir()
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "paperkg")
		out, err := exec.Command(goTool, "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// crashInput returns a JSON Lines file of crashPapers papers: the first
// lines of the shared arXiv listing, or synthetic abstracts that name
// models, datasets and methods as real ones do.
func crashInput(t *testing.T) string {
	t.Helper()
	feedOnce.Do(func() {
		dir, err := sharedDir()
		if err != nil {
			feedErr = err
			return
		}
		feedPath = filepath.Join(dir, "input.jsonl")
		var buf bytes.Buffer
		if err := headOfCorpus(&buf, crashPapers); err != nil {
			if !errors.Is(err, os.ErrNotExist) {
				feedErr = err
				return
			}
			buf.Reset()
			synthesise(&buf, crashPapers)
		}
		feedErr = os.WriteFile(feedPath, buf.Bytes(), 0o644)
	})
	if feedErr != nil {
		t.Fatal(feedErr)
	}
	return feedPath
}

func headOfCorpus(w io.Writer, n int) error {
	f, err := os.Open(arxivCorpus)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	br := bufio.NewReader(zr)
	for range n {
		line, err := br.ReadBytes('\n')
		if err != nil {
			return fmt.Errorf("%s: %w", arxivCorpus, err)
		}
		w.Write(line)
	}
	return nil
}

// synthesise writes n papers whose abstracts introduce a model and use
// datasets, benchmarks and methods drawn from a small vocabulary, so that
// papers share entities as real ones do.
func synthesise(w io.Writer, n int) {
	rng := rand.New(rand.NewPCG(1, 1))
	datasets := []string{"ImageNet", "COCO", "LRS3", "SQuAD", "WikiText-103", "LibriSpeech", "MS MARCO", "CIFAR-10"}
	benchmarks := []string{"GLUE", "MMLU", "HumanEval", "GSM8K", "BIG-bench", "HellaSwag"}
	methods := []string{"reinforcement learning from human feedback (RLHF)", "low-rank adaptation (LoRA)",
		"retrieval-augmented generation (RAG)", "Monte Carlo tree search (MCTS)", "direct preference optimization (DPO)"}
	models := []string{"GPT-4", "LLaMA-2", "BERT", "CLIP", "T5", "Whisper"}
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	for i := range n {
		name := fmt.Sprintf("Syn%dNet", i)
		abstract := fmt.Sprintf("We introduce %s, a model trained on %s and %s with %s. "+
			"Compared with %s, %s improves results on %s and %s by %d points.",
			name, pick(datasets), pick(datasets), pick(methods), pick(models), name, pick(benchmarks), pick(benchmarks), 1+rng.IntN(9))
		fmt.Fprintf(w, "{\"id\": \"2601.%05d\", \"title\": \"%s: %s for %s\", \"abstract\": %q}\n",
			i, name, pick([]string{"Scaling", "Aligning", "Distilling", "Probing"}), pick(datasets), abstract)
	}
}

// result is how a child process ended.
type result struct {
	code           int
	signaled       bool // killed by a signal it did not handle
	stdout, stderr string
}

// runBinary runs paperkg with args and returns how it ended; it fails the
// test if the process does not end within a minute.
func runBinary(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, paperkgBinary(t), args...)
	cmd.Env = childEnv()
	cmd.Stdin = stdin
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("paperkg %s did not end within a minute\nstderr: %s", strings.Join(args, " "), errOut.String())
	}
	return ended(t, err, out.String(), errOut.String())
}

// childEnv is the environment of a child paperkg, without a database
// named by PAPERKG_DB: every child gets its --db.
func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PAPERKG_DB=") {
			env = append(env, kv)
		}
	}
	return env
}

func ended(t *testing.T, err error, stdout, stderr string) result {
	t.Helper()
	r := result{stdout: stdout, stderr: stderr}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		ws := ee.Sys().(syscall.WaitStatus)
		r.code, r.signaled = ws.ExitStatus(), ws.Signaled()
	default:
		t.Fatal(err)
	}
	return r
}

// mustBinary runs paperkg and fails the test unless it exits 0.
func mustBinary(t *testing.T, args ...string) result {
	t.Helper()
	r := runBinary(t, nil, args...)
	if r.code != 0 || r.signaled {
		t.Fatalf("paperkg %s: exit %d\nstderr: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// noCrashOutput fails the test if stderr shows a Go panic or fatal
// error rather than a message.
func noCrashOutput(t *testing.T, stderr string) {
	t.Helper()
	for _, mark := range []string{"panic:", "goroutine ", "fatal error:", "[signal "} {
		if strings.Contains(stderr, mark) {
			t.Errorf("stderr shows a crash (%q), not a message:\n%s", mark, clipLog(stderr))
			return
		}
	}
}

func clipLog(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

// stored is a paper as the database holds it, with its mentions.
type stored struct {
	Paper    corpus.Paper
	Mentions []store.Mention
}

// loadDB reads every paper of the database in dir with its mentions.
func loadDB(t *testing.T, dir string) map[string]stored {
	t.Helper()
	db, err := store.Open(store.DefaultOptions(dir).WithReadOnly(true).WithLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	papers := make(map[string]stored)
	err = db.EachPaperPID(context.Background(), func(pid string, p corpus.Paper) error {
		ms, err := db.Mentions(pid)
		papers[pid] = stored{Paper: p, Mentions: ms}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return papers
}

// reference is an uninterrupted ingest of the crash input.
type reference struct {
	input  string
	took   time.Duration
	stats  string // stats --json
	papers map[string]stored
}

var (
	refOnce sync.Once
	ref     reference
	refErr  error
)

// ingestReference runs the uninterrupted ingest once for all tests.
func ingestReference(t *testing.T) reference {
	t.Helper()
	refOnce.Do(func() {
		ref.input = crashInput(t)
		dir, err := sharedDir()
		if err != nil {
			refErr = err
			return
		}
		dir = filepath.Join(dir, "reference")
		mustBinary(t, "help") // fills the caches of start-up, so that the timing below is the ingest's
		start := time.Now()
		mustBinary(t, "--db", dir, "ingest", "-q", ref.input)
		ref.took = time.Since(start)
		ref.stats = mustBinary(t, "--db", dir, "stats", "--json").stdout
		ref.papers = loadDB(t, dir)
		if len(ref.papers) != crashPapers {
			refErr = fmt.Errorf("reference ingest stored %d papers, want %d", len(ref.papers), crashPapers)
		}
	})
	if refErr != nil || ref.papers == nil {
		t.Fatalf("no reference ingest: %v", refErr)
	}
	t.Logf("an uninterrupted ingest of %d papers took %v", crashPapers, ref.took)
	return ref
}

// checkAfterStop checks a database whose ingest was stopped: it opens,
// check finds it consistent, and every paper in it is whole, with the
// mentions the uninterrupted ingest gave it. It returns how many papers
// it holds, or -1 if the ingest stopped before it wrote the database's
// schema version.
func checkAfterStop(t *testing.T, ref reference, dir string) int {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); errors.Is(err, os.ErrNotExist) {
		r := runBinary(t, nil, "--db", dir, "check")
		if r.code != 1 || !strings.Contains(r.stderr, "no database at") {
			t.Errorf("check of a database never created: exit %d, stderr %s", r.code, r.stderr)
		}
		return -1
	}
	r := runBinary(t, nil, "--db", dir, "check")
	if r.code == 1 && strings.Contains(r.stderr, "no database at") {
		// Killed after Badger created its files, before the schema
		// version went in: there is nothing to check, and resume must
		// take the directory.
		return -1
	}
	if r.code != 0 || !strings.Contains(r.stderr, "is consistent") {
		t.Fatalf("check after the ingest stopped: exit %d\nstdout: %s\nstderr: %s", r.code, clipLog(r.stdout), r.stderr)
	}
	noCrashOutput(t, r.stderr)
	got := loadDB(t, dir)
	for pid, p := range got {
		want, ok := ref.papers[pid]
		if !ok {
			t.Errorf("paper %q is not in the uninterrupted ingest's database", pid)
			continue
		}
		if diff := cmp.Diff(want, p); diff != "" {
			t.Errorf("paper %q differs from the uninterrupted ingest's (-want +got):\n%s", pid, diff)
		}
	}
	return len(got)
}

// resume runs the ingest again to its end and checks that the database
// is then the uninterrupted ingest's.
func resume(t *testing.T, ref reference, dir string) {
	t.Helper()
	r := mustBinary(t, "--db", dir, "ingest", "-q", ref.input)
	noCrashOutput(t, r.stderr)
	if st := mustBinary(t, "--db", dir, "stats", "--json").stdout; st != ref.stats {
		t.Errorf("stats after resuming differ from the uninterrupted ingest's:\n%s", cmp.Diff(ref.stats, st))
	}
	if diff := cmp.Diff(ref.papers, loadDB(t, dir)); diff != "" {
		t.Errorf("papers after resuming differ from the uninterrupted ingest's (-want +got):\n%s", diff)
	}
}

// startIngest starts an ingest of the crash input into dir.
func startIngest(t *testing.T, ref reference, dir string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(paperkgBinary(t), "--db", dir, "ingest", "-q", ref.input)
	cmd.Env = childEnv()
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &errOut
}

// TestIngestKilled kills ingests with SIGKILL at moments spread over an
// uninterrupted ingest's run, from start-up and the database's creation
// to its last commits. After each kill the database must open and be
// consistent, hold only whole papers, and a rerun of the ingest must give
// the uninterrupted ingest's database. PAPERKG_TEST_KILLS=N kills N times
// instead of 20.
func TestIngestKilled(t *testing.T) {
	ref := ingestReference(t)
	kills := 20
	if n, err := strconv.Atoi(os.Getenv(killsEnv)); err == nil && n > kills {
		kills = n
	}
	tmp := t.TempDir()
	var (
		mu     sync.Mutex
		killed int
		early  []time.Duration  // delays of runs that ended before their kill
		midway = map[int]bool{} // paper counts strictly between none and all
	)
	trial := func(t *testing.T, i int, delay time.Duration) {
		dir := filepath.Join(tmp, fmt.Sprint(i))
		cmd, errOut := startIngest(t, ref, dir)
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		r := ended(t, cmd.Wait(), "", errOut.String())
		mu.Lock()
		if r.signaled {
			killed++
		} else {
			early = append(early, delay)
		}
		mu.Unlock()
		if !r.signaled {
			t.Logf("the ingest ended (exit %d) before the kill", r.code)
		}
		n := checkAfterStop(t, ref, dir)
		mu.Lock()
		if n > 0 && n < crashPapers {
			midway[n] = true
		}
		mu.Unlock()
		t.Logf("stopped with %d papers stored", n)
		resume(t, ref, dir)
	}
	// An ingest keeps about one core busy: the trials run two at a time
	// (go test's -parallel), each as its own process.
	//
	// The moments go over the run in a shuffled order, so that a change
	// in the machine's load during the test does not fall on one part of
	// the run.
	took := concurrentRun(t, ref)
	t.Logf("two uninterrupted ingests side by side took %v", took)
	delays := make([]time.Duration, kills)
	for i, k := range rand.New(rand.NewPCG(1, 2)).Perm(kills) {
		delays[i] = time.Duration((float64(k) + 0.5) / float64(kills) * float64(took))
	}
	for round := 0; len(delays) > 0 && round < 3; round++ {
		t.Run(fmt.Sprintf("round%d", round), func(t *testing.T) {
			for i, d := range delays {
				t.Run(fmt.Sprintf("after-%v", d.Round(time.Millisecond)), func(t *testing.T) {
					t.Parallel()
					trial(t, round*kills+i, d)
				})
			}
		})
		// A run that ended before its kill is done again, killed earlier.
		delays = nil
		for _, d := range early {
			delays = append(delays, d/2)
		}
		early = nil
	}
	if killed < kills {
		t.Errorf("only %d ingests were killed before they ended, want %d", killed, kills)
	}
	if len(midway) < 3 {
		t.Errorf("kills left only %d different paper counts between none and all, want at least 3: they did not fall across the ingest", len(midway))
	}
}

// concurrentRun runs two uninterrupted ingests side by side, as the
// trials of TestIngestKilled run, and returns how long the slower took.
func concurrentRun(t *testing.T, ref reference) time.Duration {
	t.Helper()
	tmp := t.TempDir()
	start := time.Now()
	var cmds []*exec.Cmd
	for i := range 2 {
		cmd, _ := startIngest(t, ref, filepath.Join(tmp, fmt.Sprint(i)))
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("uninterrupted ingest: %v", err)
		}
	}
	return time.Since(start)
}

// TestIngestInterrupted interrupts an ingest halfway: it exits 130 with
// a message, leaves a consistent database of whole papers, and a rerun
// finishes it.
func TestIngestInterrupted(t *testing.T) {
	ref := ingestReference(t)
	// The reference may have run on a busier machine than this run: an
	// ingest that ends before its interrupt is run again, interrupted
	// sooner.
	for delay := ref.took / 2; delay > time.Millisecond; delay /= 2 {
		dir := filepath.Join(t.TempDir(), "db")
		cmd, errOut := startIngest(t, ref, dir)
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var err error
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("ingest did not stop within 30s of SIGINT\nstderr: %s", errOut.String())
		}
		r := ended(t, err, "", errOut.String())
		if r.code == 0 && !r.signaled {
			t.Logf("the ingest ended before its interrupt after %v", delay)
			continue
		}
		if r.code != exitInterrupted || r.signaled {
			t.Errorf("interrupted ingest: exit %d (signaled %v), want %d\nstderr: %s", r.code, r.signaled, exitInterrupted, r.stderr)
		}
		if want := "paperkg: interrupted; what was committed is kept\n"; !strings.HasSuffix(r.stderr, want) {
			t.Errorf("interrupted ingest's stderr does not end with %q:\n%s", want, r.stderr)
		}
		noCrashOutput(t, r.stderr)
		n := checkAfterStop(t, ref, dir)
		t.Logf("interrupted after %v with %d papers stored", delay, n)
		resume(t, ref, dir)
		return
	}
	t.Fatalf("every ingest ended before its interrupt")
}

// TestIngestInterruptedWhileReading interrupts ingests that wait for
// more of their standard input: each must stop at once, exit 130 and
// leave a consistent database.
func TestIngestInterruptedWhileReading(t *testing.T) {
	record := `{"id": "2601.%05d", "title": "Waiting %d", "abstract": "We train LipVoicer on LRS3."}` + "\n"
	tests := []struct {
		name    string
		flags   []string
		records int // written before the pipe goes idle
		skip    string
	}{
		{name: "format given", flags: []string{"--format", "jsonl"}, records: 1},
		// More than the 256 KiB that format sniffing reads.
		{name: "format sniffed", records: 4000},
		// Fewer than sniffing reads: the format is told from the first
		// record.
		{name: "format being sniffed", records: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip != "" {
				t.Skip(tt.skip)
			}
			dir := filepath.Join(t.TempDir(), "db")
			cmd, stdin, errOut := startStdinIngest(t, dir, tt.flags...)
			defer stdin.Close()
			for i := range tt.records {
				fmt.Fprintf(stdin, record, i, i)
			}
			waitForLock(t, dir)
			time.Sleep(200 * time.Millisecond) // for the ingest to read what there is
			cmd.Process.Signal(syscall.SIGINT)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				r := ended(t, err, "", errOut.String())
				if r.code != exitInterrupted || r.signaled {
					t.Errorf("exit %d (signaled %v), want %d\nstderr: %s", r.code, r.signaled, exitInterrupted, r.stderr)
				}
				noCrashOutput(t, r.stderr)
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("ingest from an idle pipe did not stop within 10s of SIGINT")
			}
			if r := runBinary(t, nil, "--db", dir, "check"); r.code != 0 {
				t.Errorf("check after the interrupt: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
		})
	}
}

// startStdinIngest starts an ingest of standard input into dir, with
// flags, and returns the pipe to its standard input.
func startStdinIngest(t *testing.T, dir string, flags ...string) (*exec.Cmd, io.WriteCloser, *bytes.Buffer) {
	t.Helper()
	args := append(append([]string{"--db", dir, "ingest", "-q"}, flags...), "-")
	cmd := exec.Command(paperkgBinary(t), args...)
	cmd.Env = childEnv()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd, stdin, &errOut
}

// waitForLock waits until a process holds the database in dir.
func waitForLock(t *testing.T, dir string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		_, err1 := os.Stat(filepath.Join(dir, "LOCK"))
		_, err2 := os.Stat(filepath.Join(dir, "MANIFEST"))
		if err1 == nil && err2 == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no process took the database %s within 30s", dir)
}

// TestDatabaseInUse runs commands on a database that an ingest holds
// open: each fails at once with a message that says so.
func TestDatabaseInUse(t *testing.T) {
	mustBinary(t, "help")
	dir := filepath.Join(t.TempDir(), "db")
	cmd, stdin, errOut := startStdinIngest(t, dir)
	// The ingest holds the database while it waits for more input.
	fmt.Fprintln(stdin, `{"id": "2601.00001", "title": "Holding the Lock", "abstract": "We train LipVoicer on LRS3."}`)
	waitForLock(t, dir)

	other := filepath.Join(t.TempDir(), "other.jsonl")
	if err := os.WriteFile(other, []byte(`{"id": "2601.00002", "title": "Second Writer"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("paperkg: store: database %s is in use by another paperkg process", dir)
	for _, args := range [][]string{
		{"stats"},
		{"stats", "--json"},
		{"ingest", "-q", other},
		{"papers"},
		{"check"},
		{"check", "--repair"},
	} {
		t.Run(strings.Join(args[:min(len(args), 2)], " "), func(t *testing.T) {
			start := time.Now()
			r := runBinary(t, nil, append([]string{"--db", dir}, args...)...)
			if took := time.Since(start); took > time.Second {
				t.Errorf("took %v to fail, want under a second", took)
			}
			if r.code != exitFailure || r.signaled {
				t.Errorf("exit %d, want %d", r.code, exitFailure)
			}
			if !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("stderr is not the one line %q…:\n%s", want, r.stderr)
			}
			noCrashOutput(t, r.stderr)
		})
	}

	stdin.Close()
	r := ended(t, cmd.Wait(), "", errOut.String())
	if r.code != 0 {
		t.Fatalf("the ingest holding the database: exit %d\nstderr: %s", r.code, r.stderr)
	}
	if st := mustBinary(t, "--db", dir, "stats", "--json").stdout; !strings.Contains(st, `"papers": 1,`) {
		t.Errorf("stats after the holding ingest ended:\n%s", st)
	}
}

// TestIngestDiskFull ingests onto a file system that fills up: ingest
// must fail with a message, and once there is room again the database
// must be consistent and the ingest resumable. It needs root, to mount a
// small tmpfs.
func TestIngestDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	ref := ingestReference(t)
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v: %s", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", mnt, err, out)
		}
	})
	// Leave a few megabytes: room for the database's creation, less than
	// the free space paperkg wants before it commits papers.
	if err := os.WriteFile(filepath.Join(mnt, "filler"), make([]byte, 8<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(mnt, "db")
	r := runBinary(t, nil, "--db", dir, "ingest", "-q", ref.input)
	crashed := r.signaled || strings.Contains(r.stderr, "[signal ")
	if r.code == 0 && !r.signaled {
		t.Fatalf("ingest onto a full file system succeeded:\n%s", r.stderr)
	}

	// Room again: the database must be as a crash leaves it.
	if out, err := exec.Command("mount", "-o", "remount,size=256m", mnt).CombinedOutput(); err != nil {
		t.Fatalf("remount larger: %v: %s", err, out)
	}
	n := checkAfterStop(t, ref, dir)
	t.Logf("the full file system stopped the ingest with %d papers stored", n)
	resume(t, ref, dir)

	if crashed {
		head, _, _ := strings.Cut(r.stderr, "\n\ngoroutine ")
		t.Errorf("ingest on a full file system crashed instead of failing with a message:\n%s", head)
	}
	if r.code != exitFailure {
		t.Errorf("ingest onto a full file system: exit %d, want %d", r.code, exitFailure)
	}
	if !strings.Contains(r.stderr, "not enough free space in ") && !strings.Contains(r.stderr, "no space left on device") {
		t.Errorf("ingest onto a full file system does not say the device is full:\n%s", r.stderr)
	}
	noCrashOutput(t, r.stderr)
}

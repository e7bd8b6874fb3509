package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
)

// logWriter sends Badger's warnings to the test log.
type logWriter struct{ t testing.TB }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func testOptions(t testing.TB, dir string) Options {
	return DefaultOptions(dir).WithLogger(logWriter{t})
}

func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(testOptions(t, filepath.Join(t.TempDir(), "db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

func put(t testing.TB, db *DB, docs ...Doc) PutResult {
	t.Helper()
	res, err := db.Put(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Check(context.Background()); err != nil {
		t.Fatalf("after Put: %v", err)
	}
	return res
}

func ent(name string, typ extract.Type, role extract.Role, aliases ...string) extract.Entity {
	return extract.Entity{Name: name, Type: typ, Role: role, Aliases: aliases, Count: 1}
}

func TestOpenOptions(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{"no dir", DefaultOptions(""), "store: no database directory given"},
		{"dir and memory", DefaultOptions(dir).WithInMemory(true), `store: in-memory database with directory "` + dir + `": set Dir or InMemory, not both`},
		{"one compactor", DefaultOptions(dir).WithNumCompactors(1), "store: NumCompactors 1 must be 0 or at least 2"},
		{"tiny memtable", DefaultOptions(dir).WithMemTableSize(1000), "store: MemTableSize 1000 is below the minimum of 1048576"},
		{"no block cache", DefaultOptions(dir).WithBlockCacheSize(0), "store: BlockCacheSize 0 must be positive"},
		{"read-only missing", DefaultOptions(filepath.Join(dir, "none")).WithReadOnly(true), `store: no database at "` + filepath.Join(dir, "none") + `": file does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(tt.opt)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			if err.Error() != tt.want {
				t.Errorf("Open error:\n got %s\nwant %s", err, tt.want)
			}
		})
	}
	t.Run("other files", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Open(testOptions(t, dir))
		want := `store: "` + dir + `" is not a paperkg database and not empty: give a new or empty directory`
		if err == nil || err.Error() != want {
			t.Errorf("Open error = %v, want %s", err, want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("Open left %d files in the directory, want only the user's", len(entries))
		}
	})
	t.Run("in memory", func(t *testing.T) {
		db, err := Open(DefaultOptions("").WithInMemory(true))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if res := put(t, db, Doc{Paper: corpus.Paper{Title: "A"}}); res.Added != 1 {
			t.Errorf("Put = %+v, want one added", res)
		}
	})
}

func TestRoundTrip(t *testing.T) {
	db := openTest(t)
	p1 := corpus.Paper{ArXivID: "2501.00001", Title: "LipVoicer: Generating Speech from Silent Videos", Abstract: "We train LipVoicer on LRS3.", Year: 2025, Authors: []string{"A. Author"}, Source: "jsonl"}
	p2 := corpus.Paper{DOI: "10.1000/XYZ", Title: "Reading Lips", Abstract: "We use LRS3 and LipVoicer."}
	docs := []Doc{
		{Paper: p1, Entities: []extract.Entity{
			{Name: "LipVoicer", Type: extract.Model, Role: extract.Introduces, Count: 2, Offset: 0},
			{Name: "LRS3", Type: extract.Dataset, Role: extract.Uses, Count: 1, Offset: 60},
		}},
		{Paper: p2, Entities: []extract.Entity{
			{Name: "LRS3", Type: extract.Dataset, Role: extract.Uses, Count: 1, Offset: 20},
			{Name: "LipVoicer", Type: extract.Model, Role: extract.Uses, Count: 1, Offset: 29},
		}},
	}
	if res := put(t, db, docs...); res != (PutResult{Added: 2}) {
		t.Errorf("Put = %+v, want 2 added", res)
	}

	for _, p := range []corpus.Paper{p1, p2} {
		got, err := db.Paper(p.PID())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p, got); diff != "" {
			t.Errorf("Paper(%q) (-want +got):\n%s", p.PID(), diff)
		}
	}
	if _, err := db.Paper("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Paper(nope) error = %v, want ErrNotFound", err)
	}

	ms, err := db.Mentions("2501.00001")
	if err != nil {
		t.Fatal(err)
	}
	wantMs := []Mention{
		{EID: "lipvoicer", Role: extract.Introduces, Type: extract.Model, Count: 2, Offset: 0},
		{EID: "lrs3", Role: extract.Uses, Type: extract.Dataset, Count: 1, Offset: 60},
	}
	if diff := cmp.Diff(wantMs, ms); diff != "" {
		t.Errorf("Mentions (-want +got):\n%s", diff)
	}

	e, err := db.LookupEntity("lip-voicer")
	if err != nil {
		t.Fatal(err)
	}
	wantE := Entity{ID: "lipvoicer", Name: "LipVoicer", Type: extract.Model, Aliases: []string{}, Papers: 2, Introduced: 1}
	if diff := cmp.Diff(wantE, e); diff != "" {
		t.Errorf("LookupEntity (-want +got):\n%s", diff)
	}
	if _, err := db.Entity("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Entity(nope) error = %v, want ErrNotFound", err)
	}

	type pr struct {
		PID  string
		Role extract.Role
	}
	var got []pr
	err = db.EntityPapers("lipvoicer", func(pid string, role extract.Role) error {
		got = append(got, pr{pid, role})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []pr{{"10.1000/xyz", extract.Uses}, {"2501.00001", extract.Introduces}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EntityPapers (-want +got):\n%s", diff)
	}
	if err := db.EntityPapers("nope", func(string, extract.Role) error { return nil }); !errors.Is(err, ErrNotFound) {
		t.Errorf("EntityPapers(nope) error = %v, want ErrNotFound", err)
	}

	var titles []string
	if err := db.EachPaper(context.Background(), func(p corpus.Paper) error {
		titles = append(titles, p.Title)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Reading Lips", p1.Title}, titles); diff != "" {
		t.Errorf("EachPaper titles (-want +got):\n%s", diff)
	}
	var names []string
	if err := db.EachEntity(context.Background(), func(e Entity) error {
		names = append(names, e.Name)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"LipVoicer", "LRS3"}, names); diff != "" {
		t.Errorf("EachEntity names (-want +got):\n%s", diff)
	}

	st, err := db.Stats()
	if err != nil {
		t.Fatal(err)
	}
	wantSt := Stats{Schema: SchemaVersion, Papers: 2, Entities: 2, Mentions: 4, ByType: map[extract.Type]int{extract.Model: 1, extract.Dataset: 1}}
	if diff := cmp.Diff(wantSt, st); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf(`{"schema":%d,"papers":2,"entities":2,"mentions":4,"by_type":{"dataset":1,"model":1}}`, SchemaVersion); string(b) != want {
		t.Errorf("Stats JSON = %s, want %s", b, want)
	}
}

func TestPutAgainChangesNothing(t *testing.T) {
	db := openTest(t)
	docs := []Doc{
		{Paper: corpus.Paper{ArXivID: "1", Title: "One", Abstract: "Uses PPO."}, Entities: []extract.Entity{ent("PPO", extract.Method, extract.Uses)}},
		{Paper: corpus.Paper{Title: "Two", Abstract: "Uses RLHF and PPO."}, Entities: []extract.Entity{
			ent("RLHF", extract.Method, extract.Uses, "reinforcement learning from human feedback"), ent("PPO", extract.Method, extract.Uses)}},
	}
	put(t, db, docs...)
	st1, _ := db.Stats()
	j1, _ := json.Marshal(st1)
	version := db.bdb.MaxVersion()

	// A record with less information than the stored one is unchanged too.
	less := Doc{Paper: corpus.Paper{ArXivID: "1", Title: "One"}}
	res := put(t, db, append(docs, less)...)
	if want := (PutResult{Unchanged: 3}); res != want {
		t.Errorf("second Put = %+v, want %+v", res, want)
	}
	st2, _ := db.Stats()
	j2, _ := json.Marshal(st2)
	if string(j1) != string(j2) {
		t.Errorf("Stats changed:\n%s\n%s", j1, j2)
	}
	if v := db.bdb.MaxVersion(); v != version {
		t.Errorf("second Put committed: version %d, was %d", v, version)
	}
}

func TestMergeSamePaper(t *testing.T) {
	tests := []struct {
		name       string
		first      corpus.Paper
		second     corpus.Paper
		papers     int
		key        string
		want       corpus.Paper // the stored record under key
		reextracts int
	}{
		{
			name:   "arxiv id adds abstract",
			first:  corpus.Paper{ArXivID: "2501.1", Title: "Alpha Model"},
			second: corpus.Paper{ArXivID: "2501.1", Title: "Alpha Model", Abstract: "Alpha uses MMLU.", Year: 2025},
			papers: 1, key: "2501.1",
			want: corpus.Paper{ArXivID: "2501.1", Title: "Alpha Model", Abstract: "Alpha uses MMLU.", Year: 2025},
		},
		{
			name:   "doi in other case",
			first:  corpus.Paper{DOI: "10.1/ABC", ID: "W1", Title: "Beta"},
			second: corpus.Paper{DOI: "10.1/abc", ArXivID: "2502.2", Title: "Beta", Abstract: "Beta uses MMLU."},
			papers: 1, key: "10.1/abc",
			want: corpus.Paper{ID: "W1", DOI: "10.1/ABC", ArXivID: "2502.2", Title: "Beta", Abstract: "Beta uses MMLU."},
		},
		{
			name:   "title only",
			first:  corpus.Paper{Title: "Secrets of RLHF in Large Language Models Part I: PPO", Source: "papers-page"},
			second: corpus.Paper{Title: "secrets of rlhf in large language models  part i ppo", DOI: "10.9/x", Abstract: "PPO and MMLU."},
			papers: 1, key: (&corpus.Paper{Title: "Secrets of RLHF in Large Language Models Part I: PPO"}).PID(),
			// The stored title is kept, so the merged text is new: its
			// entities come from reextract.
			want:       corpus.Paper{Title: "Secrets of RLHF in Large Language Models Part I: PPO", DOI: "10.9/x", Abstract: "PPO and MMLU.", Source: "papers-page"},
			reextracts: 1,
		},
		{
			name:   "same title, other arxiv id",
			first:  corpus.Paper{ArXivID: "1", Title: "Introduction"},
			second: corpus.Paper{ArXivID: "2", Title: "Introduction", Abstract: "MMLU."},
			papers: 2, key: "1",
			want: corpus.Paper{ArXivID: "1", Title: "Introduction"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			put(t, db, Doc{Paper: tt.first})
			calls := 0
			reextract := func(p corpus.Paper) []extract.Entity {
				calls++
				return []extract.Entity{ent("MMLU", extract.Benchmark, extract.Uses), ent("PPO", extract.Method, extract.Uses)}
			}
			res, err := db.Put(context.Background(), []Doc{{Paper: tt.second, Entities: []extract.Entity{ent("MMLU", extract.Benchmark, extract.Uses)}}}, reextract)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Check(context.Background()); err != nil {
				t.Fatal(err)
			}
			wantRes := PutResult{Updated: 1}
			if tt.papers == 2 {
				wantRes = PutResult{Added: 1}
			}
			if res != wantRes {
				t.Errorf("Put = %+v, want %+v", res, wantRes)
			}
			if calls != tt.reextracts {
				t.Errorf("reextract called %d times, want %d", calls, tt.reextracts)
			}
			st, _ := db.Stats()
			if st.Papers != tt.papers {
				t.Errorf("Stats.Papers = %d, want %d", st.Papers, tt.papers)
			}
			got, err := db.Paper(tt.key)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Paper(%q) (-want +got):\n%s", tt.key, diff)
			}
			if tt.papers == 1 {
				// Every identifier of the second record finds the paper.
				pid, err := db.Resolve(tt.second.PID())
				if err != nil || pid != tt.key {
					t.Errorf("Resolve(%q) = %q, %v; want %q", tt.second.PID(), pid, err, tt.key)
				}
				ms, err := db.Mentions(tt.second.PID())
				if err != nil {
					t.Fatal(err)
				}
				if len(ms) != 1+tt.reextracts {
					t.Errorf("Mentions = %+v, want %d", ms, 1+tt.reextracts)
				}
			}
		})
	}
}

func TestAliasesMergeEntities(t *testing.T) {
	llm := []extract.Entity{
		ent("large language models", extract.Method, extract.Uses),
		ent("LLMs", extract.Method, extract.Uses, "Large Language Models"),
		ent("LLM", extract.Method, extract.Uses),
	}
	mcts := []extract.Entity{
		ent("MCTS", extract.Method, extract.Uses),
		ent("MCTS", extract.Method, extract.Uses, "Monte Carlo tree search"),
		ent("Monte Carlo Tree Search", extract.Method, extract.Uses),
	}
	tests := []struct {
		name  string
		ents  []extract.Entity
		order []int
		want  Entity
	}{
		{"LLM long form first", llm, []int{0, 1, 2}, Entity{ID: "llm", Name: "LLM", Type: extract.Method,
			Aliases: []string{"large language models", "LLMs", "Large Language Models"}, Papers: 3}},
		{"LLM short form first", llm, []int{2, 1, 0}, Entity{ID: "llm", Name: "LLM", Type: extract.Method,
			Aliases: []string{"LLMs", "Large Language Models", "large language models"}, Papers: 3}},
		{"MCTS bare first", mcts, []int{0, 1, 2}, Entity{ID: "mcts", Name: "MCTS", Type: extract.Method,
			Aliases: []string{"Monte Carlo tree search", "Monte Carlo Tree Search"}, Papers: 3}},
		{"MCTS defined first", mcts, []int{1, 0, 2}, Entity{ID: "mcts", Name: "MCTS", Type: extract.Method,
			Aliases: []string{"Monte Carlo tree search", "Monte Carlo Tree Search"}, Papers: 3}},
		{"MCTS long form first", mcts, []int{2, 1, 0}, Entity{ID: "mcts", Name: "MCTS", Type: extract.Method,
			Aliases: []string{"Monte Carlo Tree Search", "Monte Carlo tree search"}, Papers: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			for i, k := range tt.order {
				p := corpus.Paper{ArXivID: string(rune('a' + i)), Title: "Paper " + string(rune('A'+i))}
				put(t, db, Doc{Paper: p, Entities: []extract.Entity{tt.ents[k]}})
			}
			st, _ := db.Stats()
			if st.Entities != 1 {
				t.Errorf("Stats.Entities = %d, want 1", st.Entities)
			}
			for _, e := range tt.ents {
				got, err := db.LookupEntity(e.Name)
				if err != nil {
					t.Fatalf("LookupEntity(%q): %v", e.Name, err)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("LookupEntity(%q) (-want +got):\n%s", e.Name, diff)
				}
			}
		})
	}
}

func TestEntityTypeIsMajority(t *testing.T) {
	db := openTest(t)
	types := []extract.Type{extract.Dataset, extract.Benchmark, extract.Benchmark}
	for i, typ := range types {
		put(t, db, Doc{Paper: corpus.Paper{ArXivID: string(rune('a' + i)), Title: "T"}, Entities: []extract.Entity{ent("GSM8K", typ, extract.Uses)}})
	}
	e, err := db.LookupEntity("gsm8k")
	if err != nil {
		t.Fatal(err)
	}
	if e.Type != extract.Benchmark {
		t.Errorf("type = %q, want benchmark", e.Type)
	}
	st, _ := db.Stats()
	if diff := cmp.Diff(map[extract.Type]int{extract.Benchmark: 1}, st.ByType); diff != "" {
		t.Errorf("ByType (-want +got):\n%s", diff)
	}
}

func TestUpdateReplacesMentions(t *testing.T) {
	db := openTest(t)
	put(t, db,
		Doc{Paper: corpus.Paper{ArXivID: "1", Title: "Old"}, Entities: []extract.Entity{ent("OldNet", extract.Model, extract.Introduces), ent("PPO", extract.Method, extract.Uses)}},
		Doc{Paper: corpus.Paper{ArXivID: "2", Title: "Other"}, Entities: []extract.Entity{ent("PPO", extract.Method, extract.Uses)}},
	)
	reextract := func(corpus.Paper) []extract.Entity {
		return []extract.Entity{ent("PPO", extract.Method, extract.Introduces), ent("NewNet", extract.Model, extract.Introduces, "New Network")}
	}
	res, err := db.Put(context.Background(), []Doc{{Paper: corpus.Paper{ArXivID: "1", Title: "old", Abstract: "Now with an abstract."}}}, reextract)
	if err != nil {
		t.Fatal(err)
	}
	if res != (PutResult{Updated: 1}) {
		t.Errorf("Put = %+v, want one updated", res)
	}
	if err := db.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"OldNet", "oldnet"} {
		if _, err := db.LookupEntity(name); !errors.Is(err, ErrNotFound) {
			t.Errorf("LookupEntity(%q) error = %v, want ErrNotFound", name, err)
		}
	}
	ppo, err := db.LookupEntity("PPO")
	if err != nil {
		t.Fatal(err)
	}
	if ppo.Papers != 2 || ppo.Introduced != 1 {
		t.Errorf("PPO = %+v, want 2 papers, 1 introducing", ppo)
	}
	if _, err := db.LookupEntity("new network"); err != nil {
		t.Errorf("LookupEntity(new network): %v", err)
	}
	st, _ := db.Stats()
	want := Stats{Schema: SchemaVersion, Papers: 2, Entities: 2, Mentions: 3, ByType: map[extract.Type]int{extract.Method: 1, extract.Model: 1}}
	if diff := cmp.Diff(want, st); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
}

// TestCountersMatchScan puts and updates papers drawn at random from a small
// vocabulary, and checks after every Put that the counters equal a scan.
func TestCountersMatchScan(t *testing.T) {
	db := openTest(t)
	vocab := []extract.Entity{
		ent("LLM", extract.Method, extract.Uses, "large language models"),
		ent("LLMs", extract.Method, extract.Uses),
		ent("PPO", extract.Method, extract.Uses, "proximal policy optimization"),
		ent("RLHF", extract.Method, extract.Introduces),
		ent("MMLU", extract.Benchmark, extract.Uses),
		ent("MMLU", extract.Dataset, extract.Uses),
		ent("GSM8K", extract.Benchmark, extract.Uses),
		ent("Monte Carlo tree search", extract.Method, extract.Uses),
		ent("MCTS", extract.Method, extract.Introduces, "Monte Carlo tree search"),
		ent("-", extract.Method, extract.Uses),
	}
	seed := uint64(1)
	next := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	reextract := func(p corpus.Paper) []extract.Entity {
		var es []extract.Entity
		for i := range vocab {
			if (len(p.Abstract)+i)%3 == 0 {
				es = append(es, vocab[i])
			}
		}
		return es
	}
	for round := 0; round < 30; round++ {
		var docs []Doc
		for i := 0; i < 5; i++ {
			p := corpus.Paper{Title: "Paper " + string(rune('a'+next(12)))}
			if next(2) == 0 {
				p.Abstract = strings.Repeat("x", next(5))
			}
			var es []extract.Entity
			for j := 0; j < next(5); j++ {
				es = append(es, vocab[next(len(vocab))])
			}
			docs = append(docs, Doc{Paper: p, Entities: es})
		}
		if _, err := db.Put(context.Background(), docs, reextract); err != nil {
			t.Fatal(err)
		}
		if err := db.Check(context.Background()); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	st, _ := db.Stats()
	if st.Papers == 0 || st.Entities == 0 || st.Mentions == 0 {
		t.Errorf("Stats = %+v, want some of everything", st)
	}
}

func TestPutSplitsTransactions(t *testing.T) {
	// A 1 MB memtable takes transactions of 150 KB: 200 papers of 2 KB
	// need several.
	db, err := Open(testOptions(t, t.TempDir()).WithMemTableSize(1 << 20))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var docs []Doc
	for i := 0; i < 200; i++ {
		p := corpus.Paper{ArXivID: "2501." + strings.Repeat("0", 3) + string(rune('a'+i%26)) + string(rune('a'+i/26)), Title: "T", Abstract: strings.Repeat("y", 2000)}
		docs = append(docs, Doc{Paper: p, Entities: []extract.Entity{ent("PPO", extract.Method, extract.Uses)}})
	}
	before := db.bdb.MaxVersion()
	res, err := db.Put(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 200 {
		t.Errorf("Put = %+v, want 200 added", res)
	}
	if commits := db.bdb.MaxVersion() - before; commits < 2 || commits > 5 {
		t.Errorf("Put made %d commits, want 2 to 5", commits)
	}
	if err := db.Check(context.Background()); err != nil {
		t.Fatal(err)
	}

	// A paper with thousands of entities cannot be split.
	big := Doc{Paper: corpus.Paper{ArXivID: "Big", Title: "Big"}}
	for i := 0; i < 3000; i++ {
		big.Entities = append(big.Entities, ent(fmt.Sprintf("Entity%d", i), extract.Method, extract.Uses))
	}
	_, err = db.Put(context.Background(), []Doc{big}, nil)
	if !errors.Is(err, badger.ErrTxnTooBig) || !strings.Contains(err.Error(), "larger MemTableSize") {
		t.Errorf("Put of a too big paper: error = %v, want ErrTxnTooBig saying what to do", err)
	}
	if _, err := db.Paper("Big"); !errors.Is(err, ErrNotFound) {
		t.Errorf("too big paper was stored: %v", err)
	}
}

func TestPutCancelled(t *testing.T) {
	db := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	docs := []Doc{
		{Paper: corpus.Paper{ArXivID: "1", Title: "A"}, Entities: []extract.Entity{ent("PPO", extract.Method, extract.Uses)}},
		// The same paper with an abstract, and a title written otherwise:
		// Put calls reextract for it, which cancels ctx.
		{Paper: corpus.Paper{ArXivID: "1", Title: "a", Abstract: "new"}},
		{Paper: corpus.Paper{ArXivID: "2", Title: "B"}, Entities: []extract.Entity{ent("PPO", extract.Method, extract.Uses)}},
	}
	calls := 0
	reextract := func(corpus.Paper) []extract.Entity {
		calls++
		cancel()
		return []extract.Entity{ent("GPT-4", extract.Model, extract.Uses)}
	}
	res, err := db.Put(ctx, docs, reextract)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Put error = %v, want context.Canceled", err)
	}
	if res != (PutResult{Added: 1, Updated: 1}) || calls != 1 {
		t.Errorf("Put = %+v with %d reextracts, want 1 added, 1 updated, 1 reextract", res, calls)
	}
	if err := db.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	if p, err := db.Paper("1"); err != nil || p.Abstract != "new" {
		t.Errorf("Paper(1) = %+v, %v; want the merged paper", p, err)
	}
	if _, err := db.Paper("2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("paper after cancel was stored: %v", err)
	}
}

func TestPutInvalid(t *testing.T) {
	db := openTest(t)
	docs := []Doc{{Paper: corpus.Paper{Title: "Fine"}}, {Paper: corpus.Paper{Abstract: "no title"}}}
	_, err := db.Put(context.Background(), docs, nil)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Put error = %v, want ErrInvalid", err)
	}
	if want := "store: doc 1: paper has neither an id nor a title: store: invalid document"; err.Error() != want {
		t.Errorf("Put error = %q, want %q", err, want)
	}
	if st, _ := db.Stats(); st.Papers != 0 {
		t.Errorf("Put wrote %d papers before failing", st.Papers)
	}
}

func TestSlashInPID(t *testing.T) {
	db := openTest(t)
	put(t, db,
		Doc{Paper: corpus.Paper{DOI: "10.1/a", Title: "A"}, Entities: []extract.Entity{ent("PPO", extract.Method, extract.Uses)}},
		Doc{Paper: corpus.Paper{DOI: "10.1/a/b", Title: "B"}, Entities: []extract.Entity{ent("GPT-4", extract.Model, extract.Uses)}},
	)
	for pid, want := range map[string]string{"10.1/a": "ppo", "10.1/a/b": "gpt4"} {
		ms, err := db.Mentions(pid)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 1 || ms[0].EID != want {
			t.Errorf("Mentions(%q) = %+v, want one of %q", pid, ms, want)
		}
	}
}

func TestFindPapers(t *testing.T) {
	db := openTest(t)
	put(t, db,
		Doc{Paper: corpus.Paper{ArXivID: "2501.00001", Title: "Diffusion Models Beat GANs"}},
		Doc{Paper: corpus.Paper{DOI: "10.5/Q", Title: "Diffusion Models"}},
		Doc{Paper: corpus.Paper{Title: "Latent Diffusion Models for High-Resolution Image Synthesis"}},
		Doc{Paper: corpus.Paper{Title: "Transformers"}},
	)
	tests := []struct {
		query string
		limit int
		want  []string
	}{
		{"2501.00001", 0, []string{"Diffusion Models Beat GANs"}},
		{"arXiv:2501.00001v2", 0, []string{"Diffusion Models Beat GANs"}},
		{"https://arxiv.org/abs/2501.00001", 0, []string{"Diffusion Models Beat GANs"}},
		{"https://doi.org/10.5/q", 0, []string{"Diffusion Models"}},
		{"diffusion models", 0, []string{"Diffusion Models", "Diffusion Models Beat GANs", "Latent Diffusion Models for High-Resolution Image Synthesis"}},
		{"diffusion models", 2, []string{"Diffusion Models", "Diffusion Models Beat GANs"}},
		{"Diffus LATENT", 0, []string{"Latent Diffusion Models for High-Resolution Image Synthesis"}},
		{"transformer", 0, []string{"Transformers"}},
		{"former", 0, nil},
		{"", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			ps, err := db.FindPapers(tt.query, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Title)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindPapers(%q, %d) (-want +got):\n%s", tt.query, tt.limit, diff)
			}
		})
	}
}

func TestSchemaRefusal(t *testing.T) {
	tests := []struct {
		name    string
		version string // "" deletes the schema key
		want    string
	}{
		{"newer", "4", `store: database "DIR" has schema version 4, newer than version 3 that this paperkg reads: use a newer paperkg: store: unsupported schema version`},
		{"older", "2", `store: database "DIR" has schema version 2, older than version 3 that this paperkg reads: ingest the papers into a new database: store: unsupported schema version`},
		{"zero", "0", `store: database "DIR" has unknown schema version "0"; this paperkg reads version 3: store: unsupported schema version`},
		{"unknown", "v1", `store: database "DIR" has unknown schema version "v1"; this paperkg reads version 3: store: unsupported schema version`},
		{"missing", "", `store: "DIR" holds a Badger database without a paperkg schema version: store: unsupported schema version`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db, err := Open(testOptions(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			put(t, db, Doc{Paper: corpus.Paper{Title: "A"}})
			err = db.bdb.Update(func(txn *badger.Txn) error {
				if tt.version == "" {
					return txn.Delete([]byte(schemaKey))
				}
				return txn.Set([]byte(schemaKey), []byte(tt.version))
			})
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			for _, ro := range []bool{false, true} {
				db, err = Open(testOptions(t, dir).WithReadOnly(ro))
				if err == nil {
					db.Close()
					t.Fatalf("Open (read-only %v) succeeded", ro)
				}
				if !errors.Is(err, ErrSchema) {
					t.Errorf("Open error = %v, want ErrSchema", err)
				}
				if want := strings.ReplaceAll(tt.want, "DIR", dir); err.Error() != want {
					t.Errorf("Open error:\n got %s\nwant %s", err, want)
				}
			}
		})
	}
}

func TestOpenLocked(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(testOptions(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, ro := range []bool{false, true} {
		start := time.Now()
		db2, err := Open(testOptions(t, dir).WithReadOnly(ro))
		if err == nil {
			db2.Close()
			t.Fatalf("second Open (read-only %v) succeeded", ro)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("second Open took %v, want it to fail fast", d)
		}
		if !errors.Is(err, ErrLocked) {
			t.Errorf("second Open error = %v, want ErrLocked", err)
		}
		want := "store: database " + dir + " is in use by another paperkg process: wait for it to finish, or give another directory"
		if err.Error() != want {
			t.Errorf("second Open error:\n got %s\nwant %s", err, want)
		}
	}
}

func TestReadOnlyAfterClose(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(testOptions(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	put(t, db, Doc{Paper: corpus.Paper{ArXivID: "1", Title: "A"}, Entities: []extract.Entity{ent("PPO", extract.Method, extract.Uses)}})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	ro1, err := Open(testOptions(t, dir).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer ro1.Close()
	// Readers share the database.
	ro2, err := Open(testOptions(t, dir).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer ro2.Close()
	if p, err := ro2.Paper("1"); err != nil || p.Title != "A" {
		t.Errorf("Paper(1) = %+v, %v", p, err)
	}
	if err := ro1.Check(context.Background()); err != nil {
		t.Error(err)
	}
	if _, err := ro1.Put(context.Background(), []Doc{{Paper: corpus.Paper{Title: "B"}}}, nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Put on read-only database: error = %v, want ErrReadOnly", err)
	}
	// A writer cannot join the readers.
	if db, err := Open(testOptions(t, dir)); !errors.Is(err, ErrLocked) {
		if err == nil {
			db.Close()
		}
		t.Errorf("Open for writing beside readers: error = %v, want ErrLocked", err)
	}
}

func TestReadOnlyEmptyDir(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(testOptions(t, dir).WithReadOnly(true))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("read-only Open of an empty directory: error = %v, want fs.ErrNotExist", err)
	}
}

// TestLexiconFormsMerge checks that papers naming a well-known entity by
// different forms of the lexicon's, with no form in common, mention one
// entity.
func TestLexiconFormsMerge(t *testing.T) {
	db := openTest(t)
	put(t, db,
		Doc{Paper: corpus.Paper{ArXivID: "1", Title: "One"}, Entities: []extract.Entity{ent("COCO", extract.Dataset, extract.Uses)}},
		Doc{Paper: corpus.Paper{ArXivID: "2", Title: "Two"}, Entities: []extract.Entity{ent("MS-COCO", extract.Dataset, extract.Uses)}},
		Doc{Paper: corpus.Paper{ArXivID: "3", Title: "Three"}, Entities: []extract.Entity{ent("Microsoft COCO", extract.Dataset, extract.Uses)}},
	)
	if st, _ := db.Stats(); st.Entities != 1 {
		t.Errorf("Stats.Entities = %d, want 1", st.Entities)
	}
	got, err := db.LookupEntity("COCO")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "mscoco" || got.Name != "MS COCO" || got.Papers != 3 {
		t.Errorf("LookupEntity(COCO) = %+v, want ID mscoco, name MS COCO, 3 papers", got)
	}
	if problems, err := db.Verify(context.Background()); err != nil || len(problems) != 0 {
		t.Errorf("Verify = %q, %v; want no problems", strs(problems), err)
	}
}

// TestAbbreviationHomonyms checks that a short form defined to mean
// different things in different papers makes different entities, while
// papers that agree on its meaning, or only write it, share one.
func TestAbbreviationHomonyms(t *testing.T) {
	db := openTest(t)
	def := func(short, long string) extract.Entity {
		e := ent(short, extract.Method, extract.Uses)
		e.Aliases = []string{long}
		return e
	}
	doc := func(id string, e extract.Entity) Doc {
		return Doc{Paper: corpus.Paper{ArXivID: id, Title: "Paper " + id}, Entities: []extract.Entity{e}}
	}
	put(t, db,
		doc("1", def("CA", "cross-attention")),
		doc("2", def("CA", "cellular automata")),
		doc("3", def("CA", "cross attention")),
		doc("4", ent("CA", extract.Method, extract.Uses)),
		doc("5", def("VIT", "visual instruction tuning")),
		doc("6", def("ViT", "Vision Transformers")),
		doc("7", def("MoE", "mixture of experts")),
		doc("8", def("SMoE", "sparse mixture of experts")),
		doc("9", def("PL", "pseudo-labeling")),
		doc("10", def("PL", "Polyak-Łojasiewicz")),
		// The lexicon knows POPE without its long form, and the first
		// paper to spell it out gives it another meaning.
		doc("11", def("POPE", "Pluralistic Off-Policy Evaluation")),
		doc("12", def("POPE", "Polling-based Object Probing Evaluation")),
	)
	tests := []struct {
		name   string
		id     string
		papers int
	}{
		{"cross-attention", "crossattention", 3}, // 1, 3 and the bare CA of 4
		{"cellular automata", "cellularautomata", 1},
		{"visual instruction tuning", "visualinstructiontuning", 1},
		{"Vision Transformer", "vit", 1},
		{"mixture of experts", "mixtureofexpert", 2},
		{"pseudo-labeling", "pseudolabeling", 1},
		{"Polyak-Łojasiewicz", "polyakłojasiewicz", 1},
	}
	for _, tt := range tests {
		got, err := db.LookupEntity(tt.name)
		if err != nil {
			t.Errorf("LookupEntity(%q): %v", tt.name, err)
			continue
		}
		if got.ID != tt.id || got.Papers != tt.papers {
			t.Errorf("LookupEntity(%q) = id %q, %d papers; want %q, %d", tt.name, got.ID, got.Papers, tt.id, tt.papers)
		}
	}
	a, errA := db.LookupEntity("Pluralistic Off-Policy Evaluation")
	b, errB := db.LookupEntity("Polling-based Object Probing Evaluation")
	if errA != nil || errB != nil || a.ID == b.ID || a.Papers != 1 || b.Papers != 1 {
		t.Errorf("the two POPEs: %+v, %v and %+v, %v; want two entities of one paper each", a, errA, b, errB)
	}
	if got, err := db.LookupEntity("VIT"); err != nil || got.ID != "vit" {
		t.Errorf("LookupEntity(VIT) = %+v, %v; want the Vision Transformer", got, err)
	}
	if problems, err := db.Verify(context.Background()); err != nil || len(problems) != 0 {
		t.Errorf("Verify = %q, %v; want no problems", strs(problems), err)
	}
}

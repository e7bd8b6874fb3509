package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
)

// checkFixture fills db with three papers that share entities, one known
// by an alias, so that every table has entries.
func checkFixture(t *testing.T, db *DB) {
	t.Helper()
	put(t, db,
		Doc{Paper: corpus.Paper{ArXivID: "2501.00001", Title: "LipVoicer: Generating Speech from Silent Videos", Abstract: "We train LipVoicer on LRS3 with large language models."},
			Entities: []extract.Entity{
				ent("LipVoicer", extract.Model, extract.Introduces),
				ent("LRS3", extract.Dataset, extract.Uses),
				ent("large language models", extract.Method, extract.Uses, "LLMs"),
			}},
		Doc{Paper: corpus.Paper{DOI: "10.1000/XYZ", Title: "Reading Lips", Abstract: "We use LRS3 and LipVoicer."},
			Entities: []extract.Entity{
				ent("LRS3", extract.Dataset, extract.Uses),
				ent("LipVoicer", extract.Model, extract.Uses),
			}},
		Doc{Paper: corpus.Paper{Title: "Small LLMs Reason", Abstract: "LLMs can reason."},
			Entities: []extract.Entity{ent("LLMs", extract.Model, extract.Uses)}},
	)
}

// dump returns every key and value of the database.
func dump(t *testing.T, db *DB) map[string]string {
	t.Helper()
	kv := make(map[string]string)
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			kv[string(it.Item().KeyCopy(nil))] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return kv
}

func TestVerifyAndRepair(t *testing.T) {
	const (
		p1 = "2501.00001"
		p2 = "10.1000/xyz"
	)
	set := func(k, v string) func(*badger.Txn) error {
		return func(txn *badger.Txn) error { return txn.Set([]byte(k), []byte(v)) }
	}
	del := func(k string) func(*badger.Txn) error {
		return func(txn *badger.Txn) error { return txn.Delete([]byte(k)) }
	}
	count := func(name string, n int64) func(*badger.Txn) error {
		return func(txn *badger.Txn) error { return txn.Set(countKey(name), encodeCount(n)) }
	}
	// Posting keys hold a rank computed from the posting: tk makes the
	// key of paper pid's posting of term as the text v has it, qtk that
	// key quoted as a Problem shows it.
	tk := func(term, pid string, v TermVector) string {
		return string(termKey(term, pid, v.Count(term), v.Length))
	}
	qtk := func(term, pid string, v TermVector) string { return strconv.Quote(tk(term, pid, v)) }
	v1 := Terms("LipVoicer: Generating Speech from Silent Videos", "We train LipVoicer on LRS3 with large language models.")
	v2 := Terms("Reading Lips", "We use LRS3 and LipVoicer.")
	v9 := Terms("Half Done", "Words.")
	stray := TermVector{Terms: []string{"lrs3"}, Counts: []int{1}, Length: 1}
	tests := []struct {
		name    string
		corrupt []func(*badger.Txn) error
		want    []string // Problem.String of each problem
		// restored: the repair gives back the database as it was, as it
		// must when only derived keys were damaged.
		restored bool
		// remaining: problems Repair cannot fix.
		remaining []string
	}{
		{
			name:     "missing index entry",
			corrupt:  []func(*badger.Txn) error{del("epap/lrs3/" + p1)},
			want:     []string{`"pent/2501.00001/lrs3" "epap/lrs3/2501.00001": mention has no index entry`},
			restored: true,
		},
		{
			name:     "index entry with the wrong role",
			corrupt:  []func(*badger.Txn) error{set("epap/lrs3/"+p1, "i")},
			want:     []string{`"epap/lrs3/2501.00001" "pent/2501.00001/lrs3": index entry "i" disagrees with its mention's role "u"`},
			restored: true,
		},
		{
			name:     "index entry without a mention",
			corrupt:  []func(*badger.Txn) error{set("epap/lrs3/"+p2+"x", "u")},
			want:     []string{`"epap/lrs3/10.1000/xyzx": index entry has no mention`},
			restored: true,
		},
		{
			name:    "lost mention",
			corrupt: []func(*badger.Txn) error{del("pent/" + p1 + "/lrs3")},
			want: []string{
				`"epap/lrs3/2501.00001": index entry has no mention`,
				`"ent/lrs3": entity counts 2 papers, 0 introducing, but has 1, 0`,
				`"ent/lrs3": entity has type votes map[dataset:2], its mentions map[dataset:1]`,
				`"meta/count/mentions": counter is 6, the tables hold 5`,
			},
		},
		{
			name:    "mention of a missing paper",
			corrupt: []func(*badger.Txn) error{set("pent/nopaper/lrs3", string(mention{role: extract.Uses, typ: extract.Dataset, count: 1}.encode()))},
			want: []string{
				`"pent/nopaper/lrs3": mention of missing paper "nopaper"`,
			},
			restored: true,
		},
		{
			name:    "mention that does not decode",
			corrupt: []func(*badger.Txn) error{set("pent/"+p1+"/lrs3", "x")},
			want: []string{
				`"pent/2501.00001/lrs3": mention does not decode`,
				`"epap/lrs3/2501.00001": index entry has no mention`,
				`"ent/lrs3": entity counts 2 papers, 0 introducing, but has 1, 0`,
				`"ent/lrs3": entity has type votes map[dataset:2], its mentions map[dataset:1]`,
				`"meta/count/mentions": counter is 6, the tables hold 5`,
			},
		},
		{
			name:    "lost entity",
			corrupt: []func(*badger.Txn) error{del("ent/lrs3")},
			want:    []string{`"ent/lrs3": 2 papers mention missing entity`},
		},
		{
			name:    "entity that does not decode",
			corrupt: []func(*badger.Txn) error{set("ent/lrs3", "{")},
			want: []string{
				`"ent/lrs3": entity does not decode; 2 papers mention it`,
			},
		},
		{
			name:    "entity counts",
			corrupt: []func(*badger.Txn) error{set("ent/lrs3", `{"name":"LRS3","type":"model","forms":["lrs3"],"papers":5,"introduced":1,"votes":{"dataset":2}}`)},
			want: []string{
				`"ent/lrs3": entity counts 5 papers, 1 introducing, but has 2, 0`,
				`"ent/lrs3": entity has type "model", its mentions' majority is "dataset"`,
			},
			restored: true,
		},
		{
			name: "entity without papers",
			corrupt: []func(*badger.Txn) error{
				set("ent/ghost", `{"name":"Ghost","type":"model","forms":["ghost"],"papers":1,"introduced":0,"votes":{"model":1}}`),
				set("alias/ghost", "ghost"),
			},
			want: []string{
				`"ent/ghost": entity has no papers`,
				`"alias/ghost": alias names entity "ghost", which no paper mentions`,
			},
			restored: true,
		},
		{
			name:     "dangling alias",
			corrupt:  []func(*badger.Txn) error{set("alias/nothing", "nothing")},
			want:     []string{`"alias/nothing": alias names missing entity "nothing"`},
			restored: true,
		},
		{
			name:     "form registered to another entity",
			corrupt:  []func(*badger.Txn) error{set("alias/llm", "lrs3")},
			want:     []string{`"alias/llm" "ent/llm": form of entity "llm" is registered to "lrs3"`},
			restored: true,
		},
		{
			name:     "unregistered form",
			corrupt:  []func(*badger.Txn) error{del("alias/llm")},
			want:     []string{`"alias/llm" "ent/llm": form of entity "llm" is not registered`},
			restored: true,
		},
		{
			name:     "dangling title",
			corrupt:  []func(*badger.Txn) error{set("title/nothing", "nopaper")},
			want:     []string{`"title/nothing": index entry names missing paper "nopaper"`},
			restored: true,
		},
		{
			name:     "lost arXiv id",
			corrupt:  []func(*badger.Txn) error{del("xid/arxiv:" + p1)},
			want:     []string{`"paper/2501.00001" "xid/arxiv:2501.00001": paper has no index entry "xid/arxiv:2501.00001"`},
			restored: true,
		},
		{
			name: "counters",
			corrupt: []func(*badger.Txn) error{
				count(papersCounter, 7), count(typeCountKey("model"), 5), del(string(countKey(tokensCounter))), count("type/metric", 1),
			},
			want: []string{
				`"meta/count/papers": counter is 7, the tables hold 3`,
				`"meta/count/tokens": counter is 0, the tables hold 31`,
				`"meta/count/type/metric": counter is 1, the tables hold 0`,
				`"meta/count/type/model": counter is 5, the tables hold 1`,
			},
			restored: true,
		},
		{
			name:     "counter that does not decode",
			corrupt:  []func(*badger.Txn) error{set(string(countKey(entitiesCounter)), "x")},
			want:     []string{`"meta/count/entities": counter does not decode`},
			restored: true,
		},
		{
			name:     "lost term vector",
			corrupt:  []func(*badger.Txn) error{del("text/" + p1)},
			want:     []string{`"paper/2501.00001" "text/2501.00001": paper has no term vector`},
			restored: true,
		},
		{
			name: "postings",
			corrupt: []func(*badger.Txn) error{
				del(tk("lipvoicer", p1, v1)), set(string(termKey("zebra", p1, 1, 5)), "\x01\x05"), set(tk("lrs3", p1, v1), "\x09\x09"),
				set(tk("lrs3", "nopaper", stray), "\x01\x01"),
			},
			want: []string{
				qtk("lrs3", "nopaper", stray) + `: 1 postings of missing paper "nopaper"`,
				`"paper/2501.00001" ` + qtk("lrs3", p1, v1) + " " + strconv.Quote(string(termKey("zebra", p1, 1, 5))) +
					` and 1 more: postings disagree with the paper's terms: 1 missing, 1 extra, 1 wrong`,
			},
			restored: true,
		},
		{
			// A posting filed under the rank of another count and length
			// is not found where readers look for it.
			name: "posting out of rank",
			corrupt: []func(*badger.Txn) error{
				del(tk("lrs3", p1, v1)), set(string(termKey("lrs3", p1, 9, 1)), string(postingValue(v1.Count("lrs3"), v1.Length))),
			},
			want: []string{
				`"paper/2501.00001" ` + strconv.Quote(string(termKey("lrs3", p1, 9, 1))) + " " + qtk("lrs3", p1, v1) +
					`: postings disagree with the paper's terms: 1 missing, 1 extra, 0 wrong`,
			},
			restored: true,
		},
		{
			name: "document frequencies",
			corrupt: []func(*badger.Txn) error{
				set("tdf/lrs3", "\x05"), del("tdf/lipvoicer"), set("tdf/zebra", "\x01"), set("tdf/reason", "\xff"),
			},
			want: []string{
				`"tdf/lrs3": document frequency is 5, the postings hold 2`,
				`"tdf/reason": document frequency does not decode`,
				`"tdf/zebra": document frequency is 1, the postings hold 0`,
				`"tdf/lipvoicer": 1 terms have no document frequency`,
			},
			restored: true,
		},
		{
			// A paper whose record alone reached the disk, as a write
			// that is not atomic can leave it: its index entries, terms
			// and counters are missing, and Repair adds them. (Its
			// mentions cannot be told from the database.)
			name: "half-written paper",
			corrupt: []func(*badger.Txn) error{
				set("paper/2501.00009", `{"arxiv_id":"2501.00009","title":"Half Done","abstract":"Words."}`),
			},
			want: []string{
				`"paper/2501.00009" "title/half done": paper has no index entry "title/half done"`,
				`"paper/2501.00009" "xid/arxiv:2501.00009": paper has no index entry "xid/arxiv:2501.00009"`,
				`"paper/2501.00009" "text/2501.00009": paper has no term vector`,
				`"paper/2501.00009" ` + qtk("half", "2501.00009", v9) + " " + qtk("word", "2501.00009", v9) + `: postings disagree with the paper's terms: 2 missing, 0 extra, 0 wrong`,
				`"tdf/half" "tdf/word": 2 terms have no document frequency`,
				`"meta/count/papers": counter is 3, the tables hold 4`,
				`"meta/count/tokens": counter is 31, the tables hold 34`,
			},
		},
		{
			name:    "lost paper",
			corrupt: []func(*badger.Txn) error{del("paper/" + p2)},
			want: []string{
				`"title/reading lips": index entry names missing paper "10.1000/xyz"`,
				`"xid/doi:10.1000/xyz": index entry names missing paper "10.1000/xyz"`,
				`"text/10.1000/xyz": term vector of missing paper "10.1000/xyz"`,
				qtk("lip", p2, v2) + " " + qtk("lipvoicer", p2, v2) + " " + qtk("lrs3", p2, v2) + ` and 2 more: 5 postings of missing paper "10.1000/xyz"`,
				// Repair deletes those postings, and the papers of their
				// terms are one fewer.
				`"tdf/lip": document frequency is 1, the postings hold 0`,
				`"tdf/lipvoicer": document frequency is 2, the postings hold 1`,
				`"tdf/lrs3": document frequency is 2, the postings hold 1`,
				`"tdf/reading": document frequency is 1, the postings hold 0`,
				`"tdf/use": document frequency is 1, the postings hold 0`,
				`"pent/10.1000/xyz/lipvoicer": mention of missing paper "10.1000/xyz"`,
				`"pent/10.1000/xyz/lrs3": mention of missing paper "10.1000/xyz"`,
				`"epap/lipvoicer/10.1000/xyz": index entry has no mention`,
				`"epap/lrs3/10.1000/xyz": index entry has no mention`,
				`"ent/lipvoicer": entity counts 2 papers, 1 introducing, but has 1, 1`,
				`"ent/lipvoicer": entity has type votes map[model:2], its mentions map[model:1]`,
				`"ent/lrs3": entity counts 2 papers, 0 introducing, but has 1, 0`,
				`"ent/lrs3": entity has type votes map[dataset:2], its mentions map[dataset:1]`,
				`"meta/count/mentions": counter is 6, the tables hold 4`,
				`"meta/count/papers": counter is 3, the tables hold 2`,
				`"meta/count/tokens": counter is 31, the tables hold 24`,
			},
		},
		{
			name:      "paper that does not decode",
			corrupt:   []func(*badger.Txn) error{set("paper/"+p1, "{")},
			want:      []string{`"paper/2501.00001": paper does not decode: unexpected end of JSON input`},
			remaining: []string{`"paper/2501.00001": paper does not decode: unexpected end of JSON input`},
		},
		{
			name:      "schema",
			corrupt:   []func(*badger.Txn) error{set(schemaKey, "9")},
			want:      []string{`"meta/schema": schema version "9" is not 3, the one this paperkg reads`},
			remaining: []string{`"meta/schema": schema version "9" is not 3, the one this paperkg reads`},
		},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			checkFixture(t, db)
			before := dump(t, db)
			for _, f := range tt.corrupt {
				if err := db.bdb.Update(f); err != nil {
					t.Fatal(err)
				}
			}
			problems, err := db.Verify(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, strs(problems)); diff != "" {
				t.Errorf("Verify (-want +got):\n%s", diff)
			}
			if err := db.Check(ctx); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), tt.want[0]) {
				t.Errorf("Check = %v, want ErrCorrupt with %s", err, tt.want[0])
			}

			res, err := db.Repair(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.remaining, strs(res.Remaining)); diff != "" {
				t.Errorf("Repair left (-want +got):\n%s", diff)
			}
			if got, want := len(res.Fixed), len(tt.want)-len(tt.remaining); got != want {
				t.Errorf("Repair fixed %d problems, want %d: %q", got, want, strs(res.Fixed))
			}
			problems, err = db.Verify(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.remaining, strs(problems)); diff != "" {
				t.Errorf("Verify after Repair (-want +got):\n%s", diff)
			}
			if tt.restored {
				if diff := cmp.Diff(before, dump(t, db)); diff != "" {
					t.Errorf("Repair did not restore the database (-before +after):\n%s", diff)
				}
			}
			again, err := db.Repair(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if again.Writes != 0 {
				t.Errorf("second Repair wrote %d keys, want 0: %q", again.Writes, strs(again.Fixed))
			}
		})
	}
}

func strs(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// TestRepairLargeRebuild loses a whole table and has Repair rebuild it in
// several transactions.
func TestRepairLargeRebuild(t *testing.T) {
	db := openTest(t)
	var docs []Doc
	for i := range 400 {
		docs = append(docs, Doc{
			Paper: corpus.Paper{ArXivID: fmt.Sprintf("2501.%05d", i), Title: fmt.Sprintf("Paper %d on LRS3", i), Abstract: "We use LRS3, LipVoicer and MCTS."},
			Entities: []extract.Entity{
				ent("LRS3", extract.Dataset, extract.Uses),
				ent("LipVoicer", extract.Model, extract.Uses),
				ent(fmt.Sprintf("Method%d", i), extract.Method, extract.Introduces),
			},
		})
	}
	put(t, db, docs...)
	before := dump(t, db)
	err := db.bdb.DropPrefix([]byte(epapPrefix), []byte(termPrefix))
	if err != nil {
		t.Fatal(err)
	}
	problems, err := db.Verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1200+400 {
		t.Errorf("Verify found %d problems, want 1600 (a missing index entry a mention, a term index a paper)", len(problems))
	}
	res, err := db.Repair(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Writes <= maxRepairWrites {
		t.Errorf("Repair wrote %d keys, want more than one transaction's %d", res.Writes, maxRepairWrites)
	}
	if len(res.Remaining) != 0 {
		t.Errorf("Repair left %q", strs(res.Remaining))
	}
	if diff := cmp.Diff(before, dump(t, db)); diff != "" {
		t.Errorf("Repair did not restore the database (-before +after):\n%s", diff)
	}
}

func TestRepairReadOnly(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(testOptions(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	checkFixture(t, db)
	db.Close()
	ro, err := Open(testOptions(t, dir).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Repair(context.Background()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Repair on a read-only database = %v, want ErrReadOnly", err)
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Msg: "schema version is missing"}, "schema version is missing"},
		{Problem{Keys: []string{"a\nb"}, Msg: "bad"}, `"a\nb": bad`},
		{Problem{Keys: []string{"a", "b", "c", "d", "e"}, Msg: "bad"}, `"a" "b" "c" and 2 more: bad`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

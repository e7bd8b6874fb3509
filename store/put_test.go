package store

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"testing"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
)

// revisions returns docs followed by records that add to some of their
// papers and change the entities of others, so that Put updates papers
// written earlier in the same call.
func revisions(docs []Doc) []Doc {
	out := append([]Doc(nil), docs...)
	for i := 0; i < len(docs); i += 7 {
		d := docs[i]
		d.Paper.DOI = fmt.Sprintf("10.1000/%d", i)
		d.Paper.Abstract += " Revised."
		d.Entities = append(d.Entities[:len(d.Entities):len(d.Entities)], ent("PPO", extract.Method, extract.Uses))
		if i%3 == 0 {
			d.Entities = d.Entities[1:]
		}
		out = append(out, d)
	}
	return out
}

// TestPutBatchingSameDatabase checks that the database Put builds does not
// depend on how the papers are split into calls and transactions: each
// paper reads what the papers before it wrote, committed or not.
func TestPutBatchingSameDatabase(t *testing.T) {
	docs := revisions(synthetic(700))
	var want map[string]string
	for _, size := range []int{len(docs), 1, 50, groupPapers + 1} {
		t.Run(fmt.Sprintf("calls of %d", size), func(t *testing.T) {
			db := openTest(t)
			var res PutResult
			for i := 0; i < len(docs); i += size {
				r, err := db.Put(context.Background(), docs[i:min(i+size, len(docs))], nil)
				if err != nil {
					t.Fatal(err)
				}
				res.add(r)
			}
			if wantRes := (PutResult{Added: 700, Updated: 100}); res != wantRes {
				t.Errorf("Put = %+v, want %+v", res, wantRes)
			}
			if err := db.Check(context.Background()); err != nil {
				t.Fatal(err)
			}
			got := dump(t, db)
			if want == nil {
				want = got
				return
			}
			if !maps.Equal(got, want) {
				for k, v := range want {
					if got[k] != v {
						t.Errorf("key %q = %q, want %q", k, got[k], v)
						break
					}
				}
				t.Errorf("database of %d keys, want %d keys as one Put makes", len(got), len(want))
			}

			// Putting everything again changes nothing.
			before := db.bdb.MaxVersion()
			res, err := db.Put(context.Background(), docs, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res != (PutResult{Unchanged: len(docs)}) || db.bdb.MaxVersion() != before {
				t.Errorf("second Put = %+v with %d commits, want all unchanged and none", res, db.bdb.MaxVersion()-before)
			}
		})
	}
}

func TestUnchanged(t *testing.T) {
	db := openTest(t)
	stored := corpus.Paper{ArXivID: "2501.00001", Title: "Stored Paper", Abstract: "We use PPO."}
	if _, err := db.Put(context.Background(), []Doc{{Paper: stored}}, nil); err != nil {
		t.Fatal(err)
	}
	lessAbstract := stored
	lessAbstract.Abstract = ""
	moreDOI := stored
	moreDOI.DOI = "10.1000/1"
	byTitle := corpus.Paper{Title: "stored paper"}
	papers := []corpus.Paper{
		stored,
		lessAbstract, // fills nothing in
		moreDOI,      // adds a DOI
		byTitle,      // the same paper, found by its title
		{ArXivID: "2501.00002", Title: "New Paper"},
		{Abstract: "neither id nor title"},
	}
	got, err := db.Unchanged(papers)
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, true, false, true, false, false}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Unchanged = %v, want %v", got, want)
	}
	// What Unchanged reports is what Put does.
	for i, p := range papers[:5] {
		res, err := db.Put(context.Background(), []Doc{{Paper: p}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if (res.Unchanged == 1) != want[i] {
			t.Errorf("Put of paper %d = %+v, but Unchanged said %v", i, res, want[i])
		}
	}
}

package graph

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

// exhaustiveScores scores every paper of db against the query paper pid by
// the formula of Related's documentation, reading every paper: what
// Related's candidates and partial scores must not change.
func exhaustiveScores(t *testing.T, db *store.DB, pid string, opt RelatedOptions) map[string]float64 {
	t.Helper()
	ctx := context.Background()
	st, err := db.Stats()
	if err != nil {
		t.Fatal(err)
	}
	ts, err := db.TextStats()
	if err != nil {
		t.Fatal(err)
	}
	avgLen := float64(ts.Tokens) / float64(ts.Papers)
	maxDF, maxTermDF := opt.maxDF(st.Papers), opt.maxTermDF(st.Papers)

	q, err := db.PaperTerms(pid)
	if err != nil {
		t.Fatal(err)
	}
	qcount := make(map[string]int)
	for i, term := range q.Terms {
		qcount[term] = q.Counts[i]
	}
	qms, err := db.Mentions(pid)
	if err != nil {
		t.Fatal(err)
	}
	entW := make(map[string]float64)
	var entityTotal float64
	for _, m := range qms {
		e, err := db.Entity(m.EID)
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := nameWord(e.Name); ok {
			delete(qcount, w)
		}
		if e.Papers <= maxDF && e.Papers > 1 {
			entW[m.EID] = IDF(st.Papers, e.Papers)
			entityTotal += entW[m.EID]
		}
	}
	terms := sortedKeys(qcount)
	dfs, err := db.TermDF(terms)
	if err != nil {
		t.Fatal(err)
	}
	qweight := make(map[string]float64)
	var self float64
	for i, term := range terms {
		if dfs[i] <= maxTermDF && dfs[i] > 1 {
			sq := saturate(qcount[term], q.Length, avgLen)
			qweight[term] = bm25IDF(ts.Papers, dfs[i]) * sq
			self += qweight[term] * sq
		}
	}

	scores := make(map[string]float64)
	err = db.EachPaperTerms(ctx, func(p string, v store.TermVector) error {
		if p == pid {
			return nil
		}
		var text, entity float64
		for i, term := range v.Terms {
			text += qweight[term] * saturate(v.Counts[i], v.Length, avgLen)
		}
		ms, err := db.Mentions(p)
		if err != nil {
			return err
		}
		for _, m := range ms {
			entity += entW[m.EID]
		}
		var e float64
		if entityTotal > 0 {
			e = entity / entityTotal
		}
		if s := text / self * (1 + DefaultEntityWeight*e); s > 0 {
			scores[p] = s
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return scores
}

// TestRelatedExact checks, on a database where common words are in more
// papers than Related reads of each, that every score Related returns is
// the paper's score by the whole formula, and that the first results are
// those of scoring every paper. (By default a term in more than 1000
// papers counts only in a database of more than 5000.)
func TestRelatedExact(t *testing.T) {
	db, err := store.Open(store.DefaultOptions(t.TempDir()).WithLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Every paper has some of the common words, the first two in more
	// than seedPostings papers, and a few of 200 topic words; a tenth
	// name one of 30 methods.
	r := rand.New(rand.NewPCG(3, 4))
	common := strings.Fields("model method result approach benchmark")
	var docs []store.Doc
	for i := range 1500 {
		words := slices.Clone(common[:1+r.IntN(len(common))])
		for range 3 + r.IntN(8) {
			words = append(words, fmt.Sprintf("topic%c%c", 'a'+r.IntN(10), 'a'+r.IntN(20)))
		}
		var es []extract.Entity
		if r.IntN(10) == 0 {
			es = append(es, uses(fmt.Sprintf("Method %d", r.IntN(30)), extract.Method))
		}
		docs = append(docs, store.Doc{
			Paper:    corpus.Paper{ArXivID: fmt.Sprintf("2501.%05d", i), Title: fmt.Sprintf("Paper %c", 'a'+i%26), Abstract: strings.Join(words, " ") + "."},
			Entities: es,
		})
	}
	if _, err := db.Put(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	opt := RelatedOptions{Limit: 10, MaxTermDF: len(docs)}
	if df, _ := db.TermDF([]string{"method"}); df[0] <= seedPostings {
		t.Fatalf("df(method) = %d, want above %d", df[0], seedPostings)
	}

	for _, pid := range []string{"2501.00000", "2501.00007", "2501.00420", "2501.01234"} {
		want := exhaustiveScores(t, db, pid, opt)
		rs, err := Related(context.Background(), db, []string{pid}, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 10 {
			t.Fatalf("Related(%s) gave %d papers, want 10", pid, len(rs))
		}
		for _, r := range rs {
			if !near(r.Score, want[r.PID]) {
				t.Errorf("Related(%s): %s scores %g, by every paper's score %g", pid, r.PID, r.Score, want[r.PID])
			}
		}
		// The tenth score of scoring every paper: each result must reach
		// it, whatever the order of ties.
		all := make([]float64, 0, len(want))
		for _, s := range want {
			all = append(all, s)
		}
		slices.Sort(all)
		slices.Reverse(all)
		for _, r := range rs {
			if r.Score < all[9]-1e-9 {
				t.Errorf("Related(%s): %s scores %g, below the tenth best score %g", pid, r.PID, r.Score, all[9])
			}
		}
	}
}

// TestRelatedWithoutTerms checks that a query paper without terms is
// scored by the entities it shares alone.
func TestRelatedWithoutTerms(t *testing.T) {
	db, err := store.Open(store.DefaultOptions(t.TempDir()).WithLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc := func(id, title string, es ...extract.Entity) store.Doc {
		return store.Doc{Paper: corpus.Paper{ArXivID: id, Title: title}, Entities: es}
	}
	_, err = db.Put(context.Background(), []store.Doc{
		doc("q", "On It", uses("LipVoicer", extract.Model), uses("LRS3", extract.Dataset)),
		doc("both", "Speech from Lips", uses("LipVoicer", extract.Model), uses("LRS3", extract.Dataset)),
		doc("one", "Lip Reading", uses("LRS3", extract.Dataset)),
		doc("none", "Something Else"),
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Related(context.Background(), db, []string{"q"}, RelatedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := pidsOf(rs); !slices.Equal(got, []string{"both", "one"}) {
		t.Fatalf("Related(q) = %v, want [both one]", got)
	}
	if r := rs[0]; r.Score != 1 || r.EntityScore != 1 || r.TextScore != 0 || len(r.Terms) != 0 {
		t.Errorf("both: score %g, entities %g, text %g, terms %v; want 1, 1, 0, none", r.Score, r.EntityScore, r.TextScore, r.Terms)
	}
}

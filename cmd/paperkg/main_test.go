package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const seedPath = "../../testdata/papers-page.txt"

// runCLI runs the command line in-process and returns its exit status,
// standard output and standard error.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(append([]string{"paperkg"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustRun runs paperkg and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("paperkg %s: exit %d\nstderr: %s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// seedDB ingests the seed listing into a new database and returns its dir.
func seedDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "--db", db, "ingest", "-q", seedPath)
	return db
}

func TestIngestTwiceChangesNothing(t *testing.T) {
	db := seedDB(t)
	first := mustRun(t, "--db", db, "stats", "--json")
	var st struct{ Papers int }
	if err := json.Unmarshal([]byte(first), &st); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, first)
	}
	if st.Papers != 89 {
		t.Errorf("papers after ingesting the seed = %d, want 89", st.Papers)
	}
	mustRun(t, "--db", db, "ingest", "-q", seedPath)
	if second := mustRun(t, "--db", db, "stats", "--json"); second != first {
		t.Errorf("stats changed after ingesting the seed again:\n%s", cmp.Diff(first, second))
	}
}

func TestExtractSeed(t *testing.T) {
	out := mustRun(t, "extract", seedPath)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 89 {
		t.Fatalf("extract printed %d lines, want 89", len(lines))
	}
	type entity struct{ Name, Type, Role string }
	var lip []entity
	for _, l := range lines {
		var doc struct {
			ID, Title string
			Entities  []entity
		}
		if err := json.Unmarshal([]byte(l), &doc); err != nil {
			t.Fatalf("line is not JSON: %v\n%s", err, l)
		}
		if doc.ID == "" || doc.Title == "" {
			t.Errorf("line without id or title: %s", l)
		}
		if strings.HasPrefix(doc.Title, "LipVoicer:") {
			lip = doc.Entities
		}
	}
	want := map[string]string{"LipVoicer": "introduces", "LRS2": "uses", "LRS3": "uses"}
	for name, role := range want {
		found := false
		for _, e := range lip {
			if e.Name == name {
				found = true
				if e.Role != role {
					t.Errorf("LipVoicer paper: %s has role %s, want %s", name, e.Role, role)
				}
			}
		}
		if !found {
			t.Errorf("LipVoicer paper: %s not extracted; got %v", name, lip)
		}
	}
}

func TestRelated(t *testing.T) {
	db := seedDB(t)
	for _, query := range []string{"LipVoicer", "Secrets of RLHF"} {
		t.Run(query, func(t *testing.T) {
			text := mustRun(t, "--db", db, "related", query)
			if !strings.Contains(text, "shares:") || !strings.Contains(text, "score") {
				t.Errorf("related %q does not show scores and shared entities:\n%s", query, text)
			}
			var rels []struct {
				Paper  struct{ Title string }
				Score  float64
				Shared []struct {
					Entity struct{ Name string }
					Weight float64
				}
				Terms []string
			}
			out := mustRun(t, "--db", db, "related", query, "--json")
			if err := json.Unmarshal([]byte(out), &rels); err != nil {
				t.Fatalf("related --json: %v\n%s", err, out)
			}
			if len(rels) == 0 {
				t.Fatalf("related %q found nothing", query)
			}
			if len(rels[0].Shared) == 0 {
				t.Errorf("the best result (%q) shares no entity", rels[0].Paper.Title)
			}
			for i, r := range rels {
				if r.Score <= 0 || len(r.Shared)+len(r.Terms) == 0 {
					t.Errorf("result %d (%q) has score %v and nothing that explains it", i, r.Paper.Title, r.Score)
				}
				if i > 0 && r.Score > rels[i-1].Score {
					t.Errorf("results not sorted by score: %v after %v", r.Score, rels[i-1].Score)
				}
				if !strings.Contains(text, r.Paper.Title[:min(len(r.Paper.Title), 40)]) {
					t.Errorf("text and JSON disagree: %q missing from the text output", r.Paper.Title)
				}
			}
		})
	}
}

func TestDemo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	out := mustRun(t, "demo", "-o", dir)
	for _, name := range []string{"graph.dot", "graph.svg", "graph.json"} {
		path := filepath.Join(dir, name)
		fi, err := os.Stat(path)
		if err != nil || fi.Size() == 0 {
			t.Errorf("demo did not write %s: %v", name, err)
		}
		if !strings.Contains(out, path) {
			t.Errorf("demo output does not name %s:\n%s", path, out)
		}
	}
}

func TestExitCodes(t *testing.T) {
	db := seedDB(t)
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"no-such-command"}, 2, "unknown command"},
		{[]string{"--db", db, "export", "--format", "png"}, 2, `invalid --format "png", must be one of [json dot svg cytoscape graphology gexf graphml vosviewer csv]`},
		{[]string{"--db", db, "entities", "--type", "metric"}, 2, "must be one of"},
		{[]string{"ingest"}, 2, "ingest needs at least one FILE"},
		{[]string{"--db", db, "ingest", "--format", "xls", seedPath}, 2, `invalid format "xls"`},
		{[]string{"--db", db, "related"}, 2, "related needs either PAPER"},
		{[]string{"--db", db, "related", "zzzz no such paper zzzz"}, 1, "no paper matches"},
		{[]string{"--db", filepath.Join(t.TempDir(), "none"), "stats"}, 1, "no database at"},
		{[]string{"--db", db, "ingest", "/no/such/file.jsonl"}, 1, "/no/such/file.jsonl"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errOut := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.msg) {
				t.Errorf("stderr %q does not say %q", errOut, tt.msg)
			}
		})
	}
}

func TestReorderArgs(t *testing.T) {
	app := newApp(&env{})
	tests := []struct{ in, want []string }{
		{[]string{"paperkg", "related", "LipVoicer", "--json"}, []string{"paperkg", "related", "--json", "--", "LipVoicer"}},
		{[]string{"paperkg", "--db", "x", "related", "a", "--limit", "3", "b"}, []string{"paperkg", "--db", "x", "related", "--limit", "3", "--", "a", "b"}},
		{[]string{"paperkg", "stats"}, []string{"paperkg", "stats"}},
		{[]string{"paperkg", "ingest", "-"}, []string{"paperkg", "ingest", "--", "-"}},
	}
	for _, tt := range tests {
		if got := reorderArgs(app, tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("reorderArgs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The bipartite export holds every paper, entity and mention that stats
// counts, in every format that carries a graph.
func TestBipartiteExportMatchesStats(t *testing.T) {
	db := seedDB(t)
	var st struct{ Papers, Entities, Mentions int }
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "stats", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	var g struct {
		Nodes []json.RawMessage
		Links []json.RawMessage
	}
	out := mustRun(t, "--db", db, "export", "--view", "bipartite", "--format", "json")
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != st.Papers+st.Entities || len(g.Links) != st.Mentions {
		t.Errorf("bipartite export has %d nodes and %d links; stats counts %d papers, %d entities, %d mentions",
			len(g.Nodes), len(g.Links), st.Papers, st.Entities, st.Mentions)
	}
	var cy struct {
		Elements struct{ Nodes, Edges []json.RawMessage }
	}
	out = mustRun(t, "--db", db, "export", "--view", "bipartite", "--format", "cytoscape")
	if err := json.Unmarshal([]byte(out), &cy); err != nil {
		t.Fatal(err)
	}
	if len(cy.Elements.Nodes) != len(g.Nodes) || len(cy.Elements.Edges) != len(g.Links) {
		t.Errorf("cytoscape export has %d nodes and %d edges, node-link %d and %d",
			len(cy.Elements.Nodes), len(cy.Elements.Edges), len(g.Nodes), len(g.Links))
	}
}

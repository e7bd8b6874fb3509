package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestTopicsSeed(t *testing.T) {
	db := seedDB(t)
	out := mustRun(t, "--db", db, "topics", "--json")
	var tm struct {
		Resolution, Modularity float64
		Papers, Links          int
		Topics                 []struct {
			ID       int
			Label    string
			Size     int
			Papers   []string
			Central  []struct{ PID, Title string }
			Entities []string
			Terms    []string
		}
		Unlinked, Scattered []string
	}
	if err := json.Unmarshal([]byte(out), &tm); err != nil {
		t.Fatalf("topics --json: %v\n%s", err, out)
	}
	if n := len(tm.Topics); n < 3 || n > 20 {
		t.Errorf("%d topics of the seed, want 3 to 20", n)
	}
	if tm.Modularity < 0.3 || tm.Resolution != 1 || tm.Papers != 89 {
		t.Errorf("modularity %g at resolution %g on %d papers", tm.Modularity, tm.Resolution, tm.Papers)
	}
	sum := len(tm.Unlinked) + len(tm.Scattered)
	for i, tp := range tm.Topics {
		sum += tp.Size
		if tp.ID != i || tp.Label == "" || tp.Size != len(tp.Papers) || len(tp.Central) != min(3, tp.Size) {
			t.Errorf("topic %d: id %d, label %q, size %d of %d papers, %d central", i, tp.ID, tp.Label, tp.Size, len(tp.Papers), len(tp.Central))
		}
		for j, c := range tp.Central {
			if c.PID != tp.Papers[j] || c.Title == "" {
				t.Errorf("topic %d: central paper %d is %+v, want %s with its title", i, j, c, tp.Papers[j])
			}
		}
		if i > 0 && tp.Size > tm.Topics[i-1].Size {
			t.Errorf("topic %d larger than topic %d", i, i-1)
		}
	}
	if sum != 89 {
		t.Errorf("topics, unlinked and scattered hold %d papers, want 89", sum)
	}

	text := mustRun(t, "--db", db, "topics", "--limit", "2")
	if !strings.Contains(text, "modularity") || !strings.Contains(text, tm.Topics[0].Label) || strings.Contains(text, tm.Topics[2].Label+"  (") {
		t.Errorf("topics --limit 2 text:\n%s", text)
	}
	if !strings.Contains(text, tm.Topics[0].Central[0].Title[:min(40, len(tm.Topics[0].Central[0].Title))]) {
		t.Errorf("topics text lacks the first central paper %q:\n%s", tm.Topics[0].Central[0].Title, text)
	}

	// A higher resolution gives more, smaller topics.
	var fine struct{ Topics []struct{ Size int } }
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "topics", "--json", "--resolution", "3")), &fine); err != nil {
		t.Fatal(err)
	}
	if len(fine.Topics) <= len(tm.Topics) {
		t.Errorf("%d topics at resolution 3, %d at 1", len(fine.Topics), len(tm.Topics))
	}
}

func TestRelatedSeveral(t *testing.T) {
	db := seedDB(t)
	var first []struct{ PID string }
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "related", "LipVoicer", "--json", "--limit", "3")), &first); err != nil {
		t.Fatal(err)
	}
	if len(first) == 0 {
		t.Fatal("related LipVoicer found nothing")
	}
	lip := mustRun(t, "--db", db, "papers", "LipVoicer", "--json")
	var lips []struct{ ID string }
	if err := json.Unmarshal([]byte(lip), &lips); err != nil || len(lips) != 1 {
		t.Fatalf("papers LipVoicer: %v %s", err, lip)
	}

	// Two papers, one of them from standard input: neither is listed,
	// and every result says why it is there.
	code, out, errOut := runCLI(t, lips[0].ID+"\n", "--db", db, "related", "-", first[0].PID, "--json")
	if code != 0 {
		t.Fatalf("related - %s: exit %d: %s", first[0].PID, code, errOut)
	}
	var rels []struct {
		PID    string
		Score  float64
		Shared []struct{ Entity struct{ Name string } }
		Terms  []string
	}
	if err := json.Unmarshal([]byte(out), &rels); err != nil {
		t.Fatalf("related --json: %v\n%s", err, out)
	}
	if len(rels) == 0 {
		t.Fatal("related of two papers found nothing")
	}
	for _, r := range rels {
		if r.PID == lips[0].ID || r.PID == first[0].PID {
			t.Errorf("a query paper %s is listed", r.PID)
		}
		if r.Score <= 0 || len(r.Shared)+len(r.Terms) == 0 {
			t.Errorf("%s: score %g, no entity and no term", r.PID, r.Score)
		}
	}

	text := mustRun(t, "--db", db, "related", "LipVoicer")
	if !strings.Contains(text, "terms:") || !strings.Contains(text, "text ") {
		t.Errorf("related text lacks terms or the score's parts:\n%s", text)
	}
	ent := mustRun(t, "--db", db, "related", "--entity", "RLHF")
	if !strings.Contains(ent, `related to entity "RLHF"`) {
		t.Errorf("related --entity RLHF:\n%s", ent)
	}
}

func TestExportViews(t *testing.T) {
	db := seedDB(t)
	type node struct {
		ID, Kind, GroupLabel string
		Year                 int
		Group                *int
	}
	var graph struct {
		Nodes []node
		Links []struct{ Source, Target string }
	}
	load := func(args ...string) {
		t.Helper()
		graph.Nodes, graph.Links = nil, nil
		out := mustRun(t, append([]string{"--db", db, "export", "--format", "json"}, args...)...)
		if err := json.Unmarshal([]byte(out), &graph); err != nil {
			t.Fatalf("export %v: %v\n%.300s", args, err, out)
		}
	}

	load("--view", "topics")
	if len(graph.Nodes) < 3 {
		t.Errorf("topics view: %d nodes", len(graph.Nodes))
	}
	for _, n := range graph.Nodes {
		if n.Kind != "topic" || !strings.HasPrefix(n.ID, "t:") {
			t.Errorf("topics view node %+v", n)
		}
	}

	load("--around", "LipVoicer", "--depth", "1")
	one := len(graph.Nodes)
	load("--around", "LipVoicer", "--depth", "2")
	if one < 2 || len(graph.Nodes) <= one {
		t.Errorf("ego view around LipVoicer: %d nodes at depth 1, %d at 2", one, len(graph.Nodes))
	}

	load("--view", "entities", "--type", "dataset,benchmark", "--top", "5")
	if len(graph.Nodes) == 0 || len(graph.Nodes) > 5 {
		t.Errorf("entity view of datasets, top 5: %d nodes", len(graph.Nodes))
	}

	// Every format of graph/export; csv to two files.
	if out := mustRun(t, "--db", db, "export", "--format", "graphml", "--view", "topics"); !strings.Contains(out, "<graphml") {
		t.Errorf("export --format graphml:\n%.300s", out)
	}
	dir := t.TempDir()
	code, _, errOut := runCLI(t, "", "--db", db, "export", "--format", "csv", "--view", "topics", "-o", filepath.Join(dir, "map.csv"))
	if code != 0 || !strings.Contains(errOut, "map-nodes.csv and ") {
		t.Errorf("export --format csv: exit %d, %s", code, errOut)
	}
	for _, name := range []string{"map-nodes.csv", "map-edges.csv"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !strings.Contains(string(b), "t:0") {
			t.Errorf("%s: %v\n%.200s", name, err, b)
		}
	}

	// Papers are grouped by year where they have one (the seed's do not).
	load("--view", "papers", "--color", "year")
	for _, n := range graph.Nodes {
		if (n.Group != nil) != (n.Year > 0) || n.Group != nil && n.GroupLabel != strconv.Itoa(n.Year) {
			t.Errorf("paper %s of year %d in group %v %q", n.ID, n.Year, n.Group, n.GroupLabel)
		}
	}
}

func TestExportUsage(t *testing.T) {
	db := seedDB(t)
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"--view", "papers", "--color", "type"}, `invalid --color "type", must be one of [topic year]`},
		{[]string{"--view", "maps"}, `invalid --view "maps", must be one of [papers entities bipartite topics ego]`},
		{[]string{"--view", "ego"}, "needs --around"},
		{[]string{"--view", "entities", "--around", "LipVoicer"}, "cannot go with --view entities"},
		{[]string{"--year", "2025-2023"}, `invalid --year "2025-2023"`},
		{[]string{"--type", "metric"}, `invalid --type "metric", must be one of [model dataset benchmark method]`},
		{[]string{"--around", "LipVoicer", "--depth", "0"}, "invalid --depth 0"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errOut := runCLI(t, "", append([]string{"--db", db, "export"}, tt.args...)...)
			if code != 2 || !strings.Contains(errOut, tt.msg) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tt.msg)
			}
		})
	}
	code, _, errOut := runCLI(t, "", "--db", db, "topics", "--resolution", "0")
	if code != 2 || !strings.Contains(errOut, "invalid --resolution") {
		t.Errorf("topics --resolution 0: exit %d, %q", code, errOut)
	}
}

package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/graph"
)

type topicsOptions struct {
	resolution float64
	minSize    int
	limit      int
	central    int
	types      []extract.Type
	years      graph.Years
	json       bool
}

func topicsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "topics",
		Usage: "list the topics of the papers: communities of related papers, with their labels and central papers",
		Description: "Links each paper to the papers most like it (text and shared entities), finds the\n" +
			"communities of that graph by the Louvain method, and labels each by its most\n" +
			"distinctive entities and terms (class-based TF-IDF). Papers with no link, and those\n" +
			"in communities too small to be a topic, are counted apart.",
		Flags: []cli.Flag{
			jsonFlag,
			resolutionFlag,
			&cli.IntFlag{Name: "min-size", Usage: "smallest topic, in papers (default: 3, or one in 1,000 papers)"},
			&cli.IntFlag{Name: "limit", Usage: "list the `N` largest topics (0: all)"},
			&cli.IntFlag{Name: "central", Value: 3, Usage: "show the `N` central papers of each topic"},
			typeFlag,
			yearFlag,
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("topics takes no arguments (got %q)", c.Args().First())
			}
			opts := topicsOptions{resolution: c.Float64("resolution"), minSize: c.Int("min-size"),
				limit: c.Int("limit"), central: c.Int("central"), json: c.Bool("json")}
			var err error
			if opts.types, err = parseTypes(c.String("type")); err != nil {
				return err
			}
			if opts.years, err = parseYears(c.String("year")); err != nil {
				return err
			}
			if opts.resolution <= 0 {
				return usagef("invalid --resolution %g, must be above 0", opts.resolution)
			}
			return runTopics(c, e, opts)
		},
	}
}

// centralPaper is a central paper of a topic, as topics --json lists it.
type centralPaper struct {
	PID   string `json:"pid"`
	Title string `json:"title"`
	Year  int    `json:"year,omitempty"`
}

// topicJSON is a topic as topics --json prints it: graph.Topic with its
// central papers' titles.
type topicJSON struct {
	graph.Topic
	Central []centralPaper `json:"central"`
}

type topicsJSON struct {
	*graph.TopicMap
	Topics []topicJSON `json:"topics"`
}

func runTopics(c *cli.Context, e *env, opts topicsOptions) error {
	db, err := openDB(c, true)
	if err != nil {
		return err
	}
	defer db.Close()
	g, err := graph.Load(c.Context, db)
	if err != nil {
		return err
	}
	tm, err := g.Topics(c.Context, graph.ViewOptions{Resolution: opts.resolution, MinTopicSize: opts.minSize,
		Types: opts.types, Years: opts.years})
	if err != nil {
		return err
	}
	topics := tm.Topics
	if opts.limit > 0 && len(topics) > opts.limit {
		topics = topics[:opts.limit]
	}
	out := topicsJSON{TopicMap: tm, Topics: make([]topicJSON, len(topics))}
	for i, t := range topics {
		out.Topics[i] = topicJSON{Topic: t, Central: []centralPaper{}}
		for _, pid := range t.Papers[:min(len(t.Papers), max(opts.central, 0))] {
			p, _ := g.Paper(pid)
			out.Topics[i].Central = append(out.Topics[i].Central, centralPaper{PID: pid, Title: p.Title, Year: p.Year})
		}
	}
	if opts.json {
		return writeJSON(e.stdout, out)
	}

	w := e.stdout
	fmt.Fprintf(w, "%d papers, %d links: %d topics at resolution %g, modularity %.3f\n",
		tm.Papers, tm.Links, len(tm.Topics), tm.Resolution, tm.Modularity)
	if len(topics) < len(tm.Topics) {
		fmt.Fprintf(w, "(the %d largest listed)\n", len(topics))
	}
	for _, t := range out.Topics {
		fmt.Fprintf(w, "\n%3d  %s  (%d papers)\n", t.ID, t.Label, t.Size)
		if len(t.Entities) > 0 {
			fmt.Fprintf(w, "     entities: %s\n", clip(strings.Join(t.Entities[:min(len(t.Entities), 6)], ", "), 100))
		}
		if len(t.Terms) > 0 {
			fmt.Fprintf(w, "     terms:    %s\n", clip(strings.Join(t.Terms[:min(len(t.Terms), 6)], ", "), 100))
		}
		for i, p := range t.Central {
			fmt.Fprintf(w, "     %d. %s  [%s]\n", i+1, clip(p.Title, 90), p.PID)
		}
	}
	fmt.Fprintf(w, "\nnot in a topic: %d papers without a link, %d in communities of fewer than %d papers\n",
		len(tm.Unlinked), len(tm.Scattered), minTopicSize(opts.minSize, tm.Papers))
	return nil
}

func minTopicSize(opt, n int) int {
	if opt > 0 {
		return opt
	}
	return graph.DefaultMinTopicSize(n)
}

// Flags shared by topics and export.
var (
	resolutionFlag = &cli.Float64Flag{Name: "resolution", Value: 1,
		Usage: "Louvain resolution `R`: below 1 gives fewer, larger topics, above 1 more, smaller ones"}
	typeFlag = &cli.StringFlag{Name: "type",
		Usage: "use only entities of `TYPES`, comma-separated: model, dataset, benchmark, method"}
	yearFlag = &cli.StringFlag{Name: "year", Usage: "only papers of `YEARS`: 2024, 2023-2025, 2024- or -2024"}
)

// parseTypes reads a comma-separated list of entity types.
func parseTypes(s string) ([]extract.Type, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var types []extract.Type
	valid := make([]string, len(extract.Types))
	for i, t := range extract.Types {
		valid[i] = string(t)
	}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if err := checkChoice("type", f, valid...); err != nil {
			return nil, err
		}
		types = append(types, extract.Type(f))
	}
	return types, nil
}

// parseYears reads the --year flag.
func parseYears(s string) (graph.Years, error) {
	if strings.TrimSpace(s) == "" {
		return graph.Years{}, nil
	}
	y, err := graph.ParseYears(s)
	if err != nil {
		return graph.Years{}, usagef("invalid --year %q, must be YEAR, FROM-TO, FROM- or -TO", s)
	}
	return y, nil
}

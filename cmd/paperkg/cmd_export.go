package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/graph"
	"github.com/paperkg/paperkg/graph/export"
	"github.com/paperkg/paperkg/store"
)

var (
	exportFormats = export.Formats
	exportViews   = []string{"papers", "entities", "bipartite", "topics", "ego"}
	// exportColors are the --color values each view takes, the default
	// first.
	exportColors = map[string][]string{
		"papers":    {"topic", "year"},
		"entities":  {"topic", "type"},
		"bipartite": {"topic", "type", "year"},
		"topics":    {"topic"},
		"ego":       {"topic", "type", "year"},
	}
)

// defaultMapTop is how many nodes a drawn map (dot, svg) keeps unless
// --top says otherwise: more make a map no one can read, and take Graphviz
// long to lay out. Formats read by other tools keep every node.
const defaultMapTop = 300

// drawn reports whether format is a map paperkg lays out itself.
func drawn(format string) bool { return format == "dot" || format == "svg" }

type exportOptions struct {
	format, view, out string
	around            string // ego view: a paper or an entity
	depth             int
	view0             graph.ViewOptions
}

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the graph as Graphviz DOT or SVG, node-link JSON, or for Cytoscape, graphology, Gephi, VOSviewer",
		Description: "Views: papers (the paper graph, papers grouped by topic), entities (co-occurrence\n" +
			"normalised by association strength, as VOSviewer maps terms), bipartite (papers and\n" +
			"their entities), topics (one node per topic) and ego (--around a paper or an entity).\n" +
			"Maps (dot, svg) keep the 300 most central nodes unless --top says otherwise; the\n" +
			"other formats keep all. -o FILE.csv writes FILE-nodes.csv and FILE-edges.csv.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json",
				Usage: "`FORMAT`: " + strings.Join(export.Formats, ", ") + " (json: networkx node_link, D3)"},
			&cli.StringFlag{Name: "view", Value: "papers", Usage: "`VIEW`: papers, entities, bipartite, topics or ego"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
			&cli.IntFlag{Name: "top", Usage: "keep the `N` most central nodes (0: all; default 300 for dot and svg, all for json)"},
			&cli.Float64Flag{Name: "min-weight", Usage: "drop links lighter than `W` (paper similarity, association strength, or links between topics)"},
			typeFlag,
			yearFlag,
			&cli.StringFlag{Name: "color", Usage: "what groups (colours) mean, `BY`: topic, type or year"},
			resolutionFlag,
			&cli.StringFlag{Name: "around", Usage: "ego view around `NODE`: a paper (id or title words) or an entity name"},
			&cli.IntFlag{Name: "depth", Value: 1, Usage: "ego view: nodes up to `N` steps from --around"},
		},
		Action: func(c *cli.Context) error {
			opts := exportOptions{format: c.String("format"), view: c.String("view"), out: c.String("output"),
				around: c.String("around"), depth: c.Int("depth")}
			if err := checkChoice("format", opts.format, exportFormats...); err != nil {
				return err
			}
			if opts.around != "" {
				if c.IsSet("view") && opts.view != "ego" {
					return usagef("--around draws the ego view; it cannot go with --view %s", opts.view)
				}
				opts.view = "ego"
			}
			if err := checkChoice("view", opts.view, exportViews...); err != nil {
				return err
			}
			if opts.view == "ego" && opts.around == "" {
				return usagef("the ego view needs --around PAPER or --around ENTITY")
			}
			if opts.depth < 1 {
				return usagef("invalid --depth %d, must be 1 or more", opts.depth)
			}
			if c.NArg() > 0 {
				return usagef("export takes no arguments (got %q)", c.Args().First())
			}
			v := &opts.view0
			v.Top = c.Int("top")
			if !c.IsSet("top") && drawn(opts.format) {
				v.Top = defaultMapTop
			}
			v.MinWeight = c.Float64("min-weight")
			v.Resolution = c.Float64("resolution")
			if v.Resolution <= 0 {
				return usagef("invalid --resolution %g, must be above 0", v.Resolution)
			}
			var err error
			if v.Types, err = parseTypes(c.String("type")); err != nil {
				return err
			}
			if v.Years, err = parseYears(c.String("year")); err != nil {
				return err
			}
			colors := exportColors[opts.view]
			color := c.String("color")
			if color == "" {
				color = colors[0]
			}
			if err := checkChoice("color", color, colors...); err != nil {
				return err
			}
			v.Color = graph.Color(color)
			return runExport(c, e, opts)
		},
	}
}

func runExport(c *cli.Context, e *env, opts exportOptions) error {
	db, err := openDB(c, true)
	if err != nil {
		return err
	}
	defer db.Close()
	var v *graph.View
	if opts.view == "ego" {
		v, err = buildEgo(c.Context, e, db, opts.around, opts.depth, opts.view0)
	} else {
		v, err = buildView(c.Context, db, opts.view, opts.view0)
	}
	if err != nil {
		return err
	}
	if opts.out == "" {
		w := bufio.NewWriter(e.stdout)
		if err := writeView(c.Context, w, v, opts.format); err != nil {
			return err
		}
		return w.Flush()
	}
	if err := writeViewFile(c.Context, opts.out, v, opts.format); err != nil {
		return err
	}
	out := opts.out
	if opts.format == "csv" {
		nodes, edges := export.CSVPaths(out)
		out = nodes + " and " + edges
	}
	fmt.Fprintf(e.stderr, "paperkg: wrote %s (%d nodes, %d edges)\n", out, len(v.Nodes), len(v.Edges))
	return nil
}

func buildView(ctx context.Context, db *store.DB, view string, opt graph.ViewOptions) (*graph.View, error) {
	g, err := graph.Load(ctx, db)
	if err != nil {
		return nil, err
	}
	var v graph.View
	switch view {
	case "entities":
		v, err = g.EntityView(ctx, opt)
	case "bipartite":
		v, err = g.BipartiteView(ctx, opt)
	case "topics":
		v, err = g.TopicView(ctx, opt)
	default:
		v, err = g.PaperView(ctx, opt)
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// buildEgo draws the ego view around a paper (an id, then title words) or
// an entity (any of its names). An id wins over an entity name, and an
// entity name over title words.
func buildEgo(ctx context.Context, e *env, db *store.DB, around string, depth int, opt graph.ViewOptions) (*graph.View, error) {
	center, err := db.Resolve(around)
	if errors.Is(err, store.ErrNotFound) {
		var ent store.Entity
		if ent, err = db.LookupEntity(around); err == nil {
			center = "e:" + ent.ID
			fmt.Fprintf(e.stderr, "paperkg: around the entity %s (%s, %d papers)\n", ent.Name, ent.Type, ent.Papers)
		} else if errors.Is(err, store.ErrNotFound) {
			center, _, err = findPaper(e, db, around)
		}
	}
	if err != nil {
		return nil, err
	}
	g, err := graph.Load(ctx, db)
	if err != nil {
		return nil, err
	}
	v, err := g.EgoView(ctx, center, depth, opt)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("%q is not in the view: check --year", around)
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func writeView(ctx context.Context, w io.Writer, v *graph.View, format string) error {
	return export.Write(ctx, w, v, format, export.DOTOptions{})
}

// writeViewFile writes the view to path, or for csv to the two files that
// export.CSVPaths names, each through a temporary file, so a failed export
// never leaves a half-written map behind.
func writeViewFile(ctx context.Context, path string, v *graph.View, format string) error {
	if format == "csv" {
		nodes, edges := export.CSVPaths(path)
		if err := writeFile(nodes, func(w io.Writer) error { return export.WriteCSV(w, v) }); err != nil {
			return err
		}
		return writeFile(edges, func(w io.Writer) error { return export.WriteCSVEdges(w, v) })
	}
	return writeFile(path, func(w io.Writer) error { return writeView(ctx, w, v, format) })
}

// writeFile writes path with write through a temporary file renamed into
// place.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".paperkg-export-*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return fmt.Errorf("export %q: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("export %q: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("export %q: %w", path, err)
	}
	// CreateTemp makes the file private; a map is meant to be shared.
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/graph"
	"github.com/paperkg/paperkg/graph/export"
	"github.com/paperkg/paperkg/store"
)

var (
	exportFormats = []string{"dot", "svg", "json"}
	exportViews   = []string{"papers", "entities", "bipartite"}
)

type exportOptions struct {
	format, view, out string
	top               int
	minWeight         float64
}

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the graph as Graphviz DOT, SVG or node-link JSON",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "`FORMAT`: dot, svg or json (networkx node_link, D3)"},
			&cli.StringFlag{Name: "view", Value: "papers", Usage: "`VIEW`: papers, entities or bipartite"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
			&cli.IntFlag{Name: "top", Value: 0, Usage: "keep the `N` most central nodes (0: all; maps read best under 300)"},
			&cli.Float64Flag{Name: "min-weight", Usage: "drop links lighter than `W`"},
		},
		Action: func(c *cli.Context) error {
			opts := exportOptions{format: c.String("format"), view: c.String("view"), out: c.String("output"), top: c.Int("top"), minWeight: c.Float64("min-weight")}
			if err := checkChoice("format", opts.format, exportFormats...); err != nil {
				return err
			}
			if err := checkChoice("view", opts.view, exportViews...); err != nil {
				return err
			}
			if c.NArg() > 0 {
				return usagef("export takes no arguments (got %q)", c.Args().First())
			}
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
	v, err := buildView(c.Context, db, opts.view, graph.ViewOptions{Top: opts.top, MinWeight: opts.minWeight})
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
	fmt.Fprintf(e.stderr, "paperkg: wrote %s (%d nodes, %d edges)\n", opts.out, len(v.Nodes), len(v.Edges))
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
	default:
		v, err = g.PaperView(ctx, opt)
	}
	return &v, err
}

func writeView(ctx context.Context, w io.Writer, v *graph.View, format string) error {
	switch format {
	case "dot":
		return export.WriteDOT(w, v, export.DOTOptions{})
	case "svg":
		return export.WriteSVG(ctx, w, v, export.DOTOptions{})
	default:
		return export.WriteJSON(w, v)
	}
}

// writeViewFile writes the view to path through a temporary file, so a
// failed export never leaves a half-written map behind.
func writeViewFile(ctx context.Context, path string, v *graph.View, format string) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".paperkg-export-*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriter(f)
	if err := writeView(ctx, w, v, format); err != nil {
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

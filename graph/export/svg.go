package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/paperkg/paperkg/graph"
)

// renderMu serialises renders: go-graphviz runs one WebAssembly instance of
// Graphviz for the whole process, and it is not safe for concurrent use.
var renderMu sync.Mutex

// WriteSVG draws v as WriteDOT describes it and lays it out with Graphviz
// compiled to WebAssembly, in-process, so no Graphviz installation is
// needed. Graphviz's warnings are discarded, never printed to stderr.
//
// ctx is checked before the layout starts; a layout in progress runs to
// its end. sfdp lays out 2,000 nodes and 10,000 edges in a few seconds;
// the other engines of Layouts can take minutes on large views.
func WriteSVG(ctx context.Context, w io.Writer, v *graph.View, opt DOTOptions) error {
	layout, err := opt.layout()
	if err != nil {
		return err
	}
	var dot bytes.Buffer
	if err := WriteDOT(&dot, v, opt); err != nil {
		return err
	}
	var svg bytes.Buffer
	if err := render(ctx, &svg, dot.Bytes(), layout); err != nil {
		return fmt.Errorf("export: rendering svg: %w", err)
	}
	if _, err := w.Write(svg.Bytes()); err != nil {
		return fmt.Errorf("export: writing svg: %w", err)
	}
	return nil
}

// render lays out a DOT file and writes it as SVG to w.
func render(ctx context.Context, w io.Writer, dot []byte, layout string) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	renderMu.Lock()
	defer renderMu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	// A trap inside the WebAssembly module surfaces as a Go panic; it
	// must fail this render, not the program.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("graphviz: %v", r)
		}
	}()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return err
	}
	defer gv.Close()
	if err := layout1(ctx, gv, io.Discard, resetDOT, "sfdp"); err != nil {
		return err
	}
	return layout1(ctx, gv, w, dot, layout)
}

// resetDOT is laid out before every render. A Graphviz layout depends on
// state that the previous layout left in the shared WebAssembly instance:
// the same view came out with other positions after a different view had
// been rendered. Laying out one fixed graph first puts that state back to
// the same value every time, so that equal views give equal SVG.
var resetDOT = []byte("graph { a -- b }")

func layout1(ctx context.Context, gv *graphviz.Graphviz, w io.Writer, dot []byte, layout string) error {
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return err
	}
	defer g.Close()
	gv.SetLayout(graphviz.Layout(layout))
	return gv.Render(ctx, g, graphviz.SVG, w)
}

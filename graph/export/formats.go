package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/paperkg/paperkg/graph"
)

// Formats lists the formats Write accepts, in the order a help text should
// show them.
var Formats = []string{"json", "dot", "svg", "cytoscape", "graphology", "gexf", "graphml", "vosviewer", "csv"}

// Write writes v to w in format, one of Formats, by calling the format's
// writer: WriteJSON, WriteDOT, WriteSVG, WriteCytoscape, WriteGraphology,
// WriteGEXF, WriteGraphML, WriteVOSviewer, or for "csv" WriteCSV, an
// empty line and WriteCSVEdges. opt is used by dot and svg only. ctx is
// checked before anything is written; only svg, whose layout can take
// seconds, checks it again.
//
// An unknown format gives an error wrapping ErrUnknownFormat that lists
// Formats.
func Write(ctx context.Context, w io.Writer, v *graph.View, format string, opt DOTOptions) error {
	if !slices.Contains(Formats, format) {
		return fmt.Errorf("export: %w %q, must be one of [%s]", ErrUnknownFormat, format, strings.Join(Formats, ", "))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	switch format {
	case "json":
		return WriteJSON(w, v)
	case "dot":
		return WriteDOT(w, v, opt)
	case "svg":
		return WriteSVG(ctx, w, v, opt)
	case "cytoscape":
		return WriteCytoscape(w, v)
	case "graphology":
		return WriteGraphology(w, v)
	case "gexf":
		return WriteGEXF(w, v)
	case "graphml":
		return WriteGraphML(w, v)
	case "vosviewer":
		return WriteVOSviewer(w, v)
	default: // "csv"
		return writeCSVBoth(w, v)
	}
}

// Ext returns the file extension, with its dot, for a file in format, or
// "" for an unknown format. The extensions differ from one format to the
// next, so that one base name can take every format: the JSON formats
// other than node-link JSON have a double extension, and cytoscape takes
// the .cyjs of Cytoscape desktop. For csv it is the extension of the name
// CSVPaths splits in two.
func Ext(format string) string {
	switch format {
	case "json":
		return ".json"
	case "dot":
		return ".dot"
	case "svg":
		return ".svg"
	case "cytoscape":
		return ".cyjs"
	case "graphology":
		return ".graphology.json"
	case "gexf":
		return ".gexf"
	case "graphml":
		return ".graphml"
	case "vosviewer":
		return ".vosviewer.json"
	case "csv":
		return ".csv"
	}
	return ""
}

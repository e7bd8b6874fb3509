// Package export writes graph views in the formats that drawing and analysis
// tools read.
//
// Each format has one file and one function:
//
//	WriteDOT   Graphviz DOT (dot, sfdp, neato and other Graphviz tools)
//	WriteSVG   an SVG topic map drawn in-process by Graphviz's sfdp
//	           (browsers, Inkscape); no Graphviz installation needed
//	WriteJSON  networkx node-link JSON (networkx json_graph.node_link_graph,
//	           D3 force layouts)
//
// A typical use writes one view, built by package graph, in all three
// formats:
//
//	var v *graph.View // from package graph
//	err := export.WriteDOT(dotFile, v, export.DOTOptions{})
//	err = export.WriteSVG(ctx, svgFile, v, export.DOTOptions{})
//	err = export.WriteJSON(jsonFile, v)
//
// # Guarantees
//
// Output is deterministic: nodes are written sorted by ID and edges sorted by
// source, target, kind and label, so the same view always gives the same
// bytes whatever order it was built in. This holds for SVG too, within a
// process and across processes.
//
// Every string of the view is escaped for its format, so no label, title,
// URL or ID can break a file or inject markup: quotes, backslashes,
// Graphviz escapes such as \N, newlines, '<', '>' and '&', HTML entities,
// DOT keywords and strings of any length come back unchanged from a DOT,
// SVG or JSON reader. DOT nodes get generated names (n0, n1, ...) and carry
// the view's node ID in their id attribute, which Graphviz copies to the
// node's SVG element.
//
// The losses that the formats or Graphviz force are these. DOT and SVG
// replace control characters other than newline and tab, and invalid UTF-8,
// by U+FFFD, because XML cannot carry them. In SVG, Graphviz writes the
// second of two spaces in a row as a no-break space, and a conforming XML
// reader sees a tab in a tooltip as a space. DOT and SVG link a node to its
// URL only if it is an http or https URL, and percent-encode the bytes a
// URL cannot hold. JSON keeps every string as it is, invalid UTF-8 aside.
//
// A view whose edges name nodes it does not contain, or that has two nodes
// with the same ID, is rejected with ErrUnknownNode or ErrDuplicateNode
// before anything is written.
//
// # Concurrency
//
// WriteDOT and WriteJSON are safe for concurrent use. WriteSVG may be called
// from several goroutines, but renders one graph at a time: the Graphviz it
// runs is a single WebAssembly instance that is not safe for concurrent use.
package export

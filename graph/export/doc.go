// Package export writes graph views in the formats that drawing and analysis
// tools read.
//
// Each format has one file and one writer, and Write calls the writer of
// a format named in Formats, so that a command needs one call whatever
// the format:
//
//	var v *graph.View // from package graph
//	f, err := os.Create("map" + export.Ext(format))
//	...
//	err = export.Write(ctx, f, v, format, export.DOTOptions{})
//
// # Formats
//
// The formats, the tools that read them, and a minimal way to load the
// file in each:
//
//	format      writer           extension         read by
//	json        WriteJSON        .json             networkx, D3 force layouts
//	dot         WriteDOT         .dot              Graphviz (dot, sfdp, neato, ...)
//	svg         WriteSVG         .svg              browsers, Inkscape
//	cytoscape   WriteCytoscape   .cyjs             Cytoscape.js, Cytoscape desktop, networkx
//	graphology  WriteGraphology  .graphology.json  graphology, sigma.js
//	gexf        WriteGEXF        .gexf             Gephi, graphology-gexf, networkx 3
//	graphml     WriteGraphML     .graphml          networkx, igraph, Gephi, yEd, Cytoscape desktop
//	vosviewer   WriteVOSviewer   .vosviewer.json   VOSviewer Online, VOSviewer
//	csv         WriteCSV and     -nodes.csv and    pandas, R, Gephi's spreadsheet import,
//	            WriteCSVEdges    -edges.csv        spreadsheets
//
// Loading each, in Python (networkx), JavaScript or the tool itself:
//
//	json        G = json_graph.node_link_graph(json.load(open("map.json")))
//	            d3.forceLink(data.links).id(d => d.id)
//	dot         sfdp -Tpng map.dot -o map.png
//	svg         open map.svg in a browser
//	cytoscape   cytoscape({container, elements: doc.elements, layout: {name: "cose"}})
//	            G = json_graph.cytoscape_graph(json.load(open("map.cyjs")))
//	graphology  const graph = Graph.from(doc); new Sigma(graph, container)
//	gexf        Gephi: File > Open map.gexf
//	            const graph = gexf.parse(Graph, text)   // graphology-gexf
//	graphml     G = nx.read_graphml("map.graphml")
//	vosviewer   app.vosviewer.com: Open > VOSviewer JSON file > map.vosviewer.json
//	csv         nodes = pd.read_csv("map-nodes.csv"); edges = pd.read_csv("map-edges.csv")
//
// networkx 2.8, as Debian 12 ships it, reads GEXF only up to 1.2draft;
// networkx 3 reads the GEXF 1.3 that WriteGEXF writes. JSON Schema users
// find the node-link document described by NodeLinkSchema
// (schema/node-link.schema.json).
//
// The formats name the same things the same way: nodes have id, kind,
// label, title, type (the entity type), year, url, size (importance in
// [0, 1]), group and group_label, and edges source, target, kind, weight
// and label, less where a reader gives a name its own meaning (graphology
// and GEXF, see WriteGraphology and WriteGEXF). Uses and cites edges point
// from the citing paper to the cited one in every format; the formats
// that hold one direction for the whole graph take it from View.Directed,
// and graphology marks each edge (WriteGraphology).
//
// The formats whose readers need coordinates (graphology for sigma.js,
// Cytoscape.js, GEXF) carry starting positions: each group is a disc of
// its nodes, the discs side by side on a ring, always the same for the
// same view. They are a start for a force-directed layout, not a map.
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
// SVG, JSON, GEXF, GraphML or CSV reader. DOT nodes get generated names
// (n0, n1, ...) and carry the view's node ID in their id attribute, which
// Graphviz copies to the node's SVG element.
//
// The losses that the formats or Graphviz force are these. DOT, SVG, GEXF
// and GraphML replace control characters other than newline and tab (and,
// in GEXF and GraphML, carriage return), and invalid UTF-8, by U+FFFD,
// because XML cannot carry them. In SVG, Graphviz writes the second of two
// spaces in a row as a no-break space, and a conforming XML reader sees a
// tab in a tooltip as a space. DOT, SVG and VOSviewer link a node to its
// URL only if it is an http or https URL, and percent-encode the bytes a
// URL cannot hold. The JSON formats and CSV keep every string as it is,
// invalid UTF-8 aside; VOSviewer's descriptions are HTML, in which every
// string is escaped and a newline is a <br>, and VOSviewer trims labels
// itself.
//
// A view whose edges name nodes it does not contain, or that has two nodes
// with the same ID, is rejected with ErrUnknownNode or ErrDuplicateNode
// before anything is written, as is, for the data formats (all but DOT and
// SVG), a view with a size or weight that is not a finite number, and for
// cytoscape a node with an empty ID (ErrEmptyID).
//
// # Concurrency
//
// All writers but WriteSVG are safe for concurrent use. WriteSVG may be
// called from several goroutines, but renders one graph at a time: the
// Graphviz it runs is a single WebAssembly instance that is not safe for
// concurrent use.
//
// # Consumer tests
//
// The tests load every format with the tools above where they are
// installed, from testdata/consumers: networkx (Debian's python3-networkx)
// for node-link JSON, Cytoscape JSON, GraphML and GEXF; Cytoscape.js,
// graphology and graphology-gexf (npm ci in testdata/consumers) for
// Cytoscape JSON, graphology JSON and GEXF; python3-jsonschema for the
// schema; Graphviz's dot for DOT. They skip, saying so, when a tool is
// missing; make test installs them.
package export

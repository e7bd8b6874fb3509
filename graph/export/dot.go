package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/awalterschulze/gographviz"
	"github.com/awalterschulze/gographviz/ast"

	"github.com/paperkg/paperkg/graph"
)

// DOTOptions controls how WriteDOT and WriteSVG draw a view. The zero value
// gives an sfdp topic map with a legend and no clusters.
type DOTOptions struct {
	// Layout is the Graphviz layout engine named in the file and used by
	// WriteSVG: one of Layouts. Empty means "sfdp", the only engine that
	// lays out thousands of nodes in seconds.
	Layout string
	// Clusters draws each group (Node.Group >= 0) as a subgraph cluster_N
	// labelled with its GroupLabel. dot and fdp draw clusters as boxes;
	// sfdp mostly ignores them.
	Clusters bool
	// NoLegend leaves out the legend of group colours and entity types.
	NoLegend bool
}

// Layouts lists the layout engines DOTOptions.Layout accepts.
var Layouts = []string{"circo", "dot", "fdp", "neato", "osage", "patchwork", "sfdp", "twopi"}

func (o DOTOptions) layout() (string, error) {
	if o.Layout == "" {
		return "sfdp", nil
	}
	if !slices.Contains(Layouts, o.Layout) {
		return "", fmt.Errorf("export: invalid layout %q, must be one of [%s]", o.Layout, strings.Join(Layouts, ", "))
	}
	return o.Layout, nil
}

// groupColors is Tableau 10 without its grey, which is kept for papers
// outside every group, and with two hues of D3's category10 added. Labels
// are drawn beside the nodes, so the colours can be strong. Groups beyond
// the palette reuse it from the start.
var groupColors = []string{
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
	"#b07aa1", "#ff9da7", "#9c755f", "#17becf", "#bcbd22",
}

const noGroupColor = "#bab0ac"

// typeColors fills entity nodes, which are squares, by entity type.
var typeColors = map[string]string{
	"model":     "#6a51a3",
	"dataset":   "#238b45",
	"benchmark": "#d94801",
	"method":    "#2171b5",
}

const otherTypeColor = "#737373"

// typeOrder fixes the order of entity types in the legend.
var typeOrder = []string{"model", "dataset", "benchmark", "method"}

// maxLegendGroups bounds the legend: a map with more topics than colours
// repeats colours anyway, and a long legend hides the graph.
var maxLegendGroups = len(groupColors)

func groupColor(g int) string {
	if g < 0 {
		return noGroupColor
	}
	return groupColors[g%len(groupColors)]
}

func typeColor(t string) string {
	if c, ok := typeColors[t]; ok {
		return c
	}
	return otherTypeColor
}

// edgeStyle is how one edge kind is drawn.
type edgeStyle struct {
	color     string
	style     string
	arrowhead string  // "none" for kinds without a direction
	maxPen    float64 // penwidth of the heaviest edge; the lightest get 0.5
}

var edgeStyles = map[string]edgeStyle{
	// Many shared edges overlap in a dense map: a translucent grey keeps
	// the nodes readable and lets bundles show as darker areas.
	graph.SharedEdge:  {color: "#7f7f7f55", style: "solid", arrowhead: "none", maxPen: 4},
	graph.MentionEdge: {color: "#9e9e9e88", style: "solid", arrowhead: "none", maxPen: 3},
	// Arrows stand out by colour and head; at full width they hid the
	// shared edges under them.
	graph.UsesEdge:  {color: "#d95f02cc", style: "dashed", arrowhead: "normal", maxPen: 2.5},
	graph.CitesEdge: {color: "#252525", style: "solid", arrowhead: "normal", maxPen: 2.5},
}

var defaultEdgeStyle = edgeStyle{color: "#7f7f7f55", style: "solid", arrowhead: "none", maxPen: 4}

// WriteDOT writes v as a Graphviz DOT graph laid out for sfdp (or
// opt.Layout): a topic map in which papers are circles filled by group and
// entities squares filled by entity type, both growing with Node.Size, with
// the label beside the shape (the xlabel attribute) in a font of 10 to 22
// pt, also growing with Size. Edge width grows with Edge.Weight relative to
// the heaviest edge of the same kind, from 0.5 to at most 4 points; shared edges are translucent grey,
// uses edges dashed orange arrows, cites edges dark arrows. Tooltips give
// full titles, and for edges the entities they stand for; nodes with a URL
// link to it. A legend of group colours and entity types sits beside the
// map unless opt.NoLegend is set.
//
// Nodes are named n0, n1, ... (zero-padded) in ID order; the view's node ID
// is kept in each node's id attribute, which Graphviz copies to the node's
// SVG element. Edges of a kind without direction (shared, mentions) carry
// no arrowhead even in a directed view; uses and cites edges carry one
// even in an undirected view.
//
// For the force-directed engines (sfdp, neato, fdp), when the view has
// more than a few dozen connected components, the smallest are tied into
// one block by invisible edges, because Graphviz packs components in time
// that grows faster than quadratically with their number.
func WriteDOT(w io.Writer, v *graph.View, opt DOTOptions) error {
	g, err := buildDOT(v, opt)
	if err != nil {
		return err
	}
	if err := writeGraph(w, g); err != nil {
		return fmt.Errorf("export: writing dot: %w", err)
	}
	return nil
}

func buildDOT(v *graph.View, opt DOTOptions) (*gographviz.Graph, error) {
	s, err := sortView(v)
	if err != nil {
		return nil, err
	}
	layout, err := opt.layout()
	if err != nil {
		return nil, err
	}
	b := &dotBuilder{g: gographviz.NewGraph(), root: plainQuoting.quote(v.Name)}
	b.g.SetName(b.root)
	b.g.SetDir(v.Directed)
	b.graphAttrs(layout, v.Name)

	// Zero-padded names sort in the same order as the nodes, and
	// gographviz writes nodes sorted by name.
	width := len(strconv.Itoa(max(len(s.nodes)-1, 0)))
	names := make([]string, len(s.nodes))
	for i := range s.nodes {
		names[i] = fmt.Sprintf("n%0*d", width, i)
	}
	parents := make([]string, len(s.nodes))
	for i := range parents {
		parents[i] = b.root
	}
	if opt.Clusters {
		b.clusters(s.nodes, parents)
	}
	for i, n := range s.nodes {
		b.add(b.g.AddNode(parents[i], names[i], nodeAttrs(n)))
	}
	maxWeight := make(map[string]float64)
	for _, e := range s.edges {
		if w := finite(e.Weight); w > maxWeight[e.Kind] {
			maxWeight[e.Kind] = w
		}
	}
	for _, e := range s.edges {
		src, dst := names[s.index[e.Source]], names[s.index[e.Target]]
		b.add(b.g.AddEdge(src, dst, v.Directed, edgeAttrs(e, maxWeight[e.Kind], v.Directed)))
	}
	if layout == "sfdp" || layout == "neato" || layout == "fdp" {
		b.tray(s, names)
	}
	if !opt.NoLegend {
		b.legend(s.nodes)
	}
	if b.err != nil {
		// Only a misspelt attribute name gets here: a bug, not bad input.
		return nil, fmt.Errorf("export: building dot: %w", b.err)
	}
	return b.g, nil
}

// dotBuilder keeps the first error of a run of gographviz calls.
type dotBuilder struct {
	g    *gographviz.Graph
	root string
	err  error
}

func (b *dotBuilder) add(err error) {
	if b.err == nil {
		b.err = err
	}
}

func (b *dotBuilder) graphAttrs(layout, name string) {
	attrs := [][2]string{
		{"layout", layout},
		// overlap=false and overlap=prism take minutes on a few hundred
		// nodes in the WebAssembly Graphviz; scale is fast and leaves no
		// overlaps either.
		{"overlap", "scale"},
		// Nodes are small fixed shapes with their labels beside them
		// (xlabel), so that overlap removal separates the shapes only;
		// labels inside the shapes made the scaled map ten times larger.
		// K (sfdp's ideal edge length, default 0.3) and sep set how tight
		// the map is; chosen by looking at rendered maps.
		{"K", "1"},
		{"sep", "+2"},
		{"forcelabels", "true"},
		{"splines", "false"},
		{"outputorder", "edgesfirst"},
		{"label", name},
		{"labelloc", "t"},
		{"fontsize", "24"},
		{"fontname", "Helvetica"},
		{"bgcolor", "white"},
		{"pad", "0.3"},
	}
	for _, a := range attrs {
		q := plainQuoting
		if a[0] == "label" {
			q = labelQuoting
		}
		b.add(b.g.AddAttr(b.root, a[0], q.quote(a[1])))
	}
}

// clusters puts each grouped node into the cluster of its group.
func (b *dotBuilder) clusters(nodes []graph.Node, parents []string) {
	labels := make(map[int]string)
	for _, n := range nodes {
		if n.Group < 0 {
			continue
		}
		if l, ok := labels[n.Group]; !ok || l == "" {
			labels[n.Group] = n.GroupLabel
		}
	}
	for _, g := range sortedKeys(labels) {
		attrs := map[string]string{
			"label":     labelQuoting.quote(labels[g]),
			"tooltip":   tooltipQuoting.quote(labels[g]),
			"style":     `"rounded,dashed"`,
			"color":     `"#969696"`,
			"fontsize":  `"16"`,
			"fontname":  `"Helvetica"`,
			"fontcolor": `"#525252"`,
		}
		b.add(b.g.AddSubGraph(b.root, fmt.Sprintf("cluster_%d", g), attrs))
	}
	for i, n := range nodes {
		if n.Group >= 0 {
			parents[i] = fmt.Sprintf("cluster_%d", n.Group)
		}
	}
}

// legend adds one node for each colour in use, named by its group label or
// entity type and filled with the colour. The legend nodes are their own
// connected component, which the force-directed engines place beside the
// map; dot and fdp also draw the cluster around them.
func (b *dotBuilder) legend(nodes []graph.Node) {
	groups := make(map[int]string)
	types := make(map[string]bool)
	for _, n := range nodes {
		switch {
		case n.Kind == graph.EntityNode:
			types[n.Type] = true
		case n.Group >= 0:
			if l, ok := groups[n.Group]; !ok || l == "" {
				groups[n.Group] = n.GroupLabel
			}
		}
	}
	type entry struct{ label, shape, style, fill string }
	var entries []entry
	keys := sortedKeys(groups)
	for i, g := range keys {
		if i == maxLegendGroups {
			entries = append(entries, entry{fmt.Sprintf("+ %d more topics", len(keys)-i), "box", "filled", noGroupColor})
			break
		}
		label := groups[g]
		if label == "" {
			label = fmt.Sprintf("topic %d", g)
		}
		entries = append(entries, entry{label, "ellipse", "filled", groupColor(g)})
	}
	for _, t := range typeOrder {
		if types[t] {
			entries = append(entries, entry{t, "box", "filled,rounded", typeColor(t)})
			delete(types, t)
		}
	}
	if len(types) > 0 {
		entries = append(entries, entry{"other entity", "box", "filled,rounded", otherTypeColor})
	}
	if len(entries) == 0 {
		return
	}
	// One node whose label is a table of swatches: separate legend nodes
	// tied by invisible edges were spread across the whole map by
	// overlap=scale, which scales every distance, the legend's included.
	var t strings.Builder
	t.WriteString(`<<TABLE BORDER="1" COLOR="#bdbdbd" CELLBORDER="0" CELLSPACING="4" CELLPADDING="4" STYLE="ROUNDED">`)
	t.WriteString(`<TR><TD COLSPAN="` + strconv.Itoa(min(legendColumns, len(entries))) + `"><FONT POINT-SIZE="18">Legend</FONT></TD></TR>`)
	for i, e := range entries {
		if i%legendColumns == 0 {
			t.WriteString("<TR>")
		}
		t.WriteString(`<TD BGCOLOR="` + e.fill + `"`)
		if e.shape == "ellipse" || strings.Contains(e.style, "rounded") {
			t.WriteString(` STYLE="ROUNDED"`)
		}
		t.WriteString(`><FONT POINT-SIZE="18" COLOR="` + textColor(e.fill) + `">&#160;` + dotHTMLText(e.label) + legendPad(e.label) + `</FONT></TD>`)
		if i%legendColumns == legendColumns-1 || i == len(entries)-1 {
			t.WriteString("</TR>")
		}
	}
	t.WriteString("</TABLE>>")
	// The node sits in its own cluster, invisible: dot and fdp keep it in
	// one block, and the table draws its own frame and title.
	const cluster = "cluster_legend"
	b.add(b.g.AddSubGraph(b.root, cluster, map[string]string{
		"label": `""`,
		"style": `"invis"`,
	}))
	b.add(b.g.AddNode(cluster, "legend0", map[string]string{
		"label":    t.String(),
		"shape":    `"plain"`,
		"fontname": `"Helvetica"`,
		"tooltip":  `"Legend"`,
	}))
}

// legendPad is the space after a legend entry: Graphviz sizes text by
// Helvetica's widths, and the sans-serif fonts that SVG viewers fall back
// on are up to a fifth wider, which pushed long labels out of their cells.
func legendPad(label string) string {
	return strings.Repeat("&#160;", 2+utf8.RuneCountInString(label)/6)
}

// dotHTMLText escapes s for the text of a Graphviz HTML label; characters
// XML 1.0 cannot carry become U+FFFD and line breaks spaces.
func dotHTMLText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r == utf8.RuneError && n == 1, r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

const legendColumns = 3

// textColor returns black or white, whichever reads better on the colour
// fill ("#rrggbb"), by the WCAG relative luminance threshold.
func textColor(fill string) string {
	var r, g, b uint8
	if _, err := fmt.Sscanf(fill, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return "black"
	}
	lin := func(c uint8) float64 {
		x := float64(c) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	if 0.2126*lin(r)+0.7152*lin(g)+0.0722*lin(b) > 0.179 {
		return "black"
	}
	return "white"
}

// maxComponents bounds the connected components left for Graphviz to pack.
// The force-directed engines lay out each component apart and then pack
// them, which grows faster than quadratically: in the WebAssembly
// Graphviz, 200 isolated nodes take 1.3 s, 800 take 15 s, 2,000 take 100 s.
const maxComponents = 50

// tray ties the smallest components, beyond the largest maxComponents-1,
// into one grid by invisible edges. The grid is a single component, laid
// out beside the map like any other, and layouts stay fast however many
// papers share nothing with the rest.
func (b *dotBuilder) tray(s *sorted, names []string) {
	comps := components(s)
	if len(comps) <= maxComponents {
		return
	}
	small := comps[maxComponents-1:]
	cols := int(math.Ceil(math.Sqrt(float64(len(small)))))
	invis := map[string]string{"style": `"invis"`}
	for i, c := range small {
		if i%cols > 0 {
			b.add(b.g.AddEdge(names[small[i-1][0]], names[c[0]], b.g.Directed, invis))
		}
		if i >= cols {
			b.add(b.g.AddEdge(names[small[i-cols][0]], names[c[0]], b.g.Directed, invis))
		}
	}
}

// components returns the connected components of s as lists of node
// indices, each list in increasing order, the largest component first
// and components of equal size in the order of their first node.
func components(s *sorted) [][]int {
	parent := make([]int, len(s.nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, e := range s.edges {
		a, b := find(s.index[e.Source]), find(s.index[e.Target])
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	byRoot := make(map[int][]int)
	var roots []int
	for i := range s.nodes {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	comps := make([][]int, len(roots))
	for i, r := range roots {
		comps[i] = byRoot[r]
	}
	slices.SortStableFunc(comps, func(a, b []int) int { return len(b) - len(a) })
	return comps
}

func sortedKeys[K int | string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func nodeAttrs(n graph.Node) map[string]string {
	size := min(max(finite(n.Size), 0), 1)
	a := map[string]string{
		"id": plainQuoting.quote(n.ID),
		// go-graphviz replaces an empty label by the node name, so the
		// shape gets a blank one and the text goes outside as xlabel.
		"label":    `" "`,
		"tooltip":  tooltipQuoting.quote(nodeTooltip(n)),
		"fontname": `"Helvetica"`,
		// A 10 pt floor keeps every label readable at 100 % zoom; the
		// most important nodes reach 22 pt.
		"fontsize":  num(10 + 12*size),
		"fixedsize": `"true"`,
		"width":     num(nodeDiameter(size)),
		"height":    num(nodeDiameter(size)),
		"color":     `"#404040"`,
		"penwidth":  `"0.6"`,
	}
	if l := firstOf(n.Label, n.Title); l != "" {
		a["xlabel"] = labelQuoting.quote(l)
	}
	if n.Kind == graph.EntityNode {
		a["shape"] = `"box"`
		a["style"] = `"filled,rounded"`
		a["fillcolor"] = strconv.Quote(typeColor(n.Type))
	} else {
		a["shape"] = `"ellipse"`
		a["style"] = `"filled"`
		a["fillcolor"] = strconv.Quote(groupColor(n.Group))
	}
	if u, ok := linkURL(n.URL); ok {
		a["URL"] = plainQuoting.quote(u)
		a["target"] = `"_blank"`
	}
	return a
}

// linkURL returns the URL a node links to: u if it is an http or https
// URL, since a javascript: or data: link in a map would run code when
// clicked, with every byte that a URL cannot hold percent-encoded, as a
// browser would send it. Graphviz 2.43 writes the link unescaped into the
// SVG, so a '"' or '<' left in it would break the file.
func linkURL(u string) (string, bool) {
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") {
		return "", false
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String(), true
}

// nodeTooltip is the full title of a node, followed by the entity type or
// the year in parentheses when they are known.
func nodeTooltip(n graph.Node) string {
	tip := firstOf(n.Title, n.Label)
	var extra []string
	if n.Kind == graph.EntityNode && n.Type != "" {
		extra = append(extra, n.Type)
	}
	if n.Year > 0 {
		extra = append(extra, strconv.Itoa(n.Year))
	}
	if len(extra) > 0 {
		tip += " (" + strings.Join(extra, ", ") + ")"
	}
	return tip
}

// nodeDiameter is the drawn size in inches of a node of importance size.
func nodeDiameter(size float64) float64 { return 0.18 + 0.5*size }

func edgeAttrs(e graph.Edge, maxWeight float64, directed bool) map[string]string {
	st := styleOf(e.Kind)
	a := map[string]string{
		"penwidth":  num(penWidth(e, maxWeight)),
		"color":     strconv.Quote(st.color),
		"style":     strconv.Quote(st.style),
		"arrowhead": strconv.Quote(st.arrowhead),
		"arrowsize": `"0.7"`,
	}
	switch {
	case st.arrowhead != "none" && !directed:
		a["dir"] = `"forward"`
	case st.arrowhead == "none" && directed:
		a["dir"] = `"none"`
	}
	if e.Label != "" {
		a["tooltip"] = tooltipQuoting.quote(e.Label)
	}
	return a
}

func styleOf(kind string) edgeStyle {
	if st, ok := edgeStyles[kind]; ok {
		return st
	}
	return defaultEdgeStyle
}

// penWidth is the width of e in points, growing with its weight relative
// to maxWeight, the heaviest of its kind, from 0.5 to the style's maximum.
func penWidth(e graph.Edge, maxWeight float64) float64 {
	pen := 0.5
	if maxWeight > 0 {
		pen += (styleOf(e.Kind).maxPen - 0.5) * finite(e.Weight) / maxWeight
	}
	return max(pen, 0.5)
}

// firstOf returns the first non-empty string.
func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// finite maps NaN and infinities to 0 so that a bad weight or size draws
// as the smallest one instead of breaking the file.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

func num(x float64) string {
	return `"` + strconv.FormatFloat(x, 'f', 2, 64) + `"`
}

// quoting says how one family of Graphviz attributes must spell the
// characters that Graphviz itself interprets. Graphviz reads a quoted DOT
// string, then applies its escString rules (\N, \G, \n, \\, ...) once to
// labels, ids and URLs but twice to tooltips, and decodes HTML entities,
// so each family needs its own spelling of '\' to come out unchanged.
// Measured with Graphviz 2.43 and 12: both agree.
type quoting struct {
	backslash string
	newline   string
	tab       string
}

var (
	// labelQuoting is for drawn text: node, graph and cluster labels.
	labelQuoting = quoting{backslash: `\\`, newline: `\n`, tab: "\t"}
	// tooltipQuoting is for tooltips, which Graphviz unescapes twice.
	tooltipQuoting = quoting{backslash: `\\\\`, newline: `\n`, tab: "\t"}
	// plainQuoting is for ids, URLs and the graph name, where \n is not a
	// line break: newline and tab become character references, which
	// Graphviz passes to SVG as they are.
	plainQuoting = quoting{backslash: `\\`, newline: "&#10;", tab: "&#9;"}
)

// quote returns s as a double-quoted DOT string. A quoted string is never
// a keyword nor an HTML label, whatever it holds. '&' is written as an
// entity because Graphviz decodes entities in labels. Characters that XML
// 1.0 cannot carry, even as references (control characters, U+FFFE,
// U+FFFF, invalid UTF-8), become U+FFFD so that the SVG stays well-formed.
// A line break is a newline; "\r\n" and "\r" count as one.
func (q quoting) quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(q.backslash)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteString(q.newline)
		case r == '\n':
			b.WriteString(q.newline)
		case r == '\t':
			b.WriteString(q.tab)
		case unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError:
			// Invalid UTF-8 decodes as RuneError too. gographviz cannot
			// read a raw U+FFFD; Graphviz decodes the reference.
			b.WriteString("&#65533;")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeGraph prints g as gographviz's String does, but statement by
// statement into a buffered writer: String concatenates the whole file one
// statement at a time, which is quadratic and takes seconds on 10,000
// edges. Subgraphs are indented like the rest.
func writeGraph(w io.Writer, g *gographviz.Graph) error {
	a, err := g.WriteAst()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if a.Strict {
		bw.WriteString("strict ")
	}
	bw.WriteString(a.Type.String() + " " + a.ID.String() + " {\n")
	writeStmts(bw, a.StmtList, "\t")
	bw.WriteString("}\n")
	return bw.Flush()
}

func writeStmts(bw *bufio.Writer, list ast.StmtList, indent string) {
	for _, st := range list {
		if sg, ok := st.(*ast.SubGraph); ok {
			bw.WriteString(indent + "subgraph " + sg.ID.String() + " {\n")
			writeStmts(bw, sg.StmtList, indent+"\t")
			bw.WriteString(indent + "}\n")
			continue
		}
		if s := st.String(); s != "" {
			bw.WriteString(indent + s + ";\n")
		}
	}
}

package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/paperkg/paperkg/extract"
)

// ViewOptions select what a view shows. The zero value shows everything
// with the defaults below.
type ViewOptions struct {
	// Top keeps the Top nodes with the highest PageRank (for TopicView,
	// the largest topics); 0 keeps all.
	Top int
	// MinWeight drops links lighter than it: paper links by similarity,
	// entity links by association strength, topic links by their count.
	// Citations and citation-like links are kept.
	MinWeight float64
	// Types are the entity types the view uses; nil uses all.
	Types []extract.Type
	// Years keeps the papers published in a range of years; the zero
	// value keeps all papers, those of unknown year too.
	Years Years
	// MaxEdgesPerNode is how many of its strongest links of each kind a
	// node keeps (default 10; negative keeps all). A link stays when
	// either end keeps it, so a node can have more.
	MaxEdgesPerNode int
	// MaxDF makes the views ignore entities in more papers than this
	// (default DefaultMaxDF).
	MaxDF int
	// EntityWeight is β, how much shared entities raise the text
	// similarity of two papers (default DefaultEntityWeight; negative:
	// text alone). See PaperView.
	EntityWeight float64
	// Resolution is the Louvain resolution γ of topics and groups
	// (default 1): smaller gives fewer, larger topics.
	Resolution float64
	// MinTopicSize is the size below which a community is not a topic
	// (default DefaultMinTopicSize).
	MinTopicSize int
	// Color says what Node.Group means (default ColorTopic).
	Color Color
}

// DefaultEntityWeight is the default β of paper links and of Related:
// papers that share all their entities are half again as similar as their
// texts alone make them. Twice as similar let a short name that unrelated
// texts share ("DB" for a database and for difficulty balancing) put them
// first.
const DefaultEntityWeight = 0.5

// DefaultMinTopicSize is the smallest topic among n papers: max(3,
// n/1000), so that a handful of papers is a topic of a small collection but
// not of a large one.
func DefaultMinTopicSize(n int) int { return max(3, n/1000) }

func (opt ViewOptions) maxEdges() int {
	switch {
	case opt.MaxEdgesPerNode == 0:
		return 10
	case opt.MaxEdgesPerNode < 0:
		return 0
	}
	return opt.MaxEdgesPerNode
}

func (opt ViewOptions) maxDF(n int) int {
	if opt.MaxDF <= 0 {
		return DefaultMaxDF(n)
	}
	return opt.MaxDF
}

func (opt ViewOptions) entityWeight() float64 {
	return entityWeight(opt.EntityWeight)
}

func entityWeight(w float64) float64 {
	switch {
	case w == 0:
		return DefaultEntityWeight
	case w < 0:
		return 0
	}
	return w
}

func (opt ViewOptions) resolution() float64 {
	if opt.Resolution <= 0 {
		return 1
	}
	return opt.Resolution
}

func (opt ViewOptions) minTopicSize(n int) int {
	if opt.MinTopicSize <= 0 {
		return DefaultMinTopicSize(n)
	}
	return opt.MinTopicSize
}

func (opt ViewOptions) color() Color {
	if opt.Color == "" {
		return ColorTopic
	}
	return opt.Color
}

// A Color says what the groups of a view's nodes are.
type Color string

const (
	// ColorTopic groups papers by topic (see Topics) and, in the entity
	// and bipartite views, nodes by their Louvain community.
	ColorTopic Color = "topic"
	// ColorType groups entities by type, in the order of extract.Types;
	// papers have no group.
	ColorType Color = "type"
	// ColorYear groups papers by year, the earliest first; entities and
	// papers of unknown year have no group.
	ColorYear Color = "year"
)

// Years is a range of publication years, From to To included; 0 leaves
// an end open. The zero value is every year, unknown ones too.
type Years struct{ From, To int }

// Contains reports whether a paper of the year belongs to the range. A
// paper of unknown year (0) belongs only to the zero range.
func (y Years) Contains(year int) bool {
	if y == (Years{}) {
		return true
	}
	return year != 0 && (y.From == 0 || year >= y.From) && (y.To == 0 || year <= y.To)
}

// String formats the range as ParseYears reads it.
func (y Years) String() string {
	switch {
	case y == Years{}:
		return ""
	case y.From == y.To:
		return strconv.Itoa(y.From)
	case y.From == 0:
		return fmt.Sprintf("-%d", y.To)
	case y.To == 0:
		return fmt.Sprintf("%d-", y.From)
	}
	return fmt.Sprintf("%d-%d", y.From, y.To)
}

// ParseYears reads a range of years: "2024", "2023-2025", "2023-" (from
// 2023) or "-2024" (up to 2024).
func ParseYears(s string) (Years, error) {
	s = strings.TrimSpace(s)
	year := func(part string) (int, error) {
		if part == "" {
			return 0, nil
		}
		y, err := strconv.Atoi(part)
		if err != nil || y < 1 || y > 9999 {
			return 0, fmt.Errorf("graph: invalid year %q in %q, want YEAR or FROM-TO", part, s)
		}
		return y, nil
	}
	from, to, ranged := strings.Cut(s, "-")
	if s == "" || s == "-" {
		return Years{}, fmt.Errorf("graph: invalid years %q, want YEAR or FROM-TO", s)
	}
	f, err := year(strings.TrimSpace(from))
	if err != nil {
		return Years{}, err
	}
	if !ranged {
		return Years{f, f}, nil
	}
	t, err := year(strings.TrimSpace(to))
	if err != nil {
		return Years{}, err
	}
	if f != 0 && t != 0 && f > t {
		return Years{}, fmt.Errorf("graph: invalid years %q: %d is after %d", s, f, t)
	}
	return Years{f, t}, nil
}

// papersIn returns which papers of g opt.Years keeps.
func (g *Graph) papersIn(opt ViewOptions) []bool {
	in := make([]bool, len(g.pids))
	for p := range in {
		in[p] = opt.Years.Contains(g.papers[p].Year)
	}
	return in
}

// EntityView returns the map of entities of opt.Types that the papers of
// opt.Years mention, as VOSviewer draws term maps (van Eck and Waltman
// 2010, "Software survey: VOSviewer"). Sizes are PageRank on the
// co-occurrence counts c_ij, the number of papers that mention both i
// and j, and opt.Top keeps the entities of highest PageRank. Between the
// entities kept, two are joined by a SharedEdge weighted by their
// association strength (van Eck and Waltman 2009, "How to normalize
// cooccurrence data?"),
//
//	a_ij = N c_ij / (s_i s_j)
//
// where s_i is the number of papers that mention i and N the number of
// papers: the ratio of the co-occurrences observed to those expected if
// the two were independent, so that entities in every paper do not take
// every neighbour. Each entity keeps its MaxEdgesPerNode strongest links.
// Groups are, with ColorTopic, the Louvain communities of the
// association strengths, labelled by their entities in most papers, or
// with ColorType the entity types.
func (g *Graph) EntityView(ctx context.Context, opt ViewOptions) (View, error) {
	in := g.papersIn(opt)
	f := entityFilter{types: opt.Types}
	np := 0
	vdf := make([]int, len(g.ents)) // papers of the view mentioning each entity
	for p := range g.pids {
		if !in[p] {
			continue
		}
		np++
		es, _ := g.entitiesOf(int32(p))
		for _, e := range es {
			if f.keep(g, e) {
				vdf[e]++
			}
		}
	}
	var sel []int32
	local := make([]int32, len(g.ents))
	for e := range g.ents {
		local[e] = -1
		if vdf[e] > 0 {
			local[e] = int32(len(sel))
			sel = append(sel, int32(e))
		}
	}
	co := make(map[[2]int32]int)
	for p := range g.pids {
		if p%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return View{}, err
			}
		}
		if !in[p] {
			continue
		}
		es, _ := g.entitiesOf(int32(p))
		for i, a := range es {
			if local[a] < 0 {
				continue
			}
			for _, b := range es[i+1:] {
				if local[b] >= 0 {
					co[[2]int32{local[a], local[b]}]++
				}
			}
		}
	}
	counts := make([]arc, 0, 2*len(co))
	for pair, c := range co {
		counts = append(counts, arc{pair[0], pair[1], float64(c)}, arc{pair[1], pair[0], float64(c)})
	}
	rank := pageRank(len(sel), counts)
	ids := make([]string, len(sel))
	for i, e := range sel {
		ids[i] = "e:" + g.ents[e].ID
	}
	keep := topNodes(rank, ids, opt.Top, nil)

	// Links among the entities kept, by association strength.
	strength := func(pair [2]int32, c int) float64 {
		return float64(np) * float64(c) / (float64(vdf[sel[pair[0]]]) * float64(vdf[sel[pair[1]]]))
	}
	nbrs := make(map[int32][]int32)
	for pair, c := range co {
		if keep[pair[0]] && keep[pair[1]] && strength(pair, c) >= opt.MinWeight {
			nbrs[pair[0]] = append(nbrs[pair[0]], pair[1])
			nbrs[pair[1]] = append(nbrs[pair[1]], pair[0])
		}
	}
	key := func(a, b int32) [2]int32 { return [2]int32{min(a, b), max(a, b)} }
	as := func(a, b int32) float64 { k := key(a, b); return strength(k, co[k]) }
	k := opt.maxEdges()
	kept := make(map[[2]int32]bool)
	for a, bs := range nbrs {
		slices.SortFunc(bs, func(x, y int32) int {
			if c := cmp.Compare(as(a, y), as(a, x)); c != 0 {
				return c
			}
			if c := cmp.Compare(co[key(a, y)], co[key(a, x)]); c != 0 {
				return c
			}
			return cmp.Compare(x, y)
		})
		if k > 0 && len(bs) > k {
			bs = bs[:k]
		}
		for _, b := range bs {
			kept[key(a, b)] = true
		}
	}
	var edges []arc
	for pair := range kept {
		edges = append(edges, arc{pair[0], pair[1], as(pair[0], pair[1])})
	}
	slices.SortFunc(edges, func(a, b arc) int {
		if c := cmp.Compare(a.u, b.u); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})

	var group []int
	labels := make(map[int]string)
	if opt.color() == ColorTopic {
		group = communities(len(sel), edges, opt.resolution())
		// A community is labelled by its entities in most papers.
		members := make(map[int][]int32)
		for i, c := range group {
			if c >= 0 {
				members[c] = append(members[c], sel[i])
			}
		}
		for c, es := range members {
			slices.SortFunc(es, func(a, b int32) int {
				if c := cmp.Compare(vdf[b], vdf[a]); c != 0 {
					return c
				}
				if c := strings.Compare(g.ents[a].Name, g.ents[b].Name); c != 0 {
					return c
				}
				return cmp.Compare(a, b)
			})
			labels[c] = strings.Join(g.names(es[:min(len(es), labelSize)]), ", ")
		}
	}

	v := View{Name: "entities"}
	for i, e := range sel {
		if !keep[i] {
			continue
		}
		n := g.entityNode(e)
		n.Size = rank[i]
		if group != nil && group[i] >= 0 {
			n.Group = group[i]
			n.GroupLabel = labels[group[i]]
		}
		v.Nodes = append(v.Nodes, n)
	}
	if opt.color() == ColorType {
		groupByType(v.Nodes)
	}
	for _, e := range edges {
		v.Edges = append(v.Edges, Edge{Source: ids[e.u], Target: ids[e.v], Kind: SharedEdge, Weight: round4(e.w),
			Label: fmt.Sprintf("%d papers", co[[2]int32{e.u, e.v}])})
	}
	slices.SortFunc(v.Nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	sortEdges(v.Edges)
	return v, nil
}

// BipartiteView returns the papers of opt.Years and the entities of
// opt.Types they mention, each paper joined to the entities it mentions by
// a MentionEdge of weight 1 labelled with the paper's role. Sizes are
// PageRank on the bipartite graph; groups are, with ColorTopic, its
// Louvain communities labelled by their entities in most papers, with
// ColorType the entity types, with ColorYear the papers' years.
// MinWeight does not apply: every mention edge weighs 1.
func (g *Graph) BipartiteView(ctx context.Context, opt ViewOptions) (View, error) {
	in := g.papersIn(opt)
	f := entityFilter{types: opt.Types}
	var papers []int32
	for p := range g.pids {
		if in[p] {
			papers = append(papers, int32(p))
		}
	}
	np := len(papers)
	// Nodes 0..np-1 are papers, np+i the i-th entity mentioned.
	local := make([]int32, len(g.ents))
	for e := range local {
		local[e] = -1
	}
	var sel []int32
	var edges, arcs []arc
	var roles []bool
	for i, p := range papers {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return View{}, err
			}
		}
		es, intro := g.entitiesOf(p)
		for j, e := range es {
			if !f.keep(g, e) {
				continue
			}
			if local[e] < 0 {
				local[e] = int32(len(sel))
				sel = append(sel, e)
			}
			le := int32(np) + local[e]
			edges = append(edges, arc{int32(i), le, 1})
			arcs = append(arcs, arc{int32(i), le, 1}, arc{le, int32(i), 1})
			roles = append(roles, intro[j])
		}
	}
	n := np + len(sel)
	ids := make([]string, n)
	for i, p := range papers {
		ids[i] = g.pids[p]
	}
	for i, e := range sel {
		ids[np+i] = "e:" + g.ents[e].ID
	}
	rank := pageRank(n, arcs)
	keep := topNodes(rank, ids, opt.Top, nil)
	var group []int
	labels := make(map[int]string)
	if opt.color() == ColorTopic {
		group = communities(n, edges, opt.resolution())
		members := make(map[int][]int32) // entity members by community
		for i, c := range group[np:] {
			if c >= 0 {
				members[c] = append(members[c], sel[i])
			}
		}
		for c, es := range members {
			slices.SortFunc(es, func(a, b int32) int {
				if c := cmp.Compare(g.df(b), g.df(a)); c != 0 {
					return c
				}
				if c := strings.Compare(g.ents[a].Name, g.ents[b].Name); c != 0 {
					return c
				}
				return cmp.Compare(a, b)
			})
			labels[c] = strings.Join(g.names(es[:min(len(es), labelSize)]), ", ")
		}
	}
	influence := make([]int, len(g.pids))
	for _, l := range g.uses(entityFilter{types: opt.Types, maxDF: opt.maxDF(len(g.pids))}, in) {
		influence[l.to]++
	}

	v := View{Name: "bipartite"}
	for i := 0; i < n; i++ {
		if !keep[i] {
			continue
		}
		var node Node
		if i < np {
			node = g.paperNode(papers[i])
			node.Influence = influence[papers[i]]
		} else {
			node = g.entityNode(sel[i-np])
		}
		node.Size = rank[i]
		if group != nil && group[i] >= 0 {
			node.Group = group[i]
			node.GroupLabel = labels[group[i]]
		}
		v.Nodes = append(v.Nodes, node)
	}
	switch opt.color() {
	case ColorType:
		groupByType(v.Nodes)
	case ColorYear:
		groupByYear(v.Nodes)
	}
	slices.SortFunc(v.Nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	for i, e := range edges {
		if !keep[e.u] || !keep[e.v] {
			continue
		}
		role := string(extract.Uses)
		if roles[i] {
			role = string(extract.Introduces)
		}
		v.Edges = append(v.Edges, Edge{Source: ids[e.u], Target: ids[e.v], Kind: MentionEdge, Weight: 1, Label: role})
	}
	sortEdges(v.Edges)
	return v, nil
}

// groupByType sets the groups of nodes to their entity types, numbered in
// the order of extract.Types; papers get none.
func groupByType(nodes []Node) {
	for i := range nodes {
		n := &nodes[i]
		n.Group, n.GroupLabel = -1, ""
		if n.Kind != EntityNode {
			continue
		}
		if t := slices.Index(extract.Types, extract.Type(n.Type)); t >= 0 {
			n.Group, n.GroupLabel = t, n.Type
		}
	}
}

// groupByYear sets the groups of nodes to their years, numbered from 0 for
// the earliest year among them; entities and papers of unknown year get
// none.
func groupByYear(nodes []Node) {
	first := 0
	for _, n := range nodes {
		if n.Kind == PaperNode && n.Year > 0 && (first == 0 || n.Year < first) {
			first = n.Year
		}
	}
	for i := range nodes {
		n := &nodes[i]
		n.Group, n.GroupLabel = -1, ""
		if n.Kind == PaperNode && n.Year > 0 {
			n.Group, n.GroupLabel = n.Year-first, strconv.Itoa(n.Year)
		}
	}
}

// topNodes returns which nodes to keep: the top with the highest rank (ties
// broken by id) among those in selects (all if in is nil), or all of those
// if top <= 0.
func topNodes(rank []float64, ids []string, top int, in []bool) []bool {
	keep := make([]bool, len(rank))
	var order []int
	for i := range rank {
		if in == nil || in[i] {
			order = append(order, i)
		}
	}
	if top > 0 && top < len(order) {
		slices.SortFunc(order, func(a, b int) int {
			if c := cmp.Compare(rank[b], rank[a]); c != 0 {
				return c
			}
			return strings.Compare(ids[a], ids[b])
		})
		order = order[:top]
	}
	for _, i := range order {
		keep[i] = true
	}
	return keep
}

func sortEdges(es []Edge) {
	slices.SortFunc(es, func(a, b Edge) int {
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		if c := strings.Compare(a.Target, b.Target); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind)
	})
}

package graph

import (
	"cmp"
	"slices"
	"strings"

	"github.com/paperkg/paperkg/extract"
)

// ViewOptions select what a view shows.
type ViewOptions struct {
	// Top keeps the Top nodes with the highest PageRank; 0 keeps all.
	Top int
	// MinWeight drops edges lighter than it.
	MinWeight float64
	// Types are the entity types the view uses; nil uses all.
	Types []extract.Type
	// MaxEdgesPerNode is how many of its strongest edges of each kind a
	// node keeps (default 10; negative keeps all). An edge stays when
	// either end keeps it, so a node can have more.
	MaxEdgesPerNode int
	// MaxDF makes the paper view ignore entities in more papers than this
	// (default DefaultMaxDF).
	MaxDF int
}

func (opt ViewOptions) maxEdges() int {
	switch {
	case opt.MaxEdgesPerNode == 0:
		return 10
	case opt.MaxEdgesPerNode < 0:
		return 0
	}
	return opt.MaxEdgesPerNode
}

// labelSize is how many entity names a group's label holds.
const labelSize = 3

// paperMap is the paper graph of a view, before Top filtering.
type paperMap struct {
	shared []sharedEdge
	uses   []useLink
	cites  []arc
	rank   []float64 // PageRank, scaled to [0, 1]
	group  []int     // Louvain community, -1 for none
	filter entityFilter
}

// sharedEdge links papers (or entities) u < v through the entities ents.
type sharedEdge struct {
	u, v   int32
	weight float64
	ents   []int32
}

// PaperView returns the map of papers. Two papers are joined by a
// SharedEdge weighted by the summed idf of the entities they share, among
// those of opt.Types mentioned by at least two and at most opt.MaxDF
// papers; by a UsesEdge from a paper that uses an entity to the paper that
// introduces it, weighted by the summed idf of such entities; and by a
// CitesEdge where the input recorded a citation (weight 1). UsesEdge and
// CitesEdge are directed, from the citing paper to the cited one, though
// the view as a whole is not.
//
// Node sizes are the edge-weighted PageRank on all three kinds of edges, the
// shared ones taken both ways; groups are the Louvain communities of the
// shared edges, labelled by their most distinctive entities: the three with
// the highest (papers of the group mentioning it) × idf.
func (g *Graph) PaperView(opt ViewOptions) View {
	m := g.paperMap(opt)
	keep := topNodes(m.rank, g.pids, opt.Top)
	group := renumber(m.group, keep)
	labels := g.groupLabels(m.group, m.filter)

	v := View{Name: "papers"}
	for p := range g.pids {
		if !keep[p] {
			continue
		}
		n := g.paperNode(int32(p))
		n.Size = m.rank[p]
		n.Group = group[p]
		if m.group[p] >= 0 {
			n.GroupLabel = labels[m.group[p]]
		}
		v.Nodes = append(v.Nodes, n)
	}
	for _, e := range m.shared {
		if keep[e.u] && keep[e.v] {
			v.Edges = append(v.Edges, Edge{Source: g.pids[e.u], Target: g.pids[e.v], Kind: SharedEdge,
				Weight: round4(e.weight), Label: strings.Join(g.names(e.ents[:min(len(e.ents), labelSize)]), ", ")})
		}
	}
	for _, l := range m.uses {
		if keep[l.from] && keep[l.to] {
			v.Edges = append(v.Edges, Edge{Source: g.pids[l.from], Target: g.pids[l.to], Kind: UsesEdge,
				Weight: round4(l.weight), Label: strings.Join(g.names(l.ents[:min(len(l.ents), labelSize)]), ", ")})
		}
	}
	for _, c := range m.cites {
		if keep[c.u] && keep[c.v] {
			v.Edges = append(v.Edges, Edge{Source: g.pids[c.u], Target: g.pids[c.v], Kind: CitesEdge, Weight: 1})
		}
	}
	sortEdges(v.Edges)
	return v
}

func (g *Graph) paperMap(opt ViewOptions) *paperMap {
	n := len(g.pids)
	maxDF := opt.MaxDF
	if maxDF <= 0 {
		maxDF = DefaultMaxDF(n)
	}
	m := &paperMap{filter: entityFilter{types: opt.Types, maxDF: maxDF, minDF: 2}}
	k := opt.maxEdges()

	// Shared edges: each paper's neighbours through the selected entities,
	// summed in a dense scratch row; each paper keeps its k strongest.
	weight, seen := make([]float64, n), make([]bool, n)
	var touched []int32
	kept := make(map[[2]int32]bool)
	for p := int32(0); p < int32(n); p++ {
		es, _ := g.entitiesOf(p)
		for _, e := range es {
			if !m.filter.keep(g, e) {
				continue
			}
			ps, _ := g.papersOf(e)
			for _, q := range ps {
				if q == p {
					continue
				}
				if !seen[q] {
					seen[q] = true
					touched = append(touched, q)
				}
				weight[q] += g.idf[e]
			}
		}
		var cands []int32
		for _, q := range touched {
			if weight[q] > 0 && weight[q] >= opt.MinWeight {
				cands = append(cands, q)
			}
		}
		slices.SortFunc(cands, func(a, b int32) int {
			if c := cmp.Compare(weight[b], weight[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		if k > 0 && len(cands) > k {
			cands = cands[:k]
		}
		for _, q := range cands {
			kept[[2]int32{min(p, q), max(p, q)}] = true
		}
		for _, q := range touched {
			weight[q], seen[q] = 0, false
		}
		touched = touched[:0]
	}
	for pair := range kept {
		ents := g.shared(pair[0], pair[1], m.filter)
		var w float64
		for _, e := range ents {
			w += g.idf[e]
		}
		m.shared = append(m.shared, sharedEdge{u: pair[0], v: pair[1], weight: w, ents: ents})
	}
	slices.SortFunc(m.shared, func(a, b sharedEdge) int {
		if c := cmp.Compare(a.u, b.u); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})

	// Uses edges: each paper keeps its k strongest.
	uses := g.uses(entityFilter{types: opt.Types, maxDF: maxDF})
	for i := 0; i < len(uses); {
		j := i
		for j < len(uses) && uses[j].from == uses[i].from {
			j++
		}
		run := slices.DeleteFunc(slices.Clone(uses[i:j]), func(l useLink) bool {
			return l.weight <= 0 || l.weight < opt.MinWeight
		})
		slices.SortStableFunc(run, func(a, b useLink) int { return cmp.Compare(b.weight, a.weight) })
		if k > 0 && len(run) > k {
			run = run[:k]
		}
		slices.SortFunc(run, func(a, b useLink) int { return cmp.Compare(a.to, b.to) })
		m.uses = append(m.uses, run...)
		i = j
	}

	if opt.MinWeight <= 1 {
		m.cites = g.citations()
	}

	arcs := make([]arc, 0, 2*len(m.shared)+len(m.uses)+len(m.cites))
	edges := make([]arc, 0, len(m.shared))
	for _, e := range m.shared {
		arcs = append(arcs, arc{e.u, e.v, e.weight}, arc{e.v, e.u, e.weight})
		edges = append(edges, arc{e.u, e.v, e.weight})
	}
	for _, l := range m.uses {
		arcs = append(arcs, arc{l.from, l.to, l.weight})
	}
	arcs = append(arcs, m.cites...)
	m.rank = pageRank(n, arcs)
	m.group = communities(n, edges)
	return m
}

// shared returns the entities f selects that papers p and q both mention,
// by decreasing idf.
func (g *Graph) shared(p, q int32, f entityFilter) []int32 {
	a, _ := g.entitiesOf(p)
	b, _ := g.entitiesOf(q)
	var out []int32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if f.keep(g, a[i]) {
				out = append(out, a[i])
			}
			i++
			j++
		}
	}
	g.sortByIDF(out)
	return out
}

// citations returns the real citations the inputs recorded between papers
// of g, resolved by key, arXiv id, DOI or input id.
func (g *Graph) citations() []arc {
	ids := make(map[string]int32)
	for p := range g.pids {
		pp := &g.papers[p]
		for _, id := range []string{pp.ID, pp.ArXivID, strings.ToLower(pp.DOI), g.pids[p]} {
			if id != "" {
				ids[id] = int32(p)
			}
		}
	}
	seen := make(map[[2]int32]bool)
	var out []arc
	for p := range g.pids {
		for _, ref := range g.papers[p].References {
			q, ok := ids[ref]
			if !ok {
				q, ok = ids[strings.ToLower(ref)]
			}
			k := [2]int32{int32(p), q}
			if ok && q != int32(p) && !seen[k] {
				seen[k] = true
				out = append(out, arc{int32(p), q, 1})
			}
		}
	}
	return out
}

// groupLabels names each paper community by its labelSize most
// distinctive entities.
func (g *Graph) groupLabels(group []int, f entityFilter) map[int]string {
	members := make(map[int][]int32)
	for p, c := range group {
		if c >= 0 {
			members[c] = append(members[c], int32(p))
		}
	}
	labels := make(map[int]string, len(members))
	for c, ps := range members {
		labels[c] = strings.Join(g.distinctive(ps, f, labelSize), ", ")
	}
	return labels
}

// A Topic is a community of the paper view.
type Topic struct {
	ID       int      `json:"id"`       // the group number of the paper view
	Label    string   `json:"label"`    // its most distinctive entity names
	Size     int      `json:"size"`     // its number of papers
	Entities []string `json:"entities"` // up to ten distinctive entity names
	Papers   []string `json:"papers"`   // its paper keys, by decreasing PageRank
}

// Topics returns the communities of the paper view with opt (Top aside:
// topics cover all papers), largest first.
func (g *Graph) Topics(opt ViewOptions) []Topic {
	m := g.paperMap(opt)
	members := make(map[int][]int32)
	ngroups := 0
	for p, c := range m.group {
		if c >= 0 {
			members[c] = append(members[c], int32(p))
			ngroups = max(ngroups, c+1)
		}
	}
	labels := g.groupLabels(m.group, m.filter)
	topics := make([]Topic, 0, ngroups)
	for c := 0; c < ngroups; c++ {
		ps := members[c]
		slices.SortStableFunc(ps, func(a, b int32) int { return cmp.Compare(m.rank[b], m.rank[a]) })
		t := Topic{ID: c, Label: labels[c], Size: len(ps)}
		for _, p := range ps {
			t.Papers = append(t.Papers, g.pids[p])
		}
		t.Entities = g.distinctive(ps, m.filter, 10)
		topics = append(topics, t)
	}
	return topics
}

// distinctive returns the names of the n entities of f's types that best
// characterise papers ps: those with the highest count × idf, count being
// how many of ps mention the entity. Entities that only one of several
// papers mentions come after all the others.
func (g *Graph) distinctive(ps []int32, f entityFilter, n int) []string {
	count := make(map[int32]int)
	for _, p := range ps {
		es, _ := g.entitiesOf(p)
		for _, e := range es {
			if len(f.types) == 0 || slices.Contains(f.types, g.ents[e].Type) {
				count[e]++
			}
		}
	}
	es := make([]int32, 0, len(count))
	for e := range count {
		es = append(es, e)
	}
	single := func(e int32) bool { return len(ps) > 1 && count[e] < 2 }
	score := func(e int32) float64 { return float64(count[e]) * g.idf[e] }
	slices.SortFunc(es, func(a, b int32) int {
		if sa, sb := single(a), single(b); sa != sb {
			if sb {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(score(b), score(a)); c != 0 {
			return c
		}
		if c := strings.Compare(g.ents[a].Name, g.ents[b].Name); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return g.names(es[:min(len(es), n)])
}

// EntityView returns the map of entities of opt.Types, as VOSviewer draws
// term maps: two entities are joined by a SharedEdge weighted by the number
// of papers that mention both. Each entity keeps its strongest edges by
// association strength, c(a,b) / (df(a) df(b)) (van Eck and Waltman 2009),
// so that entities in every paper do not take every neighbour. Sizes are
// PageRank, groups Louvain communities labelled by their most frequent
// entities.
func (g *Graph) EntityView(opt ViewOptions) View {
	f := entityFilter{types: opt.Types}
	var sel []int32
	on := make([]bool, len(g.ents))
	for e := range g.ents {
		if f.keep(g, int32(e)) {
			on[e] = true
			sel = append(sel, int32(e))
		}
	}
	co := make(map[[2]int32]int)
	for p := range g.pids {
		es, _ := g.entitiesOf(int32(p))
		for i, a := range es {
			if !on[a] {
				continue
			}
			for _, b := range es[i+1:] {
				if on[b] {
					co[[2]int32{a, b}]++
				}
			}
		}
	}
	nbrs := make(map[int32][]int32)
	for pair, c := range co {
		if float64(c) >= opt.MinWeight {
			nbrs[pair[0]] = append(nbrs[pair[0]], pair[1])
			nbrs[pair[1]] = append(nbrs[pair[1]], pair[0])
		}
	}
	count := func(a, b int32) int { return co[[2]int32{min(a, b), max(a, b)}] }
	strength := func(a, b int32) float64 { return float64(count(a, b)) / float64(g.df(a)*g.df(b)) }
	k := opt.maxEdges()
	kept := make(map[[2]int32]bool)
	for a, bs := range nbrs {
		slices.SortFunc(bs, func(x, y int32) int {
			if c := cmp.Compare(strength(a, y), strength(a, x)); c != 0 {
				return c
			}
			if c := cmp.Compare(count(a, y), count(a, x)); c != 0 {
				return c
			}
			return cmp.Compare(x, y)
		})
		if k > 0 && len(bs) > k {
			bs = bs[:k]
		}
		for _, b := range bs {
			kept[[2]int32{min(a, b), max(a, b)}] = true
		}
	}
	var edges, arcs []arc
	for pair := range kept {
		w := float64(count(pair[0], pair[1]))
		edges = append(edges, arc{pair[0], pair[1], w})
		arcs = append(arcs, arc{pair[0], pair[1], w}, arc{pair[1], pair[0], w})
	}
	slices.SortFunc(edges, func(a, b arc) int {
		if c := cmp.Compare(a.u, b.u); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})

	// Rank and cluster the selected entities only, renumbered 0..len(sel)-1.
	local := make(map[int32]int32, len(sel))
	for i, e := range sel {
		local[e] = int32(i)
	}
	toLocal := func(as []arc) []arc {
		out := make([]arc, len(as))
		for i, a := range as {
			out[i] = arc{local[a.u], local[a.v], a.w}
		}
		return out
	}
	rank := pageRank(len(sel), toLocal(arcs))
	group := communities(len(sel), toLocal(edges))
	ids := make([]string, len(sel))
	for i, e := range sel {
		ids[i] = "e:" + g.ents[e].ID
	}
	keep := topNodes(rank, ids, opt.Top)
	renum := renumber(group, keep)

	// A community is labelled by its entities in most papers.
	members := make(map[int][]int32)
	for i, c := range group {
		if c >= 0 {
			members[c] = append(members[c], sel[i])
		}
	}
	labels := make(map[int]string)
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

	v := View{Name: "entities"}
	for i, e := range sel {
		if !keep[i] {
			continue
		}
		n := g.entityNode(e)
		n.Size = rank[i]
		n.Group = renum[i]
		if group[i] >= 0 {
			n.GroupLabel = labels[group[i]]
		}
		v.Nodes = append(v.Nodes, n)
	}
	for _, e := range edges {
		a, b := local[e.u], local[e.v]
		if keep[a] && keep[b] {
			v.Edges = append(v.Edges, Edge{Source: ids[a], Target: ids[b], Kind: SharedEdge, Weight: e.w})
		}
	}
	sortEdges(v.Edges)
	return v
}

// BipartiteView returns the papers and the entities of opt.Types, each paper
// joined to the entities it mentions by a MentionEdge of weight 1 labelled
// with the paper's role. Sizes are PageRank on the bipartite graph, groups
// its Louvain communities, labelled by their entities in most papers.
// MinWeight does not apply: every mention edge weighs 1.
func (g *Graph) BipartiteView(opt ViewOptions) View {
	f := entityFilter{types: opt.Types}
	np := len(g.pids)
	// Nodes 0..np-1 are papers, np+i the i-th selected entity.
	var sel []int32
	local := make(map[int32]int32)
	for e := range g.ents {
		if f.keep(g, int32(e)) {
			local[int32(e)] = int32(np + len(sel))
			sel = append(sel, int32(e))
		}
	}
	n := np + len(sel)
	ids := make([]string, n)
	copy(ids, g.pids)
	for i, e := range sel {
		ids[np+i] = "e:" + g.ents[e].ID
	}
	var edges, arcs []arc
	var roles []bool
	for p := int32(0); p < int32(np); p++ {
		es, intro := g.entitiesOf(p)
		for i, e := range es {
			if le, ok := local[e]; ok {
				edges = append(edges, arc{p, le, 1})
				arcs = append(arcs, arc{p, le, 1}, arc{le, p, 1})
				roles = append(roles, intro[i])
			}
		}
	}
	rank := pageRank(n, arcs)
	group := communities(n, edges)
	keep := topNodes(rank, ids, opt.Top)
	renum := renumber(group, keep)

	members := make(map[int][]int32) // entity members by community
	for i, c := range group[np:] {
		if c >= 0 {
			members[c] = append(members[c], sel[i])
		}
	}
	labels := make(map[int]string)
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

	v := View{Name: "bipartite"}
	for i := 0; i < n; i++ {
		if !keep[i] {
			continue
		}
		var node Node
		if i < np {
			node = g.paperNode(int32(i))
		} else {
			node = g.entityNode(sel[i-np])
		}
		node.Size = rank[i]
		node.Group = renum[i]
		if group[i] >= 0 {
			node.GroupLabel = labels[group[i]]
		}
		v.Nodes = append(v.Nodes, node)
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
	return v
}

// topNodes returns which nodes to keep: the top with the highest rank (ties
// broken by id), or all if top <= 0.
func topNodes(rank []float64, ids []string, top int) []bool {
	keep := make([]bool, len(rank))
	if top <= 0 || top >= len(rank) {
		for i := range keep {
			keep[i] = true
		}
		return keep
	}
	order := make([]int, len(rank))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(rank[b], rank[a]); c != 0 {
			return c
		}
		return strings.Compare(ids[a], ids[b])
	})
	for _, i := range order[:top] {
		keep[i] = true
	}
	return keep
}

// renumber numbers the groups that have kept nodes 0, 1, ... in the order
// of their old numbers; other nodes get -1.
func renumber(group []int, keep []bool) []int {
	var present []int
	for i, c := range group {
		if c >= 0 && keep[i] {
			present = append(present, c)
		}
	}
	slices.Sort(present)
	present = slices.Compact(present)
	out := make([]int, len(group))
	for i, c := range group {
		out[i] = -1
		if j, ok := slices.BinarySearch(present, c); ok && c >= 0 {
			out[i] = j
		}
	}
	return out
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

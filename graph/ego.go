package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

// EgoView returns the neighbourhood of one node: center is a paper key, or
// "e:" and an entity id. The view holds the nodes within depth steps of
// center (depth 1 if depth < 1), a step going along a link of the paper
// view (shared, similar, uses or cites) or from a paper to an entity of
// opt.Types it mentions and back; entities in more than opt.MaxDF papers
// are shown but not walked through, since a step through one would reach
// a large part of the graph. Edges are all those of these kinds between
// the nodes kept. opt.Top keeps the nodes of highest PageRank in the
// neighbourhood, center always among them; groups are as in PaperView for
// papers, and entity types with ColorType. It returns an error wrapping
// store.ErrNotFound if center is not in the graph or outside opt.Years.
func (g *Graph) EgoView(ctx context.Context, center string, depth int, opt ViewOptions) (View, error) {
	np := int32(len(g.pids))
	// Nodes: papers 0..np-1, entities np+e.
	var start int32 = -1
	if eid, ok := strings.CutPrefix(center, "e:"); ok {
		if e, ok := g.eindex[eid]; ok {
			start = np + e
		}
	} else if p, ok := g.pindex[center]; ok && opt.Years.Contains(g.papers[p].Year) {
		start = p
	}
	if start < 0 {
		return View{}, fmt.Errorf("graph: no node %q in the view: %w", center, store.ErrNotFound)
	}
	pg, err := g.paperGraph(ctx, opt)
	if err != nil {
		return View{}, err
	}
	if opt.color() == ColorTopic {
		if _, err := pg.topics(ctx); err != nil {
			return View{}, err
		}
	}
	maxDF := opt.maxDF(len(g.pids))
	typeOK := func(e int32) bool { return len(opt.Types) == 0 || slices.Contains(opt.Types, g.ents[e].Type) }

	// Paper adjacency along the view's links.
	adj := make(map[int32][]int32)
	for _, l := range pg.links {
		adj[l.u] = append(adj[l.u], l.v)
		adj[l.v] = append(adj[l.v], l.u)
	}
	for _, l := range pg.uses {
		adj[l.from] = append(adj[l.from], l.to)
		adj[l.to] = append(adj[l.to], l.from)
	}
	for _, c := range pg.cites {
		adj[c.u] = append(adj[c.u], c.v)
		adj[c.v] = append(adj[c.v], c.u)
	}

	reached := map[int32]bool{start: true}
	frontier := []int32{start}
	for step := 0; step < max(depth, 1) && len(frontier) > 0; step++ {
		if err := ctx.Err(); err != nil {
			return View{}, err
		}
		var next []int32
		visit := func(x int32) {
			if !reached[x] {
				reached[x] = true
				next = append(next, x)
			}
		}
		for _, x := range frontier {
			if x < np {
				for _, q := range adj[x] {
					visit(q)
				}
				es, _ := g.entitiesOf(x)
				for _, e := range es {
					if typeOK(e) {
						visit(np + e)
					}
				}
				continue
			}
			e := x - np
			if x != start && g.df(e) > maxDF {
				continue
			}
			ps, _ := g.papersOf(e)
			for _, p := range ps {
				if pg.in[p] {
					visit(p)
				}
			}
		}
		frontier = next
	}

	nodes := make([]int32, 0, len(reached))
	for x := range reached {
		nodes = append(nodes, x)
	}
	slices.Sort(nodes)
	local := make(map[int32]int32, len(nodes))
	ids := make([]string, len(nodes))
	for i, x := range nodes {
		local[x] = int32(i)
		if x < np {
			ids[i] = g.pids[x]
		} else {
			ids[i] = "e:" + g.ents[x-np].ID
		}
	}

	// Edges among the nodes reached, and their PageRank.
	var edges []Edge
	var arcs []arc
	for _, l := range pg.links {
		u, ok := local[l.u]
		v, ok2 := local[l.v]
		if ok && ok2 {
			arcs = append(arcs, arc{u, v, l.weight}, arc{v, u, l.weight})
		}
	}
	for _, l := range pg.uses {
		u, ok := local[l.from]
		v, ok2 := local[l.to]
		if ok && ok2 {
			arcs = append(arcs, arc{u, v, 1})
		}
	}
	for _, c := range pg.cites {
		u, ok := local[c.u]
		v, ok2 := local[c.v]
		if ok && ok2 {
			arcs = append(arcs, arc{u, v, 1})
		}
	}
	type mention struct {
		p, e  int32
		intro bool
	}
	var mentions []mention
	for _, x := range nodes {
		if x >= np {
			break
		}
		es, intro := g.entitiesOf(x)
		for i, e := range es {
			if le, ok := local[np+e]; ok {
				mentions = append(mentions, mention{x, e, intro[i]})
				arcs = append(arcs, arc{local[x], le, 1}, arc{le, local[x], 1})
			}
		}
	}
	rank := pageRank(len(nodes), arcs)
	keep := topNodes(rank, ids, opt.Top, nil)
	if !keep[local[start]] {
		keep = topNodes(rank, ids, opt.Top-1, nil)
		keep[local[start]] = true
	}
	kept := func(x int32) bool { i, ok := local[x]; return ok && keep[i] }

	v := View{Name: "ego"}
	for i, x := range nodes {
		if !keep[i] {
			continue
		}
		var n Node
		if x < np {
			n = g.paperNode(x)
			n.Influence = pg.influence[x]
			if opt.color() == ColorTopic && pg.topic[x] >= 0 {
				n.Group = pg.topic[x]
				n.GroupLabel = pg.tm.Topics[n.Group].Label
			}
		} else {
			n = g.entityNode(x - np)
		}
		n.Size = rank[i]
		v.Nodes = append(v.Nodes, n)
	}
	switch opt.color() {
	case ColorType:
		groupByType(v.Nodes)
	case ColorYear:
		groupByYear(v.Nodes)
	}
	for _, l := range pg.links {
		if kept(l.u) && kept(l.v) {
			edges = append(edges, pg.linkEdge(l))
		}
	}
	for _, l := range pg.uses {
		if kept(l.from) && kept(l.to) {
			edges = append(edges, Edge{Source: g.pids[l.from], Target: g.pids[l.to], Kind: UsesEdge,
				Weight: round4(l.weight), Label: strings.Join(g.names(l.ents[:min(len(l.ents), labelSize)]), ", ")})
		}
	}
	for _, c := range pg.cites {
		if kept(c.u) && kept(c.v) {
			edges = append(edges, Edge{Source: g.pids[c.u], Target: g.pids[c.v], Kind: CitesEdge, Weight: 1})
		}
	}
	for _, m := range mentions {
		if kept(m.p) && kept(np+m.e) {
			role := string(extract.Uses)
			if m.intro {
				role = string(extract.Introduces)
			}
			edges = append(edges, Edge{Source: g.pids[m.p], Target: "e:" + g.ents[m.e].ID, Kind: MentionEdge, Weight: 1, Label: role})
		}
	}
	slices.SortFunc(v.Nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	sortEdges(edges)
	v.Edges = edges
	return v, nil
}

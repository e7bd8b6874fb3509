package graph

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/paperkg/paperkg/store"
)

// A Topic is a community of the paper graph.
type Topic struct {
	// ID numbers topics from 0 by decreasing size; the paper view's
	// groups are these numbers.
	ID int `json:"id"`
	// Label names the topic: its most distinctive entities, topped up
	// with its most distinctive terms when fewer than three entities
	// recur in it.
	Label string `json:"label"`
	Size  int    `json:"size"` // its number of papers
	// Entities are up to ten of its most distinctive entity names, Terms
	// up to ten of its most distinctive terms, best first, among those
	// that more than one of its papers has.
	Entities []string `json:"entities"`
	Terms    []string `json:"terms"`
	// Papers are its paper keys, by decreasing PageRank within the topic:
	// its central papers first.
	Papers []string `json:"papers"`
}

// A TopicMap is the partition of the paper graph into topics.
type TopicMap struct {
	Resolution float64 `json:"resolution"`
	// Modularity is the modularity Q (at resolution 1) of the partition
	// Louvain found, topics and smaller communities alike.
	Modularity float64 `json:"modularity"`
	Papers     int     `json:"papers"` // papers in the graph
	Links      int     `json:"links"`  // links between them
	Topics     []Topic `json:"topics"`
	// Unlinked are the papers without a link, Scattered those in
	// communities smaller than MinTopicSize: neither belongs to a topic.
	Unlinked  []string `json:"unlinked"`
	Scattered []string `json:"scattered"`
}

// Topics returns the topics of the papers of opt.Years: the communities
// that the Louvain method finds in the paper graph that PaperView draws,
// at resolution opt.Resolution, each of at least opt.MinTopicSize papers,
// largest first.
//
// Louvain (Blondel, Guillaume, Lambiotte and Lefebvre 2008, "Fast
// unfolding of communities in large networks") maximises the modularity
//
//	Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)
//
// where A is the similarity of the links, k_i the summed similarity of
// node i's links, m their total and γ the resolution: γ < 1 gives fewer,
// larger topics, γ > 1 more, smaller ones. It runs with a fixed random
// source, so a database always gives the same topics.
//
// Topics are labelled by class-based TF-IDF (Grootendorst 2022, "BERTopic:
// neural topic modeling with a class-based TF-IDF procedure"): entity e
// scores in topic c
//
//	W(e, c) = tf(e, c) · ln(1 + A / f(e))
//
// where tf(e, c) is how many papers of c mention e, f(e) how many papers
// of all topics do and A the mean number of entity mentions per topic, so
// that an entity frequent in the topic and rare elsewhere comes first. An
// entity found in more than half the topics (of three or more) names
// none; one that a single paper of the topic mentions comes after all
// that several do. Terms score likewise, counted in the papers'
// signatures.
//
// The central papers of a topic are those of highest PageRank in the
// graph of its papers alone.
func (g *Graph) Topics(ctx context.Context, opt ViewOptions) (*TopicMap, error) {
	pg, err := g.paperGraph(ctx, opt)
	if err != nil {
		return nil, err
	}
	return pg.topics(ctx)
}

// topics partitions the paper graph into topics, once.
func (pg *paperGraph) topics(ctx context.Context) (*TopicMap, error) {
	if pg.tm != nil {
		return pg.tm, nil
	}
	g := pg.g
	n := len(g.pids)
	opt := pg.opt
	res := opt.resolution()
	tm := &TopicMap{Resolution: res, Papers: len(pg.sel), Links: len(pg.links)}

	local := make([]int32, n)
	for i := range local {
		local[i] = -1
	}
	for i, p := range pg.sel {
		local[p] = int32(i)
	}
	edges := make([]arc, len(pg.links))
	degree := make([]int, len(pg.sel))
	for i, l := range pg.links {
		edges[i] = arc{local[l.u], local[l.v], l.weight}
		degree[local[l.u]]++
		degree[local[l.v]]++
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	comms, q := louvain(len(pg.sel), edges, res)
	tm.Modularity = round4(q)

	minSize := opt.minTopicSize(len(pg.sel))
	pg.topic = make([]int, n)
	for i := range pg.topic {
		pg.topic[i] = -1
	}
	var members [][]int32
	for _, c := range comms {
		if len(c) == 1 && degree[c[0]] == 0 {
			tm.Unlinked = append(tm.Unlinked, g.pids[pg.sel[c[0]]])
			continue
		}
		if len(c) < minSize {
			for _, i := range c {
				tm.Scattered = append(tm.Scattered, g.pids[pg.sel[i]])
			}
			continue
		}
		ps := make([]int32, len(c))
		for j, i := range c {
			ps[j] = pg.sel[i]
		}
		members = append(members, ps)
	}
	slices.Sort(tm.Unlinked)
	slices.Sort(tm.Scattered)
	// comms come largest first, then by their smallest node.
	for t, ps := range members {
		for _, p := range ps {
			pg.topic[p] = t
		}
	}
	labels, ents, terms := pg.distinctive(members)
	for t, ps := range members {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		tp := Topic{ID: t, Label: labels[t], Size: len(ps), Entities: ents[t], Terms: terms[t]}
		for _, p := range pg.central(ps) {
			tp.Papers = append(tp.Papers, g.pids[p])
		}
		tm.Topics = append(tm.Topics, tp)
	}
	if tm.Topics == nil {
		tm.Topics = []Topic{}
	}
	if tm.Unlinked == nil {
		tm.Unlinked = []string{}
	}
	if tm.Scattered == nil {
		tm.Scattered = []string{}
	}
	pg.tm = tm
	return tm, nil
}

// central returns papers ps by decreasing PageRank in the graph of their
// links, citation-like links and citations among themselves, then by key.
func (pg *paperGraph) central(ps []int32) []int32 {
	member := make(map[int32]bool, len(ps))
	for _, p := range ps {
		member[p] = true
	}
	var arcs []arc
	for _, l := range pg.links {
		if member[l.u] && member[l.v] {
			arcs = append(arcs, arc{l.u, l.v, l.weight}, arc{l.v, l.u, l.weight})
		}
	}
	for _, l := range pg.uses {
		if member[l.from] && member[l.to] {
			arcs = append(arcs, arc{l.from, l.to, 1})
		}
	}
	for _, c := range pg.cites {
		if member[c.u] && member[c.v] {
			arcs = append(arcs, c)
		}
	}
	sorted := slices.Clone(ps)
	slices.Sort(sorted)
	rank := pg.localRank(sorted, arcs)
	slices.SortFunc(sorted, func(a, b int32) int {
		if c := cmp.Compare(rank[b], rank[a]); c != 0 {
			return c
		}
		return strings.Compare(pg.g.pids[a], pg.g.pids[b])
	})
	return sorted
}

// Label sizes: how many names a topic's label and its lists hold.
const (
	labelSize = 3
	listSize  = 10
)

// distinctive returns, for each topic of members, its label and its
// listSize most distinctive entity names and terms that more than one of
// its papers has, ranked together by class-based TF-IDF (see Topics) as
// the features of its papers: the entities they mention and the terms of
// their signatures.
func (pg *paperGraph) distinctive(members [][]int32) (labels []string, ents, terms [][]string) {
	g := pg.g
	ne := int32(len(g.ents))
	count := make([]map[int32]int, len(members))
	for c, ps := range members {
		count[c] = make(map[int32]int)
		for _, p := range ps {
			es, _ := g.entitiesOf(p)
			for _, e := range es {
				if len(pg.filter.types) == 0 || slices.Contains(pg.filter.types, g.ents[e].Type) {
					count[c][e]++
				}
			}
			ts, _ := g.signature(p)
			for _, t := range ts {
				count[c][ne+t]++
			}
		}
	}
	name := func(x int32) string {
		if x < ne {
			return g.ents[x].Name
		}
		return g.terms[x-ne]
	}
	labels = make([]string, len(members))
	ents = make([][]string, len(members))
	terms = make([][]string, len(members))
	for c, ranked := range ctfidf(count, members, name) {
		ents[c], terms[c] = []string{}, []string{}
		for _, x := range ranked {
			if len(members[c]) > 1 && count[c][x] < 2 {
				break // the rest are each in one paper only
			}
			switch {
			case x < ne && len(ents[c]) < listSize:
				ents[c] = append(ents[c], name(x))
			case x >= ne && len(terms[c]) < listSize:
				terms[c] = append(terms[c], name(x))
			}
		}
		labels[c] = topicLabel(ranked, ne, name)
	}
	return labels, ents, terms
}

// topicLabel names a topic by its first labelSize features of ranked,
// entities numbered below ne and terms above, skipping those that repeat
// a word of the names chosen before, or its start ("culturally" after
// "cultural"), so that the label names three things. A term that an
// entity of the topic spells ("lidar" for "LiDAR") is shown as the
// entity.
func topicLabel(ranked []int32, ne int32, name func(int32) string) string {
	spelled := make(map[string]string) // term -> entity name
	for _, x := range ranked[:min(len(ranked), 4*listSize)] {
		if x < ne {
			if ts := store.Terms("", name(x)).Terms; len(ts) == 1 {
				if _, ok := spelled[ts[0]]; !ok {
					spelled[ts[0]] = name(x)
				}
			}
		}
	}
	covered := make(map[string]bool)
	var label []string
	for _, x := range ranked {
		if len(label) == labelSize {
			break
		}
		nm := name(x)
		if x >= ne {
			if e, ok := spelled[nm]; ok {
				nm = e
			}
		}
		ts := store.Terms("", nm).Terms
		if len(ts) == 0 {
			ts = []string{nm}
		}
		if slices.ContainsFunc(ts, func(t string) bool { return repeats(t, covered) }) {
			continue
		}
		for _, t := range ts {
			covered[t] = true
		}
		label = append(label, nm)
	}
	return strings.Join(label, ", ")
}

// ctfidf ranks the items of each class by class-based TF-IDF, W = tf ·
// ln(1 + A/f), leaving out items in more than half the classes when there
// are three or more, and putting items counted once after the others in
// classes of several members. Ties go by name.
func ctfidf(count []map[int32]int, members [][]int32, name func(int32) string) [][]int32 {
	f := make(map[int32]int)
	present := make(map[int32]int)
	var total int
	for _, cc := range count {
		for x, k := range cc {
			f[x] += k
			if k >= 2 {
				present[x]++
			}
			total += k
		}
	}
	out := make([][]int32, len(count))
	if len(count) == 0 {
		return out
	}
	avg := float64(total) / float64(len(count))
	for c, cc := range count {
		var xs []int32
		for x := range cc {
			if len(count) >= 3 && 2*present[x] > len(count) {
				continue
			}
			xs = append(xs, x)
		}
		score := func(x int32) float64 { return float64(cc[x]) * math.Log(1+avg/float64(f[x])) }
		single := func(x int32) bool { return len(members[c]) > 1 && cc[x] < 2 }
		slices.SortFunc(xs, func(a, b int32) int {
			if sa, sb := single(a), single(b); sa != sb {
				if sb {
					return -1
				}
				return 1
			}
			if c := cmp.Compare(score(b), score(a)); c != 0 {
				return c
			}
			if c := strings.Compare(name(a), name(b)); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		out[c] = xs
	}
	return out
}

// repeats reports whether term t is one of words, or starts one of them
// or with one of them, for words of four letters or more ("sketch" and
// "sketche", "edit" and "editing"), or is one of them with a final "s".
func repeats(t string, words map[string]bool) bool {
	for w := range words {
		short, long := t, w
		if len(short) > len(long) {
			short, long = long, short
		}
		if t == w || long == short+"s" || len(short) >= 4 && strings.HasPrefix(long, short) {
			return true
		}
	}
	return false
}

// TopicView returns the map of topics: one node per topic of Topics, of ID
// "t:" and the topic number, labelled by the topic's label and sized by its
// number of papers (the largest has size 1), joined by a SharedEdge
// weighted by the number of paper links between the two topics. Each
// topic keeps its MaxEdgesPerNode strongest links by association strength
// (see EntityView), the links between two topics against those they have
// in all, so that large topics do not take every link. opt.Top keeps the
// largest topics.
func (g *Graph) TopicView(ctx context.Context, opt ViewOptions) (View, error) {
	pg, err := g.paperGraph(ctx, opt)
	if err != nil {
		return View{}, err
	}
	tm, err := pg.topics(ctx)
	if err != nil {
		return View{}, err
	}
	nt := len(tm.Topics)
	if opt.Top > 0 {
		nt = min(nt, opt.Top)
	}
	v := View{Name: "topics"}
	for _, t := range tm.Topics[:nt] {
		v.Nodes = append(v.Nodes, Node{
			ID: topicID(t.ID), Kind: TopicNode, Label: t.Label,
			Title: fmt.Sprintf("%s (%d papers)", t.Label, t.Size),
			Size:  round4(float64(t.Size) / float64(tm.Topics[0].Size)),
			Group: t.ID, GroupLabel: t.Label,
		})
	}
	count := make(map[[2]int]int)
	for _, l := range pg.links {
		a, b := pg.topic[l.u], pg.topic[l.v]
		if a >= 0 && b >= 0 && a != b && a < nt && b < nt {
			count[[2]int{min(a, b), max(a, b)}]++
		}
	}
	// Each topic keeps its k strongest links by association strength, as
	// in the entity view, so that large topics do not take every link.
	links := make(map[int]int)
	total := 0
	for pair, c := range count {
		links[pair[0]] += c
		links[pair[1]] += c
		total += c
	}
	strength := make(map[[2]int]float64)
	for pair, c := range count {
		if float64(c) >= opt.MinWeight {
			strength[pair] = float64(total) * float64(c) / (float64(links[pair[0]]) * float64(links[pair[1]]))
		}
	}
	for pair := range strongest(strength, opt.maxEdges()) {
		c := count[pair]
		v.Edges = append(v.Edges, Edge{Source: topicID(pair[0]), Target: topicID(pair[1]), Kind: SharedEdge,
			Weight: float64(c), Label: fmt.Sprintf("%d links", c)})
	}
	slices.SortFunc(v.Nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	sortEdges(v.Edges)
	return v, nil
}

func topicID(t int) string { return fmt.Sprintf("t:%d", t) }

// strongest returns the edges of weight (keyed by their ends, the smaller
// first) that either end has among its k heaviest, ties going to the
// smaller other end; all of them if k is 0.
func strongest(weight map[[2]int]float64, k int) map[[2]int]bool {
	nbrs := make(map[int][]int)
	for pair := range weight {
		nbrs[pair[0]] = append(nbrs[pair[0]], pair[1])
		nbrs[pair[1]] = append(nbrs[pair[1]], pair[0])
	}
	kept := make(map[[2]int]bool)
	for a, bs := range nbrs {
		w := func(b int) float64 { return weight[[2]int{min(a, b), max(a, b)}] }
		slices.SortFunc(bs, func(x, y int) int {
			if c := cmp.Compare(w(y), w(x)); c != 0 {
				return c
			}
			return cmp.Compare(x, y)
		})
		if k > 0 && len(bs) > k {
			bs = bs[:k]
		}
		for _, b := range bs {
			kept[[2]int{min(a, b), max(a, b)}] = true
		}
	}
	return kept
}

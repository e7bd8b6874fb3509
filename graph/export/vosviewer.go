package export

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/paperkg/paperkg/graph"
)

// WriteVOSviewer writes v as a VOSviewer JSON file, which VOSviewer
// Online (app.vosviewer.com) and recent releases of VOSviewer open. The
// structure follows the file format of the VOSviewer Online documentation
// (docs/file-types/json-file-type):
//
//	{"network": {
//	  "items": [{"id": 1, "label": "LoRA", "description": "<table>...</table>",
//	             "url": "https://arxiv.org/abs/2106.09685", "cluster": 1,
//	             "weights": {"Links": 2, "Total link strength": 3.3},
//	             "scores": {"Avg. pub. year": 2021}}, ...],
//	  "links": [{"source_id": 1, "target_id": 2, "strength": 3.3,
//	             "description": "<table>...</table>"}, ...],
//	  "clusters": [{"cluster": 1, "label": "fine-tuning"}, ...]},
//	 "config": {"terminology": {"item": "paper", "items": "papers"}}}
//
// Items are the nodes, numbered from 1 in ID order: VOSviewer takes an id
// of 0 for a missing one. cluster is Node.Group + 1, as VOSviewer numbers
// clusters from 1, and is left out for nodes without a group or with a
// group beyond VOSviewer's 1000; clusters name the groups by their
// GroupLabel ("topic N" when it is empty). When no node has a group
// VOSviewer clusters the map itself.
//
// Links are unique per pair of items, in either direction, since
// VOSviewer's links have none: the edges joining two nodes (a shared
// edge, a uses edge, a citation) become one link whose strength is the sum
// of their weights (never below 0) and whose description lists each
// edge's kind and label, with the names of its source and target for uses
// and cites edges. The weights of each item
// are its number of links and total link strength, as VOSviewer computes
// them; its score is the publication year, left out when unknown.
//
// x and y are written only for a view without edges, where VOSviewer
// needs them; otherwise VOSviewer lays the map out itself (its VOS
// layout), which is what it is for. The description shows the title,
// entity type, year, group and node ID as an HTML table, every string
// HTML-escaped, with newlines as <br>; url is given for http and https
// URLs only, as WriteDOT links them. Labels are written as they are;
// VOSviewer trims them, and shows the item's number for an empty one.
//
// VOSviewer refuses a file with fewer than three items. Strings are
// written as WriteJSON writes them.
func WriteVOSviewer(w io.Writer, v *graph.View) error {
	s, err := sortView(v)
	if err != nil {
		return err
	}
	if err := checkFinite(s); err != nil {
		return err
	}
	links := vosLinks(s)
	nLinks := make([]int, len(s.nodes))
	strength := make([]float64, len(s.nodes))
	for _, l := range links {
		for _, i := range [...]int{l.a, l.b} {
			nLinks[i]++
			strength[i] += l.strength
		}
	}
	var pos [][2]float64
	if len(links) == 0 {
		pos = positions(s.nodes)
	}

	var items []vosItem
	groups := make(map[int]string)
	for i, n := range s.nodes {
		it := vosItem{
			ID: i + 1, Label: n.Label, Description: vosNodeDescription(n),
			Weights: vosWeights{Links: nLinks[i], TotalLinkStrength: round(strength[i])},
		}
		if u, ok := linkURL(n.URL); ok {
			it.URL = u
		}
		if pos != nil {
			it.X, it.Y = &pos[i][0], &pos[i][1]
		}
		if n.Group >= 0 && n.Group < 1000 {
			c := n.Group + 1
			it.Cluster = &c
			if l, ok := groups[n.Group]; !ok || l == "" {
				groups[n.Group] = n.GroupLabel
			}
		}
		if n.Year != 0 {
			it.Scores = &vosScores{AvgPubYear: n.Year}
		}
		items = append(items, it)
	}
	clusters := []vosCluster{}
	for _, g := range sortedKeys(groups) {
		label := groups[g]
		if label == "" {
			label = fmt.Sprintf("topic %d", g)
		}
		clusters = append(clusters, vosCluster{Cluster: g + 1, Label: label})
	}

	bw := bufio.NewWriter(w)
	// One item or link a line, as WriteJSON does.
	var b []byte
	put := func(x any, sep string) {
		if err != nil {
			return
		}
		if b, err = json.Marshal(x); err == nil {
			bw.Write(b)
			bw.WriteString(sep)
		}
	}
	bw.WriteString(`{"network":{"items":[` + "\n")
	for i, it := range items {
		put(it, sep(i, len(items)))
	}
	bw.WriteString(`],"links":[` + "\n")
	for i, l := range links {
		put(vosLink{
			SourceID: l.a + 1, TargetID: l.b + 1, Strength: round(l.strength),
			Description: vosLinkDescription(s.nodes[l.a], s.nodes[l.b], l.edges),
		}, sep(i, len(links)))
	}
	bw.WriteString(`],"clusters":`)
	put(clusters, "}")
	if c := vosConfig(s.nodes); c != nil {
		bw.WriteString(`,"config":`)
		put(c, "")
	}
	bw.WriteString("}\n")
	if err != nil {
		return fmt.Errorf("export: encoding vosviewer: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: writing vosviewer: %w", err)
	}
	return nil
}

// vosLinkEdges is the link between the nodes at a < b of a sorted view,
// with the edges it stands for.
type vosLinkEdges struct {
	a, b     int
	strength float64
	edges    []graph.Edge
}

// vosLinks merges the edges of s into one link per pair of nodes, sorted
// by the pair. Self-loops have no link: VOSviewer draws none.
func vosLinks(s *sorted) []vosLinkEdges {
	byPair := make(map[[2]int]*vosLinkEdges)
	var out []*vosLinkEdges
	for _, e := range s.edges {
		a, b := s.index[e.Source], s.index[e.Target]
		if a == b {
			continue
		}
		if b < a {
			a, b = b, a
		}
		l := byPair[[2]int{a, b}]
		if l == nil {
			l = &vosLinkEdges{a: a, b: b}
			byPair[[2]int{a, b}] = l
			out = append(out, l)
		}
		l.strength += e.Weight
		l.edges = append(l.edges, e)
	}
	slices.SortFunc(out, func(x, y *vosLinkEdges) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	links := make([]vosLinkEdges, len(out))
	for i, l := range out {
		// VOSviewer refuses negative strengths; views have positive
		// weights, so only a broken view gets here.
		l.strength = max(l.strength, 0)
		links[i] = *l
	}
	return links
}

// vosConfig names the items after the node kind when all nodes share one,
// so that VOSviewer says "papers" rather than "items".
func vosConfig(nodes []graph.Node) *vosConfigJSON {
	if len(nodes) == 0 {
		return nil
	}
	kind := nodes[0].Kind
	for _, n := range nodes {
		if n.Kind != kind {
			return nil
		}
	}
	var item, items string
	switch kind {
	case graph.PaperNode:
		item, items = "paper", "papers"
	case graph.EntityNode:
		item, items = "entity", "entities"
	default:
		return nil
	}
	return &vosConfigJSON{Terminology: vosTerminology{Item: item, Items: items}}
}

// vosNodeDescription is the HTML table VOSviewer shows for an item.
func vosNodeDescription(n graph.Node) string {
	var rows [][2]string
	if n.Title != "" {
		rows = append(rows, [2]string{"Title", n.Title})
	}
	if n.Type != "" {
		rows = append(rows, [2]string{"Type", n.Type})
	}
	if n.Year != 0 {
		rows = append(rows, [2]string{"Year", strconv.Itoa(n.Year)})
	}
	if n.GroupLabel != "" {
		rows = append(rows, [2]string{"Topic", n.GroupLabel})
	}
	rows = append(rows, [2]string{"ID", n.ID})
	return htmlTable(rows)
}

// vosLinkDescription lists the edges a link stands for, one row each: the
// kind, and the label; uses and cites edges, which have a direction that
// the link has not, name their source and target first.
func vosLinkDescription(a, b graph.Node, edges []graph.Edge) string {
	name := func(n graph.Node) string { return firstOf(n.Label, n.Title, n.ID) }
	rows := make([][2]string, len(edges))
	for i, e := range edges {
		text := e.Label
		if e.Kind == graph.UsesEdge || e.Kind == graph.CitesEdge {
			from, to := a, b
			if e.Source == b.ID {
				from, to = b, a
			}
			text = name(from) + " → " + name(to)
			if e.Label != "" {
				text += ": " + e.Label
			}
		}
		rows[i] = [2]string{e.Kind, text}
	}
	return htmlTable(rows)
}

// htmlTable writes rows of a heading and a value as an HTML table, the
// form VOSviewer's own descriptions take. Every string is escaped, and
// newlines become <br> so that they show.
func htmlTable(rows [][2]string) string {
	var b strings.Builder
	b.WriteString("<table>")
	for _, r := range rows {
		b.WriteString("<tr><td>" + htmlText(r[0]) + "</td><td>" + htmlText(r[1]) + "</td></tr>")
	}
	b.WriteString("</table>")
	return b.String()
}

func htmlText(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

type vosItem struct {
	ID          int        `json:"id"`
	Label       string     `json:"label"`
	Description string     `json:"description"`
	URL         string     `json:"url,omitempty"`
	X           *float64   `json:"x,omitempty"`
	Y           *float64   `json:"y,omitempty"`
	Cluster     *int       `json:"cluster,omitempty"`
	Weights     vosWeights `json:"weights"`
	Scores      *vosScores `json:"scores,omitempty"`
}

type vosWeights struct {
	Links             int     `json:"Links"`
	TotalLinkStrength float64 `json:"Total link strength"`
}

type vosScores struct {
	AvgPubYear int `json:"Avg. pub. year"`
}

type vosLink struct {
	SourceID    int     `json:"source_id"`
	TargetID    int     `json:"target_id"`
	Strength    float64 `json:"strength"`
	Description string  `json:"description,omitempty"`
}

type vosCluster struct {
	Cluster int    `json:"cluster"`
	Label   string `json:"label"`
}

type vosConfigJSON struct {
	Terminology vosTerminology `json:"terminology"`
}

type vosTerminology struct {
	Item  string `json:"item"`
	Items string `json:"items"`
}

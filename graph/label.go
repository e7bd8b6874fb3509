package graph

import (
	"strings"
	"unicode/utf8"

	"github.com/paperkg/paperkg/corpus"
)

// maxLabel is the length, in characters, of the short titles that label
// paper nodes.
const maxLabel = 40

// ShortTitle returns a label for a paper: the name before the colon of a
// title that has one ("LipVoicer" for "LipVoicer: Generating Speech from
// Silent Videos"), else the title's first words, at most about 40
// characters, with an ellipsis where words were dropped.
func ShortTitle(title string) string {
	t := strings.Join(strings.Fields(title), " ")
	if name, _, ok := strings.Cut(t, ":"); ok {
		name = strings.TrimSpace(name)
		if name != "" && utf8.RuneCountInString(name) <= maxLabel && len(strings.Fields(name)) <= 5 {
			return name
		}
	}
	if utf8.RuneCountInString(t) <= maxLabel {
		return t
	}
	var b strings.Builder
	for _, w := range strings.Fields(t) {
		if b.Len() > 0 && utf8.RuneCountInString(b.String())+1+utf8.RuneCountInString(w) > maxLabel-1 {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	s := b.String()
	if utf8.RuneCountInString(s) > maxLabel-1 {
		// One long word: cut it.
		s = string([]rune(s)[:maxLabel-1])
	}
	return strings.TrimRight(s, " ,;:.-") + "…"
}

// PaperURL returns where to read a paper: its arXiv abstract page, else
// its DOI's resolver address, else the URL its record gave.
func PaperURL(p corpus.Paper) string {
	switch {
	case p.ArXivID != "":
		return "https://arxiv.org/abs/" + p.ArXivID
	case p.DOI != "":
		return "https://doi.org/" + p.DOI
	}
	return p.URL
}

func (g *Graph) paperNode(p int32) Node {
	pp := &g.papers[p]
	label := ShortTitle(pp.Title)
	if label == "" {
		label = g.pids[p]
	}
	return Node{ID: g.pids[p], Kind: PaperNode, Label: label, Title: pp.Title, Year: pp.Year, URL: PaperURL(*pp), Group: -1}
}

func (g *Graph) entityNode(e int32) Node {
	en := &g.ents[e]
	return Node{ID: "e:" + en.ID, Kind: EntityNode, Label: en.Name, Title: en.Name, Type: string(en.Type), Group: -1}
}

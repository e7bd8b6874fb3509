package synth

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/paperkg/paperkg/corpus"
)

// The law of names: a slot takes name k (0 the most used real name) with
// probability proportional to (zipfV + k)^-zipfS, over the real names and
// then made-up ones up to zipfMax. With these, a corpus made from the
// 70,092-paper arXiv listing has about as many papers per name at the head
// and as large a share of names used once as the listing itself.
const (
	zipfS   = 1.2
	zipfV   = 4
	zipfMax = 1 << 26
	// reuse is the chance that a slot takes a name the paper used before.
	reuse = 0.75
	// keep is the chance that a sentence of an abstract is its model's.
	keep = 0.5
)

// MaxPapers is how many papers a Generator makes before its identifiers
// run out: 120 months of 99,999.
const MaxPapers = 120 * 99999

// A Generator draws synthetic papers from a Model. Build it with
// NewGenerator.
type Generator struct {
	m    *Model
	r    *rand.Rand
	zipf *rand.Zipf
	n    int // papers made

	// Per paper: the names used, and which of them are defined.
	used    []string
	defined map[string]bool
	own     string
}

// NewGenerator returns a Generator of papers from m, seeded with seed.
func NewGenerator(m *Model, seed uint64) *Generator {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	return &Generator{
		m:       m,
		r:       r,
		zipf:    rand.NewZipf(r, zipfS, zipfV, zipfMax),
		defined: make(map[string]bool),
	}
}

// Paper returns the next paper. It panics after MaxPapers papers.
func (g *Generator) Paper() corpus.Paper {
	if g.n >= MaxPapers {
		panic(fmt.Sprintf("synth: more than %d papers", MaxPapers))
	}
	i := g.n
	g.n++
	g.used = g.used[:0]
	clear(g.defined)
	g.own = ownName(i)

	m := g.m
	month := i % 120
	p := corpus.Paper{
		ID:   fmt.Sprintf("%02d%02d.%05d", 15+month/12, 1+month%12, 1+i/120),
		Year: 2015 + month/12,
	}
	p.ArXivID = p.ID

	// The title first, so that a title's "X: ..." is what the abstract
	// then calls "our X".
	var tb strings.Builder
	if g.r.IntN(m.titles) < m.colon {
		tb.WriteString(g.own)
		tb.WriteString(": ")
	}
	if k := len(m.heads); k > 0 && g.r.IntN(k+len(m.whole)) < k {
		h, t := g.r.IntN(k), g.r.IntN(k)
		g.fill(&tb, m.heads[h])
		tb.WriteString(" " + m.joins[t] + " ")
		g.fill(&tb, m.tails[t])
	} else {
		g.fill(&tb, m.whole[g.r.IntN(len(m.whole))])
	}
	p.Title = tb.String()

	// An abstract keeps the topic of a real one: each of its sentences is
	// that abstract's, or one from the same position in another, and at
	// least one is another's.
	var ab strings.Builder
	base := g.r.IntN(m.Papers())
	off, n := int(m.offsets[base]), int(m.offsets[base+1]-m.offsets[base])
	swapped := false
	for s := 0; s < n; s++ {
		if s > 0 {
			ab.WriteByte(' ')
		}
		k := off + s
		if g.r.Float64() >= keep || s == n-1 && !swapped {
			swapped = true
			pool := m.middle
			switch {
			case s == 0:
				pool = m.first
			case s == n-1:
				pool = m.last
			}
			k = int(pool[g.r.IntN(len(pool))])
		}
		g.fill(&ab, m.sentences[k])
	}
	p.Abstract = ab.String()

	if len(m.authors) > 0 {
		k := m.authorCounts[g.r.IntN(len(m.authorCounts))]
		for a := 0; a < k; a++ {
			p.Authors = append(p.Authors, m.authors[g.r.IntN(len(m.authors))])
		}
	}
	p.Categories = m.categories[g.r.IntN(len(m.categories))]
	return p
}

// fill writes template t with its slots filled.
func (g *Generator) fill(b *strings.Builder, t string) {
	for i := 0; i < len(t); {
		j := i
		for j < len(t) && !isSlot(t[j]) {
			j++
		}
		b.WriteString(t[i:j])
		if j == len(t) {
			return
		}
		kind := t[j]
		name := g.own
		if kind == slotName || kind == slotDefined {
			name = g.name()
		}
		if (kind == slotDefined || kind == slotOwnDefine) && !g.defined[name] {
			g.defined[name] = true
			if lf := g.m.long[name]; lf != "" {
				b.WriteString(lf)
				b.WriteString(" (")
				b.WriteString(name)
				b.WriteString(")")
				i = j + 1
				continue
			}
		}
		b.WriteString(name)
		i = j + 1
	}
}

// name returns the name for a slot that is not the paper's own.
func (g *Generator) name() string {
	if len(g.used) > 0 && g.r.Float64() < reuse {
		return g.used[g.r.IntN(len(g.used))]
	}
	k := int(g.zipf.Uint64())
	var name string
	if k < len(g.m.names) {
		name = g.m.names[k]
	} else {
		name = madeUp(2 * (k - len(g.m.names)))
	}
	g.used = append(g.used, name)
	return name
}

// ownName is the name paper i introduces; it shares no name with the
// others, nor with madeUp's.
func ownName(i int) string { return madeUp(2*i + 1) }

// madeUp returns the k-th made-up name: a word of two or more syllables
// that k spells in base 80, then a suffix that the word's last syllable
// picks. Distinct k give distinct words, even once folded to lower case
// without punctuation, and no word ends in "s", which a name loses when
// paperkg folds it.
func madeUp(k int) string {
	const consonants, vowels = "bdfgklmnprtvzhjc", "aeiou"
	syllables, span := 2, len(consonants)*len(vowels)*len(consonants)*len(vowels)
	for k >= span {
		k -= span
		syllables++
		span *= len(consonants) * len(vowels)
	}
	var b strings.Builder
	var last int
	for s := 0; s < syllables; s++ {
		d := k % (len(consonants) * len(vowels))
		k /= len(consonants) * len(vowels)
		c := consonants[d/len(vowels)]
		if s == 0 {
			c -= 'a' - 'A'
		}
		b.WriteByte(c)
		b.WriteByte(vowels[d%len(vowels)])
		last = d
	}
	b.WriteString(suffixes[last%len(suffixes)])
	return b.String()
}

// suffixes give made-up names the shapes real ones have; each starts with
// a capital or a hyphen, so that the word before it stays distinct.
var suffixes = []string{
	"Net", "Former", "-7B", "Bench", "GPT", "Diff", "-XL", "Seg", "VLM", "-13B",
	"Fusion", "LM", "Agent", "-V2", "Gen", "Coder", "QA", "-3B", "Mamba", "Det",
}

// record is a paper as WriteJSONL writes it: the fields of the arXiv
// listings paperkg reads.
type record struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Abstract   string   `json:"abstract"`
	Year       int      `json:"year"`
	Authors    []string `json:"authors"`
	Categories []string `json:"categories,omitempty"`
}

// WriteJSONL writes the next n papers of g to w as JSON Lines.
func WriteJSONL(ctx context.Context, w io.Writer, g *Generator, n int) error {
	if n < 0 || n > MaxPapers-g.n {
		return fmt.Errorf("synth: cannot make %d papers: at most %d", n, MaxPapers-g.n)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		p := g.Paper()
		authors := p.Authors
		if authors == nil {
			authors = []string{}
		}
		err := enc.Encode(record{ID: p.ID, Title: p.Title, Abstract: p.Abstract, Year: p.Year, Authors: authors, Categories: p.Categories})
		if err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	return nil
}

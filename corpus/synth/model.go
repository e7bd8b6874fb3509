package synth

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paperkg/paperkg/corpus"
)

// ErrEmpty is returned by Learn for a listing without a paper that has both
// a title and an abstract.
var ErrEmpty = errors.New("synth: no paper with a title and an abstract to learn from")

// Slot markers stand for a cut-out name in a template. A definition slot
// stood for "long form (NAME)"; an own slot for a name that a cue marks as
// the paper's contribution. The markers are control characters, which
// corpus readers never leave in titles and abstracts.
const (
	slotName      = '\x01'
	slotDefined   = '\x02'
	slotOwn       = '\x03'
	slotOwnDefine = '\x04'
)

func isSlot(b byte) bool { return b >= slotName && b <= slotOwnDefine }

// A Model is what a Generator recombines: the sentences, titles, names,
// authors, years and categories of a real listing. Build it with Learn.
type Model struct {
	// sentences are the sentence templates of all abstracts, those of
	// abstract i from offsets[i] to offsets[i+1]; first, middle and last
	// index them by position.
	sentences           []string
	offsets             []int32
	first, middle, last []int32
	heads, tails        []string // title templates cut at a connective
	joins               []string // the connective of each head
	whole               []string // title templates without a connective
	colon               int      // titles named before a colon
	titles              int
	names               []string          // real names, most used first
	long                map[string]string // name -> the long form defining it
	authors             []string          // distinct author names, sorted
	authorCounts        []int             // authors per paper
	years               []int
	categories          [][]string
}

// Papers returns how many papers the model learnt from.
func (m *Model) Papers() int { return len(m.offsets) - 1 }

// Names returns how many distinct real names the model holds.
func (m *Model) Names() int { return len(m.names) }

// Learn reads every paper of rs into a Model. Records the readers report as
// bad (*corpus.ParseError) are skipped; papers without a title or an
// abstract give their authors, year and categories only.
func Learn(ctx context.Context, rs ...corpus.Reader) (*Model, error) {
	l := &learner{
		m:       &Model{long: make(map[string]string), offsets: []int32{0}},
		df:      make(map[string]int),
		longs:   make(map[string]map[string]int),
		authors: make(map[string]bool),
	}
	for _, r := range rs {
		for n := 0; ; n++ {
			if n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			p, err := r.Read()
			if err == io.EOF {
				break
			}
			var perr *corpus.ParseError
			if errors.As(err, &perr) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("synth: %w", err)
			}
			l.add(p)
		}
	}
	return l.finish()
}

// learner gathers a Model's parts, with counts that need sorting before
// they are used.
type learner struct {
	m       *Model
	df      map[string]int            // name -> papers using it
	longs   map[string]map[string]int // name -> long form -> times seen
	authors map[string]bool
}

func (l *learner) add(p *corpus.Paper) {
	m := l.m
	for _, a := range p.Authors {
		l.authors[a] = true
	}
	m.authorCounts = append(m.authorCounts, len(p.Authors))
	m.years = append(m.years, p.Year)
	m.categories = append(m.categories, slices.Clone(p.Categories))
	if p.Title == "" || p.Abstract == "" {
		m.authorCounts = m.authorCounts[:len(m.authorCounts)-1]
		m.years = m.years[:len(m.years)-1]
		m.categories = m.categories[:len(m.categories)-1]
		return
	}

	used := make(map[string]bool)
	sents := sentences(p.Abstract)
	for i, s := range sents {
		k := int32(len(m.sentences))
		m.sentences = append(m.sentences, l.template(s, used))
		switch {
		case i == 0:
			m.first = append(m.first, k)
		case i == len(sents)-1:
			m.last = append(m.last, k)
		default:
			m.middle = append(m.middle, k)
		}
	}
	m.offsets = append(m.offsets, int32(len(m.sentences)))
	l.title(p.Title, used)
	for name := range used {
		l.df[name]++
	}
}

// title cuts a title into its named part, head and tail.
func (l *learner) title(title string, used map[string]bool) {
	m := l.m
	m.titles++
	if name, rest, ok := strings.Cut(title, ": "); ok && isName(name) {
		m.colon++
		used[trimName(name)] = true
		title = rest
	}
	t := l.template(title, used)
	for _, join := range connectives {
		if i := strings.Index(t, " "+join+" "); i > 0 {
			m.heads = append(m.heads, t[:i])
			m.joins = append(m.joins, join)
			m.tails = append(m.tails, t[i+len(join)+2:])
			return
		}
	}
	m.whole = append(m.whole, t)
}

// connectives are where titles are cut into a head and a tail.
var connectives = []string{"for", "via", "with", "through", "using", "from", "in", "on", "of"}

// finish ranks the names and checks that there is something to generate.
func (l *learner) finish() (*Model, error) {
	m := l.m
	if m.Papers() == 0 {
		return nil, ErrEmpty
	}
	m.names = make([]string, 0, len(l.df))
	for name := range l.df {
		m.names = append(m.names, name)
	}
	slices.SortFunc(m.names, func(a, b string) int {
		if d := l.df[b] - l.df[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for name, forms := range l.longs {
		best, n := "", 0
		for f, c := range forms {
			if c > n || c == n && f < best {
				best, n = f, c
			}
		}
		m.long[name] = best
	}
	m.authors = make([]string, 0, len(l.authors))
	for a := range l.authors {
		m.authors = append(m.authors, a)
	}
	slices.Sort(m.authors)
	if len(m.middle) == 0 {
		m.middle = m.first
	}
	if len(m.last) == 0 {
		m.last = m.first
	}
	return m, nil
}

// sentences splits an abstract at the ends of its sentences: ". ", "? "
// or "! " before a capital letter or a digit, unless the word before the
// stop is an abbreviation such as "e.g." or "et al.".
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(text); i++ {
		c := text[i]
		if c != '.' && c != '?' && c != '!' || text[i+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[i+2:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		if c == '.' && abbreviated(text[start:i]) {
			continue
		}
		out = append(out, text[start:i+1])
		start = i + 2
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// abbreviated reports whether s ends in a word that a stop after it
// abbreviates.
func abbreviated(s string) bool {
	w := s[strings.LastIndexAny(s, " (")+1:]
	switch strings.ToLower(w) {
	case "e.g", "i.e", "al", "vs", "fig", "eq", "sec", "etc", "cf", "resp", "approx", "no":
		return true
	}
	return len(w) == 1 // an initial
}

// template replaces the names in s by slots and notes them in used.
func (l *learner) template(s string, used map[string]bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isNameByte(s[j]) {
			// A stop belongs to a name only between digits ("GPT-3.5").
			if s[j] == '.' && (j == i || j+1 == len(s) || !isDigit(s[j-1]) || !isDigit(s[j+1])) {
				break
			}
			j++
		}
		if j == i {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r >= 0 && r < ' ' {
				r = ' ' // keep the markers unambiguous
			}
			b.WriteRune(r)
			i += n
			continue
		}
		word := s[i:j]
		name := trimName(word)
		if !isName(name) {
			b.WriteString(word)
			i = j
			continue
		}
		used[name] = true
		own := ownCue(s[max(0, i-32):i])
		// "long form (NAME)": cut the long form out too.
		if i > 0 && s[i-1] == '(' && j < len(s) && s[j] == ')' {
			out := b.String()
			if lf, cut := longForm(out[:len(out)-1], name); cut >= 0 {
				l.defined(name, lf)
				rest := out[:cut]
				b.Reset()
				b.WriteString(rest)
				if own || ownCue(rest[max(0, len(rest)-32):]) {
					b.WriteByte(slotOwnDefine)
				} else {
					b.WriteByte(slotDefined)
				}
				i = j + 1
				continue
			}
		}
		if own {
			b.WriteByte(slotOwn)
		} else {
			b.WriteByte(slotName)
		}
		b.WriteString(word[len(name):])
		i = j
	}
	return b.String()
}

func (l *learner) defined(name, long string) {
	forms := l.longs[name]
	if forms == nil {
		forms = make(map[string]int)
		l.longs[name] = forms
	}
	forms[long]++
}

// longForm finds the long form that text, which precedes "(name)", ends
// with: as many words as name has capitals, the first starting with
// name's first letter. It returns the long form and where it starts in
// text, or -1.
func longForm(text, name string) (string, int) {
	caps := 0
	for _, r := range name {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	if caps < 2 || caps > 6 {
		return "", -1
	}
	text = strings.TrimRight(text, " ")
	start := len(text) // of the words taken so far
	for w := 0; w < caps; w++ {
		if w > 0 {
			if start == 0 {
				return "", -1
			}
			start-- // the space before the last word taken
		}
		k := strings.LastIndexByte(text[:start], ' ') + 1
		word := text[k:start]
		if word == "" || strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 {
			return "", -1
		}
		start = k
	}
	lf := text[start:]
	first, _ := utf8.DecodeRuneInString(lf)
	n0, _ := utf8.DecodeRuneInString(name)
	if unicode.ToLower(first) != unicode.ToLower(n0) {
		return "", -1
	}
	return lf, start
}

// ownCue reports whether the text before a name marks it as the paper's
// own.
func ownCue(before string) bool {
	before = strings.ToLower(before)
	for _, cue := range []string{"propose", "introduce", "present", "called", "named", "dubbed", "termed", "our "} {
		if strings.Contains(before, cue) {
			return true
		}
	}
	return false
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '-' || c == '+' || c == '.'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// trimName drops the punctuation a sentence puts after a word.
func trimName(w string) string {
	return strings.TrimRight(w, ".-")
}

// isName reports whether w is shaped like a name: a letter first, and two
// capitals, a capital and a digit, or a capital inside the word ("BERT",
// "GPT-4", "LiDAR", "nuScenes").
func isName(w string) bool {
	if len(w) < 2 || len(w) > 32 || !unicode.IsLetter(rune(w[0])) {
		return false
	}
	upper, digit, inner := 0, false, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
			if i > 0 {
				inner = true
			}
		case c >= '0' && c <= '9':
			digit = true
		case c >= 'a' && c <= 'z', c == '-', c == '+', c == '.':
		default:
			return false
		}
	}
	if generic[w] || !digit && titleCased(w) {
		return false
	}
	return upper >= 2 || upper >= 1 && digit || inner
}

// titleCased reports whether w is words in title case joined by hyphens
// ("Data-Efficient", "Vision-Language"), which is how titles write
// ordinary words.
func titleCased(w string) bool {
	for part := range strings.SplitSeq(w, "-") {
		for i := 1; i < len(part); i++ {
			if part[i] >= 'A' && part[i] <= 'Z' {
				return false
			}
		}
	}
	return true
}

// generic are capitalised words that name no entity; they stay in the
// text as they are.
var generic = map[string]bool{
	"AI": true, "II": true, "III": true, "IV": true, "US": true, "UK": true, "EU": true,
	"OR": true, "AND": true, "NOT": true, "IoT": true, "PhD": true, "GPU": true, "GPUs": true,
	"CPU": true, "CPUs": true, "API": true, "APIs": true, "SOTA": true,
}

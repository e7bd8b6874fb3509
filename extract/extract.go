package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/paperkg/paperkg/extract/lexicon"
)

// Options configures ExtractWith. The zero value is ready to use.
type Options struct {
	// Lexicon supplies the well-known entities and the phrases that are not
	// entities. Nil means lexicon.Default().
	Lexicon *lexicon.Lexicon
}

// Extract returns the entities that the title and abstract of one paper
// mention, with the embedded lexicon. See ExtractWith.
func Extract(title, abstract string) []Entity {
	return ExtractWith(title, abstract, Options{})
}

// ExtractWith returns the entities that the title and abstract of one paper
// mention, one per thing, sorted by Offset and then Name. Offsets are byte
// offsets into Text(title, abstract). It reads nothing but its arguments and
// returns the same result for the same arguments.
func ExtractWith(title, abstract string, opt Options) []Entity {
	lex := opt.Lexicon
	if lex == nil {
		lex = lexicon.Default()
	}
	x := pool.Get().(*extraction)
	defer x.release()
	x.reset(Text(title, abstract), len(title), lex)
	x.findLexicon()
	x.findDefinitions()
	x.findTitleName()
	x.findNames()
	x.findRepeats()
	x.findPredecessors()
	x.findBackronyms()
	x.readContext()
	return x.entities()
}

// pool keeps the working memory of ExtractWith between calls; the entities
// it returns share none of it.
var pool = sync.Pool{New: func() any { return new(extraction) }}

// reset prepares x for the text, keeping the memory of its slices.
func (x *extraction) reset(text string, titleEnd int, lex *lexicon.Lexicon) {
	*x = extraction{
		text:     text,
		titleEnd: titleEnd,
		lex:      lex,
		toks:     tokenize(x.toks[:0], text, titleEnd),
		ms:       x.ms[:0],
		stops:    x.stops[:0],
		link:     x.link[:0],
		occ:      x.occ[:0],
		implied:  x.implied[:0],
	}
	if cap(x.occ) < len(text) {
		x.occ = make([]int32, len(text))
	} else {
		x.occ = x.occ[:len(text)]
		clear(x.occ)
	}
}

// release returns x to the pool, unless a long text made it large.
func (x *extraction) release() {
	if cap(x.occ) > 1<<16 {
		return
	}
	x.text, x.lower, x.lex, x.not, x.redefined = "", "", nil, nil, nil
	pool.Put(x)
}

// normKey is Normalize with a fast path for ASCII, which NFKC leaves alone.
func normKey(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return Normalize(s)
		}
	}
	if len(s) > 3 && s[len(s)-1] == 's' {
		s = s[:len(s)-1]
	}
	n := 0
	lower := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			n++
		case 'A' <= c && c <= 'Z':
			n++
			lower = false
		}
	}
	if lower && n == len(s) {
		return s
	}
	b := make([]byte, 0, n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b = append(b, c)
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b)
}

// Where a mention was found.
const (
	srcLexicon = 1 << iota
	srcShort   // the short form of a definition
	srcLong    // the long form of a definition
	srcName    // a name-like word
	srcTitle   // the name the title gives the paper's contribution
	srcPhrase  // capitalised words before a type noun ("MPII Human Pose dataset")
	srcRepeat  // a later use of a form found by another source
)

// mention is one span of the text that names a candidate entity.
type mention struct {
	span
	entry int // lexicon entry, -1 if none
	// lexForm is the lexicon form the mention matched, if any.
	lexForm string
	src     int
	// kinds counts what the context says the mention is, by kind.
	kinds [kindNot + 1]int32
	intro bool
	// subject marks a mention that opens a sentence and is followed by a
	// verb: "MOREC improves ...". used marks one after a cue of use:
	// "based on X", "existing X".
	subject, used bool
	// modifies marks a mention that qualifies the noun after it: "SSM
	// convolution", "CLIP-guided search", "(ViT)-based".
	modifies bool
	dead     bool
}

// extraction holds the state of one call of ExtractWith.
type extraction struct {
	text     string
	titleEnd int
	lex      *lexicon.Lexicon
	toks     []token
	ms       []mention
	stops    []stop
	// link joins mentions of one thing (union-find parents).
	link []int
	// not holds normalised forms that a definition showed are no entities.
	not map[string]bool
	// implied holds known names inside a defined long form that are
	// entities beside it (see findDefinitions).
	implied []mention
	// redefined holds the lexicon entries whose short form the text
	// defines as something else.
	redefined map[int]bool
	// lower is the text with ASCII letters in lower case, made when needed.
	lower string
	// occ maps each byte of the text to 1 + the index of the live mention
	// that covers it, or to 0. Live mentions never overlap.
	occ []int32
}

func (x *extraction) form(m *mention) string { return x.text[m.start:m.end] }

// add adds a live mention, retiring any it overlaps, and returns its index.
func (x *extraction) add(m mention) int {
	i := len(x.ms)
	for b := m.start; b < m.end; b++ {
		if o := x.occ[b]; o != 0 {
			x.kill(int(o) - 1)
		}
		x.occ[b] = int32(i + 1)
	}
	x.ms = append(x.ms, m)
	x.link = append(x.link, len(x.link))
	return i
}

// kill retires the mention i.
func (x *extraction) kill(i int) {
	m := &x.ms[i]
	m.dead = true
	for b := m.start; b < m.end; b++ {
		if int(x.occ[b]) == i+1 {
			x.occ[b] = 0
		}
	}
}

func (x *extraction) root(i int) int {
	for x.link[i] != i {
		x.link[i] = x.link[x.link[i]]
		i = x.link[i]
	}
	return i
}

func (x *extraction) join(i, j int) {
	i, j = x.root(i), x.root(j)
	if i < j {
		x.link[j] = i
	} else if j < i {
		x.link[i] = j
	}
}

// inside reports whether every live mention that overlaps s lies within
// it: "Tutor CoPilot" may take over "CoPilot", not "Tutor" of a longer name.
func (x *extraction) inside(s span) bool {
	for b := s.start; b < s.end; b++ {
		if o := x.occ[b]; o != 0 {
			m := &x.ms[o-1]
			if m.start < s.start || m.end > s.end || m.span == s {
				return false
			}
			b = m.end - 1
		}
	}
	return true
}

// covered returns the live mention that overlaps s, or -1.
func (x *extraction) covered(s span) int {
	for b := s.start; b < s.end; b++ {
		if o := x.occ[b]; o != 0 {
			return int(o) - 1
		}
	}
	return -1
}

// stop is a mention of a stop phrase.
type stop struct {
	span
	class string
}

// stopHead reports whether the phrase s ends in a stop phrase that is its
// head: "supervised fine-tuning", "visual question answering", but not
// "Credit Assignment with Language Models" nor "DeepMind Control Suite".
// In title case, a stop phrase that leaves more than one word before it is
// only the head noun of a name: "Semantic-Geometry Calibration",
// "Foreground-Aware Mask".
func (x *extraction) stopHead(s span) bool {
	for _, t := range x.stops {
		if t.start < s.start || t.start >= s.end || t.end < s.end-1 {
			continue
		}
		before := strings.FieldsFunc(x.text[s.start:t.start], func(r rune) bool { return r == ' ' || r == '-' })
		switch {
		case t.class == "vague", t.class == "organisation", t.class == "venue":
			continue
		case t.class == "generic-stage" && len(before) > 0 && titleCase(strings.Fields(x.text[s.start:s.end])):
			// "Prototype Adaptation (PrAda)": a stage with a name.
			continue
		}
		for _, w := range before {
			if prepositions[strings.ToLower(w)] {
				return false
			}
		}
		if len(before) > 1 && titleCase(strings.Fields(x.text[s.start:s.end])) {
			return false
		}
		return true
	}
	return false
}

// stopRun reports whether a stop phrase ends a run of capitalised words,
// and so is its head: "Artificial Intelligence", "Google DeepMind", but not
// "DeepMind Control Suite".
func (x *extraction) stopRun(s span) bool {
	for _, t := range x.stops {
		if t.start < s.end && s.start < t.end && t.end >= s.end-1 {
			return true
		}
	}
	return false
}

// stopped reports whether a stop phrase overlaps s.
func (x *extraction) stopped(s span) bool {
	for _, t := range x.stops {
		if t.start < s.end && s.start < t.end {
			return true
		}
	}
	return false
}

// tokenAt returns the index of the token that holds offset off or, if
// none does, of the first token after it; len(x.toks) at the end.
func (x *extraction) tokenAt(off int) int {
	return sort.Search(len(x.toks), func(i int) bool { return x.toks[i].end > off })
}

func (x *extraction) word(i int) string {
	if i < 0 || i >= len(x.toks) || !x.toks[i].word {
		return ""
	}
	return x.text[x.toks[i].start:x.toks[i].end]
}

func (x *extraction) punct(i int, c byte) bool {
	return i >= 0 && i < len(x.toks) && !x.toks[i].word && x.text[x.toks[i].start] == c
}

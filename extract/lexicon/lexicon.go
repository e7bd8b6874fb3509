package lexicon

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"
	"golang.org/x/text/unicode/norm"
)

//go:embed *.tsv
var data embed.FS

// Types lists the entity types an entity file may name.
var Types = []string{"model", "dataset", "benchmark", "method"}

// Classes lists the kinds of non-entity a stop file may name.
var Classes = []string{"metric", "task", "field", "representation", "hardware",
	"software", "organisation", "venue", "vague", "generic-stage"}

// ErrSyntax is wrapped by the errors Load returns for a malformed line.
var ErrSyntax = errors.New("lexicon: syntax error")

// An Entry is one well-known entity.
type Entry struct {
	// ID is the entry's index in its Lexicon, stable for the life of the
	// Lexicon: entries are numbered in file-name order, then line order.
	ID int
	// Name is the form a reader would look up.
	Name string
	// Type is "model", "dataset", "benchmark" or "method".
	Type string
	// Aliases are the other forms of the name. Callers must not modify it.
	Aliases []string
}

// A Match is one mention of a lexicon form in a text.
type Match struct {
	// Start and End are the byte offsets of the mention; End includes a
	// plural "s".
	Start, End int
	// Entry is the ID of the entry mentioned, or -1 for a stop phrase.
	Entry int
	// Class is the stop phrase's class when Entry is -1.
	Class string
	// Form is the name, alias or stop phrase as the lexicon writes it.
	Form string
}

// caseRule says how much of a form's case a mention must keep.
type caseRule uint8

const (
	exact    caseRule = iota // every letter as written
	capFirst                 // first letter as written, the rest in any case
	mixed                    // any case with a capital: "Llama" for "LLaMA"
	anyCase                  // ASCII case ignored
)

// form is one pattern the matcher looks for.
type form struct {
	text string
	// listed is the form as the list writes it when text is derived from
	// it (its singular), else "".
	listed string
	entry  int    // entry ID, -1 for a stop phrase
	class  string // stop class
	rule   caseRule
}

// Lexicon is a set of entries and stop phrases with a matcher over their
// forms. The zero value is empty and finds nothing.
type Lexicon struct {
	entries []Entry
	byNorm  map[string]int    // normalised form -> entry ID (first entry wins)
	stops   map[string]string // normalised form -> class
	forms   []form
	byPat   [][]int32 // pattern ID -> forms with that folded text
	ac      *ahocorasick.Automaton
}

// folding maps each byte of a text to the byte the matcher sees: ASCII
// letters in lower case, digits, non-ASCII bytes and the punctuation that
// stays inside names ("Qwen2.5", "DualDiff+", "Pass@1") as they are, and
// every other byte, white space and hyphens among them, to a space.
var folding = func() (t [256]byte) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		switch {
		case 'A' <= b && b <= 'Z':
			b += 'a' - 'A'
		case 'a' <= b && b <= 'z', '0' <= b && b <= '9', b >= utf8.RuneSelf:
		case strings.IndexByte(".+*@^%&", b) >= 0:
		default:
			b = ' '
		}
		t[c] = b
	}
	return t
}()

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	l, err := Load(data)
	if err != nil {
		// The embedded files are part of the program; a test loads them.
		panic(err)
	}
	return l
})

// Default returns the lexicon built from the embedded *.tsv files. It is
// built on the first call and shared after that.
func Default() *Lexicon { return defaultLexicon() }

// Load builds a lexicon from the *.tsv files at the root of fsys. Files
// whose names start with "stop" are stop lists; the others list entities.
// Errors name the file and line.
func Load(fsys fs.FS) (*Lexicon, error) {
	names, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	sort.Strings(names)
	l := &Lexicon{byNorm: make(map[string]int), stops: make(map[string]string)}
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		err = l.read(f, name, strings.HasPrefix(path.Base(name), "stop"))
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := l.build(); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *Lexicon) read(f fs.File, name string, stop bool) error {
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return fmt.Errorf("%w: %s:%d: invalid UTF-8", ErrSyntax, name, n)
		}
		fields := strings.Split(line, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if stop {
			if err := l.addStop(fields); err != nil {
				return fmt.Errorf("%w: %s:%d: %v", ErrSyntax, name, n, err)
			}
			continue
		}
		if err := l.addEntry(fields); err != nil {
			return fmt.Errorf("%w: %s:%d: %v", ErrSyntax, name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon: %s: %w", name, err)
	}
	return nil
}

func (l *Lexicon) addStop(fields []string) error {
	if len(fields) != 2 {
		return fmt.Errorf("want 2 tab-separated fields, have %d", len(fields))
	}
	phrase, class := fields[0], fields[1]
	if !contains(Classes, class) {
		return fmt.Errorf("unknown class %q, must be one of [%s]", class, strings.Join(Classes, " "))
	}
	key := normalize(phrase)
	if key == "" {
		return fmt.Errorf("phrase %q has no letter or digit", phrase)
	}
	if _, ok := l.stops[key]; !ok {
		l.stops[key] = class
	}
	l.forms = append(l.forms, form{text: phrase, entry: -1, class: class, rule: ruleOf(phrase)})
	return nil
}

func (l *Lexicon) addEntry(fields []string) error {
	if len(fields) != 2 && len(fields) != 3 {
		return fmt.Errorf("want 2 or 3 tab-separated fields, have %d", len(fields))
	}
	e := Entry{ID: len(l.entries), Name: fields[0], Type: fields[1]}
	if !contains(Types, e.Type) {
		return fmt.Errorf("unknown type %q, must be one of [%s]", e.Type, strings.Join(Types, " "))
	}
	if normalize(e.Name) == "" {
		return fmt.Errorf("name %q has no letter or digit", e.Name)
	}
	if len(fields) == 3 && fields[2] != "" {
		for _, a := range strings.Split(fields[2], "|") {
			a = strings.TrimSpace(a)
			if a == "" || a == e.Name || contains(e.Aliases, a) {
				continue
			}
			if normalize(a) == "" {
				return fmt.Errorf("alias %q has no letter or digit", a)
			}
			e.Aliases = append(e.Aliases, a)
		}
	}
	l.entries = append(l.entries, e)
	for _, s := range append([]string{e.Name}, e.Aliases...) {
		if key := normalize(s); key != "" {
			if _, ok := l.byNorm[key]; !ok {
				l.byNorm[key] = e.ID
			}
		}
		l.forms = append(l.forms, form{text: s, entry: e.ID, rule: ruleOf(s)})
		if j := joinedVersion(s); j != "" && e.Type == "model" {
			l.forms = append(l.forms, form{text: j, listed: s, entry: e.ID, rule: ruleOf(s)})
		}
		if h := hyphenated(s); h != "" && e.Type != "method" {
			l.forms = append(l.forms, form{text: h, listed: s, entry: e.ID, rule: ruleOf(s)})
		}
		if sg := singular(s); sg != "" && e.Type == "method" {
			l.forms = append(l.forms, form{text: sg, listed: s, entry: e.ID, rule: ruleOf(s)})
		}
	}
	return nil
}

// joinedVersion returns a model's name written with its version number
// joined to it, as papers often write it ("SAM2" for "SAM 2", "Qwen2.5"
// for "Qwen 2.5"), or "" if the form does not end in a version number
// after a word ending in a letter.
func joinedVersion(s string) string {
	i := strings.LastIndexByte(s, ' ')
	if i < 1 || !isLetter(s[i-1]) || i+1 == len(s) || !isDigit(s[i+1]) {
		return ""
	}
	for _, c := range []byte(s[i+1:]) {
		if !isDigit(c) && c != '.' {
			return ""
		}
	}
	return s[:i] + s[i+1:]
}

// hyphenated returns a name of two capitalised words written with a
// hyphen between them, as papers often write it ("GPQA-Diamond" for "GPQA
// Diamond", "MS-COCO"), or "" if the form is not such a name.
func hyphenated(s string) string {
	i := strings.IndexByte(s, ' ')
	if i < 1 || strings.Count(s, " ") != 1 || i+1 == len(s) || strings.ContainsAny(s, "-") {
		return ""
	}
	first, second := s[:i], s[i+1:]
	if !isUpper(first[0]) || !isUpper(second[0]) && !isDigit(second[0]) {
		return ""
	}
	return first + "-" + second
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// singular returns the singular of a form of several words whose last
// word is a plural in "s" ("Tree of Thoughts", "deep ensembles"), which
// normalises to the same key, or "" if there is none. Only method forms
// get one: "Natural Question" is no dataset.
func singular(s string) string {
	i := strings.LastIndexAny(s, " -")
	if i < 0 || len(s)-i-1 < 5 || !strings.HasSuffix(s, "s") || strings.HasSuffix(s, "ss") ||
		strings.HasSuffix(s, "is") || strings.HasSuffix(s, "us") {
		return ""
	}
	for j, c := range []byte(s[i+1:]) {
		if !isLetter(c) || j > 0 && (c < 'a' || c > 'z') {
			return ""
		}
	}
	return s[:len(s)-1]
}

// build compiles the matcher over the folded forms. Forms that fold to the
// same text share one pattern.
//
// Every pattern starts with a space, and the text is matched with a space
// before it, so that a match can only start at the start of a word: short
// forms ("ML", "ST") would otherwise match inside most words.
func (l *Lexicon) build() error {
	if len(l.forms) == 0 {
		return nil
	}
	ids := make(map[string]int, len(l.forms))
	var pats [][]byte
	for i, f := range l.forms {
		p := fold([]byte{' '}, f.text)
		id, ok := ids[string(p)]
		if !ok {
			id = len(pats)
			ids[string(p)] = id
			pats = append(pats, p)
			l.byPat = append(l.byPat, nil)
		}
		l.byPat[id] = append(l.byPat[id], int32(i))
	}
	ac, err := ahocorasick.NewBuilder().
		SetMatchKind(ahocorasick.LeftmostLongest).
		AddPatterns(pats).
		Build()
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	l.ac = ac
	return nil
}

// Len returns the number of entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// Entry returns the entry with the given ID. It panics if id is out of
// range, as an index expression does.
func (l *Lexicon) Entry(id int) Entry { return l.entries[id] }

// Lookup returns the entry one of whose forms has the normalised form key
// (see extract.Normalize).
func (l *Lexicon) Lookup(key string) (Entry, bool) {
	id, ok := l.byNorm[key]
	if !ok {
		return Entry{}, false
	}
	return l.entries[id], true
}

// StopClass returns the class of the stop phrase whose normalised form is
// key.
func (l *Lexicon) StopClass(key string) (string, bool) {
	c, ok := l.stops[key]
	return c, ok
}

// Find returns the mentions of the lexicon's forms in text, sorted by
// offset, non-overlapping and leftmost-longest.
func (l *Lexicon) Find(text string) []Match {
	if l.ac == nil || text == "" {
		return nil
	}
	buf := hays.Get().(*[]byte)
	hay := fold(append((*buf)[:0], ' '), text)
	raw := l.ac.FindAllOverlapping(hay)
	*buf = hay
	hays.Put(buf)
	cands := make([]Match, 0, len(raw))
	for _, m := range raw {
		// The pattern's leading space is the byte before the mention.
		m.End--
		best := -1
		for _, fi := range l.byPat[m.PatternID] {
			f := &l.forms[fi]
			if !caseFits(text[m.Start:m.End], f) {
				continue
			}
			if best < 0 || better(f, &l.forms[best]) {
				best = int(fi)
			}
		}
		if best < 0 {
			continue
		}
		end, ok := bounded(text, m.Start, m.End)
		if !ok {
			continue
		}
		f := &l.forms[best]
		text := f.text
		if f.listed != "" {
			text = f.listed
		}
		cands = append(cands, Match{Start: m.Start, End: end, Entry: f.entry, Class: f.class, Form: text})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].Start != cands[j].Start {
			return cands[i].Start < cands[j].Start
		}
		return cands[i].End > cands[j].End
	})
	out := cands[:0]
	last := 0
	for i, c := range cands {
		if c.Start < last || c.Class == "vague" && holdsEntry(cands[i+1:], c) {
			continue
		}
		out = append(out, c)
		last = c.End
	}
	return out
}

// holdsEntry reports whether one of the later candidates next is an entry
// inside the vague stop phrase v: "LLM-based agent" is no entity, but the
// LLM in it is one.
func holdsEntry(next []Match, v Match) bool {
	for _, c := range next {
		if c.Start >= v.End {
			return false
		}
		if c.Entry >= 0 && c.End <= v.End {
			return true
		}
	}
	return false
}

// hays keeps the buffers Find folds texts into.
var hays = sync.Pool{New: func() any { return new([]byte) }}

// better reports whether form a should win over b for the same span: an
// entity over a stop phrase, an exact form over a looser one, then the
// earlier form.
func better(a, b *form) bool {
	if (a.entry >= 0) != (b.entry >= 0) {
		return a.entry >= 0
	}
	return a.rule < b.rule
}

// fold appends s to dst as the matcher sees it (see folding), byte for
// byte, so that offsets are kept.
func fold(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		dst = append(dst, folding[s[i]])
	}
	return dst
}

// ruleOf decides how strictly a form's case must be matched.
func ruleOf(s string) caseRule {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	capital, inner, digit, lower := false, false, false, false
	for _, w := range words {
		for i, r := range w {
			switch {
			case unicode.IsDigit(r):
				digit = true
			case unicode.IsUpper(r) && i > 0:
				inner = true
			case unicode.IsUpper(r):
				capital = true
			case unicode.IsLower(r):
				lower = true
			}
		}
	}
	switch {
	case utf8.RuneCountInString(s) <= 3:
		return exact
	case lower && (inner || capital && digit):
		// Mixed case is a name however it is capitalised, as long as it
		// is: "LLaMA", "Llama", "LLAMA"; "NuScenes" for "nuScenes".
		return mixed
	case inner || digit:
		// "CLIP", "MATH", "GPT-4", "o3-mini": capitals or digits as written.
		return exact
	case !capital:
		return anyCase
	case len(words) > 1:
		return anyCase
	default:
		return capFirst
	}
}

// caseFits reports whether the mention m (which folds to the same bytes as
// f.text) keeps as much of the form's case as its rule asks, and has white
// space or a hyphen where the form has one: "reinforcement learning" is
// not "reinforcement, learning".
func caseFits(m string, f *form) bool {
	for i := 0; i < len(m); i++ {
		if space(f.text[i]) && !space(m[i]) {
			return false
		}
	}
	switch f.rule {
	case anyCase:
		return true
	case capFirst:
		return m[0] == f.text[0]
	case mixed:
		return strings.IndexFunc(m, unicode.IsUpper) >= 0
	}
	for i := 0; i < len(m); i++ {
		a, b := m[i], f.text[i]
		if a != b && !(space(a) && space(b)) {
			return false
		}
	}
	return true
}

func space(c byte) bool {
	return c == ' ' || c == '-' || c == '\n' || c == '\t' || c == '\r'
}

// bounded reports whether the span [start, end) of text is a mention by
// itself rather than a piece of a longer word or name, and returns its end
// extended over a plural "s".
func bounded(text string, start, end int) (int, bool) {
	if start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if alnum(r) {
			return 0, false
		}
		// "ReST-MCTS": the hyphen joins the mention to a name before it.
		if (r == '-' || r == '_') && start-n > 0 {
			w := wordBefore(text, start-n)
			if r == '_' || hasUpperOrDigit(w) {
				return 0, false
			}
		}
	}
	if end < len(text) && text[end] == 's' && end > start && isLetter(text[end-1]) &&
		(end+1 == len(text) || !alnumAt(text, end+1)) {
		end++
	} else if end+1 < len(text) && text[end] == 'e' && text[end+1] == 's' && end > start &&
		strings.IndexByte("hxsz", text[end-1]) >= 0 && (end+2 == len(text) || !alnumAt(text, end+2)) {
		// "adversarial patches", "bounding boxes".
		end += 2
	}
	if end == len(text) {
		return end, true
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	switch {
	case alnum(r):
		return 0, false
	case r == '_':
		return 0, false
	case r == '.' || r == '/':
		// "GPT-3.5", "ViT-B/16": a version or size glued on.
		if end+1 < len(text) && isDigit(text[end+1]) {
			return 0, false
		}
	case r == '-':
		if w := wordAfter(text, end+1); w != "" && !joinable(w) {
			return 0, false
		}
	case r == '+' || r == '*':
		// "DualDiff+", "ReST-MCTS*": the symbol is part of the name.
		return 0, false
	}
	return end, true
}

// Joins reports whether w, the word after a name and a hyphen, makes a
// compound with the name ("LLM-based", "CLIP-guided", "MCTS-Boosted" in a
// title) rather than extending it to a longer name ("GPT-4o",
// "LLaMA-Adapter", "o1-mini").
func Joins(w string) bool { return joinable(w) }

func joinable(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	if w == "" || unicode.IsDigit(first) || variantParts[strings.ToLower(w)] {
		return false
	}
	lower := true
	for i, r := range w {
		if unicode.IsDigit(r) || (unicode.IsUpper(r) && i > 0) {
			return false
		}
		if unicode.IsUpper(r) {
			lower = false
		}
	}
	if lower {
		return true
	}
	// Title case capitalises compound parts: "Model-Based", "MCTS-Boosted".
	return compoundParts[strings.ToLower(w)]
}

// variantParts name variants of a model after a hyphen, in lower case too.
var variantParts = map[string]bool{
	"mini": true, "nano": true, "turbo": true, "preview": true, "instruct": true,
	"chat": true, "flash": true, "lite": true, "pro": true, "max": true, "plus": true,
	"base": true, "large": true, "small": true, "tiny": true, "medium": true,
	"xl": true, "xxl": true, "distill": true, "coder": true, "vl": true, "math": true,
	"omni": true, "zero": true, "huge": true,
}

// compoundParts are the words that follow a name and a hyphen in title-case
// compounds without being part of the name.
var compoundParts = map[string]bool{
	"based": true, "guided": true, "driven": true, "aware": true, "free": true,
	"augmented": true, "enhanced": true, "powered": true, "assisted": true,
	"style": true, "like": true, "level": true, "specific": true, "agnostic": true,
	"only": true, "generated": true, "conditioned": true, "centric": true,
	"empowered": true, "integrated": true, "inspired": true, "boosted": true,
	"tuned": true, "trained": true, "informed": true,
	"native": true, "compatible": true, "scale": true, "sized": true,
}

func wordBefore(text string, end int) string {
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !alnum(r) {
			break
		}
		i -= n
	}
	return text[i:end]
}

func wordAfter(text string, start int) string {
	i := start
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !alnum(r) {
			break
		}
		i += n
	}
	return text[start:i]
}

func hasUpperOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func alnumAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return alnum(r)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// normalize is extract.Normalize, which this package cannot import; a test
// in package extract checks that the two agree.
func normalize(s string) string {
	s = norm.NFKC.String(s)
	if strings.HasSuffix(s, "s") && utf8.RuneCountInString(s) > 3 {
		s = s[:len(s)-1]
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

package extract

import (
	"sort"
	"strings"
	"unicode"
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
	text := Text(title, abstract)
	x := &extraction{text: text, titleEnd: len(title), lex: lex}
	x.toks = tokenize(text, len(title))
	x.findLexicon()
	x.findDefinitions()
	x.findTitleName()
	x.findNames()
	x.findRepeats()
	x.readContext()
	return x.entities()
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
	kinds [kindNot + 1]int8
	intro bool
	// subject marks a mention that opens a sentence and is followed by a
	// verb: "MOREC improves ...". used marks one after a cue of use:
	// "based on X", "existing X".
	subject, used bool
	dead          bool
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
	// lower is the text with ASCII letters in lower case, made when needed.
	lower string
}

func (x *extraction) form(m *mention) string { return x.text[m.start:m.end] }

func (x *extraction) add(m mention) int {
	x.ms = append(x.ms, m)
	x.link = append(x.link, len(x.link))
	return len(x.ms) - 1
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
	for i := range x.ms {
		m := &x.ms[i]
		if m.dead || m.end <= s.start || s.end <= m.start {
			continue
		}
		if m.start < s.start || m.end > s.end || m.span == s {
			return false
		}
	}
	return true
}

// covered returns the live mention that overlaps s, or -1.
func (x *extraction) covered(s span) int {
	for i := range x.ms {
		m := &x.ms[i]
		if !m.dead && m.start < s.end && s.start < m.end {
			return i
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
func (x *extraction) stopHead(s span) bool {
	for _, t := range x.stops {
		if t.start < s.start || t.start >= s.end || t.end < s.end-1 {
			continue
		}
		switch t.class {
		case "vague", "organisation", "venue":
			continue
		}
		for _, w := range strings.Fields(x.text[s.start:t.start]) {
			if prepositions[strings.ToLower(w)] {
				return false
			}
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

func (x *extraction) findLexicon() {
	for _, m := range x.lex.Find(x.text) {
		if m.Entry < 0 {
			x.stops = append(x.stops, stop{span{m.Start, m.End}, m.Class})
			continue
		}
		e := x.lex.Entry(m.Entry)
		if end := x.version(m.End, e.Type); end > m.End {
			// "Claude 3 Opus", "Llama 3.1 405B", "AIME 2024": a version the
			// lexicon does not list is an entity of its own, of the type of
			// its family.
			i := x.add(mention{span: span{m.Start, end}, entry: -1, src: srcLexicon | srcName})
			x.ms[i].kinds[kindOf(e.Type)] += 3
			continue
		}
		x.add(mention{span: span{m.Start, m.End}, entry: m.Entry, lexForm: m.Form, src: srcLexicon})
	}
}

// variants name the variants of a model that follow its name and version.
var variants = map[string]bool{
	"Opus": true, "Sonnet": true, "Haiku": true, "Pro": true, "Flash": true,
	"Ultra": true, "Nano": true, "Mini": true, "Turbo": true, "Instruct": true,
	"Chat": true, "Base": true, "Large": true, "Small": true, "Medium": true,
	"Max": true, "Plus": true, "Lite": true, "Coder": true, "XL": true, "XXL": true,
}

// version returns the end of the version, size and variant words that
// follow a model name ending at end ("3.1 405B", "3 Opus"), or the year that
// follows a benchmark ("2024"); end itself if there are none.
func (x *extraction) version(end int, typ string) int {
	k := x.tokenAt(end)
	out := end
	for n := 0; k < len(x.toks) && n < 3; k, n = k+1, n+1 {
		t := x.toks[k]
		if !t.word || t.start != out+1 || x.text[out] != ' ' {
			break
		}
		w := x.word(k)
		ok := false
		switch typ {
		case "model":
			ok = versionNumber(w) || modelSize(w) || variants[w]
		case "benchmark":
			ok = n == 0 && len(w) == 4 && strings.HasPrefix(w, "20") && versionNumber(w)
		}
		if !ok {
			break
		}
		out = t.end
	}
	return out
}

// versionNumber reports whether w is "3", "3.1", "v1.4" or "2024".
func versionNumber(w string) bool {
	if len(w) > 1 && w[0] == 'v' {
		w = w[1:]
	}
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && (w[i] != '.' || i == 0 || i == len(w)-1) {
			return false
		}
	}
	return true
}

// modelSize reports whether w is a parameter count: "7B", "1.5B", "405B".
func modelSize(w string) bool {
	n := len(w)
	return n >= 2 && (w[n-1] == 'B' || w[n-1] == 'M') && versionNumber(w[:n-1])
}

// findDefinitions adds the abbreviations the text defines and that name an
// entity, with both forms joined.
func (x *extraction) findDefinitions() {
	for _, d := range definitions(x.text, x.toks) {
		short, long := x.text[d.short.start:d.short.end], x.text[d.long.start:d.long.end]
		k, ok := x.judge(d)
		if !ok {
			if x.not == nil {
				x.not = make(map[string]bool)
			}
			x.not[normKey(short)] = true
			x.not[normKey(long)] = true
			continue
		}
		si := x.claim(d.short, srcShort)
		li := x.claim(d.long, srcLong)
		x.join(si, li)
		if k != kindNone {
			x.ms[li].kinds[k] += 2
		}
		if x.introduced(x.tokenAt(d.long.start)) {
			x.ms[li].intro = true
		}
	}
}

// claim returns a mention for exactly the span s, reusing a lexicon mention
// of the same span and retiring mentions inside it: "Latent Diffusion Model
// (LDM)" is one thing, not also a diffusion model.
func (x *extraction) claim(s span, src int) int {
	entry := -1
	for i := range x.ms {
		m := &x.ms[i]
		if m.dead || m.end <= s.start || s.end <= m.start {
			continue
		}
		if m.span == s {
			m.src |= src
			return i
		}
		if m.entry >= 0 && m.start <= s.start && s.end <= m.end {
			// The span lies inside a longer lexicon name; keep the name.
			entry = m.entry
		}
		m.dead = true
	}
	return x.add(mention{span: s, entry: entry, src: src})
}

// judge decides whether a definition names an entity, and if so what its
// long form's head noun says it is.
func (x *extraction) judge(d definition) (kind, bool) {
	short, long := x.text[d.short.start:d.short.end], x.text[d.long.start:d.long.end]
	sk, lk := normKey(short), normKey(long)
	if e, ok := x.lex.Lookup(sk); ok {
		return kindOf(e.Type), true
	}
	if e, ok := x.lex.Lookup(lk); ok {
		return kindOf(e.Type), true
	}
	if _, ok := x.lex.StopClass(sk); ok {
		return kindNone, false
	}
	if _, ok := x.lex.StopClass(lk); ok {
		return kindNone, false
	}
	// "supervised fine-tuning (SFT)", "visual question answering (VQA)": a
	// long form that ends in a non-entity is one.
	if x.stopped(d.short) || x.stopHead(d.long) {
		return kindNone, false
	}
	words := strings.Fields(long)
	k := headKind(phraseHead(words))
	titled := titleCase(words)
	switch {
	case k == kindNot:
		return kindNone, false
	case k == kindModel && !titled:
		// "vision-language-action model (VLA)": a family of models;
		// "recommender systems (RS)": a kind of thing, not a name.
		if families[strings.ToLower(singular(strings.ToLower(phraseHead(words))))] {
			return kindMethod, true
		}
		return kindNone, false
	case k != kindNone:
		return k, true
	case titled:
		return kindMethod, true
	case x.introduced(x.tokenAt(d.long.start)):
		return kindMethod, true
	}
	return kindNone, false
}

// families are the model head nouns a lower-case long form may end in and
// still name an established family of models.
var families = map[string]bool{
	"model": true, "network": true, "autoencoder": true, "machine": true, "transformer": true,
	"llm": true, "vlm": true, "mllm": true, "lmm": true,
}

func kindOf(t string) kind {
	switch Type(t) {
	case Model:
		return kindModel
	case Dataset:
		return kindDataset
	case Benchmark:
		return kindBenchmark
	case Method:
		return kindMethod
	}
	return kindNone
}

// titleCase reports whether every word of a phrase but short function
// words starts with a capital: "Semantic Fusion Attention", "Mixture of
// Experts".
func titleCase(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		if functionWords[w] || w == "the" || w == "a" || w == "an" {
			continue
		}
		return false
	}
	return len(words) > 0
}

// cues are verbs that present what follows as the paper's own: "we
// propose X", "this paper introduces a new benchmark, X".
var cues = map[string]bool{
	"propose": true, "proposes": true, "proposing": true, "introduce": true,
	"introduces": true, "introducing": true, "present": true, "presents": true,
	"presenting": true, "develop": true, "develops": true, "developing": true,
	"design": true, "designs": true, "release": true, "releases": true,
	"releasing": true, "construct": true, "constructs": true, "build": true,
	"builds": true, "curate": true, "curates": true, "create": true, "creates": true,
	"contribute": true, "contributes": true, "establish": true, "devise": true,
	"unveil": true, "offer": true, "introduced": true, "presented": true,
	"developed": true, "designed": true, "built": true, "constructed": true,
	"curated": true, "created": true, "established": true, "released": true,
	"collected": true, "devised": true, "contributed": true,
}

// nearCues present the name right after them: "a new dataset called X",
// "our proposed X".
var nearCues = map[string]bool{
	"dubbed": true, "named": true, "called": true, "termed": true, "coined": true,
	"our": true, "proposed": true, "new": true, "novel": true,
}

// breaks are words between a cue and a name that say the name is used, not
// presented: "we propose a method based on PPO".
var breaks = map[string]bool{
	"using": true, "use": true, "uses": true, "based": true, "via": true, "with": true,
	"by": true, "from": true, "on": true, "than": true, "over": true, "like": true,
	"such": true, "including": true, "compared": true, "against": true, "of": true,
	"upon": true, "leveraging": true, "leverages": true, "leverage": true, "into": true,
	"extends": true, "extending": true, "and": true, "or": true, "in": true,
	"that": true, "which": true, "to": true, "beyond": true, "as": true,
	"existing": true, "for": true, "across": true, "at": true, "within": true,
	"under": true, "about": true, "between": true, "among": true, "through": true,
	"outperforms": true, "outperform": true, "surpasses": true, "surpass": true,
	"versus": true, "vs": true, "where": true, "when": true, "while": true,
}

// introduced reports whether the word at toks[i] is presented as the paper's
// own in its sentence: the object of a cue ("we propose X", "we introduce a
// novel benchmark, X") or right after a near cue ("our X", "called X").
func (x *extraction) introduced(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 10; k-- {
		t := x.toks[k]
		if !t.word {
			c := x.text[t.start]
			if c == ',' || c == '(' || c == ':' || c == '-' || quote(x.text[t.start:t.end]) {
				continue
			}
			return false
		}
		w := strings.ToLower(x.word(k))
		if cues[w] || nearCues[w] && i-k <= 3 {
			return true
		}
		if w == "as" && nearCues[strings.ToLower(x.word(k-1))] {
			continue // "named as X"
		}
		if breaks[w] || t.sent {
			return false
		}
	}
	return false
}

// titleWords are capitalised words that open titles without naming a
// contribution ("Position: ...", "Survey: ...").
var titleWords = map[string]bool{
	"position": true, "survey": true, "review": true, "towards": true, "toward": true,
	"beyond": true, "rethinking": true, "revisiting": true, "introduction": true,
	"overview": true, "tutorial": true, "commentary": true, "perspective": true,
	"perspectives": true, "abstract": true, "preface": true, "editorial": true,
	"keynote": true, "report": true, "note": true, "letter": true, "erratum": true,
	"correction": true, "retraction": true, "background": true, "case": true,
	"vision": true, "opinion": true, "benchmarking": true, "evaluating": true,
	"understanding": true, "learning": true, "scaling": true, "reasoning": true,
	"what": true, "why": true, "how": true, "when": true, "who": true, "which": true,
	"the": true, "a": true, "an": true, "on": true, "from": true, "is": true,
	"are": true, "do": true, "does": true, "can": true, "should": true,
}

// findTitleName adds the name a title gives its contribution before a colon:
// "LipVoicer: Generating Speech ...", "CACE-Net: ...".
func (x *extraction) findTitleName() {
	colon := strings.IndexByte(x.text[:x.titleEnd], ':')
	if colon < 0 {
		return
	}
	first := 0
	last := x.tokenAt(colon) // the colon token
	var words []int
	for k := first; k < last; k++ {
		if x.toks[k].word {
			words = append(words, k)
		} else if x.text[x.toks[k].start] != '(' && x.text[x.toks[k].start] != ')' {
			return
		}
	}
	// "Qwen2.5-Math Technical Report: ..."
	if n := len(words); n >= 2 && strings.EqualFold(x.word(words[n-2]), "technical") &&
		strings.EqualFold(x.word(words[n-1]), "report") {
		words = words[:n-2]
	}
	if len(words) == 0 || len(words) > 3 {
		return
	}
	// A definition in the prefix: "Proposer-Agent-Evaluator(PAE): ...".
	defined := false
	for i := range x.ms {
		m := &x.ms[i]
		if !m.dead && m.src&(srcShort|srcLong) != 0 && m.start < colon {
			m.intro = true
			m.src |= srcTitle
			defined = true
		}
	}
	if defined {
		return
	}
	s := span{x.toks[words[0]].start, x.toks[words[len(words)-1]].end}
	named := false
	for _, k := range words {
		if x.toks[k].name {
			named = true
		}
	}
	if !named {
		w := x.word(words[0])
		r, _ := utf8.DecodeRuneInString(w)
		if len(words) > 1 || !unicode.IsUpper(r) || titleWords[strings.ToLower(w)] {
			return
		}
	}
	if _, ok := x.lex.StopClass(normKey(x.text[s.start:s.end])); ok {
		return
	}
	i := x.claim(s, srcTitle)
	x.ms[i].intro = true
	// "GUIDE: A Guideline-Guided Dataset for ..." says what the name is.
	if k := x.apposition(last + 1); k != kindNone {
		x.ms[i].kinds[k] += 2
	}
}

// findNames adds the name-like words the lexicon does not know.
func (x *extraction) findNames() {
	for k := range x.toks {
		t := x.toks[k]
		if !t.word {
			continue
		}
		if !t.name {
			continue
		}
		s := span{prefixEnd(x.text, t.start, t.end), compoundEnd(x.text, t.start, t.end)}
		if s.start >= s.end {
			continue
		}
		w := x.text[s.start:s.end]
		if s != (span{t.start, t.end}) && !nameLike(w) || romanNumeral(w) {
			continue
		}
		if x.covered(s) >= 0 || x.stopped(s) {
			continue
		}
		if _, ok := x.lex.StopClass(normKey(w)); ok || x.stopParts(w) || x.stopStem(w) {
			continue
		}
		x.add(mention{span: s, entry: -1, src: srcName})
	}
	x.findPhrases()
	x.findCapitalised()
}

// findCapitalised adds runs of two or more capitalised words inside a
// sentence of the abstract, which name things: "a Deformation Controller",
// "the proposed Global Motion Guidance". Function words may join them
// ("Mixture of Experts").
func (x *extraction) findCapitalised() {
	for k := 0; k < len(x.toks); k++ {
		t := x.toks[k]
		if !t.word || t.title || !t.capital && !t.name || t.sent && !t.name {
			continue
		}
		// A run starts with a capitalised word, or with a name the
		// lexicon does not know: "ActivityNet Captions".
		if t.name {
			if k+1 == len(x.toks) || !x.toks[k+1].capital {
				continue
			}
			if c := x.covered(span{t.start, t.end}); c >= 0 && x.ms[c].src&srcLexicon != 0 {
				continue
			}
		}
		end := k + 1 // exclusive
		for j := k + 1; j < len(x.toks) && j-k < 8; j++ {
			u := x.toks[j]
			if !u.word || u.sent || u.start > x.toks[j-1].end+1 {
				break
			}
			if u.capital {
				end = j + 1
				continue
			}
			if !joiners[x.word(j)] {
				break
			}
		}
		// "Indonesian Whisper": a language qualifies the name.
		for k < end-1 && languages[strings.ToLower(x.word(k))] {
			k++
		}
		words := end - k
		for j := k; j < end; j++ {
			if joiners[x.word(j)] {
				words--
			}
		}
		if words < 2 {
			continue
		}
		s := span{x.toks[k].start, x.toks[end-1].end}
		k = end - 1
		if x.stopRun(s) || !x.inside(s) {
			continue
		}
		head := x.word(end - 1)
		hk := headKind(phraseHead([]string{head}))
		if hk == kindNot {
			continue
		}
		i := x.claim(s, srcPhrase)
		if hk == kindNone {
			hk = kindMethod
		}
		x.ms[i].kinds[hk]++
	}
}

// joiners are the lower-case words that may stand inside a capitalised
// name: "Mixture of Experts", "Learning to Rank".
var joiners = map[string]bool{"of": true, "for": true, "to": true}



// stopParts reports whether every name-like part of a hyphenated word is a
// non-entity: "Human-AI", "Multi-GPU".
func (x *extraction) stopParts(w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	named := false
	for _, p := range strings.Split(w, "-") {
		if !partNameLike(p) {
			continue
		}
		if _, ok := x.lex.StopClass(normKey(p)); !ok {
			return false
		}
		named = true
	}
	return named
}

// stopStem reports whether w is a non-entity with a number: "BLEU-1",
// "ROUGE2", "FP16".
func (x *extraction) stopStem(w string) bool {
	stem := strings.TrimRight(w, "0123456789")
	stem = strings.TrimSuffix(stem, "-")
	if stem == w || stem == "" {
		return false
	}
	_, ok := x.lex.StopClass(normKey(stem))
	return ok
}

// prefixEnd returns where the name in the word text[start:end] starts: after
// a lower-case prefix such as "non-" or "low-" ("non-LLM", "low-NFE").
func prefixEnd(text string, start, end int) int {
	i := start
	for i < end && 'a' <= text[i] && text[i] <= 'z' {
		i++
	}
	if i < end-1 && text[i] == '-' && prefixes[text[start:i]] {
		return i + 1
	}
	return start
}

// prefixes are the lower-case prefixes that qualify a name without being
// part of it.
var prefixes = map[string]bool{
	"non": true, "no": true, "low": true, "high": true, "multi": true, "cross": true,
	"pre": true, "post": true, "semi": true, "anti": true, "sub": true, "inter": true,
	"intra": true, "over": true, "under": true, "full": true, "half": true, "mid": true,
}

// compoundEnd returns the end of the name at the start of the word
// text[start:end]: "LLM-based" is the name "LLM" in a compound.
func compoundEnd(text string, start, end int) int {
	for i := start; i < end; i++ {
		if text[i] != '-' || i == start {
			continue
		}
		j := i + 1
		for j < end && text[j] != '-' {
			j++
		}
		if lexicon.Joins(text[i+1 : j]) {
			return i
		}
	}
	return end
}

func romanNumeral(w string) bool {
	return strings.Trim(w, "IVX") == ""
}

// findPhrases adds runs of capitalised words that the abstract qualifies as
// a dataset or benchmark: "the MPII Human Pose dataset", "DeepMind Control
// Suite".
func (x *extraction) findPhrases() {
	for k, t := range x.toks {
		if !t.word || t.title || k == 0 || !x.toks[k-1].capital && !x.toks[k-1].name &&
			!x.toks[k-1].word {
			continue
		}
		w := x.word(k)
		hk := headKind(w)
		if hk != kindDataset && hk != kindBenchmark {
			continue
		}
		first := k
		for j := k - 1; j >= 0 && k-j <= 4; j-- {
			u := x.toks[j]
			if !u.word || u.title {
				break
			}
			v := x.word(j)
			r, _ := utf8.DecodeRuneInString(v)
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) || u.sent && !u.name {
				break
			}
			first = j
		}
		// "23 Human Connectome Project": a count is not part of the name.
		for first < k && quantityLike(x.word(first)) {
			first++
		}
		if first == k || !x.namedRun(first, k) {
			continue
		}
		end := k // the name ends before the noun, or with it: "Control Suite"
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			end = k + 1
		}
		// A single name-like word is found by findNames.
		if end == k && first == k-1 && x.toks[first].name {
			continue
		}
		s := span{x.toks[first].start, x.toks[end-1].end}
		if x.stopRun(s) {
			continue
		}
		if c := x.covered(s); c >= 0 && x.ms[c].span == s {
			continue
		}
		i := x.claim(s, srcPhrase)
		x.ms[i].kinds[hk] += 2
	}
}

// namedRun reports whether the words toks[first:end] can be a name: one
// starts with a capital letter, and none is a language ("the French
// dataset") or a quantity ("14 datasets").
func (x *extraction) namedRun(first, end int) bool {
	named := false
	for k := first; k < end; k++ {
		w := x.word(k)
		if languages[strings.ToLower(w)] {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !quantityLike(w) {
			named = true
		}
	}
	return named
}

// quantityLike reports whether w is a number with a unit ("3D", "14").
func quantityLike(w string) bool {
	s := shapeOf(w)
	return s.firstDigit && (s.upper+s.lower == 0 || quantity(w))
}

// languages are adjectives of languages and peoples, which qualify a
// dataset without naming it.
var languages = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`english chinese french german spanish japanese
		korean arabic hindi russian italian portuguese dutch indonesian vietnamese
		thai turkish persian polish swedish greek hebrew bengali urdu swahili
		multilingual american british european african asian indian`) {
		languages[w] = true
	}
}

// findRepeats adds the later uses of forms that only a definition, the
// title or a phrase found: "Semantic Fusion Attention" after its
// definition, "Guide-and-Rescale" in the abstract.
func (x *extraction) findRepeats() {
	n := len(x.ms)
	for i := 0; i < n; i++ {
		m := x.ms[i]
		if m.dead || m.src&(srcShort|srcLong|srcTitle|srcPhrase) == 0 {
			continue
		}
		f := x.form(&m)
		fold := m.src&srcLong != 0 && !nameLike(f)
		for off := 0; off < len(x.text); {
			j := x.index(off, f, fold)
			if j < 0 {
				break
			}
			s := span{off + j, off + j + len(f)}
			off = s.end
			if s.end < len(x.text) && x.text[s.end] == 's' {
				s.end++
			}
			if !boundary(x.text, s) || !x.inside(s) {
				continue
			}
			k := x.claim(s, srcRepeat)
			x.ms[k].entry = m.entry
			x.join(i, k)
		}
	}
}

// index returns the offset of f in the text after off, relative to off,
// ignoring ASCII case if fold is set; -1 if there is none.
func (x *extraction) index(off int, f string, fold bool) int {
	if !fold {
		return strings.Index(x.text[off:], f)
	}
	if x.lower == "" {
		x.lower = asciiLower(x.text)
	}
	return strings.Index(x.lower[off:], asciiLower(f))
}

// asciiLower is strings.ToLower for ASCII letters only, so that byte
// offsets stay put.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// boundary reports whether s is a whole word or phrase of text.
func boundary(text string, s span) bool {
	if s.start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s.start])
		if alnum(r) || r == '-' || r == '_' {
			return false
		}
	}
	if s.end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[s.end:])
		if alnum(r) || r == '_' || r == '+' || r == '*' {
			return false
		}
		if r == '-' && !lexicon.Joins(wordAt(text, s.end+1)) {
			return false
		}
	}
	return true
}

func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !alnum(r) {
			break
		}
		j += n
	}
	return text[i:j]
}

// readContext records what the words around each mention say it is, and
// whether the paper presents it.
func (x *extraction) readContext() {
	order := make([]int, 0, len(x.ms))
	for i := range x.ms {
		if !x.ms[i].dead {
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool { return x.ms[order[a]].start < x.ms[order[b]].start })
	for _, i := range order {
		m := &x.ms[i]
		first := x.tokenAt(m.start)
		next := x.tokenAt(m.end)
		after := next
		if x.punct(after, '(') {
			// "the GUIDE (Guideline-Guided) dataset"
			for after < len(x.toks) && after-next < 12 && !x.punct(after, ')') {
				after++
			}
			after++
		} else if next < len(x.toks) && x.toks[next].start != m.end+1 {
			after = -1
		}
		if k := headKind(x.word(after)); k == kindNot {
			// "the WER metric", but not "D4RL tasks": tasks of D4RL.
			if notNouns[strings.ToLower(x.word(after))] {
				m.kinds[k]++
			}
		} else if k != kindNone {
			m.kinds[k] += 2
		}
		if k := x.apposition(next); k != kindNone {
			m.kinds[k] += 2
		}
		if k := x.before(first); k != kindNone {
			m.kinds[k]++
		}
		// "we design a bidirectional SSM convolution" presents the
		// convolution, not SSM.
		if x.introduced(first) && !x.modifier(after) {
			m.intro = true
		}
		m.used = x.usedBefore(first)
		m.subject = x.subject(first, next)
	}
	// Lists share what the noun after or before them says: "on MMLU, GSM8K
	// and HumanEval benchmarks", "datasets such as LRS2 and LRS3".
	for a := 0; a < len(order); {
		b := a
		for b+1 < len(order) && x.listed(x.ms[order[b]].end, x.ms[order[b+1]].start) {
			b++
		}
		if b > a {
			// ctx sums what the words around the items say; all adds the
			// lexicon's types, which type the unknown items only.
			var ctx, all [kindNot + 1]int8
			for _, i := range order[a : b+1] {
				for k, v := range x.ms[i].kinds {
					ctx[k] += v
					all[k] += v
				}
				if e := x.ms[i].entry; e >= 0 {
					all[kindOf(x.lex.Entry(e).Type)]++
				}
			}
			for _, i := range order[a : b+1] {
				sum := all
				if x.ms[i].entry >= 0 {
					sum = ctx
				}
				for k := range sum {
					if x.ms[i].kinds[k] == 0 && sum[k] > 0 {
						x.ms[i].kinds[k] = sum[k]
					}
				}
			}
		}
		a = b + 1
	}
}

// notNouns say, right after a name, that it is no entity: "the WER
// metric", "the FID score", "the Triton library".
var notNouns = map[string]bool{
	"metric": true, "score": true, "measure": true, "distance": true, "error": true,
	"rate": true, "ratio": true, "accuracy": true, "index": true, "library": true,
	"toolkit": true, "package": true, "api": true, "platform": true, "software": true,
	"hardware": true, "chip": true, "processor": true, "language": true,
}

// useCues are words before a name in its sentence that say the paper uses
// it: "based on X", "existing methods such as X", "compared with X".
var useCues = map[string]bool{
	"using": true, "use": true, "uses": true, "used": true, "based": true, "such": true,
	"existing": true, "previous": true, "prior": true, "standard": true,
	"conventional": true, "popular": true, "widely": true, "traditional": true,
	"classic": true, "classical": true, "baseline": true, "baselines": true,
	"compared": true, "against": true, "than": true, "like": true, "including": true,
	"outperforms": true, "outperform": true, "surpasses": true, "surpass": true,
	"versus": true, "vs": true, "leverage": true, "leverages": true, "leveraging": true,
	"adopt": true, "adopts": true, "employ": true, "employs": true, "via": true,
	"built": true, "upon": true, "extends": true, "extending": true, "following": true,
	"e": true, "g": true, "eg": true, "recent": true, "recently": true, "state": true,
	"on": true, "from": true, "combined": true,
}

// usedBefore reports whether a cue of use precedes toks[i] within a few
// words of its sentence.
func (x *extraction) usedBefore(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 8; k-- {
		if x.toks[k].word && useCues[strings.ToLower(x.word(k))] {
			return true
		}
		if x.toks[k].sent || x.punct(k, '.') {
			return false
		}
	}
	return false
}

// openers are words that may open a sentence before its subject and a
// comma: "Notably, X achieves ...".
var openers = map[string]bool{
	"then": true, "first": true, "second": true, "third": true, "finally": true,
	"thus": true, "hence": true, "therefore": true, "moreover": true, "furthermore": true,
	"additionally": true, "notably": true, "specifically": true, "consequently": true,
	"overall": true, "lastly": true, "importantly": true, "empirically": true,
	"experimentally": true, "besides": true, "meanwhile": true, "further": true,
}

// subject reports whether the mention starting at toks[first], followed by
// toks[next], opens its sentence and is followed by a verb.
func (x *extraction) subject(first, next int) bool {
	if first >= len(x.toks) {
		return false
	}
	t := x.toks[first]
	if t.title {
		return false
	}
	if !t.sent {
		if !x.punct(first-1, ',') || first < 2 || !x.toks[first-2].sent ||
			!openers[strings.ToLower(x.word(first-2))] {
			return false
		}
	}
	w := x.word(next)
	if w == "" || functionWords[w] && w != "is" && w != "can" && w != "also" && w != "further" &&
		w != "achieves" && w != "outperforms" && w != "consists" && w != "comprises" &&
		w != "enables" && w != "improves" && w != "uses" && w != "employs" && w != "leverages" &&
		w != "shows" && w != "demonstrates" && w != "provides" && w != "allows" && w != "contains" &&
		w != "includes" && w != "significantly" && w != "effectively" && w != "first" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && headKind(w) == kindNone
}

// listed reports whether the text between two mentions only separates items
// of a list.
func (x *extraction) listed(end, start int) bool {
	if start < end {
		return false
	}
	s := strings.TrimSpace(x.text[end:start])
	s = strings.TrimSuffix(s, " our")
	switch s {
	case ",", "and", "or", ", and", ", or", "&", "/", ",and", "our":
		return true
	}
	return false
}

// modifier reports whether the word at toks[i], right after a mention, is
// a lower-case noun that the mention modifies, other than a noun that says
// what the mention is: "SSM convolution", but not "Git-10M dataset".
func (x *extraction) modifier(i int) bool {
	w := x.word(i)
	if w == "" || headKind(w) != kindNone {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	return !functionWords[w]
}

// functionWords are lower-case words that cannot be nouns.
var functionWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "that": true, "which": true,
	"and": true, "or": true, "to": true, "for": true, "of": true, "in": true, "on": true,
	"with": true, "by": true, "as": true, "at": true, "from": true, "into": true,
	"via": true, "can": true, "could": true, "will": true, "would": true, "may": true,
	"might": true, "should": true, "must": true, "has": true, "have": true, "had": true,
	"be": true, "been": true, "not": true, "also": true, "then": true, "than": true,
	"but": true, "while": true, "where": true, "when": true, "who": true, "whose": true,
	"outperforms": true, "achieves": true, "uses": true, "employs": true, "leverages": true,
	"consists": true, "comprises": true, "contains": true, "includes": true,
	"enables": true, "allows": true, "provides": true, "improves": true, "shows": true,
	"demonstrates": true, "significantly": true, "further": true, "first": true,
	"effectively": true, "across": true, "through": true, "under": true, "over": true,
	"after": true, "before": true, "without": true, "within": true, "between": true,
}

// apposition reads "X, a large-scale benchmark for ...", "X is a dataset",
// "X (a method ...)" from the token after a mention, and returns the kind
// of the head noun.
func (x *extraction) apposition(i int) kind {
	if x.punct(i, ',') || x.punct(i, '(') || x.punct(i, ':') {
		i++
	} else if w := x.word(i); w == "is" || w == "was" {
		i++
	}
	switch strings.ToLower(x.word(i)) {
	case "a", "an", "the", "our":
		i++
	default:
		return kindNone
	}
	found := kindNone
	for n := 0; n < 8 && i < len(x.toks); n, i = n+1, i+1 {
		w := x.word(i)
		if w == "" {
			if x.punct(i, '-') || x.punct(i, '.') && found == kindNone {
				continue
			}
			break
		}
		lw := strings.ToLower(w)
		if lw == "of" && found == kindNone {
			continue
		}
		if prepositions[lw] || lw == "that" || lw == "which" {
			break
		}
		if k := headKind(phraseHead([]string{w})); k != kindNone {
			found = k
			if x.word(i+1) == "of" {
				// "a set of metrics", "a suite of benchmarks".
				if k2 := headKind(x.word(i + 2)); k2 != kindNone {
					return k2
				}
			}
			continue
		}
		if found != kindNone {
			break
		}
	}
	return found
}

// before reads "datasets such as X", "the benchmark X", "a new dataset
// called X" before the mention at toks[i]. Nouns of non-entities are not
// read: in "reasoning tasks X" the noun belongs to the phrase, not to X.
func (x *extraction) before(i int) kind {
	k := i - 1
	for n := 0; n < 3 && k >= 0; n++ {
		w := strings.ToLower(x.word(k))
		if w == "as" && strings.ToLower(x.word(k-1)) == "such" {
			k -= 2
			continue
		}
		if w == "including" || w == "like" || w == "namely" || w == "called" || w == "as" ||
			w == "named" || w == "dubbed" || w == "termed" || w == "coined" ||
			x.punct(k, ',') || x.punct(k, '(') || x.punct(k, ':') {
			k--
			continue
		}
		// "datasets (i.e., X and Y)", "benchmarks (e.g., X)"
		if w == "ie" || w == "eg" || w == "e" || w == "i" || w == "g" || x.punct(k, '.') || x.punct(k, '\\') {
			k--
			n--
			continue
		}
		break
	}
	w := x.word(k)
	if w == "" {
		return kindNone
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return kindNone
	}
	if w == "on" {
		return x.evaluatedOn(k)
	}
	if hk := headKind(w); hk != kindNot {
		return hk
	}
	return kindNone
}

// evaluatedKind is what a name a paper is evaluated on, and that nothing
// else types, is taken to be. ANNOTATION.md types an unqualified test set
// as a dataset; dedicated benchmarks mostly carry the word or a suffix.
const evaluatedKind = kindDataset

// evaluatedOn reads the words before "on" at toks[k]: what a paper is
// trained on is a dataset, what it is evaluated on a benchmark, and what it
// builds on neither.
func (x *extraction) evaluatedOn(k int) kind {
	switch strings.ToLower(x.word(k - 1)) {
	case "based", "built", "builds", "build", "relies", "rely", "relying", "depends",
		"depend", "focus", "focuses", "focusing", "conditioned", "conditioning", "run",
		"runs", "running", "deployed", "implemented", "operates", "operating", "draw",
		"draws", "drawing", "act", "acts", "rests", "work", "works", "improves", "improve":
		return kindNone
	}
	for j := k - 1; j >= 0 && k-j <= 5; j-- {
		switch strings.ToLower(x.word(j)) {
		case "trained", "training", "pretrained", "pre-trained", "fine-tuned", "finetuned",
			"fine-tuning", "finetuning", "collected", "learned", "learnt":
			return kindDataset
		case "evaluated", "evaluation", "evaluate", "evaluations", "experiments", "results",
			"performance", "tested", "test", "benchmarked", "achieves", "achieve",
			"outperforms", "outperform", "accuracy", "scores", "sota", "state-of-the-art",
			"gain", "gains", "improvement", "improvements", "reaches", "experiment":
			return evaluatedKind
		}
		if x.toks[j].sent {
			break
		}
	}
	return kindNone
}

// entities groups the live mentions into entities and decides each one.
func (x *extraction) entities() []Entity {
	groups := map[int][]int{}
	byKey := map[string]int{}
	byEntry := map[int]int{}
	for i := range x.ms {
		m := &x.ms[i]
		if m.dead {
			continue
		}
		key := normKey(display(x.form(m), m.src))
		if key == "" {
			m.dead = true
			continue
		}
		if j, ok := byKey[key]; ok {
			x.join(i, j)
		} else {
			byKey[key] = i
		}
		if m.entry >= 0 {
			if j, ok := byEntry[m.entry]; ok {
				x.join(i, j)
			} else {
				byEntry[m.entry] = i
			}
		}
	}
	for i := range x.ms {
		if !x.ms[i].dead {
			r := x.root(i)
			groups[r] = append(groups[r], i)
		}
	}
	out := make([]Entity, 0, len(groups))
	for _, g := range groups {
		if e, ok := x.decide(g); ok {
			out = append(out, e)
		}
	}
	// The parts of the paper's own system share its name: "SSDF-Core",
	// "SSDF-Bench" and "SSDF-Dialogue".
	for i := range out {
		p := namePrefix(out[i].Name)
		if out[i].Role != Introduces || p == "" {
			continue
		}
		for j := range out {
			if out[j].Role == Uses && (namePrefix(out[j].Name) == p || strings.HasPrefix(out[j].Name, out[i].Name+"-")) {
				out[j].Role = Introduces
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Offset != out[j].Offset {
			return out[i].Offset < out[j].Offset
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// namePrefix returns the capitalised first part of a hyphenated name
// ("SSDF" of "SSDF-Core"), or "".
func namePrefix(name string) string {
	i := strings.IndexByte(name, '-')
	if i < 2 {
		return ""
	}
	p := name[:i]
	if s := shapeOf(p); s.upper < 2 {
		return ""
	}
	return p
}

// decide turns a group of mentions into an entity, or drops it.
func (x *extraction) decide(g []int) (Entity, bool) {
	sort.Slice(g, func(a, b int) bool { return x.ms[g[a]].start < x.ms[g[b]].start })
	entry := -1
	src := 0
	intro := false
	var kinds [kindNot + 1]int
	for _, i := range g {
		m := &x.ms[i]
		if m.entry >= 0 && entry < 0 {
			entry = m.entry
		}
		src |= m.src
		intro = intro || m.intro
		for k, v := range m.kinds {
			kinds[k] += int(v)
		}
	}
	for _, i := range g {
		key := normKey(x.form(&x.ms[i]))
		if x.not[key] && entry < 0 {
			return Entity{}, false
		}
		if _, ok := x.lex.StopClass(key); ok && entry < 0 {
			return Entity{}, false
		}
	}
	if entry < 0 && !intro {
		used := false
		for _, i := range g {
			used = used || x.ms[i].used
		}
		for _, i := range g {
			m := &x.ms[i]
			switch {
			case m.start < x.titleEnd && m.src&srcName != 0 && shapeOf(x.form(m)).innerUpper:
				// A new name in the title is the paper's own: "LLM
				// Self-Correction with DeCRIM".
				intro = true
			case used:
			case m.src&srcLong != 0 && titleCase(strings.Fields(x.form(m))):
				// An abbreviation the paper defines in title case and
				// the lexicon does not know is its own: "Cross-frame
				// Textual Guidance Module (CTGM)".
				intro = true
			case m.subject:
				// "MOREC improves the previous state of the art".
				intro = true
			}
		}
	}
	var typ Type
	if entry >= 0 {
		e := x.lex.Entry(entry)
		typ = Type(e.Type)
		// Follow the text between dataset and benchmark.
		if typ == Dataset && kinds[kindBenchmark] > kinds[kindDataset] {
			typ = Benchmark
		} else if typ == Benchmark && kinds[kindDataset] > kinds[kindBenchmark] {
			typ = Dataset
		}
		// A well-known name is the paper's own only when the title names
		// it before its colon: "Qwen2.5-Math Technical Report: ...".
		intro = intro && src&srcTitle != 0
	} else {
		// A suffix that names the kind ("GMMFormer", "Baz-Bench") weighs
		// more than most nouns around the name.
		for _, i := range g {
			if k, w := suffixVote(x.form(&x.ms[i])); k != kindNone {
				kinds[k] += w
				break
			}
		}
		best := kindNone
		for k := kindModel; k <= kindNot; k++ {
			if kinds[k] > kinds[best] {
				best = k
			}
		}
		if best == kindNot {
			return Entity{}, false
		}
		if best == kindNone {
			best = x.guess(g, src, intro)
			if best == kindNone {
				return Entity{}, false
			}
		}
		// Called a benchmark anywhere, it is a benchmark (ANNOTATION.md).
		if best == kindDataset && kinds[kindBenchmark] >= 2 {
			best = kindBenchmark
		}
		typ = best.typ()
	}
	e := Entity{Type: typ, Role: Uses, Count: len(g), Offset: x.ms[g[0]].start}
	if intro {
		e.Role = Introduces
	}
	e.Name, e.Aliases = x.names(g)
	if e.Name == "" {
		return Entity{}, false
	}
	return e, true
}

// guess types a name that no context and no lexicon types, from its
// suffix, or drops it.
func (x *extraction) guess(g []int, src int, intro bool) kind {
	for _, i := range g {
		if k := suffixKind(x.form(&x.ms[i])); k != kindNone {
			return k
		}
	}
	// Papers present named procedures more often than named networks.
	if src&(srcShort|srcLong|srcTitle) != 0 || intro {
		return kindMethod
	}
	// A bare acronym nobody defines or qualifies is as often a task or a
	// metric as a name; mixed case or digits make a name.
	for _, i := range g {
		f := x.form(&x.ms[i])
		s := shapeOf(f)
		if s.innerUpper || s.digit > 0 || s.lower > 0 && s.upper > 1 {
			return kindModel
		}
	}
	return kindNone
}

// suffixVote weighs what a name's suffix says: model suffixes most, since
// papers call their networks frameworks and methods too; "QA" least, since
// question-answering sets are as often called datasets.
func suffixVote(f string) (kind, int) {
	k := suffixKind(f)
	switch {
	case k == kindModel:
		return k, 3
	case k == kindBenchmark && strings.HasSuffix(f, "QA"):
		return k, 1
	case k == kindDataset || k == kindBenchmark:
		return k, 2
	}
	return k, 1
}

// suffixKind types a name by the part names of its kind end in.
func suffixKind(f string) kind {
	l := strings.ToLower(f)
	l = strings.TrimSuffix(l, "s")
	n := len(f)
	switch {
	case strings.HasSuffix(l, "bench") || strings.HasSuffix(l, "-qa") ||
		strings.HasSuffix(l, "eval") || strings.HasSuffix(l, "arena") ||
		n > 3 && strings.HasSuffix(f, "QA"):
		return kindBenchmark
	case strings.HasSuffix(l, "-dataset") || strings.HasSuffix(l, "-corpus") ||
		n > 3 && (f[n-1] == 'K' || f[n-1] == 'M') && f[n-2] >= '0' && f[n-2] <= '9' && !strings.Contains(f, "-"):
		// "PDI-Dataset", "PRM800K"
		return kindDataset
	case strings.HasSuffix(l, "attention") || strings.HasSuffix(l, "prompting") ||
		strings.HasSuffix(l, "distillation") || strings.HasSuffix(l, "guidance") ||
		n > 3 && strings.HasSuffix(f, "PO"):
		// "FlashAttention", "SimPO"
		return kindMethod
	case strings.HasSuffix(l, "net") || strings.HasSuffix(l, "former") ||
		strings.HasSuffix(l, "gpt") || strings.HasSuffix(l, "bert") ||
		strings.HasSuffix(l, "-instruct") || strings.HasSuffix(l, "-chat") ||
		strings.HasSuffix(l, "-vl") || strings.HasSuffix(l, "-coder"):
		return kindModel
	}
	if i := strings.LastIndexByte(l, '-'); i >= 0 {
		tail := l[i+1:]
		if len(tail) >= 2 && tail[0] >= '0' && tail[0] <= '9' {
			switch tail[len(tail)-1] {
			case 'b':
				return kindModel // "-7B", "-70B": parameters
			case 'k', 'm':
				return kindDataset // "-10M", "-1K": examples
			}
		}
	}
	return kindNone
}

// names chooses the entity's name and aliases from the forms of its
// mentions: the short proper name, singular, if there is one; a generic
// form in lower case.
func (x *extraction) names(g []int) (string, []string) {
	type cand struct {
		text  string
		short bool
	}
	var forms []cand
	seen := map[string]bool{}
	for _, i := range g {
		m := &x.ms[i]
		f := x.form(m)
		if m.lexForm != "" {
			f = m.lexForm
		}
		f = display(f, m.src)
		key := normKey(f)
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		sh := shapeOf(f)
		short := m.src&srcShort != 0 || (sh.upper >= 2 && !strings.Contains(f, " ") && sh.upper >= sh.lower)
		forms = append(forms, cand{f, short})
	}
	if len(forms) == 0 {
		return "", nil
	}
	best := 0
	for i, c := range forms {
		if c.short && !forms[best].short {
			best = i
		}
	}
	name := forms[best].text
	var aliases []string
	for i, c := range forms {
		if i != best {
			aliases = append(aliases, c.text)
		}
	}
	if aliases == nil {
		aliases = []string{}
	}
	return name, aliases
}

// display turns a mention's text into the form an entity shows: singular
// for an acronym plural ("LLMs" -> "LLM"), lower case for a generic term
// capitalised by a title or a sentence start.
func display(f string, src int) string {
	f = strings.Join(strings.Fields(f), " ")
	if n := len(f); n >= 3 && f[n-1] == 's' && f[n-2] >= 'A' && f[n-2] <= 'Z' {
		f = f[:n-1]
	}
	if src&srcLong != 0 && !nameLike(f) && !titleCase(strings.Fields(f)) {
		f = strings.ToLower(f)
	}
	return f
}

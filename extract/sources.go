package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paperkg/paperkg/extract/lexicon"
)

// findLexicon adds the mentions of lexicon entries and records the stop
// phrases.
func (x *extraction) findLexicon() {
	found := x.lex.Find(x.text)
	for _, m := range found {
		if m.Entry < 0 {
			x.stops = append(x.stops, stop{span{m.Start, m.End}, m.Class})
			continue
		}
		if m.Start < x.titleEnd && x.capitalOnly(m) && !x.inAbstract(found, m.Entry) {
			// "Palm Clusters" in a title is no PaLM unless the abstract
			// names it too.
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
		form := m.Form
		if strings.HasSuffix(form, "-based") {
			// "diffusion-based methods" use diffusion models.
			form = e.Name
		}
		x.add(mention{span: span{m.Start, m.End}, entry: m.Entry, lexForm: form, src: srcLexicon})
		x.elided(m)
	}
}

// elided adds the method whose head words a coordination leaves out:
// "weakly" in "weakly and semi-supervised learning", "offline" in
// "offline and online reinforcement learning", "KL" in "KL and JS
// divergence".
func (x *extraction) elided(m lexicon.Match) {
	e := x.lex.Entry(m.Entry)
	if e.Type != "method" {
		return
	}
	w := x.text[m.Start:m.End]
	sp := strings.IndexByte(w, ' ')
	if sp <= 0 {
		return
	}
	k := x.tokenAt(m.Start)
	if c := x.word(k - 1); c != "and" && c != "or" {
		return
	}
	a := x.word(k - 2)
	if k < 2 || !x.toks[k-2].word || strings.HasSuffix(a, "-") || x.toks[k-2].end+1 != x.toks[k-1].start {
		return
	}
	// A lower-case word of three letters or more ("weakly"), or a name
	// ("KL") of a non-generic method.
	if genericEntry(e) && (len(a) < 3 || !plainLower(a)) || !genericEntry(e) && plainLower(a) {
		return
	}
	s := span{x.toks[k-2].start, x.toks[k-2].end}
	if x.covered(s) >= 0 || x.stopped(s) {
		return
	}
	first, tail := w[:sp], w[sp:]
	cands := []string{a + tail}
	if h := strings.IndexByte(first, '-'); h > 0 {
		cands = append(cands, a+" "+first[h+1:]+tail)
	}
	for _, c := range cands {
		if f, ok := x.lex.Lookup(normKey(c)); ok && f.ID != m.Entry && f.Type == "method" {
			x.add(mention{span: s, entry: f.ID, lexForm: c, src: srcLexicon})
			return
		}
	}
}

// capitalOnly reports whether the match m writes a mixed-case form ("PaLM")
// as an ordinary capitalised word ("Palm").
func (x *extraction) capitalOnly(m lexicon.Match) bool {
	w := x.text[m.Start:m.End]
	if w == m.Form || strings.ContainsAny(m.Form, " -") || len(w) < 2 || !upper(w[0]) {
		return false
	}
	inner := false
	for i := 1; i < len(m.Form); i++ {
		inner = inner || upper(m.Form[i])
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return inner
}

// inAbstract reports whether a lexicon match of the entry lies after the
// title.
func (x *extraction) inAbstract(found []lexicon.Match, entry int) bool {
	for _, m := range found {
		if m.Entry == entry && m.Start >= x.titleEnd {
			return true
		}
	}
	return false
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
			ok = n == 0 && (len(w) == 4 && strings.HasPrefix(w, "20") && versionNumber(w) || dataVersion(w))
		case "dataset":
			ok = n == 0 && dataVersion(w)
		}
		if !ok {
			break
		}
		out = t.end
	}
	return out
}

// dataVersion reports whether w is the version of a dataset: "v2" in
// "ScanNet v2", "2.0" in "SQuAD 2.0". A bare number is not: "COCO 2017"
// names a split, "MNIST 10" is a count.
func dataVersion(w string) bool {
	return versionNumber(w) && (w[0] == 'v' || w[0] == 'V' || strings.Contains(w, "."))
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
		if x.splitName(d) {
			continue
		}
		k, ok := x.judge(d)
		if !ok {
			if x.not == nil {
				x.not = make(map[string]bool)
			}
			x.not[normKey(short)] = true
			x.not[normKey(long)] = true
			continue
		}
		if c := x.specializes(d); c >= 0 && headKind(phraseHead(strings.Fields(long))) == kindNot {
			// The defined name is a kind of the known one, which the
			// text uses too: both are entities.
			x.implied = append(x.implied, x.ms[c])
		}
		si := x.claim(d.short, srcShort)
		li := x.claim(d.long, srcLong)
		x.join(si, li)
		if k != kindNone {
			x.ms[li].kinds[k] += 2
		}
		if x.introduced(x.tokenAt(min(d.short.start, d.long.start))) {
			x.ms[li].intro = true
		}
	}
}

// splitName adds, for a definition that stands inside a known name,
// "Kullback-Leibler (KL) divergence", a mention of that name under the
// lexicon's form ("KL divergence"), and reports whether it did.
func (x *extraction) splitName(d definition) bool {
	if d.long.start > d.short.start {
		return false
	}
	k := x.tokenAt(d.short.end) // the closing parenthesis
	if !x.punct(k, ')') || k+1 >= len(x.toks) || !x.toks[k+1].word || x.toks[k+1].start != x.toks[k].end+1 {
		return false
	}
	head := x.word(k + 1)
	short, long := x.text[d.short.start:d.short.end], x.text[d.long.start:d.long.end]
	for _, f := range []string{short + " " + head, long + " " + head} {
		if e, ok := x.lex.Lookup(normKey(f)); ok {
			i := x.claim(span{d.long.start, x.toks[k+1].end}, srcLexicon)
			x.ms[i].entry, x.ms[i].lexForm = e.ID, e.Name
			return true
		}
	}
	return false
}

// claim returns a mention for exactly the span s, reusing a lexicon mention
// of the same span and retiring mentions inside it: "Latent Diffusion Model
// (LDM)" is one thing, not also a diffusion model.
func (x *extraction) claim(s span, src int) int {
	entry := -1
	for b := s.start; b < s.end; b++ {
		o := x.occ[b]
		if o == 0 {
			continue
		}
		i := int(o) - 1
		m := &x.ms[i]
		if m.span == s {
			m.src |= src
			return i
		}
		if m.entry >= 0 && m.start <= s.start && s.end <= m.end {
			// The span lies inside a longer lexicon name; keep the name.
			entry = m.entry
		}
		b = m.end - 1
		x.kill(i)
	}
	return x.add(mention{span: s, entry: entry, src: src})
}

// judge decides whether a definition names an entity, and if so what its
// long form's head noun says it is.
func (x *extraction) judge(d definition) (kind, bool) {
	short, long := x.text[d.short.start:d.short.end], x.text[d.long.start:d.long.end]
	sk, lk := normKey(short), normKey(long)
	if e, ok := x.lex.Lookup(sk); ok && !x.redefines(e, long) {
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
	if x.stopped(d.short) {
		return kindNone, false
	}
	// "the Selective Noise-Resilient Processor (SNRP) module",
	// "centerline-aware topology (CAT) loss": the noun after the
	// definition says what it names.
	if d.long.end <= d.short.start {
		if after := x.tokenAt(d.paren.end); after < len(x.toks) && x.toks[after].start == d.paren.end+1 {
			if w := strings.ToLower(x.word(after)); components[singular(w)] {
				return headKind(w), true
			}
		}
	}
	// "supervised fine-tuning (SFT)", "visual question answering (VQA)": a
	// long form that ends in a non-entity is one; "a novel framework, FPS
	// (Formal Problem-Solving)" presents a name all the same.
	presented := d.short.end <= d.long.start && x.introduced(x.tokenAt(d.short.start))
	if x.stopHead(d.long) && !presented {
		return kindNone, false
	}
	words := strings.Fields(long)
	k := headKind(phraseHead(words))
	titled := titleCase(words)
	if c := x.specializes(d); k == kindNot && c >= 0 {
		// "Remote Sensing Retrieval-Augmented Generation (RS-RAG)": a
		// kind of a known method, whatever its last noun says.
		k = kindOf(x.lex.Entry(x.ms[c].entry).Type)
	}
	switch {
	case k == kindNot && presented:
		return kindMethod, true
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
	case x.introduced(x.tokenAt(min(d.short.start, d.long.start))):
		// "we propose a mechanism, LiMA (Less input is More faithful
		// for Attribution)".
		return kindMethod, true
	}
	return kindNone, false
}

// components are the nouns that, after a definition, say it names a part
// of a method: "the Selective Noise-Resilient Processor (SNRP) module".
var components = map[string]bool{
	"module": true, "block": true, "layer": true, "loss": true, "mechanism": true,
	"algorithm": true, "strategy": true, "framework": true, "method": true,
	"technique": true, "scheme": true, "architecture": true, "benchmark": true,
	"dataset": true,
}

// specializes returns the known name that ends the long form of d and is
// not all of it ("Retrieval-Augmented Generation" of "Remote Sensing
// Retrieval-Augmented Generation"), or -1.
func (x *extraction) specializes(d definition) int {
	c := x.covered(span{d.long.end - 1, d.long.end})
	if c < 0 || x.ms[c].entry < 0 || x.ms[c].end != d.long.end || x.ms[c].start <= d.long.start {
		return -1
	}
	return c
}

// redefines reports whether the long form given in the text for a short
// form the lexicon knows names something else: the lexicon lists long forms
// that share no word with it, or the long form's head noun says another
// type. The lexicon's entry then no longer speaks for the short form in
// this text.
func (x *extraction) redefines(e lexicon.Entry, long string) bool {
	words := make(map[string]bool)
	for _, w := range strings.FieldsFunc(long, func(r rune) bool { return r == ' ' || r == '-' }) {
		if w = strings.ToLower(w); !functionWords[w] {
			words[singular(w)] = true
		}
	}
	spelled := false
	for _, f := range append([]string{e.Name}, e.Aliases...) {
		if !strings.ContainsAny(f, " -") {
			continue
		}
		for _, w := range strings.FieldsFunc(f, func(r rune) bool { return r == ' ' || r == '-' }) {
			if words[singular(strings.ToLower(w))] {
				return false
			}
		}
		spelled = true
	}
	k := headKind(phraseHead(strings.Fields(long)))
	if spelled || k != kindNone && k != kindNot && k != kindOf(e.Type) {
		if x.redefined == nil {
			x.redefined = make(map[int]bool)
		}
		x.redefined[e.ID] = true
		return true
	}
	return false
}

// families are the model head nouns a lower-case long form may end in and
// still name an established family of models.
var families = map[string]bool{
	"model": true, "network": true, "autoencoder": true, "machine": true, "transformer": true,
	"llm": true, "vlm": true, "mllm": true, "lmm": true,
}

// kindOf maps a lexicon type to a kind.
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
	// "See&Trek: ...", "S$^2$Teacher: ...": a prefix without a space is
	// one name, whatever joins its parts.
	if prefix := strings.TrimSpace(x.text[:colon]); prefix != "" && !strings.ContainsAny(prefix, " \t") &&
		last > 1 && x.toks[0].word && x.toks[last-1].end == len(prefix) && x.joined(0, last) && !x.defines(colon) {
		s := span{x.toks[0].start, x.toks[last-1].end}
		if _, ok := x.lex.StopClass(normKey(x.text[s.start:s.end])); !ok {
			i := x.claim(s, srcTitle)
			x.ms[i].intro = true
			if k := x.titleHead(last + 1); k != kindNone && k != kindNot {
				x.ms[i].kinds[k] += 2
			}
		}
		return
	}
	var words []int
	for k := first; k < last; k++ {
		if x.toks[k].word {
			words = append(words, k)
		} else if x.text[x.toks[k].start] != '(' && x.text[x.toks[k].start] != ')' {
			return
		}
	}
	// "The AnIML Ontology: ...": the article is not part of the name.
	if len(words) > 1 && words[0] == first && articles[strings.ToLower(x.word(words[0]))] {
		words = words[1:]
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
	} else if k := x.titleHead(last + 1); k != kindNone && k != kindNot {
		// "CANVAS: Commonsense-Aware Navigation System for ...".
		x.ms[i].kinds[k] += 2
	}
}

// defines reports whether an abbreviation is defined before offset end:
// "Proposer-Agent-Evaluator(PAE): ...".
func (x *extraction) defines(end int) bool {
	for i := range x.ms {
		if m := &x.ms[i]; !m.dead && m.src&(srcShort|srcLong) != 0 && m.start < end {
			return true
		}
	}
	return false
}

// articles start a title's phrase without being part of a name in it.
var articles = map[string]bool{"the": true, "a": true, "an": true}

// phraseOpeners open a noun phrase without naming anything.
var phraseOpeners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "these": true, "those": true,
	"that": true, "our": true, "their": true, "its": true, "each": true, "all": true,
	"both": true, "such": true, "any": true, "every": true, "some": true, "another": true,
	"other": true, "his": true, "her": true, "my": true, "your": true, "no": true,
}

// joined reports whether tokens [from, to) touch each other, with no space
// between, and hold a punctuation mark between words: "See&Trek".
func (x *extraction) joined(from, to int) bool {
	punct := false
	for k := from + 1; k < to; k++ {
		if x.toks[k].start != x.toks[k-1].end {
			return false
		}
		if !x.toks[k].word {
			punct = true
		}
	}
	return punct
}

// titleHead returns what the head noun of the title phrase that starts at
// token k names: the last word before a preposition or the end of the
// title.
func (x *extraction) titleHead(k int) kind {
	var words []string
	for ; k < len(x.toks) && x.toks[k].start < x.titleEnd; k++ {
		w := x.word(k)
		if w == "" {
			if x.punct(k, '-') {
				continue
			}
			break
		}
		words = append(words, w)
	}
	// "Enhancing LLM Agents with ...": a verb does not name the thing;
	// "Reward Models with ...": nor does a plural.
	if len(words) == 0 || strings.HasSuffix(words[0], "ing") {
		return kindNone
	}
	head := strings.ToLower(phraseHead(words))
	if singular(head) != head {
		return kindNone
	}
	return headKind(head)
}

// findNames adds the name-like words the lexicon does not know, then the
// capitalised phrases.
func (x *extraction) findNames() {
	for k := range x.toks {
		t := x.toks[k]
		if !t.word || !t.name && !x.namedAfter(k) && !x.dataCode(k) {
			continue
		}
		s := span{prefixEnd(x.text, t.start, t.end), compoundEnd(x.text, t.start, t.end)}
		if s.start >= s.end {
			continue
		}
		w := x.text[s.start:s.end]
		if s != (span{t.start, t.end}) && !nameLike(w) || romanNumeral(w) || x.highlighted(w) {
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
	x.findLists()
}

// named reports whether s is a name: a known one, or one shaped like a
// name ("SLENet", "CNN"), not a capitalised word ("Multi-Scale").
func (x *extraction) named(s span) bool {
	if c := x.covered(s); c >= 0 && x.ms[c].entry >= 0 {
		return true
	}
	return nameLike(x.text[s.start:s.end])
}

// qualifiers make a name into an adjective: "Mamba-like", "CNN-based".
var qualifiers = map[string]bool{
	"like": true, "based": true, "inspired": true, "driven": true, "style": true,
	"guided": true, "powered": true, "enhanced": true, "assisted": true,
}

// known reports whether toks[k] starts a lexicon name.
func (x *extraction) known(k int) bool {
	if k >= len(x.toks) {
		return false
	}
	c := x.covered(span{x.toks[k].start, x.toks[k].end})
	return c >= 0 && x.ms[c].entry >= 0 && x.ms[c].start == x.toks[k].start
}

// findLists adds the names a plural noun lists: "baselines (GNOT,
// Transolver, and ONO)", "three datasets, namely Kvasir, Polypus and
// CVC-300", "LLMs such as Claude and Gemini". Each item takes the noun's
// kind; a lower-case item ends the list.
func (x *extraction) findLists() {
	for k := 0; k+1 < len(x.toks); k++ {
		w := x.word(k)
		if w == "" || x.toks[k].title || singular(w) == w {
			continue
		}
		kind := headKind(w)
		if w == "baselines" {
			kind = kindModel
		}
		if kind == kindNone || kind == kindNot {
			continue
		}
		i := k + 1
		closing := byte(0)
		switch {
		case x.punct(i, '('):
			closing = ')'
			i++
		case x.punct(i, ':'):
			i++
		case x.word(i) == "such" && x.word(i+1) == "as":
			i += 2
		case x.word(i) == "including" || x.word(i) == "namely" || x.word(i) == "like":
			i++
		case x.punct(i, ',') && (x.word(i+1) == "including" || x.word(i+1) == "namely"):
			i += 2
		default:
			continue
		}
		// "(e.g., X, Y)".
		if w := x.word(i); (w == "e" || w == "i") && x.punct(i+1, '.') && (x.word(i+2) == "g" || x.word(i+2) == "e") {
			for i < len(x.toks) && !x.punct(i, ',') && i < k+8 {
				i++
			}
			i++
		}
		x.listItems(i, closing, kind)
	}
}

// listItems adds the items of a list that starts at toks[i], up to the
// closing byte (0: the end of the sentence). A list of ordinary
// capitalised words ("Planner, Writer and Executor") names nothing unless
// one of its items is a name.
func (x *extraction) listItems(i int, closing byte, kind kind) {
	var items []span
	named := false
	for n := 0; n < 12 && i < len(x.toks); n++ {
		// One item: up to four words, the first capitalised or a digit.
		first := i
		for i < len(x.toks) && x.toks[i].word && i-first < 4 && x.word(i) != "and" && x.word(i) != "or" {
			i++
		}
		if i == first || i-first == 4 {
			break
		}
		item := span{x.toks[first].start, x.toks[i-1].end}
		w := x.word(first)
		c, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(c) && !unicode.IsDigit(c) || x.toks[first].sent || len(w) < 2 ||
			modelSize(w) || versionNumber(w) || !strings.ContainsFunc(w, unicode.IsLetter) {
			break
		}
		items = append(items, item)
		if m := x.covered(item); x.toks[first].name || m >= 0 && x.ms[m].entry >= 0 {
			named = true
		}
		// The separator: ",", "and", ", and", "or".
		if closing != 0 && x.punct(i, closing) {
			break
		}
		if x.punct(i, ',') {
			i++
			if w := x.word(i); w == "and" || w == "or" {
				i++
			}
		} else if w := x.word(i); w == "and" || w == "or" {
			i++
		} else {
			break
		}
	}
	if !named || len(items) < 2 {
		return
	}
	for _, item := range items {
		if x.stopped(item) {
			continue
		}
		if m := x.covered(item); m >= 0 {
			// "benchmarks (MMLU, GPQA)": follow the text between
			// dataset and benchmark; found names keep their kind.
			if kind == kindDataset || kind == kindBenchmark {
				x.ms[m].kinds[kind]++
			}
		} else if _, ok := x.lex.StopClass(normKey(x.text[item.start:item.end])); !ok {
			x.add(mention{span: item, entry: -1, src: srcName, kinds: kindVote(kind, 2)})
		}
	}
}

func kindVote(k kind, n int32) [kindNot + 1]int32 {
	var v [kindNot + 1]int32
	v[k] = n
	return v
}

// namedAfter reports whether the capitalised word at toks[k] follows a
// word that gives a name: "an approach, named Themis, ...".
func (x *extraction) namedAfter(k int) bool {
	t := x.toks[k]
	if !t.capital || t.sent || t.title || k == 0 {
		return false
	}
	switch strings.ToLower(x.word(k - 1)) {
	case "named", "called", "dubbed", "termed", "coined":
		return true
	}
	// "we introduce Sparsify, a sparse learning framework": a word the
	// text presents, then sets off.
	prev := x.word(k - 1)
	if k+1 < len(x.toks) && !x.toks[k+1].word && prev != "" && 'a' <= prev[0] && prev[0] <= 'z' &&
		headKind(x.word(k)) == kindNone {
		if c := x.text[x.toks[k+1].start]; (c == ',' || c == ':') && x.introduced(k) {
			return true
		}
	}
	return false
}

// dataCode reports whether the word at toks[k] is a short code of
// capitals and digits that the noun after it calls data: "the I2P
// dataset". Alone, such codes are more often metrics, norms or chips
// ("F1", "L2", "H100").
func (x *extraction) dataCode(k int) bool {
	s := shapeOf(x.word(k))
	return s.digit > 0 && s.upper > 0 && s.lower == 0 && !s.firstDigit &&
		k+1 < len(x.toks) && x.toks[k+1].start == x.toks[k].end+1 && dataHead(x.word(k+1))
}

// highlighted reports whether w is an ordinary word whose first letters
// are capitalised to spell an acronym, "FREquency" for "FREPix": capitals,
// then only lower-case letters, and the text also writes the word in lower
// case.
func (x *extraction) highlighted(w string) bool {
	i := 0
	for i < len(w) && 'A' <= w[i] && w[i] <= 'Z' {
		i++
	}
	if i < 2 || len(w)-i < 3 {
		return false
	}
	for j := i; j < len(w); j++ {
		if w[j] < 'a' || w[j] > 'z' {
			return false
		}
	}
	lw := asciiLower(w)
	for off := 0; ; {
		j := strings.Index(x.text[off:], lw)
		if j < 0 {
			return false
		}
		a, b := off+j, off+j+len(lw)
		if (a == 0 || !isASCIILetter(x.text[a-1])) && (b == len(x.text) || !isASCIILetter(x.text[b]) || x.text[b] == 's') {
			return true
		}
		off += j + len(lw)
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// findCapitalised adds runs of two or more capitalised words inside a
// sentence of the abstract, which may name things: "a Deformation
// Controller", "the MPII Human Pose dataset". Function words may join them
// ("Mixture of Experts"). A run is typed here only by a noun that says
// what it is or by an indefinite article; other evidence (a definition, a
// cue of introduction, a list) may type it later, and a run that nothing
// types is dropped: capitals alone also write places, measures and games.
func (x *extraction) findCapitalised() {
	for k := 0; k < len(x.toks); k++ {
		t := x.toks[k]
		if !t.word || t.title || !t.capital && !t.name || t.sent && !t.name {
			continue
		}
		if e := compoundEnd(x.text, t.start, t.end); e < t.end && qualifiers[strings.ToLower(x.text[e+1:t.end])] &&
			x.named(span{t.start, e}) && x.known(k+1) {
			// "Mamba-like State Space Models", "Transformer-based Large
			// Language Models": a name's compound qualifies the known
			// name after it.
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
				// "Brownian Bridge-inspired": a compound ends the run
				// before it.
				if compoundEnd(x.text, u.start, u.end) < u.end {
					break
				}
				end = j + 1
				continue
			}
			if !joiners[x.word(j)] {
				break
			}
		}
		// "Indonesian Whisper": a language qualifies the name;
		// "Dynamically Refining": an adverb does not start one.
		for k < end-1 && (languages[strings.ToLower(x.word(k))] || strings.HasSuffix(x.word(k), "ly")) {
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
		article := x.word(k - 1)
		k = end - 1
		if x.stopRun(s) || !x.inside(s) {
			continue
		}
		head := x.word(end - 1)
		if next := x.word(end); adjective(head) && next != "" && 'a' <= next[0] && next[0] <= 'z' &&
			!prepositions[next] && next != "or" && !dataHead(next) {
			// "a Large Multimodal foundation model": the run only
			// qualifies the noun after it.
			continue
		}
		hk := headKind(phraseHead([]string{head}))
		if hk == kindNot {
			continue
		}
		// "Vision Mamba": a run that ends in a known name is of its kind.
		weight := int32(1)
		if o := x.occ[s.end-1]; o != 0 && x.ms[o-1].entry >= 0 && x.ms[o-1].end == s.end {
			if k := kindOf(x.lex.Entry(x.ms[o-1].entry).Type); k != kindMethod {
				hk, weight = k, 2
			}
		}
		// A run with no noun that says what it is names something only
		// when the text presents it as one thing: "consisting of a
		// Deformation Controller", not "in the Sierra Nevada" or
		// "metrics (Task Performance)".
		if hk == kindNone && (article == "a" || article == "an") {
			hk = kindMethod
		}
		i := x.claim(s, srcPhrase)
		if hk != kindNone {
			x.ms[i].kinds[hk] += weight
		}
	}
}

// dataHead reports whether w names a dataset or benchmark: "the WHU
// Aerial dataset".
func dataHead(w string) bool {
	k := headKind(w)
	return k == kindDataset || k == kindBenchmark
}

// adjective reports whether w ends like an English adjective:
// "Multimodal", "Generative", "Continuous".
func adjective(w string) bool {
	for _, suf := range []string{"al", "ive", "ous", "ic", "ary", "ful", "able", "ible"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
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
		// Only a capitalised or name-like word can end a name before the noun.
		if !t.word || t.title || k == 0 || !x.toks[k-1].word {
			continue
		}
		if c := x.text[x.toks[k-1].start]; !x.toks[k-1].capital && !x.toks[k-1].name && (c < 'A' || c > 'Z') {
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
			// "MRI-only ADNI": a compound is not part of the name.
			if compoundEnd(x.text, u.start, u.end) < u.end {
				break
			}
			first = j
		}
		// "23 Human Connectome Project": a count is not part of the name;
		// "Hybrid Data: The data comes ...": nor is a determiner.
		for first < k && (quantityLike(x.word(first)) || phraseOpeners[strings.ToLower(x.word(first))]) {
			first++
		}
		// "synthetic Gaussian data": an adjective made of a name.
		if first == k-1 && !x.toks[first].name && (strings.HasSuffix(x.word(first), "ian") || strings.HasSuffix(x.word(first), "ean")) {
			continue
		}
		if first == k || !x.namedRun(first, k) {
			continue
		}
		end := k // the name ends before the noun, or with it: "Control Suite"
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			end = k + 1
		}
		// A single name-like word is found by findNames; a single word
		// that is neither name-like nor a capitalised word ("B2") is none.
		if end == k && first == k-1 && (x.toks[first].name || !x.toks[first].capital) {
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
	done := make(map[string]bool)
	for i := 0; i < n; i++ {
		m := x.ms[i]
		if m.dead || m.src&(srcShort|srcLong|srcTitle|srcPhrase) == 0 {
			continue
		}
		f := x.form(&m)
		if done[f] {
			continue
		}
		done[f] = true
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

// findPredecessors adds the earlier version of the paper's own name that
// the text compares with: "we present Dolphin-v2, ... improves upon the
// original Dolphin". The older one takes the kind the title gives the new,
// a model if the title gives none.
func (x *extraction) findPredecessors() {
	n := len(x.ms)
	for i := 0; i < n; i++ {
		m := x.ms[i]
		if m.dead || m.src&srcTitle == 0 || m.entry >= 0 {
			continue
		}
		base := unversioned(x.form(&m))
		if base == "" || !shapeOf(base).innerUpper && x.index(x.titleEnd, strings.ToLower(base), false) >= 0 {
			// "Underwater-2": an ordinary word, written in lower case too.
			continue
		}
		if slices.ContainsFunc(x.ms, func(o mention) bool { return !o.dead && x.form(&o) == base }) {
			continue // found already, and typed by what found it
		}
		kinds := m.kinds
		if kinds == ([kindNot + 1]int32{}) {
			kinds[kindModel] = 1
		}
		first := -1
		for off := x.titleEnd; off < len(x.text); {
			j := x.index(off, base, false)
			if j < 0 {
				break
			}
			s := span{off + j, off + j + len(base)}
			off = s.end
			if !boundary(x.text, s) || x.covered(s) >= 0 || hyphenAt(x.text, s.start-1) || hyphenAt(x.text, s.end) {
				continue // "Mind-to-Mind (Mind2)" has no Mind
			}
			k := x.add(mention{span: s, entry: -1, src: srcName, kinds: kinds})
			if first < 0 {
				first = k
			} else {
				x.join(first, k)
			}
		}
	}
}

func hyphenAt(text string, i int) bool { return i >= 0 && i < len(text) && text[i] == '-' }

// unversioned returns name without the version number that ends it
// ("Dolphin-v2", "OmniStyle2", "Foo 3.0"), or "" if it has none or too
// little is left to be a name of its own. ("Bar++" and "Bar" are one name
// under Normalize.)
func unversioned(name string) string {
	base := strings.TrimRight(name, "0123456789.")
	if base == name || base == "" || strings.HasSuffix(base, ".") {
		return ""
	}
	if c := base[len(base)-1]; c == 'v' || c == 'V' {
		base = base[:len(base)-1]
	}
	base = strings.TrimRight(base, "-_ ")
	if len(base) < 3 || !strings.ContainsFunc(base, unicode.IsLower) || strings.ContainsAny(base, " ") {
		return ""
	}
	return base
}

// findBackronyms joins a run of capitalised words to the name its
// initials spell when the text does not define one by the other: "we
// propose PACE, asking LLMs to generate Parallel Association Chains to
// Evaluate ...". The run is then a long form of the name, not a thing of
// its own.
func (x *extraction) findBackronyms() {
	var names []int
	for i := range x.ms {
		m := &x.ms[i]
		if m.dead || m.src&(srcName|srcTitle|srcShort) == 0 {
			continue
		}
		if f := x.form(m); !strings.Contains(f, " ") && len(capitals(f)) >= 3 {
			names = append(names, i)
		}
	}
	if len(names) == 0 {
		return
	}
	for i := range x.ms {
		m := &x.ms[i]
		if m.dead || m.src&srcPhrase == 0 || m.entry >= 0 {
			continue
		}
		var initials []byte
		for k := x.tokenAt(m.start); k < len(x.toks) && x.toks[k].start < m.end; k++ {
			if w := x.word(k); x.toks[k].word && upper(w[0]) {
				initials = append(initials, w[0])
			}
		}
		if len(initials) < 3 {
			continue
		}
		for _, j := range names {
			if x.root(i) != x.root(j) && capitals(x.form(&x.ms[j])) == string(initials) {
				x.join(i, j)
				break
			}
		}
	}
}

// capitals returns the ASCII capital letters of f.
func capitals(f string) string {
	var b []byte
	for i := 0; i < len(f); i++ {
		if upper(f[i]) {
			b = append(b, f[i])
		}
	}
	return string(b)
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

package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/paperkg/paperkg/extract/lexicon"
)

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
		if x.redefined[m.entry] {
			m.entry, m.lexForm = -1, ""
		}
		// "MINDGAMES" in the title and "Mindgames" in the abstract
		// normalise apart (a capital S is kept): a word in capitals
		// meets its plural-less form.
		if f := x.form(m); len(key) > 4 && capitalPlural(f) {
			key = strings.TrimSuffix(key, "s")
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
	var known []bool // whether out[i] is a lexicon entry
	for _, g := range groups {
		if e, lex, ok := x.decide(g); ok {
			out = append(out, e)
			known = append(known, lex)
		}
	}
	for _, m := range x.implied {
		e := x.lex.Entry(m.entry)
		key := normKey(e.Name)
		isKey := func(s string) bool { return normKey(s) == key }
		if slices.ContainsFunc(out, func(o Entity) bool { return isKey(o.Name) || slices.ContainsFunc(o.Aliases, isKey) }) {
			continue
		}
		name := display(m.lexForm, m.src)
		if m.lexForm == "" {
			name = display(x.form(&m), m.src)
		}
		out = append(out, Entity{Name: name, Type: Type(e.Type), Role: Uses, Count: 1, Offset: m.start, Aliases: []string{}})
		known = append(known, true)
	}
	// The parts of the paper's own system share its name: "SSDF-Core",
	// "SSDF-Bench" and "SSDF-Dialogue". Known names keep their role.
	own := make(map[string]bool)
	for _, e := range out {
		if e.Role == Introduces {
			own[e.Name] = true
			if p := namePrefix(e.Name); p != "" {
				own[p] = true
			}
		}
	}
	if len(own) > 0 {
		for i := range out {
			if p := namePrefix(out[i].Name); out[i].Role == Uses && !known[i] && own[p] {
				out[i].Role = Introduces
			}
		}
	}
	// "Across standard benchmarks, SAD outperforms ... On Kodak, ...": a
	// text that speaks of benchmarks, and never of datasets, makes the
	// data it uses benchmarks.
	if slices.ContainsFunc(out, usedDataset) && x.says("benchmarks") && !x.says("dataset", "datasets", "corpus", "corpora", "database", "databases") {
		for i := range out {
			if usedDataset(out[i]) {
				out[i].Type = Benchmark
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

func usedDataset(e Entity) bool { return e.Type == Dataset && e.Role == Uses }

// says reports whether the text has one of the words, in lower case.
func (x *extraction) says(words ...string) bool {
	for i, t := range x.toks {
		if t.word && slices.Contains(words, x.word(i)) {
			return true
		}
	}
	return false
}

// capitalPlural reports whether f is a word in capital letters that ends
// in a plural "S" ("MINDGAMES", not "YOLOv12-S" or "PLUTO-4S").
func capitalPlural(f string) bool {
	n := len(f)
	if n < 3 || f[n-1] != 'S' || !upper(f[n-2]) {
		return false
	}
	for i := 0; i < n; i++ {
		if !upper(f[i]) {
			return false
		}
	}
	return true
}

// genericEntry reports whether a lexicon entry is a generic term: one of
// its forms is in lower case ("large language model" for LLM).
func genericEntry(e lexicon.Entry) bool {
	for _, f := range append([]string{e.Name}, e.Aliases...) {
		if strings.ToLower(f) == f && strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// presented reports whether a mention of the group follows a cue directly:
// "we introduce STAX", "a new dataset ScanObjectNN-C", "called X".
func (x *extraction) presented(g []int) bool {
	for _, i := range g {
		if x.ms[i].modifies {
			continue
		}
		k := x.tokenAt(x.ms[i].start) - 1
		for k >= 0 && (x.punct(k, ',') || determiners[strings.ToLower(x.word(k))]) {
			k--
		}
		w := strings.ToLower(x.word(k))
		if cues[w] || w == "called" || w == "named" || w == "dubbed" || w == "termed" {
			return true
		}
		// "a new dataset X"
		if hk := headKind(w); hk != kindNone && hk != kindNot {
			if a := strings.ToLower(x.word(k - 1)); a == "new" || a == "novel" {
				return true
			}
		}
	}
	return false
}

// determiners may stand between a cue and the name it presents.
var determiners = map[string]bool{"a": true, "an": true, "the": true, "our": true}

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

// decide turns a group of mentions into an entity and reports whether it
// is a lexicon entry, or drops it and reports false twice.
func (x *extraction) decide(g []int) (Entity, bool, bool) {
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
	if entry < 0 && src&(srcShort|srcLong) == 0 {
		// "DeepSeekR1", "GPT4o": a known name written without its
		// hyphen or space is still known, and no new name of the
		// paper's. A definition may give a known short form another
		// meaning, and is left to judge.
		for _, i := range g {
			if e, ok := x.lex.Lookup(normKey(x.form(&x.ms[i]))); ok && !x.redefined[e.ID] {
				entry = e.ID
				break
			}
		}
	}
	for _, i := range g {
		key := normKey(x.form(&x.ms[i]))
		if x.not[key] && entry < 0 {
			return Entity{}, false, false
		}
		if _, ok := x.lex.StopClass(key); ok && entry < 0 {
			return Entity{}, false, false
		}
	}
	if entry < 0 && !intro {
		// The paper's own names open sentences more often than they
		// follow cues of use.
		subjects, uses := 0, 0
		for _, i := range g {
			if x.ms[i].subject {
				subjects++
			}
			if x.ms[i].used {
				uses++
			}
		}
		used := uses > subjects
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
		// Follow the text between dataset and benchmark; called a
		// benchmark anywhere ("RewardBench"), it is one.
		if typ == Dataset || typ == Benchmark {
			for _, i := range g {
				if k, w := suffixVote(x.form(&x.ms[i])); k == kindDataset || k == kindBenchmark {
					kinds[k] += w
					break
				}
			}
			// Weak cues ("evaluated on X") do not overrule the lexicon.
			switch {
			case kinds[kindBenchmark] >= 2:
				typ = Benchmark
			case kinds[kindDataset] >= 2 && kinds[kindDataset] > kinds[kindBenchmark]:
				typ = Dataset
			}
		}
		// A known name is the paper's own when the title names it before
		// its colon ("Qwen2.5-Math Technical Report: ...") or a cue right
		// before it presents it ("we introduce STAX"); a generic term never
		// is.
		intro = intro && !genericEntry(x.lex.Entry(entry)) && (src&srcTitle != 0 || x.presented(g))
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
			return Entity{}, false, false
		}
		if best == kindNone {
			best = x.guess(g, src, intro)
			if best == kindNone {
				return Entity{}, false, false
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
		return Entity{}, false, false
	}
	return e, entry >= 0, true
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
		if strings.Contains(f, " ") {
			continue
		}
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
		strings.HasSuffix(l, "-vl") || strings.HasSuffix(l, "-coder") ||
		n > 4 && (strings.HasSuffix(f, "CLIP") || strings.HasSuffix(f, "Diff") ||
			strings.HasSuffix(f, " VLA") || strings.HasSuffix(f, "-VLA")):
		// "FocusCLIP", "TSDiff", "Mobility VLA": a trained network of a
		// known family.
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

func upper(c byte) bool { return 'A' <= c && c <= 'Z' }

// display turns a mention's text into the form an entity shows: singular
// for an acronym plural ("LLMs" -> "LLM"), and lower case for a long form
// that is neither a name nor in title case ("Large language models").
func display(f string, src int) string {
	f = strings.Join(strings.Fields(f), " ")
	if n := len(f); n >= 3 && f[n-1] == 's' && upper(f[n-2]) && upper(f[n-3]) {
		f = f[:n-1]
	}
	if src&srcLong != 0 && !nameLike(f) && !titleCase(strings.Fields(f)) {
		f = strings.ToLower(f)
	}
	return f
}

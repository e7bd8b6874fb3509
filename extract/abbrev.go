package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of the text.
type span struct{ start, end int }

// definition is an abbreviation defined in the text: "long form (SF)" or
// "SF (long form)".
type definition struct {
	short, long span
	// paren is the span of the parenthesis, brackets included.
	paren span
}

// Limits of Schwartz and Hearst (2003) on the short form.
const (
	maxShortRunes = 10
	maxShortWords = 2
)

// definitions finds abbreviation definitions with the algorithm of Schwartz
// and Hearst, "A simple algorithm for identifying abbreviation definitions
// in biomedical text", PSB 2003: a short form in parentheses is matched,
// character by character from its end, against the words before the
// parenthesis, and the shortest long form whose words contain the short
// form's letters in order, the first at the start of a word, wins. The
// reverse form "SF (long form)" is tried when the parenthesis holds more
// words than a short form may have.
//
// Only short forms with a capital letter are considered: lower-case
// parentheses are glosses ("(refine)") far more often than abbreviations.
func definitions(text string, toks []token) []definition {
	var defs []definition
	for i, t := range toks {
		if t.word || text[t.start] != '(' {
			continue
		}
		// The parenthesis ends at ')' within the sentence, without nesting.
		j := i + 1
		for j < len(toks) && j-i <= 16 {
			if u := toks[j]; !u.word && (text[u.start] == ')' || text[u.start] == '(') {
				break
			}
			j++
		}
		if j >= len(toks) || toks[j].word || text[toks[j].start] != ')' || j == i+1 {
			continue
		}
		paren := span{t.start, toks[j].end}
		// The first part of the parenthesis, up to ',' or ';': "(SF, ...)".
		k := i + 1
		for k < j && (toks[k].word || text[toks[k].start] != ',' && text[toks[k].start] != ';') {
			k++
		}
		inner := toks[i+1 : k]
		if len(inner) == 0 {
			continue
		}
		in := span{inner[0].start, inner[len(inner)-1].end}
		if d, ok := longBefore(text, toks, i, in); ok {
			d.paren = paren
			defs = append(defs, d)
			continue
		}
		if d, ok := shortBefore(text, toks, i, in); ok {
			d.paren = paren
			defs = append(defs, d)
		}
	}
	return defs
}

// longBefore tries "long form (SF)" with the short form sf in the
// parenthesis that opens at toks[open].
func longBefore(text string, toks []token, open int, sf span) (definition, bool) {
	s := text[sf.start:sf.end]
	if !shortForm(s) {
		return definition{}, false
	}
	// The window: the words before the parenthesis in the same sentence, at
	// most min(|SF|+5, 2|SF|) of them, stopping at punctuation.
	n := utf8.RuneCountInString(s)
	max := min(n+5, 2*n)
	// "Guided Evolution" (GE): quotes around the long form.
	last := open - 1
	if last >= 0 && !toks[last].word && quote(text[toks[last].start:toks[last].end]) {
		last--
	}
	first := last + 1
	for k := last; k >= 0 && last-k < max; k-- {
		if !toks[k].word {
			break
		}
		first = k
		if toks[k].sent {
			break
		}
	}
	if first > last {
		return definition{}, false
	}
	winStart, winEnd := toks[first].start, toks[last].end
	long := span{end: winEnd}
	if start, ok := initialsForm(s, text, toks[first:last+1]); ok {
		long.start = start
	} else if lf, ok := bestLongForm(s, text[winStart:winEnd]); ok {
		long.start = widest(s, text, toks[first:last+1], winStart+lf, winEnd)
	} else {
		return definition{}, false
	}
	if !longForm(text[long.start:long.end], s) {
		return definition{}, false
	}
	return definition{short: sf, long: long}, true
}

// shortBefore tries "SF (long form)": the word before the parenthesis is the
// short form and the parenthesis holds its long form.
func shortBefore(text string, toks []token, open int, lf span) (definition, bool) {
	if open == 0 || !toks[open-1].word || len(strings.FieldsFunc(text[lf.start:lf.end], func(r rune) bool { return r == ' ' || r == '-' })) < 2 {
		return definition{}, false
	}
	sf := span{toks[open-1].start, toks[open-1].end}
	s := text[sf.start:sf.end]
	if !shortForm(s) {
		return definition{}, false
	}
	l := text[lf.start:lf.end]
	if start, ok := bestLongForm(s, l); !ok || start != 0 {
		// "ELECT (Early-timestep Latent Evaluation for Candidate
		// Selection)": letters from inside words, but the first one first.
		if !spells(s, l) || initialsMatch(s, l) < 2 {
			return definition{}, false
		}
	}
	if !longForm(l, s) || listsNames(l) {
		return definition{}, false
	}
	return definition{short: sf, long: lf}, true
}

// listsNames reports whether a parenthesis lists versioned names rather
// than spelling one out: "LLMs (LLaMA-3.3-70B-Instruct and GPT-4o)".
func listsNames(l string) bool {
	words := strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == ',' })
	if !slices.Contains(words, "and") && !slices.Contains(words, "or") && !strings.Contains(l, ",") {
		return false
	}
	return slices.ContainsFunc(words, func(w string) bool {
		return strings.ContainsFunc(w, unicode.IsDigit) && strings.ContainsFunc(w, unicode.IsLetter)
	})
}

// widest returns where the long form of sf ending at end starts: at start,
// the shortest long form of Schwartz and Hearst, or further left at a word
// that begins with the short form's first letter if the initials of the
// longer form spell more of the short form. "Early-timestep Latent
// Evaluation for Candidate Selection (ELECT)" is all of that, not just
// "Evaluation for Candidate Selection".
func widest(sf, text string, words []token, start, end int) int {
	best, score := start, initialsMatch(sf, text[start:end])
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		if w.start >= start {
			continue
		}
		l := text[w.start:end]
		if !spells(sf, l) {
			continue
		}
		if m := initialsMatch(sf, l); m > score {
			best, score = w.start, m
		}
	}
	return best
}

// spells reports whether the letters and digits of sf appear in lf in
// order, ignoring ASCII case, the first at the start of lf. A digit of sf
// that stands for a word or a sound ("PS4PRO (Pixel-to-pixel Supervision
// for ...)", "W2V") is not asked of an lf that has no digit.
func spells(sf, lf string) bool {
	if sf == "" || lf == "" || lowerASCII(sf[0]) != lowerASCII(lf[0]) {
		return false
	}
	digits := strings.ContainsAny(lf, "0123456789")
	j := 1
	for i := 1; i < len(sf); i++ {
		c := lowerASCII(sf[i])
		if !alnumByte(c) || !digits && '0' <= c && c <= '9' {
			continue
		}
		for j < len(lf) && lowerASCII(lf[j]) != c {
			j++
		}
		if j == len(lf) {
			return false
		}
		j++
	}
	return true
}

// initialsMatch returns how many letters of sf the initials of the words of
// lf (hyphenated parts counted apart) spell in order: the length of their
// longest common subsequence.
func initialsMatch(sf, lf string) int {
	var a, b []byte
	for i := 0; i < len(sf); i++ {
		if c := lowerASCII(sf[i]); 'a' <= c && c <= 'z' {
			a = append(a, c)
		}
	}
	for i := 0; i < len(lf); i++ {
		if alnumByte(lf[i]) && (i == 0 || !alnumByte(lf[i-1])) {
			b = append(b, lowerASCII(lf[i]))
		}
	}
	// Dynamic programming over two short strings.
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// shortForm reports whether s may be a short form: at most two words and
// ten characters, starting with a letter or digit, with a capital letter.
func shortForm(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > maxShortRunes || len(strings.Fields(s)) > maxShortWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !alnum(r) {
		return false
	}
	// An abbreviation is mostly capitals: "LoRA", "MoE", "LLMs", but not a
	// coined name such as "BadApex" or "Mamba".
	sh := shapeOf(s)
	return sh.upper > 0 && sh.upper+sh.lower >= 2 && sh.lower <= 2*sh.upper
}

// longForm applies the checks of Schwartz and Hearst on a found long form:
// longer than the short form, and not containing it as a word.
func longForm(l, s string) bool {
	if len(l) <= len(s) {
		return false
	}
	for _, w := range strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '-' }) {
		if w == s {
			return false
		}
	}
	return true
}

// initialsForm finds the fewest words before the parenthesis that spell the
// short form with a prefix of each of their parts, function words allowed to
// spell nothing: "Proximal Policy Optimization (PPO)", "Low-Rank Adaptation
// (LoRA)", "Mixture of Experts (MoE)". It returns the offset where those
// words start. Schwartz and Hearst's shortest match would give "Policy
// Optimization" for PPO.
func initialsForm(sf, text string, words []token) (int, bool) {
	var letters []byte
	for i := 0; i < len(sf); i++ {
		if c := lowerASCII(sf[i]); 'a' <= c && c <= 'z' {
			letters = append(letters, c)
		} else if c >= 0x80 || '0' <= c && c <= '9' {
			return 0, false
		}
	}
	// "LLMs": a plural short form spells the singular.
	if n := len(sf); n > 2 && sf[n-1] == 's' && sf[n-2] >= 'A' && sf[n-2] <= 'Z' {
		letters = letters[:len(letters)-1]
	}
	if len(letters) < 2 {
		return 0, false
	}
	type part struct {
		start int
		text  string
		// inner marks a part after a hyphen, which may spell nothing:
		// "Multi-modal Trusted Fusion (MTF)".
		inner bool
	}
	var parts []part
	for _, t := range words {
		for off := t.start; off < t.end; {
			end := off
			for end < t.end && text[end] != '-' {
				end++
			}
			if end > off {
				parts = append(parts, part{off, text[off:end], off > t.start})
			}
			off = end + 1
		}
	}
	// spell reports whether parts[i:] spell letters[j:]. failed remembers
	// the pairs that do not, which keeps the search polynomial.
	failed := make([]bool, len(parts)*(len(letters)+1))
	var spell func(i, j int) bool
	spell = func(i, j int) bool {
		if i == len(parts) {
			return j == len(letters)
		}
		if failed[i*(len(letters)+1)+j] {
			return false
		}
		w := parts[i].text
		if (parts[i].inner || functionWords[strings.ToLower(w)]) && i > 0 && spell(i+1, j) {
			return true
		}
		for p := 1; p <= len(w) && j+p <= len(letters); p++ {
			if lowerASCII(w[p-1]) != letters[j+p-1] {
				break
			}
			if spell(i+1, j+p) {
				return true
			}
		}
		failed[i*(len(letters)+1)+j] = true
		return false
	}
	for first := len(parts) - 1; first >= 0 && len(parts)-first <= 2*len(letters); first-- {
		if parts[first].inner || functionWords[strings.ToLower(parts[first].text)] {
			continue
		}
		if spell(first, 0) {
			return parts[first].start, true
		}
	}
	return 0, false
}

// bestLongForm is Schwartz and Hearst's findBestLongForm: it returns the
// byte offset in lf where the long form of sf starts.
func bestLongForm(sf, lf string) (int, bool) {
	l := len(lf) - 1
	for s := len(sf) - 1; s >= 0; s-- {
		c := lowerASCII(sf[s])
		if !alnumByte(c) {
			continue
		}
		for l >= 0 && (lowerASCII(lf[l]) != c || s == 0 && l > 0 && alnumByte(lf[l-1])) {
			l--
		}
		if l < 0 {
			return 0, false
		}
		l--
	}
	return strings.LastIndexByte(lf[:l+1], ' ') + 1, true
}

func quote(s string) bool {
	switch s {
	case "\"", "'", "“", "”", "‘", "’", "`":
		return true
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// alnumByte treats every non-ASCII byte as part of a letter, so that a
// multi-byte letter keeps a word together.
func alnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

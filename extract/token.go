package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of the text, as a byte span.
//
// Words keep the characters that join parts of names: hyphens and
// underscores between letters or digits ("CACE-Net", "ROSGPT_Vision"), a dot
// between digits ("Qwen2.5"), a slash before a digit ("ViT-B/16"), a caret
// between letters or digits ("A^2Nav") and trailing plus signs or asterisks
// ("DualDiff+", "ReST-MCTS*"). Every other non-space character is a
// punctuation token of its own. URLs are skipped.
type token struct {
	start, end int
	word       bool
	// sent marks the first word of a sentence, and of the title.
	sent bool
	// title marks tokens of the title.
	title bool
	// name marks name-like words (nameLike), capital ordinary capitalised
	// words (capitalised).
	name, capital bool
}

// tokenize appends the tokens of text to toks. titleEnd is the length of the
// title in text.
func tokenize(toks []token, text string, titleEnd int) []token {
	sent := true
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == ' ' || unicode.IsSpace(r):
			i += n
			if i == titleEnd+1 || i == titleEnd+2 {
				sent = true
			}
			continue
		case url(text, i):
			j := i
			for j < len(text) && !space(text[j]) {
				j++
			}
			// A URL does not end in punctuation: "see https://x.org."
			for j > i && strings.IndexByte(".,;:)]'\"", text[j-1]) >= 0 {
				j--
			}
			i = j
			continue
		case !alnum(r):
			toks = append(toks, token{start: i, end: i + n, title: i < titleEnd})
			i += n
			if r == '.' || r == '?' || r == '!' || r == ':' || r == ';' {
				sent = sentenceEnd(text, toks)
			}
			continue
		}
		end := wordEnd(text, i)
		w := text[i:end]
		// Most words are lower case and cannot be names.
		name, capital := false, false
		if !plainLower(w) {
			name = nameLike(w)
			capital = !name && plainCapital(w)
		}
		toks = append(toks, token{start: i, end: end, word: true, sent: sent, title: i < titleEnd,
			name: name, capital: capital})
		sent = false
		i = end
	}
	return toks
}

// sentenceEnd reports whether the punctuation token that ends toks closes
// a sentence: "e.g." and "et al." do not.
func sentenceEnd(text string, toks []token) bool {
	p := toks[len(toks)-1]
	c := text[p.start]
	if c == ':' || c == ';' {
		return false
	}
	if c != '.' || len(toks) < 2 {
		return true
	}
	w := toks[len(toks)-2]
	if !w.word || w.end != p.start {
		return true
	}
	switch s := text[w.start:w.end]; {
	case len(s) == 1 && s != "I":
		return false // "e.g.", "i.e.", initials
	case s == "al" || s == "etc" || s == "vs" || s == "cf" || s == "Fig" || s == "Eq":
		return false
	}
	return true
}

// plainLower reports whether w is ASCII lower-case letters, hyphens and
// apostrophes only.
func plainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}

// wordEnd returns the end of the word that starts at i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		if c := text[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if alnum(r) {
			i += n
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+n:])
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		switch r {
		case '-', '_', '^':
			if alnum(next) {
				i += n
				continue
			}
		case '.':
			if unicode.IsDigit(prev) && unicode.IsDigit(next) {
				i += n
				continue
			}
		case '/':
			if unicode.IsDigit(next) && unicode.IsLetter(prev) {
				i += n
				continue
			}
		case '+', '*':
			j := i
			for j < len(text) && text[j] == byte(r) {
				j++
			}
			if after, _ := utf8.DecodeRuneInString(text[j:]); !alnum(after) {
				return j
			}
		}
		return i
	}
	return i
}

func url(text string, i int) bool {
	if c := text[i]; c != 'h' && c != 'w' {
		return false
	}
	s := text[i:]
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") ||
		strings.HasPrefix(s, "www.")
}

func space(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// shape describes the letters of a word.
type shape struct {
	upper, lower, digit int  // counts of runes
	firstUpper          bool // the first rune is an upper-case letter
	innerUpper          bool // an upper-case letter follows a lower-case one
	hyphen              bool
	firstDigit          bool
}

func shapeOf(w string) shape {
	var s shape
	var prev rune
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			s.upper++
			if i == 0 {
				s.firstUpper = true
			} else if unicode.IsLower(prev) {
				s.innerUpper = true
			}
		case unicode.IsLower(r):
			s.lower++
		case unicode.IsDigit(r):
			s.digit++
			if i == 0 {
				s.firstDigit = true
			}
		case r == '-':
			s.hyphen = true
		}
		prev = r
	}
	return s
}

// nameLike reports whether the word w looks like a proper name by its
// letters alone: internal capitals ("nuScenes", "LipVoicer"), two or more
// capitals ("CLIP"), or letters with digits ("LRS3", "o1", "GPT-4"). A
// hyphenated word is name-like when one of its parts is, when a part after
// the first is a single capital ("Mobile-Agent-E"), or when it joins a
// capitalised word to a number ("Git-10M"). Counts and sizes ("3D", "7B",
// "10x", "2nd") are not names, nor are title-case compounds ("Self-Guidance").
func nameLike(w string) bool {
	if strings.IndexByte(w, '-') < 0 && strings.IndexByte(w, '_') < 0 {
		return partNameLike(w)
	}
	digits := false
	first, last := "", ""
	n := 0
	for rest := w; rest != ""; {
		i := strings.IndexAny(rest, "-_")
		p := rest
		if i >= 0 {
			p, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if p == "" {
			continue
		}
		if n == 0 && versionNumber(p) {
			return false // "6-DoF", "4-bit"
		}
		if partNameLike(p) {
			return true
		}
		if n > 0 && len(p) == 1 && p[0] >= 'A' && p[0] <= 'Z' {
			return true
		}
		if strings.ContainsAny(p, "0123456789") {
			digits = true
		}
		if n == 0 {
			first = p
		}
		last = p
		n++
	}
	// "Baz-Bench", "CACE-Net": a capitalised part that names a kind.
	if k := suffixKind(last); n > 1 && len(last) > 1 && last[0] >= 'A' && last[0] <= 'Z' && k != kindNone && k != kindMethod {
		return true
	}
	if digits && len(first) > 1 {
		s := shapeOf(first)
		return s.firstUpper && s.digit == 0 && !strings.EqualFold(first, "top")
	}
	return false
}

// plainCapital reports whether w is an ordinary capitalised word
// ("Controller", "Prompt-Aware"): a capital, then lower-case letters, no
// digits. It is meant for words that are not name-like.
func plainCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	s := shapeOf(w)
	return s.digit == 0 && s.lower > 0
}

func partNameLike(w string) bool {
	if i := strings.IndexByte(w, '/'); i > 0 {
		w = w[:i] // "ViT-B/16", but not "2D/3D"
	}
	s := shapeOf(w)
	letters := s.upper + s.lower
	switch {
	case letters == 0:
		return false
	case s.digit > 0:
		if s.firstDigit && quantity(w) {
			return false
		}
		// "text2image", "img2img": a lower-case "x to y" is a task.
		if s.upper == 0 && s.digit == 1 && strings.Contains(w, "2") && !s.firstDigit && w[len(w)-1] != '2' {
			return false
		}
		// Lower case with digits is a name only as a letter and a number
		// ("o1"); "km2", "times256" (from "\times256"), "v1" (a version)
		// and "chen2021values" (a citation key) are not.
		if s.upper == 0 {
			return s.lower == 1 && !s.firstDigit && w[0] != 'v' && w[0] != 'x'
		}
		// One or two capitals with digits ("F1", "L2", "H100", "FP16",
		// "CO2") are more often a metric, a norm, a chip or a formula than
		// a name.
		return !(s.lower == 0 && s.upper <= 2 && !strings.Contains(w, "."))
	case s.innerUpper:
		return true
	}
	return s.upper >= 2
}

// quantity reports whether w, which starts with a digit, is a number with a
// unit or an ordinal: "3D", "7B", "1.5B", "10x", "2nd", "100K", "4K", "5G".
func quantity(w string) bool {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == '.') {
		i++
	}
	rest := w[i:]
	if strings.HasPrefix(rest, "-") {
		rest = rest[1:]
	}
	if j := strings.IndexByte(rest, '^'); j >= 0 {
		rest = rest[:j] // "836m^2"
	}
	if rest != "" && strings.ToLower(rest) == rest && !strings.ContainsAny(rest, "-_.") {
		return true // "836m", "5min", "2nd"
	}
	switch strings.ToLower(rest) {
	case "d", "b", "m", "k", "t", "x", "g", "st", "nd", "rd", "th", "s", "bit", "gb", "mb", "tb",
		"kb", "ms", "hz", "khz", "mhz", "ghz", "px", "fps", "h", "min", "cm", "mm", "km", "kg", "w", "v":
		return true
	}
	return false
}

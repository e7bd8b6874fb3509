package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// latexText turns the LaTeX of a BibTeX field into plain text: accents
// ({\"o}, \'{e}, \c c) become accented letters, special letters (\ss,
// \o, \i) and symbols (\&, \alpha, \ldots) their characters, ---
// and -- dashes, “ and ” curly quotes, ~ a space; formatting commands
// (\emph{x}, \textbf{x}) leave their argument, other commands vanish with
// the argument of those that cite or label; braces and $ are removed, and
// in math ^ and _ too. The result is NFC-normalised and cleaned.
func latexText(s string) string {
	if !strings.ContainsAny(s, "\\{}~$-`'") {
		return clean(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	l := latexConv{s: s, b: &b}
	l.run(len(s))
	return clean(norm.NFC.String(b.String()))
}

type latexConv struct {
	s    string
	i    int
	b    *strings.Builder
	math bool
}

// run converts s[l.i:end].
func (l *latexConv) run(end int) {
	for l.i < end {
		c := l.s[l.i]
		switch c {
		case '\\':
			l.command(end)
		case '{', '}':
			l.i++
		case '~':
			l.b.WriteByte(' ')
			l.i++
		case '$':
			l.math = !l.math
			l.i++
		case '^', '_':
			if !l.math {
				l.b.WriteByte(c)
			}
			l.i++
		case '-':
			n := 0
			for l.i < end && l.s[l.i] == '-' && n < 3 {
				l.i++
				n++
			}
			switch n {
			case 3:
				l.b.WriteString("—")
			case 2:
				l.b.WriteString("–")
			default:
				l.b.WriteByte('-')
			}
		case '`', '\'':
			if l.i+1 < end && l.s[l.i+1] == c {
				if c == '`' {
					l.b.WriteString("“")
				} else {
					l.b.WriteString("”")
				}
				l.i += 2
				continue
			}
			if c == '`' {
				l.b.WriteString("‘")
			} else {
				l.b.WriteByte('\'')
			}
			l.i++
		default:
			l.b.WriteByte(c)
			l.i++
		}
	}
}

// command converts the command at l.i, a backslash.
func (l *latexConv) command(end int) {
	l.i++ // '\\'
	if l.i >= end {
		return
	}
	c := l.s[l.i]
	if !isASCIILetter(c) {
		l.i++
		if mark, ok := accentMarks[c]; ok {
			l.accent(mark, end)
			return
		}
		switch c {
		case '\\', ' ', '\n', '\t', ',', ';', ':':
			l.b.WriteByte(' ')
		case '-', '!', '/':
			// a hyphenation point or a thin space: nothing
		default:
			l.b.WriteByte(c) // \& \% \$ \# \_ \{ \}
		}
		return
	}
	start := l.i
	for l.i < end && isASCIILetter(l.s[l.i]) {
		l.i++
	}
	name := l.s[start:l.i]
	if mark, ok := letterAccents[name]; ok {
		l.skipSpace(end)
		l.accent(mark, end)
		return
	}
	if r, ok := latexLetters[name]; ok {
		// TeX takes the space after a control word as its end: Stra\ss e.
		l.skipSpace(end)
		l.b.WriteString(r)
		return
	}
	if r, ok := latexSymbols[name]; ok {
		l.b.WriteString(r)
		l.skipEmptyGroup(end)
		return
	}
	if n := droppedArgs[name]; n > 0 {
		for range n {
			l.skipSpace(end)
			l.skipGroup(end)
		}
	}
	// Any other command vanishes; a group after it is text (\emph{x}).
}

// accent applies a combining mark to the next letter, given as x, {x},
// {\i} or \i. An empty argument ({}) leaves the mark alone.
func (l *latexConv) accent(mark rune, end int) {
	var base string
	switch {
	case l.i >= end:
	case l.s[l.i] == '{':
		close := matchingBrace(l.s[:end], l.i)
		base = latexText(l.s[l.i+1 : close])
		l.i = min(close+1, end)
	case l.s[l.i] == '\\':
		var b strings.Builder
		sub := latexConv{s: l.s, i: l.i, b: &b}
		sub.command(end)
		l.i = sub.i
		base = b.String()
	default:
		_, size := utf8.DecodeRuneInString(l.s[l.i:end])
		base = l.s[l.i : l.i+size]
		l.i += size
	}
	r, size := utf8.DecodeRuneInString(base)
	switch r {
	case 'ı':
		r = 'i' // an accent on a dotless i is an accented i
	case 'ȷ':
		r = 'j'
	case utf8.RuneError:
		if size == 0 {
			l.b.WriteRune(mark)
			return
		}
	}
	l.b.WriteRune(r)
	l.b.WriteRune(mark)
	l.b.WriteString(base[size:])
}

func (l *latexConv) skipSpace(end int) {
	for l.i < end && (l.s[l.i] == ' ' || l.s[l.i] == '\t' || l.s[l.i] == '\n' || l.s[l.i] == '\r') {
		l.i++
	}
}

// skipEmptyGroup skips the {} that ends a command before a letter: \LaTeX{}.
func (l *latexConv) skipEmptyGroup(end int) {
	if l.i+1 < end && l.s[l.i] == '{' && l.s[l.i+1] == '}' {
		l.i += 2
	}
}

// skipGroup skips a brace group, or a single character.
func (l *latexConv) skipGroup(end int) {
	switch {
	case l.i >= end:
	case l.s[l.i] == '{':
		l.i = min(matchingBrace(l.s[:end], l.i)+1, end)
	default:
		l.i++
	}
}

// matchingBrace returns the index of the brace that closes the one at
// s[open], or len(s) if none does.
func matchingBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++ // an escaped brace does not count
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// accentMarks maps the accent commands written with a symbol to the
// combining mark they put on a letter.
var accentMarks = map[byte]rune{
	'"':  '\u0308', // diaeresis
	'\'': '\u0301', // acute
	'`':  '\u0300', // grave
	'^':  '\u0302', // circumflex
	'~':  '\u0303', // tilde
	'=':  '\u0304', // macron
	'.':  '\u0307', // dot above
}

// letterAccents maps the accent commands written with a letter.
var letterAccents = map[string]rune{
	"u": '\u0306', // breve
	"v": '\u030c', // caron
	"H": '\u030b', // double acute
	"c": '\u0327', // cedilla
	"d": '\u0323', // dot below
	"b": '\u0331', // macron below
	"r": '\u030a', // ring above
	"k": '\u0328', // ogonek
	"t": '\u0361', // tie
}

// latexLetters are the commands that write a letter.
var latexLetters = map[string]string{
	"ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ",
	"oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł",
	"i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
	"ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
}

// latexSymbols are the commands that write a symbol or a word.
var latexSymbols = map[string]string{
	"LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e",
	"ldots": "…", "dots": "…", "textellipsis": "…", "cdots": "⋯",
	"textendash": "–", "textemdash": "—", "textquoteleft": "‘",
	"textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"S": "§", "P": "¶", "copyright": "©", "textcopyright": "©",
	"textregistered": "®", "texttrademark": "™", "textdegree": "°",
	"textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
	"textbar": "|", "textless": "<", "textgreater": ">", "textbullet": "•",
	"dag": "†", "ddag": "‡", "pounds": "£", "euro": "€", "textperthousand": "‰",
	"times": "×", "div": "÷", "pm": "±", "mp": "∓", "cdot": "·",
	"leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠",
	"approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝",
	"infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏",
	"int": "∫", "sqrt": "√", "in": "∈", "notin": "∉", "subset": "⊂",
	"subseteq": "⊆", "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃",
	"emptyset": "∅", "to": "→", "rightarrow": "→", "leftarrow": "←",
	"Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔", "mapsto": "↦",
	"uparrow": "↑", "downarrow": "↓", "ell": "ℓ", "hbar": "ℏ", "circ": "∘",
	"star": "⋆", "ast": "∗", "prime": "′", "deg": "deg", "log": "log",
	"exp": "exp", "max": "max", "min": "min", "lim": "lim",
	"quad": " ", "qquad": " ", "enspace": " ", "space": " ", "newline": " ",
	"par": " ", "linebreak": " ",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ",
	"varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ",
	"iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
	"pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ",
	"varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
	"chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
	"Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
	"Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}

// GreekLetter returns the Greek letter that the LaTeX command name (without
// its backslash) writes: "tau" gives "τ". Names of models and benchmarks
// are written with them in math mode ("$\tau$-bench").
func GreekLetter(name string) (string, bool) {
	s, ok := latexSymbols[name]
	if !ok {
		return "", false
	}
	r, n := utf8.DecodeRuneInString(s)
	if n != len(s) || !unicode.Is(unicode.Greek, r) {
		return "", false
	}
	return s, true
}

// droppedArgs are the commands whose arguments are not text, with how many
// they take: \cite{key} and \label{x} vanish whole, \href{url}{text}
// keeps its text.
var droppedArgs = map[string]int{
	"cite": 1, "citep": 1, "citet": 1, "citealp": 1, "citeauthor": 1,
	"citeyear": 1, "nocite": 1, "ref": 1, "eqref": 1, "label": 1,
	"href": 1, "footnote": 1, "thanks": 1, "vspace": 1, "hspace": 1,
	"includegraphics": 1,
}

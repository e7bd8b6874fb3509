package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/paperkg/paperkg/corpus"
)

// Type is the kind of an entity.
type Type string

// The four entity types of ANNOTATION.md.
const (
	Model     Type = "model"
	Dataset   Type = "dataset"
	Benchmark Type = "benchmark"
	Method    Type = "method"
)

// Types lists the entity types in a fixed order.
var Types = []Type{Model, Dataset, Benchmark, Method}

// Role says how a paper relates to an entity it mentions.
type Role string

const (
	// Introduces marks the paper's own contribution: its title name,
	// "we propose X", "we release the X dataset".
	Introduces Role = "introduces"
	// Uses marks every other mention.
	Uses Role = "uses"
)

// Entity is one named model, dataset, benchmark or method that a paper
// mentions, once per paper however often it is mentioned. Its JSON form is
// the gold format of ANNOTATION.md.
type Entity struct {
	// Name is the form a reader would look up: the short proper name if
	// there is one ("RLHF"), else the long form.
	Name string `json:"name"`
	Type Type   `json:"type"`
	Role Role   `json:"role"`
	// Aliases are the other forms the text uses, without Name.
	Aliases []string `json:"aliases"`
	// Count is how many times the text mentions the entity in any form.
	Count int `json:"-"`
	// Offset is the byte offset of the first mention in Text(title, abstract).
	Offset int `json:"-"`
}

// Text is the text Extract reads and Entity.Offset counts bytes in: the
// title, a blank line, the abstract, with the LaTeX that names are written
// in made plain (see plain).
func Text(title, abstract string) string {
	title, abstract = plain(title), plain(abstract)
	if abstract == "" {
		return title
	}
	return title + "\n\n" + abstract
}

// plain rewrites the LaTeX of arXiv abstracts that hides a name: a Greek
// letter in math mode ("$\tau$-Bench" is τ-Bench), a single letter in math
// mode ("$K$-MSHC"), the tie of "ScanNet~v2", and the font commands around
// a name or its letters ("\emph{White-Op}", "\textbf{W}hite").
func plain(s string) string {
	if !strings.ContainsAny(s, "$~\\") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '~' && i > 0 && i+1 < len(s) && s[i-1] != ' ' && s[i+1] != ' ':
			b.WriteByte(' ')
		case c == '$' && i+2 < len(s) && s[i+2] == '$' && isASCIILetter(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
		case c == '$' && i+2 < len(s) && s[i+1] == '\\':
			end := strings.IndexByte(s[i+1:], '$')
			if g, ok := corpus.GreekLetter(s[i+2 : i+1+max(end, 1)]); ok && end > 0 {
				b.WriteString(g)
				i += end + 1
				continue
			}
			b.WriteByte(c)
		case c == '\\':
			if arg, n := fontArg(s[i:]); n > 0 {
				b.WriteString(arg)
				i += n - 1
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fontCommands change only how their argument looks.
var fontCommands = []string{
	"textbf", "textit", "emph", "texttt", "textsc", "textrm", "textsf", "text",
	"underline", "mathrm", "mathbf", "mathtt", "mathsf",
}

// fontArg returns the argument of the font command that s starts with,
// "\emph{X}", and the length of the command with it; 0 if s starts with
// none or the argument holds braces.
func fontArg(s string) (string, int) {
	for _, cmd := range fontCommands {
		if len(s) < len(cmd)+2 || s[1:1+len(cmd)] != cmd || s[1+len(cmd)] != '{' {
			continue
		}
		rest := s[len(cmd)+2:]
		end := strings.IndexAny(rest, "{}")
		if end < 0 || rest[end] != '}' {
			return "", 0
		}
		return rest[:end], len(cmd) + 3 + end
	}
	return "", 0
}

// Normalize folds a name to the form under which ANNOTATION.md's scoring
// compares names, and under which the store merges entities across papers:
// NFKC; a final lower-case "s" dropped from forms longer than 3 characters
// ("LLMs" and "LLM" meet, "LRS" stays); lower case; letters and digits only.
// "GPT-4" becomes "gpt4", "diffusion models" becomes "diffusionmodel".
func Normalize(s string) string {
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

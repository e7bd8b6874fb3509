package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBibTeXReader(t *testing.T) {
	perr := func(start, line, col int, err error) result {
		return bad(ParseError{Path: "refs.bib", StartLine: start, Line: line, Column: col, Err: err})
	}
	paper := func(title string) result { return ok(Paper{Title: title, Source: BibTeXSource}) }
	tests := []struct {
		name  string
		input string
		max   int
		want  []result
	}{
		{
			name: "values, macros and concatenation",
			input: `@string{acl = "Proceedings of ACL"}
@String(short = {Pro} # "ceedings")
@Article{Muller2020,
  TITLE = "Quoted {B}ERT" # " and " # {More {Nested} Braces},
  Year = 2020, month = jan,
  booktitle = acl # short,
  author = "M{\"u}ller, Hans and {\"O}zt{\"u}rk, Ay{\c{s}}e and Lee, Jr., Ann and {Barnes and Noble} and others",
  abstract = {We use \emph{BERT}~\cite{devlin} --- it works; 50\% better -- see \url{https://x.org/a_b}.},
  doi = {https://doi.org/10.1000/ABC-1},
  url = {https://example.org/a\_b~c},
}
`,
			want: []result{ok(Paper{
				DOI: "10.1000/ABC-1", Title: "Quoted BERT and More Nested Braces",
				Abstract: "We use BERT — it works; 50% better – see https://x.org/a_b.",
				Year:     2020,
				Authors:  []string{"Hans Müller", "Ayşe Öztürk", "Ann Lee Jr.", "Barnes and Noble"},
				URL:      "https://example.org/a_b~c", Source: BibTeXSource,
			})},
		},
		{
			name:  "parentheses and arXiv eprint",
			input: "@misc(vaswani2017,\n  title = {Attention Is All You Need},\n  eprint = {1706.03762v7}, archivePrefix = {arXiv}, primaryClass = {cs.CL})\n",
			want:  []result{ok(Paper{ArXivID: "1706.03762", Title: "Attention Is All You Need", Source: BibTeXSource})},
		},
		{
			name: "arXiv ids from other fields",
			input: `@misc{a, title = {A}, eprint = {31415926}, eprinttype = {pubmed}, url = {https://arxiv.org/abs/2101.00027}}
@misc{b, title = {B}, arxivid = {arXiv:2104.08836}}
@misc{c, title = {C}, date = {2021-04-19}, doi = {10.48550/arXiv.1911.02116}}
`,
			want: []result{
				ok(Paper{ArXivID: "2101.00027", Title: "A", URL: "https://arxiv.org/abs/2101.00027", Source: BibTeXSource}),
				ok(Paper{ArXivID: "2104.08836", Title: "B", Source: BibTeXSource}),
				ok(Paper{ArXivID: "1911.02116", DOI: "10.48550/arXiv.1911.02116", Title: "C", Year: 2021, Source: BibTeXSource}),
			},
		},
		{
			name: "comments, preambles and text between entries",
			input: `% JabRef export
Some notes, mail me@example.org.
@comment{ anything {nested @misc{x, title={X}} } here }
@preamble{ "\newcommand{\noopsort}[1]{}" }
@COMMENT jabref-meta: databaseType:bibtex;
  @misc{a, title = {A}}
`,
			want: []result{paper("A")},
		},
		{
			name: "unbalanced braces cost only their entry",
			input: `@misc{a, title = {A}}
@misc{b,
  title = {Broken {{value},
  year = 2019,
}
@misc{c, title = {C}}
`,
			want: []result{paper("A"), perr(2, 3, 11, ErrSyntax), paper("C")},
		},
		{
			// The entry's closing brace closes the value: the entry is
			// left open.
			name: "unbalanced braces closed by the entry's brace",
			input: `@misc{b,
  title = {Broken {value},
  year = 2019,
}
@misc{c, title = {C}}
`,
			want: []result{perr(1, 5, 1, ErrSyntax), paper("C")},
		},
		{
			name:  "entry left open",
			input: "@misc{a, title = {A}\n@misc{b, title = {B}}\n",
			want:  []result{perr(1, 2, 1, ErrSyntax), paper("B")},
		},
		{
			name:  "closing brace too many",
			input: "@misc{a, title = {A}}, year = {2020}}\n@misc{b, title = {B}}\n",
			want:  []result{perr(1, 1, 21, ErrSyntax), paper("B")},
		},
		{
			name:  "closing brace in a quoted value",
			input: "@misc{a, title = \"A}\"}\n@misc{b, title = {B}}\n",
			want:  []result{perr(1, 1, 20, ErrSyntax), paper("B")},
		},
		{
			name:  "missing equals sign and missing value",
			input: "@misc{a, title {A}}\n@misc{b, title = , year = 1}\n@misc{c, title = {C}}",
			want:  []result{perr(1, 1, 16, ErrSyntax), perr(2, 2, 18, ErrSyntax), paper("C")},
		},
		{
			name:  "a line starting an entry inside a value",
			input: "@misc{a, abstract = {Text\n  @misc{b, title = {B}}\n",
			want:  []result{perr(1, 1, 21, ErrSyntax), paper("B")},
		},
		{
			name:  "input ends inside a value",
			input: "@misc{a, title = {A}}\n@misc{b, title = {B",
			want:  []result{paper("A"), perr(2, 2, 18, ErrSyntax)},
		},
		{
			name:  "entry without title or id",
			input: "@misc{onlykey}\n  @proceedings{p, editor = {E}, year = 2020}\n@misc{a, title = {A}}",
			want:  []result{perr(1, 1, 1, ErrNoTitle), perr(2, 2, 3, ErrNoTitle), paper("A")},
		},
		{
			name:  "identifier without title",
			input: "@misc{a, doi = {10.1000/xyz}}",
			want:  []result{ok(Paper{DOI: "10.1000/xyz", Source: BibTeXSource})},
		},
		{
			name:  "repeated field: the first wins",
			input: "@misc{a, title = {First}, TITLE = {Second}}",
			want:  []result{paper("First")},
		},
		{
			name:  "entry too long",
			max:   40,
			input: "@misc{a, title = {A}}\n@misc{b, title = {" + strings.Repeat("x", 40) + "}}\n@misc{c, title = {C}}",
			want:  []result{paper("A"), perr(2, 2, 1, ErrTooLong), paper("C")},
		},
		{
			name:  "byte-order mark counts in columns",
			input: "\ufeff@misc{a, title = }",
			want:  []result{perr(1, 1, 21, ErrSyntax)},
		},
		{name: "empty input", input: ""},
		{name: "no entries", input: "% nothing here\n@ not an entry\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewBibTeXReader(strings.NewReader(tt.input))
			r.Path = "refs.bib"
			r.MaxRecordBytes = tt.max
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLatexText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`G{\"o}del`, "Gödel"},
		{`G\"{o}del`, "Gödel"},
		{`G\"odel`, "Gödel"},
		{`{\'e}t{\'{e}}`, "été"},
		{`Fran\c{c}ois and Fran\c cois`, "François and François"},
		{`\v{S}ekli and {\v S}ekli`, "Šekli and Šekli"},
		{`Erd\H{o}s`, "Erdős"},
		{`Stra\ss e, {\o}re, \AA ngstr\"om, \l{}\'od\'z`, "Straße, øre, Ångström, łódź"},
		{`na{\"\i}ve, na\"{\i}ve`, "naïve, naïve"},
		{`\^{}`, "\u0302"},
		{`R\&D, 50\%, \$5, \#1, a\_b, \{x\}`, "R&D, 50%, $5, #1, a_b, {x}"},
		{`pages 1--2 --- and -- so - on`, "pages 1–2 — and – so - on"},
		{`A~B`, "A B"},
		{"``quoted'' and `single' and it's", "“quoted” and ‘single' and it's"},
		{`\emph{x}, \textbf{bold \textit{nested}}, {\em y}`, "x, bold nested, y"},
		{`see~\cite{a,b} and \ref{fig}.`, "see and ."},
		{`\href{https://x.org}{the site}`, "the site"},
		{`$\alpha$-divergence with $O(n^{2})$ and $x_i$`, "α-divergence with O(n2) and xi"},
		{`\LaTeX{} and \TeX\ and \ldots`, "LaTeX and TeX and …"},
		{`\unknowncommand{kept} \alsounknown dropped`, "kept dropped"},
		{`{{Nested {Title}}}`, "Nested Title"},
		{"line\nbreak\\\\ and\\ space", "line break and space"},
		{`trailing \`, "trailing"},
		{`\"`, "\u0308"},
		{`\c{}`, "\u0327"},
		{`plain text`, "plain text"},
	}
	for _, tt := range tests {
		if got := latexText(tt.in); got != tt.want {
			t.Errorf("latexText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBibNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Alexandre Lacoste and Alexandra Luccioni", []string{"Alexandre Lacoste", "Alexandra Luccioni"}},
		{"Lacoste, Alexandre AND Luccioni, Alexandra", []string{"Alexandre Lacoste", "Alexandra Luccioni"}},
		{"van der Berg, Jan and King, Jr., Martin Luther", []string{"Jan van der Berg", "Martin Luther King Jr."}},
		{"{Google DeepMind} and {Barnes and Noble}", []string{"Google DeepMind", "Barnes and Noble"}},
		{"Brandon\nand\tAndersen and others", []string{"Brandon", "Andersen"}},
		{"Anderson", []string{"Anderson"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := bibNames(tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("bibNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

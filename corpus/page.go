package corpus

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PageSource is the Source of papers read by a PageReader, and the name of
// its format.
const PageSource = "papers-page"

// A PageReader reads papers from the text of a Hugging Face papers page
// saved from a browser: each paper is a title line followed by its abstract
// on one line, with blank lines and page furniture (headings, dates,
// "Submitted by" lines, upvote counts) around them.
//
// Lines are told apart by shape, not by what they say: an abstract is long
// prose of several sentences; a title is one short line; dates, lone
// numbers and counts ("12 authors"), attributions ("Submitted by ...",
// "by ...") and long lines that are not prose (author lists) are furniture.
// A one-word line, a line ending in "!" and a line whose first word is all
// lower case without a colon ("subscribe", "view all papers") are taken as
// a title only when an abstract follows them. A title followed directly by
// another title is a paper without an abstract. Lines before the page's
// last furniture line ahead of its first title (the page header) are never
// papers. A prose line after an abstract continues it as a new paragraph; a
// prose line with no title before it is reported as ErrNoTitle.
//
// A paper is returned once the line after it has been read, since only
// then is it known to be complete.
type PageReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest line read. A longer line is reported
	// as ErrTooLong and skipped. 0 means 8 MiB.
	MaxRecordBytes int

	lr       *lineReader
	header   bool        // still in the lines before the first abstract
	pre      []pageLine  // the lines read while in the header
	cur      *Paper      // the paper being read
	fallback *pageLine   // a weak line that becomes a title if prose follows
	orphan   bool        // the last prose line had no title
	out      []pageEvent // papers and errors ready to return
	err      error       // io.EOF or the final error, once reached
}

// NewPageReader returns a PageReader reading from r.
func NewPageReader(r io.Reader) *PageReader {
	return &PageReader{lr: newLineReader(r), header: true}
}

type pageEvent struct {
	p   *Paper
	err error
}

type lineKind int

const (
	blankLine     lineKind = iota
	furnitureLine          // never a title
	weakLine               // a title only if prose follows
	titleLine
	proseLine
	longLine // longer than MaxRecordBytes
)

type pageLine struct {
	kind lineKind
	text string
	line int
}

// maxPreamble bounds the lines held while looking for the first abstract,
// so a page without abstracts is still read in bounded memory.
const maxPreamble = 1024

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *PageReader) Read() (*Paper, error) {
	for len(r.out) == 0 {
		if r.err != nil {
			return nil, r.err
		}
		r.lr.max = maxOrDefault(r.MaxRecordBytes)
		b, err := r.lr.next()
		switch {
		case err == errLineTooLong:
			r.add(pageLine{kind: longLine, line: r.lr.line})
		case err == io.EOF:
			r.finish()
			r.err = io.EOF
		case err != nil:
			r.finish()
			r.err = fmt.Errorf("corpus: reading %q: %w", r.Path, err)
		default:
			s := strings.TrimSpace(string(b))
			if k := classifyLine(s); k != blankLine {
				r.add(pageLine{kind: k, text: s, line: r.lr.line})
			}
		}
	}
	ev := r.out[0]
	r.out[0] = pageEvent{}
	r.out = r.out[1:]
	return ev.p, ev.err
}

func (r *PageReader) add(l pageLine) {
	if !r.header {
		r.step(l)
		return
	}
	if l.kind == proseLine {
		r.endHeader()
		r.step(l)
		return
	}
	r.pre = append(r.pre, l)
	if len(r.pre) >= maxPreamble {
		r.endHeader()
	}
}

// endHeader drops the page header from the lines held so far and reads the
// rest. The header ends at the last furniture line before the last title
// candidate: "Mar 11" in "Daily Papers / by AK / Mar 11 / <title>".
func (r *PageReader) endHeader() {
	last := -1
	for i, l := range r.pre {
		if l.kind == titleLine || l.kind == weakLine {
			last = i
		}
	}
	start := 0
	for i := last - 1; i >= 0; i-- {
		if r.pre[i].kind == furnitureLine {
			start = i + 1
			break
		}
	}
	pre := r.pre
	r.pre, r.header = nil, false
	for i, l := range pre {
		if i >= start || l.kind == longLine {
			r.step(l)
		}
	}
}

func (r *PageReader) step(l pageLine) {
	switch l.kind {
	case furnitureLine:
	case longLine:
		r.flush()
		r.fallback, r.orphan = nil, false
		r.out = append(r.out, pageEvent{err: &ParseError{Path: r.Path, StartLine: l.line, Line: l.line, Err: ErrTooLong}})
	case weakLine:
		if r.cur == nil || r.cur.Abstract != "" {
			r.fallback = &l
		}
		r.orphan = false
	case titleLine:
		r.flush()
		r.cur = &Paper{Title: clean(l.text), Source: PageSource}
		r.fallback, r.orphan = nil, false
	case proseLine:
		text := clean(l.text)
		switch {
		case r.fallback != nil:
			r.flush()
			r.cur = &Paper{Title: clean(r.fallback.text), Abstract: text, Source: PageSource}
			r.fallback = nil
		case r.cur != nil && r.cur.Abstract == "":
			r.cur.Abstract = text
		case r.cur != nil:
			r.cur.Abstract += " " + text
		case r.orphan:
			// A further paragraph of an abstract already reported.
		default:
			r.orphan = true
			r.out = append(r.out, pageEvent{err: &ParseError{Path: r.Path, StartLine: l.line, Line: l.line, Err: ErrNoTitle}})
		}
	}
}

func (r *PageReader) flush() {
	if r.cur != nil {
		r.out = append(r.out, pageEvent{p: r.cur})
		r.cur = nil
	}
}

func (r *PageReader) finish() {
	if r.header {
		r.endHeader()
	}
	r.flush()
}

// Limits of a title line: the longest of 70,000 arXiv titles of 2025-2026
// has 32 words and 226 bytes. Longer lines that are not prose are lists.
const (
	maxTitleWords = 40
	maxTitleBytes = 400
)

// classifyLine tells what a trimmed line of a papers page is by its shape.
func classifyLine(s string) lineKind {
	if s == "" {
		return blankLine
	}
	words := strings.Fields(s)
	if isProse(s, words) {
		return proseLine
	}
	switch {
	case !strings.ContainsFunc(s, unicode.IsLetter),
		isDate(words),
		isCount(words),
		isAttribution(words),
		len(words) > maxTitleWords || len(s) > maxTitleBytes:
		return furnitureLine
	case len(words) == 1,
		strings.HasSuffix(s, "!"),
		isLowerWord(words[0]) && !strings.Contains(s, ":"):
		return weakLine
	}
	return titleLine
}

// isProse reports whether a line reads as an abstract: at least 10 words
// ending in a full stop, or at least 20 words forming two or more
// sentences, or 40 words that are not a comma-separated list. Of 70,000
// arXiv titles of 2025-2026 none ends in a full stop and none has 33 words;
// those with two sentences ("Are They Good? Can Students Tell?") have
// fewer than 20.
func isProse(s string, words []string) bool {
	n := len(words)
	if n < 10 {
		return false
	}
	sentences, period := countSentences(words)
	switch {
	case period:
		return true
	case n < 20:
		return false
	case sentences >= 2:
		return true
	}
	list := 3*(strings.Count(s, ",")+strings.Count(s, ";")) >= n
	return n >= 40 && !list
}

// countSentences counts the words that end a sentence: a word ending in
// '.', '!' or '?' (before any closing quotes or brackets) that ends the
// line or is followed by a word starting with an upper-case letter, a digit
// or an opening quote or bracket. Initials ("A."), dotted abbreviations
// ("e.g.", "U.S.") and common short forms ("vs.", "et al.", "Fig.") do not
// end sentences. period reports whether the last word ends a sentence with
// a full stop.
func countSentences(words []string) (n int, period bool) {
	for i, w := range words {
		w = strings.TrimRight(w, "\"')]}\u2019\u201d")
		if w == "" {
			continue
		}
		end := w[len(w)-1]
		if end != '.' && end != '!' && end != '?' {
			continue
		}
		core := strings.TrimRight(w, ".!?")
		if utf8.RuneCountInString(core) < 2 || isDottedAbbreviation(core) || abbreviation[strings.ToLower(core)] {
			continue
		}
		if i == len(words)-1 {
			n++
			period = end == '.'
			continue
		}
		r, _ := utf8.DecodeRuneInString(words[i+1])
		if unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'([\u2018\u201c", r) {
			n++
		}
	}
	return n, period
}

// isDottedAbbreviation reports whether w is short letter groups joined by
// dots, as in "e.g", "i.e", "U.S", "a.k.a".
func isDottedAbbreviation(w string) bool {
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) == 0 || len(p) > 2 || !allLetters(p) {
			return false
		}
	}
	return true
}

var abbreviation = map[string]bool{
	"al": true, "approx": true, "cf": true, "dr": true, "eq": true, "eqs": true,
	"fig": true, "figs": true, "mr": true, "ms": true, "no": true, "prof": true,
	"ref": true, "refs": true, "resp": true, "sec": true, "st": true, "tab": true,
	"vs": true, "viz": true,
}

// isDate reports whether the words are a date, possibly with a word such as
// "Published on": "Mar 11", "March 11, 2025", "2025-03-11",
// "Published on Mar 11".
func isDate(words []string) bool {
	month := false
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ",.·•|()[]"))
		switch {
		case w == "" || dateFiller[w]:
		case monthName(w) || w == "today" || w == "yesterday":
			month = true
		case isISODate(w):
			month = true
		case weekday[w] || isDayOrYear(w) || isClock(w):
		default:
			return false
		}
	}
	return month
}

var dateFiller = map[string]bool{
	"published": true, "submitted": true, "updated": true, "posted": true,
	"on": true, "at": true, "of": true, "-": true, "–": true, "—": true,
	"am": true, "pm": true, "utc": true, "gmt": true,
}

var months = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

func monthName(w string) bool {
	for _, m := range months {
		if w == m || w == m[:3] {
			return true
		}
	}
	return w == "sept"
}

var weekday = map[string]bool{
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true,
	"fri": true, "sat": true, "sun": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// isDayOrYear reports whether w is a day of the month (with an optional
// ordinal suffix) or a year.
func isDayOrYear(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if !allDigits(w) {
		return false
	}
	switch len(w) {
	case 1, 2:
		d, _ := strconv.Atoi(w)
		return d >= 1 && d <= 31
	case 4:
		return w >= "1900" && w <= "2199"
	}
	return false
}

// isISODate reports whether w is a numeric date: 2025-03-11, 2025/03/11,
// 11/03/2025, 2025-03.
func isISODate(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) < 2 || len(parts) > 3 || strings.ContainsAny(w, " ") {
		return false
	}
	year := false
	for _, p := range parts {
		if !allDigits(p) || len(p) != 1 && len(p) != 2 && len(p) != 4 {
			return false
		}
		year = year || len(p) == 4
	}
	return year
}

// isClock reports whether w is a time of day: 9:30, 19:18:42.
func isClock(w string) bool {
	parts := strings.Split(w, ":")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) > 2 || !allDigits(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 2 || !allDigits(p) {
			return false
		}
	}
	return true
}

// isCount reports whether the words are a number with a few lower-case
// words: "42", "· 12 authors", "3.2k", "5 days ago".
func isCount(words []string) bool {
	if len(words) > 4 {
		return false
	}
	number := false
	for _, w := range words {
		switch {
		case isNumber(w):
			number = true
		case strings.ContainsFunc(w, unicode.IsUpper), strings.ContainsFunc(w, unicode.IsDigit):
			return false
		}
	}
	return number
}

// isNumber reports whether w is a number as pages show counts: "42",
// "1,234", "3.2k", "#3", "(12)", "+5", "87%".
func isNumber(w string) bool {
	w = strings.Trim(w, "·•#+-–()[]")
	w = strings.TrimRight(w, "kKmM%")
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// attributionVerbs start lines such as "Submitted by akhaliq".
var attributionVerbs = map[string]bool{
	"submitted": true, "posted": true, "uploaded": true, "shared": true, "added": true,
}

// metadataLabels start listing lines such as "Authors: ..." or
// "Comments: 12 pages".
var metadataLabels = map[string]bool{
	"abstract:": true, "author:": true, "authors:": true, "categories:": true,
	"comments:": true, "doi:": true, "journal-ref:": true, "keywords:": true,
	"published:": true, "subjects:": true, "submitted:": true, "updated:": true,
}

// isAttribution reports whether the words credit a person rather than name
// a paper: "Submitted by akhaliq", "by AK and the research community" (also
// saved as "byAK ..."), or start with a listing label such as "Authors:".
func isAttribution(words []string) bool {
	first := strings.ToLower(words[0])
	if metadataLabels[first] {
		return true
	}
	if len(words) >= 2 && attributionVerbs[first] && strings.EqualFold(words[1], "by") {
		return true
	}
	if first == "submitted" && len(words) == 1 {
		return true
	}
	// A lower-case "by" that stands alone or runs into a capitalised name.
	w := words[0]
	if !strings.HasPrefix(w, "by") {
		return false
	}
	if len(w) == 2 {
		return len(words) > 1
	}
	r, _ := utf8.DecodeRuneInString(w[2:])
	return unicode.IsUpper(r)
}

// isLowerWord reports whether w is made of lower-case letters only.
func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

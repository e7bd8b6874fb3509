package corpus

import (
	"fmt"
	"io"
	"net/url"
	"strings"
)

// RISSource is the Source of papers read by a RISReader, and the name of its
// format.
const RISSource = "ris"

// A RISReader reads papers from RIS, as Scopus, Zotero, EndNote, Mendeley
// and PubMed export them: records of tagged lines ("TI  - A title"), each
// from a TY line to an ER line. A line without a tag continues the value
// of the line before it, as wrapped abstracts and reference lists do.
//
// It reads the title from TI, else T1 or CT; the abstract from AB, else
// N2; the year from PY, else Y1 or DA ("2019/07/24/"); the DOI from DO;
// authors from AU, else A1, each "Last, First" written "First Last"; the
// URL from the first UR. An arXiv id in DO or a UR sets Paper.ArXivID, and
// the EID of a Scopus record URL sets Paper.ID. Scopus's "[No abstract
// available]" is no abstract.
//
// A record still open at the end of the input, or at the next TY line, is
// read as if it had ended, and tagged lines outside records start a record
// as a TY line would. A record with neither a title nor an
// identifier is reported as ErrNoTitle at its TY line. Lines outside
// records that are neither blank nor tagged are reported as ErrSyntax, one
// error for each run of them. A line longer than MaxRecordBytes, or a
// record longer in all, is reported as ErrTooLong and its record skipped.
type RISReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest record read. 0 means 8 MiB.
	MaxRecordBytes int

	lr   *lineReader
	rec  *risRecord // the record being read, or nil
	junk bool       // the last line was a stray line outside records
	err  error
}

// NewRISReader returns a RISReader reading from r.
func NewRISReader(r io.Reader) *RISReader {
	return &RISReader{lr: newLineReader(r)}
}

type risRecord struct {
	start   int
	fields  map[string][]string
	last    string // tag of the last field, which untagged lines continue
	size    int
	tooLong bool
}

// risTag splits a tagged RIS line, "TI  - A title": two characters, a
// capital letter and a capital or digit, then spaces and a hyphen. Exports
// differ in the number of spaces and in a space after the hyphen.
func risTag(line string) (tag, value string, ok bool) {
	if len(line) < 4 || line[0] < 'A' || line[0] > 'Z' ||
		!(line[1] >= 'A' && line[1] <= 'Z' || line[1] >= '0' && line[1] <= '9') {
		return "", "", false
	}
	i := 2
	for i < len(line) && i < 5 && line[i] == ' ' {
		i++
	}
	if i == 2 || i >= len(line) || line[i] != '-' {
		return "", "", false
	}
	rest := line[i+1:]
	if rest != "" && rest[0] != ' ' {
		return "", "", false
	}
	return line[:2], strings.TrimSpace(rest), true
}

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *RISReader) Read() (*Paper, error) {
	for {
		if r.err != nil {
			return nil, r.err
		}
		r.lr.max = maxOrDefault(r.MaxRecordBytes)
		b, err := r.lr.next()
		n := r.lr.line
		switch {
		case err == errLineTooLong:
			if r.rec != nil {
				r.rec.tooLong = true
				continue
			}
			r.junk = false
			return nil, &ParseError{Path: r.Path, StartLine: n, Line: n, Err: ErrTooLong}
		case err == io.EOF:
			r.err = io.EOF
			if p, err := r.end(); p != nil || err != nil {
				return p, err
			}
			continue
		case err != nil:
			r.err = fmt.Errorf("corpus: reading %q: %w", r.Path, err)
			if p, err := r.end(); p != nil || err != nil {
				return p, err
			}
			continue
		}
		line := string(b)
		tag, value, tagged := risTag(line)
		if !tagged {
			if strings.TrimSpace(line) == "" {
				r.junk = false
				continue
			}
			if r.rec != nil {
				r.rec.continueLast(strings.TrimSpace(line))
				continue
			}
			if r.junk {
				continue
			}
			r.junk = true
			return nil, &ParseError{Path: r.Path, StartLine: n, Line: n, Err: ErrSyntax}
		}
		r.junk = false
		switch {
		case tag == "TY":
			p, err := r.end()
			r.rec = &risRecord{start: n, fields: make(map[string][]string), size: len(b) + 1}
			if p != nil || err != nil {
				return p, err
			}
			continue
		case tag == "ER":
			if r.rec == nil {
				continue
			}
			if p, err := r.end(); p != nil || err != nil {
				return p, err
			}
		default:
			if r.rec == nil {
				// A record whose TY line is missing: read it all the same.
				r.rec = &risRecord{start: n, fields: make(map[string][]string)}
			}
			r.rec.add(tag, value)
		}
		if r.rec != nil {
			r.rec.size += len(b) + 1
			if r.rec.size > r.lr.max {
				r.rec.tooLong = true
			}
		}
	}
}

func (rec *risRecord) add(tag, value string) {
	rec.fields[tag] = append(rec.fields[tag], value)
	rec.last = tag
}

// continueLast appends a line to the value of the last field.
func (rec *risRecord) continueLast(s string) {
	vs := rec.fields[rec.last]
	if rec.last == "" || len(vs) == 0 {
		return
	}
	if v := vs[len(vs)-1]; v != "" {
		s = v + " " + s
	}
	vs[len(vs)-1] = s
}

// end finishes the record being read, if any, and returns its paper or
// its error.
func (r *RISReader) end() (*Paper, error) {
	rec := r.rec
	r.rec = nil
	if rec == nil {
		return nil, nil
	}
	if rec.tooLong {
		return nil, &ParseError{Path: r.Path, StartLine: rec.start, Line: rec.start, Err: ErrTooLong}
	}
	p := rec.paper()
	if p.Title == "" && p.ID == "" && p.ArXivID == "" && p.DOI == "" {
		return nil, &ParseError{Path: r.Path, StartLine: rec.start, Line: rec.start, Err: ErrNoTitle}
	}
	return p, nil
}

// first returns the first non-empty value of the first tag that has one.
func (rec *risRecord) first(tags ...string) string {
	for _, t := range tags {
		for _, v := range rec.fields[t] {
			if v = clean(v); v != "" {
				return v
			}
		}
	}
	return ""
}

func (rec *risRecord) paper() *Paper {
	p := &Paper{
		Title:    rec.first("TI", "T1", "CT"),
		Abstract: noAbstract(rec.first("AB", "N2")),
		Year:     yearInString(rec.first("PY", "Y1", "DA")),
		Source:   RISSource,
	}
	if doi, ok := ParseDOI(rec.first("DO")); ok {
		p.DOI = doi
	}
	authors := rec.fields["AU"]
	if len(authors) == 0 {
		authors = rec.fields["A1"]
	}
	for _, a := range authors {
		if a = lastFirst(clean(a)); a != "" {
			p.Authors = append(p.Authors, a)
		}
	}
	urls := rec.fields["UR"]
	for _, u := range urls {
		if u = clean(u); u != "" {
			p.URL = u
			break
		}
	}
	for _, s := range append([]string{p.DOI}, urls...) {
		if id, ok := ParseArXivID(s); ok {
			p.ArXivID = id
			break
		}
	}
	for _, u := range urls {
		if eid := scopusEID(u); eid != "" {
			p.ID = eid
			break
		}
	}
	return p
}

// noAbstract returns "" for the placeholders exports write for a missing
// abstract.
func noAbstract(s string) string {
	if strings.EqualFold(s, "[No abstract available]") {
		return ""
	}
	return s
}

// lastFirst writes a name given as "Last, First" (or "Last, Suffix,
// First") as "First Last".
func lastFirst(s string) string {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case len(parts) == 2 && parts[1] != "":
		return parts[1] + " " + parts[0]
	case len(parts) == 3 && parts[2] != "":
		return parts[2] + " " + parts[0] + " " + parts[1]
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// scopusEID returns the EID in a Scopus record URL,
// https://www.scopus.com/inward/record.uri?eid=2-s2.0-85074596690&...
func scopusEID(s string) string {
	u, err := url.Parse(s)
	if err != nil || !strings.HasSuffix(strings.ToLower(u.Host), "scopus.com") {
		return ""
	}
	return u.Query().Get("eid")
}

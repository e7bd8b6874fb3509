package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// jsonRecord holds the fields of a JSON paper record that paperkg reads,
// under the names the usual sources give them. Values stay raw so each can
// be read whatever its shape.
type jsonRecord struct {
	ID          json.RawMessage `json:"id"`
	ArXivID     json.RawMessage `json:"arxiv_id"`
	ArXivIDC    json.RawMessage `json:"arxivId"`
	PaperID     json.RawMessage `json:"paperId"`
	DOI         json.RawMessage `json:"doi"`
	DOIU        json.RawMessage `json:"DOI"`
	ExternalIDs json.RawMessage `json:"externalIds"` // Semantic Scholar: {"ArXiv": ..., "DOI": ...}
	Title       json.RawMessage `json:"title"`
	DisplayName json.RawMessage `json:"display_name"` // OpenAlex's copy of the title
	Abstract    json.RawMessage `json:"abstract"`
	Summary     json.RawMessage `json:"summary"`
	Year        json.RawMessage `json:"year"`
	PubYear     json.RawMessage `json:"publication_year"`
	Published   json.RawMessage `json:"published"`
	PubDate     json.RawMessage `json:"publication_date"`
	PubDateC    json.RawMessage `json:"publicationDate"`
	Date        json.RawMessage `json:"date"`
	PublishedAt json.RawMessage `json:"publishedAt"`
	Issued      json.RawMessage `json:"issued"` // CSL-JSON and Crossref: {"date-parts": [[2020, 5]]}
	Authors     json.RawMessage `json:"authors"`
	Authorships json.RawMessage `json:"authorships"` // OpenAlex
	Author      json.RawMessage `json:"author"`      // CSL-JSON and Crossref
	URL         json.RawMessage `json:"url"`
	// Paper holds the paper of a record that wraps one, as Hugging Face's
	// daily papers do: {"title": ..., "paper": {"id": "2503.11731", ...}}.
	Paper json.RawMessage `json:"paper"`
}

// errRecordSyntax is returned by parseRecord for data that is not valid
// JSON; off is then the 1-based offset of the offending byte, and msg
// says what is wrong there.
type errRecordSyntax struct {
	off int
	msg string
}

func (e errRecordSyntax) Error() string { return "syntax error at offset " + strconv.Itoa(e.off) }

// parseRecord reads one JSON value as a paper. It fails with ErrShape for
// valid JSON that is not an object or whose title or abstract is neither a
// string nor null, with ErrNoTitle for an object with neither a title nor
// an identifier, and with errRecordSyntax for invalid JSON.
func parseRecord(data []byte, source string) (*Paper, error) {
	var rec jsonRecord
	if err := decodeObject(data, &rec); err != nil {
		return nil, err
	}
	p, err := rec.paper(1)
	if err != nil {
		return nil, err
	}
	if p.Title == "" && p.ID == "" && p.ArXivID == "" && p.DOI == "" {
		return nil, ErrNoTitle
	}
	p.Source = source
	return p, nil
}

// recordSyntaxError converts an error of encoding/json on data of length n.
func recordSyntaxError(err error, n int) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := int(se.Offset)
		// The offset of "unexpected end of JSON input" is past the end.
		return errRecordSyntax{off: min(max(off, 1), n), msg: se.Error()}
	}
	// Values are all json.RawMessage, so nothing else can fail on valid
	// JSON; report any other error as a shape error.
	return ErrShape
}

// paper converts the record; depth bounds how far wrapped papers are
// followed.
func (rec *jsonRecord) paper(depth int) (*Paper, error) {
	p := &Paper{}
	var err error
	if p.Title, err = firstText(rec.Title, rec.DisplayName); err != nil {
		return nil, err
	}
	if p.Abstract, err = firstText(rec.Abstract, rec.Summary); err != nil {
		return nil, err
	}

	ids := []json.RawMessage{rec.ID, rec.ArXivID, rec.ArXivIDC, rec.PaperID, rec.DOI, rec.DOIU}
	for _, raw := range ids {
		if s := scalar(raw); s != "" {
			p.ID = s
			break
		}
	}
	var ext struct {
		ArXiv json.RawMessage `json:"ArXiv"`
		DOI   json.RawMessage `json:"DOI"`
	}
	if isObject(rec.ExternalIDs) {
		_ = json.Unmarshal(rec.ExternalIDs, &ext) // an odd shape leaves ext empty
	}
	// arXiv ids come first from the fields that name them; DOIs first from
	// the DOI fields. Any id field or the URL may hold either.
	candidates := []json.RawMessage{rec.ArXivID, rec.ArXivIDC, ext.ArXiv, rec.ID, rec.PaperID, rec.DOI, rec.DOIU, ext.DOI, rec.URL}
	for _, raw := range candidates {
		if id, ok := ParseArXivID(scalar(raw)); ok {
			p.ArXivID = id
			break
		}
	}
	candidates = []json.RawMessage{rec.DOI, rec.DOIU, ext.DOI, rec.ID, rec.PaperID, rec.ArXivID, rec.ArXivIDC, rec.URL}
	for _, raw := range candidates {
		if doi, ok := ParseDOI(scalar(raw)); ok {
			p.DOI = doi
			break
		}
	}

	for _, raw := range []json.RawMessage{rec.Year, rec.PubYear, rec.Published, rec.PubDate, rec.PubDateC, rec.Date, rec.PublishedAt, rec.Issued} {
		if y := yearOf(raw); y != 0 {
			p.Year = y
			break
		}
	}
	for _, raw := range []json.RawMessage{rec.Authors, rec.Authorships, rec.Author} {
		if a := authorsOf(raw); len(a) > 0 {
			p.Authors = a
			break
		}
	}
	if s, ok := text(rec.URL); ok {
		p.URL = s
	}

	if depth > 0 && isObject(rec.Paper) {
		var inner jsonRecord
		if json.Unmarshal(rec.Paper, &inner) == nil {
			if q, err := inner.paper(depth - 1); err == nil {
				fillFrom(p, q)
			}
		}
	}
	return p, nil
}

// fillFrom sets the fields p lacks from q.
func fillFrom(p, q *Paper) {
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&p.ID, q.ID)
	fill(&p.ArXivID, q.ArXivID)
	fill(&p.DOI, q.DOI)
	fill(&p.Title, q.Title)
	fill(&p.Abstract, q.Abstract)
	fill(&p.URL, q.URL)
	if p.Year == 0 {
		p.Year = q.Year
	}
	if len(p.Authors) == 0 {
		p.Authors = q.Authors
	}
}

// firstText returns the first of the raw values that holds text: a string,
// or an array whose first element is one (Crossref gives titles as
// arrays). Absent and null values are skipped; any other shape is an
// ErrShape.
func firstText(raws ...json.RawMessage) (string, error) {
	for _, raw := range raws {
		if isNull(raw) {
			continue
		}
		if s, ok := text(raw); ok {
			if s != "" {
				return s, nil
			}
			continue
		}
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			for _, el := range list {
				if s, ok := text(el); ok && s != "" {
					return s, nil
				}
			}
			if len(list) == 0 {
				continue
			}
		}
		return "", ErrShape
	}
	return "", nil
}

// text returns the cleaned string a raw JSON string holds.
func text(raw json.RawMessage) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	// raw comes from a document encoding/json has validated, so a string
	// without escapes is its bytes; clean replaces any invalid UTF-8.
	if bytes.IndexByte(raw, '\\') < 0 {
		return clean(string(raw[1 : len(raw)-1])), true
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return clean(s), true
}

// scalar returns a raw JSON string or number as text, "" for anything else.
// Identifiers come as both ("2503.11731", 14636783).
func scalar(raw json.RawMessage) string {
	if s, ok := text(raw); ok {
		return s
	}
	if len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		return string(raw)
	}
	return ""
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

func isObject(raw json.RawMessage) bool {
	return len(raw) > 0 && raw[0] == '{'
}

// yearOf reads a year from a number (2025, 2025.0), from the first
// four-digit year in a date string ("2025-03-18", "Mon, 2 Apr 2007
// 19:18:42 GMT") or from CSL-JSON date parts ({"date-parts": [[2020, 5]]}).
// It returns 0 when there is none.
func yearOf(raw json.RawMessage) int {
	switch {
	case isNull(raw):
		return 0
	case raw[0] == '"':
		s, _ := text(raw)
		return yearInString(s)
	case raw[0] == '{':
		var dp struct {
			DateParts [][]json.RawMessage `json:"date-parts"`
		}
		if json.Unmarshal(raw, &dp) == nil && len(dp.DateParts) > 0 && len(dp.DateParts[0]) > 0 {
			return yearOf(dp.DateParts[0][0])
		}
		return 0
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || f != float64(int(f)) || f < 1000 || f > 9999 {
		return 0
	}
	return int(f)
}

// yearInString returns the first run of exactly four digits in s that
// reads as a year from 1000 to 2999, or 0.
func yearInString(s string) int {
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 4 && s[i] >= '1' && s[i] <= '2' {
			y, _ := strconv.Atoi(s[i:j])
			return y
		}
		i = j
	}
	return 0
}

// authorsOf reads a list of authors given as strings, as objects with a
// name ({"name": ...}, {"display_name": ...}, {"given": ..., "family": ...})
// or as OpenAlex authorships ({"author": {"display_name": ...}}), or as one
// string of names separated by commas, semicolons or "and". Elements of
// other shapes are skipped.
func authorsOf(raw json.RawMessage) []string {
	if isNull(raw) {
		return nil
	}
	if s, ok := text(raw); ok {
		return splitAuthors(s)
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var names []string
	for _, el := range list {
		if name := authorName(el, 1); name != "" {
			names = append(names, name)
		}
	}
	return names
}

type jsonAuthor struct {
	Name          json.RawMessage `json:"name"`
	DisplayName   json.RawMessage `json:"display_name"`
	RawAuthorName json.RawMessage `json:"raw_author_name"`
	Given         json.RawMessage `json:"given"`
	Family        json.RawMessage `json:"family"`
	Literal       json.RawMessage `json:"literal"`
	Author        json.RawMessage `json:"author"`
}

func authorName(raw json.RawMessage, depth int) string {
	if s, ok := text(raw); ok {
		return s
	}
	if !isObject(raw) {
		return ""
	}
	var a jsonAuthor
	if json.Unmarshal(raw, &a) != nil {
		return ""
	}
	for _, f := range []json.RawMessage{a.Name, a.DisplayName, a.RawAuthorName, a.Literal} {
		if s, ok := text(f); ok && s != "" {
			return s
		}
	}
	given, _ := text(a.Given)
	family, _ := text(a.Family)
	if name := strings.TrimSpace(given + " " + family); name != "" {
		return name
	}
	if depth > 0 {
		return authorName(a.Author, depth-1)
	}
	return ""
}

// splitAuthors splits a string of names: "A. Smith, B. Jones and C. Lee".
// Semicolons, where present, separate names that may hold commas
// ("Smith, A.; Jones, B.").
func splitAuthors(s string) []string {
	var parts []string
	if strings.Contains(s, ";") {
		parts = strings.Split(s, ";")
	} else {
		for _, p := range strings.Split(s, ",") {
			parts = append(parts, splitAnd(p)...)
		}
	}
	var names []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		p = strings.TrimSpace(strings.TrimPrefix(p, "and "))
		if p != "" {
			names = append(names, p)
		}
	}
	return names
}

func splitAnd(s string) []string {
	var out []string
	for {
		i := strings.Index(s, " and ")
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+len(" and "):]
	}
}

package corpus

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"
)

// OpenAlexSource is the Source of papers read by an OpenAlexReader, and the
// name of its format.
const OpenAlexSource = "openalex"

// An OpenAlexReader reads OpenAlex works: a single work object, a /works
// response whose "results" field holds the works, an array of works, or
// JSON Lines of works as the OpenAlex snapshot gives them. It reads the
// input as a JSONReader does, with the same errors and positions, and
// converts each work:
//
//   - id ("https://openalex.org/W2741809807") sets Paper.ID to "W2741809807"
//     and Paper.URL to the id as given; doi and ids.doi set Paper.DOI; an
//     arXiv id in ids.arxiv, in an arXiv DOI or in the landing page or PDF
//     URL of a location sets Paper.ArXivID.
//   - title, else display_name.
//   - abstract_inverted_index (word → positions) is rebuilt into the
//     abstract, words in the order of their positions; null means no
//     abstract. The older {"IndexLength": n, "InvertedIndex": {...}} form
//     and a plain abstract string are read too.
//   - publication_year, else publication_date.
//   - authorships[].author.display_name, else raw_author_name.
//   - referenced_works set Paper.References, as "W..." ids.
//
// A work whose id names another kind of OpenAlex entity (an author
// "A...", a source "S...") is reported as ErrShape, as is an
// abstract_inverted_index that is not an object of word positions.
type OpenAlexReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest work read, as for a JSONReader.
	// 0 means 8 MiB.
	MaxRecordBytes int

	j *JSONReader
}

// NewOpenAlexReader returns an OpenAlexReader reading from r.
func NewOpenAlexReader(r io.Reader) *OpenAlexReader {
	return &OpenAlexReader{j: newJSONCore(r, parseOpenAlexWork)}
}

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *OpenAlexReader) Read() (*Paper, error) {
	r.j.Path, r.j.MaxRecordBytes = r.Path, r.MaxRecordBytes
	return r.j.Read()
}

type openAlexWork struct {
	ID              json.RawMessage `json:"id"`
	DOI             json.RawMessage `json:"doi"`
	IDs             json.RawMessage `json:"ids"`
	Title           json.RawMessage `json:"title"`
	DisplayName     json.RawMessage `json:"display_name"`
	InvertedIndex   json.RawMessage `json:"abstract_inverted_index"`
	Abstract        json.RawMessage `json:"abstract"`
	PublicationYear json.RawMessage `json:"publication_year"`
	PublicationDate json.RawMessage `json:"publication_date"`
	Authorships     json.RawMessage `json:"authorships"`
	ReferencedWorks json.RawMessage `json:"referenced_works"`
	PrimaryLocation json.RawMessage `json:"primary_location"`
	Locations       json.RawMessage `json:"locations"`
}

// decodeObject decodes data, which must hold a JSON object, into v. It
// fails as parseRecord does: ErrShape for valid JSON that is not an
// object, errRecordSyntax for invalid JSON.
func decodeObject(data []byte, v any) error {
	t := bytes.TrimLeft(data, " \t\r\n")
	if len(t) == 0 || t[0] != '{' {
		var raw json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			return recordSyntaxError(err, len(data))
		}
		return ErrShape
	}
	if err := json.Unmarshal(data, v); err != nil {
		return recordSyntaxError(err, len(data))
	}
	return nil
}

func parseOpenAlexWork(data []byte) ([]*Paper, error) {
	var w openAlexWork
	if err := decodeObject(data, &w); err != nil {
		return nil, err
	}
	p := &Paper{Source: OpenAlexSource}
	var err error
	if p.Title, err = firstText(w.Title, w.DisplayName); err != nil {
		return nil, err
	}
	if p.Abstract, err = invertedAbstract(w.InvertedIndex); err != nil {
		return nil, err
	}
	if p.Abstract == "" {
		if p.Abstract, err = firstText(w.Abstract); err != nil {
			return nil, err
		}
	}

	var ids struct {
		OpenAlex json.RawMessage `json:"openalex"`
		DOI      json.RawMessage `json:"doi"`
		ArXiv    json.RawMessage `json:"arxiv"`
	}
	if isObject(w.IDs) {
		_ = json.Unmarshal(w.IDs, &ids) // an odd shape leaves ids empty
	}
	for _, raw := range []json.RawMessage{w.ID, ids.OpenAlex} {
		s := scalar(raw)
		if s == "" {
			continue
		}
		id, ok := openAlexID(s)
		if ok && id[0] != 'W' {
			return nil, ErrShape // an author, source, institution...
		}
		if !ok {
			id = s
		}
		p.ID = id
		if strings.Contains(s, "://") {
			p.URL = s
		}
		break
	}
	for _, raw := range []json.RawMessage{w.DOI, ids.DOI} {
		if doi, ok := ParseDOI(scalar(raw)); ok {
			p.DOI = doi
			break
		}
	}
	candidates := []string{scalar(ids.ArXiv), p.DOI}
	candidates = append(candidates, locationURLs(w.PrimaryLocation, w.Locations)...)
	for _, s := range candidates {
		if id, ok := ParseArXivID(s); ok {
			p.ArXivID = id
			break
		}
	}

	for _, raw := range []json.RawMessage{w.PublicationYear, w.PublicationDate} {
		if y := yearOf(raw); y != 0 {
			p.Year = y
			break
		}
	}
	p.Authors = openAlexAuthors(w.Authorships)

	var refs []json.RawMessage
	if json.Unmarshal(w.ReferencedWorks, &refs) == nil {
		for _, raw := range refs {
			if id, ok := openAlexID(scalar(raw)); ok && !slices.Contains(p.References, id) {
				p.References = append(p.References, id)
			}
		}
	}
	if p.Title == "" && p.ID == "" && p.ArXivID == "" && p.DOI == "" {
		return nil, ErrNoTitle
	}
	return []*Paper{p}, nil
}

// openAlexID recognises an OpenAlex id, "https://openalex.org/W2741809807"
// or "W2741809807", and returns its short form. The letter names the kind
// of entity: W for works, A authors, S sources, I institutions...
func openAlexID(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if rest, ok := trimURLHost(s, "openalex.org", "api.openalex.org"); ok {
		s = strings.TrimPrefix(rest, "works/")
	}
	if len(s) < 2 || !allDigits(s[1:]) {
		return "", false
	}
	c := s[0] &^ 0x20 // upper case
	if c < 'A' || c > 'Z' {
		return "", false
	}
	return string(c) + s[1:], true
}

// invertedAbstract rebuilds an abstract from OpenAlex's inverted index, a
// map from each word to the positions it holds. Ties (two words given the
// same position) are broken by the words, so the result is stable.
func invertedAbstract(raw json.RawMessage) (string, error) {
	if isNull(raw) {
		return "", nil
	}
	if !isObject(raw) {
		return "", ErrShape
	}
	var index map[string]json.RawMessage
	if json.Unmarshal(raw, &index) != nil {
		return "", ErrShape
	}
	if inner, ok := index["InvertedIndex"]; ok && len(index) <= 2 {
		if _, ok := index["IndexLength"]; ok || len(index) == 1 {
			return invertedAbstract(inner)
		}
	}
	type slot struct {
		pos  int
		word string
	}
	var slots []slot
	for word, rawPos := range index {
		var positions []int
		if json.Unmarshal(rawPos, &positions) != nil {
			return "", ErrShape
		}
		for _, pos := range positions {
			if pos >= 0 {
				slots = append(slots, slot{pos, word})
			}
		}
	}
	slices.SortFunc(slots, func(a, b slot) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return strings.Compare(a.word, b.word)
	})
	var b strings.Builder
	for i, s := range slots {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.word)
	}
	return clean(b.String()), nil
}

// locationURLs returns the landing page and PDF URLs of a work's
// locations, where arXiv copies of a paper show.
func locationURLs(primary, locations json.RawMessage) []string {
	type location struct {
		LandingPageURL json.RawMessage `json:"landing_page_url"`
		PDFURL         json.RawMessage `json:"pdf_url"`
	}
	var ls []location
	var l location
	if isObject(primary) && json.Unmarshal(primary, &l) == nil {
		ls = append(ls, l)
	}
	var more []json.RawMessage
	if json.Unmarshal(locations, &more) == nil {
		for _, raw := range more {
			var l location
			if isObject(raw) && json.Unmarshal(raw, &l) == nil {
				ls = append(ls, l)
			}
		}
	}
	var urls []string
	for _, l := range ls {
		for _, raw := range []json.RawMessage{l.LandingPageURL, l.PDFURL} {
			if s := scalar(raw); s != "" {
				urls = append(urls, s)
			}
		}
	}
	return urls
}

// openAlexAuthors reads authorships: each author's display_name, else the
// name as printed on the paper.
func openAlexAuthors(raw json.RawMessage) []string {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var names []string
	for _, el := range list {
		var a struct {
			Author struct {
				DisplayName json.RawMessage `json:"display_name"`
			} `json:"author"`
			RawAuthorName json.RawMessage `json:"raw_author_name"`
		}
		if !isObject(el) || json.Unmarshal(el, &a) != nil {
			continue
		}
		for _, f := range []json.RawMessage{a.Author.DisplayName, a.RawAuthorName} {
			if s, ok := text(f); ok && s != "" {
				names = append(names, s)
				break
			}
		}
	}
	return names
}

package corpus

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
)

// SemanticScholarSource is the Source of papers read by a
// SemanticScholarReader, and the name of its format.
const SemanticScholarSource = "semantic-scholar"

// A SemanticScholarReader reads responses of the Semantic Scholar Graph API:
// a single paper (/paper/{id}), a {"data": [...]} envelope (search,
// /paper/{id}/citations and /references), a batch array (/paper/batch,
// where null stands for a paper not found and is skipped) or JSON Lines of
// papers. It reads the input as a JSONReader does, with the same errors
// and positions.
//
// Each paper's paperId becomes Paper.ID, the key paperkg resolves
// citations by; externalIds.ArXiv and externalIds.DOI set Paper.ArXivID
// and Paper.DOI; title, abstract, year (else publicationDate),
// authors[].name and url are read as they are.
//
// A paper's nested "references" (papers it cites) and "citations" (papers
// that cite it) are real citation edges: the paper's References lists the
// paperIds of its references, and each citing paper's References holds
// the paper's id. Nested papers with a title are returned as papers of
// their own after the paper that lists them, references first, each once
// however often the input lists it: a nested paper already returned is
// returned again only when it brings a citation edge not yet returned,
// with References holding all its edges so far. Nested entries without a
// paperId are reference strings Semantic Scholar could not match to a
// paper (often footnotes) and are skipped, as are citing entries without
// a title, whose edge no record could carry. An element of a citations
// or references response wraps its paper as "citingPaper" or
// "citedPaper"; the wrapped paper is read.
type SemanticScholarReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest top-level paper read, nested papers
	// included, as for a JSONReader. 0 means 8 MiB.
	MaxRecordBytes int

	j *JSONReader
	// edges holds, for each paperId returned, the references returned
	// with it, so that nested papers are returned once per new edge.
	edges map[string][]string
}

// NewSemanticScholarReader returns a SemanticScholarReader reading from r.
func NewSemanticScholarReader(r io.Reader) *SemanticScholarReader {
	sr := &SemanticScholarReader{edges: make(map[string][]string)}
	sr.j = newJSONCore(r, sr.convert)
	return sr
}

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *SemanticScholarReader) Read() (*Paper, error) {
	r.j.Path, r.j.MaxRecordBytes = r.Path, r.MaxRecordBytes
	return r.j.Read()
}

type s2Record struct {
	jsonRecord
	Citations   json.RawMessage `json:"citations"`
	References  json.RawMessage `json:"references"`
	CitingPaper json.RawMessage `json:"citingPaper"`
	CitedPaper  json.RawMessage `json:"citedPaper"`
}

// paper converts one paper record, without its nested lists.
func (rec *s2Record) paper() (*Paper, error) {
	p, err := rec.jsonRecord.paper(0)
	if err != nil {
		return nil, err
	}
	if id := scalar(rec.PaperID); id != "" {
		p.ID = id
	}
	p.Source = SemanticScholarSource
	return p, nil
}

// unwrap returns the paper a citations or references element wraps, or
// rec itself.
func (rec *s2Record) unwrap() (*s2Record, bool) {
	if !isNull(rec.PaperID) {
		return rec, true
	}
	for _, raw := range []json.RawMessage{rec.CitingPaper, rec.CitedPaper} {
		if isObject(raw) {
			var inner s2Record
			if json.Unmarshal(raw, &inner) != nil {
				return nil, false
			}
			return &inner, true
		}
	}
	return rec, true
}

func (r *SemanticScholarReader) convert(data []byte) ([]*Paper, error) {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil, nil // a batch's paper not found
	}
	var outer s2Record
	if err := decodeObject(data, &outer); err != nil {
		return nil, err
	}
	rec, ok := outer.unwrap()
	if !ok {
		return nil, ErrShape
	}
	p, err := rec.paper()
	if err != nil {
		return nil, err
	}
	if p.Title == "" && p.ID == "" && p.ArXivID == "" && p.DOI == "" {
		return nil, ErrNoTitle
	}
	self := p.ID
	if self == "" {
		self = p.PID()
	}

	// Nested papers in order, each once, with the edges the record gives.
	var nested []*Paper
	index := make(map[string]int)
	add := func(q *Paper, ref string) {
		if i, ok := index[q.ID]; ok {
			if ref != "" && !slices.Contains(nested[i].References, ref) {
				nested[i].References = append(nested[i].References, ref)
			}
			return
		}
		if ref != "" {
			q.References = []string{ref}
		}
		index[q.ID] = len(nested)
		nested = append(nested, q)
	}
	for _, q := range nestedS2(rec.References) {
		if !slices.Contains(p.References, q.ID) && q.ID != p.ID {
			p.References = append(p.References, q.ID)
		}
		if q.Title != "" && q.ID != p.ID {
			add(q, "")
		}
	}
	for _, q := range nestedS2(rec.Citations) {
		if q.Title != "" && q.ID != p.ID {
			add(q, self)
		}
	}

	out := []*Paper{r.note(p, true)}
	for _, q := range nested {
		if q = r.note(q, false); q != nil {
			out = append(out, q)
		}
	}
	return out, nil
}

// note records the edges of a paper about to be returned and returns it
// with References holding all its edges so far, or nil for a nested paper
// that was returned before and brings no new edge.
func (r *SemanticScholarReader) note(p *Paper, top bool) *Paper {
	if p.ID == "" {
		return p
	}
	prev, seen := r.edges[p.ID]
	refs := slices.Clone(prev)
	for _, ref := range p.References {
		if !slices.Contains(refs, ref) {
			refs = append(refs, ref)
		}
	}
	if seen && !top && len(refs) == len(prev) {
		return nil
	}
	r.edges[p.ID] = refs
	p.References = refs
	if len(refs) == 0 {
		p.References = nil
	}
	return p
}

// nestedS2 reads a list of nested papers, keeping those with a paperId.
// Entries of an unexpected shape are skipped: they are metadata of the
// paper that lists them.
func nestedS2(raw json.RawMessage) []*Paper {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []*Paper
	for _, el := range list {
		if !isObject(el) {
			continue
		}
		var outer s2Record
		if json.Unmarshal(el, &outer) != nil {
			continue
		}
		rec, ok := outer.unwrap()
		if !ok {
			continue
		}
		q, err := rec.paper()
		if err != nil || scalar(rec.PaperID) == "" {
			continue
		}
		out = append(out, q)
	}
	return out
}

package corpus

import (
	"encoding/json"
	"io"
)

// HFDailySource is the Source of papers read by an HFDailyReader, and the
// name of its format.
const HFDailySource = "hf-daily"

// An HFDailyReader reads the JSON of Hugging Face's papers API: the daily
// papers list (/api/daily_papers), an array of items each wrapping a paper
// as {"paper": {"id", "title", "summary", "authors": [{"name"}],
// "publishedAt"}, ...}, or bare paper objects (/api/papers/{id}). It
// reads the input as a JSONReader does, with the same errors and
// positions.
//
// The wrapped paper's fields win over the item's own copies (the item's
// publishedAt is when it was listed, not when the paper appeared). The
// paper id is an arXiv id: it sets Paper.ID and Paper.ArXivID, and
// Paper.URL is the paper's arXiv page.
type HFDailyReader struct {
	// Path names the input in errors.
	Path string
	// MaxRecordBytes is the longest item read, as for a JSONReader.
	// 0 means 8 MiB.
	MaxRecordBytes int

	j *JSONReader
}

// NewHFDailyReader returns an HFDailyReader reading from r.
func NewHFDailyReader(r io.Reader) *HFDailyReader {
	return &HFDailyReader{j: newJSONCore(r, parseHFItem)}
}

// Read returns the next paper. At the end of the input it returns nil,
// io.EOF.
func (r *HFDailyReader) Read() (*Paper, error) {
	r.j.Path, r.j.MaxRecordBytes = r.Path, r.MaxRecordBytes
	return r.j.Read()
}

func parseHFItem(data []byte) ([]*Paper, error) {
	var item jsonRecord
	if err := decodeObject(data, &item); err != nil {
		return nil, err
	}
	p := &Paper{}
	if isObject(item.Paper) {
		var inner jsonRecord
		if json.Unmarshal(item.Paper, &inner) != nil {
			return nil, ErrShape
		}
		q, err := inner.paper(0)
		if err != nil {
			return nil, err
		}
		p = q
	}
	q, err := item.paper(0)
	if err != nil {
		return nil, err
	}
	fillFrom(p, q)
	if p.ArXivID != "" {
		p.URL = arXivAbsURL + p.ArXivID
	}
	if p.Title == "" && p.ID == "" && p.ArXivID == "" && p.DOI == "" {
		return nil, ErrNoTitle
	}
	p.Source = HFDailySource
	return []*Paper{p}, nil
}

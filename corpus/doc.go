// Package corpus reads listings of research papers into Paper records.
//
// It reads three formats, each named in Formats and set in Paper.Source:
//
//   - "papers-page": a Hugging Face papers page saved as text, titles
//     each followed by an abstract line (PageReader);
//   - "jsonl": JSON Lines, one record object a line (JSONLReader);
//   - "json": a JSON array of records, a single record, or an envelope
//     object whose "data", "results", "papers" or "items" field holds the
//     array (JSONReader).
//
// JSON records are read under the field names the usual sources use (id,
// arxiv_id, paperId, doi, title, abstract or summary, year or a date,
// authors as strings or objects, url); see JSONLReader. ParseArXivID and
// ParseDOI recognise identifiers in their many written forms.
//
// Open opens a file by name ("-" for standard input) and NewReader wraps
// an io.Reader. Both decompress gzip, recognised by its first bytes rather
// than the file name, and with format "auto" tell the format from the
// first bytes of the input, using the file extension only to decide
// between formats the content fits equally well:
//
//	f, err := corpus.Open("papers.jsonl.gz", "auto")
//	if err != nil {
//		return err
//	}
//	defer f.Close()
//	for {
//		p, err := f.Read()
//		if err == io.EOF {
//			break
//		}
//		var perr *corpus.ParseError
//		if errors.As(err, &perr) {
//			log.Print(err) // a bad record: skip it
//			continue
//		}
//		if err != nil {
//			return err
//		}
//		use(p)
//	}
//
// # Readers
//
// The readers work like encoding/csv's Reader: create one with its
// NewXReader function, set its configuration fields (Path, the name used in
// errors, and MaxRecordBytes) before the first call to Read, then call
// Read until it returns io.EOF. Read returns one paper at a time and holds
// at most a record (and, for a papers page, its header) in memory, so
// inputs of any size stream. A reader is not safe for concurrent use.
//
// # Errors
//
// A record that cannot be read is reported as a *ParseError, whose Err is
// one of the sentinel errors ErrSyntax, ErrShape, ErrNoTitle or
// ErrTooLong, so errors.Is tells the causes apart. The reader has then
// skipped the record and the next Read goes on with the record after it:
// one bad record never costs the good ones around it. The one exception is
// JSON whose brackets do not balance: there is no telling where the next
// record starts, so the JSONReader returns that *ParseError and then
// io.EOF. Errors of any other type (a failing disk, corrupt gzip) are
// final and are returned again by every later Read.
//
// A ParseError prints as "path:line:col: msg" and gives the position of
// the error: Line and Column of the fault, StartLine of the record it is
// in, and for JSON documents, whose records are not lines, the record's
// 1-based number in Record. Lines and columns are 1-based and columns count
// bytes, not characters (a UTF-8 byte-order mark counts as three); Column
// is 0 when the error concerns a whole line.
package corpus

// Package corpus reads listings of research papers into Paper records.
//
// It reads these formats, each named in Formats and set in Paper.Source
// of the papers it reads:
//
//	format            reader                 input
//	json              JSONReader             a JSON array of records, one record, or an envelope
//	                                         object whose "data", "results", "papers" or
//	                                         "items" field holds the array
//	jsonl             JSONLReader            JSON Lines, one record object a line
//	openalex          OpenAlexReader         OpenAlex works: one, a /works response, or the
//	                                         snapshot's JSON Lines; abstracts rebuilt from
//	                                         abstract_inverted_index, referenced_works as
//	                                         References
//	semantic-scholar  SemanticScholarReader  Semantic Scholar Graph API papers: one, a
//	                                         {"data": [...]} response or a batch array; nested
//	                                         citations and references as papers and edges
//	hf-daily          HFDailyReader          Hugging Face papers API (/api/daily_papers)
//	arxiv-atom        AtomReader             the arXiv API's Atom feeds
//	bibtex            BibTeXReader           BibTeX, with @string macros and LaTeX turned
//	                                         into plain text
//	ris               RISReader              RIS, as Scopus, Zotero, EndNote and PubMed
//	                                         export it
//	csv               CSVReader              CSV with a header (Scopus, Zotero, Embase and
//	                                         spreadsheet exports)
//	papers-page       PageReader             a Hugging Face papers page saved as text
//
// JSON records are read under the field names the usual sources use (id,
// arxiv_id, paperId, doi, title, abstract or summary, year or a date,
// authors as strings or objects, url); see JSONLReader. The formats of
// particular sources read those sources' own fields and identifiers; see
// each reader. ParseArXivID and ParseDOI recognise identifiers in their
// many written forms, and every reader sets Paper.ArXivID wherever an
// arXiv id shows, so that one paper read from two sources has one PID.
//
// Open opens a file by name ("-" for standard input) and NewReader wraps
// an io.Reader. Both decompress gzip, recognised by its first bytes rather
// than the file name, and with format "auto" tell the format from the
// first bytes of the input: marks only one source writes (OpenAlex ids,
// Semantic Scholar's paperId, Hugging Face's daily-paper fields, the Atom
// namespace) win over the generic JSON formats, a leading "@entry{",
// "TY  - " line or CSV header with a title column name BibTeX, RIS and
// CSV, and any other text is a papers page. The file extension only
// decides between formats the content fits equally well. Sniffing looks
// at up to 256 KiB but decides as soon as the first record tells the
// format surely, so that a pipe that delivers records slowly (tail -f) is
// read at once; a read error within the sample is returned by Read after
// the records before it:
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
// errors, MaxRecordBytes and, for CSV, Comma and LazyQuotes) before the
// first call to Read, then call Read until it returns io.EOF. Read returns
// one paper at a time and holds at most a record (and, for a papers page,
// its header) in memory, so inputs of any size stream; the Semantic
// Scholar reader also remembers the ids and citation edges of the papers
// it has returned, so as to return each nested paper once. A reader is
// not safe for concurrent use.
//
// # Errors
//
// A record that cannot be read is reported as a *ParseError, whose Err is
// one of the sentinel errors ErrSyntax, ErrShape, ErrNoTitle, ErrTooLong
// or ErrFieldCount, so errors.Is tells the causes apart. The reader has
// then skipped the record and the next Read goes on with the record after
// it: one bad record never costs the good ones around it. The exceptions
// are inputs that leave no way to find the next record: JSON whose
// brackets do not balance, XML that is not well-formed, a CSV field whose
// quote is never closed and a CSV header without a title column. The
// reader returns that *ParseError and then io.EOF. A BibTeX entry whose
// braces do not balance costs only itself: reading resumes at the next
// line that starts an entry. Errors of any other type (a failing disk,
// corrupt gzip) are final and are returned again by every later Read.
//
// A ParseError prints as "path:line:col: msg" and gives the position of
// the error: Line and Column of the fault, StartLine of the record it is
// in, and for JSON documents, whose records are not lines, the record's
// 1-based number in Record. Lines and columns are 1-based and columns count
// bytes, not characters (a UTF-8 byte-order mark counts as three); Column
// is 0 when the error concerns a whole line or record.
package corpus

package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"golang.org/x/text/unicode/norm"

	"github.com/paperkg/paperkg/corpus"
)

// The term index: each paper's title and abstract as a bag of terms, the
// papers of each term, and each term's document frequency, so that text
// similarity (BM25) needs no scan of the abstracts.
//
//	text/<pid>                the paper's TermVector: term count, then each
//	                          term as length, bytes and count (uvarints)
//	term/<term>/<rank><pid>   posting: the term's count in the paper and
//	                          the paper's length in terms (uvarints)
//	tdf/<term>                how many papers have the term (uvarint)
//	meta/count/tokens         the summed length of all papers
//
// Terms are letters and digits only, so a term never contains '/' and a
// prefix scan of term/<term>/ sees that term's postings alone. <rank> is
// two bytes, big-endian, that order a term's postings by decreasing weight
// of the term in the paper (see postingRank): a query can read the papers
// where a common term weighs most and stop, as with the champion lists of
// Manning, Raghavan and Schütze (2008, "Introduction to Information
// Retrieval", §7.1.3), instead of walking thousands of papers that merely
// use the word. tdf/ gives a term's idf without a walk of its postings.
const (
	textPrefix    = "text/"
	termPrefix    = "term/"
	tdfPrefix     = "tdf/"
	tokensCounter = "tokens"
)

// rankLen is the length in bytes of a posting key's rank.
const rankLen = 2

func textKey(pid string) []byte       { return []byte(textPrefix + pid) }
func tdfKey(term string) []byte       { return []byte(tdfPrefix + term) }
func termPrefixOf(term string) []byte { return []byte(termPrefix + term + "/") }

// termKey is the key of term's posting in paper pid, which has the term
// count times in length terms.
func termKey(term, pid string, count, length int) []byte {
	k := make([]byte, 0, len(termPrefix)+len(term)+1+rankLen+len(pid))
	k = append(k, termPrefix...)
	k = append(k, term...)
	k = append(k, '/')
	k = binary.BigEndian.AppendUint16(k, postingRank(count, length))
	return append(k, pid...)
}

// splitTermKey returns the term and the pid of a term/ key.
func splitTermKey(key []byte) (term, pid string, ok bool) {
	rest, ok := bytes.CutPrefix(key, []byte(termPrefix))
	if !ok {
		return "", "", false
	}
	i := bytes.IndexByte(rest, '/')
	if i < 0 || len(rest) < i+1+rankLen {
		return "", "", false
	}
	return string(rest[:i]), string(rest[i+1+rankLen:]), true
}

func postingValue(count, length int) []byte {
	b := binary.AppendUvarint(nil, uint64(count))
	return binary.AppendUvarint(b, uint64(length))
}

// Postings are ordered by BM25's term frequency saturation, tf (k1 + 1) /
// (tf + k1 (1 − b + b length/avglen)), with the usual k1 and b and
// postingRefLen for the mean length, which the database's own mean cannot
// be: it moves with every paper, and a posting's key must not. Whatever
// the mean, more occurrences in a text of the same length, or as many in
// a shorter one, weigh more; the mean only decides between more
// occurrences in a longer text and fewer in a shorter one, and a reader
// that needs the exact weight computes it from the posting's value.
const (
	postingK1     = 1.2
	postingB      = 0.75
	postingRefLen = 120 // a typical abstract's length in terms; 146 in 70,000 arXiv abstracts
)

// postingRank is the rank part of a posting's key: its saturation on a
// scale of 0 to 65535, subtracted from 65535 so that the heaviest postings
// come first in key order.
func postingRank(count, length int) uint16 {
	if count <= 0 {
		return math.MaxUint16
	}
	tf := float64(count)
	sat := tf / (tf + postingK1*(1-postingB+postingB*float64(length)/postingRefLen)) // in [0, 1)
	return math.MaxUint16 - uint16(math.Round(sat*math.MaxUint16))
}

// TitleWeight is how many times a title's words count: a title names what
// a paper is about in a few words, as the abstract does in many. Field
// weights of this kind are BM25F's (Robertson, Zaragoza and Taylor 2004,
// "Simple BM25 extension to multiple weighted fields").
const TitleWeight = 2

// maxTermLen bounds a term in bytes; longer runs of letters are garbage
// (formulas, URLs without punctuation, base64).
const maxTermLen = 40

// A TermVector is a paper's text as a bag of terms.
type TermVector struct {
	Terms  []string // in increasing order
	Counts []int    // Counts[i] is how often Terms[i] occurs
	Length int      // the sum of Counts
}

// Count returns how often term occurs in v.
func (v TermVector) Count(term string) int {
	if i, ok := slices.BinarySearch(v.Terms, term); ok {
		return v.Counts[i]
	}
	return 0
}

// Terms returns the index terms of a paper's title and abstract, the title
// counted TitleWeight times. Text is folded by NFKC and to lower case and
// cut into runs of letters and digits; runs of digits alone, single
// characters, English function words and runs longer than 40 bytes are
// dropped; plurals are reduced to the singular by Harman's S stemmer
// (Harman 1991, "How effective is suffixing?"): "-ies" to "-y", "-es" to
// "-e", "-s" to nothing, except after "e", "a", "u" or "s" as the rules
// say. So "Reward Models" and "reward model" give the same terms.
func Terms(title, abstract string) TermVector {
	count := make(map[string]int)
	add := func(text string, weight int) {
		for _, w := range words(text) {
			count[w] += weight
		}
	}
	add(title, TitleWeight)
	add(abstract, 1)
	v := TermVector{Terms: make([]string, 0, len(count))}
	for t := range count {
		v.Terms = append(v.Terms, t)
	}
	slices.Sort(v.Terms)
	v.Counts = make([]int, len(v.Terms))
	for i, t := range v.Terms {
		v.Counts[i] = count[t]
		v.Length += count[t]
	}
	return v
}

// words returns the index terms of text in order, repeats included.
func words(text string) []string {
	if isASCII(text) {
		return asciiWords(strings.ToLower(text))
	}
	text = strings.ToLower(norm.NFKC.String(text))
	var out []string
	for len(text) > 0 {
		i := strings.IndexFunc(text, isWordRune)
		if i < 0 {
			break
		}
		text = text[i:]
		j := strings.IndexFunc(text, func(r rune) bool { return !isWordRune(r) })
		if j < 0 {
			j = len(text)
		}
		w := text[:j]
		text = text[j:]
		if len(w) > maxTermLen || utf8.RuneCountInString(w) < 2 || stopWords[w] || allDigits(w) {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// asciiWords is words for lower-case ASCII text, which NFKC leaves as it
// is: most abstracts, read a byte at a time.
func asciiWords(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		for i < len(text) && !isWordByte(text[i]) {
			i++
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if w := text[i:j]; len(w) >= 2 && len(w) <= maxTermLen && !stopWords[w] && !allDigits(w) {
			out = append(out, stem(w))
		}
		i = j
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func allDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// stem applies Harman's S stemmer to a word of more than three letters.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "aes") && !strings.HasSuffix(w, "ees") && !strings.HasSuffix(w, "oes"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// stopWords are English function words: they say nothing of a paper's
// subject. Words frequent in abstracts ("model", "propose") are not here;
// they weigh little by their idf instead.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`
		a about above across after again against all almost along also although am among an and another
		any are around as at be because been before being below between both but by can cannot could
		did do does doing done down during each either else even ever every for from further had has
		have having he her here hers herself him himself his how however i if in into is it its itself
		just least less like made make many may me might more most much must my neither no nor not of
		off often on once one only onto or other others our ours ourselves out over own per rather
		same several she should since so some such than that the their theirs them themselves then
		there therefore these they this those though through thus to too toward towards under until
		up upon us very via was we were what whatever when where whether which while who whom whose
		why will with within without would yet you your yours yourself
		e g ie eg et al`) {
		m[w] = true
	}
	return m
}()

func (v TermVector) encode() []byte {
	b := binary.AppendUvarint(nil, uint64(len(v.Terms)))
	for i, t := range v.Terms {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
		b = binary.AppendUvarint(b, uint64(v.Counts[i]))
	}
	return b
}

func decodeTermVector(b []byte) (TermVector, error) {
	n, _ := binary.Uvarint(b)
	n = min(n, uint64(len(b))) // eachTermCount rejects a count past the end
	v := TermVector{Terms: make([]string, 0, n), Counts: make([]int, 0, n)}
	length, err := eachTermCount(b, func(term []byte, count int) error {
		v.Terms = append(v.Terms, string(term))
		v.Counts = append(v.Counts, count)
		return nil
	})
	if err != nil {
		return TermVector{}, err
	}
	v.Length = length
	return v, nil
}

func decodePosting(b []byte) (count, length int, err error) {
	c, k := binary.Uvarint(b)
	if k <= 0 {
		return 0, 0, errCodec
	}
	l, k2 := binary.Uvarint(b[k:])
	if k2 <= 0 || k+k2 != len(b) {
		return 0, 0, errCodec
	}
	return int(c), int(l), nil
}

// setTerms makes the term index hold p's text as paper pid's, replacing
// what it held before, and updates the tokens counter.
func (w *docWriter) setTerms(pid string, p *corpus.Paper) error {
	next := Terms(p.Title, p.Abstract)
	var old TermVector
	v, ok, err := w.get(textKey(pid))
	if err != nil {
		return err
	}
	if ok {
		if old, err = decodeTermVector(v); err != nil {
			return fmt.Errorf("term vector of %q: %w", pid, ErrCorrupt)
		}
	}
	enc := next.encode()
	if ok && bytes.Equal(v, enc) {
		return nil
	}
	for i, t := range old.Terms {
		n := next.Count(t)
		if n == 0 || postingRank(n, next.Length) != postingRank(old.Counts[i], old.Length) {
			w.del(termKey(t, pid, old.Counts[i], old.Length))
		}
		if n == 0 {
			if err := w.addDF(t, -1); err != nil {
				return err
			}
		}
	}
	for i, t := range next.Terms {
		w.set(termKey(t, pid, next.Counts[i], next.Length), postingValue(next.Counts[i], next.Length))
		if old.Count(t) == 0 {
			if err := w.addDF(t, 1); err != nil {
				return err
			}
		}
	}
	w.set(textKey(pid), enc)
	return w.count(tokensCounter, int64(next.Length-old.Length))
}

// addDF adds delta to the document frequency of term, deleting it at zero
// as counters are.
func (w *docWriter) addDF(term string, delta int) error {
	err := w.addTo(tdfKey(term), int64(delta), decodeDF64, encodeDF)
	if errors.Is(err, errCodec) {
		return fmt.Errorf("document frequency of %q: %w", term, ErrCorrupt)
	}
	return err
}

func decodeDF(b []byte) (int, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || k != len(b) || n > math.MaxInt32 {
		return 0, errCodec
	}
	return int(n), nil
}

func decodeDF64(b []byte) (int64, error) {
	n, err := decodeDF(b)
	return int64(n), err
}

func encodeDF(n int64) []byte { return binary.AppendUvarint(nil, uint64(n)) }

// TextStats describes the term index as a whole.
type TextStats struct {
	Papers int   // papers indexed
	Tokens int64 // their summed length in terms
}

// TextStats returns the number of papers and their summed length in
// terms, from counters.
func (db *DB) TextStats() (TextStats, error) {
	var ts TextStats
	err := db.bdb.View(func(txn *badger.Txn) error {
		for _, c := range []struct {
			name string
			dst  *int64
		}{{papersCounter, nil}, {tokensCounter, &ts.Tokens}} {
			item, err := txn.Get(countKey(c.name))
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			var n int64
			if err := item.Value(func(v []byte) error {
				var err error
				n, err = decodeCount(v)
				return err
			}); err != nil {
				return fmt.Errorf("store: counter %q: %w", c.name, ErrCorrupt)
			}
			if c.dst != nil {
				*c.dst = n
			} else {
				ts.Papers = int(n)
			}
		}
		return nil
	})
	return ts, err
}

// PaperTerms returns the term vector of the paper with the given key or
// identifier (see Resolve). A paper stored without text has an empty one.
func (db *DB) PaperTerms(pid string) (TermVector, error) {
	var v TermVector
	err := db.bdb.View(func(txn *badger.Txn) error {
		key, err := resolve(txn, pid)
		if err != nil {
			return err
		}
		item, err := txn.Get(textKey(key))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error {
			var err error
			if v, err = decodeTermVector(b); err != nil {
				return fmt.Errorf("store: term vector of %q: %w", key, ErrCorrupt)
			}
			return nil
		})
	})
	return v, err
}

// EachTermCount calls fn with every term of each paper of keys in turn,
// the keys the papers are stored under (see Resolve): i is the paper's
// index in keys, length its length in terms, and count how often term
// occurs in it. term is valid only during the call. A paper stored without
// text, or not stored, has no terms. It reads one snapshot and, unlike
// PaperTerms, allocates nothing per term: it suits scoring many papers
// against a few terms.
func (db *DB) EachTermCount(keys []string, fn func(i, length int, term []byte, count int) error) error {
	return db.bdb.View(func(txn *badger.Txn) error {
		for i, key := range keys {
			item, err := txn.Get(textKey(key))
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			err = item.Value(func(b []byte) error {
				length, err := eachTermCount(b, nil)
				if err != nil {
					return err
				}
				_, err = eachTermCount(b, func(term []byte, count int) error { return fn(i, length, term, count) })
				return err
			})
			if errors.Is(err, errCodec) {
				return fmt.Errorf("store: term vector of %q: %w", key, ErrCorrupt)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// eachTermCount calls fn, if not nil, with each term of an encoded term
// vector and its count, and returns the vector's length.
func eachTermCount(b []byte, fn func(term []byte, count int) error) (int, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return 0, errCodec
	}
	b = b[k:]
	length := 0
	for range n {
		l, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < l {
			return 0, errCodec
		}
		term := b[k : k+int(l)]
		b = b[k+int(l):]
		c, k2 := binary.Uvarint(b)
		if k2 <= 0 {
			return 0, errCodec
		}
		b = b[k2:]
		length += int(c)
		if fn != nil {
			if err := fn(term, int(c)); err != nil {
				return 0, err
			}
		}
	}
	if len(b) != 0 {
		return 0, errCodec
	}
	return length, nil
}

// EachPaperTerms calls fn with the key and the term vector of every paper,
// in key order, and stops at the first error fn returns.
func (db *DB) EachPaperTerms(ctx context.Context, fn func(pid string, v TermVector) error) error {
	return db.bdb.View(func(txn *badger.Txn) error {
		prefix := []byte(textPrefix)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 256})
		defer it.Close()
		n := 0
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			item := it.Item()
			pid := string(item.Key()[len(prefix):])
			var v TermVector
			err := item.Value(func(b []byte) error {
				var err error
				v, err = decodeTermVector(b)
				return err
			})
			if err != nil {
				return fmt.Errorf("store: term vector of %q: %w", pid, ErrCorrupt)
			}
			if err := fn(pid, v); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
}

// TermPapers calls fn with the key of every paper whose text has term, the
// term's count in it and the paper's length in terms, and stops at the
// first error fn returns. pid is valid only during the call: a query
// reads thousands of postings and keeps few of them. The papers come by
// decreasing weight of the term in them, its BM25 saturation for a paper
// of typical length (so more occurrences first and, among equal counts,
// shorter papers first), then by key: a caller that wants the papers
// where the term weighs most reads the first few and stops. Terms are as
// Terms makes them: a word that is not one has no papers.
func (db *DB) TermPapers(term string, fn func(pid []byte, count, length int) error) error {
	if !validTerm(term) {
		return nil
	}
	return db.bdb.View(func(txn *badger.Txn) error {
		prefix := termPrefixOf(term)
		// Posting values are a few bytes, kept in the LSM tree beside
		// their keys: prefetching them would only start a goroutine for
		// each.
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			item := it.Item()
			key := item.Key()
			if len(key) < len(prefix)+rankLen {
				return fmt.Errorf("store: posting %q: %w", key, ErrCorrupt)
			}
			var count, length int
			err := item.Value(func(b []byte) error {
				var err error
				count, length, err = decodePosting(b)
				return err
			})
			if err != nil {
				return fmt.Errorf("store: posting %q: %w", key, ErrCorrupt)
			}
			if err := fn(key[len(prefix)+rankLen:], count, length); err != nil {
				return err
			}
		}
		return nil
	})
}

// TermDF returns how many papers have each of terms, their document
// frequencies, in the order of terms; a term no paper has, or a word that
// is not a term, has 0. It reads one key a term, from one snapshot.
func (db *DB) TermDF(terms []string) ([]int, error) {
	df := make([]int, len(terms))
	err := db.bdb.View(func(txn *badger.Txn) error {
		for i, t := range terms {
			if !validTerm(t) {
				continue
			}
			item, err := txn.Get(tdfKey(t))
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			err = item.Value(func(b []byte) error {
				var err error
				df[i], err = decodeDF(b)
				return err
			})
			if err != nil {
				return fmt.Errorf("store: document frequency of %q: %w", t, ErrCorrupt)
			}
		}
		return nil
	})
	return df, err
}

// validTerm reports whether term could be one that Terms makes, and so a
// key part of the term index.
func validTerm(term string) bool {
	return term != "" && len(term) <= maxTermLen && strings.IndexByte(term, '/') < 0
}

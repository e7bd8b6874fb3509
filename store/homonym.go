package store

import (
	"slices"
	"strings"
	"unicode"

	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/extract/lexicon"
)

// An abbreviation means what its paper defines it to mean: "CA" is
// cross-attention in one paper and cellular automata in the next, "ViT" is
// the Vision Transformer or visual instruction tuning. A mention that
// spells out its short form is therefore filed under an entity found by
// that short form only if the entity's own spelled-out names agree with
// it; a mention that only writes the short form goes to the entity that
// has it, the lexicon's or the first paper's to spell it out.

// spelledOut returns those of an entity's name and aliases that spell
// something out (see isSpelledOut).
func spelledOut(name string, aliases []string) []string {
	var long []string
	for _, n := range append([]string{name}, aliases...) {
		if isSpelledOut(n) {
			long = append(long, n)
		}
	}
	return long
}

// isSpelledOut reports whether name is words rather than an abbreviation:
// two or more words, none with more than one capital ("cellular automata",
// "cross-attention", "Speech-Adjacent"; not "CA", "GPT-4o" or "Med-PaLM").
func isSpelledOut(name string) bool {
	words := strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if strings.IndexFunc(w, unicode.IsUpper) != strings.LastIndexFunc(w, unicode.IsUpper) {
			return false
		}
	}
	return len(contentWords(name)) >= 2
}

// fillers are left out when spelled-out names are compared.
var fillers = map[string]bool{
	"a": true, "an": true, "and": true, "by": true, "for": true, "in": true,
	"of": true, "on": true, "the": true, "to": true, "via": true, "with": true,
}

// contentWords returns the words of s that carry meaning, lower-cased and
// cut to their first four letters so that "adapters" meets "adaptation" and
// "networks" meets "network".
func contentWords(s string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if fillers[w] {
			continue
		}
		if r := []rune(w); len(r) > 4 {
			w = string(r[:4])
		}
		words = append(words, w)
	}
	return words
}

// agree reports whether two spelled-out names may name one thing: more
// than half the words of the shorter are in the longer ("sparse mixture of
// experts" and "mixture of experts" agree; "coordinate attention" and
// "cross-attention" do not).
func agree(a, b string) bool {
	wa, wb := contentWords(a), contentWords(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	shared := 0
	for _, w := range wa {
		if slices.Contains(wb, w) {
			shared++
		}
	}
	return 2*shared > len(wa)
}

// disagree reports whether none of the spelled-out names ours agrees with
// any of theirs, both being non-empty.
func disagree(ours, theirs []string) bool {
	if len(ours) == 0 || len(theirs) == 0 {
		return false
	}
	for _, a := range ours {
		for _, b := range theirs {
			if agree(a, b) {
				return false
			}
		}
	}
	return true
}

// known returns the lexicon entry e is a mention of, if any: the entry
// of the first of e's names the lexicon has, unless e spells out a short
// form to mean something the entry does not.
func known(e extract.Entity) (lexicon.Entry, bool) {
	lex := lexicon.Default()
	names := append([]string{e.Name}, e.Aliases...)
	long := spelledOut(e.Name, e.Aliases)
	for _, n := range names {
		entry, ok := lex.Lookup(extract.Normalize(n))
		if !ok {
			continue
		}
		if !isSpelledOut(n) && disagree(long, spelledOut(entry.Name, entry.Aliases)) {
			continue
		}
		return entry, true
	}
	return lexicon.Entry{}, false
}

// conflicts reports whether e, found through its short form by the entity
// rec, defines that short form to mean something else than rec's names say.
func conflicts(e extract.Entity, rec *entityRecord) bool {
	theirs := spelledOut(rec.Name, rec.Aliases)
	if entry, ok := lexicon.Default().Lookup(extract.Normalize(rec.Name)); ok {
		theirs = append(theirs, spelledOut(entry.Name, entry.Aliases)...)
	}
	return disagree(spelledOut(e.Name, e.Aliases), theirs)
}

package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cues are verbs that present what follows as the paper's own: "we
// propose X", "this paper introduces a new benchmark, X".
var cues = map[string]bool{
	"propose": true, "proposes": true, "proposing": true, "introduce": true,
	"introduces": true, "introducing": true, "present": true, "presents": true,
	"presenting": true, "develop": true, "develops": true, "developing": true,
	"design": true, "designs": true, "release": true, "releases": true,
	"releasing": true, "construct": true, "constructs": true, "build": true,
	"builds": true, "curate": true, "curates": true, "create": true, "creates": true,
	"contribute": true, "contributes": true, "establish": true, "devise": true,
	"unveil": true, "offer": true, "introduced": true, "presented": true,
	"developed": true, "designed": true, "built": true, "constructed": true,
	"curated": true, "created": true, "established": true, "released": true,
	"collected": true, "devised": true, "contributed": true,
}

// nearCues present the name right after them: "a new dataset called X",
// "our proposed X".
var nearCues = map[string]bool{
	"dubbed": true, "named": true, "called": true, "termed": true, "coined": true,
	"our": true, "proposed": true, "new": true, "novel": true,
}

// breaks are words between a cue and a name that say the name is used, not
// presented: "we propose a method based on PPO".
var breaks = map[string]bool{
	"using": true, "use": true, "uses": true, "based": true, "via": true, "with": true,
	"by": true, "from": true, "on": true, "than": true, "over": true, "like": true,
	"such": true, "including": true, "compared": true, "against": true, "of": true,
	"upon": true, "leveraging": true, "leverages": true, "leverage": true, "into": true,
	"extends": true, "extending": true, "and": true, "or": true, "in": true,
	"that": true, "which": true, "to": true, "beyond": true, "as": true,
	"existing": true, "for": true, "across": true, "at": true, "within": true,
	"under": true, "about": true, "between": true, "among": true, "through": true,
	"outperforms": true, "outperform": true, "surpasses": true, "surpass": true,
	"versus": true, "vs": true, "where": true, "when": true, "while": true,
}

// introduced reports whether the word at toks[i] is presented as the paper's
// own in its sentence: the object of a cue ("we propose X", "we introduce a
// novel benchmark, X") or right after a near cue ("our X", "called X").
func (x *extraction) introduced(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 10; k-- {
		t := x.toks[k]
		if !t.word {
			c := x.text[t.start]
			if c == ',' || c == '(' || c == ':' || c == '-' || quote(x.text[t.start:t.end]) {
				continue
			}
			return false
		}
		w := strings.ToLower(x.word(k))
		if cues[w] || nearCues[w] && i-k <= 3 {
			return true
		}
		if w == "as" && nearCues[strings.ToLower(x.word(k-1))] {
			continue // "named as X"
		}
		if (w == "and" || w == "or") && describes(strings.ToLower(x.word(k-1))) && describes(strings.ToLower(x.word(k+1))) {
			continue // "a novel and efficient mechanism, X"
		}
		if breaks[w] || t.sent {
			return false
		}
	}
	return false
}

// describes reports whether w is an adjective that abstracts pair in
// presenting their contribution: "a simple and effective", "novel and
// efficient".
func describes(w string) bool {
	switch w {
	case "novel", "new", "simple", "efficient", "effective", "general", "fast",
		"lightweight", "robust", "scalable", "unified", "flexible", "accurate",
		"interpretable", "principled", "modular", "practical", "powerful":
		return true
	}
	return adjective(w)
}

// readContext records what the words around each mention say it is, and
// whether the paper presents it.
func (x *extraction) readContext() {
	order := make([]int, 0, len(x.ms))
	for i := range x.ms {
		if !x.ms[i].dead {
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool { return x.ms[order[a]].start < x.ms[order[b]].start })
	for _, i := range order {
		m := &x.ms[i]
		first := x.tokenAt(m.start)
		next := x.tokenAt(m.end)
		after := next
		if x.punct(after, '(') {
			// "the GUIDE (Guideline-Guided) dataset"
			for after < len(x.toks) && after-next < 12 && !x.punct(after, ')') {
				after++
			}
			after++
		} else if next < len(x.toks) && x.toks[next].start != m.end+1 {
			after = -1
		}
		if k := headKind(x.word(after)); k == kindNot {
			// "the WER metric", but not "D4RL tasks": tasks of D4RL.
			if notNouns[strings.ToLower(x.word(after))] {
				m.kinds[k]++
			}
		} else if k != kindNone {
			m.kinds[k] += 2
		}
		if k := x.apposition(next); k != kindNone {
			m.kinds[k] += 2
		}
		if k, w := x.before(first); k != kindNone {
			m.kinds[k] += w
		}
		// "we design a bidirectional SSM convolution" and "we propose
		// CLIP-guided search" present what the name modifies, not the name.
		compound := first < len(x.toks) && x.toks[first].end > m.end
		// "a Vision Transformer (ViT)-based framework", "a diffusion
		// transformer (DiT) based framework".
		compound = compound || x.punct(after, '-') || strings.EqualFold(x.word(after), "based")
		m.modifies = compound || x.modifier(after)
		if x.introduced(first) && !m.modifies {
			m.intro = true
		}
		m.used = x.usedBefore(first)
		m.subject = x.subject(first, next)
	}
	// Lists share what the noun after or before them says: "on MMLU, GSM8K
	// and HumanEval benchmarks", "datasets such as LRS2 and LRS3".
	for a := 0; a < len(order); {
		b := a
		for b+1 < len(order) && x.listed(x.ms[order[b]].end, x.ms[order[b+1]].start) {
			b++
		}
		if b > a {
			// ctx sums what the words around the items say; all adds the
			// lexicon's types, which type the unknown items only.
			var ctx, all [kindNot + 1]int32
			for _, i := range order[a : b+1] {
				for k, v := range x.ms[i].kinds {
					ctx[k] += v
					all[k] += v
				}
				if e := x.ms[i].entry; e >= 0 {
					all[kindOf(x.lex.Entry(e).Type)]++
				} else if k := suffixKind(x.form(&x.ms[i])); k != kindNone {
					// "PETA, PA100K, MSP60K": a size suffix says
					// what the items of a list are.
					all[k]++
				} else if sh := shapeOf(x.form(&x.ms[i])); sh.innerUpper && !strings.Contains(x.form(&x.ms[i]), " ") {
					// "ANT, EraseAnything, and MACE": so does a name
					// of mixed case.
					all[kindModel]++
				}
			}
			for _, i := range order[a : b+1] {
				sum := all
				if x.ms[i].entry >= 0 {
					sum = ctx
				}
				for k := range sum {
					if x.ms[i].kinds[k] == 0 && sum[k] > 0 {
						x.ms[i].kinds[k] = sum[k]
					}
				}
			}
		}
		a = b + 1
	}
}

// notNouns say, right after a name, that it is no entity: "the WER
// metric", "the FID score", "the Triton library".
var notNouns = map[string]bool{
	"metric": true, "score": true, "measure": true, "distance": true, "error": true,
	"rate": true, "ratio": true, "accuracy": true, "index": true, "library": true,
	"toolkit": true, "package": true, "api": true, "platform": true, "software": true,
	"hardware": true, "chip": true, "processor": true, "language": true,
}

// useCues are words before a name in its sentence that say the paper uses
// it: "based on X", "existing methods such as X", "compared with X".
var useCues = map[string]bool{
	"using": true, "use": true, "uses": true, "used": true, "based": true, "such": true,
	"existing": true, "previous": true, "prior": true, "standard": true,
	"conventional": true, "popular": true, "widely": true, "traditional": true,
	"classic": true, "classical": true, "baseline": true, "baselines": true,
	"compared": true, "against": true, "than": true, "like": true, "including": true,
	"outperforms": true, "outperform": true, "surpasses": true, "surpass": true,
	"versus": true, "vs": true, "leverage": true, "leverages": true, "leveraging": true,
	"adopt": true, "adopts": true, "employ": true, "employs": true, "via": true,
	"built": true, "upon": true, "extends": true, "extending": true, "following": true,
	"e": true, "g": true, "eg": true, "recent": true, "recently": true, "state": true,
	"on": true, "from": true, "combined": true,
}

// usedBefore reports whether a cue of use governs toks[i]: it stands at
// most four words before it, in the same clause or in the list the name
// ends ("such as A, B and X").
func (x *extraction) usedBefore(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 4; k-- {
		t := x.toks[k]
		if t.word && useCues[strings.ToLower(x.word(k))] {
			return true
		}
		if t.sent || !t.word && x.text[t.start] != ',' && x.text[t.start] != '(' {
			return false
		}
		if x.punct(k, ',') && (k == 0 || !x.toks[k-1].name && !x.toks[k-1].capital) {
			return false
		}
	}
	return false
}

// openers are words that may open a sentence before its subject and a
// comma: "Notably, X achieves ...".
var openers = map[string]bool{
	"then": true, "first": true, "second": true, "third": true, "finally": true,
	"thus": true, "hence": true, "therefore": true, "moreover": true, "furthermore": true,
	"additionally": true, "notably": true, "specifically": true, "consequently": true,
	"overall": true, "lastly": true, "importantly": true, "empirically": true,
	"experimentally": true, "besides": true, "meanwhile": true, "further": true,
}

// subject reports whether the mention starting at toks[first], followed by
// toks[next], opens its sentence and is followed by a verb.
func (x *extraction) subject(first, next int) bool {
	if first >= len(x.toks) {
		return false
	}
	t := x.toks[first]
	if t.title {
		return false
	}
	if !t.sent {
		if !x.punct(first-1, ',') || first < 2 || !x.toks[first-2].sent ||
			!openers[strings.ToLower(x.word(first-2))] {
			return false
		}
	}
	w := x.word(next)
	if w == "" || functionWords[w] && !subjectVerbs[w] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && headKind(w) == kindNone
}

// subjectVerbs are the function words that may follow a subject: verbs and
// the adverbs before them. Any other lower-case word that is no type noun is
// taken for a verb.
var subjectVerbs = map[string]bool{
	"is": true, "can": true, "also": true, "further": true, "first": true,
	"significantly": true, "effectively": true, "achieves": true, "outperforms": true,
	"consists": true, "comprises": true, "enables": true, "improves": true, "uses": true,
	"employs": true, "leverages": true, "shows": true, "demonstrates": true,
	"provides": true, "allows": true, "contains": true, "includes": true,
}

// listed reports whether the text between two mentions only separates items
// of a list.
func (x *extraction) listed(end, start int) bool {
	if start < end {
		return false
	}
	s := strings.TrimSpace(x.text[end:start])
	s = strings.TrimSuffix(s, " our")
	switch s {
	case ",", "and", "or", ", and", ", or", "&", "/", ",and", "our":
		return true
	}
	return false
}

// modifier reports whether the word at toks[i], right after a mention, is
// a lower-case noun that the mention modifies, other than a noun that says
// what the mention is: "SSM convolution", but not "Git-10M dataset".
func (x *extraction) modifier(i int) bool {
	w := x.word(i)
	if w == "" || headKind(w) != kindNone {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	return !functionWords[w]
}

// functionWords are lower-case words that cannot be nouns.
var functionWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "that": true, "which": true,
	"and": true, "or": true, "to": true, "for": true, "of": true, "in": true, "on": true,
	"with": true, "by": true, "as": true, "at": true, "from": true, "into": true,
	"via": true, "can": true, "could": true, "will": true, "would": true, "may": true,
	"might": true, "should": true, "must": true, "has": true, "have": true, "had": true,
	"be": true, "been": true, "not": true, "also": true, "then": true, "than": true,
	"but": true, "while": true, "where": true, "when": true, "who": true, "whose": true,
	"outperforms": true, "achieves": true, "uses": true, "employs": true, "leverages": true,
	"consists": true, "comprises": true, "contains": true, "includes": true,
	"enables": true, "allows": true, "provides": true, "improves": true, "shows": true,
	"demonstrates": true, "significantly": true, "further": true, "first": true,
	"effectively": true, "across": true, "through": true, "under": true, "over": true,
	"after": true, "before": true, "without": true, "within": true, "between": true,
}

// apposition reads "X, a large-scale benchmark for ...", "X is a dataset",
// "X (a method ...)" from the token after a mention, and returns the kind
// of the head noun.
func (x *extraction) apposition(i int) kind {
	if x.punct(i, ',') || x.punct(i, '(') || x.punct(i, ':') {
		i++
	} else if w := x.word(i); w == "is" || w == "was" {
		i++
	}
	switch strings.ToLower(x.word(i)) {
	case "a", "an", "the", "our":
		i++
	default:
		return kindNone
	}
	found := kindNone
	for n := 0; n < 8 && i < len(x.toks); n, i = n+1, i+1 {
		w := x.word(i)
		if w == "" {
			if x.punct(i, '-') || x.punct(i, '.') && found == kindNone {
				continue
			}
			break
		}
		lw := strings.ToLower(w)
		if lw == "of" && found == kindNone {
			continue
		}
		if prepositions[lw] || lw == "that" || lw == "which" {
			break
		}
		if k := headKind(phraseHead([]string{w})); k != kindNone {
			found = k
			if x.word(i+1) == "of" {
				// "a set of metrics", "a suite of benchmarks".
				if k2 := headKind(x.word(i + 2)); k2 != kindNone {
					return k2
				}
			}
			continue
		}
		// "a point cloud pretraining framework": a noun that names no
		// entity may qualify the head that follows.
		if found != kindNone && found != kindNot {
			break
		}
	}
	return found
}

// before reads "datasets such as X", "the benchmark X", "a new dataset
// called X" before the mention at toks[i]. Nouns of non-entities are not
// read: in "reasoning tasks X" the noun belongs to the phrase, not to X.
func (x *extraction) before(i int) (kind, int32) {
	k := i - 1
	keyword := false
	for n := 0; n < 3 && k >= 0; n++ {
		w := strings.ToLower(x.word(k))
		if w == "as" && strings.ToLower(x.word(k-1)) == "such" {
			k -= 2
			keyword = true
			continue
		}
		if w == "including" || w == "like" || w == "namely" || w == "called" || w == "as" ||
			w == "named" || w == "dubbed" || w == "termed" || w == "coined" {
			k--
			keyword = true
			continue
		}
		// A comma counts after a keyword only: "benchmarks, including X",
		// but not "Across benchmarks, X improves".
		if x.punct(k, ',') && keyword || x.punct(k, '(') || x.punct(k, ':') {
			k--
			continue
		}
		// "datasets (i.e., X and Y)", "benchmarks (e.g., X)"
		if w == "ie" || w == "eg" || w == "e" || w == "i" || w == "g" || x.punct(k, '.') || x.punct(k, '\\') {
			k--
			n--
			continue
		}
		break
	}
	w := x.word(k)
	if w == "" {
		return kindNone, 0
	}
	if w == "On" && x.toks[k].sent {
		// "On DALES it achieves 81% mIoU": a result reported on X.
		return kindDataset, 1
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return kindNone, 0
	}
	if w == "on" {
		return x.evaluatedOn(k), 1
	}
	if hk := headKind(w); hk != kindNot {
		return hk, 2
	}
	return kindNone, 0
}

// evaluatedOn reads the words before "on" at toks[k]: a name a paper is
// trained or evaluated on is data, and ANNOTATION.md types a test set that
// the text does not call a benchmark as a dataset; what a paper builds on
// is neither.
func (x *extraction) evaluatedOn(k int) kind {
	switch strings.ToLower(x.word(k - 1)) {
	case "based", "built", "builds", "build", "relies", "rely", "relying", "depends",
		"depend", "focus", "focuses", "focusing", "conditioned", "conditioning", "run",
		"runs", "running", "deployed", "implemented", "operates", "operating", "draw",
		"draws", "drawing", "act", "acts", "rests", "work", "works", "improves", "improve":
		return kindNone
	}
	for j := k - 1; j >= 0 && k-j <= 5; j-- {
		if dataWords[strings.ToLower(x.word(j))] {
			return kindDataset
		}
		if x.toks[j].sent {
			break
		}
	}
	return kindNone
}

// dataWords before "on" say that what follows is data: "trained on X",
// "experiments on X", "gains on X".
var dataWords = map[string]bool{
	"trained": true, "training": true, "pretrained": true, "pre-trained": true,
	"fine-tuned": true, "finetuned": true, "fine-tuning": true, "finetuning": true,
	"collected": true, "learned": true, "learnt": true, "evaluated": true,
	"evaluation": true, "evaluate": true, "evaluations": true, "experiments": true,
	"experiment": true, "results": true, "performance": true, "tested": true,
	"test": true, "benchmarked": true, "achieves": true, "achieve": true,
	"outperforms": true, "outperform": true, "accuracy": true, "scores": true,
	"sota": true, "state-of-the-art": true, "gain": true, "gains": true,
	"improvement": true, "improvements": true, "reaches": true,
}

package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/paperkg/paperkg/corpus"
)

// Doc is one paper of a gold or predicted file: one JSON object a line,
// the format of ANNOTATION.md and of paperkg extract.
type Doc struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Abstract string   `json:"abstract,omitempty"`
	Entities []Entity `json:"entities"`
}

// maxLine bounds one line of a JSONL file.
const maxLine = 16 << 20

// ReadDocs reads JSONL documents, skipping blank lines. Errors name the
// 1-based line.
func ReadDocs(r io.Reader) ([]Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var docs []Doc
	n := 0
	for sc.Scan() {
		n++
		t := bytes.TrimSpace(sc.Bytes())
		if len(t) == 0 {
			continue
		}
		var d Doc
		if err := json.Unmarshal(t, &d); err != nil {
			return docs, fmt.Errorf("extract: line %d: %w", n, err)
		}
		if err := d.validate(); err != nil {
			return docs, fmt.Errorf("extract: line %d: %w", n, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return docs, fmt.Errorf("extract: line %d: %w", n+1, err)
	}
	return docs, nil
}

func (d *Doc) validate() error {
	if d.ID == "" && d.Title == "" {
		return errors.New("document has neither an id nor a title")
	}
	for i, e := range d.Entities {
		if strings.TrimSpace(e.Name) == "" {
			return fmt.Errorf("entity %d has no name", i+1)
		}
		switch e.Type {
		case Model, Dataset, Benchmark, Method:
		default:
			return fmt.Errorf("entity %q: unknown type %q, must be one of [model dataset benchmark method]", e.Name, e.Type)
		}
		switch e.Role {
		case Introduces, Uses:
		default:
			return fmt.Errorf("entity %q: unknown role %q, must be one of [introduces uses]", e.Name, e.Role)
		}
	}
	return nil
}

// Counts are the matches and errors of one scoring view, with the
// precision, recall and F1 they give (0 where undefined).
type Counts struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (c *Counts) finish() {
	if c.TP+c.FP > 0 {
		c.Precision = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		c.Recall = float64(c.TP) / float64(c.TP+c.FN)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
}

// Accuracy is the share of Correct among Total, 0 when Total is 0.
type Accuracy struct {
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"`
}

// Report is the result of Score.
type Report struct {
	// Papers is the number of gold papers; Unpaired lists the ids (or
	// titles) of those that have no prediction, whose entities all count as
	// misses.
	Papers   int      `json:"papers"`
	Unpaired []string `json:"unpaired,omitempty"`
	// Untyped matches names only; Typed also needs the same type.
	Untyped Counts `json:"untyped"`
	Typed   Counts `json:"typed"`
	// PerType is the typed view split by type.
	PerType map[Type]Counts `json:"per_type"`
	// Named and Generic split the untyped view: an entity is generic when
	// one of its forms is wholly in lower case. A match counts in the
	// subset of its gold entity.
	Named   Counts `json:"named"`
	Generic Counts `json:"generic"`
	// Role is the share of untyped matches whose roles agree.
	Role Accuracy `json:"role"`
	// Errors lists, for each paper with any, what went wrong.
	Errors []PaperErrors `json:"errors,omitempty"`
}

// PaperErrors are the errors of one paper: gold entities no prediction
// matched, predictions no gold entity matched, and matches whose type or
// role differ.
type PaperErrors struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Missed   []Entity `json:"missed,omitempty"`
	Spurious []Entity `json:"spurious,omitempty"`
	Mistyped []Pair   `json:"mistyped,omitempty"`
	Misroled []Pair   `json:"misroled,omitempty"`
}

// Pair is a gold entity and the prediction matched to it.
type Pair struct {
	Gold Entity `json:"gold"`
	Pred Entity `json:"pred"`
}

// Score compares predictions with gold annotations as ANNOTATION.md's
// "Scoring" says. Papers are paired by id, or by normalised title when the
// ids differ; predictions for papers the gold lacks are ignored. Within a
// paper, a prediction matches a gold entity when a normalised form
// (Normalize) of the one equals one of the other, and each entity is
// matched at most once, as many as possible.
func Score(gold, pred []Doc) Report {
	byID := make(map[string]int, len(pred))
	byTitle := make(map[string]int, len(pred))
	for i, d := range pred {
		if d.ID != "" {
			if _, ok := byID[d.ID]; !ok {
				byID[d.ID] = i
			}
		}
		if t := corpus.NormalizeTitle(d.Title); t != "" {
			if _, ok := byTitle[t]; !ok {
				byTitle[t] = i
			}
		}
	}
	r := Report{Papers: len(gold), PerType: make(map[Type]Counts)}
	perType := make(map[Type]*Counts)
	for _, t := range Types {
		perType[t] = &Counts{}
	}
	for _, g := range gold {
		j, ok := byID[g.ID]
		if !ok || g.ID == "" {
			j, ok = byTitle[corpus.NormalizeTitle(g.Title)]
		}
		var p []Entity
		if ok {
			p = pred[j].Entities
		} else {
			name := g.ID
			if name == "" {
				name = g.Title
			}
			r.Unpaired = append(r.Unpaired, name)
		}
		r.scorePaper(g, p, perType)
	}
	r.Untyped.finish()
	r.Typed.finish()
	r.Named.finish()
	r.Generic.finish()
	for _, t := range Types {
		perType[t].finish()
		r.PerType[t] = *perType[t]
	}
	if r.Role.Total > 0 {
		r.Role.Accuracy = float64(r.Role.Correct) / float64(r.Role.Total)
	}
	return r
}

func (r *Report) scorePaper(g Doc, pred []Entity, perType map[Type]*Counts) {
	gold := g.Entities
	gk, pk := keysOf(gold), keysOf(pred)
	untyped := match(gk, pk, gold, pred, false)
	typed := match(gk, pk, gold, pred, true)

	pe := PaperErrors{ID: g.ID, Title: g.Title}
	goldMatched := make([]bool, len(gold))
	for gi, pi := range untyped {
		if pi < 0 {
			pe.Missed = append(pe.Missed, gold[gi])
			r.Untyped.FN++
			r.subset(gold[gi]).FN++
			continue
		}
		goldMatched[gi] = true
		r.Untyped.TP++
		r.subset(gold[gi]).TP++
		r.Role.Total++
		if roleOf(gold[gi]) == roleOf(pred[pi]) {
			r.Role.Correct++
		} else {
			pe.Misroled = append(pe.Misroled, Pair{gold[gi], pred[pi]})
		}
		if gold[gi].Type != pred[pi].Type {
			pe.Mistyped = append(pe.Mistyped, Pair{gold[gi], pred[pi]})
		}
	}
	predMatched := make([]bool, len(pred))
	for _, pi := range untyped {
		if pi >= 0 {
			predMatched[pi] = true
		}
	}
	for pi, ok := range predMatched {
		if !ok {
			pe.Spurious = append(pe.Spurious, pred[pi])
			r.Untyped.FP++
			r.subset(pred[pi]).FP++
		}
	}

	typedPred := make([]bool, len(pred))
	for gi, pi := range typed {
		c := perType[gold[gi].Type]
		if pi < 0 {
			r.Typed.FN++
			if c != nil {
				c.FN++
			}
			continue
		}
		typedPred[pi] = true
		r.Typed.TP++
		if c != nil {
			c.TP++
		}
	}
	for pi, ok := range typedPred {
		if !ok {
			r.Typed.FP++
			if c := perType[pred[pi].Type]; c != nil {
				c.FP++
			}
		}
	}
	if len(pe.Missed)+len(pe.Spurious)+len(pe.Mistyped)+len(pe.Misroled) > 0 {
		r.Errors = append(r.Errors, pe)
	}
}

func (r *Report) subset(e Entity) *Counts {
	if Generic(e) {
		return &r.Generic
	}
	return &r.Named
}

// roleOf treats a missing role as Uses.
func roleOf(e Entity) Role {
	if e.Role == "" {
		return Uses
	}
	return e.Role
}

// Generic reports whether one of the entity's forms is written wholly in
// lower case ("reinforcement learning", "diffusion models"), the generic
// subset of ANNOTATION.md's scoring.
func Generic(e Entity) bool {
	if lowerForm(e.Name) {
		return true
	}
	for _, a := range e.Aliases {
		if lowerForm(a) {
			return true
		}
	}
	return false
}

func lowerForm(s string) bool {
	letter := false
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letter = true
		}
	}
	return letter
}

// keysOf returns the sorted, distinct normalised forms of each entity.
func keysOf(es []Entity) [][]string {
	out := make([][]string, len(es))
	for i, e := range es {
		ks := []string{Normalize(e.Name)}
		for _, a := range e.Aliases {
			ks = append(ks, Normalize(a))
		}
		sort.Strings(ks)
		var uniq []string
		for j, k := range ks {
			if k != "" && (j == 0 || k != ks[j-1]) {
				uniq = append(uniq, k)
			}
		}
		out[i] = uniq
	}
	return out
}

func meet(a, b []string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// match pairs gold and predicted entities one to one, as many as possible
// (augmenting paths, Kuhn's algorithm), and returns for each gold entity
// the index of its prediction or -1. Candidates are tried in a fixed order,
// those with the same type first, so the result is deterministic.
func match(gk, pk [][]string, gold, pred []Entity, typed bool) []int {
	adj := make([][]int, len(gold))
	for gi := range gold {
		var same, other []int
		for pi := range pred {
			if !meet(gk[gi], pk[pi]) {
				continue
			}
			if gold[gi].Type == pred[pi].Type {
				same = append(same, pi)
			} else if !typed {
				other = append(other, pi)
			}
		}
		adj[gi] = append(same, other...)
	}
	goldOf := make([]int, len(pred))
	for i := range goldOf {
		goldOf[i] = -1
	}
	predOf := make([]int, len(gold))
	for i := range predOf {
		predOf[i] = -1
	}
	var seen []bool
	var augment func(gi int) bool
	augment = func(gi int) bool {
		for _, pi := range adj[gi] {
			if seen[pi] {
				continue
			}
			seen[pi] = true
			if goldOf[pi] < 0 || augment(goldOf[pi]) {
				goldOf[pi] = gi
				predOf[gi] = pi
				return true
			}
		}
		return false
	}
	for gi := range gold {
		seen = make([]bool, len(pred))
		augment(gi)
	}
	return predOf
}

// WriteText writes the report as a small table for people.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "papers %d", r.Papers)
	if len(r.Unpaired) > 0 {
		fmt.Fprintf(&b, " (%d without predictions)", len(r.Unpaired))
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "%-10s %5s %5s %5s %6s %6s %6s\n", "view", "tp", "fp", "fn", "P", "R", "F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-10s %5d %5d %5d %6.3f %6.3f %6.3f\n", name, c.TP, c.FP, c.FN, c.Precision, c.Recall, c.F1)
	}
	row("untyped", r.Untyped)
	row("typed", r.Typed)
	for _, t := range Types {
		row(string(t), r.PerType[t])
	}
	row("named", r.Named)
	row("generic", r.Generic)
	fmt.Fprintf(&b, "role accuracy %.3f (%d/%d)\n", r.Role.Accuracy, r.Role.Correct, r.Role.Total)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteErrors writes the per-paper errors, one line an error.
func (r *Report) WriteErrors(w io.Writer) error {
	var b strings.Builder
	for _, pe := range r.Errors {
		fmt.Fprintf(&b, "%s\t%s\n", pe.ID, pe.Title)
		for _, e := range pe.Missed {
			fmt.Fprintf(&b, "\tmissed\t%s\t%s\t%s\n", e.Name, e.Type, e.Role)
		}
		for _, e := range pe.Spurious {
			fmt.Fprintf(&b, "\tspurious\t%s\t%s\t%s\n", e.Name, e.Type, e.Role)
		}
		for _, p := range pe.Mistyped {
			fmt.Fprintf(&b, "\tmistyped\t%s\t%s, predicted %s (%s)\n", p.Gold.Name, p.Gold.Type, p.Pred.Type, p.Pred.Name)
		}
		for _, p := range pe.Misroled {
			fmt.Fprintf(&b, "\tmisroled\t%s\t%s, predicted %s\n", p.Gold.Name, p.Gold.Role, p.Pred.Role)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

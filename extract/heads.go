package extract

import "strings"

// kind is what a head noun says the thing it names is.
type kind uint8

const (
	kindNone kind = iota
	kindModel
	kindDataset
	kindBenchmark
	kindMethod
	// kindNot marks nouns of things that are not entities: metrics, tasks,
	// fields, software, hardware, representations.
	kindNot
)

func (k kind) typ() Type {
	switch k {
	case kindModel:
		return Model
	case kindDataset:
		return Dataset
	case kindBenchmark:
		return Benchmark
	case kindMethod:
		return Method
	}
	return ""
}

// heads maps singular head nouns, in lower case, to what they name. The
// lists hold the nouns abstracts use to say what a named thing is ("X, a
// benchmark for ...", "the X dataset", "Foo Bar Attention (FBA)").
var heads = map[string]kind{}

func init() {
	for k, words := range map[kind]string{
		kindModel: `model network net architecture backbone llm vlm mllm lmm lvlm slm
			agent system assistant detector generator encoder decoder autoencoder
			tokenizer planner simulator classifier predictor chatbot tracker
			segmenter captioner renderer reasoner solver retriever reranker embedder
			copilot vae gan transformer`,
		kindDataset:   `dataset corpus corpora data database collection survey project`,
		kindBenchmark: `benchmark suite leaderboard testbed arena`,
		kindMethod: `method framework approach algorithm technique strategy mechanism
			module loss objective paradigm pipeline procedure recipe scheme prompting
			attack defense defence protocol optimization optimisation search sampling
			guidance regularization regularisation augmentation distillation tuning
			learning decoding alignment attention layer block merging pruning
			quantization fusion encoding initialization normalization dropout filter
			adapter gating routing calibration refinement steering inversion matching
			training descent propagation`,
		kindNot: `metric measure score distance error rate ratio accuracy precision
			recall divergence coefficient index task problem setting library toolkit
			tool package platform software language format api interface challenge
			competition workshop conference organization organisation company
			university laboratory lab hardware chip processor unit device sensor
			representation cache graph map cloud space recognition detection
			segmentation classification forecasting prediction generation translation
			answering understanding localization localisation tracking summarization
			captioning synthesis reconstruction completion inpainting removal analysis
			processing intelligence vision science engineering art ability capability
			phenomenon effect law theory hypothesis principle property estimation
			university hospital center centre institute department school college
			agency corporation license licence camera orbiter satellite telescope
			english chinese`,
	} {
		for _, w := range strings.Fields(words) {
			heads[w] = k
		}
	}
}

// headKind returns what the noun w names, after folding it to lower case
// and singular.
func headKind(w string) kind {
	w = strings.ToLower(w)
	if k, ok := heads[w]; ok {
		return k
	}
	return heads[singular(w)]
}

// singular strips an English plural ending from a lower-case word.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// prepositions end the head phrase of a long form: the head of "Reinforcement
// Learning from Human Feedback" is "Learning".
var prepositions = map[string]bool{
	"of": true, "for": true, "from": true, "with": true, "via": true, "in": true,
	"on": true, "by": true, "under": true, "to": true, "using": true, "through": true,
	"over": true, "across": true, "at": true, "into": true, "towards": true, "and": true,
}

// phraseHead returns the head word of a noun phrase: its last word before
// the first preposition other than "and", with a hyphenated last word reduced to its last
// part ("Cross-Attention" -> "Attention").
func phraseHead(words []string) string {
	head := ""
	for i, w := range words {
		// "and" joins modifiers or heads: the head of "Semantic
		// Localization and Enhancement Network" is "Network", of
		// "Simultaneous Localization and Mapping" "Mapping".
		if lw := strings.ToLower(w); i > 0 && prepositions[lw] && lw != "and" {
			break
		}
		head = w
	}
	if i := strings.LastIndexAny(head, "-_"); i >= 0 {
		head = head[i+1:]
	}
	return head
}

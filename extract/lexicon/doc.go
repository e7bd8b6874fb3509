// Package lexicon holds paperkg's curated list of well-known models,
// datasets, benchmarks and methods, and of phrases that look like entities
// but are not (metrics, tasks, fields, software, ...), and finds their
// mentions in text.
//
// The lists are UTF-8 tab-separated files. Lines starting with '#' and blank
// lines are skipped. An entity file has one entity a line:
//
//	name<TAB>type<TAB>alias|alias|...
//
// where type is model, dataset, benchmark or method and the aliases column may
// be empty or absent. A file whose name starts with "stop" lists non-entities,
// one a line:
//
//	phrase<TAB>class
//
// where class is one of the Classes. The package embeds the *.tsv files next to
// it; Default returns the lexicon built from them, and Load builds one from any
// file system, for tests and for users with lists of their own.
//
// A Lexicon is read-only once built and safe for concurrent use by multiple
// goroutines.
//
// # Matching
//
// Find reports the mentions of every form (names, aliases and stop phrases)
// in a text as non-overlapping, leftmost-longest byte spans that start and end
// at word boundaries. A mention starts after white space or punctuation, but
// not after one of . + * @ ^ % &, which stand inside names ("Qwen2.5",
// "DualDiff+", "Pass@1"). A hyphen in a form matches a hyphen or white space,
// and a final "s" on a mention is taken as a plural. Case is matched only as far as
// it is safe to ignore it:
//
//   - a form written wholly in lower case ("reinforcement learning") matches in
//     any case, so title case and sentence starts are found; forms of three
//     characters or fewer are the exception and match exactly;
//   - a form whose words are capitalised or lower case and which has more than
//     one word ("Monte Carlo tree search") matches in any case;
//   - a single capitalised word ("Mamba") needs its capital;
//   - a form in mixed case ("LLaMA", "nuScenes", "Qwen2.5") matches in any
//     case that keeps a capital ("Llama", "NuScenes", "QWEN2.5");
//   - any other form (all capitals, or digits without lower-case letters:
//     "CLIP", "MATH", "GPT-4") matches exactly, so the word "clip" is not
//     CLIP and "math" is not the MATH benchmark.
//
// A stop phrase of class "vague" does not hide the names inside it: in
// "LLM-based agents" the phrase is no entity, but LLM is one.
//
// A mention glued to a longer name by a hyphen ("GPT" in "GPT-4o", "MCTS" in
// "ReST-MCTS") is not a mention; one followed by a lower-case compound part
// ("LLM-based", "CLIP-guided") is.
package lexicon

// Package extract finds the named models, datasets, benchmarks and methods
// in a paper's title and abstract, and scores such findings against hand
// annotations.
//
// The rules of what counts, how an entity is named and typed and when a
// paper introduces it are those of ANNOTATION.md; Entity is one such thing
// in one paper.
//
//	for _, e := range extract.Extract(p.Title, p.Abstract) {
//		fmt.Println(e.Name, e.Type, e.Role, e.Aliases)
//	}
//
// # How it works
//
// Extract reads Text(title, abstract) once and gathers mentions from five
// sources, then groups them into entities:
//
//   - the lexicon (package lexicon): well-known names ("GPT-4", "LRS3",
//     "MMLU") and established method families ("reinforcement learning",
//     "diffusion model"), matched case-sensitively where case matters; its
//     stop list of metrics, tasks, fields, software, hardware and the like
//     keeps those phrases out;
//   - abbreviation definitions, "long form (SF)" and "SF (long form)", found
//     by initials and by the algorithm of Schwartz and Hearst (2003); a
//     definition is an entity when the lexicon knows it or the head noun of
//     its long form names a model, dataset, benchmark or method, and never
//     when the head names a metric, task or field ("Fréchet Inception
//     Distance (FID)");
//   - the name a title gives its contribution before a colon ("LipVoicer:
//     Generating Speech ...");
//   - name-like words the lexicon does not know: internal capitals, capitals
//     with digits, acronyms ("nuScenes", "Git-10M", "o1"), and capitalised
//     phrases the text calls a dataset or benchmark ("the MPII Human Pose
//     dataset");
//   - later uses of forms found once.
//
// Mentions of one thing are joined by their normalised forms (Normalize),
// by lexicon entry and by definition. The type comes from the lexicon for
// well-known names (the text decides between dataset and benchmark), else
// from the words around the mentions ("the X dataset", "X, a benchmark
// for", "on A, B and C benchmarks", "datasets such as X"), else from the
// name's suffix (-Net, -Bench, -10M, -7B). A paper introduces what its
// title names before a colon and what a cue presents ("we propose X", "a
// new dataset called X", "our X"); it uses everything else.
//
// # Contracts
//
// Extract and ExtractWith are pure: they read only their arguments and the
// read-only lexicon, and return the same entities for the same input. The
// entities are sorted by Offset, then Name. Offset is the byte offset of
// the first mention in Text(title, abstract), not a rune index; Count is
// the number of mentions. Name is never empty, Aliases never nil and never
// holds Name. Both functions are safe for concurrent use.
//
// # Limits
//
// The extractor reads surface cues, not syntax. It misses names that look
// like ordinary words and that neither the lexicon, a definition, the title
// nor a type noun marks ("Adroit" in a bare list). An undefined acronym with
// no context is dropped unless it has lower-case letters or digits, since
// as many are tasks or metrics as are names. Whether a paper's own named
// system is a model or a method follows the noun the text uses for it and
// defaults to method; annotators often decide otherwise. Generic method
// families are found only when the lexicon lists them. The scoring of Score
// is exactly that of ANNOTATION.md, so a name whose forms all differ from
// the gold forms counts as both a miss and a false positive.
package extract

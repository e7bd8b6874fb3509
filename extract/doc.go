// Package extract finds the named models, datasets, benchmarks and methods
// in a paper's title and abstract, and scores such findings against hand
// annotations.
//
// What counts as an entity, how an entity is named and typed and when a
// paper introduces it follow ANNOTATION.md; an Entity is one such thing in
// one paper.
//
//	for _, e := range extract.Extract(p.Title, p.Abstract) {
//		fmt.Println(e.Name, e.Type, e.Role, e.Aliases)
//	}
//
// # How it works
//
// Extract reads Text(title, abstract) once and gathers mentions from these
// sources, then groups them into entities:
//
//   - the lexicon (package lexicon): well-known names ("GPT-4", "LRS3",
//     "MMLU") and established method families ("reinforcement learning",
//     "diffusion model"), matched case-sensitively where case matters, with
//     the versions that follow a known name ("Claude 3 Opus", "AIME 2024");
//     its stop list of metrics, tasks, fields, software, hardware and the
//     like keeps those phrases out; a mixed-case name written as a plain
//     capitalised word in the title ("Palm" for PaLM) counts only when the
//     abstract names it too; a coordination that leaves out the head words
//     of a method family still names it ("weakly" in "weakly and
//     semi-supervised learning");
//   - abbreviation definitions, "long form (SF)" and "SF (long form)",
//     found by word initials or by the algorithm of Schwartz and Hearst
//     (2003); a definition is an entity when the lexicon knows it, the
//     noun after it names a part of a method ("(SNRP) module"), the head
//     noun of its long form names a model, dataset, benchmark or method,
//     the long form is in title case, or a cue presents it ("a framework,
//     FPS (Formal Problem-Solving)"), and otherwise never when the head
//     names a metric, task or field ("Fréchet Inception Distance (FID)");
//     a defined kind of a known method ("Remote Sensing
//     Retrieval-Augmented Generation (RS-RAG)") keeps the known one too;
//   - the name a title gives its contribution before a colon ("LipVoicer:
//     Generating Speech ..."), and the earlier version of it the text
//     compares with ("the original Dolphin" for "Dolphin-v2");
//   - name-like words the lexicon does not know: internal capitals, capitals
//     with digits, acronyms ("nuScenes", "Git-10M", "o1"), but not ordinary
//     words capitalised to spell an acronym ("FREquency" when the text also
//     writes "frequency");
//   - a capitalised word a cue presents and sets off ("we introduce
//     Sparsify, a ...", "named Themis");
//   - capitalised phrases inside a sentence ("a Deformation Controller"),
//     unless they end in an adjective before a lower-case noun ("a Large
//     Multimodal foundation model"), and before a dataset or benchmark noun
//     ("the MPII Human Pose dataset");
//   - the items a plural noun lists ("baselines (GNOT, Transolver, and
//     ONO)", "datasets such as Kvasir and CVC-300"), when one of them is a
//     name;
//   - later uses of forms found once.
//
// Before any of this the LaTeX that hides names is made plain: Greek
// letters and single letters in math mode ("$\tau$-Bench", "$k$-means"),
// ties and font commands ("\emph{White-Op}").
//
// Mentions of one thing are joined by their normalised forms (Normalize),
// by lexicon entry and by definition. The type comes from the lexicon for
// well-known names, with the text deciding between dataset and benchmark
// (a text that speaks of benchmarks and never of datasets makes the data it
// uses benchmarks);
// else from the words around the mentions ("the X dataset", "X, a
// benchmark for", "on A, B and C benchmarks", "datasets such as X"), the
// name's suffix (-Net, -Former, -CLIP, -Diff, -Bench, -10M, -7B), the head
// noun of a definition and that of the title phrase after the name's colon
// ("CANVAS: Commonsense-Aware Navigation System"); else a new name the
// paper presents is a method. A paper introduces what its title names
// before a colon, what a cue presents ("we propose X", "a new dataset
// called X", "our X"), what it defines in title case and what opens its
// sentences ("X outperforms ..."), unless the text marks it as used
// ("based on X", "existing X"). A name the lexicon knows is introduced
// only by the title or by a cue right before it ("we introduce X"), and a
// generic term never.
//
// # Contracts
//
// Extract and ExtractWith are pure: they read only their arguments and the
// read-only lexicon, and return the same entities for the same input. The
// entities are sorted by Offset, then Name. Offset is the byte offset of
// the first mention in Text(title, abstract), not a rune index; Count is
// the number of mentions. Name is never empty, Aliases never nil and never
// holds Name. Both functions are safe for concurrent use, and their time
// grows about linearly with the length of the text.
//
// # Limits
//
// The extractor reads surface cues, not syntax. It misses names that look
// like ordinary words and that neither the lexicon, a definition, the title
// nor a type noun marks ("Adroit" in a bare list), and generic method
// families the lexicon does not list. An undefined acronym with no context
// is dropped unless it has lower-case letters or digits, since as many are
// tasks, metrics or modalities as are names. Whether a paper's own named
// system is a model or a method follows the noun the text uses for it and
// defaults to method, where annotators often decide otherwise. Capitalised
// phrases that are not names (section-like headings, places) are kept when
// nothing marks them as non-entities.
//
// # Scoring
//
// ReadDocs reads gold or predicted documents in the JSONL format of
// ANNOTATION.md, and Score compares them exactly as its "Scoring" section
// says: untyped and typed micro precision, recall and F1, per type, for
// named and generic entities, and role accuracy, with the errors of each
// paper.
package extract

// Package synth makes synthetic paper listings of any size from a real one,
// for measuring paperkg at scales no real listing at hand reaches.
//
// A Model learns a real listing: the sentences of its abstracts, kept with
// their position (first, middle, last), its titles, cut at a connective
// ("for", "via", "with", ...) into heads and tails, and the name-shaped
// words ("GPT-4", "NeRF", "LiDAR") of both, ranked by how many papers use
// them, with the long forms the listing defines them by ("Neural Radiance
// Fields (NeRF)"). In the sentences and titles the names are cut out,
// leaving slots.
//
// A Generator draws papers from a Model: an abstract that keeps the
// sentences of a real one at random, half of them, and takes the others
// from other abstracts at the same position, so that it keeps a topic
// without copying anyone; a title made of the head of one real title and
// the tail of another; and the slots filled with names. A slot that a cue marks as the paper's own
// ("we propose X", a title's "X: ...") gets a name new to the corpus, so
// every paper introduces its own; any other slot gets one of the names the
// paper already used or, half the time, a name drawn by a Zipf law over
// the real names, most used first, followed by as many made-up names of
// the same shapes ("Kavelu-7B", "RonipaNet") as the corpus needs. So, as
// in a real listing, a few names are in many papers and most in one, and
// the number of distinct names keeps growing with the corpus.
//
//	m, err := synth.Learn(ctx, r) // r: a corpus.Reader over the real listing
//	if err != nil {
//		return err
//	}
//	err = synth.WriteJSONL(ctx, w, synth.NewGenerator(m, seed), 1_000_000)
//
// Contracts: a Generator is deterministic. The same Model (learnt from the
// same papers in the same order) and the same seed give the same papers, and
// the first n papers of a longer run are the papers of a run of n. Papers
// have arXiv-shaped identifiers from 1501.00001 on, which depend only on
// a paper's position: corpora made with different seeds share identifiers,
// so ingest only one of them into a database. A Model is not changed by
// Generators and may be shared by several; a Generator is not safe for
// concurrent use.
package synth

// Package store keeps paperkg's knowledge graph, papers and the entities
// their abstracts mention, in an embedded Badger database.
//
// Open a database with options, put documents (a paper and its extracted
// entities) into it, and read papers, entities and their links back:
//
//	db, err := store.Open(store.DefaultOptions("paperkg.db"))
//	if err != nil {
//		return err
//	}
//	defer db.Close()
//	res, err := db.Put(ctx, docs, reextract)
//	...
//	st, err := db.Stats()
//
// # Keyspace
//
// Every key starts with a short ASCII prefix naming its table. Paper ids
// (pids) may contain '/' (DOIs do); entity ids never do, as they are
// extract.Normalize forms, made of letters and digits only.
//
//	meta/schema          schema version, ASCII decimal ("3")
//	meta/count/<name>    a counter, 8 bytes big-endian: papers, entities,
//	                     mentions, tokens, and type/<type> (entities by type)
//	paper/<pid>          the paper, as the JSON of corpus.Paper
//	pent/<pid>/<eid>     a paper's mention of an entity: mention codec
//	epap/<eid>/<pid>     the inverted index: one role byte, 'i' or 'u'
//	ent/<eid>            the entity, as JSON (see entityRecord)
//	alias/<form>         eid, for every normalised form of every entity
//	title/<title>        pid, under corpus.NormalizeTitle of the title
//	xid/arxiv:<id>       pid, for papers with an arXiv id
//	xid/doi:<doi>        pid, for papers with a DOI (lower case)
//	xid/id:<id>          pid, for papers with an input id (OpenAlex, ...)
//	text/<pid>           the paper's title and abstract as terms (TermVector)
//	term/<term>/<rank><pid>
//	                     the term index: the term's count in the paper and
//	                     the paper's length, the papers in which the term
//	                     weighs most first (see terms.go)
//	tdf/<term>           how many papers have the term, a uvarint
//
// The mention codec is one role byte ('i' introduces, 'u' uses), the count
// and the offset of the first mention as unsigned varints, and the entity
// type as the remaining bytes. It keeps the type the paper gave the entity,
// so that removing a mention can take back the paper's type vote.
//
// A prefix scan of pent/<pid>/ would also see the mentions of a pid that
// extends <pid> with '/'; since entity ids contain no '/', scans skip keys
// whose rest does.
//
// The schema version changes whenever a key or a value changes shape. Open
// refuses a database written with another schema, newer or unknown, with
// an error wrapping ErrSchema.
//
// # Papers
//
// A paper is stored under the PID of the first record that brought it. A
// later record of the same paper (the same PID, arXiv id, DOI or normalised
// title) is merged into it field by field and does not move it, so after a
// merge Paper.PID of the stored record may differ from its key: Paper,
// Mentions and Resolve accept any of a paper's identifiers.
//
// # Entities
//
// Entities meet across papers through alias/: an extracted entity takes the
// id of the first of its normalised forms (its name, then its aliases) that
// some entity has registered, else a new id, the normalised name; then all
// its forms are registered to that id. So "LLMs", "large language models"
// and "Large Language Models (LLMs)" are one entity, and a paper that
// writes only "MCTS" meets the entity another paper defined as "Monte Carlo
// tree search (MCTS)". A form registered by one entity stays with it. An
// entity's type is the majority of the types its papers gave it, and it is
// deleted, with its forms, when its last paper no longer mentions it.
//
// # Transactions and counters
//
// Put commits documents in as few Badger transactions as fit, each paper
// whole with its counter updates, so a crash never leaves half a paper and
// Stats never needs a scan. A DB is safe for concurrent use by multiple
// goroutines; calls to Put are serialised. One process at a time may open a
// database read-write; read-only opens share it with each other only.
package store

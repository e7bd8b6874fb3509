// Package ingest runs the pipeline that adds papers to a database: read
// records with package corpus, find their entities with package extract,
// and commit them with package store.
//
// Extraction runs on several goroutines while the previous batch is being
// committed; batches are committed in input order, so ingesting the same
// input always builds the same database. A bad record is reported through
// Options.OnError and skipped; the records around it are kept.
//
// Cancelling the context stops the pipeline within the batch being
// committed: every committed paper is whole, and running the same ingest
// again completes it. Such a rerun is quick: papers that the database
// holds already, and that their record would not change, skip extraction
// and are counted as unchanged (see store.DB.Unchanged).
//
// Options.OnBatch reports progress after each batch: the running totals,
// and for Files how many bytes of the input files were read, compressed
// bytes for gzip, against their total size.
package ingest

// Package ingest runs the pipeline that adds papers to a database: read
// records with package corpus, find their entities with package extract,
// and commit them with package store.
//
// Extraction runs on several goroutines while the previous batch is being
// committed; batches are committed in input order, so ingesting the same
// input always builds the same database. A bad record is reported through
// Options.OnError and skipped; the records around it are kept. Cancelling
// the context stops the pipeline after the batch being committed: every
// committed paper is whole, and running the same ingest again completes it.
package ingest

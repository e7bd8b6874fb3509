// Package paperkg holds what the whole module shares: the seed listing that
// paperkg demo builds its map from. The work is done by the packages below it:
// corpus reads listings, extract finds entities, store keeps the graph in
// Badger, graph ranks, clusters and exports it.
package paperkg

import _ "embed"

// Seed is the Hugging Face papers page (89 papers, saved as text) that
// paperkg demo uses when it is given no input.
//
//go:embed testdata/papers-page.txt
var Seed []byte

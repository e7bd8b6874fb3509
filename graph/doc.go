// Package graph ranks, clusters and draws the paper–entity graph that
// package store keeps: related papers, citation-like links, topics, and
// the views that the exporters of graph/export write.
//
// Related and RelatedToEntity read the store directly, through its
// inverted index, and suit one query from the command line. Load reads the
// whole graph into memory, from which the views are built:
//
//	g, err := graph.Load(ctx, db)
//	if err != nil {
//		return err
//	}
//	v := g.PaperView(graph.ViewOptions{Top: 200})
//	err = export.WriteDOT(w, &v, export.DOTOptions{})
//
// # Weights
//
// An entity weighs by its inverse document frequency (Spärck Jones 1972;
// Robertson 2004):
//
//	idf(e) = ln(N / df(e))
//
// where N is the number of papers and df(e) the number that mention e. It
// is computed from the stored counts at query time, so adding papers never
// needs a rebuild. Two papers are related by the summed idf of the
// entities they share, as bibliographic coupling relates papers by their
// shared references (Kessler 1963): a rare entity says more than one that
// half the field mentions. Entities in very many papers (see DefaultMaxDF)
// are skipped, since they add little and cost the square of their
// frequency.
//
// A paper that uses an entity another paper introduces gets a directed,
// citation-like link to it: Graph.Uses, and UsesEdge in the paper view.
//
// # Centrality and communities
//
// Node sizes are PageRank (Page, Brin, Motwani and Winograd 1999, "The
// PageRank citation ranking: bringing order to the web"), computed with
// gonum's edge-weighted power iteration and damping factor 0.85:
//
//	PR(v) = (1 − d)/n + d · Σ_{u → v} PR(u) · w(u, v) / Σ_x w(u, x)
//
// with the rank of nodes without out-links spread evenly. Sizes are scaled
// so that the largest node has size 1, and rounded to four decimals.
//
// Groups are the communities that the Louvain method (Blondel, Guillaume,
// Lambiotte and Lefebvre 2008, "Fast unfolding of communities in large
// networks") finds by maximising the modularity
//
//	Q = 1/2m Σ_ij [A_ij − k_i k_j / 2m] δ(c_i, c_j)
//
// at resolution 1, using gonum's implementation with a fixed random source
// so that the same database always gives the same groups. Groups are
// numbered by decreasing size; a node alone in its community has group -1.
//
// # Determinism
//
// Views list their nodes and edges sorted by ID, so that the same database
// always gives the same output, byte for byte, and golden files stay
// stable.
package graph

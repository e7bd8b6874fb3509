// Package graph ranks, clusters and draws the paper–entity graph that
// package store keeps: related papers, citation-like links, topics, and
// the views that the exporters of graph/export write.
//
// Related and RelatedToEntity read the store directly, through its
// inverted indexes of entities and terms, and suit one query from the
// command line. Load reads the whole graph into memory, from which topics
// and views are built:
//
//	g, err := graph.Load(ctx, db)
//	if err != nil {
//		return err
//	}
//	tm, err := g.Topics(ctx, graph.ViewOptions{Resolution: 1})
//	...
//	v, err := g.PaperView(ctx, graph.ViewOptions{Top: 300})
//	...
//	err = export.WriteDOT(w, &v, export.DOTOptions{})
//
// # Weights
//
// An entity weighs by its inverse document frequency (Spärck Jones 1972;
// Robertson 2004):
//
//	idf(e) = ln(N / df(e))
//
// where N is the number of papers and df(e) the number that mention e. A
// term of a title or an abstract weighs by BM25 (Robertson and Zaragoza
// 2009, "The probabilistic relevance framework: BM25 and beyond"):
//
//	w(t, d) = ln(1 + (N − df(t) + 0.5)/(df(t) + 0.5)) · tf (k1 + 1) / (tf + k1 (1 − b + b |d|/avglen))
//
// with k1 = 1.2 and b = 0.75. Both are computed from stored counts at
// query time, so adding papers never needs a rebuild. Entities in very many
// papers (see DefaultMaxDF) are skipped, since they add little and cost the
// square of their frequency.
//
// # Similarity
//
// Shared entities play the part that shared references play in
// bibliographic coupling (Kessler 1963), but most papers share no named
// entity with any other, so the likeness of their texts carries the
// similarity and shared entities raise it:
//
//	s(p, q) = T(p, q) · (1 + β E(p, q))
//
// In the paper graph (PaperView, Topics), T is the cosine of the papers'
// signatures, their 24 terms of highest BM25 weight, and E the cosine of
// their idf-weighted entity vectors; each paper is linked to its ten most
// similar papers. In Related, T is BM25 against the query's terms and E
// the share of the query's entity weight the paper has. β is 0.5 by
// default (DefaultEntityWeight).
//
// A paper that uses an entity another paper introduces gets a directed,
// citation-like link to it (Graph.Uses, UsesEdge in the paper view) when
// their texts are alike too; a node's Influence counts such links to it.
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
// Topics and groups are the communities that the Louvain method
// (Blondel, Guillaume, Lambiotte and Lefebvre 2008, "Fast unfolding of
// communities in large networks") finds by maximising the modularity
//
//	Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)
//
// at resolution γ (1 by default), with a fixed random source so that the
// same database always gives the same topics. Topics are labelled by
// class-based TF-IDF (Grootendorst 2022) over the entities and terms of
// their papers; see Topics. The entity view normalises co-occurrence by
// association strength (van Eck and Waltman 2009), as VOSviewer does.
//
// # Determinism
//
// Views list their nodes and edges sorted by ID, so that the same database
// always gives the same output, byte for byte, and golden files stay
// stable.
package graph

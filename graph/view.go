package graph

// A View is a drawable, exportable slice of the graph: the nodes and edges
// that one map or one export shows. Views are built from the store by the
// functions of this package and written by the exporters of graph/export.
type View struct {
	// Name says what the view shows ("papers", "entities", "bipartite").
	Name     string
	Directed bool
	Nodes    []Node
	Edges    []Edge
}

// Node kinds.
const (
	PaperNode  = "paper"
	EntityNode = "entity"
)

// Edge kinds.
const (
	// SharedEdge links two papers that mention the same entities, or two
	// entities mentioned by the same papers.
	SharedEdge = "shared"
	// MentionEdge links a paper to an entity it mentions (bipartite view).
	MentionEdge = "mentions"
	// UsesEdge is the citation-like edge: the source paper uses an entity
	// that the target paper introduces.
	UsesEdge = "uses"
	// CitesEdge is a real citation recorded by the input.
	CitesEdge = "cites"
)

// A Node is a paper or an entity.
type Node struct {
	ID    string // paper PID, or "e:" + entity id
	Kind  string // PaperNode or EntityNode
	Label string // short text to draw: the entity name, or a short title
	Title string // the full paper title, or the entity name
	Type  string // entity type; empty for papers
	Year  int    // publication year, 0 if unknown
	URL   string // where to read the paper, if known
	// Size is the node's importance in [0, 1] (PageRank or paper count,
	// scaled), used for drawing.
	Size float64
	// Group is the topic or cluster the node belongs to, -1 if none.
	Group int
	// GroupLabel names the group, for legends and clusters.
	GroupLabel string
}

// An Edge joins two nodes of a view by their IDs.
type Edge struct {
	Source, Target string
	Kind           string  // SharedEdge, MentionEdge, UsesEdge or CitesEdge
	Weight         float64 // > 0; summed idf of shared entities for SharedEdge
	// Label explains the edge: the shared or used entity names.
	Label string
}

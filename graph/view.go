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
	// TopicNode stands for a topic of papers (the topics view).
	TopicNode = "topic"
)

// Edge kinds.
const (
	// SharedEdge links two papers that mention the same entities, two
	// entities mentioned by the same papers, or two topics whose papers
	// are linked.
	SharedEdge = "shared"
	// SimilarEdge links two papers whose texts are alike but which share
	// no entity.
	SimilarEdge = "similar"
	// MentionEdge links a paper to an entity it mentions (bipartite view).
	MentionEdge = "mentions"
	// UsesEdge is the citation-like edge: the source paper uses an entity
	// that the target paper introduces.
	UsesEdge = "uses"
	// CitesEdge is a real citation recorded by the input.
	CitesEdge = "cites"
)

// A Node is a paper, an entity or a topic.
type Node struct {
	ID    string // paper PID, "e:" + entity id, or "t:" + topic number
	Kind  string // PaperNode or EntityNode
	Label string // short text to draw: the entity name, or a short title
	Title string // the full paper title, or the entity name
	Type  string // entity type; empty for papers
	Year  int    // publication year, 0 if unknown
	URL   string // where to read the paper, if known
	// Size is the node's importance in [0, 1] (PageRank or paper count,
	// scaled), used for drawing.
	Size float64
	// Group is the topic or cluster the node belongs to, its entity type
	// or its year, as the view's options chose; -1 if none. Group numbers
	// need not be consecutive: a paper's topic keeps its number in every
	// view.
	Group int
	// GroupLabel names the group, for legends and clusters.
	GroupLabel string
	// Influence is, for a paper, how many papers use an entity that it
	// introduces: its citation-like in-degree.
	Influence int
}

// An Edge joins two nodes of a view by their IDs.
type Edge struct {
	Source, Target string
	Kind           string // SharedEdge, SimilarEdge, MentionEdge, UsesEdge or CitesEdge
	// Weight is > 0: for paper links the papers' similarity, for entity
	// links their association strength, for UsesEdge the summed idf of the
	// entities used, for topic links the number of paper links.
	Weight float64
	// Label explains the edge: the shared or used entity names, the
	// shared terms, or the paper's role in a MentionEdge.
	Label string
}

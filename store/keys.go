package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/paperkg/paperkg/extract"
)

// SchemaVersion is the version of the keyspace and codecs this package
// reads and writes. See the package documentation for the layout.
const SchemaVersion = 3

// Table prefixes of the keyspace.
const (
	schemaKey    = "meta/schema"
	countPrefix  = "meta/count/"
	paperPrefix  = "paper/"
	pentPrefix   = "pent/"
	epapPrefix   = "epap/"
	entPrefix    = "ent/"
	aliasPrefix  = "alias/"
	titlePrefix  = "title/"
	xidPrefix    = "xid/"
	xidArXiv     = "arxiv:"
	xidDOI       = "doi:"
	xidID        = "id:"
	typeCounters = "type/"
)

// Counter names under countPrefix.
const (
	papersCounter   = "papers"
	entitiesCounter = "entities"
	mentionsCounter = "mentions"
)

// maxKeyPart bounds the variable part of a key. Badger takes keys up to 64
// KB, but no real paper id, title or entity name comes near this; longer
// ones are garbage from a bad record and are not indexed.
const maxKeyPart = 1024

func paperKey(pid string) []byte         { return []byte(paperPrefix + pid) }
func entKey(eid string) []byte           { return []byte(entPrefix + eid) }
func aliasKey(form string) []byte        { return []byte(aliasPrefix + form) }
func titleKey(title string) []byte       { return []byte(titlePrefix + title) }
func xidKey(kind, id string) []byte      { return []byte(xidPrefix + kind + id) }
func countKey(name string) []byte        { return []byte(countPrefix + name) }
func typeCountKey(t extract.Type) string { return typeCounters + string(t) }

func pentPrefixOf(pid string) []byte { return []byte(pentPrefix + pid + "/") }
func pentKey(pid, eid string) []byte { return []byte(pentPrefix + pid + "/" + eid) }
func epapPrefixOf(eid string) []byte { return []byte(epapPrefix + eid + "/") }
func epapKey(eid, pid string) []byte { return []byte(epapPrefix + eid + "/" + pid) }

// splitPent returns the pid and eid of a pent/ key.
func splitPent(key []byte) (pid, eid string, ok bool) {
	s, ok := strings.CutPrefix(string(key), pentPrefix)
	if !ok {
		return "", "", false
	}
	i := strings.LastIndexByte(s, '/')
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// roleByte encodes a role in one byte.
func roleByte(r extract.Role) byte {
	if r == extract.Introduces {
		return 'i'
	}
	return 'u'
}

func roleOf(b byte) extract.Role {
	if b == 'i' {
		return extract.Introduces
	}
	return extract.Uses
}

// mention is the value of a pent/ key.
type mention struct {
	role   extract.Role
	typ    extract.Type
	count  int
	offset int
}

func (m mention) encode() []byte {
	b := make([]byte, 0, 1+2*binary.MaxVarintLen64+len(m.typ))
	b = append(b, roleByte(m.role))
	b = binary.AppendUvarint(b, uint64(max(m.count, 0)))
	b = binary.AppendUvarint(b, uint64(max(m.offset, 0)))
	return append(b, m.typ...)
}

// errCodec reports a value that does not decode; it is wrapped in
// ErrCorrupt by the callers that know the key.
var errCodec = errors.New("bad value")

func decodeMention(b []byte) (mention, error) {
	if len(b) < 3 {
		return mention{}, errCodec
	}
	m := mention{role: roleOf(b[0])}
	b = b[1:]
	c, n := binary.Uvarint(b)
	if n <= 0 {
		return mention{}, errCodec
	}
	b = b[n:]
	o, n := binary.Uvarint(b)
	if n <= 0 {
		return mention{}, errCodec
	}
	m.count, m.offset, m.typ = int(c), int(o), extract.Type(b[n:])
	return m, nil
}

// entityRecord is the value of an ent/ key, as JSON.
type entityRecord struct {
	// Name is the display name: the first name the entity arrived with,
	// or a later short proper name (see betterName).
	Name string `json:"name"`
	// Type is the majority of Votes, kept so readers need not recount.
	Type extract.Type `json:"type"`
	// Aliases are the other surface forms papers used, at most maxAliases.
	Aliases []string `json:"aliases,omitempty"`
	// Forms are the normalised forms registered to this entity in alias/,
	// at most maxForms; the first is the entity id.
	Forms []string `json:"forms"`
	// Papers is how many papers mention the entity (its df).
	Papers int `json:"papers"`
	// Introduced is how many of them introduce it.
	Introduced int `json:"introduced"`
	// Votes counts the papers by the type they gave the entity.
	Votes map[extract.Type]int `json:"votes"`
}

// Caps on an entity's lists: a few entities (LLM, transformer) are written
// in many ways, and garbage from extraction errors must not grow without end.
const (
	maxAliases = 32
	maxForms   = 64
)

func (r *entityRecord) encode() []byte {
	b, err := json.Marshal(r)
	if err != nil {
		// Only strings, ints and a map of them: Marshal cannot fail.
		panic(fmt.Sprintf("store: encode entity: %v", err))
	}
	return b
}

func decodeEntity(b []byte) (*entityRecord, error) {
	r := new(entityRecord)
	if err := json.Unmarshal(b, r); err != nil {
		return nil, fmt.Errorf("%w: %v", errCodec, err)
	}
	if r.Votes == nil {
		r.Votes = make(map[extract.Type]int)
	}
	return r, nil
}

func encodeCount(n int64) []byte {
	return binary.BigEndian.AppendUint64(nil, uint64(n))
}

func decodeCount(b []byte) (int64, error) {
	if len(b) != 8 {
		return 0, errCodec
	}
	return int64(binary.BigEndian.Uint64(b)), nil
}

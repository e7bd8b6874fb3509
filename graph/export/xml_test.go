package export

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"testing"
)

// xmlElem is an element read back by a strict XML decoder.
type xmlElem struct {
	Name     xml.Name
	Attrs    map[string]string // by local name, or prefix:local for viz and xsi
	Children []*xmlElem
	Text     string
}

// readXML parses b strictly, as a conforming XML reader would, failing
// the test unless it is well-formed.
func readXML(t *testing.T, b []byte) *xmlElem {
	t.Helper()
	root, err := parseXMLTree(b)
	if err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	return root
}

func parseXMLTree(b []byte) (*xmlElem, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var stack []*xmlElem
	var root *xmlElem
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &xmlElem{Name: tok.Name, Attrs: make(map[string]string)}
			for _, a := range tok.Attr {
				name := a.Name.Local
				switch a.Name.Space {
				case "", "xmlns":
				case "http://www.w3.org/2001/XMLSchema-instance":
					name = "xsi:" + name
				default:
					name = a.Name.Space + ":" + name
				}
				if a.Name.Space == "xmlns" {
					name = "xmlns:" + a.Name.Local
				}
				e.Attrs[name] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, e)
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(tok)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	return root, nil
}

// all returns the children named local.
func (e *xmlElem) all(local string) []*xmlElem {
	var out []*xmlElem
	for _, c := range e.Children {
		if c.Name.Local == local {
			out = append(out, c)
		}
	}
	return out
}

// one returns the only child named local, failing the test otherwise.
func (e *xmlElem) one(t *testing.T, local string) *xmlElem {
	t.Helper()
	cs := e.all(local)
	if len(cs) != 1 {
		t.Fatalf("<%s> has %d <%s>, want 1", e.Name.Local, len(cs), local)
	}
	return cs[0]
}

func TestXMLEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<a href="x">&'`, "&lt;a href=&#34;x&#34;&gt;&amp;&#39;"},
		{"tab\tnl\ncr\r", "tab&#x9;nl&#xA;cr&#xD;"},
		{"bell\x01 \uFFFE bad\xff", "bell\uFFFD \uFFFD bad\uFFFD"},
		{"model 🤗 中文 \u0085", "model 🤗 中文 \u0085"},
		{"]]>", "]]&gt;"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		xmlEscape(w, tt.in)
		w.Flush()
		if buf.String() != tt.want {
			t.Errorf("xmlEscape(%q) = %q, want %q", tt.in, buf.String(), tt.want)
		}
		// What a reader gets back is what xmlClean says.
		root := readXML(t, []byte(`<a v="`+buf.String()+`">`+buf.String()+`</a>`))
		if root.Attrs["v"] != xmlClean(tt.in) || root.Text != xmlClean(tt.in) {
			t.Errorf("%q reads back as %q and %q, want %q", tt.in, root.Attrs["v"], root.Text, xmlClean(tt.in))
		}
	}
}

func TestXMLCleanMatchesHostileSanitizing(t *testing.T) {
	// The XML formats lose what DOT and SVG lose, and nothing more.
	for _, h := range hostile {
		if got, want := xmlClean(h.s), sanitized(h.s); got != want {
			t.Errorf("%s: xmlClean gives %q, sanitized %q", h.name, got, want)
		}
	}
}

package export

import (
	"bufio"
	"encoding/xml"
	"io"
	"strings"
	"unicode/utf8"
)

// xmlWriter writes the indented XML of GEXF and GraphML. It is written by
// hand rather than with xml.Encoder, which cannot give the viz: prefix of
// GEXF without declaring the namespace again on every element.
type xmlWriter struct {
	w     *bufio.Writer
	depth int
}

func newXMLWriter(w io.Writer) *xmlWriter {
	x := &xmlWriter{w: bufio.NewWriter(w)}
	x.w.WriteString(xml.Header)
	return x
}

// attrs are name, value pairs.
func (x *xmlWriter) tag(name string, attrs []string, end string) {
	x.w.WriteString(strings.Repeat("  ", x.depth))
	x.w.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.w.WriteString(" " + attrs[i] + `="`)
		xmlEscape(x.w, attrs[i+1])
		x.w.WriteString(`"`)
	}
	x.w.WriteString(end)
}

// open writes a start tag on its own line; close ends it.
func (x *xmlWriter) open(name string, attrs ...string) {
	x.tag(name, attrs, ">\n")
	x.depth++
}

func (x *xmlWriter) close(name string) {
	x.depth--
	x.w.WriteString(strings.Repeat("  ", x.depth) + "</" + name + ">\n")
}

// empty writes an element without content.
func (x *xmlWriter) empty(name string, attrs ...string) {
	x.tag(name, attrs, "/>\n")
}

// text writes an element holding text only, on one line, so that no
// indentation enters the text.
func (x *xmlWriter) text(name, text string, attrs ...string) {
	x.tag(name, attrs, ">")
	xmlEscape(x.w, text)
	x.w.WriteString("</" + name + ">\n")
}

func (x *xmlWriter) flush() error { return x.w.Flush() }

// xmlEscape writes s as XML text or attribute value: '<', '>', '&' and
// both quotes as entities, and tab, newline and carriage return as
// character references, so that the attribute-value normalisation of XML
// readers, which turns them into spaces, leaves them alone. Characters
// that XML 1.0 cannot carry even as references (control characters,
// U+FFFE, U+FFFF, invalid UTF-8) become U+FFFD, as xmlClean says.
func xmlEscape(w *bufio.Writer, s string) {
	// xml.EscapeText does all of this; it fails only when w does, and
	// bufio.Writer keeps that error for flush.
	_ = xml.EscapeText(w, []byte(s))
}

// xmlClean is what an XML reader gets back of a string written by
// xmlEscape.
func xmlClean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !xmlChar(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// xmlChar reports whether r is a Char of XML 1.0 (section 2.2).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// newTable returns a tabwriter for aligned text listings; the caller flushes it.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

// clip shortens s to at most n runes for a one-line listing.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// yearString prints a year, or "-" when it is unknown.
func yearString(y int) string {
	if y == 0 {
		return "-"
	}
	return fmt.Sprint(y)
}

// paperCount says in how many papers something is, in words.
func paperCount(n int) string {
	if n == 1 {
		return "in 1 paper"
	}
	return fmt.Sprintf("in %d papers", n)
}

package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/paperkg/paperkg/graph"
)

// CSV columns, named as WriteJSON names the fields.
var (
	csvNodeHeader = []string{"id", "kind", "label", "title", "type", "year", "url", "size", "group", "group_label"}
	csvEdgeHeader = []string{"source", "target", "kind", "weight", "label"}
)

// WriteCSV writes the nodes of v as a CSV table (RFC 4180, comma
// separated, "\n" line ends, a header row), one row a node in ID order:
//
//	id,kind,label,title,type,year,url,size,group,group_label
//	2106.09685,paper,LoRA,LoRA: Low-Rank Adaptation of Large Language Models,,2021,https://arxiv.org/abs/2106.09685,1,0,fine-tuning
//
// WriteCSVEdges writes the edges, and the two together are what Gephi's
// spreadsheet import, pandas (read_csv) and R read as a node table and an
// edge list: the edge table's source and target are node ids. Cells are
// left empty where WriteJSON leaves a field out (year 0, group -1), and
// written as they are otherwise, quoted when they hold a comma, a quote or
// a line break; invalid UTF-8 becomes U+FFFD. Nothing is done against
// spreadsheets that read a cell starting with '=', '+', '-' or '@' as a
// formula: the cells hold the view's strings exactly.
//
// A command writing a view to FILE.csv writes the two tables to the files
// CSVPaths names. Write, which has one writer, writes the nodes table, an
// empty line and the edges table.
func WriteCSV(w io.Writer, v *graph.View) error {
	s, err := csvSorted(v)
	if err != nil {
		return err
	}
	return writeCSVTable(w, csvNodeHeader, len(s.nodes), func(i int) []string {
		n := s.nodes[i]
		return []string{
			n.ID, n.Kind, n.Label, n.Title, n.Type, intOrEmpty(n.Year, n.Year != 0), n.URL,
			formatFloat(n.Size), intOrEmpty(n.Group, n.Group >= 0), n.GroupLabel,
		}
	})
}

// WriteCSVEdges writes the edges of v as a CSV table, one row an edge in
// the order of the other formats, with the rules of WriteCSV:
//
//	source,target,kind,weight,label
//	2305.14314,2106.09685,uses,1.1,LoRA
func WriteCSVEdges(w io.Writer, v *graph.View) error {
	s, err := csvSorted(v)
	if err != nil {
		return err
	}
	return writeCSVTable(w, csvEdgeHeader, len(s.edges), func(i int) []string {
		e := s.edges[i]
		return []string{e.Source, e.Target, e.Kind, formatFloat(e.Weight), e.Label}
	})
}

// CSVPaths returns the files a CSV export to path is written to: path
// without its extension, followed by "-nodes.csv" and "-edges.csv"
// ("map.csv" gives "map-nodes.csv" and "map-edges.csv").
func CSVPaths(path string) (nodes, edges string) {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	return base + "-nodes.csv", base + "-edges.csv"
}

// writeCSVBoth writes both tables with an empty line between them.
func writeCSVBoth(w io.Writer, v *graph.View) error {
	if err := WriteCSV(w, v); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("export: writing csv: %w", err)
	}
	return WriteCSVEdges(w, v)
}

func csvSorted(v *graph.View) (*sorted, error) {
	s, err := sortView(v)
	if err != nil {
		return nil, err
	}
	if err := checkFinite(s); err != nil {
		return nil, err
	}
	if err := checkCleanIDs(s, validUTF8, "invalid UTF-8 is replaced"); err != nil {
		return nil, err
	}
	return s, nil
}

func writeCSVTable(w io.Writer, header []string, n int, row func(int) []string) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	cw.Write(header)
	for i := range n {
		r := row(i)
		for j := range r {
			r[j] = validUTF8(r[j])
		}
		// csv.Writer keeps the first error for Error.
		cw.Write(r)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: writing csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: writing csv: %w", err)
	}
	return nil
}

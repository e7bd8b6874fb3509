package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHFDailyReader(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []result
	}{
		{
			name: "the paper's fields win over the item's",
			input: `[{"paper": {"id": "2503.11731", "title": "Paper title", "summary": "Paper summary.",
  "authors": [{"_id": "x", "name": "Ann Smith", "hidden": false}, {"name": "Bo Li"}], "publishedAt": "2025-03-14T00:00:00.000Z"},
 "title": "Item title", "summary": "Item summary.", "publishedAt": "2026-01-01T00:00:00.000Z", "numComments": 3}]`,
			want: []result{ok(Paper{
				ID: "2503.11731", ArXivID: "2503.11731", Title: "Paper title", Abstract: "Paper summary.",
				Year: 2025, Authors: []string{"Ann Smith", "Bo Li"}, URL: "https://arxiv.org/abs/2503.11731", Source: HFDailySource,
			})},
		},
		{
			name:  "the item fills what the paper lacks",
			input: `[{"paper": {"id": "2503.11731"}, "title": "Item title", "publishedAt": "2025-03-18T00:00:00.000Z"}]`,
			want: []result{ok(Paper{
				ID: "2503.11731", ArXivID: "2503.11731", Title: "Item title", Year: 2025,
				URL: "https://arxiv.org/abs/2503.11731", Source: HFDailySource,
			})},
		},
		{
			name:  "a bare paper",
			input: `{"id": "2101.00027", "title": "The Pile", "upvotes": 12}`,
			want: []result{ok(Paper{
				ID: "2101.00027", ArXivID: "2101.00027", Title: "The Pile",
				URL: "https://arxiv.org/abs/2101.00027", Source: HFDailySource,
			})},
		},
		{
			name:  "items that are not papers",
			input: "[{\"paper\": {\"upvotes\": 1}, \"numComments\": 0},\n {\"paper\": {\"title\": 5}},\n {\"paper\": {\"id\": \"2101.00027\", \"title\": \"The Pile\"}}]",
			want: []result{
				bad(ParseError{Path: "daily.json", StartLine: 1, Line: 1, Column: 2, Record: 1, Err: ErrNoTitle}),
				bad(ParseError{Path: "daily.json", StartLine: 2, Line: 2, Column: 2, Record: 2, Err: ErrShape}),
				ok(Paper{ID: "2101.00027", ArXivID: "2101.00027", Title: "The Pile", URL: "https://arxiv.org/abs/2101.00027", Source: HFDailySource}),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewHFDailyReader(strings.NewReader(tt.input))
			r.Path = "daily.json"
			got := readAll(t, r, 100)
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("results differ (-want +got):\n%s", diff)
			}
		})
	}
}

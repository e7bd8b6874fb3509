package corpus

import "testing"

func TestParseArXivID(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" if not an arXiv id
	}{
		{"2503.11731", "2503.11731"},
		{"2503.11731v2", "2503.11731"},
		{" 2503.11731v12 ", "2503.11731"},
		{"0704.0001", "0704.0001"},
		{"arXiv:2503.11731", "2503.11731"},
		{"arxiv:2503.11731v1", "2503.11731"},
		{"ARXIV: 2503.11731", "2503.11731"},
		{"https://arxiv.org/abs/2503.11731v3", "2503.11731"},
		{"http://arxiv.org/abs/2503.11731", "2503.11731"},
		{"https://arxiv.org/pdf/2503.11731v1.pdf", "2503.11731"},
		{"https://arxiv.org/pdf/2503.11731", "2503.11731"},
		{"https://www.arxiv.org/abs/2503.11731?context=cs", "2503.11731"},
		{"https://export.arxiv.org/abs/2503.11731/", "2503.11731"},
		{"arxiv.org/html/2503.11731v2", "2503.11731"},
		{"hep-th/9901001", "hep-th/9901001"},
		{"hep-th/9901001v2", "hep-th/9901001"},
		{"arXiv:hep-th/9901001", "hep-th/9901001"},
		{"math.GT/0309136", "math.GT/0309136"},
		{"math.gt/0309136", "math.GT/0309136"},
		{"https://arxiv.org/abs/cond-mat/0207270v1", "cond-mat/0207270"},
		{"10.48550/arXiv.2503.11731", "2503.11731"},
		{"https://doi.org/10.48550/arXiv.2503.11731", "2503.11731"},
		{"", ""},
		{"1234.5678", ""},  // month 34
		{"2513.11731", ""}, // month 13
		{"2503.117", ""},
		{"2503.1173111", ""},
		{"2503.11731x", ""},
		{"2503-11731", ""},
		{"v2", ""},
		{"hep-th/99010", ""},
		{"hep_th/9901001", ""},
		{"-th/9901001", ""},
		{"math.G/0309136", ""},
		{"10.1145/3366423.3380176", ""},
		{"W2741809807", ""},
		{"https://example.org/abs/2503.11731", ""},
		{"https://arxiv.org/list/cs.CL/2503", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseArXivID(tt.in)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("ParseArXivID(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.want != "")
			}
		})
	}
}

func TestParseDOI(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" if not a DOI
	}{
		{"10.1145/3366423.3380176", "10.1145/3366423.3380176"},
		{"10.1093/MIND/LIX.236.433", "10.1093/MIND/LIX.236.433"},
		{"https://doi.org/10.1038/s41586-021-03534-y", "10.1038/s41586-021-03534-y"},
		{"http://dx.doi.org/10.1000/xyz", "10.1000/xyz"},
		{"https://www.doi.org/10.1000/xyz", "10.1000/xyz"},
		{"doi:10.1000/182", "10.1000/182"},
		{"DOI: 10.1000/182", "10.1000/182"},
		{"https://doi.org/10.1000%2Fa%28b%29", "10.1000/a(b)"},
		{"10.1000.10/abc", "10.1000.10/abc"},
		{"10.48550/arXiv.2503.11731", "10.48550/arXiv.2503.11731"},
		{"", ""},
		{"10.1/x", ""},
		{"11.1000/x", ""},
		{"10.1000/", ""},
		{"10.1000", ""},
		{"10.1000/a b", ""},
		{"10.abcd/x", ""},
		{"10..1000/x", ""},
		{"2503.11731", ""},
		{"https://example.org/10.1000/x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDOI(tt.in)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("ParseDOI(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.want != "")
			}
		})
	}
}

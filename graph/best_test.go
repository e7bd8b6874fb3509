package graph

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestBest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 100, 1000} {
		for _, k := range []int{0, 1, 3, 50, n, n + 1} {
			s := make([]int, n)
			for i := range s {
				s[i] = r.IntN(n/2 + 1) // with repeats
			}
			want := slices.Clone(s)
			slices.SortFunc(want, func(a, b int) int { return cmp.Compare(b, a) })
			got := best(s, k, func(a, b int) int { return cmp.Compare(b, a) })
			if w := want[:min(k, n)]; !slices.Equal(got, w) {
				t.Errorf("best of %d, k %d = %v, want %v", n, k, got, w)
			}
			rest := slices.Clone(s)
			slices.Sort(rest)
			all := slices.Clone(want)
			slices.Sort(all)
			if !slices.Equal(rest, all) {
				t.Errorf("best of %d, k %d lost or duplicated elements", n, k)
			}
		}
	}
}

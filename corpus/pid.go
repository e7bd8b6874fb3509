package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// PID returns the key paperkg stores the paper under: its arXiv id, else its
// DOI (lower case, as DOIs are case-insensitive), else the input's own id,
// else "t" followed by 16 hex digits of a SHA-256 of the normalised title.
// It returns "" for a paper with neither an identifier nor a title.
func (p *Paper) PID() string {
	switch {
	case p.ArXivID != "":
		return p.ArXivID
	case p.DOI != "":
		return strings.ToLower(p.DOI)
	case p.ID != "":
		return p.ID
	}
	t := NormalizeTitle(p.Title)
	if t == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(t))
	return "t" + hex.EncodeToString(sum[:8])
}

// NormalizeTitle folds a title to the form under which two records of the
// same paper meet: NFKC, lower case, letters and digits only, single spaces.
// "Secrets of RLHF in Large Language Models  Part I: PPO" and
// "secrets of rlhf in large language models part i ppo" are one title.
func NormalizeTitle(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

package corpus

import (
	"net/url"
	"strings"
	"unicode"
)

// arXivDOIPrefix is the DOI registrant arXiv assigns its papers under:
// 10.48550/arXiv.2503.11731 is the DOI of arXiv paper 2503.11731.
const arXivDOIPrefix = "10.48550/arxiv."

// arXivAbsURL is the address of an arXiv paper's abstract page, less its id.
const arXivAbsURL = "https://arxiv.org/abs/"

// ParseArXivID recognises an arXiv identifier in s and returns it without
// its version, as arXiv lists it: "2503.11731" or "hep-th/9901001".
// It accepts the bare forms, with or without a version ("2503.11731v2"),
// an "arXiv:" prefix, arxiv.org abs, pdf and html URLs, and arXiv DOIs
// ("10.48550/arXiv.2503.11731"). The year-month part of the identifier
// must name a real month, so decimals such as "1234.5678" are not ids.
func ParseArXivID(s string) (id string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if d, ok := ParseDOI(s); ok {
		if len(d) > len(arXivDOIPrefix) && strings.EqualFold(d[:len(arXivDOIPrefix)], arXivDOIPrefix) {
			return ParseArXivID(d[len(arXivDOIPrefix):])
		}
		return "", false
	}
	if rest, ok := trimURLHost(s, "arxiv.org", "export.arxiv.org"); ok {
		s = ""
		for _, dir := range []string{"abs/", "pdf/", "html/", "format/"} {
			if strings.HasPrefix(rest, dir) {
				s = strings.TrimSuffix(strings.TrimSuffix(rest[len(dir):], "/"), ".pdf")
				break
			}
		}
	} else if len(s) > 6 && strings.EqualFold(s[:6], "arxiv:") {
		s = strings.TrimSpace(s[6:])
	}
	s = trimVersion(s)
	if isNewArXivID(s) {
		return s, true
	}
	if i := strings.IndexByte(s, '/'); i > 0 {
		if archive, ok := canonicalArchive(s[:i]); ok && isOldArXivNumber(s[i+1:]) {
			return archive + "/" + s[i+1:], true
		}
	}
	return "", false
}

// isNewArXivID reports whether s is a post-2007 identifier YYMM.NNNN or
// YYMM.NNNNN.
func isNewArXivID(s string) bool {
	if len(s) != 9 && len(s) != 10 || s[4] != '.' {
		return false
	}
	return allDigits(s[:4]) && allDigits(s[5:]) && validMonth(s[2:4])
}

// isOldArXivNumber reports whether s is the YYMMNNN part of a pre-2007
// identifier.
func isOldArXivNumber(s string) bool {
	return len(s) == 7 && allDigits(s) && validMonth(s[2:4])
}

// canonicalArchive recognises an arXiv archive name with an optional
// subject class, "hep-th", "cond-mat" or "math.GT", and returns it in
// arXiv's case: archive lower case, subject class upper case.
func canonicalArchive(s string) (string, bool) {
	name, class, hasClass := strings.Cut(s, ".")
	name = strings.ToLower(name)
	if hasClass {
		if len(class) != 2 || !allLetters(class) {
			return "", false
		}
		class = "." + strings.ToUpper(class)
	}
	if name == "" || name[0] == '-' || name[len(name)-1] == '-' {
		return "", false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c != '-' && (c < 'a' || c > 'z') {
			return "", false
		}
	}
	return name + class, true
}

// trimVersion removes a trailing arXiv version such as "v12".
func trimVersion(s string) string {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i < len(s) && i > 0 && (s[i-1] == 'v' || s[i-1] == 'V') {
		return s[:i-1]
	}
	return s
}

// ParseDOI recognises a DOI in s and returns it in its bare form
// "10.1145/3366423.3380176", with any "doi:" prefix or doi.org URL removed
// and URL escapes decoded. The case is kept: DOIs compare case-insensitively,
// which PID takes care of.
func ParseDOI(s string) (doi string, ok bool) {
	s = strings.TrimSpace(s)
	if rest, ok := trimURLHost(s, "doi.org", "dx.doi.org"); ok {
		if u, err := url.PathUnescape(rest); err == nil {
			rest = u
		}
		s = rest
	} else if len(s) > 4 && strings.EqualFold(s[:4], "doi:") {
		s = strings.TrimSpace(s[4:])
	}
	// 10.<registrant>/<suffix>: the registrant is digits, possibly with
	// dot-separated subdivisions; the suffix is anything without spaces.
	if !strings.HasPrefix(s, "10.") {
		return "", false
	}
	reg, suffix, found := strings.Cut(s[3:], "/")
	if !found || suffix == "" || len(reg) < 4 {
		return "", false
	}
	for _, part := range strings.Split(reg, ".") {
		if part == "" || !allDigits(part) {
			return "", false
		}
	}
	if strings.ContainsFunc(suffix, unicode.IsSpace) {
		return "", false
	}
	return s, true
}

// trimURLHost returns the path of s, without its leading slash, when s is
// an http or https URL (or a scheme-less one) on one of the hosts, with or
// without "www.".
func trimURLHost(s string, hosts ...string) (path string, ok bool) {
	rest := s
	for _, scheme := range []string{"https://", "http://"} {
		if len(rest) >= len(scheme) && strings.EqualFold(rest[:len(scheme)], scheme) {
			rest = rest[len(scheme):]
			break
		}
	}
	host, path, found := strings.Cut(rest, "/")
	if !found {
		return "", false
	}
	host = strings.ToLower(host)
	host = strings.TrimPrefix(host, "www.")
	for _, h := range hosts {
		if host == h {
			// Drop a query or fragment: arxiv.org/abs/2503.11731?context=cs.
			if i := strings.IndexAny(path, "?#"); i >= 0 {
				path = path[:i]
			}
			return path, true
		}
	}
	return "", false
}

func validMonth(mm string) bool {
	return mm >= "01" && mm <= "12"
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

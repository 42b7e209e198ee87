package domain

import "strings"

// ProviderText is text from a provider (or about one) fit to store and
// show: valid UTF-8 without NUL or control characters, at most max
// characters (cut with an ellipsis).
func ProviderText(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > max {
		s = string(r[:max-1]) + "…"
	}
	return s
}

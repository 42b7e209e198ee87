package domain

import (
	"strings"
	"unicode/utf8"
)

// CheckChars refuses, in one-line text, what no field should hold: a NUL
// character, bytes that are not UTF-8 (JSON text always is once decoded; a
// query parameter or form value may not be), and control characters — C0
// (tab, CR, LF, ESC, …), DEL and C1 — and the bidirectional overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) and line separators (U+2028,
// U+2029) that make text display other than it reads. It reports whether s
// passed.
func CheckChars(p *Problems, path, name, s string) bool {
	return checkText(p, path, name, s, false)
}

// CheckNoteChars is CheckChars for multi-line text (a status note): line
// breaks (LF, CR LF) and tabs are kept.
func CheckNoteChars(p *Problems, path, name, s string) bool {
	return checkText(p, path, name, s, true)
}

func checkText(p *Problems, path, name, s string, multiline bool) bool {
	switch {
	case strings.ContainsRune(s, 0):
		p.AddRule(path, RuleBadText, kv("What", "a NUL character"), "%s must not contain a NUL character (\\u0000)", name)
	case !utf8.ValidString(s):
		p.AddRule(path, RuleBadText, kv("What", "bytes that are not text"), "%s must be UTF-8 text", name)
	default:
		for i, r := range s {
			if multiline && (r == '\n' || r == '\t' || r == '\r' && strings.HasPrefix(s[i:], "\r\n")) {
				continue
			}
			if what := controlName(r); what != "" {
				p.AddRule(path, RuleBadText, kv("What", what), "%s must not contain %s (U+%04X)", name, what, r)
				return false
			}
		}
		return true
	}
	return false
}

// controlName names r when it is a control, bidirectional formatting or line
// separator character, and is "" otherwise.
func controlName(r rune) string {
	switch {
	case r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029:
		return "a line break"
	case r == '\t':
		return "a tab"
	case r == 0x1b:
		return "an escape character"
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return "a control character"
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return "a bidirectional text override"
	}
	return ""
}

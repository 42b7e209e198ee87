package domain

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// MaxPasteEntries bounds how many numbers and ranges one paste may hold.
const MaxPasteEntries = 5000

// PasteProblem is what is wrong with one line of a paste (Line counts from 1).
type PasteProblem struct {
	Line    int
	Text    string
	Message string
}

// PasteRange is a contiguous range made of the paste's numbers, with the
// lines it came from.
type PasteRange struct {
	FirstNumber string
	LastNumber  string
	Quantity    int64
	Lines       []int
}

// Paste is a pasted list read and compacted into contiguous ranges.
type Paste struct {
	Ranges   []PasteRange
	Problems []PasteProblem
	Entries  int
}

// Quantity is how many numbers the paste's ranges hold.
func (p *Paste) Quantity() int64 {
	var n int64
	for _, r := range p.Ranges {
		n += r.Quantity
	}
	return n
}

var (
	rangeWord = regexp.MustCompile(`(?i)\s+to\s+`)
	rangeDash = regexp.MustCompile(`\s+[-‐‑‒–—]\s+|[‒–—]`)
	listSep   = regexp.MustCompile(`[,;\t]`)
)

// ParsePaste reads a list of numbers and ranges in the forms people copy
// from spreadsheets and emails: one per line or separated by commas
// (semicolons, tabs), digits with spaces, dashes, dots or brackets between
// them (a leading + is dropped), ranges written "A-B", "A – B" or "A to B".
// "A-B" with no spaces is a range only when its two sides have the same
// number of digits ("3125550100-3125550199"); otherwise the dashes are
// punctuation ("312-555-0100"). Numbers and ranges next to each other are
// compacted into one range; a number given twice, a range running
// backwards, or ends of different lengths are problems of their line.
func ParsePaste(text string) Paste {
	var out Paste
	type item struct {
		first, last string
		line        int
	}
	var items []item
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		for _, entry := range listSep.Split(line, -1) {
			entry = strings.TrimSpace(entry)
			if entry == "" {
				continue
			}
			out.Entries++
			if out.Entries > MaxPasteEntries {
				out.Problems = append(out.Problems, PasteProblem{Line: i + 1, Text: entry,
					Message: fmt.Sprintf("A paste may hold at most %d numbers and ranges; paste the rest separately", MaxPasteEntries)})
				return out
			}
			first, last, msg := parsePasteEntry(entry)
			if msg != "" {
				out.Problems = append(out.Problems, PasteProblem{Line: i + 1, Text: entry, Message: msg})
				continue
			}
			items = append(items, item{first, last, i + 1})
		}
	}
	slices.SortStableFunc(items, func(a, b item) int {
		if len(a.first) != len(b.first) {
			return len(a.first) - len(b.first)
		}
		return strings.Compare(a.first, b.first)
	})
	for _, it := range items {
		f, l := numberValue(it.first), numberValue(it.last)
		if n := len(out.Ranges); n > 0 {
			cur := &out.Ranges[n-1]
			if len(cur.LastNumber) == len(it.first) {
				cl := numberValue(cur.LastNumber)
				if f <= cl {
					out.Problems = append(out.Problems, PasteProblem{Line: it.line, Text: rangeText(it.first, it.last),
						Message: fmt.Sprintf("%s is also on line %s", overlapText(it.first, it.last, cur.LastNumber), joinLines(cur.Lines))})
					continue
				}
				if f == cl+1 {
					cur.LastNumber = it.last
					cur.Quantity += l - f + 1
					if !slices.Contains(cur.Lines, it.line) {
						cur.Lines = append(cur.Lines, it.line)
					}
					continue
				}
			}
		}
		out.Ranges = append(out.Ranges, PasteRange{FirstNumber: it.first, LastNumber: it.last, Quantity: l - f + 1, Lines: []int{it.line}})
	}
	for i := range out.Ranges {
		slices.Sort(out.Ranges[i].Lines)
	}
	slices.SortStableFunc(out.Problems, func(a, b PasteProblem) int { return a.Line - b.Line })
	return out
}

// parsePasteEntry reads one number or range.
func parsePasteEntry(entry string) (first, last, msg string) {
	if parts := rangeWord.Split(entry, -1); len(parts) > 1 {
		return pasteRange(parts)
	}
	if parts := rangeDash.Split(entry, -1); len(parts) > 1 {
		return pasteRange(parts)
	}
	clean, msg := pasteDigits(entry, true)
	if msg != "" {
		return "", "", msg
	}
	groups := strings.Split(clean, "-")
	total := len(strings.Join(groups, ""))
	run := 0
	for k := 1; k < len(groups) && total%2 == 0; k++ {
		if run += len(groups[k-1]); run == total/2 && groups[0] != "" && groups[len(groups)-1] != "" {
			return pasteRange([]string{strings.Join(groups[:k], ""), strings.Join(groups[k:], "")})
		}
	}
	return checkPasteNumber(strings.Join(groups, ""), entry)
}

func pasteRange(parts []string) (first, last, msg string) {
	if len(parts) != 2 {
		return "", "", "A range has two ends: write it as first-last or first to last"
	}
	var m string
	for i, s := range parts {
		d, m2 := pasteDigits(s, false)
		if m2 == "" {
			d, _, m2 = checkPasteNumber(d, s)
		}
		if m2 != "" && m == "" {
			m = m2
		}
		parts[i] = d
	}
	if m != "" {
		return "", "", m
	}
	first, last = parts[0], parts[1]
	switch {
	case len(first) != len(last):
		return "", "", fmt.Sprintf("The two ends of a range must have the same number of digits (%s has %d, %s has %d)", first, len(first), last, len(last))
	case numberValue(last) < numberValue(first):
		return "", "", fmt.Sprintf("The range runs backwards: write the lower number (%s) first", last)
	}
	return first, last, ""
}

// pasteDigits drops the punctuation a number may be written with; with
// keepDash the dashes stay, for the caller to tell a range from punctuation.
func pasteDigits(s string, keepDash bool) (string, string) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "+")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' || r == '‐' || r == '‑':
			if keepDash {
				b.WriteByte('-')
			}
		case r == ' ' || r == '.' || r == '(' || r == ')' || r == '\u00a0':
		default:
			return "", fmt.Sprintf("%q is not a number: use digits, with spaces, dashes, dots or brackets between them", s)
		}
	}
	return b.String(), ""
}

func checkPasteNumber(d, orig string) (string, string, string) {
	switch {
	case d == "":
		return "", "", fmt.Sprintf("%q holds no digits", strings.TrimSpace(orig))
	case len(d) > MaxNumberLength:
		return "", "", fmt.Sprintf("%s has %d digits; a number has at most %d", d, len(d), MaxNumberLength)
	}
	return d, d, ""
}

func rangeText(first, last string) string {
	if first == last {
		return first
	}
	return first + " to " + last
}

func overlapText(first, last, curLast string) string {
	if first == last {
		return first
	}
	end := last
	if numberValue(curLast) < numberValue(last) {
		end = curLast
	}
	return "Part of this range (" + rangeText(first, end) + ")"
}

func joinLines(lines []int) string {
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = fmt.Sprint(l)
	}
	return strings.Join(s, ", ")
}

// Inputs are the paste's ranges as additions with action.
func (p *Paste) Inputs(action string) []PortNumberInput {
	out := make([]PortNumberInput, len(p.Ranges))
	for i, r := range p.Ranges {
		f, l, q, a := r.FirstNumber, r.LastNumber, r.Quantity, action
		out[i] = PortNumberInput{FirstNumber: &f, LastNumber: &l, Quantity: &q, PortAction: &a}
	}
	return out
}

// CheckPaste plans the paste's ranges on svc as saving them would, each
// against the service's ranges and the ones before it, and returns the
// field errors of each range that fails, by index. The service's own refusal
// (a converted quote, no PortingNumber control, an action not allowed) is
// returned as the error, for the whole paste.
func CheckPaste(svc *OrderService, p *Paste, action string) (map[int][]FieldError, error) {
	all := append([]*PortNumber(nil), svc.PortNumbers...)
	out := map[int][]FieldError{}
	for i, in := range p.Inputs(action) {
		pn, err := PlanPortNumber(svc, all, in)
		if ErrorCode(err) == EFORBIDDEN {
			return nil, err
		}
		if err != nil {
			out[i] = append(out[i], ErrorFields(err)...)
			continue
		}
		all = append(all, pn)
	}
	return out, nil
}

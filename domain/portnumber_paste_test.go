package domain_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"switchboard/domain"
)

func rangesOf(p domain.Paste) string {
	var b []string
	for _, r := range p.Ranges {
		b = append(b, fmt.Sprintf("%s..%s×%d", r.FirstNumber, r.LastNumber, r.Quantity))
	}
	return strings.Join(b, " ")
}

func TestParsePaste(t *testing.T) {
	tests := []struct {
		name, text, ranges string
		problems           []string // "line: message prefix"
	}{
		{name: "OnePerLine", text: "3125550100\n3125550101\n3125550102\n", ranges: "3125550100..3125550102×3"},
		{name: "CommaSeparated", text: "3125550100, 3125550102,3125550101", ranges: "3125550100..3125550102×3"},
		{name: "Punctuation", text: "(312) 555-0100\n312.555.0101\n312 555 0102\n+3125550103", ranges: "3125550100..3125550103×4"},
		{name: "DashRange", text: "3125550100-3125550199", ranges: "3125550100..3125550199×100"},
		{name: "PunctuatedDashRange", text: "312-555-0100-312-555-0109", ranges: "3125550100..3125550109×10"},
		{name: "SpacedDashRange", text: "312 555 0100 - 312 555 0109", ranges: "3125550100..3125550109×10"},
		{name: "EnDashRange", text: "3125550100–3125550109", ranges: "3125550100..3125550109×10"},
		{name: "ToRange", text: "3125550100 to 3125550109\n3125550110 TO 3125550119", ranges: "3125550100..3125550119×20"},
		{name: "Gaps", text: "3125550100\n3125550102\n6305550100", ranges: "3125550100..3125550100×1 3125550102..3125550102×1 6305550100..6305550100×1"},
		{name: "LeadingZerosAndLengths", text: "0100\n0101\n100", ranges: "100..100×1 0100..0101×2"},
		{name: "RangeMeetsNumber", text: "3125550100 to 3125550104\n3125550105", ranges: "3125550100..3125550105×6"},
		{name: "SemicolonsTabsBlankLines", text: "3125550100;3125550101\t3125550102\n\n  \n", ranges: "3125550100..3125550102×3"},
		{name: "CRLF", text: "3125550100\r\n3125550101\r\n", ranges: "3125550100..3125550101×2"},

		{name: "ErrLetters", text: "3125550100\ncall me\n", ranges: "3125550100..3125550100×1", problems: []string{`2: "call me" is not a number`}},
		{name: "ErrDuplicate", text: "3125550100\n3125550100", ranges: "3125550100..3125550100×1", problems: []string{"2: 3125550100 is also on line 1"}},
		{name: "ErrOverlappingRanges", text: "3125550100 to 3125550109\n3125550105 to 3125550119", ranges: "3125550100..3125550109×10",
			problems: []string{"2: Part of this range (3125550105 to 3125550109) is also on line 1"}},
		{name: "ErrBackwards", text: "3125550109 to 3125550100", problems: []string{"1: The range runs backwards"}},
		{name: "ErrEndsDiffer", text: "3125550100 to 312555019", problems: []string{"1: The two ends of a range must have the same number of digits"}},
		{name: "ErrThreeEnds", text: "1 to 2 to 3", problems: []string{"1: A range has two ends"}},
		{name: "ErrTooLong", text: "123456789012345678", problems: []string{"1: 123456789012345678 has 18 digits"}},
		{name: "ErrNoDigits", text: "()", problems: []string{`1: "()" holds no digits`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := domain.ParsePaste(tt.text)
			if r := rangesOf(got); r != tt.ranges {
				t.Errorf("ranges = %q, want %q", r, tt.ranges)
			}
			if len(got.Problems) != len(tt.problems) {
				t.Fatalf("problems = %+v, want %v", got.Problems, tt.problems)
			}
			for i, want := range tt.problems {
				p := got.Problems[i]
				if s := fmt.Sprintf("%d: %s", p.Line, p.Message); !strings.HasPrefix(s, want) {
					t.Errorf("problem %d = %q, want it to start %q", i, s, want)
				}
			}
		})
	}
}

func TestParsePasteManyNumbers(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		if i == 150 {
			continue // a gap: two ranges
		}
		fmt.Fprintf(&b, "(312) 555-%04d\n", 1000+i)
	}
	got := domain.ParsePaste(b.String())
	if r, want := rangesOf(got), "3125551000..3125551149×150 3125551151..3125551299×149"; r != want {
		t.Fatalf("ranges = %q, want %q", r, want)
	}
	if got.Quantity() != 299 || got.Entries != 299 {
		t.Fatalf("quantity %d entries %d, want 299", got.Quantity(), got.Entries)
	}
	if len(got.Ranges[1].Lines) != 149 || got.Ranges[1].Lines[0] != 151 {
		t.Fatalf("second range lines = %v…", got.Ranges[1].Lines[:3])
	}
}

// FuzzParsePaste: any text parses without panicking; every range is
// contiguous digits of one length within 17, the ranges never overlap, and
// each range passes the number rules as an addition.
func FuzzParsePaste(f *testing.F) {
	for _, s := range []string{"3125550100", "312-555-0100-312-555-0109", "1 to 9", "(0) 1.2", "99999999999999999-99999999999999999", "a,b;c\td", "–", "0-0", "+ 1 - 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := domain.ParsePaste(text)
		for i, r := range got.Ranges {
			if len(r.FirstNumber) != len(r.LastNumber) || len(r.FirstNumber) == 0 || len(r.FirstNumber) > 17 || !domain.AllDigits(r.FirstNumber+r.LastNumber) {
				t.Fatalf("range %+v is not two digit strings of one length", r)
			}
			in := got.Inputs("Port")[i]
			p, err := domain.PlanPortNumber(service(1<<62), nil, in)
			if err != nil || p.Quantity != r.Quantity {
				t.Fatalf("range %+v: plan %+v, %v", r, p, err)
			}
			if i > 0 {
				prev := got.Ranges[i-1]
				a := &domain.PortNumber{FirstNumber: prev.FirstNumber, LastNumber: prev.LastNumber}
				if a.Overlaps(p) {
					t.Fatalf("ranges %+v and %+v overlap", prev, r)
				}
			}
		}
		for _, p := range got.Problems {
			if !utf8.ValidString(p.Message) && utf8.ValidString(text) {
				t.Fatalf("problem message %q is not UTF-8", p.Message)
			}
		}
	})
}

// FuzzPlanPortNumber: any input is a range satisfying every number rule, or an error; never a panic.
func FuzzPlanPortNumber(f *testing.F) {
	f.Add("", "3125550100", "", int64(0), false)
	f.Add("3125550100", "", "", int64(1), true)
	f.Add("", "0009", "0011", int64(3), true)
	f.Add("", "", "99", int64(100), true)
	f.Fuzz(func(t *testing.T, assoc, first, last string, q int64, hasQ bool) {
		in := domain.PortNumberInput{}
		if assoc != "" {
			in.AssociatedNumber = &assoc
		}
		if first != "" {
			in.FirstNumber = &first
		}
		if last != "" {
			in.LastNumber = &last
		}
		if hasQ {
			in.Quantity = &q
		}
		p, err := domain.PlanPortNumber(service(1<<62), nil, in)
		if err != nil {
			if domain.ErrorCode(err) == domain.EINTERNAL {
				t.Fatalf("internal error %v", err)
			}
			return
		}
		if len(p.FirstNumber) != len(p.LastNumber) || len(p.FirstNumber) > 17 || !domain.AllDigits(p.FirstNumber+p.LastNumber) || p.Quantity < 1 || p.FirstNumber > p.LastNumber {
			t.Fatalf("plan %+v breaks a number rule", p)
		}
	})
}

func TestCheckPaste(t *testing.T) {
	svc := service(10)
	svc.PortNumbers = []*domain.PortNumber{pn("3125550100", "3125550101")}
	p := domain.ParsePaste("3125550101\n3125550200 to 3125550205\n3125550300 to 3125550309")
	got, err := domain.CheckPaste(svc, &p, "Port")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]string{
		0: {"The number range submitted overlaps with another range on the same service."},
		2: {"Quantity for the whole service may not be more than 10, including this operation it will be 18"},
	}
	msgs := map[int][]string{}
	for i, fs := range got {
		for _, f := range fs {
			msgs[i] = append(msgs[i], f.Message)
		}
	}
	if fmt.Sprint(msgs) != fmt.Sprint(want) {
		t.Fatalf("CheckPaste = %v, want %v", got, want)
	}
	svc.IsQuote = false
	if _, err := domain.CheckPaste(svc, &p, "Port"); domain.ErrorMessage(err) != "Only quotes may be updated" {
		t.Fatalf("closed quote: %v", err)
	}
}

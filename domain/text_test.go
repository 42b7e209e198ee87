package domain_test

import (
	"fmt"
	"strings"
	"testing"

	"switchboard/domain"
)

func TestCheckChars(t *testing.T) {
	for _, tt := range []struct {
		name, s    string
		one, multi string // part of the message for one-line and multi-line text; "" when accepted
	}{
		{"Plain", "Dispatch phone, 2nd floor", "", ""},
		{"Accents", "Zoë Müller — Café", "", ""},
		{"ReplacementChar", "a \ufffd b", "", ""},
		{"LeftToRightMark", "abc\u200edef", "", ""},
		{"NUL", "a\x00b", "NUL character", "NUL character"},
		{"NotUTF8", "a\xffb", "UTF-8 text", "UTF-8 text"},
		{"Newline", "line one\nline two", "a line break (U+000A)", ""},
		{"CRLF", "line one\r\nline two", "a line break (U+000D)", ""},
		{"LoneCR", "line one\rline two", "a line break (U+000D)", "a line break (U+000D)"},
		{"Tab", "a\tb", "a tab (U+0009)", ""},
		{"Escape", "red \x1b[31mtext", "an escape character (U+001B)", "an escape character (U+001B)"},
		{"Bell", "a\x07b", "a control character (U+0007)", "a control character (U+0007)"},
		{"DEL", "a\x7fb", "a control character (U+007F)", "a control character (U+007F)"},
		{"C1", "a\u0085b", "a control character (U+0085)", "a control character (U+0085)"},
		{"C1CSI", "a\u009bb", "a control character (U+009B)", "a control character (U+009B)"},
		{"RightToLeftOverride", "invoice\u202efdp.exe", "a bidirectional text override (U+202E)", "a bidirectional text override (U+202E)"},
		{"LeftToRightEmbedding", "a\u202ab", "a bidirectional text override (U+202A)", "a bidirectional text override (U+202A)"},
		{"FirstStrongIsolate", "a\u2068b", "a bidirectional text override (U+2068)", "a bidirectional text override (U+2068)"},
		{"PopIsolate", "a\u2069b", "a bidirectional text override (U+2069)", "a bidirectional text override (U+2069)"},
		{"LineSeparator", "a\u2028b", "a line break (U+2028)", "a line break (U+2028)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				kind  string
				check func(p *domain.Problems, path, name, s string) bool
				want  string
			}{{"one-line", domain.CheckChars, tt.one}, {"multi-line", domain.CheckNoteChars, tt.multi}} {
				var p domain.Problems
				ok := c.check(&p, "Description", "Description", tt.s)
				err := p.Err()
				if c.want == "" {
					if !ok || err != nil {
						t.Errorf("%s %q: %v, want it accepted", c.kind, tt.s, err)
					}
					continue
				}
				if ok || err == nil {
					t.Errorf("%s %q: accepted, want an error saying %q", c.kind, tt.s, c.want)
					continue
				}
				if got := fieldErrors(err)["Description"]; !strings.Contains(got, c.want) {
					t.Errorf("%s %q: %q, want it to say %q", c.kind, tt.s, got, c.want)
				}
			}
		})
	}
}

// TestDecodeStrict_Text: text is checked on the raw bytes, before Go's
// decoder would turn bytes that are not UTF-8 into U+FFFD.
func TestDecodeStrict_Text(t *testing.T) {
	for _, tt := range []struct {
		name, body, field, message string
	}{
		{"NotUTF8", "{\"Suspend\": {\"TN\": \"3125\xff550101\"}}", "Suspend.TN", "TN must be UTF-8 text"},
		{"NotUTF8Overlong", "{\"Suspend\": {\"TN\": \"31\xc0\xaf\"}}", "Suspend.TN", "TN must be UTF-8 text"},
		{"NotUTF8Truncated", "{\"Suspend\": {\"TN\": \"31\xe2\x82\"}}", "Suspend.TN", "TN must be UTF-8 text"},
		{"NotUTF8InList", "{\"AddLine\": {\"Lines\": [{\"TN\": \"1\"}, {\"Description\": \"ok\xfe\"}]}}", "AddLine.Lines[1].Description", "Description must be UTF-8 text"},
		{"NotUTF8InListEntry", "{\"Suspend\": {\"TN\": [\"\xff\"]}}", "Suspend.TN[0]", "TN[0] must be UTF-8 text"},
		{"LoneSurrogate", `{"Suspend": {"TN": "31\ud800"}}`, "Suspend.TN", "TN must be UTF-8 text"},
		{"NotUTF8Key", "{\"Suspend\": {\"T\xffN\": \"1\"}}", "Suspend", "A field name is not UTF-8 text"},
		{"Escape", `{"Suspend": {"TN": "31\u001b[2J"}}`, "Suspend.TN", "TN must not contain an escape character"},
		{"Newline", `{"Suspend": {"TN": "3125550101\n"}}`, "Suspend.TN", "TN must not contain a line break"},
		{"CR", `{"AddLine": {"Lines": [{"Description": "a\rb"}]}}`, "AddLine.Lines[0].Description", "Description must not contain a line break"},
		{"Bidi", `{"AddLine": {"Lines": [{"Description": "a\u202Eb"}]}}`, "AddLine.Lines[0].Description", "Description must not contain a bidirectional text override"},
		{"C1", `{"AddLine": {"Lines": [{"Description": "a\u0085b"}]}}`, "AddLine.Lines[0].Description", "Description must not contain a control character"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeCreate(t, tt.body)
			wantFieldError(t, err, tt.field, tt.message)
		})
	}
	t.Run("ReplacementCharacterIsText", func(t *testing.T) {
		for _, body := range []string{`{"Suspend": {"TN": "31\ufffd"}}`, "{\"Suspend\": {\"TN\": \"31\xef\xbf\xbd\"}}", `{"Suspend": {"TN": "31\uFFFD\uFFFD"}}`} {
			if _, err := decodeCreate(t, body); err != nil {
				t.Errorf("%s: %v, want it decoded", body, err)
			}
		}
		// One U+FFFD sent as such and one made by a bad byte: the bad byte is refused.
		_, err := decodeCreate(t, "{\"Suspend\": {\"TN\": \"\\ufffd\xff\"}}")
		wantFieldError(t, err, "Suspend.TN", "TN must be UTF-8 text")
	})
	t.Run("NoteKeepsLineBreaks", func(t *testing.T) {
		var in domain.OrderUpdateInput
		if err := domain.DecodeStrict(strings.NewReader(`{"Status": "HOLD", "StatusNote": "called\r\nno answer\n\tretry"}`), &in); err != nil {
			t.Fatal(err)
		}
		if got, want := *in.StatusNote, "called\r\nno answer\n\tretry"; got != want {
			t.Fatalf("StatusNote=%q, want %q", got, want)
		}
		err := domain.DecodeStrict(strings.NewReader(`{"Status": "HOLD", "StatusNote": "a\u001bb"}`), &in)
		wantFieldError(t, err, "StatusNote", "StatusNote must not contain an escape character")
		err = domain.DecodeStrict(strings.NewReader("{\"Status\": \"HOLD\", \"StatusNote\": \"a\xffb\"}"), &in)
		wantFieldError(t, err, "StatusNote", "StatusNote must be UTF-8 text")
	})
}

// TestDecodeStrict_ListCaps: a list longer than its cap is one field error
// naming the cap.
func TestDecodeStrict_ListCaps(t *testing.T) {
	entries := func(n int, entry string) string {
		return "[" + strings.TrimSuffix(strings.Repeat(entry+",", n), ",") + "]"
	}
	for _, tt := range []struct {
		name   string
		into   any
		body   func(n int) string
		max    int
		field  string
		listed string
	}{
		{"AdditionalProducts", &domain.NewOrdersInput{}, func(n int) string {
			return `{"AdditionalProducts": ` + entries(n, `{"ProductID": 1}`) + `}`
		}, domain.MaxAdditionalProducts, "AdditionalProducts", "AdditionalProducts"},
		{"AdditionalProductsWrapped", &domain.NewOrdersInput{}, func(n int) string {
			return `{"AdditionalProducts": {"Product": ` + entries(n, `{"ProductID": 1}`) + `}}`
		}, domain.MaxAdditionalProducts, "AdditionalProducts", "AdditionalProducts"},
		{"AddLineLines", &domain.OrdersCreateInput{}, func(n int) string {
			return `{"AddLine": {"Lines": ` + entries(n, `{"TN": ""}`) + `}}`
		}, domain.MaxRequestLines, "AddLine.Lines", "Lines"},
		{"AddLineProducts", &domain.OrdersCreateInput{}, func(n int) string {
			return `{"AddLine": {"Lines": [{"Products": ` + entries(n, `{"ProductID": 1}`) + `}]}}`
		}, domain.MaxLineProducts, "AddLine.Lines[0].Products", "Products"},
		{"ChangeLines", &domain.OrdersCreateInput{}, func(n int) string {
			return `{"Change": {"Lines": ` + entries(n, `{"Disconnect": {"LineID": 1}}`) + `}}`
		}, domain.MaxRequestLines, "Change.Lines", "Lines"},
		{"ChangeProductsAdd", &domain.OrdersCreateInput{}, func(n int) string {
			return `{"Change": {"Lines": [{"Change": {"LineID": 1, "Products": {"Add": ` + entries(n, `{"ProductID": 1}`) + `}}}]}}`
		}, domain.MaxLineProducts, "Change.Lines[0].Change.Products.Add", "Add"},
		{"UpdateLines", &domain.OrderUpdateInput{}, func(n int) string {
			return `{"Lines": ` + entries(n, `{"Change": {"LineID": 1}}`) + `}`
		}, domain.MaxRequestLines, "Lines", "Lines"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := domain.DecodeStrict(strings.NewReader(tt.body(tt.max)), tt.into); err != nil {
				t.Fatalf("%d entries (the cap): %v", tt.max, err)
			}
			err := domain.DecodeStrict(strings.NewReader(tt.body(tt.max+1)), tt.into)
			wantFieldError(t, err, tt.field, fmt.Sprintf("%s may hold at most %d entries; it holds %d", tt.listed, tt.max, tt.max+1))
			if got := len(fieldErrors(err)); got != 1 {
				t.Fatalf("%d field errors, want the one naming the cap", got)
			}
		})
	}
	t.Run("TenThousandAdditionalProducts", func(t *testing.T) {
		err := domain.DecodeStrict(strings.NewReader(`{"AdditionalProducts": `+entries(10000, `{"ProductID": 1}`)+`}`), &domain.NewOrdersInput{})
		wantFieldError(t, err, "AdditionalProducts", "AdditionalProducts may hold at most 50 entries; it holds 10000")
	})
	t.Run("AnyOtherList", func(t *testing.T) {
		type items struct {
			Items []struct{ Identifier string }
		}
		if err := domain.DecodeStrict(strings.NewReader(`{"Items": `+entries(domain.MaxListEntries, `{"Identifier": "a"}`)+`}`), &items{}); err != nil {
			t.Fatal(err)
		}
		err := domain.DecodeStrict(strings.NewReader(`{"Items": `+entries(domain.MaxListEntries+1, `{"Identifier": "a"}`)+`}`), &items{})
		wantFieldError(t, err, "Items", fmt.Sprintf("Items may hold at most %d entries", domain.MaxListEntries))
	})
}

package webtest

import (
	"regexp"
	"strings"
	"testing"
)

// codeWords are what a page's messages must never show a rep: a field's
// code name ("PINPassword", "CustomerProductID"), a code with an
// underscore ("PAYMENT_HOLD", "SIM_Card"), or a status or type code in
// capitals ("SUSPENDED").
var codeWords = regexp.MustCompile(`\b([A-Z][a-z]+[A-Z][A-Za-z]*|[A-Za-z]+_[A-Za-z_]+|ACTIVE|SUSPENDED|DISCONNECTED|INACTIVE|PENDING|NEW|SENT|ERROR|COMPLETE|CANCELED|HOLD|CONFIRMED|JEOPARDY|PROVISIONED|ASSIGNED|AVAILABLE|UNAVAILABLE|OUTGOING|INCOMING|SUSPEND|RESTORE|DISCONNECT|PRORATE)\b`)

// messageSelectors are where pages put what went wrong: beside a field,
// in a form's or a review's list, in a flash, on an error page.
var messageSelectors = []string{".sb-field-error", ".sb-review-errors li", ".sb-flash-error", ".sb-error-page p", ".sb-error-page li"}

// checkMessageWords fails tb when a page's messages show code words; the
// JSON API keeps its seeds' messages and is not checked.
func checkMessageWords(tb testing.TB, method, path string, res *Response) {
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || strings.HasPrefix(path, "/api/") {
		return
	}
	doc := res.Doc()
	for _, sel := range messageSelectors {
		for _, n := range doc.FindAll(sel) {
			if m := codeWords.FindAllString(n.Text(), -1); len(m) > 0 {
				tb.Errorf("%s %s: the page's message %q shows codes %q, not words", method, path, strings.TrimSpace(n.Text()), m)
			}
		}
	}
}

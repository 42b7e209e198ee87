package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"switchboard/web/webtest"
)

// TestSignInNextStaysOnSite signs in with every spelling of an address off
// the site as next: only a path on this site is followed, anything else is "/".
func TestSignInNextStaysOnSite(t *testing.T) {
	app := webtest.Open(t, nil)
	for _, tt := range []struct {
		next, want string
	}{
		{"/customers?x=1", "/customers?x=1"},
		{"/orders?Customer=a%20b&Status=SENT", "/orders?Customer=a%20b&Status=SENT"},
		{"/orders/17", "/orders/17"},
		{"", "/"},
		{"https://evil.example/", "/"},
		{"HTTPS://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{"//evil.example/", "/"},
		{"///evil.example/", "/"},
		{"/\\evil.example", "/"},
		{"\\\\evil.example", "/"},
		{"/\t/evil.example", "/"},
		{"/\n/evil.example", "/"},
		{"\t//evil.example", "/"},
		{"/orders\r\nSet-Cookie: x=1", "/"},
		{"/%2F%2Fevil.example", "/"},
		{"/%2f/evil.example", "/"},
		{"/%5Cevil.example", "/"},
		{"/%5cevil.example", "/"},
		{"/%09/evil.example", "/"},
		{"/%0A/evil.example", "/"},
		{"/%252F%252Fevil.example", "/"},
		{"/%25255Cevil.example", "/"},
		{"/ /evil.example", "/"},
		{"/orders\x7f", "/"},
		{"/orders\u00a0", "/"},
		{"/orders%", "/"},
		{"evil.example", "/"},
		{"/login", "/"},
		{"/logout", "/"},
	} {
		res := app.Anonymous().PostForm("/login", url.Values{"name": {"test-rep"}, "password": {webtest.Password}, "next": {tt.next}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("next=%q: status %d", tt.next, res.StatusCode)
		}
		if got := res.Header.Get("Location"); got != tt.want {
			t.Errorf("next=%q: Location %q, want %q", tt.next, got, tt.want)
		}
	}
	// The sign-in form carries only a safe next.
	res := app.Anonymous().Get("/login?next=" + url.QueryEscape("/\t/evil.example"))
	if n, ok := res.Doc().Find(`input[name="next"]`); ok && n.Attr("value") != "/" {
		t.Errorf("form's next %q, want /", n.Attr("value"))
	}
}

package web_test

import (
	"net/http"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestAnswersAreNotCached: every signed-in page, fragment and API answer says
// no-store; the hashed static files keep their long cache.
func TestAnswersAreNotCached(t *testing.T) {
	app := webtest.Open(t, nil)
	admin := app.As(domain.RoleAdmin)
	for _, tt := range []struct {
		name string
		res  *webtest.Response
	}{
		{"Dashboard", admin.Get("/")},
		{"Customers", admin.Get("/customers")},
		{"OrdersFragment", admin.Get("/orders", "HX-Request", "true")},
		{"Users", admin.Get("/admin/users")},
		{"NotFound", admin.Get("/no/such/page")},
		{"SignIn", app.Anonymous().Get("/login")},
		{"APICarriers", app.API(domain.RoleSupport, http.MethodGet, "/api/carriers", "")},
		{"APIOrders", app.API(domain.RoleSupport, http.MethodGet, "/api/orders", "")},
		{"APIUnauthorized", app.API("", http.MethodGet, "/api/carriers", "")},
	} {
		if got := tt.res.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: status %d Cache-Control %q, want no-store", tt.name, tt.res.StatusCode, got)
		}
	}
	res := app.Anonymous().Get("/login")
	i := strings.Index(res.Text, "/static/app.")
	href := res.Text[i : i+strings.IndexByte(res.Text[i:], '"')]
	if got := app.Anonymous().Get(href).Header.Get("Cache-Control"); !strings.Contains(got, "immutable") || strings.Contains(got, "no-store") {
		t.Errorf("%s: Cache-Control %q, want the long cache", href, got)
	}
}

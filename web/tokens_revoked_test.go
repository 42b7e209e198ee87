package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestDisabledUsersTokensStayRevoked disables a user on the users page and
// enables them again: their API token, refused while disabled, stays refused.
func TestDisabledUsersTokensStayRevoked(t *testing.T) {
	app := webtest.Open(t, nil)
	admin := app.As(domain.RoleAdmin)
	rep := app.Users[domain.RoleRep]
	path := "/admin/users/" + strconv.FormatInt(rep.ID, 10)
	if res := app.API(domain.RoleRep, http.MethodGet, "/api/carriers", ""); res.StatusCode != http.StatusOK {
		t.Fatalf("token before: status %d", res.StatusCode)
	}
	for _, disabled := range []string{"true", "false"} {
		if res := admin.PostForm(path, url.Values{"action": {"disabled"}, "disabled": {disabled}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("disabled=%s: status %d", disabled, res.StatusCode)
		}
		if res := app.API(domain.RoleRep, http.MethodGet, "/api/carriers", ""); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("token after disabled=%s: status %d, want 401", disabled, res.StatusCode)
		}
	}
	if res := app.As(domain.RoleRep).Get("/"); res.StatusCode != http.StatusOK {
		t.Fatalf("re-enabled user signs in: status %d", res.StatusCode)
	}
}

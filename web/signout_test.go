package web_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// copyClient is a second browser holding a copy of c's cookies, as a
// stolen cookie would be.
func copyClient(t *testing.T, app *webtest.App, c *webtest.Client) *webtest.Client {
	t.Helper()
	u, _ := url.Parse(app.HTTP.URL)
	cp := app.Anonymous()
	jar, _ := cookiejar.New(nil)
	jar.SetCookies(u, c.Jar.Cookies(u))
	cp.Jar = jar
	return cp
}

func signedIn(c *webtest.Client) bool { return c.Get("/").StatusCode == http.StatusOK }

// TestSignOutEndsSessionOnServer: after sign-out, a copy of the cookie
// taken before is refused; an administrator can end a user's sessions and
// a user can sign out everywhere; a change that ends sessions (a new role)
// still does.
func TestSignOutEndsSessionOnServer(t *testing.T) {
	app := webtest.Open(t, nil)
	t.Run("SignOut", func(t *testing.T) {
		c := app.As(domain.RoleRep)
		stolen := copyClient(t, app, c)
		if !signedIn(stolen) {
			t.Fatal("the copied cookie does not sign in before sign-out")
		}
		if res := c.PostForm("/logout", nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-out: status %d", res.StatusCode)
		}
		if signedIn(stolen) {
			t.Fatal("the cookie copied before sign-out still signs in")
		}
		if res := app.API(domain.RoleRep, http.MethodGet, "/api/carriers", ""); res.StatusCode != http.StatusOK {
			t.Fatalf("the user's API token after sign-out: status %d", res.StatusCode)
		}
	})
	t.Run("SignOutEverywhere", func(t *testing.T) {
		first, second := app.As(domain.RoleSupport), app.As(domain.RoleSupport)
		other := app.As(domain.RoleRep)
		if !strings.Contains(first.Get("/").Text, `action="/logout/everywhere"`) {
			t.Fatal("no sign-out-everywhere button in the page frame")
		}
		res := first.PostForm("/logout/everywhere", nil)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login" {
			t.Fatalf("status %d location %q", res.StatusCode, res.Header.Get("Location"))
		}
		if signedIn(first) || signedIn(second) {
			t.Fatal("a session of the user is still live")
		}
		if !signedIn(other) {
			t.Fatal("another user's session ended too")
		}
		if signedIn(app.Anonymous()) {
			t.Fatal("anonymous signed in")
		}
		if res := app.Anonymous().PostForm("/logout/everywhere", nil); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
			t.Fatalf("signed out: status %d location %q, want the sign-in page", res.StatusCode, res.Header.Get("Location"))
		}
	})
	t.Run("AdminEndsSessions", func(t *testing.T) {
		admin := app.As(domain.RoleAdmin)
		sup := app.As(domain.RoleSupervisor)
		u := app.Users[domain.RoleSupervisor]
		id := strconv.FormatInt(u.ID, 10)
		page := admin.Get("/admin/users")
		if n, ok := page.Doc().Find(`tr#user-` + id + ` input[name=action][value=sessions]`); !ok {
			t.Fatalf("no sign-out-everywhere button on the supervisor's row: %v", n)
		}
		res := admin.PostForm("/admin/users/"+id, url.Values{"action": {"sessions"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		if !strings.Contains(admin.Get("/admin/users").Text, u.Name+" is signed out everywhere (1 session ended)") {
			t.Error("no message saying what was done")
		}
		if signedIn(sup) {
			t.Fatal("the supervisor's session is still live")
		}
		if !signedIn(admin) {
			t.Fatal("the admin's own session ended")
		}
		if res := app.As(domain.RoleSupport).PostForm("/admin/users/"+id, url.Values{"action": {"sessions"}}); res.StatusCode != http.StatusForbidden {
			t.Fatalf("support ending sessions: status %d, want 403", res.StatusCode)
		}
	})
	t.Run("RoleChangeEndsSessions", func(t *testing.T) {
		c := app.As(domain.RoleRep)
		role := domain.RoleSupervisor
		if _, err := app.DB.UpdateUser(t.Context(), app.Users[domain.RoleRep].ID, domain.UserUpdate{Role: &role}); err != nil {
			t.Fatal(err)
		}
		if signedIn(c) {
			t.Fatal("the session outlived a role change")
		}
	})
}

package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web"
	"switchboard/web/webtest"
)

// concrete turns a route pattern into a method and a path to request.
func concrete(pattern string) (method, path string) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		method, path = http.MethodGet, pattern
	}
	path = strings.ReplaceAll(path, "{$}", "")
	for strings.Contains(path, "{") {
		i, j := strings.Index(path, "{"), strings.Index(path, "}")
		path = path[:i] + "999999" + path[j+1:]
	}
	return method, path
}

// TestRoleMatrix requests every route as every role: roles below the
// route's rule are refused, the others get past the guard, and nobody
// signed out gets anything.
func TestRoleMatrix(t *testing.T) {
	app := webtest.Open(t, nil)
	clients := map[domain.Role]*webtest.Client{}
	for _, r := range domain.Roles {
		clients[r] = app.As(r)
	}
	for _, rt := range app.Server.Routes {
		if rt.Min == web.Public {
			continue
		}
		if !rt.Min.Valid() {
			t.Errorf("%s: no role rule", rt.Pattern)
			continue
		}
		method, path := concrete(rt.Pattern)
		t.Run(rt.Pattern, func(t *testing.T) {
			for _, role := range domain.Roles {
				var res *webtest.Response
				if rt.Kind == web.KindAPI {
					res = app.API(role, method, path, bodyFor(method))
				} else if method == http.MethodGet && strings.HasSuffix(path, "/events") {
					res = &webtest.Response{Response: clients[role].Open(path)} // a stream: its status only
				} else if method == http.MethodGet {
					res = clients[role].Get(path)
				} else {
					res = clients[role].PostForm(path, url.Values{})
				}
				allowed := role.AtLeast(rt.Min)
				if got := res.StatusCode; allowed && (got == http.StatusForbidden || got == http.StatusUnauthorized) {
					t.Errorf("%s as %s: status %d, want it allowed", rt.Pattern, role, got)
				} else if !allowed && got != http.StatusForbidden {
					t.Errorf("%s as %s: status %d, want 403", rt.Pattern, role, got)
				}
				if res.StatusCode >= 500 {
					t.Errorf("%s as %s: status %d: %s", rt.Pattern, role, res.StatusCode, res.Text)
				}
				if rt.Pattern == "POST /logout/everywhere" {
					clients[role] = app.As(role) // that one signed them out
				}
			}
			// Signed out.
			if rt.Kind == web.KindAPI {
				if res := app.API("", method, path, bodyFor(method)); res.StatusCode != http.StatusUnauthorized {
					t.Errorf("%s with no token: status %d, want 401", rt.Pattern, res.StatusCode)
				}
				res := app.Anonymous().Do(method, path, nil, "Authorization", "Bearer sbt_not-a-token")
				if res.StatusCode != http.StatusUnauthorized {
					t.Errorf("%s with a bad token: status %d, want 401", rt.Pattern, res.StatusCode)
				}
				return
			}
			anon := app.Anonymous()
			var res *webtest.Response
			if method == http.MethodGet {
				res = anon.Get(path)
			} else {
				res = anon.PostForm(path, url.Values{})
			}
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
				t.Errorf("%s signed out: status %d location %q, want 303 to /login", rt.Pattern, res.StatusCode, res.Header.Get("Location"))
			}
		})
	}
}

func bodyFor(method string) string {
	if method == http.MethodGet || method == http.MethodDelete {
		return ""
	}
	return "{}"
}

func TestSecurityHeaders(t *testing.T) {
	app := webtest.Open(t, nil)
	for _, path := range []string{"/login", "/", "/api/carriers", "/healthz"} {
		res := app.As(domain.RoleSupport).Get(path)
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP allows inline or eval: %q", path, csp)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options=%q", path, got)
		}
		if got := res.Header.Get("Referrer-Policy"); got == "" {
			t.Errorf("%s: no Referrer-Policy", path)
		}
	}
}

func TestPagesHaveNoInlineScriptOrStyle(t *testing.T) {
	app := webtest.Open(t, nil)
	c := app.As(domain.RoleAdmin)
	for _, path := range []string{"/login", "/"} {
		res := c.Get(path)
		body := strings.ToLower(res.Text)
		if strings.Contains(body, " style=") || strings.Contains(body, "<style") {
			t.Errorf("%s has an inline style", path)
		}
		for _, s := range strings.Split(body, "<script")[1:] {
			if !strings.HasPrefix(strings.TrimSpace(s), "src=") {
				t.Errorf("%s has an inline script: <script%.60s", path, s)
			}
		}
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	app := webtest.Open(t, nil)
	c := app.As(domain.RoleAdmin)
	res := c.Do(http.MethodPost, "/logout", strings.NewReader(""), "Content-Type", "application/x-www-form-urlencoded",
		"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: status %d, want 403", res.StatusCode)
	}
	// Still signed in: the refused request changed nothing.
	if res := c.Get("/"); res.StatusCode != http.StatusOK {
		t.Fatalf("after refused sign-out: status %d, want 200", res.StatusCode)
	}
	// A cross-site sign-in attempt is refused too.
	res = app.Anonymous().Do(http.MethodPost, "/login", strings.NewReader("name=test-admin&password="+webtest.Password),
		"Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "cross-site")
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site sign-in: status %d, want 403", res.StatusCode)
	}
}

func TestSignIn(t *testing.T) {
	app := webtest.Open(t, nil)
	t.Run("OK", func(t *testing.T) {
		c := app.Anonymous()
		res := c.PostForm("/login", url.Values{"name": {"test-rep"}, "password": {webtest.Password}, "next": {"/customers?x=1"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/customers?x=1" {
			t.Fatalf("status %d location %q", res.StatusCode, res.Header.Get("Location"))
		}
		var sc *http.Cookie
		for _, ck := range res.Cookies() {
			if ck.Name == "switchboard_session" {
				sc = ck
			}
		}
		if sc == nil || !sc.HttpOnly || sc.SameSite != http.SameSiteLaxMode {
			t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Lax", sc)
		}
		if res := c.Get("/"); res.StatusCode != http.StatusOK || !strings.Contains(res.Text, "test-rep") {
			t.Fatalf("dashboard: status %d", res.StatusCode)
		}
		c.PostForm("/logout", nil)
		if res := c.Get("/"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("after sign-out: status %d, want 303", res.StatusCode)
		}
	})
	t.Run("ErrOpenRedirect", func(t *testing.T) {
		for _, next := range []string{"https://evil.example/", "//evil.example/", "/\\evil.example"} {
			res := app.Anonymous().PostForm("/login", url.Values{"name": {"test-rep"}, "password": {webtest.Password}, "next": {next}})
			if got := res.Header.Get("Location"); got != "/" {
				t.Errorf("next=%q: location %q, want /", next, got)
			}
		}
	})
	t.Run("ErrWrongPassword", func(t *testing.T) {
		res := app.Anonymous().PostForm("/login", url.Values{"name": {"test-support"}, "password": {"nope"}})
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(res.Text, "incorrect") {
			t.Fatalf("status %d", res.StatusCode)
		}
	})
	t.Run("ErrLockedAfterRepeatedFailures", func(t *testing.T) {
		if testing.Short() {
			t.Skip("waits for the slowed answers")
		}
		c := app.Anonymous()
		var last *webtest.Response
		for i := 0; i < domain.SignInUserLimit; i++ {
			last = c.PostForm("/login", url.Values{"name": {"test-supervisor"}, "password": {"wrong"}})
		}
		if last.StatusCode != http.StatusTooManyRequests || !strings.Contains(last.Text, "Too many failed sign-ins") {
			t.Fatalf("after %d failures: status %d", domain.SignInUserLimit, last.StatusCode)
		}
		// Even the right password is refused while locked.
		res := c.PostForm("/login", url.Values{"name": {"test-supervisor"}, "password": {webtest.Password}})
		if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
			t.Fatalf("right password while locked: status %d", res.StatusCode)
		}
	})
	t.Run("ErrDisabledUserSignedOut", func(t *testing.T) {
		c := app.As(domain.RoleRep)
		disabled := true
		if _, err := app.DB.UpdateUser(t.Context(), app.Users[domain.RoleRep].ID, domain.UserUpdate{Disabled: &disabled}); err != nil {
			t.Fatal(err)
		}
		if res := c.Get("/"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("disabled user's session: status %d, want 303 to sign-in", res.StatusCode)
		}
		if res := app.API(domain.RoleRep, http.MethodGet, "/api/carriers", ""); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("disabled user's token: status %d, want 401", res.StatusCode)
		}
	})
}

func TestHTMXSignedOutRedirects(t *testing.T) {
	app := webtest.Open(t, nil)
	res := app.Anonymous().Get("/customers", "HX-Request", "true")
	if res.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(res.Header.Get("HX-Redirect"), "/login") {
		t.Fatalf("status %d HX-Redirect %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
}

func TestHealthAndNotFound(t *testing.T) {
	app := webtest.Open(t, nil)
	if res := app.Anonymous().Get("/healthz"); res.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %d", res.StatusCode)
	}
	if res := app.As(domain.RoleSupport).Get("/no/such/page"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown page: %d", res.StatusCode)
	}
	res := app.API(domain.RoleSupport, http.MethodGet, "/api/nothing", "")
	if res.StatusCode != http.StatusNotFound || !strings.Contains(res.Text, `"Success":false`) {
		t.Fatalf("unknown API path: %d %s", res.StatusCode, res.Text)
	}
}

func TestStaticFilesCached(t *testing.T) {
	app := webtest.Open(t, nil)
	res := app.Anonymous().Get("/login")
	i := strings.Index(res.Text, "/static/app.")
	if i < 0 {
		t.Fatal("login page links no hashed app.css")
	}
	href := res.Text[i : i+strings.IndexByte(res.Text[i:], '"')]
	st := app.Anonymous().Get(href)
	if st.StatusCode != http.StatusOK || !strings.Contains(st.Header.Get("Cache-Control"), "immutable") {
		t.Fatalf("%s: status %d cache %q", href, st.StatusCode, st.Header.Get("Cache-Control"))
	}
	if res := app.Anonymous().Get("/static/app.css"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("unhashed name: status %d, want 404", res.StatusCode)
	}
}

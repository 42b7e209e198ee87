package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// TestSessionExpiry checks the idle and absolute lifetimes, and sign-out,
// with a clock the test moves.
func TestSessionExpiry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
		clock := func() time.Time { return now }
		d.Now = clock
		u := &domain.User{Name: "rep", Role: domain.RoleRep, PasswordHash: "h"}
		if err := d.CreateUser(t.Context(), u); err != nil {
			t.Fatal(err)
		}
		s := NewSessionStore([][]byte{[]byte("0123456789abcdef0123456789abcdef")}, false, d)
		s.now = clock

		signIn := func() *http.Cookie {
			t.Helper()
			w := httptest.NewRecorder()
			if err := s.SignIn(w, httptest.NewRequest(http.MethodPost, "/login", nil), u); err != nil {
				t.Fatal(err)
			}
			return w.Result().Cookies()[0]
		}
		cookie := signIn()
		if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode {
			t.Fatalf("cookie %+v: want HttpOnly and SameSite=Lax", cookie)
		}
		request := func() *http.Request {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.AddCookie(cookie)
			return r
		}
		check := func(name string, want bool) {
			t.Helper()
			got, err := s.User(request())
			if err != nil {
				t.Fatal(err)
			}
			if (got != nil) != want {
				t.Fatalf("%s: signed in=%v, want %v", name, got != nil, want)
			}
			if got != nil && got.ID != u.ID {
				t.Fatalf("%s: user %d, want %d", name, got.ID, u.ID)
			}
		}
		check("right after sign-in", true)

		// Active every hour: the idle limit never bites, the absolute one does.
		for range 11 {
			now = now.Add(time.Hour)
			check("active", true)
		}
		now = now.Add(time.Hour + time.Minute)
		check("past the absolute limit", false)

		// Idle for longer than the idle limit.
		now = now.Add(24 * time.Hour)
		cookie = signIn()
		now = now.Add(IdleTimeout - time.Minute)
		check("just inside the idle limit", true)
		now = now.Add(IdleTimeout - time.Second)
		check("active again within the idle limit", true)
		now = now.Add(IdleTimeout + time.Minute)
		check("past the idle limit", false)

		// Signing out deletes the cookie and ends the session: a copy of the
		// cookie taken before signs nobody in.
		cookie = signIn()
		copied := *cookie
		w := httptest.NewRecorder()
		if err := s.SignOut(w, request()); err != nil {
			t.Fatal(err)
		}
		if c := w.Result().Cookies()[0]; c.MaxAge >= 0 {
			t.Fatalf("sign-out cookie MaxAge=%d, want it deleted", c.MaxAge)
		}
		cookie = &copied
		check("the cookie copied before sign-out", false)
	})
}

// TestSessionCookieSecureOverTLS marks the cookie Secure when the request
// came over TLS, directly or through a proxy that says so.
func TestSessionCookieSecureOverTLS(t *testing.T) {
	d := dbtest.Open(t)
	u := &domain.User{Name: "rep", Role: domain.RoleRep, PasswordHash: "h"}
	if err := d.CreateUser(t.Context(), u); err != nil {
		t.Fatal(err)
	}
	s := NewSessionStore([][]byte{[]byte("0123456789abcdef0123456789abcdef")}, false, d)
	for _, tt := range []struct {
		name   string
		header string
		want   bool
	}{{"Plain", "", false}, {"ProxyTLS", "https", true}} {
		r := httptest.NewRequest(http.MethodPost, "/login", nil)
		if tt.header != "" {
			r.Header.Set("X-Forwarded-Proto", tt.header)
		}
		w := httptest.NewRecorder()
		if err := s.SignIn(w, r, u); err != nil {
			t.Fatal(err)
		}
		if got := w.Result().Cookies()[0].Secure; got != tt.want {
			t.Errorf("%s: Secure=%v, want %v", tt.name, got, tt.want)
		}
	}
}

package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"switchboard/domain"
)

// TestSessionExpiry checks the idle and absolute lifetimes with a clock the test moves.
func TestSessionExpiry(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	s := NewSessionStore([][]byte{[]byte("0123456789abcdef0123456789abcdef")}, false,
		func(context.Context, int64) (int64, error) { return 3, nil })
	s.now = func() time.Time { return now }

	// Sign in and keep the cookie.
	w := httptest.NewRecorder()
	if err := s.SignIn(w, httptest.NewRequest(http.MethodPost, "/login", nil), &domain.User{ID: 7}); err != nil {
		t.Fatal(err)
	}
	cookie := w.Result().Cookies()[0]
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode {
		t.Fatalf("cookie %+v: want HttpOnly and SameSite=Lax", cookie)
	}
	request := func() *http.Request {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.AddCookie(cookie)
		return r
	}
	check := func(name string, want bool) sessionState {
		t.Helper()
		st, ok := s.state(request())
		if ok != want {
			t.Fatalf("%s: signed in=%v, want %v", name, ok, want)
		}
		return st
	}
	if st := check("right after sign-in", true); st.UserID != 7 || st.Epoch != 3 {
		t.Fatalf("state %+v", st)
	}

	// Active every hour: the idle limit never bites, the absolute one does.
	for i := 0; i < 11; i++ {
		now = now.Add(time.Hour)
		st := check("active", true)
		w := httptest.NewRecorder()
		s.touch(w, request(), st)
		if cs := w.Result().Cookies(); len(cs) > 0 {
			cookie = cs[0]
		}
	}
	now = now.Add(time.Hour + time.Minute)
	check("past the absolute limit", false)

	// Idle for longer than the idle limit.
	now = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	w = httptest.NewRecorder()
	s.SignIn(w, httptest.NewRequest(http.MethodPost, "/login", nil), &domain.User{ID: 7})
	cookie = w.Result().Cookies()[0]
	now = now.Add(IdleTimeout - time.Minute)
	check("just inside the idle limit", true)
	now = now.Add(2 * time.Minute)
	check("past the idle limit", false)

	// Signing out deletes the cookie.
	w = httptest.NewRecorder()
	s.SignOut(w, request())
	if c := w.Result().Cookies()[0]; c.MaxAge >= 0 {
		t.Fatalf("sign-out cookie MaxAge=%d, want it deleted", c.MaxAge)
	}
}

// TestSessionCookieSecureOverTLS marks the cookie Secure when the request
// came over TLS, directly or through a proxy that says so.
func TestSessionCookieSecureOverTLS(t *testing.T) {
	s := NewSessionStore([][]byte{[]byte("0123456789abcdef0123456789abcdef")}, false,
		func(context.Context, int64) (int64, error) { return 0, nil })
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
		if err := s.SignIn(w, r, &domain.User{ID: 1}); err != nil {
			t.Fatal(err)
		}
		if got := w.Result().Cookies()[0].Secure; got != tt.want {
			t.Errorf("%s: Secure=%v, want %v", tt.name, got, tt.want)
		}
	}
}

package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// BenchmarkSessionCheck times what a signed-in request costs to recognise:
// CookieOnly verifies and decrypts the cookie and reads the session id from
// it (all the old check did before its user read); CookieAndRecord adds the
// session's row, read by primary key with its user (SessionStore.User).
// With SWITCHBOARD_TEST_POSTGRES set it runs on PostgreSQL too.
//
//	go test -run '^$' -bench BenchmarkSessionCheck -benchtime 20000x ./web/
func BenchmarkSessionCheck(b *testing.B) {
	engines := []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", dbtest.Open}}
	if dbtest.PostgresURL() != "" && dbtest.PostgresURL() != "off" {
		engines = append(engines, struct {
			name string
			open func(testing.TB) *db.DB
		}{"postgres", dbtest.OpenPostgres})
	}
	for _, e := range engines {
		d := e.open(b)
		u := &domain.User{Name: "rep", Role: domain.RoleRep, PasswordHash: "h"}
		if err := d.CreateUser(b.Context(), u); err != nil {
			b.Fatal(err)
		}
		s := NewSessionStore([][]byte{[]byte("0123456789abcdef0123456789abcdef")}, false, d)
		w := httptest.NewRecorder()
		if err := s.SignIn(w, httptest.NewRequest(http.MethodPost, "/login", nil), u); err != nil {
			b.Fatal(err)
		}
		cookie := w.Result().Cookies()[0]
		// A new request each time: the cookie's decoding is kept per request.
		request := func() *http.Request {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.AddCookie(cookie)
			return r
		}
		b.Run(e.name+"/CookieOnly", func(b *testing.B) {
			for b.Loop() {
				if s.cookieSession(request()) == "" {
					b.Fatal("no session id in the cookie")
				}
			}
		})
		b.Run(e.name+"/CookieAndRecord", func(b *testing.B) {
			for b.Loop() {
				if got, err := s.User(request()); err != nil || got == nil {
					b.Fatalf("user %v, %v", got, err)
				}
			}
		})
	}
}

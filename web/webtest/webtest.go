// Package webtest runs the real router over a fresh database for handler
// tests, with a signed-in client per role and API tokens per role.
package webtest

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/demo"
	"switchboard/domain"
	"switchboard/jobs"
	"switchboard/web"
	"switchboard/web/auth"
)

// Password is every test user's password.
const Password = "secret-pass"

// App is a running server over its own database.
type App struct {
	T      testing.TB
	DB     *db.DB
	Server *web.Server
	HTTP   *httptest.Server
	Users  map[domain.Role]*domain.User
	Tokens map[domain.Role]string
}

// JobAdmin is the background jobs' admin on d (River's tables in d).
func JobAdmin(tb testing.TB, d *db.DB) *jobs.Admin {
	tb.Helper()
	a, err := jobs.NewAdmin(d.RiverDriver())
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// Open starts the router on a fresh SQLite file, or on d when given.
func Open(tb testing.TB, d *db.DB) *App {
	tb.Helper()
	ctx := context.Background()
	if d == nil {
		d = OpenDB(tb)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(tWriter{tb}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	sessKey := make([]byte, 32)
	rand.Read(sessKey)
	a := &App{T: tb, DB: d, Users: map[domain.Role]*domain.User{}, Tokens: map[domain.Role]string{}}
	a.Server = web.NewServer(web.Config{Store: d, Jobs: JobAdmin(tb, d), SessionKeys: [][]byte{sessKey}, Log: log})
	boardCtx, stopBoard := context.WithCancel(context.Background())
	tb.Cleanup(stopBoard)
	d.PortEvents = a.Server.Board
	go a.Server.Board.Run(boardCtx)
	a.HTTP = httptest.NewServer(a.Server)
	tb.Cleanup(a.HTTP.Close)
	hash, _ := bcrypt.GenerateFromPassword([]byte(Password), bcrypt.MinCost)
	for _, role := range domain.Roles {
		u := &domain.User{Name: "test-" + string(role), Role: role, PasswordHash: string(hash)}
		if err := d.CreateUser(ctx, u); err != nil {
			tb.Fatal(err)
		}
		a.Users[role] = u
		token, th := auth.NewToken()
		if err := d.CreateAPIToken(ctx, &domain.APIToken{UserID: u.ID, Name: "test", Hash: th}); err != nil {
			tb.Fatal(err)
		}
		a.Tokens[role] = token
	}
	return a
}

// EnvEngine names the engine the handler and browser tests run on when they
// open their own database: "sqlite" (the default) or "postgres" (on the
// server SWITCHBOARD_TEST_POSTGRES names). scripts/test.sh runs the web
// tests once on each.
const EnvEngine = "SWITCHBOARD_TEST_WEB_ENGINE"

// OpenDB opens a fresh migrated database on the engine EnvEngine names.
func OpenDB(tb testing.TB) *db.DB {
	tb.Helper()
	switch e := os.Getenv(EnvEngine); e {
	case "", "sqlite":
		return dbtest.Open(tb)
	case "postgres":
		return dbtest.OpenPostgres(tb)
	default:
		tb.Fatalf("%s=%q: want sqlite or postgres", EnvEngine, e)
		return nil
	}
}

// OpenDemo starts the router on a fresh SQLite file holding the demo data
// set; the demo users' password is "demo".
func OpenDemo(tb testing.TB) *App {
	tb.Helper()
	ctx := context.Background()
	d := OpenDB(tb)
	hash, _ := bcrypt.GenerateFromPassword([]byte("demo"), bcrypt.MinCost)
	if _, err := demo.Load(ctx, d, string(hash)); err != nil {
		tb.Fatal(err)
	}
	return Open(tb, d)
}

type tWriter struct{ tb testing.TB }

func (w tWriter) Write(p []byte) (int, error) {
	w.tb.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// Client is a browser-like client with a cookie jar that does not follow redirects.
type Client struct {
	*http.Client
	app *App
}

// Anonymous returns a client that is not signed in.
func (a *App) Anonymous() *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{app: a, Client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// As returns a client signed in as the test user of role.
func (a *App) As(role domain.Role) *Client {
	a.T.Helper()
	c := a.Anonymous()
	res := c.PostForm("/login", url.Values{"name": {"test-" + string(role)}, "password": {Password}})
	if res.StatusCode != http.StatusSeeOther {
		a.T.Fatalf("sign in as %s: status %d", role, res.StatusCode)
	}
	return c
}

// Get requests path; headers are name, value pairs.
func (c *Client) Get(path string, headers ...string) *Response {
	return c.Do(http.MethodGet, path, nil, headers...)
}

// PostForm posts a form from the same origin, as a browser would.
func (c *Client) PostForm(path string, form url.Values, headers ...string) *Response {
	return c.Do(http.MethodPost, path, strings.NewReader(form.Encode()), append([]string{"Content-Type", "application/x-www-form-urlencoded", "Origin", c.app.HTTP.URL, "Sec-Fetch-Site", "same-origin"}, headers...)...)
}

// Do sends a request and returns the answer with its body read into memory (see Body).
func (c *Client) Do(method, path string, body io.Reader, headers ...string) *Response {
	c.app.T.Helper()
	req, err := http.NewRequest(method, c.app.HTTP.URL+path, body)
	if err != nil {
		c.app.T.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.Client.Do(req)
	if err != nil {
		c.app.T.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	out := &Response{Response: res, Text: string(b)}
	checkMessageWords(c.app.T, method, path, out)
	return out
}

// Response is an answer with its body read.
type Response struct {
	*http.Response
	Text string
}

// API sends a JSON API request with role's token ("" role: no token).
func (a *App) API(role domain.Role, method, path, jsonBody string, headers ...string) *Response {
	a.T.Helper()
	var body io.Reader
	h := headers
	if jsonBody != "" {
		body = strings.NewReader(jsonBody)
		h = append([]string{"Content-Type", "application/json"}, h...)
	}
	if role != "" {
		h = append([]string{"Authorization", "Bearer " + a.Tokens[role]}, h...)
	}
	return a.Anonymous().Do(method, path, body, h...)
}

// Open requests path and returns the answer with its body unread and
// closed: for a stream (server-sent events) that never ends by itself.
func (c *Client) Open(path string) *http.Response {
	c.app.T.Helper()
	res, err := c.Client.Get(c.app.HTTP.URL + path)
	if err != nil {
		c.app.T.Fatal(err)
	}
	res.Body.Close()
	return res
}

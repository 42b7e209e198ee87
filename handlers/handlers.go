// Package handlers holds Switchboard's HTTP handlers: the HTML pages, the
// htmx partials and the JSON API. Handlers parse input, call domain rules
// through the stores and render; they never build SQL.
package handlers

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"switchboard/domain"
)

// Store is every store the handlers use, handed over at construction:
// *db.DB implements it, and a method missing from a store is a compile
// error, never a feature that silently disappears.
type Store interface {
	domain.UserStore
	domain.CustomerStore
	domain.LineStore
	domain.ReferenceStore
	domain.InventoryStore
	domain.AuditStore
	domain.SignInStore
	domain.SessionStore
	domain.DashboardStore
	domain.OrderStore
	domain.OrderQueueStore
	domain.IdempotencyStore
	domain.DraftStore
	domain.ReconnectPortStore
	domain.QuoteStore
	domain.OrderLookup        // the order rules' questions, for checking wizard steps
	domain.ProviderStateStore // what the background jobs know of each order at its provider
	Ping(ctx context.Context) error
	Clock() time.Time // the store's time now, which its rules are judged by
}

// Sessions is the browser session the web layer keeps: a signed cookie
// carrying the id of a session recorded in the database.
type Sessions interface {
	// SignIn starts a fresh session for u (a new cookie: the old one is not reused).
	SignIn(w http.ResponseWriter, r *http.Request, u *domain.User) error
	// SignOut ends the session on the server and deletes its cookie.
	SignOut(w http.ResponseWriter, r *http.Request) error
	// Flash keeps a message for the next page shown to this browser.
	Flash(w http.ResponseWriter, r *http.Request, f Flash)
	// Flashes returns and forgets the kept messages.
	Flashes(w http.ResponseWriter, r *http.Request) []Flash
}

// Flash is a one-time message shown at the top of the next page.
type Flash struct {
	Kind    string // "ok", "error" or "info"
	Message string

	// Token is a new API token on its way, over one redirect, to the one
	// page that shows it (the session cookie is encrypted); a page frame
	// never shows it.
	Token *NewToken
}

// NewToken is a just-created API token and what it is for.
type NewToken struct{ Value, User, Name string }

// Passwords hashes and checks passwords.
type Passwords interface {
	Hash(pw string) (string, error)
	Check(hash, pw string) bool
}

// Handlers holds what every handler needs.
type Handlers struct {
	Store     Store
	Jobs      domain.JobAdmin // the background jobs, for the admin page
	Sessions  Sessions
	Passwords Passwords
	Log       *slog.Logger
}

// HandlerFunc is a handler that returns its error for the adapter to render.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

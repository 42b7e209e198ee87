// Package web is the HTTP server: routes, middleware, sessions and the
// role rules every route is given.
package web

import (
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"switchboard/domain"
	"switchboard/handlers"
	"switchboard/web/auth"
)

// Server wires handlers to routes behind the middleware.
type Server struct {
	Store    handlers.Store
	Sessions *SessionStore
	Log      *slog.Logger
	H        *handlers.Handlers
	Board    *BoardHub // the live board's fan-out: set the store's PortEvents to it and Run it
	Routes   []Route
	handler  http.Handler
}

// Config is what NewServer needs. A part the handlers need is a field of
// its own here, wired in cmd_serve.go.
type Config struct {
	Store         handlers.Store
	Jobs          domain.JobAdmin // River's jobs, listed and retried on /admin/jobs
	SessionKeys   [][]byte        // first signs; the rest still verify (rotation)
	SecureCookies bool
	Log           *slog.Logger
}

// NewServer builds the server and its routes.
func NewServer(cfg Config) *Server {
	s := &Server{Store: cfg.Store, Log: cfg.Log, Sessions: NewSessionStore(cfg.SessionKeys, cfg.SecureCookies, cfg.Store)}
	s.H = &handlers.Handlers{Store: cfg.Store, Jobs: cfg.Jobs, Sessions: s.Sessions, Passwords: auth.Bcrypt{}, Log: cfg.Log}
	s.Board = NewBoardHub(s.H, cfg.Log)
	s.Routes = routes(s)
	mux := http.NewServeMux()
	for _, rt := range s.Routes {
		mux.Handle(rt.Pattern, s.guard(rt))
	}
	s.handler = chain(mux, recoverPanics(s.Log), logRequests(s.Log), securityHeaders, crossOrigin)
	return s
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Kind says how a route authenticates and answers errors.
type Kind int

const (
	KindPage Kind = iota + 1 // session cookie; errors as pages
	KindAPI                  // bearer token; errors as JSON
)

// Public marks a route anyone may open. A route's Min must be a role or Public.
const Public domain.Role = "public"

// Route is one entry of the route table: its pattern, who may use it, and its handler.
type Route struct {
	Pattern string
	Min     domain.Role
	Kind    Kind
	Handler http.Handler
}

// guard wraps a route's handler in its authentication and role rule. A
// route with no rule is refused for everyone.
func (s *Server) guard(rt Route) http.Handler {
	if rt.Min == Public {
		if rt.Kind != KindPage {
			return rt.Handler
		}
		// A public page still knows who is signed in, so its frame shows
		// their navigation (the 404 page of a mistyped address).
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if u := s.pageUser(w, r); u != nil {
				r = r.WithContext(domain.NewContextWithUser(r.Context(), u))
			}
			rt.Handler.ServeHTTP(w, r)
		})
	}
	if !rt.Min.Valid() || (rt.Kind != KindPage && rt.Kind != KindAPI) {
		s.Log.Error("route has no role rule; refusing it", "pattern", rt.Pattern)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "Forbidden.", http.StatusForbidden)
		})
	}
	if rt.Kind == KindAPI {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u, err := s.apiUser(r)
			if err != nil {
				w.Header().Set("WWW-Authenticate", `Bearer realm="switchboard"`)
				handlers.WriteAPIError(w, http.StatusUnauthorized, err)
				return
			}
			if !u.Role.AtLeast(rt.Min) {
				handlers.WriteAPIError(w, http.StatusForbidden, domain.Errorf(domain.EFORBIDDEN, "Your role (%s) may not do this; it needs %s or above.", u.Role, rt.Min))
				return
			}
			rt.Handler.ServeHTTP(w, r.WithContext(domain.NewContextWithUser(r.Context(), u)))
		})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := s.pageUser(w, r)
		if u == nil {
			next := r.URL.RequestURI()
			if r.Header.Get("HX-Request") == "true" {
				if cu := r.Header.Get("HX-Current-URL"); cu != "" {
					if p, err := url.Parse(cu); err == nil {
						next = p.RequestURI()
					}
				}
				w.Header().Set("HX-Redirect", "/login?next="+url.QueryEscape(next))
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			if r.Method != http.MethodGet {
				next = "/"
			}
			http.Redirect(w, r, "/login?next="+url.QueryEscape(next), http.StatusSeeOther)
			return
		}
		ctx := domain.NewContextWithUser(r.Context(), u)
		r = r.WithContext(ctx)
		if !u.Role.AtLeast(rt.Min) {
			s.H.Page(func(w http.ResponseWriter, r *http.Request) error {
				return domain.Errorf(domain.EFORBIDDEN, "Your role (%s) may not open this page; it needs %s or above.", u.Role.Title(), rt.Min.Title())
			}).ServeHTTP(w, r)
			return
		}
		rt.Handler.ServeHTTP(w, r)
	})
}

// pageUser returns the signed-in user of a browser session, or nil: a
// session ended or run out, or a disabled user, is signed out.
func (s *Server) pageUser(w http.ResponseWriter, r *http.Request) *domain.User {
	u, err := s.Sessions.User(r)
	if err != nil {
		s.Log.ErrorContext(r.Context(), "session check", "err", err)
		return nil
	}
	return u
}

// apiUser returns the user an API request's bearer token acts as.
func (s *Server) apiUser(r *http.Request) (*domain.User, error) {
	h := r.Header.Get("Authorization")
	scheme, token, found := strings.Cut(h, " ")
	if !found || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "An API token is required: Authorization: Bearer <token>.")
	}
	return s.Store.FindUserByTokenHash(r.Context(), auth.HashToken(token))
}

package web

import (
	"net/http"

	"switchboard/domain"
	"switchboard/handlers"
	"switchboard/static"
)

// routes is the whole HTTP surface: every path, who may use it, and its handler.
func routes(h *handlers.Handlers) []Route {
	page := func(pattern string, min domain.Role, fn handlers.HandlerFunc) Route {
		return Route{Pattern: pattern, Min: min, Kind: KindPage, Handler: h.Page(fn)}
	}
	api := func(pattern string, min domain.Role, fn handlers.HandlerFunc) Route {
		return Route{Pattern: pattern, Min: min, Kind: KindAPI, Handler: h.API(fn)}
	}
	const (
		support    = domain.RoleSupport
		rep        = domain.RoleRep
		supervisor = domain.RoleSupervisor
		admin      = domain.RoleAdmin
	)
	_, _, _, _ = rep, supervisor, admin, api
	return []Route{
		// Open to anyone.
		{Pattern: "GET /healthz", Min: Public, Handler: h.API(h.HandleHealth)},
		{Pattern: "GET /static/", Min: Public, Handler: static.Handler()},
		{Pattern: "GET /login", Min: Public, Handler: h.Page(h.HandleLoginForm)},
		{Pattern: "POST /login", Min: Public, Handler: h.Page(h.HandleLogin)},
		{Pattern: "POST /logout", Min: Public, Handler: h.Page(h.HandleLogout)},
		{Pattern: "/", Min: Public, Handler: h.Page(h.HandleNotFound)},
		{Pattern: "/api/", Min: Public, Handler: h.API(h.HandleAPINotFound)},

		// Pages.
		page("GET /{$}", support, h.HandleDashboard),
	}
}

var _ = http.MethodGet

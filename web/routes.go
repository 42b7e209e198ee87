package web

import (
	"switchboard/domain"
	"switchboard/handlers"
	"switchboard/static"
)

// routes is the whole HTTP surface: every path, who may use it, and its handler.
func routes(s *Server) []Route {
	h := s.H
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
	newService, changeService := h.NewServiceWizard(), h.ChangeServiceWizard()
	return []Route{
		// Open to anyone.
		{Pattern: "GET /healthz", Min: Public, Handler: h.API(h.HandleHealth)},
		{Pattern: "GET /static/", Min: Public, Handler: static.Handler()},
		{Pattern: "GET /login", Min: Public, Handler: h.Page(h.HandleLoginForm)},
		{Pattern: "POST /login", Min: Public, Handler: h.Page(h.HandleLogin)},
		{Pattern: "POST /logout", Min: Public, Handler: h.Page(h.HandleLogout)},
		page("POST /logout/everywhere", support, h.HandleSignOutEverywhere),
		{Pattern: "/", Min: Public, Kind: KindPage, Handler: h.Page(h.HandleNotFound)},
		{Pattern: "/api/", Min: Public, Handler: h.API(h.HandleAPINotFound)},

		// Pages.
		page("GET /{$}", support, h.HandleDashboard),

		// Customers (pages).
		page("GET /customers", support, h.HandleCustomerSearch),
		page("GET /customers/{id}", support, h.HandleCustomerShow),

		// Orders (pages).
		page("GET /orders", support, h.HandleOrderSearch),
		page("GET /orders/export.csv", support, h.HandleOrderExport),
		page("GET /orders/{id}", support, h.HandleOrderShow),
		page("POST /orders/{id}", rep, h.HandleOrderUpdate),
		page("GET /orders/{id}/complete", rep, h.HandleOrderCompleteConfirm),
		page("POST /orders/{id}/complete", rep, h.HandleOrderComplete),
		page("GET /orders/{id}/cancel", supervisor, h.HandleOrderCancelConfirm),
		page("POST /orders/{id}/cancel", supervisor, h.HandleOrderCancel),
		page("GET /routes", supervisor, h.HandleRouteDecisions),
		page("POST /orders/{id}/route", supervisor, h.HandleRouteChoose),
		page("GET /orders/{id}/route", supervisor, h.HandleRouteState),
		page("POST /orders/{id}/undo-route", supervisor, h.HandleRouteUndo),

		// Order wizards (pages): a draft per wizard run, a step per URL.
		page("GET /orders/new", rep, newService.Start),
		page("POST /orders/new", rep, newService.Create),
		page("GET /orders/new/{draft}/{step}", rep, newService.Step),
		page("POST /orders/new/{draft}/{step}", rep, newService.Save),
		page("POST /orders/new/{draft}/submit", rep, newService.Submit),
		page("GET /orders/create", rep, changeService.Start),
		page("POST /orders/create", rep, changeService.Create),
		page("GET /orders/create/{draft}/{step}", rep, changeService.Step),
		page("POST /orders/create/{draft}/{step}", rep, changeService.Save),
		page("POST /orders/create/{draft}/submit", rep, changeService.Submit),
		page("GET /drafts", rep, h.HandleDrafts),
		page("GET /drafts/{draft}/discard", rep, h.HandleDraftDiscardConfirm),
		page("POST /drafts/{draft}/discard", rep, h.HandleDraftDiscard),

		// Quotes and the port-number range editor (pages).
		page("POST /customers/{id}/quotes", rep, h.HandleQuoteStart),
		page("GET /quotes/{id}", support, h.HandleQuoteShow),
		page("POST /quotes/{id}/services", rep, h.HandleQuoteServiceAdd),
		page("GET /quotes/{id}/convert", rep, h.HandleQuoteConvertConfirm),
		page("POST /quotes/{id}/convert", rep, h.HandleQuoteConvert),
		page("GET /order-services/{id}/port-numbers", support, h.HandlePortNumbers),
		page("GET /order-services/{id}/port-numbers.csv", support, h.HandlePortNumbersCSV),
		page("POST /order-services/{id}/port-numbers", rep, h.HandlePortNumberAdd),
		page("POST /order-services/{id}/port-numbers/check", rep, h.HandlePortNumberCheck),
		page("POST /order-services/{id}/port-numbers/paste", rep, h.HandlePasteSave),
		page("POST /order-services/{id}/port-numbers/paste/preview", rep, h.HandlePastePreview),
		page("POST /order-services/{id}/port-numbers/{pid}", rep, h.HandlePortNumberChange),
		page("POST /order-services/{id}/port-numbers/{pid}/remove", rep, h.HandlePortNumberRemove),

		// Service designs: reference data (pages).
		page("GET /admin/service-designs", admin, h.HandleServiceDesigns),
		page("POST /admin/service-designs", admin, h.HandleServiceDesignSave),
		page("POST /admin/service-designs/{id}", admin, h.HandleServiceDesignSave),

		// Reconnect ports (pages): the live board and its event stream.
		page("GET /reconnect-ports", support, h.HandleReconnectBoard),
		page("GET /reconnect-ports/events", support, s.handleBoardEvents),
		page("GET /reconnect-ports/new", rep, h.HandleReconnectPortNew),
		page("POST /reconnect-ports/new", rep, h.HandleReconnectPortCreate),
		page("GET /reconnect-ports/new/lines", rep, h.HandleReconnectPortLines),
		page("GET /reconnect-ports/new/inventory", rep, h.HandleReconnectPortInventory),
		page("POST /reconnect-ports/new/check", rep, h.HandleReconnectPortCheck),
		page("GET /reconnect-ports/{id}/resubmit", rep, h.HandleReconnectPortResubmitForm),
		page("POST /reconnect-ports/{id}/resubmit", rep, h.HandleReconnectPortResubmit),

		// Users and API tokens (pages).
		page("GET /admin/users", admin, h.HandleAdminUsers),
		page("POST /admin/users", admin, h.HandleUserCreate),
		page("POST /admin/users/{id}", admin, h.HandleUserUpdate),
		page("POST /admin/tokens", admin, h.HandleTokenCreate),
		page("GET /admin/tokens/created", admin, h.HandleTokenCreated),
		page("POST /admin/tokens/{id}/revoke", admin, h.HandleTokenRevoke),
		page("GET /admin/jobs", admin, h.HandleAdminJobs),
		page("POST /admin/jobs/{id}/retry", admin, h.HandleJobRetry),

		// Reference data (JSON API).
		api("GET /api/customers", support, h.HandleAPICustomers),
		api("GET /api/customers/{CustomerID}", support, h.HandleAPICustomer),
		api("POST /api/customers", rep, h.Idempotent(h.HandleAPICustomerCreate)),
		api("GET /api/lines", support, h.HandleAPILines),
		api("GET /api/carriers", support, h.HandleAPICarriers),
		api("GET /api/carrier-accounts", support, h.HandleAPICarrierAccounts),
		api("GET /api/packages", support, h.HandleAPIPackages),
		api("GET /api/products", support, h.HandleAPIProducts),
		api("GET /api/service-types", support, h.HandleAPIServiceTypes),
		api("GET /api/processes", support, h.HandleAPIProcesses),
		api("GET /api/inventory", support, h.HandleAPIInventory),
		api("POST /api/inventory", admin, h.Idempotent(h.HandleAPIInventoryCreate)),

		// Service designs, quotes and port numbers (JSON API, seed 002).
		api("GET /api/service-designs", support, h.HandleAPIServiceDesigns),
		api("POST /api/quotes", rep, h.Idempotent(h.HandleAPIQuoteCreate)),
		api("GET /api/quotes/{QuoteID}", support, h.HandleAPIQuote),
		api("POST /api/quotes/{QuoteID}/services", rep, h.Idempotent(h.HandleAPIQuoteServiceAdd)),
		api("POST /api/quotes/{QuoteID}/convert", rep, h.Idempotent(h.HandleAPIQuoteConvert)),
		api("POST /api/order/Service/{OrderServiceID}/PortNumber", rep, h.Idempotent(h.HandleAPIPortNumberAdd)),
		api("GET /api/order/Service/{OrderServiceID}/PortNumber", support, h.HandleAPIPortNumbers),
		api("PUT /api/order/Service/{OrderServiceID}/PortNumber/{PortNumberID}", rep, h.HandleAPIPortNumberChange),
		api("DELETE /api/order/Service/{OrderServiceID}/PortNumber/{PortNumberID}", rep, h.HandleAPIPortNumberRemove),

		// Orders (JSON API). Creating endpoints honour Idempotency-Key.
		api("POST /api/new-orders", rep, h.Idempotent(h.HandleAPINewOrdersCreate)),
		api("POST /api/orders", rep, h.Idempotent(h.HandleAPIOrdersCreate)),
		api("GET /api/orders", support, h.HandleAPIOrders),
		api("GET /api/orders/{OrderID}", support, h.HandleAPIOrder),
		api("PATCH /api/orders/{OrderID}", rep, h.HandleAPIOrderUpdate),
		api("GET /api/orders/{OrderID}/history", support, h.HandleAPIOrderHistory),

		// Reconnect ports (JSON API).
		api("POST /api/reconnect-ports", rep, h.Idempotent(h.HandleAPIReconnectPortCreate)),
		api("GET /api/reconnect-ports", support, h.HandleAPIReconnectPorts),
		api("GET /api/reconnect-ports/{ReconnectPortID}", support, h.HandleAPIReconnectPort),
		api("POST /api/reconnect-ports/{ReconnectPortID}/resubmit", rep, h.Idempotent(h.HandleAPIReconnectPortResubmit)),
	}
}

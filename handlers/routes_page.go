package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"switchboard/domain"
	"switchboard/views"
)

// routeQueuePageSize is how many waiting orders the route page lists at a time.
const routeQueuePageSize = 50

// routeHeldRefresh is the longest a just-chosen row waits before it looks
// again (to keep "in 45 seconds" right, and to drop Undo when the window ends).
const routeHeldRefresh = 15 * time.Second

// HandleRouteDecisions lists the orders waiting for a route decision,
// oldest first, each with what the decision is about and its process's
// routes, and above them the choices that can still be undone.
func (h *Handlers) HandleRouteDecisions(w http.ResponseWriter, r *http.Request) error {
	vm, err := h.routeDecisionsVM(r.Context(), r.URL.Query().Get("After"))
	if err != nil {
		return err
	}
	return h.renderRouteDecisions(w, r, http.StatusOK, vm)
}

func (h *Handlers) renderRouteDecisions(w http.ResponseWriter, r *http.Request, status int, vm views.RouteDecisionsVM) error {
	return h.render(w, r, status, views.RouteDecisionsPage(h.shell(w, r, "Route decisions"), vm), views.RouteList(vm))
}

func (h *Handlers) routeDecisionsVM(ctx context.Context, after string) (views.RouteDecisionsVM, error) {
	vm := views.RouteDecisionsVM{Window: domain.WindowWords(domain.RouteUndoWindow)}
	orders, next, err := h.Store.FindOrdersAwaitingRoute(ctx, domain.Page{Limit: routeQueuePageSize, After: after})
	if domain.ErrorCode(err) == domain.EINVALID && after != "" {
		// A cursor from another list: start the queue again.
		orders, next, err = h.Store.FindOrdersAwaitingRoute(ctx, domain.Page{Limit: routeQueuePageSize})
		after = ""
	}
	if err != nil {
		return vm, err
	}
	if vm.Waiting, err = h.Store.CountOrdersAwaitingRoute(ctx); err != nil {
		return vm, err
	}
	if vm.Rows, err = h.decisionRows(ctx, orders); err != nil {
		return vm, err
	}
	if after == "" {
		held, err := h.Store.FindOrdersRouteHeld(ctx, routeQueuePageSize)
		if err != nil {
			return vm, err
		}
		now := h.Store.Clock()
		rows := make([]views.OrderRow, len(held))
		for i, o := range held {
			rows[i] = orderRow(o)
		}
		if err := h.nameCustomers(ctx, rows); err != nil {
			return vm, err
		}
		for i, o := range held {
			if hr := heldRow(o, rows[i].Customer, now); hr.Undoable {
				vm.Held = append(vm.Held, hr)
			}
		}
	}
	vm.Paged = after != ""
	if next != "" {
		vm.NextURL = "/routes?" + url.Values{"After": {next}}.Encode()
	}
	return vm, nil
}

// decisionRows are the queue's rows for orders: each with its customer's
// name, its lines' packages and its process's name.
func (h *Handlers) decisionRows(ctx context.Context, orders []*domain.Order) ([]views.RouteDecisionRow, error) {
	if len(orders) == 0 {
		return nil, nil
	}
	procs, err := h.processNames(ctx)
	if err != nil {
		return nil, err
	}
	var ids domain.ReferenceIDs
	for _, o := range orders {
		for _, it := range o.Items {
			ids.Packages = append(ids.Packages, it.PackageID)
		}
	}
	names, err := h.Store.FindReferenceNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	carriers, err := h.Store.FindCarriers(ctx)
	if err != nil {
		return nil, err
	}
	byCode := make(map[string]string, len(carriers))
	for _, c := range carriers {
		byCode[c.Code] = c.Name + " (" + c.Code + ")"
	}
	rows := make([]views.OrderRow, len(orders))
	for i, o := range orders {
		rows[i] = orderRow(o)
	}
	if err := h.nameCustomers(ctx, rows); err != nil {
		return nil, err
	}
	now := h.Store.Clock()
	out := make([]views.RouteDecisionRow, len(orders))
	for i, o := range orders {
		out[i] = routeRow(o, procs, names.Packages, byCode, now)
		out[i].Order = rows[i]
	}
	return out, nil
}

// routeRow is what a supervisor decides on for order o.
// providers names carriers by code.
func routeRow(o *domain.Order, procs, packages map[int64]string, providers map[string]string, now time.Time) views.RouteDecisionRow {
	window := domain.WindowWords(domain.RouteUndoWindow)
	row := views.RouteDecisionRow{Order: orderRow(o), Kind: orderKind(o), Version: o.Version, Window: window,
		LeadsTo: views.ChoiceWords(domain.WhatNextAfterRoute(o, now), o.CarrierName, window)}
	if o.ProcessID != nil {
		row.Process = procs[*o.ProcessID]
	}
	for _, it := range o.Items {
		l := views.RouteLine{TN: views.FormatTN(it.TN), Action: domain.ItemActionLabel(it.Action), Status: it.LineStatus, Package: packages[it.PackageID]}
		if l.TN == "" {
			l.TN = "New line, no number yet"
		}
		row.Lines = append(row.Lines, l)
	}
	if p := o.WirelessPort; p != nil {
		row.Port = &views.RoutePort{MDN: views.FormatTN(p.MDN), ExternalProvider: p.ExternalProvider, AccountNumber: p.AccountNumber,
			AuthorizedSigner: p.AuthorizedSigner}
		if name := providers[p.ExternalProvider]; name != "" {
			row.Port.ExternalProvider = name
		}
	}
	for _, rt := range o.Routes {
		row.Routes = append(row.Routes, views.RouteChoice{ID: rt.ID, Description: rt.Description, Meaning: rt.Meaning})
	}
	return row
}

// orderKind is an order's kind in words, with what it carries.
func orderKind(o *domain.Order) string {
	k := domain.OrderTypeLabel(o.Type)
	switch {
	case o.Reconnect && o.WirelessPort != nil:
		k += " (a reconnect, with a number port-in)"
	case o.Reconnect:
		k += " (a reconnect)"
	case o.WirelessPort != nil:
		k += " with a number port-in"
	}
	return k
}

// heldRow is order o, whose route was chosen, as the route page shows it
// at now: with Undo while the choice can be undone, else what became of it.
func heldRow(o *domain.Order, customer string, now time.Time) views.RouteHeldRow {
	hr := views.RouteHeldRow{OrderID: o.ID, Customer: customer}
	if o.ProcessRouteID != nil {
		hr.Route = routeName(o, *o.ProcessRouteID)
	}
	next := views.NextWords(domain.WhatNext(o, now), o.CarrierName, now)
	until, held := domain.RouteHeld(o, now)
	if held {
		hr.Undoable, hr.Until, hr.Next = true, until, next
		wait := until.Sub(now) + time.Second
		hr.Refresh = int(min(wait, routeHeldRefresh) / time.Second)
		hr.Refresh = max(hr.Refresh, 1)
		return hr
	}
	switch {
	case o.AwaitingRoute():
		hr.Message = "its route choice was undone: it waits for a route decision again."
	case hr.Route != "":
		hr.Message = "took the route “" + hr.Route + "”. " + next
	default:
		hr.Message = next
	}
	return hr
}

// processNames maps process ids to names.
func (h *Handlers) processNames(ctx context.Context) (map[int64]string, error) {
	ps, err := h.Store.FindProcesses(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(ps))
	for _, p := range ps {
		out[p.ID] = p.Name
	}
	return out, nil
}

// routeName is the description of one of o's routes.
func routeName(o *domain.Order, id int64) string {
	if o != nil {
		for _, rt := range o.Routes {
			if rt.ID == id {
				return rt.Description
			}
		}
	}
	return "route " + itoa64(id)
}

// parseRouteChoice reads a route choice's form: the route and the version
// of the order the queue showed. It returns the failure in words and its
// status when the form is not whole.
func parseRouteChoice(r *http.Request) (rid int64, version int, failure string, status int) {
	rid, rerr := strconv.ParseInt(strings.TrimSpace(r.PostForm.Get("ProcessRouteID")), 10, 64)
	version, verr := strconv.Atoi(r.PostForm.Get("Version"))
	switch {
	case rerr != nil || rid <= 0:
		return 0, 0, "Choose one of the routes.", http.StatusUnprocessableEntity
	case verr != nil:
		return 0, 0, "This form does not say which version of the order it was read at; choose again.", http.StatusConflict
	}
	return rid, version, "", 0
}

package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
)

// routeQueuePageSize is how many waiting orders the route page lists at a time.
const routeQueuePageSize = 50

// HandleRouteDecisions lists the orders waiting for a route decision,
// oldest first, each with its process's routes to choose from.
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
	var vm views.RouteDecisionsVM
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
	procs, err := h.processNames(ctx)
	if err != nil {
		return vm, err
	}
	rows := make([]views.OrderRow, len(orders))
	for i, o := range orders {
		rows[i] = orderRow(o)
	}
	if err := h.nameCustomers(ctx, rows); err != nil {
		return vm, err
	}
	for i, o := range orders {
		row := routeRow(o, procs)
		row.Order = rows[i]
		vm.Rows = append(vm.Rows, row)
	}
	vm.Paged = after != ""
	if next != "" {
		vm.NextURL = "/routes?" + url.Values{"After": {next}}.Encode()
	}
	return vm, nil
}

func routeRow(o *domain.Order, procs map[int64]string) views.RouteDecisionRow {
	row := views.RouteDecisionRow{Order: orderRow(o), Version: o.Version}
	if o.ProcessID != nil {
		row.Process = procs[*o.ProcessID]
	}
	for _, rt := range o.Routes {
		row.Routes = append(row.Routes, views.RouteChoice{ID: rt.ID, Description: rt.Description})
	}
	return row
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

// HandleRouteChoose records a supervisor's route for an order
// (Orders_Update's ProcessRouteID) at the version the queue showed. An htmx
// request gets its row removed and the message in the flash area; a plain
// form is redirected to the queue (303). A failed choice shows its reason
// in the row: 409 when the order changed meanwhile, 422 for a bad route.
func (h *Handlers) HandleRouteChoose(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(r, "Order")
	if err != nil {
		return err
	}
	ctx := r.Context()
	st := h.Store
	rid, rerr := strconv.ParseInt(strings.TrimSpace(r.PostForm.Get("ProcessRouteID")), 10, 64)
	version, verr := strconv.Atoi(r.PostForm.Get("Version"))
	var failure string
	status := http.StatusUnprocessableEntity
	switch {
	case rerr != nil || rid <= 0:
		failure = "Choose one of the routes."
	case verr != nil:
		failure, status = "This form does not say which version of the order it was read at; choose again.", http.StatusConflict
	default:
		o, err := st.UpdateOrder(ctx, id, &domain.OrderUpdateInput{ProcessRouteID: &rid}, &version)
		switch domain.ErrorCode(err) {
		case "":
			return h.routeAnswer(w, r, "ok", "Order "+itoa64(id)+" will take the route “"+routeName(o, rid)+"”.")
		case domain.ESTALE:
			failure, status = "Someone changed this order since the list was loaded, so no route was chosen. It is shown as it is now: choose again.", http.StatusConflict
		case domain.ENOTFOUND:
			return h.routeAnswer(w, r, "error", "Order "+itoa64(id)+" no longer exists.")
		case domain.EINVALID, domain.EFORBIDDEN:
			failure = domain.ErrorMessage(err)
			if domain.ErrorCode(err) == domain.EFORBIDDEN {
				status = http.StatusForbidden
			}
		default:
			return err
		}
	}
	o, err := st.FindOrderByID(ctx, id)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return h.routeAnswer(w, r, "error", "Order "+itoa64(id)+" no longer exists.")
	} else if err != nil {
		return err
	}
	if !o.AwaitingRoute() {
		msg := "Order " + itoa64(id) + " no longer waits for a route"
		if o.ProcessRouteID != nil {
			msg += ": someone chose “" + routeName(o, *o.ProcessRouteID) + "”"
		}
		return h.routeAnswer(w, r, "info", msg+".")
	}
	procs, err := h.processNames(ctx)
	if err != nil {
		return err
	}
	row := routeRow(o, procs)
	row.Error = failure
	named := []views.OrderRow{row.Order}
	if err := h.nameCustomers(ctx, named); err != nil {
		return err
	}
	row.Order = named[0]
	if isFragmentRequest(r) {
		return h.write(w, r, status, views.RouteDecisionRowView(row))
	}
	vm, err := h.routeDecisionsVM(ctx, "")
	if err != nil {
		return err
	}
	found := false
	for i := range vm.Rows {
		if vm.Rows[i].Order.ID == id {
			vm.Rows[i], found = row, true
		}
	}
	if !found {
		vm.Rows = append([]views.RouteDecisionRow{row}, vm.Rows...)
	}
	return h.renderRouteDecisions(w, r, status, vm)
}

// routeAnswer ends a choice that leaves the queue without the order: an
// htmx request gets the row removed, the message and the new count; a
// plain form goes back to the queue with the message.
func (h *Handlers) routeAnswer(w http.ResponseWriter, r *http.Request, kind, msg string) error {
	if !isFragmentRequest(r) {
		h.flash(w, r, kind, msg)
		return redirect(w, r, "/routes")
	}
	n, err := h.Store.CountOrdersAwaitingRoute(r.Context())
	if err != nil {
		return err
	}
	return h.write(w, r, http.StatusOK, views.RouteChosen(msg, kind, n))
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

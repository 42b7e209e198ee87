package handlers

import (
	"context"
	"net/http"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// HandleRouteChoose records a supervisor's route for an order
// (Orders_Update's ProcessRouteID) at the version the queue showed. The
// choice is recorded at once and held for domain.RouteUndoWindow before
// the order is sent. An htmx request gets the order's row replaced by the
// choice made, with Undo, and the new count; a plain form is redirected
// to the queue (303), where the choice shows with Undo. A failed choice
// shows its reason in the row: 409 when the order changed meanwhile, 422
// for a bad route.
func (h *Handlers) HandleRouteChoose(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(r, "Order")
	if err != nil {
		return err
	}
	ctx := r.Context()
	rid, version, failure, status := parseRouteChoice(r)
	if failure == "" {
		o, err := h.Store.UpdateOrder(ctx, id, &domain.OrderUpdateInput{ProcessRouteID: &rid, HoldRoute: true}, &version)
		switch domain.ErrorCode(err) {
		case "":
			return h.routeChosen(w, r, o)
		case domain.ESTALE:
			failure, status = "Someone changed this order since the list was loaded, so no route was chosen. It is shown as it is now: choose again.", http.StatusConflict
		case domain.ENOTFOUND:
			return h.routeGone(w, r, "error", "Order "+itoa64(id)+" no longer exists.")
		case domain.EINVALID, domain.EFORBIDDEN:
			failure, status = components.SayError(err), http.StatusUnprocessableEntity
			if domain.ErrorCode(err) == domain.EFORBIDDEN {
				status = http.StatusForbidden
			}
		default:
			return err
		}
	}
	o, err := h.Store.FindOrderByID(ctx, id)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return h.routeGone(w, r, "error", "Order "+itoa64(id)+" no longer exists.")
	} else if err != nil {
		return err
	}
	if !o.AwaitingRoute() {
		msg := "Order " + itoa64(id) + " no longer waits for a route"
		if o.ProcessRouteID != nil {
			msg += ": someone chose “" + routeName(o, *o.ProcessRouteID) + "”"
		}
		return h.routeGone(w, r, "info", msg+".")
	}
	row, err := h.decisionRow(ctx, o)
	if err != nil {
		return err
	}
	row.Error = failure
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

// routeChosen answers a choice that took for order o.
func (h *Handlers) routeChosen(w http.ResponseWriter, r *http.Request, o *domain.Order) error {
	hr, err := h.heldRowOf(r.Context(), o)
	if err != nil {
		return err
	}
	if !isFragmentRequest(r) {
		msg := "Order " + itoa64(o.ID) + " takes the route “" + hr.Route + "”. " + hr.Next
		if hr.Undoable {
			msg += " You can undo the choice below until " + views.ClockTime(hr.Until) + "."
		}
		h.flash(w, r, "ok", msg)
		return redirect(w, r, "/routes")
	}
	n, err := h.Store.CountOrdersAwaitingRoute(r.Context())
	if err != nil {
		return err
	}
	hr.Focus = true
	return h.write(w, r, http.StatusOK, views.RouteChosen(hr, n))
}

// routeGone ends a choice that leaves the queue without the order: an
// htmx request gets the row removed, the message and the new count; a
// plain form goes back to the queue with the message.
func (h *Handlers) routeGone(w http.ResponseWriter, r *http.Request, kind, msg string) error {
	if !isFragmentRequest(r) {
		h.flash(w, r, kind, msg)
		return redirect(w, r, "/routes")
	}
	n, err := h.Store.CountOrdersAwaitingRoute(r.Context())
	if err != nil {
		return err
	}
	return h.write(w, r, http.StatusOK, views.RouteGone(msg, kind, n))
}

// HandleRouteState answers a just-chosen row looking again: the row as it
// is now (still undoable, gone on, or back in the queue when someone
// undid the choice). A plain request is sent to the queue.
func (h *Handlers) HandleRouteState(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Order")
	if err != nil {
		return err
	}
	if !isFragmentRequest(r) {
		return redirect(w, r, "/routes")
	}
	ctx := r.Context()
	o, err := h.Store.FindOrderByID(ctx, id)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return h.routeGone(w, r, "info", "Order "+itoa64(id)+" no longer exists.")
	} else if err != nil {
		return err
	}
	if o.AwaitingRoute() {
		row, err := h.decisionRow(ctx, o)
		if err != nil {
			return err
		}
		return h.write(w, r, http.StatusOK, views.RouteDecisionRowView(row))
	}
	hr, err := h.heldRowOf(ctx, o)
	if err != nil {
		return err
	}
	return h.write(w, r, http.StatusOK, views.RouteHeldView(hr))
}

// HandleRouteUndo undoes a supervisor's route choice within the undo
// window (UndoRouteChoice): the order waits for a route decision again.
// An htmx request gets the order back in the queue in place of the
// chosen row, the message and the new count; a plain form goes back to
// the queue with the message. Too late (the window passed, or the order
// moved on) is refused with the reason: 409, in the row.
func (h *Handlers) HandleRouteUndo(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(r, "Order")
	if err != nil {
		return err
	}
	ctx := r.Context()
	o, err := h.Store.UndoRouteChoice(ctx, id)
	switch domain.ErrorCode(err) {
	case "":
		msg := "The route choice for order " + itoa64(id) + " is undone: it waits for a route decision again."
		if !isFragmentRequest(r) {
			h.flash(w, r, "ok", msg)
			return redirect(w, r, "/routes")
		}
		row, err := h.decisionRow(ctx, o)
		if err != nil {
			return err
		}
		n, err := h.Store.CountOrdersAwaitingRoute(ctx)
		if err != nil {
			return err
		}
		row.Focus = true
		return h.write(w, r, http.StatusOK, views.RouteUndone(row, msg, n))
	case domain.ENOTFOUND:
		return h.routeGone(w, r, "error", "Order "+itoa64(id)+" no longer exists.")
	case domain.ECONFLICT:
		if !isFragmentRequest(r) {
			h.flash(w, r, "error", components.SayError(err))
			return redirect(w, r, "/routes")
		}
		o, ferr := h.Store.FindOrderByID(ctx, id)
		if ferr != nil {
			return ferr
		}
		hr, ferr := h.heldRowOf(ctx, o)
		if ferr != nil {
			return ferr
		}
		hr.Error = components.SayError(err)
		return h.write(w, r, http.StatusConflict, views.RouteHeldView(hr))
	}
	return err
}

// decisionRow is the queue's row for order o (as FindOrderByID reads
// it), with its lines' statuses now.
func (h *Handlers) decisionRow(ctx context.Context, o *domain.Order) (views.RouteDecisionRow, error) {
	for _, it := range o.Items {
		if it.LineID > 0 && it.LineStatus == "" {
			l, err := h.Store.FindLineByID(ctx, it.LineID)
			if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
				return views.RouteDecisionRow{}, err
			} else if err == nil {
				it.LineStatus = l.Status
			}
		}
	}
	rows, err := h.decisionRows(ctx, []*domain.Order{o})
	if err != nil {
		return views.RouteDecisionRow{}, err
	}
	return rows[0], nil
}

// heldRowOf is order o's just-chosen row, with its customer's name.
func (h *Handlers) heldRowOf(ctx context.Context, o *domain.Order) (views.RouteHeldRow, error) {
	rows := []views.OrderRow{orderRow(o)}
	if err := h.nameCustomers(ctx, rows); err != nil {
		return views.RouteHeldRow{}, err
	}
	return heldRow(o, rows[0].Customer, h.Store.Clock()), nil
}

package db_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// routeWaiting opens a flow-through new-service order on the two-route
// process, waiting for a route decision.
func routeWaiting(t *testing.T, d *db.DB, w *orderWorld) *domain.Order {
	t.Helper()
	in := w.newService()
	in.ProcessID = w.r.TwoRoutes
	o := mustNewOrder(t, d, asUser(w.Rep), in)
	yes := true
	o = mustUpdateOrder(t, d, asUser(w.Rep), o.ID, &domain.OrderUpdateInput{FlowThroughFlag: &yes})
	if !o.AwaitingRoute() || !o.FlowThrough {
		t.Fatalf("order %+v does not wait for a route with flow-through", o)
	}
	return o
}

func TestUndoRouteChoice(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		sup := asUser(w.Supervisor)
		ctx := context.Background()

		t.Run("APIChoiceSentAtOnce", func(t *testing.T) {
			o := routeWaiting(t, d, w)
			rid := o.Routes[1].ID
			chosen := mustUpdateOrder(t, d, sup, o.ID, &domain.OrderUpdateInput{ProcessRouteID: &rid})
			if chosen.RouteSendAt != nil {
				t.Fatalf("an API choice is held until %v", chosen.RouteSendAt)
			}
			if got, err := d.OrderToSend(ctx, o.ID); err != nil || got == nil {
				t.Fatalf("OrderToSend after an API choice: %v, %v; want the order", got, err)
			}
			if _, err := d.UndoRouteChoice(sup, o.ID); domain.ErrorCode(err) != domain.ECONFLICT && domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("undo of an API choice: %v, want a refusal", err)
			}
		})

		t.Run("OK", func(t *testing.T) {
			o := routeWaiting(t, d, w)
			rid := o.Routes[1].ID
			w.clock.hold = true
			chosenAt := w.clock.now()
			chosen := mustUpdateOrder(t, d, sup, o.ID, &domain.OrderUpdateInput{ProcessRouteID: &rid, HoldRoute: true})
			if chosen.RouteSendAt == nil || !chosen.RouteSendAt.Equal(chosenAt.Add(domain.RouteUndoWindow)) {
				t.Fatalf("RouteSendAt=%v, want %v", chosen.RouteSendAt, chosenAt.Add(domain.RouteUndoWindow))
			}
			// Not sent during the window.
			if _, err := d.OrderToSend(ctx, o.ID); !errors.As(err, new(*domain.SendHeldError)) {
				t.Fatalf("OrderToSend in the window: %v, want SendHeldError", err)
			}
			if got := mustFindOrder(t, d, o.ID).Status; got != domain.OrderNew {
				t.Fatalf("Status=%s in the window, want NEW", got)
			}
			held, err := d.FindOrdersRouteHeld(ctx, 10)
			if err != nil || len(held) != 1 || held[0].ID != o.ID || len(held[0].Items) == 0 {
				t.Fatalf("FindOrdersRouteHeld=%v, %v", held, err)
			}
			w.clock.t = w.clock.t.Add(domain.RouteUndoWindow - time.Second) // the last second of the window
			undone, err := d.UndoRouteChoice(sup, o.ID)
			w.clock.hold = false
			if err != nil {
				t.Fatal(err)
			}
			if undone.ProcessRouteID != nil || !undone.RequiresRouteDecision || undone.RouteSendAt != nil || undone.Version != chosen.Version+1 {
				t.Fatalf("undone order %+v", undone)
			}
			evs, err := d.FindAuditEvents(ctx, domain.EntityOrder, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			last := evs[len(evs)-1]
			if last.Action != domain.ActionRouteUndo || last.UserName != "supervisor" || last.Changes["ProcessRouteID"][1] != nil {
				t.Fatalf("last event %+v, want the supervisor's undo", last)
			}
			if got, err := d.OrderToSend(ctx, o.ID); got != nil || err != nil {
				t.Fatalf("OrderToSend after the undo: %v, %v; want nothing to send", got, err)
			}
			queue, _, err := d.FindOrdersAwaitingRoute(ctx, domain.Page{Limit: 10})
			if err != nil || len(queue) != 1 || queue[0].ID != o.ID {
				t.Fatalf("the undone order is not back in the queue: %v, %v", queue, err)
			}
			if queue[0].Items[0].LineStatus == "" && queue[0].Items[0].LineID != 0 {
				t.Errorf("queue item without its line's status: %+v", queue[0].Items[0])
			}
		})

		t.Run("ErrAfterWindow", func(t *testing.T) {
			o := routeWaiting(t, d, w)
			rid := o.Routes[0].ID
			chosen := mustUpdateOrder(t, d, sup, o.ID, &domain.OrderUpdateInput{ProcessRouteID: &rid, HoldRoute: true})
			w.clock.t = chosen.RouteSendAt.Add(-time.Second) // the next tick is the end of the window
			_, err := d.UndoRouteChoice(sup, o.ID)
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "The time to undo the route choice") {
				t.Errorf("message %q", domain.ErrorMessage(err))
			}
			if got := mustFindOrder(t, d, o.ID); got.ProcessRouteID == nil || got.RequiresRouteDecision || got.Version != chosen.Version {
				t.Fatalf("a late undo changed the order: %+v", got)
			}
			g, err := d.OrderToSend(ctx, o.ID)
			if err != nil || g == nil {
				t.Fatalf("OrderToSend after the window: %v, %v; want the order", g, err)
			}
			if got := mustFindOrder(t, d, o.ID).Status; got != domain.OrderSent {
				t.Fatalf("Status=%s after the window, want SENT", got)
			}
			_, err = d.UndoRouteChoice(sup, o.ID)
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "already been sent") {
				t.Errorf("message %q", domain.ErrorMessage(err))
			}
		})

		t.Run("ErrNotASupervisor", func(t *testing.T) {
			o := routeWaiting(t, d, w)
			rid := o.Routes[0].ID
			mustUpdateOrder(t, d, sup, o.ID, &domain.OrderUpdateInput{ProcessRouteID: &rid, HoldRoute: true})
			_, err := d.UndoRouteChoice(asUser(w.Rep), o.ID)
			wantCode(t, err, domain.EFORBIDDEN)
		})

		t.Run("ErrNothingToUndo", func(t *testing.T) {
			o := routeWaiting(t, d, w)
			_, err := d.UndoRouteChoice(sup, o.ID)
			wantCode(t, err, domain.ECONFLICT)
			in := w.newService()
			in.ProcessID = w.r.OneRoute
			one := mustNewOrder(t, d, asUser(w.Rep), in)
			_, err = d.UndoRouteChoice(sup, one.ID)
			wantCode(t, err, domain.ECONFLICT)
			_, err = d.UndoRouteChoice(sup, 999999)
			wantCode(t, err, domain.ENOTFOUND)
		})
	})
}

package jobs_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// shiftClock is the database's clock moved on by a shift the test sets,
// so an undo window passes without waiting it out.
type shiftClock struct {
	mu    sync.Mutex
	shift time.Duration
}

func (c *shiftClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().UTC().Add(c.shift).Truncate(time.Microsecond)
}

func (c *shiftClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.shift += d
}

// TestRouteChoiceSentAfterUndoWindow: an order whose route a supervisor
// chose is not sent while the choice can be undone, and is sent (once)
// when the window has passed; an order whose choice was undone in the
// window is never sent.
func TestRouteChoiceSentAfterUndoWindow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := loadDemo(t, d)
		clock := &shiftClock{}
		d.Now = clock.now
		sup, err := d.FindUserByName(ctx, "supervisor")
		if err != nil {
			t.Fatal(err)
		}
		sctx := domain.NewContextWithUser(context.Background(), sup)
		waiting, _, err := d.FindOrdersAwaitingRoute(ctx, domain.Page{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		var chosen []*domain.Order
		for _, o := range waiting {
			if o.Status == domain.OrderNew && o.FlowThrough && len(chosen) < 2 {
				chosen = append(chosen, o)
			}
		}
		if len(chosen) < 2 {
			t.Fatalf("the demo has %d flow-through orders waiting for a route, want 2", len(chosen))
		}
		sim, gw := newSim(nil)
		startInstance(t, d, gw, "one")
		for _, o := range chosen {
			rid := o.Routes[0].ID
			if _, err := d.UpdateOrder(sctx, o.ID, &domain.OrderUpdateInput{ProcessRouteID: &rid, HoldRoute: true}, &o.Version); err != nil {
				t.Fatal(err)
			}
		}
		kept, undone := chosen[0].ID, chosen[1].ID
		if _, err := d.UndoRouteChoice(sctx, undone); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * fast.poll) // the send job looks again every poll while the choice is held
		for _, id := range []int64{kept, undone} {
			if o, _ := d.FindOrderByID(ctx, id); o.Status != domain.OrderNew {
				t.Fatalf("order %d is %s within the undo window, want NEW", id, o.Status)
			}
		}
		if got := sim.Stats().Received; got != 0 {
			t.Fatalf("%d orders reached the provider within the undo window, want 0", got)
		}
		clock.add(domain.RouteUndoWindow + time.Second)
		if st := waitStatus(t, d, []int64{kept}, 30*time.Second, domain.OrderSent, domain.OrderConfirmed, domain.OrderProvisioned)[kept]; st == domain.OrderNew {
			t.Fatalf("order %d is %s after the window", kept, st)
		}
		if h := history(t, d, kept); len(h) == 0 || h[0] != "system:SENT" {
			t.Fatalf("history %v, want the system's SENT first", h)
		}
		time.Sleep(10 * fast.poll)
		if o, _ := d.FindOrderByID(ctx, undone); o.Status != domain.OrderNew || !o.AwaitingRoute() {
			t.Fatalf("the undone order is %s (awaiting a route: %v), want NEW and waiting", o.Status, o.AwaitingRoute())
		}
		if got := sim.Stats().Received; got != 1 {
			t.Fatalf("%d orders reached the provider, want 1 (the undone one never)", got)
		}
	})
}

package jobs_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"switchboard/carrier"
	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// TestOrdersCompleteAtTheProvider: flow-through orders are sent once each,
// followed, and completed by the system, completion applied, every move
// in the history.
func TestOrdersCompleteAtTheProvider(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := loadDemo(t, d)
		sim, gw := newSim(nil)
		startInstance(t, d, gw, "one")
		var ids []int64
		lines := freeLines(t, d, 10)
		for _, l := range lines {
			ids = append(ids, suspend(t, ctx, d, l))
		}
		for id, st := range waitStatus(t, d, ids, 30*time.Second) {
			if st != domain.OrderComplete {
				t.Fatalf("order %d is %s, want COMPLETE", id, st)
			}
		}
		if got, want := sim.Stats(), (carrier.Stats{Received: len(ids)}); got != want {
			t.Fatalf("Stats=%+v, want %+v", got, want)
		}
		for _, id := range ids {
			checkHistory(t, history(t, d, id), "system:SENT")
		}
		l, err := d.FindLineByID(context.Background(), lines[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := l.Status, domain.LineSuspended; got != want {
			t.Fatalf("line Status=%s, want %s: completing applies the order", got, want)
		}
		ps, err := d.FindProviderState(context.Background(), ids[0])
		if err != nil {
			t.Fatal(err)
		}
		if ps.SentAt == nil || ps.LastCheckAt == nil || !strings.Contains(ps.LastAnswer, "Complete") || ps.Failures != 0 {
			t.Fatalf("provider state %+v", ps)
		}
	})
}

// TestOrdersWithoutFlowThroughWait: an order without flow-through is not
// sent until a rep sets SENT.
func TestOrdersWithoutFlowThroughWait(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := loadDemo(t, d)
		sim, gw := newSim(nil)
		startInstance(t, d, gw, "one")
		no := false
		plan, err := d.CreateOrders(ctx, &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{TN: freeLines(t, d, 1)[0].TN, SuspendType: domain.SuspendAll, FlowThrough: &no}})
		if err != nil {
			t.Fatal(err)
		}
		id := plan.Orders[0].ID
		time.Sleep(10 * fast.poll)
		if o, _ := d.FindOrderByID(ctx, id); o.Status != domain.OrderNew || sim.Stats().Received != 0 {
			t.Fatalf("order without flow-through is %s, %d sent", o.Status, sim.Stats().Received)
		}
		if _, err := d.UpdateOrder(ctx, id, &domain.OrderUpdateInput{Status: domain.OrderSent}, nil); err != nil {
			t.Fatal(err)
		}
		if got := waitStatus(t, d, []int64{id}, 30*time.Second)[id]; got != domain.OrderComplete {
			t.Fatalf("sent by the rep, the order is %s", got)
		}
		checkHistory(t, history(t, d, id), "rep:SENT")
	})
}

// checkHistory checks an order's moves: first, then CONFIRMED (unless a
// check came only after the provider completed it), then COMPLETE.
func checkHistory(t *testing.T, got []string, first string) {
	t.Helper()
	if !slices.Equal(got, []string{first, "system:CONFIRMED", "system:COMPLETE"}) && !slices.Equal(got, []string{first, "system:COMPLETE"}) {
		t.Fatalf("history=%v, want %s, system:CONFIRMED, system:COMPLETE", got, first)
	}
}

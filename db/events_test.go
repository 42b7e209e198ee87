package db_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// eventLog is a publisher that keeps each batch, and notes for each order
// event whether the order could already be read through the read pool
// (it could not be before the commit).
type eventLog struct {
	d       *db.DB
	mu      sync.Mutex
	batches [][]domain.Event
	unseen  []string
}

func (l *eventLog) Publish(ctx context.Context, evs []domain.Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, ev := range evs {
		if ev.Entity == domain.EntityOrder {
			if o, err := l.d.FindOrderByID(ctx, ev.ID); err != nil || (ev.To != "" && o.Status != ev.To) {
				l.unseen = append(l.unseen, fmt.Sprintf("order %d %s (%v)", ev.ID, ev.Kind, err))
			}
		}
	}
	l.batches = append(l.batches, evs)
}

// take returns the batches published since the last take, each event as
// "entity id kind from>to by".
func (l *eventLog) take(t *testing.T) [][]string {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.unseen) > 0 {
		t.Errorf("published before the commit: %v", l.unseen)
	}
	var out [][]string
	for _, b := range l.batches {
		var evs []string
		for _, ev := range b {
			evs = append(evs, fmt.Sprintf("%s %d %s %s>%s %s", ev.Entity, ev.ID, ev.Kind, ev.From, ev.To, ev.By))
		}
		out = append(out, evs)
	}
	l.batches, l.unseen = nil, nil
	return out
}

func TestOrderWritesPublishEvents(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		log := &eventLog{d: d}
		d.Events = log
		ctx := asUser(w.Rep)
		want := func(t *testing.T, got [][]string, want ...string) {
			t.Helper()
			if len(got) != 1 {
				t.Fatalf("published %d batches %v, want one", len(got), got)
			}
			if !slices.Equal(got[0], want) {
				t.Fatalf("published\n\t%s\nwant\n\t%s", strings.Join(got[0], "\n\t"), strings.Join(want, "\n\t"))
			}
		}

		in := w.newService()
		in.WirelessICCID, in.ShippingAddress = "SIM-1", shipTo()
		o := mustNewOrder(t, d, ctx, in)
		line := o.Items[0].LineID
		var sim int64
		if err := d.R.Get(&sim, d.R.Rebind(`SELECT id FROM inventory WHERE identifier = ?`), "SIM-1"); err != nil {
			t.Fatal(err)
		}
		t.Run("Create", func(t *testing.T) {
			want(t, log.take(t),
				fmt.Sprintf("line %d created >PENDING rep", line),
				fmt.Sprintf("order %d created >NEW rep", o.ID),
				fmt.Sprintf("inventory %d moved AVAILABLE>ASSIGNED rep", sim))
		})
		t.Run("Update", func(t *testing.T) {
			mustUpdateOrder(t, d, ctx, o.ID, &domain.OrderUpdateInput{TrackingNumber: ptr("1Z999")})
			want(t, log.take(t), fmt.Sprintf("order %d changed > rep", o.ID))
		})
		t.Run("StatusMove", func(t *testing.T) {
			mustUpdateOrder(t, d, ctx, o.ID, &domain.OrderUpdateInput{Status: domain.OrderSent})
			want(t, log.take(t), fmt.Sprintf("order %d moved NEW>SENT rep", o.ID))
		})
		t.Run("CompleteWithEffects", func(t *testing.T) {
			complete(t, d, ctx, o.ID)
			want(t, log.take(t),
				fmt.Sprintf("line %d moved PENDING>ACTIVE rep", line),
				fmt.Sprintf("order %d moved SENT>COMPLETE rep", o.ID))
		})
		t.Run("OrdersCreate", func(t *testing.T) {
			s := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{LineID: w.Second, CustomerID: w.Acme.ID, SuspendType: domain.SuspendAll}})[0]
			want(t, log.take(t), fmt.Sprintf("order %d created >NEW rep", s.ID))
		})
		t.Run("RefusedPublishesNothing", func(t *testing.T) {
			if _, err := d.UpdateOrder(ctx, o.ID, &domain.OrderUpdateInput{Status: domain.OrderNew}, nil); err == nil {
				t.Fatal("a COMPLETE order moved to NEW")
			}
			if _, err := d.CreateNewOrders(asUser(w.Support), w.newService()); err == nil {
				t.Fatal("support created an order")
			}
			if got := log.take(t); len(got) != 0 {
				t.Fatalf("published %v for refused writes", got)
			}
		})
	})
}

package db_test

import (
	"context"
	"fmt"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// TestMoveOrderBySystem checks the system's moves: the lifecycle's
// system part, completion effects in the same transaction, and a history
// that names the system, not a person.
func TestMoveOrderBySystem(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		rep := asUser(w.Rep)
		log := &eventLog{d: d}
		d.Events = log
		// A job's context carries no person; one that does still acts as the system.
		sys := context.Background()

		in := w.newService()
		in.WirelessICCID, in.ShippingAddress = "SIM-1", shipTo()
		o := mustNewOrder(t, d, rep, in)
		line := o.Items[0].LineID
		log.take(t)

		lastEvent := func(t *testing.T, entity string, id int64) *domain.AuditEvent {
			t.Helper()
			evs, err := d.FindAuditEvents(context.Background(), entity, id)
			if err != nil || len(evs) == 0 {
				t.Fatalf("FindAuditEvents(%s %d) = %v, %v", entity, id, evs, err)
			}
			return evs[len(evs)-1]
		}
		wantBySystem := func(t *testing.T, ev *domain.AuditEvent, action string) {
			t.Helper()
			if ev.Action != action || ev.UserName != domain.SystemName || ev.UserID != nil || !ev.BySystem() {
				t.Fatalf("event=%+v, want %q by the system with no user", ev, action)
			}
		}
		move := func(t *testing.T, ctx context.Context, to, note string) *domain.Order {
			t.Helper()
			got, err := d.MoveOrderBySystem(ctx, o.ID, to, note)
			if err != nil {
				t.Fatalf("MoveOrderBySystem(%s): %v", to, err)
			}
			return got
		}

		t.Run("Send", func(t *testing.T) {
			got := move(t, sys, domain.OrderSent, "")
			if got.Status != domain.OrderSent || got.Version != o.Version+1 {
				t.Fatalf("Status=%s Version=%d, want SENT at %d", got.Status, got.Version, o.Version+1)
			}
			ev := lastEvent(t, domain.EntityOrder, o.ID)
			wantBySystem(t, ev, domain.ActionSystemMove)
			if c := ev.Changes["Status"]; c[0] != "NEW" || c[1] != "SENT" {
				t.Fatalf("Status change=%v, want NEW→SENT", c)
			}
			b := log.take(t)
			if len(b) != 1 || len(b[0]) != 1 || b[0][0] != fmt.Sprintf("order %d moved NEW>SENT system", o.ID) {
				t.Fatalf("published %v, want the order moved by the system", b)
			}
		})
		t.Run("ConfirmWithProviderWords", func(t *testing.T) {
			// Acting on a request's context (a person's) is still the system's move.
			got := move(t, rep, domain.OrderConfirmed, "  Accepted by the provider, due Friday ")
			if got.Status != domain.OrderConfirmed || got.StatusNote != "Accepted by the provider, due Friday" {
				t.Fatalf("Status=%s StatusNote=%q", got.Status, got.StatusNote)
			}
			wantBySystem(t, lastEvent(t, domain.EntityOrder, o.ID), domain.ActionSystemMove)
		})
		t.Run("ErrNotTheSystemsMove", func(t *testing.T) {
			before := mustFindOrder(t, d, o.ID)
			_, err := d.MoveOrderBySystem(sys, o.ID, domain.OrderCanceled, "")
			wantField(t, err, "Status")
			if got := mustFindOrder(t, d, o.ID); got.Status != before.Status || got.Version != before.Version {
				t.Fatalf("a refused move changed the order: %s v%d", got.Status, got.Version)
			}
			if b := log.take(t); len(b) != 1 { // the confirm's batch only
				t.Fatalf("published %v", b)
			}
		})
		t.Run("CompleteAppliesTheOrder", func(t *testing.T) {
			got := move(t, sys, domain.OrderComplete, "Activated")
			if got.Status != domain.OrderComplete || got.CompletionDate == nil {
				t.Fatalf("Status=%s CompletionDate=%v", got.Status, got.CompletionDate)
			}
			if st := mustLineState(t, d, line).Status; st != domain.LineActive {
				t.Fatalf("line=%s, want ACTIVE: the new service completed", st)
			}
			wantBySystem(t, lastEvent(t, domain.EntityLine, line), "update")
			counts, err := d.CountOrdersByStatus(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if counts[domain.OrderComplete] != 1 || counts[domain.OrderConfirmed] != 0 || counts[domain.OrderSent] != 0 {
				t.Fatalf("counts=%v, want the order counted COMPLETE only", counts)
			}
		})
		t.Run("ErrFinal", func(t *testing.T) {
			_, err := d.MoveOrderBySystem(sys, o.ID, domain.OrderError, "late answer")
			wantField(t, err, "Status")
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := d.MoveOrderBySystem(sys, 987654, domain.OrderSent, "")
			wantCode(t, err, domain.ENOTFOUND)
		})
		t.Run("ErrSystemThroughOrdersUpdate", func(t *testing.T) {
			n := mustNewOrder(t, d, rep, w.newService())
			_, err := d.UpdateOrder(domain.NewContextWithSystem(context.Background()), n.ID, &domain.OrderUpdateInput{Status: domain.OrderSent}, nil)
			wantCode(t, err, domain.EFORBIDDEN) // Orders_Update is a person's
			mustUpdateOrder(t, d, rep, n.ID, &domain.OrderUpdateInput{Status: domain.OrderSent})
			if ev := lastEvent(t, domain.EntityOrder, n.ID); ev.Action != domain.ActionUpdate || ev.UserName != w.Rep.Name || ev.BySystem() {
				t.Fatalf("rep's event=%+v, want an update by %s", ev, w.Rep.Name)
			}
		})
	})
}

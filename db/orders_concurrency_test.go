package db_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// Two reps ordering a new service with the same AVAILABLE SIM at the same
// moment: exactly one gets it, the other is told the SIM is taken.
func TestCreateNewOrders_SameSIM(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		rep2 := mustCreateUser(t, d, "rep2", domain.RoleRep)
		for round := range 8 {
			sim := fmt.Sprintf("SIM-RACE-%d", round)
			mustCreateInventory(t, d, sim, domain.InventorySIM, "")
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i, c := range []struct {
				user     *domain.User
				customer int64
			}{{w.Rep, w.Acme.ID}, {rep2, w.Globex.ID}} {
				wg.Go(func() {
					in := &domain.NewOrdersInput{CustomerID: c.customer, PackageID: w.r.VZWPackage, WirelessICCID: sim, ShippingAddress: shipTo()}
					_, errs[i] = d.CreateNewOrders(asUser(c.user), in)
				})
			}
			wg.Wait()
			won := 0
			for _, err := range errs {
				if err == nil {
					won++
					continue
				}
				wantField(t, err, "WirelessICCID")
			}
			if won != 1 {
				t.Fatalf("round %d: %d orders got %s (errors %v), want exactly 1", round, won, sim, errs)
			}
			if got := count(t, d, "order_inventory", "identifier = ?", sim); got != 1 {
				t.Fatalf("round %d: %d orders hold %s, want 1", round, got, sim)
			}
		}
	})
}

// Two reps suspending one line at once: one order, one field error.
func TestCreateOrders_SameLine(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		for round := range 6 {
			line := mustCreateLine(t, d, w.r, w.Acme.ID, fmt.Sprintf("31255531%02d", round), domain.LineActive)
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i := range errs {
				wg.Go(func() {
					_, errs[i] = d.CreateOrders(asUser(w.Rep), &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{
						LineID: line, CustomerID: w.Acme.ID, SuspendType: domain.SuspendAll}})
				})
			}
			wg.Wait()
			if (errs[0] == nil) == (errs[1] == nil) {
				t.Fatalf("round %d: errors %v, want exactly one order", round, errs)
			}
			for _, err := range errs {
				if err != nil {
					wantConflict(t, err, "Suspend.LineID")
				}
			}
		}
	})
}

// The status counts stay equal to a real count while orders move along
// the lifecycle, several at once.
func TestCountOrdersByStatus(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		sup := asUser(w.Supervisor)
		var ids []int64
		for range 24 {
			plan, err := d.CreateNewOrders(sup, w.newService())
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, plan.Orders[0].ID)
		}
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Go(func() {
				r := rand.New(rand.NewPCG(uint64(g), 7))
				for step := 0; step < 40; step++ {
					id := ids[g+4*r.IntN(len(ids)/4)] // each goroutine moves its own orders
					o, err := d.FindOrderByID(context.Background(), id)
					if err != nil {
						t.Error(err)
						return
					}
					moves := domain.AllowedMoves(o.Status)
					if len(moves) == 0 {
						continue
					}
					if _, err := d.UpdateOrder(sup, id, &domain.OrderUpdateInput{Status: moves[r.IntN(len(moves))]}, &o.Version); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
		counts, err := d.CountOrdersByStatus(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		total := int64(0)
		for _, s := range domain.OrderStatuses {
			if got, want := counts[s], int64(count(t, d, "orders", "status = ?", s)); got != want {
				t.Errorf("%s: counted %d, want %d", s, got, want)
			}
			total += counts[s]
		}
		if total != int64(len(ids)) {
			t.Fatalf("counts add up to %d, want %d", total, len(ids))
		}
	})
}

// Two people saving the same version of one order at once: one change is
// kept, the other is told the order changed (ESTALE), never lost silently.
func TestUpdateOrder_SameVersion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		ctx := asUser(w.Rep)
		for round := range 6 {
			o := mustNewOrder(t, d, ctx, w.newService())
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i := range errs {
				wg.Go(func() {
					tracking := fmt.Sprintf("TRACK-%d-%d", round, i)
					_, errs[i] = d.UpdateOrder(ctx, o.ID, &domain.OrderUpdateInput{TrackingNumber: &tracking}, &o.Version)
				})
			}
			wg.Wait()
			if (errs[0] == nil) == (errs[1] == nil) {
				t.Fatalf("round %d: errors %v, want exactly one update", round, errs)
			}
			for i, err := range errs {
				if err != nil {
					wantCode(t, err, domain.ESTALE)
					continue
				}
				got := mustFindOrder(t, d, o.ID)
				if want := fmt.Sprintf("TRACK-%d-%d", round, i); got.TrackingNumber != want || got.Version != o.Version+1 {
					t.Fatalf("round %d: TrackingNumber=%q Version=%d, want %q and %d", round, got.TrackingNumber, got.Version, want, o.Version+1)
				}
			}
		}
	})
}

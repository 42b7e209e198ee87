package db_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// mustSearchWorld makes 36 orders of every kind the filters tell apart:
// Acme's on Verizon and Globex's on AT&T, some with a SIM, some waiting
// for a route decision, in several statuses, some created at the same
// instant (so the ID breaks the tie).
func mustSearchWorld(tb testing.TB, d *db.DB) (*orderWorld, []*domain.Order) {
	tb.Helper()
	w := mustOrderWorld(tb, d)
	rep, sup := asUser(w.Rep), asUser(w.Supervisor)
	var ids []int64
	for i := range 30 {
		w.clock.mu.Lock()
		w.clock.hold = i%5 == 1 || i%5 == 2 // orders 1-3 of each five share one instant
		w.clock.mu.Unlock()
		in := w.newService()
		switch {
		case i%3 == 0:
			in.CustomerID, in.PackageID = w.Globex.ID, w.r.ATTPackage
			in.ReconnectTN = fmt.Sprintf("31255520%02d", i)
		case i%4 == 1:
			in.ProcessID = w.r.TwoRoutes
		}
		if i%2 == 1 {
			sim := fmt.Sprintf("SIM-S-%02d", i)
			mustCreateInventory(tb, d, sim, domain.InventorySIM, "")
			in.WirelessICCID, in.ShippingAddress = sim, shipTo()
		}
		plan, err := d.CreateNewOrders(rep, in)
		if err != nil {
			tb.Fatalf("order %d: %v", i, err)
		}
		ids = append(ids, plan.Orders[0].ID)
	}
	w.clock.mu.Lock()
	w.clock.hold = false
	w.clock.mu.Unlock()
	for _, in := range []*domain.OrdersCreateInput{
		{Suspend: &domain.SuspendInput{TN: "3125550103", SuspendType: "ALL"}},
		{Restore: &domain.RestoreInput{TN: "3125550102"}},
		{Disconnect: &domain.DisconnectInput{TN: "3125550104"}},
	} {
		plan, err := d.CreateOrders(rep, in)
		if err != nil {
			tb.Fatal(err)
		}
		ids = append(ids, plan.OrderIDs()...)
	}
	for i, id := range ids {
		o := mustFindOrder(tb, d, id)
		switch {
		case o.RequiresRouteDecision && i%3 == 1:
			mustUpdateOrder(tb, d, sup, id, &domain.OrderUpdateInput{Status: domain.OrderCanceled})
		case o.RequiresRouteDecision:
		case i%4 == 0:
			mustUpdateOrder(tb, d, rep, id, &domain.OrderUpdateInput{Status: domain.OrderSent})
		case i%4 == 2:
			mustUpdateOrder(tb, d, rep, id, &domain.OrderUpdateInput{Status: domain.OrderHold})
		}
	}
	var all []*domain.Order
	for _, id := range ids {
		all = append(all, mustFindOrder(tb, d, id))
	}
	// Newest first.
	slices.SortFunc(all, func(a, b *domain.Order) int {
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
	return w, all
}

// matches is Orders_Search's meaning of f, in Go.
func matches(w *orderWorld, o *domain.Order, f domain.OrderFilter) bool {
	in := func(list []int64, v int64) bool { return len(list) == 0 || slices.Contains(list, v) }
	ins := func(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }
	anyOf := func(list, vals []string) bool {
		if len(list) == 0 {
			return true
		}
		for _, v := range vals {
			if slices.Contains(list, v) {
				return true
			}
		}
		return false
	}
	profile := w.Acme.BillProfileID
	if o.CustomerID == w.Globex.ID {
		profile = w.Globex.BillProfileID
	}
	var idents []string
	for _, it := range o.Items {
		idents = append(idents, it.InventoryIdentifiers...)
	}
	awaiting := o.RequiresRouteDecision && o.Open()
	return in(f.OrderID, o.ID) && ins(f.PON, o.PON) && ins(f.Status, o.Status) && in(f.CustomerID, o.CustomerID) &&
		in(f.CarrierID, o.CarrierID) && ins(f.OrderType, o.Type) && in(f.BillProfileID, profile) &&
		anyOf(f.TN, o.TNs()) && anyOf(f.Identifier, idents) &&
		(f.RequiresRouteDecision == nil || *f.RequiresRouteDecision == awaiting)
}

func TestFindOrders(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w, all := mustSearchWorld(t, d)
		yes, no := true, false
		filters := map[string]domain.OrderFilter{
			"All":                {},
			"Status":             {Status: []string{domain.OrderNew}},
			"Statuses":           {Status: []string{domain.OrderSent, domain.OrderHold, domain.OrderCanceled}},
			"Customer":           {CustomerID: []int64{w.Globex.ID}},
			"Carrier":            {CarrierID: []int64{w.r.VZW}},
			"Carriers":           {CarrierID: []int64{w.r.VZW, w.r.ATT}},
			"Customers":          {CustomerID: []int64{w.Acme.ID, w.Globex.ID}, Status: []string{domain.OrderNew, domain.OrderHold}},
			"Type":               {OrderType: []string{domain.TypeSuspend, domain.TypeDisconnect}},
			"BillProfile":        {BillProfileID: []int64{w.Other}},
			"TN":                 {TN: []string{"(312) 555-2003", "3125550103", "3125552099"}},
			"OneTN":              {TN: []string{"3125550103"}},
			"TNAndStatus":        {TN: []string{"(312) 555-2003", "3125550103", "3125550104"}, Status: []string{domain.OrderNew}},
			"Identifier":         {Identifier: []string{"SIM-S-05", "SIM-S-07", "SIM-S-29"}},
			"PON":                {PON: []string{all[3].PON, all[10].PON}},
			"OrderID":            {OrderID: []int64{all[0].ID, all[5].ID, all[20].ID}},
			"AwaitingRoute":      {RequiresRouteDecision: &yes},
			"NotAwaitingRoute":   {RequiresRouteDecision: &no},
			"StatusAndCustomer":  {Status: []string{domain.OrderNew}, CustomerID: []int64{w.Acme.ID}},
			"StatusAndType":      {Status: []string{domain.OrderNew, domain.OrderSent}, OrderType: []string{domain.TypeNew}},
			"NothingMatches":     {CustomerID: []int64{w.Globex.ID}, CarrierID: []int64{w.r.VZW}},
			"IdentifierAndRoute": {Identifier: []string{"SIM-S-01", "SIM-S-05", "SIM-S-09"}, RequiresRouteDecision: &yes},
		}
		for name, f := range filters {
			t.Run(name, func(t *testing.T) {
				if err := f.Validate(); err != nil { // normalizes the TNs as the store does
					t.Fatal(err)
				}
				var want []int64
				for _, o := range all {
					if matches(w, o, f) {
						want = append(want, o.ID)
					}
				}
				if len(want) == 0 && name != "NothingMatches" {
					t.Fatalf("the world has no order for filter %s", name)
				}
				for _, asc := range []bool{false, true} {
					var got []int64
					pages := 0
					page := f
					page.Limit = 4
					for {
						var os []*domain.Order
						var next string
						var err error
						if asc {
							os, next, err = d.FindOrdersOldestFirst(ctx, page)
						} else {
							os, next, err = d.FindOrders(ctx, page)
						}
						if err != nil {
							t.Fatal(err)
						}
						pages++
						if len(os) > 4 || (next != "" && len(os) != 4) {
							t.Fatalf("page %d: %d orders, next %q", pages, len(os), next)
						}
						for _, o := range os {
							got = append(got, o.ID)
							if o.CarrierName == "" || o.CarrierAccountName == "" {
								t.Fatalf("order %d without carrier names", o.ID)
							}
							if o.Items != nil {
								t.Fatalf("order %d has Items without ShowServiceDetails", o.ID)
							}
							if awaiting := o.RequiresRouteDecision && o.Open(); awaiting != (len(o.Routes) > 0) {
								t.Fatalf("order %d: awaiting=%v routes=%v", o.ID, awaiting, o.Routes)
							}
						}
						if next == "" {
							break
						}
						page.After = next
					}
					w := want
					if asc {
						w = slices.Clone(want)
						slices.Reverse(w)
					}
					if !slices.Equal(got, w) {
						t.Fatalf("asc=%v: got %v, want %v", asc, got, w)
					}
				}
			})
		}

		t.Run("ShowServiceDetails", func(t *testing.T) {
			os, _, err := d.FindOrders(ctx, domain.OrderFilter{Identifier: []string{"SIM-S-05"}, ShowServiceDetails: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(os) != 1 || len(os[0].Items) != 1 || !slices.Equal(os[0].Items[0].InventoryIdentifiers, []string{"SIM-S-05"}) ||
				len(os[0].Items[0].Products) == 0 {
				t.Fatalf("orders=%+v", os)
			}
		})
		t.Run("AwaitingRoute", func(t *testing.T) {
			os, next, err := d.FindOrdersAwaitingRoute(ctx, domain.Page{})
			if err != nil || next != "" {
				t.Fatal(err, next)
			}
			var want []int64
			for _, o := range all {
				if o.RequiresRouteDecision && o.Open() {
					want = append([]int64{o.ID}, want...)
				}
			}
			var got []int64
			for _, o := range os {
				got = append(got, o.ID)
				if len(o.Routes) != 2 {
					t.Fatalf("order %d routes=%v", o.ID, o.Routes)
				}
			}
			if len(want) == 0 || !slices.Equal(got, want) {
				t.Fatalf("awaiting=%v, want %v oldest first", got, want)
			}
			n, err := d.CountOrdersAwaitingRoute(ctx)
			if err != nil || n != int64(len(want)) {
				t.Fatalf("CountOrdersAwaitingRoute=%d, %v; want %d", n, err, len(want))
			}
			byCustomer, _, err := d.FindOrdersByCustomer(ctx, w.Globex.ID, domain.Page{Limit: 100})
			if err != nil || len(byCustomer) == 0 || byCustomer[0].CustomerID != w.Globex.ID {
				t.Fatalf("FindOrdersByCustomer=%d orders, %v", len(byCustomer), err)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			_, next, err := d.FindOrders(ctx, domain.OrderFilter{Page: domain.Page{Limit: 2}})
			if err != nil || next == "" {
				t.Fatal(err, next)
			}
			for name, f := range map[string]domain.OrderFilter{
				"BadCursor":       {Page: domain.Page{After: "nonsense"}},
				"CursorOfAnother": {Page: domain.Page{After: "eyJpIjo1fQ"}}, // a line list's cursor
				"Status":          {Status: []string{"DONE"}},
				"Limit":           {Page: domain.Page{Limit: 501}},
			} {
				if _, _, err := d.FindOrders(ctx, f); domain.ErrorCode(err) != domain.EINVALID {
					t.Errorf("%s: err=%v, want EINVALID", name, err)
				}
			}
			if _, _, err := d.FindOrdersOldestFirst(ctx, domain.OrderFilter{Page: domain.Page{After: next}}); domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("a newest-first cursor oldest first: err=%v, want EINVALID", err)
			}
		})
	})
}

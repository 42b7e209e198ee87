package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestLoadDemo_Orders(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		start := time.Now().UTC()
		mustLoadDemo(t, d)

		t.Run("EveryKindInEveryStatus", func(t *testing.T) {
			kinds := []string{domain.TypeNew, domain.TypeSuspend, domain.TypeDisconnect, domain.TypeRestore,
				domain.TypeAddLine, domain.TypeChangeFeature, domain.TypePackageChange}
			for _, k := range kinds {
				for _, s := range domain.OrderStatuses {
					if demoN(t, d, `SELECT COUNT(*) FROM orders WHERE order_type = ? AND status = ?`, k, s) == 0 {
						t.Errorf("no %s order in %s", k, s)
					}
				}
			}
			if demoN(t, d, `SELECT COUNT(*) FROM orders o JOIN order_wireless_ports p ON p.order_id = o.id WHERE o.order_type = 'NEW'`) == 0 {
				t.Error("no new service with a port-in")
			}
			if demoN(t, d, `SELECT COUNT(*) FROM orders WHERE order_type = 'NEW' AND reconnect`) == 0 {
				t.Error("no reconnect order")
			}
			if demoN(t, d, `SELECT COUNT(*) FROM orders o WHERE order_type = 'NEW' AND NOT reconnect
				AND NOT EXISTS (SELECT 1 FROM order_wireless_ports p WHERE p.order_id = o.id)`) == 0 {
				t.Error("no plain new service")
			}
		})

		t.Run("Notes", func(t *testing.T) {
			if n := demoN(t, d, `SELECT COUNT(*) FROM orders WHERE status IN ('ERROR', 'FLOW_ERROR', 'JEOPARDY') AND status_note = ''`); n != 0 {
				t.Errorf("%d orders in ERROR, FLOW_ERROR or JEOPARDY without a note", n)
			}
		})

		t.Run("AwaitingRoute", func(t *testing.T) {
			os, _, err := d.FindOrdersAwaitingRoute(ctx, domain.Page{Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(os), 12; got < want {
				t.Fatalf("%d orders wait for a route decision, want at least %d", got, want)
			}
			for _, o := range os {
				if len(o.Routes) < 2 || o.ProcessRouteID != nil {
					t.Errorf("order %d: routes %v, route %v", o.ID, o.Routes, o.ProcessRouteID)
				}
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM orders o JOIN processes p ON p.id = o.process_id
				WHERE p.name = 'Port-in review' AND o.process_route_id IS NOT NULL`); n == 0 {
				t.Error("no Port-in review order with a route chosen")
			}
		})

		t.Run("Dates", func(t *testing.T) {
			var times []time.Time
			if err := d.R.SelectContext(ctx, &times, `SELECT created_at FROM orders`); err != nil {
				t.Fatal(err)
			}
			for _, at := range times {
				if at.Before(start.AddDate(0, 0, -31)) || at.After(time.Now()) {
					t.Fatalf("an order created at %v, want within the last 30 days", at)
				}
			}
			// Each order's history runs forward in time.
			if n := demoN(t, d, `SELECT COUNT(*) FROM audit_events a JOIN audit_events b
				ON b.entity = a.entity AND b.entity_id = a.entity_id AND b.id > a.id AND b.at < a.at WHERE a.entity = 'order'`); n != 0 {
				t.Errorf("%d order events earlier than the one before them", n)
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM audit_events a
				WHERE a.entity = 'order' AND a.entity_id = o.id AND a.action = 'create' AND a.at = o.created_at)`); n != 0 {
				t.Errorf("%d orders without a create event at their creation", n)
			}
		})

		t.Run("NotOnReservedCustomers", func(t *testing.T) {
			reserved := `(SELECT id FROM customers ORDER BY id LIMIT 30)`
			if n := demoN(t, d, `SELECT COUNT(*) FROM orders WHERE customer_id IN `+reserved); n != 0 {
				t.Errorf("%d orders for reserved customers", n)
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM order_items i JOIN lines l ON l.id = i.line_id WHERE l.customer_id IN `+reserved); n != 0 {
				t.Errorf("%d order items on reserved lines", n)
			}
		})

		t.Run("LinesFollowOrders", func(t *testing.T) {
			for _, c := range []struct {
				what, where string
			}{
				{"completed suspend's line not SUSPENDED", `o.order_type = 'SUSPEND' AND o.status = 'COMPLETE' AND l.status <> 'SUSPENDED'`},
				{"completed restore's line not ACTIVE", `o.order_type = 'RESTORE' AND o.status = 'COMPLETE' AND l.status <> 'ACTIVE'`},
				{"completed disconnect's line not DISCONNECTED", `i.action = 'DISCONNECT' AND o.status = 'COMPLETE' AND l.status <> 'DISCONNECTED'`},
				{"completed disconnect's line with inventory", `i.action = 'DISCONNECT' AND o.status = 'COMPLETE' AND EXISTS (SELECT 1 FROM inventory v WHERE v.line_id = l.id)`},
				{"completed new service not ACTIVE", `i.action = 'ADD' AND o.status = 'COMPLETE' AND l.status <> 'ACTIVE'`},
				{"canceled new service not DISCONNECTED", `i.action = 'ADD' AND o.status = 'CANCELED' AND l.status <> 'DISCONNECTED'`},
				{"open new service not PENDING", `i.action = 'ADD' AND o.status NOT IN ('COMPLETE', 'CANCELED') AND l.status <> 'PENDING'`},
				{"open suspend, restore or disconnect on a line that already changed",
					`i.action IN ('SUSPEND', 'DISCONNECT') AND o.status NOT IN ('COMPLETE', 'CANCELED') AND l.status <> 'ACTIVE'`},
				{"completed package change's line on another package", `i.action = 'PACKAGE_CHANGE' AND o.status = 'COMPLETE' AND l.package_id <> i.package_id`},
			} {
				if n := demoN(t, d, `SELECT COUNT(*) FROM order_items i JOIN orders o ON o.id = i.order_id JOIN lines l ON l.id = i.line_id WHERE `+c.where); n != 0 {
					t.Errorf("%d: %s", n, c.what)
				}
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM lines l WHERE l.status = 'PENDING' AND NOT EXISTS (SELECT 1 FROM order_items i
				JOIN orders o ON o.id = i.order_id WHERE i.line_id = l.id AND i.action = 'ADD' AND o.status NOT IN ('COMPLETE', 'CANCELED'))`); n != 0 {
				t.Errorf("%d PENDING lines without an open order to activate them", n)
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM order_inventory oi JOIN order_items i ON i.id = oi.order_item_id
				JOIN orders o ON o.id = i.order_id JOIN inventory v ON v.identifier = oi.identifier
				WHERE o.status NOT IN ('CANCELED') AND i.action = 'ADD' AND (v.line_id IS NULL OR v.line_id <> i.line_id)`); n != 0 {
				t.Errorf("%d SIMs or devices of live new services not on their line", n)
			}
		})

		t.Run("Counts", func(t *testing.T) {
			counts, err := d.CountOrdersByStatus(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range domain.OrderStatuses {
				if got, want := counts[s], int64(demoN(t, d, `SELECT COUNT(*) FROM orders WHERE status = ?`, s)); got != want {
					t.Errorf("%s: counted %d, want %d", s, got, want)
				}
			}
		})

		t.Run("PINsSealed", func(t *testing.T) {
			if n := demoN(t, d, `SELECT COUNT(*) FROM order_wireless_ports WHERE pin_password_enc NOT LIKE 'v1:%'`); n != 0 {
				t.Errorf("%d PINs not sealed", n)
			}
			os, _, err := d.FindOrders(ctx, domain.OrderFilter{OrderType: []string{domain.TypeNew}, Page: domain.Page{Limit: 500}})
			if err != nil {
				t.Fatal(err)
			}
			ports := 0
			for _, o := range os {
				full, err := d.FindOrderByID(ctx, o.ID)
				if err != nil {
					t.Fatal(err)
				}
				if wp := full.WirelessPort; wp != nil {
					ports++
					if pin := wp.PINPassword.Clear(); len(pin) != 4 || !domain.AllDigits(pin) || pin == "0000" || strings.HasSuffix(wp.MDN, "13") {
						t.Errorf("order %d: PIN %q MDN %s, want 4 digits the simulated provider accepts", o.ID, pin, wp.MDN)
					}
				}
			}
			if ports == 0 {
				t.Error("no port-in read back")
			}
		})
	})
}

package db

// An internal test: it reads the query plans of orderQuery's SQL, which
// the store does not export.

import (
	"context"
	"strings"
	"testing"
	"time"

	"switchboard/domain"
)

// TestOrderQueryPlans checks on SQLite that every Orders_Search filter
// walks an index in the page's order (or finds its few orders by a
// lookup), so a page stays fast on a million orders: no filter sorts the
// orders it matches, except the handful a lookup or the branches found.
func TestOrderQueryPlans(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, t.TempDir()+"/plans.db", []byte("switchboard-test-data-key-32byte"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	yes, no := true, false
	for _, tt := range []struct {
		name   string
		f      domain.OrderFilter
		index  string // the index the orders are read by
		sorted bool   // the outer query sorts a few rows (lookups, branches)
	}{
		{"All", domain.OrderFilter{}, "orders_created", false},
		{"Status", domain.OrderFilter{Status: []string{"ERROR"}}, "orders_status", false},
		{"Statuses", domain.OrderFilter{Status: []string{"ERROR", "FLOW_ERROR", "JEOPARDY"}}, "orders_status", true},
		{"Customer", domain.OrderFilter{CustomerID: []int64{7}}, "orders_customer", false},
		{"Customers", domain.OrderFilter{CustomerID: []int64{7, 8}}, "orders_customer", true},
		{"Carrier", domain.OrderFilter{CarrierID: []int64{1}}, "orders_carrier", false},
		{"Carriers", domain.OrderFilter{CarrierID: []int64{1, 2}}, "orders_carrier", true},
		{"Type", domain.OrderFilter{OrderType: []string{"SUSPEND"}}, "orders_type", false},
		{"Types", domain.OrderFilter{OrderType: []string{"SUSPEND", "RESTORE"}}, "orders_type", true},
		{"BillProfile", domain.OrderFilter{BillProfileID: []int64{1, 2}}, "orders_created", false},
		{"BillProfileAndStatus", domain.OrderFilter{BillProfileID: []int64{1}, Status: []string{"NEW"}}, "orders_status", false},
		{"AwaitingRoute", domain.OrderFilter{RequiresRouteDecision: &yes}, "orders_awaiting_route", false},
		{"NotAwaitingRoute", domain.OrderFilter{RequiresRouteDecision: &no}, "orders_created", false},
		{"StatusAndCustomer", domain.OrderFilter{Status: []string{"NEW"}, CustomerID: []int64{7}}, "orders_", false},
		{"StatusesAndCustomer", domain.OrderFilter{Status: []string{"NEW", "SENT"}, CustomerID: []int64{7}}, "orders_customer", false},
		{"TN", domain.OrderFilter{TN: []string{"3125550101"}}, "order_items_tn_created", true},
		{"TNs", domain.OrderFilter{TN: []string{"3125550101", "3125550102"}}, "order_items_tn_created", true},
		{"TNAndStatus", domain.OrderFilter{TN: []string{"3125550101"}, Status: []string{"COMPLETE"}}, "order_items_tn_created", true},
		{"Identifier", domain.OrderFilter{Identifier: []string{"8914800000000000001"}}, "order_inventory_identifier", true},
		{"PON", domain.OrderFilter{PON: []string{"ABCDEFGHJKLMNPQR"}}, "pon", true},
		{"OrderID", domain.OrderFilter{OrderID: []int64{1, 2, 3}}, "INTEGER PRIMARY KEY", true},
	} {
		for _, asc := range []bool{false, true} {
			for _, afterID := range []int64{0, 12345} {
				f := tt.f
				f.Limit = 50
				q, args, err := orderQuery(&f, asc, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), afterID)
				if err != nil {
					t.Fatal(err)
				}
				rows, err := d.R.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
				if err != nil {
					t.Fatalf("%s: %v", tt.name, err)
				}
				var plan []string
				for rows.Next() {
					var id, parent, unused int
					var detail string
					if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
						t.Fatal(err)
					}
					plan = append(plan, detail)
					switch {
					case strings.Contains(detail, "TEMP B-TREE") && (parent != 0 || !tt.sorted):
						t.Errorf("%s (asc %v, after %d) sorts what it matches: %s", tt.name, asc, afterID, detail)
					case strings.HasPrefix(detail, "SCAN o") && !strings.Contains(detail, "INDEX"):
						t.Errorf("%s (asc %v, after %d) reads every order: %s", tt.name, asc, afterID, detail)
					}
				}
				rows.Close()
				if all := strings.Join(plan, "\n"); !strings.Contains(all, tt.index) {
					t.Errorf("%s (asc %v, after %d): plan does not use %s:\n%s", tt.name, asc, afterID, tt.index, all)
				}
			}
		}
	}
}

package db

// An internal test: it reads the query plans of orderQuery's SQL, which
// the store does not export.

import (
	"context"
	"fmt"
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
	type plan struct {
		index  string // the index the orders are read by
		sorted bool   // the outer query sorts a few rows (lookups, branches)
	}
	for _, tt := range []struct {
		name    string
		f       domain.OrderFilter
		created plan // newest and oldest first
		changed plan // last changed first
	}{
		{"All", domain.OrderFilter{}, plan{"orders_created", false}, plan{"orders_updated", false}},
		{"Status", domain.OrderFilter{Status: []string{"ERROR"}}, plan{"orders_status", false}, plan{"orders_status_updated", false}},
		{"Statuses", domain.OrderFilter{Status: []string{"ERROR", "FLOW_ERROR", "JEOPARDY"}}, plan{"orders_status", true}, plan{"orders_status_updated", true}},
		{"Customer", domain.OrderFilter{CustomerID: []int64{7}}, plan{"orders_customer", false}, plan{"orders_customer_updated", false}},
		{"Customers", domain.OrderFilter{CustomerID: []int64{7, 8}}, plan{"orders_customer", true}, plan{"orders_customer_updated", true}},
		{"Carrier", domain.OrderFilter{CarrierID: []int64{1}}, plan{"orders_carrier", false}, plan{"orders_updated", false}},
		{"Carriers", domain.OrderFilter{CarrierID: []int64{1, 2}}, plan{"orders_carrier", true}, plan{"orders_updated", false}},
		{"Type", domain.OrderFilter{OrderType: []string{"SUSPEND"}}, plan{"orders_type", false}, plan{"orders_updated", false}},
		{"Types", domain.OrderFilter{OrderType: []string{"SUSPEND", "RESTORE"}}, plan{"orders_type", true}, plan{"orders_updated", false}},
		{"BillProfile", domain.OrderFilter{BillProfileID: []int64{1, 2}}, plan{"orders_created", false}, plan{"orders_updated", false}},
		{"BillProfileAndStatus", domain.OrderFilter{BillProfileID: []int64{1}, Status: []string{"NEW"}}, plan{"orders_status", false}, plan{"orders_status_updated", false}},
		{"AwaitingRoute", domain.OrderFilter{RequiresRouteDecision: &yes}, plan{"orders_awaiting_route", false}, plan{"orders_awaiting_route_updated", false}},
		{"NotAwaitingRoute", domain.OrderFilter{RequiresRouteDecision: &no}, plan{"orders_created", false}, plan{"orders_updated", false}},
		{"StatusAndCustomer", domain.OrderFilter{Status: []string{"NEW"}, CustomerID: []int64{7}}, plan{"orders_", false}, plan{"orders_", false}},
		{"StatusesAndCustomer", domain.OrderFilter{Status: []string{"NEW", "SENT"}, CustomerID: []int64{7}}, plan{"orders_customer", false}, plan{"orders_customer_updated", false}},
		{"TN", domain.OrderFilter{TN: []string{"3125550101"}}, plan{"order_items_tn_created", true}, plan{"order_items_tn", true}},
		{"TNs", domain.OrderFilter{TN: []string{"3125550101", "3125550102"}}, plan{"order_items_tn_created", true}, plan{"order_items_tn", true}},
		{"TNAndStatus", domain.OrderFilter{TN: []string{"3125550101"}, Status: []string{"COMPLETE"}}, plan{"order_items_tn_created", true}, plan{"order_items_tn", true}},
		{"Identifier", domain.OrderFilter{Identifier: []string{"8914800000000000001"}}, plan{"order_inventory_identifier", true}, plan{"order_inventory_identifier", true}},
		{"PON", domain.OrderFilter{PON: []string{"ABCDEFGHJKLMNPQR"}}, plan{"pon", true}, plan{"pon", true}},
		{"OrderID", domain.OrderFilter{OrderID: []int64{1, 2, 3}}, plan{"INTEGER PRIMARY KEY", true}, plan{"INTEGER PRIMARY KEY", true}},
	} {
		for _, sort := range domain.OrderSorts {
			want := tt.created
			if sort == domain.SortChanged {
				want = tt.changed
			}
			for _, k := range []orderKey{keyOf(sort), keyOf(sort).reversed()} {
				for _, afterID := range []int64{0, 12345} {
					name := fmt.Sprintf("%s (%s, desc %v, after %d)", tt.name, sort.Label(), k.desc, afterID)
					f := tt.f
					f.Limit = 50
					q, args, err := orderQuery(&f, k, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), afterID)
					if err != nil {
						t.Fatal(err)
					}
					checkPlan(t, d, name, q, args, want.index, want.sorted)
				}
			}
		}
	}
}

// checkPlan reads the plan of q on SQLite and checks it reads its orders
// by index (an index name containing index) and sorts none of them, or,
// when sorted, only the few rows of the outer query.
func checkPlan(t *testing.T, d *DB, name, q string, args []any, index string, sorted bool) {
	t.Helper()
	rows, err := d.R.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
		switch {
		case strings.Contains(detail, "TEMP B-TREE") && (parent != 0 || !sorted):
			t.Errorf("%s sorts what it matches: %s", name, detail)
		case strings.HasPrefix(detail, "SCAN o") && !strings.Contains(detail, "INDEX"):
			t.Errorf("%s reads every order: %s", name, detail)
		}
	}
	if all := strings.Join(plan, "\n"); !strings.Contains(all, index) {
		t.Errorf("%s: plan does not use %s:\n%s", name, index, all)
	}
}

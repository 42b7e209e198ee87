package db

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"switchboard/domain"
)

// FindOrders is Orders_Search: one page of the orders matching f, newest
// first (CreatedAt, then ID, descending), with CarrierName,
// CarrierAccountName and, for orders waiting for a route decision, the
// Routes of their process; Items (with products and inventory) only when
// f.ShowServiceDetails. It returns the cursor of the next page, "" on the
// last. It never counts the matches: each filter is served by an index in
// the page's order (see 00004_orders.sql), so a page costs about the same
// on the millionth order as on the first.
//
// RequiresRouteDecision true selects the open orders (not COMPLETE or
// CANCELED) whose process needs a route and has none chosen; false
// selects every other order.
//
// Returns EINVALID if f does not validate or f.After is not a cursor of
// this list.
func (db *DB) FindOrders(ctx context.Context, f domain.OrderFilter) ([]*domain.Order, string, error) {
	return db.findOrders(ctx, f, false)
}

// FindOrdersOldestFirst is FindOrders in the other order: oldest first
// (CreatedAt, then ID, ascending), for the work queues that serve the
// longest-waiting order first — the dashboard's ERROR, FLOW_ERROR and
// JEOPARDY lists. Its cursors are its own: a FindOrders cursor is refused.
func (db *DB) FindOrdersOldestFirst(ctx context.Context, f domain.OrderFilter) ([]*domain.Order, string, error) {
	return db.findOrders(ctx, f, true)
}

// FindOrdersByCustomer lists one customer's orders, newest first: FindOrders
// with CustomerID, served by the orders_customer index.
func (db *DB) FindOrdersByCustomer(ctx context.Context, customerID int64, page domain.Page) ([]*domain.Order, string, error) {
	return db.findOrders(ctx, domain.OrderFilter{CustomerID: []int64{customerID}, Page: page}, false)
}

// orderCursor is the keyset position of a page of orders: the last row's
// (created_at, id), and the direction it was read in.
func orderCursor(o *domain.Order, asc bool) cursor {
	dir := "d"
	if asc {
		dir = "a"
	}
	return cursor{ID: o.ID, Text: dir + o.CreatedAt.UTC().Format(time.RFC3339Nano)}
}

// decodeOrderCursor reads an After value of an order list read in the
// direction asc; nil for the first page.
func decodeOrderCursor(s string, asc bool) (*cursor, time.Time, error) {
	c, err := decodeCursor(s)
	if err != nil || c == nil {
		return nil, time.Time{}, err
	}
	dir := "d"
	if asc {
		dir = "a"
	}
	bad := domain.FieldErrorf("After", "After is not a cursor this list gave out")
	rest, ok := strings.CutPrefix(c.Text, dir)
	if !ok {
		return nil, time.Time{}, bad
	}
	t, err := time.Parse(time.RFC3339Nano, rest)
	if err != nil {
		return nil, time.Time{}, bad
	}
	return c, t.UTC(), nil
}

// orderWhere turns f into SQL conditions on orders o, with their
// arguments; lists become IN (?) for sqlx.In. The condition on column
// skip (the branches' column, see orderQuery) is left out.
//
// Each condition is served by an index whose last columns are
// (created_at, id), so the database walks it in the page's order and stops
// after one page: orders_status, orders_customer, orders_carrier,
// orders_type, and orders_awaiting_route for RequiresRouteDecision. TN,
// Identifier, OrderID and PON find a few orders by their own indexes, which
// are then sorted. BillProfileID is a filter on the walk, never the way in
// (the unary + keeps the planner off orders_customer): a bill profile holds
// a large share of all customers, whose orders are better met along the
// newest-first walk than gathered and sorted.
func orderWhere(f *domain.OrderFilter, skip string) ([]string, []any) {
	where, args := []string{}, []any{}
	add := func(col, cond string, arg any) {
		if skip == "" || col != skip {
			where, args = append(where, cond), append(args, arg)
		}
	}
	if len(f.OrderID) > 0 {
		add("o.id", `o.id IN (?)`, f.OrderID)
	}
	if len(f.PON) > 0 {
		add("o.pon", `o.pon IN (?)`, f.PON)
	}
	if len(f.Status) > 0 {
		add("o.status", `o.status IN (?)`, f.Status)
	}
	if len(f.CustomerID) > 0 {
		add("o.customer_id", `o.customer_id IN (?)`, f.CustomerID)
	}
	if len(f.CarrierID) > 0 {
		add("o.carrier_id", `o.carrier_id IN (?)`, f.CarrierID)
	}
	if len(f.OrderType) > 0 {
		add("o.order_type", `o.order_type IN (?)`, f.OrderType)
	}
	if len(f.BillProfileID) > 0 {
		add("", `+o.customer_id IN (SELECT id FROM customers WHERE bill_profile_id IN (?))`, f.BillProfileID)
	}
	if len(f.TN) > 0 && skip != "i.tn" {
		add("", `o.id IN (SELECT order_id FROM order_items WHERE tn IN (?))`, f.TN)
	}
	if len(f.Identifier) > 0 {
		add("", `o.id IN (SELECT order_id FROM order_inventory WHERE identifier IN (?))`, f.Identifier)
	}
	if f.RequiresRouteDecision != nil {
		if *f.RequiresRouteDecision {
			where = append(where, awaitingRoute)
		} else {
			where = append(where, `NOT (`+awaitingRoute+`)`)
		}
	}
	return where, args
}

// maxBranches bounds the values of a list that orderQuery reads one
// branch per value.
const maxBranches = 16

// branchList is the list orderQuery splits into branches: the first of
// CustomerID, Status, OrderType and CarrierID that is given, when it holds
// several values (and no lookup filter finds the orders directly). An
// index on (column, created_at, id) yields one value's orders in the
// page's order, but not several values' orders merged: one branch per
// value, each stopping after a page, and a sort of those few rows do.
func branchList(f *domain.OrderFilter) (string, []any) {
	if len(f.OrderID) > 0 || len(f.PON) > 0 || len(f.TN) > 0 || len(f.Identifier) > 0 {
		return "", nil
	}
	for _, l := range []struct {
		col  string
		n    int
		vals func() []any
	}{
		{"o.customer_id", len(f.CustomerID), func() []any { return anys(f.CustomerID) }},
		{"o.status", len(f.Status), func() []any { return anys(f.Status) }},
		{"o.order_type", len(f.OrderType), func() []any { return anys(f.OrderType) }},
		{"o.carrier_id", len(f.CarrierID), func() []any { return anys(f.CarrierID) }},
	} {
		if l.n == 0 {
			continue
		}
		if l.n == 1 || l.n > maxBranches {
			return "", nil
		}
		return l.col, l.vals()
	}
	return "", nil
}

func anys[T any](vs []T) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// orderQuery is Orders_Search's SQL (? placeholders, lists expanded) for f
// read newest first, or oldest first when asc, after the keyset position
// (at, afterID) when afterID is not 0.
func orderQuery(f *domain.OrderFilter, asc bool, at time.Time, afterID int64) (string, []any, error) {
	cmp, dir := "<", "DESC"
	if asc {
		cmp, dir = ">", "ASC"
	}
	// The limit is written into the SQL, not bound: PostgreSQL plans a
	// statement it has prepared five times once for any parameters, and
	// with an unknown limit that plan sorts every match instead of walking
	// an index for one page.
	order := fmt.Sprintf(` ORDER BY o.created_at %s, o.id %s LIMIT %d`, dir, dir, f.Limit+1)
	if tnBranches(f) {
		return tnQuery(f, asc, at, afterID)
	}
	col, vals := branchList(f)
	where, args := orderWhere(f, col)
	if afterID != 0 {
		where = append(where, `(o.created_at, o.id) `+cmp+` (?, ?)`)
		args = append(args, at, afterID)
	}
	if col == "" {
		if len(where) == 0 {
			where = append(where, "1 = 1")
		}
		return sqlx.In(`SELECT `+orderCols+` FROM `+orderFrom+` WHERE `+strings.Join(where, " AND ")+order, args...)
	}
	var branches []string
	var all []any
	for i, v := range vals {
		branches = append(branches, fmt.Sprintf(`SELECT id FROM (SELECT o.id FROM orders o WHERE %s%s) b%d`,
			strings.Join(append([]string{col + ` = ?`}, where...), " AND "), order, i))
		all = append(append(all, v), args...)
	}
	return sqlx.In(`SELECT `+orderCols+` FROM `+orderFrom+` WHERE o.id IN (`+strings.Join(branches, " UNION ALL ")+`)`+order, all...)
}

func (db *DB) findOrders(ctx context.Context, f domain.OrderFilter, asc bool) ([]*domain.Order, string, error) {
	if err := f.Validate(); err != nil {
		return nil, "", err
	}
	after, at, err := decodeOrderCursor(f.After, asc)
	if err != nil {
		return nil, "", err
	}
	var afterID int64
	if after != nil {
		afterID = after.ID
	}
	query, args, err := orderQuery(&f, asc, at, afterID)
	if err != nil {
		return nil, "", err
	}
	query = db.R.Rebind(query)
	var os []*domain.Order
	if err := sel(ctx, db.R, &os, query, args...); err != nil {
		return nil, "", err
	}
	os, next := pageOf(os, f.Limit, func(o *domain.Order) cursor { return orderCursor(o, asc) })
	var waiting []*domain.Order
	for _, o := range os {
		if o.AwaitingRoute() {
			waiting = append(waiting, o)
		}
	}
	if err := attachRoutes(ctx, db.R, waiting); err != nil {
		return nil, "", err
	}
	if f.ShowServiceDetails {
		if err := attachItems(ctx, db.R, os); err != nil {
			return nil, "", err
		}
	}
	return os, next, nil
}

// tnBranches reports whether orderQuery reads f's orders by TN, one
// branch per TN: when f names a few TNs and no filter that finds its
// orders more directly.
func tnBranches(f *domain.OrderFilter) bool {
	return len(f.TN) > 0 && len(f.TN) <= maxBranches && len(f.OrderID) == 0 && len(f.PON) == 0 && len(f.Identifier) == 0
}

// tnQuery is orderQuery for tnBranches: each TN's branch walks
// order_items_tn_created (an item carries its order's created_at) in the
// page's order, with the other filters on the order, and stops after a
// page; the outer query merges the few rows. An order on several of the
// TNs comes from several branches once.
func tnQuery(f *domain.OrderFilter, asc bool, at time.Time, afterID int64) (string, []any, error) {
	cmp, dir := "<", "DESC"
	if asc {
		cmp, dir = ">", "ASC"
	}
	where, args := orderWhere(f, "i.tn")
	if afterID != 0 {
		where = append(where, `(i.created_at, i.order_id) `+cmp+` (?, ?)`)
		args = append(args, at, afterID)
	}
	inner := fmt.Sprintf(` ORDER BY i.created_at %s, i.order_id %s LIMIT %d`, dir, dir, f.Limit+1)
	var branches []string
	var all []any
	for k, tn := range f.TN {
		branches = append(branches, fmt.Sprintf(`SELECT order_id FROM (SELECT i.order_id FROM order_items i JOIN orders o ON o.id = i.order_id WHERE %s%s) b%d`,
			strings.Join(append([]string{`i.tn = ?`}, where...), " AND "), inner, k))
		all = append(append(all, tn), args...)
	}
	order := fmt.Sprintf(` ORDER BY o.created_at %s, o.id %s LIMIT %d`, dir, dir, f.Limit+1)
	return sqlx.In(`SELECT `+orderCols+` FROM `+orderFrom+` WHERE o.id IN (`+strings.Join(branches, " UNION ALL ")+`)`+order, all...)
}

package db

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"switchboard/domain"
)

// FindOrders is Orders_Search: one page of the orders matching f in
// f.Sort's order (Orders_Search leaves it at SortNewest: CreatedAt, then
// ID, descending), with CarrierName, CarrierAccountName and, for orders
// waiting for a route decision, the Routes of their process; Items (with
// products and inventory) only when f.ShowServiceDetails. It returns the
// cursor of the next page, "" on the last. It never counts the matches:
// each filter is served by an index in the page's order (see
// 00004_orders.sql and 00016_orders_changed.sql), so a page costs about
// the same on the millionth order as on the first.
//
// RequiresRouteDecision true selects the open orders (not COMPLETE or
// CANCELED) whose process needs a route and has none chosen; false
// selects every other order.
//
// Returns EINVALID if f does not validate or f.After is not a cursor of
// this list.
func (db *DB) FindOrders(ctx context.Context, f domain.OrderFilter) ([]*domain.Order, string, error) {
	p, err := db.FindOrderPage(ctx, f, "")
	if err != nil {
		return nil, "", err
	}
	return p.Orders, p.Next, nil
}

// FindOrdersOldestFirst is FindOrders in the other order: oldest first
// (CreatedAt, then ID, ascending), for the work queues that serve the
// longest-waiting order first — the dashboard's ERROR, FLOW_ERROR and
// JEOPARDY lists. Its cursors are its own: a FindOrders cursor is refused.
func (db *DB) FindOrdersOldestFirst(ctx context.Context, f domain.OrderFilter) ([]*domain.Order, string, error) {
	f.Sort = domain.SortOldest
	return db.FindOrders(ctx, f)
}

// FindOrdersByCustomer lists one customer's orders, newest first: FindOrders
// with CustomerID, served by the orders_customer index.
func (db *DB) FindOrdersByCustomer(ctx context.Context, customerID int64, page domain.Page) ([]*domain.Order, string, error) {
	return db.FindOrders(ctx, domain.OrderFilter{CustomerID: []int64{customerID}, Page: page})
}

// orderKey is the keyset an order list is read by: the time column, then
// the id, in one direction. tag starts its cursors, so a cursor of one
// sort is refused by another.
type orderKey struct {
	col  string // "created_at" or "updated_at"
	desc bool
	tag  string
}

// keyOf is the keyset of sort s.
func keyOf(s domain.OrderSort) orderKey {
	switch s {
	case domain.SortOldest:
		return orderKey{col: "created_at", tag: "a"}
	case domain.SortChanged:
		return orderKey{col: "updated_at", desc: true, tag: "u"}
	}
	return orderKey{col: "created_at", desc: true, tag: "d"}
}

// at is o's time in the key.
func (k orderKey) at(o *domain.Order) time.Time {
	if k.col == "updated_at" {
		return o.UpdatedAt
	}
	return o.CreatedAt
}

// reversed is k read the other way: the page before a cursor.
func (k orderKey) reversed() orderKey {
	k.desc = !k.desc
	return k
}

// dir is the SQL comparison that follows a position, and the direction.
func (k orderKey) dir() (string, string) {
	if k.desc {
		return "<", "DESC"
	}
	return ">", "ASC"
}

// orderCursor is the keyset position of o in a list read by k.
func orderCursor(o *domain.Order, k orderKey) string {
	return cursor{ID: o.ID, Text: k.tag + k.at(o).UTC().Format(time.RFC3339Nano)}.encode()
}

// decodeOrderCursor reads a cursor (given as field, After or Before) of
// a list read by k; nil for none.
func decodeOrderCursor(s string, k orderKey, field string) (*cursor, time.Time, error) {
	bad := domain.FieldErrorf(field, "%s is not a cursor this list gave out", field)
	c, err := decodeCursor(s)
	if err != nil {
		return nil, time.Time{}, bad
	}
	if c == nil {
		return nil, time.Time{}, nil
	}
	rest, ok := strings.CutPrefix(c.Text, k.tag)
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
// skip (the branches' column, see orderQuery) is left out. walk is the
// time column the query reads in order ("" for a count, which reads in no
// order).
//
// Each condition is served by an index whose last columns are
// (created_at, id), so the database walks it in the page's order and stops
// after one page: orders_status, orders_customer, orders_carrier,
// orders_type, and orders_awaiting_route for RequiresRouteDecision. TN,
// Identifier, OrderID and PON find a few orders by their own indexes, which
// are then sorted. BillProfileID is a filter on the walk, never the way in
// (the unary + keeps the planner off orders_customer): a bill profile holds
// a large share of all customers, whose orders are better met along the
// newest-first walk than gathered and sorted. Read by updated_at, status
// and customer have indexes of their own (orders_status_updated,
// orders_customer_updated); carrier and type, each a large share of the
// orders, are filters on the orders_updated walk, kept off their
// created_at indexes the same way.
func orderWhere(f *domain.OrderFilter, skip, walk string) ([]string, []any) {
	where, args := []string{}, []any{}
	add := func(col, cond string, arg any) {
		if skip == "" || col != skip {
			where, args = append(where, cond), append(args, arg)
		}
	}
	changed := walk == "updated_at"
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
		add("o.carrier_id", when(changed, `+`)+`o.carrier_id IN (?)`, f.CarrierID)
	}
	if len(f.OrderType) > 0 {
		add("o.order_type", `o.order_type`+when(changed, ` || ''`)+` IN (?)`, f.OrderType)
	}
	if len(f.BillProfileID) > 0 {
		add("", when(walk != "", `+`)+`o.customer_id IN (SELECT id FROM customers WHERE bill_profile_id IN (?))`, f.BillProfileID)
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

// when is s when cond holds, else "".
func when(cond bool, s string) string {
	if cond {
		return s
	}
	return ""
}

// maxBranches bounds the values of a list that orderQuery reads one
// branch per value.
const maxBranches = 16

// branchList is the list orderQuery splits into branches: the first of
// CustomerID, Status, OrderType and CarrierID (CustomerID and Status when
// read by updated_at, the lists with an index ending in it) that is given,
// when it holds several values (and no lookup filter finds the orders
// directly). An index on (column, time, id) yields one value's orders in
// the page's order, but not several values' orders merged: one branch per
// value, each stopping after a page, and a sort of those few rows do.
func branchList(f *domain.OrderFilter, k orderKey) (string, []any) {
	if len(f.OrderID) > 0 || len(f.PON) > 0 || len(f.TN) > 0 || len(f.Identifier) > 0 {
		return "", nil
	}
	lists := []struct {
		col  string
		n    int
		vals func() []any
	}{
		{"o.customer_id", len(f.CustomerID), func() []any { return anys(f.CustomerID) }},
		{"o.status", len(f.Status), func() []any { return anys(f.Status) }},
		{"o.order_type", len(f.OrderType), func() []any { return anys(f.OrderType) }},
		{"o.carrier_id", len(f.CarrierID), func() []any { return anys(f.CarrierID) }},
	}
	if k.col == "updated_at" {
		lists = lists[:2]
	}
	for _, l := range lists {
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

// orderQuery is the SQL of a page of f's orders (? placeholders, lists
// expanded) read by k, after the keyset position (at, afterID) when
// afterID is not 0.
func orderQuery(f *domain.OrderFilter, k orderKey, at time.Time, afterID int64) (string, []any, error) {
	cmp, dir := k.dir()
	// The limit is written into the SQL, not bound: PostgreSQL plans a
	// statement it has prepared five times once for any parameters, and
	// with an unknown limit that plan sorts every match instead of walking
	// an index for one page.
	order := fmt.Sprintf(` ORDER BY o.%s %s, o.id %s LIMIT %d`, k.col, dir, dir, f.Limit+1)
	if k.col == "created_at" && tnBranches(f) {
		return tnQuery(f, k, at, afterID)
	}
	col, vals := branchList(f, k)
	where, args := orderWhere(f, col, k.col)
	if afterID != 0 {
		where = append(where, `(o.`+k.col+`, o.id) `+cmp+` (?, ?)`)
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

// FindOrderPage is FindOrders with the cursors of both neighbouring
// pages: read forward after f.After, or, given before, backward from that
// cursor (the rows are then put back in the list's order). A page read
// after a cursor has a previous page; one read before a cursor has a next.
func (db *DB) FindOrderPage(ctx context.Context, f domain.OrderFilter, before string) (*domain.OrderPage, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	k := keyOf(f.Sort)
	pos, field, read := f.After, "After", k
	if before != "" {
		if f.After != "" {
			return nil, domain.FieldErrorf("Before", "Give After or Before, not both")
		}
		pos, field, read = before, "Before", k.reversed()
	}
	c, at, err := decodeOrderCursor(pos, k, field)
	if err != nil {
		return nil, err
	}
	var afterID int64
	if c != nil {
		afterID = c.ID
	}
	query, args, err := orderQuery(&f, read, at, afterID)
	if err != nil {
		return nil, err
	}
	var os []*domain.Order
	if err := sel(ctx, db.R, &os, db.R.Rebind(query), args...); err != nil {
		return nil, err
	}
	more := len(os) > f.Limit
	if more {
		os = os[:f.Limit]
	}
	p := &domain.OrderPage{Orders: os}
	if len(os) > 0 {
		first, last := os[0], os[len(os)-1]
		if before != "" {
			slices.Reverse(os)
			first, last = last, first
		}
		if (before == "" && more) || before != "" {
			p.Next = orderCursor(last, k)
		}
		if (before != "" && more) || (before == "" && f.After != "") {
			p.Prev = orderCursor(first, k)
		}
	}
	var waiting []*domain.Order
	for _, o := range os {
		if o.AwaitingRoute() {
			waiting = append(waiting, o)
		}
	}
	if err := attachRoutes(ctx, db.R, waiting); err != nil {
		return nil, err
	}
	if f.ShowServiceDetails {
		if err := attachItems(ctx, db.R, os); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// tnBranches reports whether orderQuery reads f's orders by TN, one
// branch per TN: when f names a few TNs and no filter that finds its
// orders more directly.
func tnBranches(f *domain.OrderFilter) bool {
	return len(f.TN) > 0 && len(f.TN) <= maxBranches && len(f.OrderID) == 0 && len(f.PON) == 0 && len(f.Identifier) == 0
}

// tnQuery is orderQuery for tnBranches (read by created_at): each TN's
// branch walks order_items_tn_created (an item carries its order's
// created_at) in the page's order, with the other filters on the order,
// and stops after a page; the outer query merges the few rows. An order on
// several of the TNs comes from several branches once.
func tnQuery(f *domain.OrderFilter, k orderKey, at time.Time, afterID int64) (string, []any, error) {
	cmp, dir := k.dir()
	where, args := orderWhere(f, "i.tn", k.col)
	if afterID != 0 {
		where = append(where, `(i.created_at, i.order_id) `+cmp+` (?, ?)`)
		args = append(args, at, afterID)
	}
	inner := fmt.Sprintf(` ORDER BY i.created_at %s, i.order_id %s LIMIT %d`, dir, dir, f.Limit+1)
	var branches []string
	var all []any
	for n, tn := range f.TN {
		branches = append(branches, fmt.Sprintf(`SELECT order_id FROM (SELECT i.order_id FROM order_items i JOIN orders o ON o.id = i.order_id WHERE %s%s) b%d`,
			strings.Join(append([]string{`i.tn = ?`}, where...), " AND "), inner, n))
		all = append(append(all, tn), args...)
	}
	order := fmt.Sprintf(` ORDER BY o.created_at %s, o.id %s LIMIT %d`, dir, dir, f.Limit+1)
	return sqlx.In(`SELECT `+orderCols+` FROM `+orderFrom+` WHERE o.id IN (`+strings.Join(branches, " UNION ALL ")+`)`+order, all...)
}

package db

import (
	"context"
	"sort"

	"switchboard/domain"
)

// The dashboard counts orders by status from order_status_counts, one row
// per status, which every order write keeps in its own transaction: no
// COUNT(*) over a million orders on a page load.

// CountOrdersByStatus returns how many orders are in each status, with
// every status of domain.OrderStatuses present (0 when none).
func (db *DB) CountOrdersByStatus(ctx context.Context) (map[string]int64, error) {
	var rows []struct {
		Status string `db:"status"`
		N      int64  `db:"n"`
	}
	if err := sel(ctx, db.R, &rows, `SELECT status, n FROM order_status_counts`); err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(domain.OrderStatuses))
	for _, s := range domain.OrderStatuses {
		out[s] = 0
	}
	for _, r := range rows {
		out[r.Status] = r.N
	}
	return out, nil
}

// CountOrdersAwaitingRoute counts the open orders waiting for a route
// decision, on the orders_awaiting_route partial index (which holds only
// those orders).
func (db *DB) CountOrdersAwaitingRoute(ctx context.Context) (int64, error) {
	var n int64
	err := get(ctx, db.R, &n, "", `SELECT COUNT(*) FROM orders o WHERE `+awaitingRoute)
	return n, err
}

// statusDeltas are the changes a transaction makes to the counts.
type statusDeltas map[string]int64

// move counts an order leaving from ("" for a new order) for to.
func (d statusDeltas) move(from, to string) {
	if from == to {
		return
	}
	if from != "" {
		d[from]--
	}
	d[to]++
}

// apply writes the deltas, in status order so that two transactions never
// wait on each other's count rows. Call it last, just before commit: the
// count rows stay locked (on PostgreSQL) for the shortest time.
func (d statusDeltas) apply(ctx context.Context, tx *Tx) error {
	keys := make([]string, 0, len(d))
	for k, n := range d {
		if n != 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, err := exec(ctx, tx, `UPDATE order_status_counts SET n = n + ? WHERE status = ?`, d[k], k); err != nil {
			return err
		}
	}
	return nil
}

// recountOrderStatuses sets every count from the orders themselves, for
// bulk loads that write orders without the store's helpers.
func recountOrderStatuses(ctx context.Context, tx *Tx) error {
	if _, err := exec(ctx, tx, `UPDATE order_status_counts SET n = (SELECT COUNT(*) FROM orders o WHERE o.status = order_status_counts.status)`); err != nil {
		return err
	}
	return nil
}

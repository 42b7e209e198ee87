package db

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"switchboard/domain"
)

// CountOrders counts the orders matching f, as the orders page says it
// ("124 orders", "more than 1,000 orders"). With no filter, or only
// Status, the count is exact and read from order_status_counts (one row
// per status, kept by every order write). Any other filter is counted by
// reading at most max+1 matching orders, by the same indexes the page
// uses (without the page's order), so the count costs no more on a
// million orders than on a thousand: more than max answers {max, More}.
// TNs alone are counted on the order items' index, without reading the
// orders.
//
// Returns EINVALID if f does not validate.
func (db *DB) CountOrders(ctx context.Context, f domain.OrderFilter, max int) (domain.OrderCount, error) {
	f.Page, f.Sort = domain.Page{}, domain.SortNewest
	if err := f.Validate(); err != nil {
		return domain.OrderCount{}, err
	}
	if max < 1 {
		return domain.OrderCount{}, domain.Errorf(domain.EINVALID, "A count must stop at 1 or more orders, not %d.", max)
	}
	if statusOnly(&f) {
		counts, err := db.CountOrdersByStatus(ctx)
		if err != nil {
			return domain.OrderCount{}, err
		}
		var n int64
		for st, k := range counts {
			if len(f.Status) == 0 || slices.Contains(f.Status, st) {
				n += k
			}
		}
		return domain.OrderCount{N: n}, nil
	}
	var q string
	var args []any
	var err error
	if tnOnly(&f) {
		// The orders of the TNs, from the items' index alone: no order is read.
		q, args, err = sqlx.In(fmt.Sprintf(`SELECT COUNT(*) FROM (SELECT DISTINCT order_id FROM order_items WHERE tn IN (?) LIMIT %d) m`, max+1), f.TN)
	} else {
		where, wargs := orderWhere(&f, "", "")
		if len(where) == 0 {
			where = append(where, "1 = 1")
		}
		q, args, err = sqlx.In(fmt.Sprintf(`SELECT COUNT(*) FROM (SELECT 1 AS one FROM orders o WHERE %s LIMIT %d) m`,
			strings.Join(where, " AND "), max+1), wargs...)
	}
	if err != nil {
		return domain.OrderCount{}, err
	}
	var n int64
	if err := get(ctx, db.R, &n, "", db.R.Rebind(q), args...); err != nil {
		return domain.OrderCount{}, err
	}
	if n > int64(max) {
		return domain.OrderCount{N: int64(max), More: true}, nil
	}
	return domain.OrderCount{N: n}, nil
}

// tnOnly reports whether f filters by TN and nothing else.
func tnOnly(f *domain.OrderFilter) bool {
	g := *f
	g.TN = nil
	return len(f.TN) > 0 && statusOnly(&g) && len(g.Status) == 0
}

// statusOnly reports whether f filters by nothing but (perhaps) Status:
// the counts table answers it exactly.
func statusOnly(f *domain.OrderFilter) bool {
	return len(f.BillProfileID)+len(f.CustomerID)+len(f.CarrierID)+len(f.OrderID)+len(f.OrderType)+
		len(f.PON)+len(f.TN)+len(f.Identifier) == 0 && f.RequiresRouteDecision == nil
}

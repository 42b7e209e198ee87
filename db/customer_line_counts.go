package db

import (
	"context"

	"switchboard/domain"
)

// CountLinesByCustomer counts the lines of each customer in customerIDs (a
// page of search results) in one query on the lines_customer index.
// Customers without lines are absent from the map.
func (db *DB) CountLinesByCustomer(ctx context.Context, customerIDs []int64) (map[int64]int, error) {
	out := make(map[int64]int, len(customerIDs))
	if len(customerIDs) == 0 {
		return out, nil
	}
	if len(customerIDs) > domain.MaxPageLimit {
		return nil, domain.Errorf(domain.EINVALID, "At most %d customers can be counted at once.", domain.MaxPageLimit)
	}
	query, args, err := in(db.R, `SELECT customer_id, COUNT(*) AS n FROM lines WHERE customer_id IN (?) GROUP BY customer_id`, customerIDs)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		CustomerID int64 `db:"customer_id"`
		N          int   `db:"n"`
	}
	if err := sel(ctx, db.R, &rows, query, args...); err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.CustomerID] = r.N
	}
	return out, nil
}

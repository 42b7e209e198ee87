package db

import (
	"context"

	"switchboard/domain"
)

// FindCustomerNames returns the names of the customers in customerIDs (the
// customers of a page of orders) in one query on the primary key. Unknown
// ids are absent from the map.
func (db *DB) FindCustomerNames(ctx context.Context, customerIDs []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(customerIDs))
	if len(customerIDs) == 0 {
		return out, nil
	}
	if len(customerIDs) > domain.MaxPageLimit {
		return nil, domain.Errorf(domain.EINVALID, "At most %d customers can be named at once.", domain.MaxPageLimit)
	}
	query, args, err := in(db.R, `SELECT id, name FROM customers WHERE id IN (?)`, customerIDs)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := sel(ctx, db.R, &rows, query, args...); err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, nil
}

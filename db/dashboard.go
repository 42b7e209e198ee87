package db

import (
	"context"

	"switchboard/domain"
)

// CountDashboard counts customers, lines by status, available inventory by
// type and users. Each count is served by an index.
func (db *DB) CountDashboard(ctx context.Context) (*domain.DashboardCounts, error) {
	var c domain.DashboardCounts
	if err := get(ctx, db.R, &c.Customers, "", `SELECT COUNT(*) FROM customers`); err != nil {
		return nil, err
	}
	if err := get(ctx, db.R, &c.Users, "", `SELECT COUNT(*) FROM users WHERE disabled = FALSE`); err != nil {
		return nil, err
	}
	var rows []struct {
		K string `db:"k"`
		N int64  `db:"n"`
	}
	if err := sel(ctx, db.R, &rows, `SELECT status AS k, COUNT(*) AS n FROM lines GROUP BY status`); err != nil {
		return nil, err
	}
	byStatus := map[string]int64{}
	for _, r := range rows {
		byStatus[r.K] = r.N
	}
	for _, s := range domain.LineStatuses {
		c.LinesByStatus = append(c.LinesByStatus, domain.Count{Key: s, Label: s, N: byStatus[s]})
	}
	rows = rows[:0]
	if err := sel(ctx, db.R, &rows, `SELECT type AS k, COUNT(*) AS n FROM inventory WHERE status = 'AVAILABLE' GROUP BY type`); err != nil {
		return nil, err
	}
	byType := map[string]int64{}
	for _, r := range rows {
		byType[r.K] = r.N
	}
	for _, t := range []string{domain.InventorySIM, domain.InventoryDevice} {
		c.InventoryAvail = append(c.InventoryAvail, domain.Count{Key: t, Label: t, N: byType[t]})
	}
	return &c, nil
}

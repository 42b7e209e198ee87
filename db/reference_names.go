package db

import (
	"context"
	"strings"

	"switchboard/domain"
)

// FindReferenceNames reads the names of the carriers, carrier accounts,
// packages and service types ids names, in one query by primary key.
func (db *DB) FindReferenceNames(ctx context.Context, ids domain.ReferenceIDs) (*domain.ReferenceNames, error) {
	out := &domain.ReferenceNames{Carriers: map[int64]string{}, Accounts: map[int64]string{}, Packages: map[int64]string{}, ServiceTypes: map[int64]string{}}
	var parts []string
	var args []any
	for _, t := range []struct {
		kind, table string
		ids         []int64
	}{
		{"carrier", "carriers", ids.Carriers}, {"account", "carrier_accounts", ids.Accounts},
		{"package", "packages", ids.Packages}, {"service_type", "service_types", ids.ServiceTypes},
	} {
		if len(t.ids) > 0 {
			parts = append(parts, `SELECT '`+t.kind+`' AS kind, id, name FROM `+t.table+` WHERE id IN (?)`)
			args = append(args, t.ids)
		}
	}
	if len(parts) == 0 {
		return out, nil
	}
	query, args, err := in(db.R, strings.Join(parts, " UNION ALL "), args...)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Kind string `db:"kind"`
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := db.R.SelectContext(ctx, &rows, query, args...); err != nil {
		return nil, err
	}
	maps := map[string]map[int64]string{"carrier": out.Carriers, "account": out.Accounts, "package": out.Packages, "service_type": out.ServiceTypes}
	for _, r := range rows {
		maps[r.Kind][r.ID] = r.Name
	}
	return out, nil
}

package db

import (
	"context"

	"switchboard/domain"
)

// FindCarriers lists carriers by name.
func (db *DB) FindCarriers(ctx context.Context) ([]*domain.Carrier, error) {
	var out []*domain.Carrier
	err := sel(ctx, db.R, &out, `SELECT id, name, code, wireless FROM carriers ORDER BY name`)
	return out, err
}

// FindCarrierByID returns ENOTFOUND if there is no such carrier.
func (db *DB) FindCarrierByID(ctx context.Context, id int64) (*domain.Carrier, error) {
	var c domain.Carrier
	if err := get(ctx, db.R, &c, "Carrier not found.", `SELECT id, name, code, wireless FROM carriers WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return &c, nil
}

// FindCarrierAccounts lists carrier accounts by carrier and name.
func (db *DB) FindCarrierAccounts(ctx context.Context) ([]*domain.CarrierAccount, error) {
	var out []*domain.CarrierAccount
	err := sel(ctx, db.R, &out, `SELECT id, carrier_id, name, is_default FROM carrier_accounts ORDER BY carrier_id, name`)
	return out, err
}

// FindProducts lists products by description.
func (db *DB) FindProducts(ctx context.Context) ([]*domain.Product, error) {
	var out []*domain.Product
	err := sel(ctx, db.R, &out, `SELECT id, description, rate, provisionable, carrier_id, ships FROM products ORDER BY description, id`)
	return out, err
}

// FindPackages lists packages by name, each with its products.
func (db *DB) FindPackages(ctx context.Context) ([]*domain.Package, error) {
	var out []*domain.Package
	if err := sel(ctx, db.R, &out, `SELECT id, name, carrier_id, line_type_id FROM packages ORDER BY name, id`); err != nil {
		return nil, err
	}
	var rows []struct {
		PackageID int64 `db:"package_id"`
		domain.Product
	}
	if err := sel(ctx, db.R, &rows, `SELECT pp.package_id, p.id, p.description, p.rate, p.provisionable, p.carrier_id, p.ships, pp.role
		FROM package_products pp JOIN products p ON p.id = pp.product_id ORDER BY pp.package_id, p.id`); err != nil {
		return nil, err
	}
	byID := map[int64]*domain.Package{}
	for _, p := range out {
		byID[p.ID] = p
		p.Products = []domain.Product{}
	}
	for _, r := range rows {
		if p := byID[r.PackageID]; p != nil {
			p.Products = append(p.Products, r.Product)
		}
	}
	return out, nil
}

// FindServiceTypes lists service types by name.
func (db *DB) FindServiceTypes(ctx context.Context) ([]*domain.ServiceType, error) {
	var out []*domain.ServiceType
	err := sel(ctx, db.R, &out, `SELECT id, name, wireless FROM service_types ORDER BY name`)
	return out, err
}

// FindProcesses lists processes by name, each with its routes.
func (db *DB) FindProcesses(ctx context.Context) ([]*domain.Process, error) {
	var out []*domain.Process
	if err := sel(ctx, db.R, &out, `SELECT id, name FROM processes ORDER BY name`); err != nil {
		return nil, err
	}
	var routes []domain.Route
	if err := sel(ctx, db.R, &routes, `SELECT id, process_id, description, meaning FROM process_routes ORDER BY process_id, id`); err != nil {
		return nil, err
	}
	byID := map[int64]*domain.Process{}
	for _, p := range out {
		byID[p.ID] = p
		p.Routes = []domain.Route{}
	}
	for _, r := range routes {
		if p := byID[r.ProcessID]; p != nil {
			p.Routes = append(p.Routes, r)
		}
	}
	return out, nil
}

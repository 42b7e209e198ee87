package db

import (
	"context"
	"strings"

	"switchboard/domain"
)

type serviceDesignRow struct {
	domain.ServiceDesign
	Actions string `db:"port_actions"`
}

func (r *serviceDesignRow) design() *domain.ServiceDesign {
	d := r.ServiceDesign
	d.PortActions = []string{}
	if r.Actions != "" {
		d.PortActions = strings.Split(r.Actions, ",")
	}
	return &d
}

const serviceDesignCols = `id, name, porting_number_control, port_actions, max_port_quantity, created_at`

// FindServiceDesigns lists designs by name.
func (db *DB) FindServiceDesigns(ctx context.Context) ([]*domain.ServiceDesign, error) {
	var rows []serviceDesignRow
	if err := sel(ctx, db.R, &rows, `SELECT `+serviceDesignCols+` FROM service_designs ORDER BY name, id`); err != nil {
		return nil, err
	}
	out := make([]*domain.ServiceDesign, len(rows))
	for i := range rows {
		out[i] = rows[i].design()
	}
	return out, nil
}

// FindServiceDesignByID returns ENOTFOUND if there is no such design.
func (db *DB) FindServiceDesignByID(ctx context.Context, id int64) (*domain.ServiceDesign, error) {
	return findServiceDesign(ctx, db.R, id)
}

func findServiceDesign(ctx context.Context, q queryer, id int64) (*domain.ServiceDesign, error) {
	var r serviceDesignRow
	if err := get(ctx, q, &r, "Service design not found.", `SELECT `+serviceDesignCols+` FROM service_designs WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return r.design(), nil
}

// CreateServiceDesign stores d. Returns EINVALID for bad input.
func (db *DB) CreateServiceDesign(ctx context.Context, d *domain.ServiceDesign) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *Tx) error { return createServiceDesign(ctx, tx, d) })
}

func createServiceDesign(ctx context.Context, tx *Tx, d *domain.ServiceDesign) error {
	id, err := insert(ctx, tx, `INSERT INTO service_designs (name, porting_number_control, port_actions, max_port_quantity, created_at) VALUES (?, ?, ?, ?, ?)`,
		d.Name, d.PortingNumberControl, strings.Join(d.PortActions, ","), d.MaxPortQuantity, tx.Now)
	if err != nil {
		return err
	}
	d.ID, d.CreatedAt = id, tx.Now
	return insertAudit(ctx, tx, domain.EntityServiceDesign, id, "create", designChanges(nil, d))
}

// UpdateServiceDesign changes design d.ID. Returns ENOTFOUND, EINVALID.
func (db *DB) UpdateServiceDesign(ctx context.Context, d *domain.ServiceDesign) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *Tx) error {
		old, err := findServiceDesign(ctx, tx, d.ID)
		if err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `UPDATE service_designs SET name = ?, porting_number_control = ?, port_actions = ?, max_port_quantity = ? WHERE id = ?`,
			d.Name, d.PortingNumberControl, strings.Join(d.PortActions, ","), d.MaxPortQuantity, d.ID); err != nil {
			return err
		}
		d.CreatedAt = old.CreatedAt
		return insertAudit(ctx, tx, domain.EntityServiceDesign, d.ID, "update", designChanges(old, d))
	})
}

func designChanges(old, d *domain.ServiceDesign) map[string]domain.Change {
	if old == nil {
		old = &domain.ServiceDesign{}
	}
	ch := map[string]domain.Change{}
	add := func(k string, a, b any) {
		if a != b {
			ch[k] = domain.Change{a, b}
		}
	}
	add("Name", old.Name, d.Name)
	add("PortingNumberControl", old.PortingNumberControl, d.PortingNumberControl)
	add("PortActions", strings.Join(old.PortActions, ","), strings.Join(d.PortActions, ","))
	add("MaxPortQuantity", old.MaxPortQuantity, d.MaxPortQuantity)
	return ch
}

package db

import (
	"context"

	"switchboard/domain"
)

const portNumberCols = `id, order_service_id, associated_number, quantity, first_number, last_number, port_action, created_at, updated_at`

// lockOrderService reads service id for a write: its row and its quote's
// are locked until the transaction ends (SELECT … FOR UPDATE on
// PostgreSQL; SQLite has one writer at a time), so additions to one
// service run one after another, on every instance, each planned on what
// the previous one wrote.
func (db *DB) lockOrderService(ctx context.Context, tx *Tx, id int64) (*domain.OrderService, error) {
	return findOrderService(ctx, tx, id, db.Dialect.ForUpdate())
}

// AddPortNumbers adds ranges to service serviceID, all or none, planned
// with domain.PlanPortNumbers on the locked service. Returns the stored
// ranges or the plan's errors; a write the database refuses is the seed's
// "Error saving numbers.".
func (db *DB) AddPortNumbers(ctx context.Context, serviceID int64, ins []domain.PortNumberInput) ([]*domain.PortNumber, error) {
	var out []*domain.PortNumber
	err := db.inCreateTx(ctx, func(tx *Tx) (_ domain.Created, err error) {
		out, err = db.addPortNumbers(ctx, tx, serviceID, ins)
		if err != nil {
			return domain.Created{}, err
		}
		return domain.Created{PortNumbers: out}, nil
	})
	return out, err
}

func (db *DB) addPortNumbers(ctx context.Context, tx *Tx, serviceID int64, ins []domain.PortNumberInput) ([]*domain.PortNumber, error) {
	svc, err := db.lockOrderService(ctx, tx, serviceID)
	if err != nil {
		return nil, err
	}
	plan, err := domain.PlanPortNumbers(svc, svc.PortNumbers, ins)
	if err != nil {
		return nil, err
	}
	for _, pn := range plan {
		if err := db.insertPortNumber(ctx, tx, pn); err != nil {
			return nil, err
		}
	}
	ch := map[string]domain.Change{"Service": {nil, serviceID}}
	if len(plan) == 1 {
		ch["Port number"] = domain.Change{nil, plan[0].ID}
		ch["Range"] = domain.Change{nil, plan[0].Range()}
		ch["Quantity"] = domain.Change{nil, plan[0].Quantity}
		ch["Action"] = domain.Change{nil, plan[0].PortAction}
	} else {
		var n int64
		for _, pn := range plan {
			n += pn.Quantity
		}
		ch["Ranges"] = domain.Change{nil, len(plan)}
		ch["Quantity"] = domain.Change{nil, n}
	}
	return plan, insertAudit(ctx, tx, domain.EntityQuote, svc.QuoteID, "port numbers added", ch)
}

func (db *DB) insertPortNumber(ctx context.Context, tx *Tx, pn *domain.PortNumber) error {
	id, err := insert(ctx, tx, `INSERT INTO port_numbers (order_service_id, associated_number, quantity, first_number, last_number, port_action, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, pn.OrderServiceID, pn.AssociatedNumber, pn.Quantity, pn.FirstNumber, pn.LastNumber, pn.PortAction, tx.Now, tx.Now)
	if err != nil {
		return db.savingErr(err)
	}
	pn.ID, pn.CreatedAt, pn.UpdatedAt = id, tx.Now, tx.Now
	return nil
}

// savingErr is the seed's "Error saving numbers." for a write a constraint refused.
func (db *DB) savingErr(err error) error {
	if db.Dialect.IsUniqueViolation(err) || db.Dialect.IsForeignKeyViolation(err) || db.Dialect.IsCheckViolation(err) {
		return domain.ErrSavingNumbers()
	}
	return err
}

// UpdatePortNumber changes range id of service serviceID, checked like an
// addition against the service's other ranges. Returns the seed's "Error
// saving numbers." when the service holds no range id.
func (db *DB) UpdatePortNumber(ctx context.Context, serviceID, id int64, in domain.PortNumberInput) (*domain.PortNumber, error) {
	var out *domain.PortNumber
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		svc, err := db.lockOrderService(ctx, tx, serviceID)
		if err != nil {
			return err
		}
		old, others := splitPortNumber(svc.PortNumbers, id)
		if err := domain.CheckServiceOpen(svc); err != nil {
			return err
		}
		if old == nil {
			return domain.ErrSavingNumbers()
		}
		pn, err := domain.PlanPortNumber(svc, others, in)
		if err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `UPDATE port_numbers SET associated_number = ?, quantity = ?, first_number = ?, last_number = ?, port_action = ?, updated_at = ? WHERE id = ?`,
			pn.AssociatedNumber, pn.Quantity, pn.FirstNumber, pn.LastNumber, pn.PortAction, tx.Now, id); err != nil {
			return db.savingErr(err)
		}
		pn.ID, pn.CreatedAt, pn.UpdatedAt = id, old.CreatedAt, tx.Now
		ch := map[string]domain.Change{"Service": {nil, serviceID}, "Port number": {nil, id}}
		if old.Range() != pn.Range() {
			ch["Range"] = domain.Change{old.Range(), pn.Range()}
		}
		if old.Quantity != pn.Quantity {
			ch["Quantity"] = domain.Change{old.Quantity, pn.Quantity}
		}
		if old.PortAction != pn.PortAction {
			ch["Action"] = domain.Change{old.PortAction, pn.PortAction}
		}
		out = pn
		return insertAudit(ctx, tx, domain.EntityQuote, svc.QuoteID, "port number changed", ch)
	})
	return out, err
}

// RemovePortNumber removes range id of service serviceID. Returns
// EFORBIDDEN once the quote is an order, the seed's "Error saving
// numbers." when the service holds no range id.
func (db *DB) RemovePortNumber(ctx context.Context, serviceID, id int64) error {
	return db.inTxRetry(ctx, func(tx *Tx) error {
		svc, err := db.lockOrderService(ctx, tx, serviceID)
		if err != nil {
			return err
		}
		if err := domain.CheckServiceOpen(svc); err != nil {
			return err
		}
		old, _ := splitPortNumber(svc.PortNumbers, id)
		if old == nil {
			return domain.ErrSavingNumbers()
		}
		if _, err := exec(ctx, tx, `DELETE FROM port_numbers WHERE id = ?`, id); err != nil {
			return db.savingErr(err)
		}
		return insertAudit(ctx, tx, domain.EntityQuote, svc.QuoteID, "port number removed", map[string]domain.Change{
			"Service": {nil, serviceID}, "Port number": {id, nil}, "Range": {old.Range(), nil}, "Quantity": {old.Quantity, nil}})
	})
}

// splitPortNumber finds range id among pns and returns it and the others.
func splitPortNumber(pns []*domain.PortNumber, id int64) (*domain.PortNumber, []*domain.PortNumber) {
	var found *domain.PortNumber
	others := make([]*domain.PortNumber, 0, len(pns))
	for _, pn := range pns {
		if pn.ID == id {
			found = pn
		} else {
			others = append(others, pn)
		}
	}
	return found, others
}

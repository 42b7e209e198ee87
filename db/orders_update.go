package db

import (
	"context"

	"switchboard/domain"
)

var _ domain.OrderSystemStore = (*DB)(nil)

// UpdateOrder performs Orders_Update on order id for the user in ctx: it
// locks the order, checks ifVersion, plans with domain.PlanOrderUpdate on
// the write transaction, then writes the order with Version bumped,
// inserts new items and products, performs the plan's effects (completion
// or cancellation: lines, products, inventory), keeps the status counts,
// and records an audit event for the order and for each line and
// inventory item the effects changed. An update that changes nothing
// writes nothing: no history, the same Version. It returns the order as
// stored.
//
// Returns ENOTFOUND if there is no such order; ESTALE, changing nothing,
// when ifVersion is not nil and is not the stored Version; EFORBIDDEN and
// EINVALID as PlanOrderUpdate does.
func (db *DB) UpdateOrder(ctx context.Context, id int64, in *domain.OrderUpdateInput, ifVersion *int) (*domain.Order, error) {
	role := domain.ActorFromContext(ctx).Role()
	var out *domain.Order
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		var err error
		out, err = db.updateOrder(ctx, tx, id, in, ifVersion, role)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// MoveOrderBySystem moves order id to status to as the system (the
// provider's answer, a background job), with note as its status note: it
// locks the order, plans with domain.PlanSystemMove on the write
// transaction and writes it as UpdateOrder does, completion effects
// included, recorded in the history as the system's move
// (domain.ActionSystemMove by domain.SystemName, no user) whatever actor
// ctx carries. It returns the order as stored.
//
// Returns ENOTFOUND if there is no such order, and EINVALID on "Status"
// when the system may not make the move from the order's status now.
func (db *DB) MoveOrderBySystem(ctx context.Context, id int64, to, note string) (*domain.Order, error) {
	var out *domain.Order
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		var err error
		out, err = db.moveOrderBySystem(ctx, tx, id, to, note)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// moveOrderBySystem is MoveOrderBySystem in tx.
func (db *DB) moveOrderBySystem(ctx context.Context, tx *Tx, id int64, to, note string) (*domain.Order, error) {
	ctx = domain.NewContextWithSystem(ctx)
	o, err := db.lockOrder(ctx, tx, id, nil)
	if err != nil {
		return nil, err
	}
	plan, err := domain.PlanSystemMove(o, to, note, tx.Now)
	if err != nil {
		return nil, err
	}
	return db.writeOrderUpdate(ctx, tx, o, plan, domain.ActionSystemMove)
}

// updateOrder is UpdateOrder in tx, for a user of role.
func (db *DB) updateOrder(ctx context.Context, tx *Tx, id int64, in *domain.OrderUpdateInput, ifVersion *int, role domain.Role) (*domain.Order, error) {
	o, err := db.lockOrder(ctx, tx, id, ifVersion)
	if err != nil {
		return nil, err
	}
	plan, err := domain.PlanOrderUpdate(ctx, db.lookupTx(tx), o, in, role, tx.Now)
	if err != nil {
		return nil, err
	}
	if plan.Unchanged() {
		return o, nil
	}
	n, err := db.writeOrderUpdate(ctx, tx, o, plan, domain.ActionUpdate)
	if err != nil {
		return nil, err
	}
	return n, db.scheduleAfterWrite(ctx, tx, o.Status, n)
}

// lockOrder locks order id in tx and reads it. When ifVersion is not nil
// and is not the stored version it returns ESTALE.
func (db *DB) lockOrder(ctx context.Context, tx *Tx, id int64, ifVersion *int) (*domain.Order, error) {
	var version int
	if err := get(ctx, tx, &version, "Order not found.", `SELECT version FROM orders WHERE id = ?`+db.Dialect.ForUpdate(), id); err != nil {
		return nil, err
	}
	if ifVersion != nil && *ifVersion != version {
		return nil, domain.Errorf(domain.ESTALE,
			"Order %d was changed by someone else after you read it (you had version %d; it is now at version %d). Reload it and make your change again.",
			id, *ifVersion, version)
	}
	return db.findOrder(ctx, tx, `o.id = ?`, id)
}

// writeOrderUpdate stores plan.Order over o (which was read in tx), with
// its new items and products, effects, counts and audit event (action),
// and returns the order as stored.
func (db *DB) writeOrderUpdate(ctx context.Context, tx *Tx, o *domain.Order, plan *domain.OrderUpdatePlan, action string) (*domain.Order, error) {
	n := plan.Order
	n.Version = o.Version + 1
	res, err := exec(ctx, tx, `UPDATE orders SET status = ?, status_note = ?, flow_through = ?, completion_date = ?,
		tracking_number = ?, shipping_status = ?, process_id = ?, process_route_id = ?, requires_route_decision = ?,
		route_send_at = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?`,
		n.Status, n.StatusNote, n.FlowThrough, n.CompletionDate, n.TrackingNumber, n.ShippingStatus, n.ProcessID,
		n.ProcessRouteID, n.RequiresRouteDecision, n.RouteSendAt, n.Version, tx.Now, o.ID, o.Version)
	if err != nil {
		return nil, err
	}
	if k, err := res.RowsAffected(); err != nil {
		return nil, err
	} else if k != 1 {
		return nil, domain.Errorf(domain.ESTALE, "Order %d was changed by someone else at the same moment. Reload it and make your change again.", o.ID)
	}
	for _, it := range n.Items {
		if it.ID == 0 {
			if err := db.insertItem(ctx, tx, o, it); err != nil {
				return nil, err
			}
			continue
		}
		for _, p := range it.Products {
			if p.ID == 0 {
				if err := insertOrderProduct(ctx, tx, it.ID, p); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := db.performEffects(ctx, tx, n, plan.Effects); err != nil {
		return nil, err
	}
	if err := insertAudit(ctx, tx, domain.EntityOrder, o.ID, action, plan.Changes); err != nil {
		return nil, err
	}
	counts := statusDeltas{}
	counts.move(o.Status, n.Status)
	if err := counts.apply(ctx, tx); err != nil {
		return nil, err
	}
	if n.Status != o.Status {
		// A reconnect port's order moved: the port's next step is due.
		if err := db.orderMoved(ctx, tx, o.ID); err != nil {
			return nil, err
		}
	}
	return db.findOrder(ctx, tx, `o.id = ?`, o.ID)
}

package db

import (
	"context"

	"switchboard/domain"
)

// FindOrdersAwaitingRoute lists the open orders waiting for a route
// decision, oldest first, each with its process's Routes, its Items (each
// with the LineStatus of its line now) and its WirelessPort: what a
// supervisor decides on.
func (db *DB) FindOrdersAwaitingRoute(ctx context.Context, page domain.Page) ([]*domain.Order, string, error) {
	yes := true
	os, next, err := db.FindOrders(ctx, domain.OrderFilter{RequiresRouteDecision: &yes, ShowServiceDetails: true, Sort: domain.SortOldest, Page: page})
	if err != nil {
		return nil, "", err
	}
	return os, next, db.attachDecisionDetails(ctx, os)
}

// FindOrdersRouteHeld lists the orders whose route a supervisor chose
// and can still undo (domain.RouteHeld at the database's now), the
// soonest sent first, at most limit, with what FindOrdersAwaitingRoute
// gives each. It walks the orders_route_send_at index.
func (db *DB) FindOrdersRouteHeld(ctx context.Context, limit int) ([]*domain.Order, error) {
	if limit <= 0 || limit > domain.MaxPageLimit {
		limit = domain.DefaultPageLimit
	}
	var os []*domain.Order
	if err := sel(ctx, db.R, &os, `SELECT `+orderCols+` FROM `+orderFrom+` WHERE o.route_send_at IS NOT NULL AND o.route_send_at > ?
		AND o.process_route_id IS NOT NULL AND NOT o.requires_route_decision AND o.status IN ('NEW', 'HOLD', 'PAYMENT_HOLD', 'LIFELINE_HOLD', 'FLOW_ERROR')
		ORDER BY o.route_send_at, o.id LIMIT ?`, db.Now(), limit); err != nil {
		return nil, err
	}
	if err := attachRoutes(ctx, db.R, os); err != nil {
		return nil, err
	}
	if err := attachItems(ctx, db.R, os); err != nil {
		return nil, err
	}
	return os, db.attachDecisionDetails(ctx, os)
}

// attachDecisionDetails gives each order of os its port-in request and
// each item the status of its line now.
func (db *DB) attachDecisionDetails(ctx context.Context, os []*domain.Order) error {
	var lineIDs []int64
	for _, o := range os {
		if err := db.attachPort(ctx, db.R, o); err != nil {
			return err
		}
		for _, it := range o.Items {
			if it.LineID > 0 {
				lineIDs = append(lineIDs, it.LineID)
			}
		}
	}
	if len(lineIDs) == 0 {
		return nil
	}
	query, args, err := in(db.R, `SELECT id, status FROM lines WHERE id IN (?)`, lineIDs)
	if err != nil {
		return err
	}
	var rows []struct {
		ID     int64  `db:"id"`
		Status string `db:"status"`
	}
	if err := sel(ctx, db.R, &rows, query, args...); err != nil {
		return err
	}
	status := make(map[int64]string, len(rows))
	for _, r := range rows {
		status[r.ID] = r.Status
	}
	for _, o := range os {
		for _, it := range o.Items {
			it.LineStatus = status[it.LineID]
		}
	}
	return nil
}

// UndoRouteChoice undoes, for the supervisor in ctx, the route chosen for
// order id while it can still be undone (domain.PlanRouteUndo at the
// transaction's now): the order waits for a route decision again, and the
// undo is in its history (domain.ActionRouteUndo, by whom and when). A
// SendOrder job waiting for the order finds nothing to send.
//
// Returns ENOTFOUND if there is no such order, EFORBIDDEN below a
// supervisor, and ECONFLICT, changing nothing, when the choice can no
// longer be undone.
func (db *DB) UndoRouteChoice(ctx context.Context, id int64) (*domain.Order, error) {
	role := domain.ActorFromContext(ctx).Role()
	var out *domain.Order
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		o, err := db.lockOrder(ctx, tx, id, nil)
		if err != nil {
			return err
		}
		plan, err := domain.PlanRouteUndo(o, role, tx.Now)
		if err != nil {
			return err
		}
		out, err = db.writeOrderUpdate(ctx, tx, o, plan, domain.ActionRouteUndo)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

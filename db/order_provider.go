package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"switchboard/domain"
)

// Jobs inserts the background jobs a write makes due, in its transaction
// (jobs.Scheduler, on River).
type Jobs interface {
	SendOrder(ctx context.Context, tx *sql.Tx, orderID int64) error
	FollowOrder(ctx context.Context, tx *sql.Tx, orderID int64) error
	PollInterval() time.Duration // how long FollowOrder waits between checks
	// ScheduleReconnectPortTx makes the step of reconnect port portID at
	// wake due (AdvanceReconnectPort), unique by port and wake.
	ScheduleReconnectPortTx(ctx context.Context, tx *sql.Tx, portID, wake int64) error
}

var _ domain.ProviderStore = (*DB)(nil)

// maxProviderText bounds what is kept of a provider's answer or failure.
const maxProviderText = 500

// OrderToSend prepares order id for transmission: a NEW order ready to
// send (domain.ReadyToSend) moves to SENT as the system; an order with
// the provider already (domain.Following) is sent again as it is. It
// returns nil for any other order. Returns ENOTFOUND if there is no such
// order, and a *domain.SendHeldError while a supervisor's route choice can
// still be undone (domain.RouteHeld).
func (db *DB) OrderToSend(ctx context.Context, id int64) (*domain.GatewayOrder, error) {
	var out *domain.GatewayOrder
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		out = nil
		o, err := db.lockOrder(ctx, tx, id, nil)
		if err != nil {
			return err
		}
		if until, held := domain.RouteHeld(o, tx.Now); held && domain.ReadyToSend(o) {
			return &domain.SendHeldError{OrderID: id, Until: until}
		}
		if domain.ReadyToSend(o) {
			if o, err = db.moveAsSystem(ctx, tx, o, domain.OrderSent, "Sent to the provider"); err != nil {
				return err
			}
		}
		if !domain.Following(o.Status) {
			return nil
		}
		ps, err := findProviderState(ctx, tx, id)
		if err != nil {
			return err
		}
		out = domain.GatewayOrderFor(o, ps.Supplement)
		return nil
	})
	return out, err
}

// RecordSent records the answer to order id's transmission as version
// supplement, moves the order as the answer says and makes its
// FollowOrder due.
func (db *DB) RecordSent(ctx context.Context, id int64, supplement int, st *domain.GatewayStatus) error {
	return db.inTxRetry(ctx, func(tx *Tx) error {
		o, err := db.lockOrder(ctx, tx, id, nil)
		if err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `INSERT INTO order_provider (order_id, supplement, sent_at, due_at, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (order_id) DO UPDATE SET sent_at = COALESCE(order_provider.sent_at, excluded.sent_at),
			due_at = COALESCE(order_provider.due_at, excluded.due_at), updated_at = excluded.updated_at`,
			id, supplement, tx.Now, domain.OrderDueAt(o, tx.Now), tx.Now); err != nil {
			return err
		}
		following, err := db.recordAnswer(ctx, tx, o, st, tx.Now.Add(db.Jobs.PollInterval()))
		if err != nil || !following {
			return err
		}
		return db.Jobs.FollowOrder(ctx, tx.SQLTx(), id)
	})
}

// RecordAnswer records the provider's answer about order id and moves it;
// see domain.ProviderStore.
func (db *DB) RecordAnswer(ctx context.Context, id int64, st *domain.GatewayStatus, next time.Time) (bool, error) {
	var following bool
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		o, err := db.lockOrder(ctx, tx, id, nil)
		if err != nil {
			return err
		}
		following, err = db.recordAnswer(ctx, tx, o, st, next)
		return err
	})
	return following, err
}

// recordAnswer stores st as order o's last answer and makes the move it
// calls for, or JEOPARDY when o is overdue; it reports whether o is still
// with the provider.
func (db *DB) recordAnswer(ctx context.Context, tx *Tx, o *domain.Order, st *domain.GatewayStatus, next time.Time) (bool, error) {
	var port domain.PortAnswer
	if st.Port != nil {
		port = *st.Port
	}
	if _, err := exec(ctx, tx, `INSERT INTO order_provider (order_id, last_check_at, last_answer, port_response, port_reason, port_activated,
		failures, last_error, next_attempt_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, '', ?, ?)
		ON CONFLICT (order_id) DO UPDATE SET last_check_at = excluded.last_check_at, last_answer = excluded.last_answer,
		port_response = excluded.port_response, port_reason = excluded.port_reason, port_activated = excluded.port_activated,
		failures = 0, last_error = '', next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at`,
		o.ID, tx.Now, domain.ProviderText(st.Summary(), maxProviderText), port.Response,
		domain.ProviderText(port.Reason, maxProviderText), port.Activated, next, tx.Now); err != nil {
		return false, err
	}
	to, note := domain.ProviderMove(o.Status, st)
	if to == "" {
		return db.maybeJeopardy(ctx, tx, o)
	}
	o, err := db.moveAsSystem(ctx, tx, o, to, note)
	if err != nil {
		return false, err
	}
	if !domain.Following(o.Status) {
		_, err = exec(ctx, tx, `UPDATE order_provider SET next_attempt_at = NULL WHERE order_id = ?`, o.ID)
	}
	return domain.Following(o.Status), err
}

// maybeJeopardy moves order o to JEOPARDY when it is past its due time; it
// reports whether o is still with the provider.
func (db *DB) maybeJeopardy(ctx context.Context, tx *Tx, o *domain.Order) (bool, error) {
	var dues []sql.NullTime
	if err := sel(ctx, tx, &dues, `SELECT due_at FROM order_provider WHERE order_id = ?`, o.ID); err != nil {
		return false, err
	}
	var due *time.Time
	if len(dues) == 1 && dues[0].Valid {
		due = &dues[0].Time
	}
	if due != nil && domain.Overdue(o.Status, *due, tx.Now) {
		var err error
		note := fmt.Sprintf("Past its due time (%s) and not complete at the provider", due.Format("2006-01-02 15:04 MST"))
		if o, err = db.moveAsSystem(ctx, tx, o, domain.OrderJeopardy, note); err != nil {
			return false, err
		}
	}
	return domain.Following(o.Status), nil
}

// RecordFailure records a failed call about order id; see
// domain.ProviderStore.
func (db *DB) RecordFailure(ctx context.Context, id int64, failure string, next *time.Time, giveUp string) (bool, error) {
	var again bool
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		o, err := db.lockOrder(ctx, tx, id, nil)
		if err != nil {
			return err
		}
		failure := domain.ProviderText(failure, maxProviderText)
		if _, err := exec(ctx, tx, `INSERT INTO order_provider (order_id, failures, last_error, last_error_at, next_attempt_at, updated_at)
			VALUES (?, 1, ?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET failures = order_provider.failures + 1,
			last_error = excluded.last_error, last_error_at = excluded.last_error_at, next_attempt_at = excluded.next_attempt_at,
			updated_at = excluded.updated_at`, id, failure, tx.Now, next, tx.Now); err != nil {
			return err
		}
		if giveUp != "" && domain.CanSystemMove(o.Status, giveUp) {
			_, err = db.moveAsSystem(ctx, tx, o, giveUp, failure)
			return err
		}
		if domain.Following(o.Status) {
			again, err = db.maybeJeopardy(ctx, tx, o)
			return err
		}
		again = o.Status == domain.OrderNew || o.Status == domain.OrderSent
		return nil
	})
	return again, err
}

// FindProviderState returns what the jobs know about order id.
func (db *DB) FindProviderState(ctx context.Context, id int64) (*domain.ProviderState, error) {
	return findProviderState(ctx, db.R, id)
}

func findProviderState(ctx context.Context, q queryer, id int64) (*domain.ProviderState, error) {
	var rows []*domain.ProviderState
	if err := sel(ctx, q, &rows, `SELECT `+providerCols+`, '' AS pon, '' AS status FROM order_provider p WHERE order_id = ?`, id); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return &domain.ProviderState{OrderID: id}, nil
	}
	return rows[0], nil
}

const providerCols = `p.order_id, p.supplement, p.sent_at, p.due_at, p.last_check_at, p.last_answer, p.port_response, p.port_reason,
	p.port_activated, p.failures, p.last_error, p.last_error_at, p.next_attempt_at, p.updated_at`

// FindFailingOrders lists open orders whose last provider call failed.
func (db *DB) FindFailingOrders(ctx context.Context, limit int) ([]*domain.ProviderState, error) {
	var rows []*domain.ProviderState
	err := sel(ctx, db.R, &rows, `SELECT `+providerCols+`, o.pon, o.status FROM order_provider p JOIN orders o ON o.id = p.order_id
		WHERE p.failures > 0 AND o.status NOT IN ('COMPLETE', 'CANCELED') ORDER BY p.last_error_at DESC LIMIT ?`, limit)
	return rows, err
}

// moveAsSystem moves order o (locked in tx) to status to with note as the
// system, completing it when to is COMPLETE, and returns it as stored.
func (db *DB) moveAsSystem(ctx context.Context, tx *Tx, o *domain.Order, to, note string) (*domain.Order, error) {
	plan, err := domain.PlanSystemMove(o, to, note, tx.Now)
	if err != nil {
		return nil, err
	}
	return db.writeOrderUpdate(domain.NewContextWithSystem(ctx), tx, o, plan, domain.ActionSystemMove)
}

// scheduleAfterWrite inserts the jobs a person's write of order o (from
// status from) makes due: SendOrder when it is due for sending, and a new
// supplement when a refused order is corrected or sent again.
func (db *DB) scheduleAfterWrite(ctx context.Context, tx *Tx, from string, o *domain.Order) error {
	if domain.NewSupplement(from, o.Status) {
		if _, err := exec(ctx, tx, `UPDATE order_provider SET supplement = supplement + 1, sent_at = NULL, due_at = NULL,
			updated_at = ? WHERE order_id = ?`, tx.Now, o.ID); err != nil {
			return err
		}
	}
	if domain.DueForSending(from, o) {
		return db.Jobs.SendOrder(ctx, tx.SQLTx(), o.ID)
	}
	return nil
}

// scheduleNewOrder inserts the job a new order o makes due: SendOrder when
// it is ready to send, FollowOrder when it is with the provider already
// (the demo's orders).
func (db *DB) scheduleNewOrder(ctx context.Context, tx *Tx, o *domain.Order) error {
	switch {
	case domain.ReadyToSend(o):
		return db.Jobs.SendOrder(ctx, tx.SQLTx(), o.ID)
	case domain.Following(o.Status):
		return db.Jobs.FollowOrder(ctx, tx.SQLTx(), o.ID)
	}
	return nil
}

// scheduleOpenOrders makes every open order's job due after a data set is
// loaded (the demo's orders keep moving at the provider).
func (db *DB) scheduleOpenOrders(ctx context.Context, tx *Tx) error {
	var ids []int64
	if err := sel(ctx, tx, &ids, `SELECT id FROM orders WHERE status NOT IN ('COMPLETE', 'CANCELED') ORDER BY id`); err != nil {
		return err
	}
	for _, id := range ids {
		o, err := db.findOrder(ctx, tx, `o.id = ?`, id)
		if err != nil {
			return err
		}
		if err := db.scheduleNewOrder(ctx, tx, o); err != nil {
			return err
		}
	}
	return nil
}

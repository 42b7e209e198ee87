package db

import (
	"context"
	"crypto/rand"
	"strconv"

	"switchboard/domain"
)

func formatID(id int64) string { return strconv.FormatInt(id, 10) }

// portChanged records a change to p in tx: a numbered event (the board's
// event id), published once the transaction commits (PostgreSQL: NOTIFY,
// which the engine delivers at commit to every instance). With due it also
// makes the port's next step due (wake p.Wake).
func (db *DB) portChanged(ctx context.Context, tx *Tx, p *domain.ReconnectPort, due bool) error {
	seq, err := insert(ctx, tx, `INSERT INTO reconnect_port_events (port_id, at) VALUES (?, ?)`, p.ID, tx.Now)
	if err != nil {
		return err
	}
	ev := domain.ReconnectPortChanged{PortID: p.ID, Seq: seq}
	if err := db.Dialect.notify(ctx, tx, portChannel, portPayload(ev, db.instance)); err != nil {
		return err
	}
	tx.AfterCommit(func(context.Context) { db.publishPortChanged(ev) })
	if !due {
		return nil
	}
	return db.Jobs.ScheduleReconnectPortTx(ctx, tx.SQLTx(), p.ID, p.Wake)
}

// publishPortChanged hands ev to the in-process subscribers.
func (db *DB) publishPortChanged(ev domain.ReconnectPortChanged) {
	if db.PortEvents != nil {
		db.PortEvents.PublishPortChanged(ev)
	}
}

// findPortForStep reads port id with its secrets, locking it (PostgreSQL).
func (db *DB) findPortForStep(ctx context.Context, tx *Tx, id int64) (*domain.ReconnectPort, error) {
	var r portRow
	if err := get(ctx, tx, &r, "Reconnect port not found.", `SELECT `+portCols+portSecretCols+` FROM `+portFrom+
		` WHERE p.id = ?`+db.Dialect.ForUpdateOf("p"), id); err != nil {
		return nil, err
	}
	p := r.ReconnectPort
	var err error
	if p.PINPassword, err = db.Cipher.Open(r.PINEnc); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		enc string
		dst *domain.Secret
	}{{r.SSNEnc, &p.SSN}, {r.TaxIDEnc, &p.TaxID}} {
		if s.enc == "" {
			continue
		}
		if *s.dst, err = db.Cipher.Open(s.enc); err != nil {
			return nil, err
		}
	}
	return &p, attachPortOrders(ctx, tx, []*domain.ReconnectPort{&p})
}

// AdvanceReconnectPort performs port id's due step as the system, when
// wake is still the port's Wake (a later change made a newer step due,
// and that one does the work): domain.NextPortStep on the port's orders;
// after the disconnects, the reconnect order with the inventory moved onto
// the new service (domain.PlanReconnectOrders), or Errored when that
// cannot be; Completed, Errored or resolution required as the step says.
// It records StatusDate (the last check) and an audit event for a change
// of stage, all in one transaction. It returns the port as stored.
func (db *DB) AdvanceReconnectPort(ctx context.Context, id, wake int64) (*domain.ReconnectPort, error) {
	var out *domain.ReconnectPort
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		p, err := db.findPortForStep(ctx, tx, id)
		if err != nil {
			return err
		}
		out = p
		if p.Wake != wake || !p.Open() {
			return nil
		}
		step := domain.NextPortStep(p, p.OrdersOf(domain.PortOrderDisconnect), p.OrdersOf(domain.PortOrderReconnect), tx.Now)
		var ch map[string]domain.Change
		if step.Kind == domain.StepReconnect {
			if ch, err = db.openReconnectOrder(ctx, tx, p); err != nil {
				return err
			}
		} else {
			ch = domain.ApplyPortStep(p, step, tx.Now)
		}
		if err := db.writePortStep(ctx, tx, p, ch, "advance"); err != nil {
			return err
		}
		return attachPortOrders(ctx, tx, []*domain.ReconnectPort{p})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// openReconnectOrder writes p's reconnect order, or fails the port with
// the reason a rep acts on when the inventory cannot be reassigned.
func (db *DB) openReconnectOrder(ctx context.Context, tx *Tx, p *domain.ReconnectPort) (map[string]domain.Change, error) {
	plan, msg, err := domain.PlanReconnectOrders(ctx, portLookup{db.lookupTx(tx)}, p)
	if err != nil {
		return nil, err
	}
	if msg != "" {
		return domain.ApplyPortStep(p, domain.PortStep{Kind: domain.StepFail, Message: msg}, tx.Now), nil
	}
	if err := db.writePlan(ctx, tx, plan, rand.Reader); err != nil {
		return nil, err
	}
	o := plan.Orders[0]
	if err := insertPortOrder(ctx, tx, p.ID, o.ID, domain.PortOrderReconnect); err != nil {
		return nil, err
	}
	return domain.StartPorting(p, o.ID, plan.Lines[0].ID, tx.Now), nil
}

// writePortStep stores p after a step or a resubmission: the check's
// time, the stage, the message and the new line; an audit event with ch
// when something changed; the board's event.
func (db *DB) writePortStep(ctx context.Context, tx *Tx, p *domain.ReconnectPort, ch map[string]domain.Change, action string) error {
	now := tx.Now
	p.StatusDate = &now
	p.Version++
	if _, err := exec(ctx, tx, `UPDATE reconnect_ports SET stage = ?, error_message = ?, new_line_id = ?, status_date = ?,
		stage_date = ?, account_number = ?, authorized_signer = ?, pin_password_enc = ?, address_id = ?, version = ?,
		wake = ?, updated_at = ? WHERE id = ?`,
		p.Stage, p.ErrorMessage, p.NewLineID, now, p.StageDate, p.AccountNumber, p.AuthorizedSigner,
		db.Cipher.Seal(p.PINPassword), p.AddressID, p.Version, p.Wake, now, p.ID); err != nil {
		return err
	}
	if len(ch) > 0 {
		if err := insertAudit(ctx, tx, domain.EntityReconnectPort, p.ID, action, ch); err != nil {
			return err
		}
	}
	return db.portChanged(ctx, tx, p, action == "resubmit")
}

// ResubmitReconnectPort performs the resubmission after an R answer for
// the user in ctx: domain.PlanResubmit; the refused reconnect order is
// canceled by the system (its new service never comes to be and the
// inventory is free again), and a new reconnect order carries the
// corrected request; the port is porting again and its next step due.
// Returns ENOTFOUND, EFORBIDDEN, ECONFLICT and EINVALID as PlanResubmit does.
func (db *DB) ResubmitReconnectPort(ctx context.Context, id int64, in *domain.ResubmitInput) (*domain.ReconnectPort, error) {
	role := domain.ActorFromContext(ctx).Role()
	var out *domain.ReconnectPort
	err := db.inCreateTx(ctx, func(tx *Tx) (domain.Created, error) {
		n, err := db.resubmitPort(ctx, tx, id, in, role)
		if err != nil {
			return domain.Created{}, err
		}
		out = n
		return domain.Created{ReconnectPortID: n.ID, OrderIDs: []int64{n.CurrentReconnectOrderID()}}, nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// resubmitPort is ResubmitReconnectPort in tx.
func (db *DB) resubmitPort(ctx context.Context, tx *Tx, id int64, in *domain.ResubmitInput, role domain.Role) (*domain.ReconnectPort, error) {
	p, err := db.findPortForStep(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	lk := portLookup{db.lookupTx(tx)}
	n, ch, err := domain.PlanResubmit(ctx, lk, p, in, role)
	if err != nil {
		return nil, err
	}
	if cur := n.CurrentReconnectOrderID(); cur != 0 {
		note := "Replaced: the reconnect port was resubmitted with corrected details"
		if err := db.replaceReconnectOrder(ctx, tx, cur, note); err != nil {
			return nil, err
		}
	}
	plan, msg, err := domain.PlanReconnectOrders(ctx, lk, n)
	if err != nil {
		return nil, err
	}
	if msg != "" {
		return nil, domain.Errorf(domain.ECONFLICT, "%s", msg)
	}
	if err := db.writePlan(ctx, tx, plan, rand.Reader); err != nil {
		return nil, err
	}
	o := plan.Orders[0]
	if err := insertPortOrder(ctx, tx, n.ID, o.ID, domain.PortOrderReconnect); err != nil {
		return nil, err
	}
	for k, v := range domain.StartPorting(n, o.ID, plan.Lines[0].ID, tx.Now) {
		ch[k] = v
	}
	n.Wake++
	if err := db.writePortStep(ctx, tx, n, ch, "resubmit"); err != nil {
		return nil, err
	}
	return n, attachPortOrders(ctx, tx, []*domain.ReconnectPort{n})
}

// replaceReconnectOrder cancels the refused reconnect order id
// (domain.PlanReplaceReconnectOrder), with its effects, counts and audit
// event, as Orders_Update writes a move.
func (db *DB) replaceReconnectOrder(ctx context.Context, tx *Tx, id int64, note string) error {
	o, err := db.lockOrder(ctx, tx, id, nil)
	if err != nil {
		return err
	}
	if !o.Open() {
		return nil
	}
	plan, err := domain.PlanReplaceReconnectOrder(o, note, tx.Now)
	if err != nil {
		return err
	}
	_, err = db.writeOrderUpdate(domain.NewContextWithSystem(ctx), tx, o, plan, domain.ActionSystemMove)
	return err
}

// orderMoved makes the next step of the port order id belongs to (if
// any, and open) due, in tx: the order's status changed.
func (db *DB) orderMoved(ctx context.Context, tx *Tx, orderID int64) error {
	var ports []int64
	if err := sel(ctx, tx, &ports, `SELECT po.port_id FROM reconnect_port_orders po JOIN reconnect_ports p ON p.id = po.port_id
		WHERE po.order_id = ? AND `+openPort, orderID); err != nil {
		return err
	}
	for _, id := range ports {
		var p domain.ReconnectPort
		if err := get(ctx, tx, &p, "Reconnect port not found.", `SELECT id, wake FROM reconnect_ports WHERE id = ?`, id); err != nil {
			return err
		}
		p.Wake++
		if _, err := exec(ctx, tx, `UPDATE reconnect_ports SET wake = ?, updated_at = ? WHERE id = ?`, p.Wake, tx.Now, id); err != nil {
			return err
		}
		if err := db.portChanged(ctx, tx, &p, true); err != nil {
			return err
		}
	}
	return nil
}

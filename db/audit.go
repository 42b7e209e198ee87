package db

import (
	"context"
	"encoding/json"

	"switchboard/domain"
)

// insertAudit records who changed what: the actor in ctx, a person by
// user id and name, or the system (domain.SystemActor: the provider's
// answers, the background jobs) with no user and domain.SystemName. A
// change with no actor in ctx (the demo loader) is recorded as the system.
// It registers the change's domain.Event on tx, published after the commit.
func insertAudit(ctx context.Context, tx *Tx, entity string, id int64, action string, changes map[string]domain.Change) error {
	a := domain.ActorFromContext(ctx)
	var userID *int64
	if a.User != nil {
		userID = &a.User.ID
	}
	name := a.Name()
	if changes == nil {
		changes = map[string]domain.Change{}
	}
	b, err := json.Marshal(changes)
	if err != nil {
		return err
	}
	if _, err := exec(ctx, tx, `INSERT INTO audit_events (at, user_id, user_name, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		tx.Now, userID, name, entity, id, action, string(b)); err != nil {
		return err
	}
	tx.Publish(domain.NewAuditedEvent(a, entity, id, action, changes, tx.Now))
	return nil
}

// FindAuditEvents lists an entity's events, oldest first.
func (db *DB) FindAuditEvents(ctx context.Context, entity string, id int64) ([]*domain.AuditEvent, error) {
	var rows []struct {
		domain.AuditEvent
		Raw string `db:"changes"`
	}
	if err := sel(ctx, db.R, &rows, `SELECT id, at, user_id, user_name, entity, entity_id, action, changes FROM audit_events WHERE entity = ? AND entity_id = ? ORDER BY id`, entity, id); err != nil {
		return nil, err
	}
	out := make([]*domain.AuditEvent, len(rows))
	for i := range rows {
		ev := rows[i].AuditEvent
		if err := json.Unmarshal([]byte(rows[i].Raw), &ev.Changes); err != nil {
			return nil, err
		}
		out[i] = &ev
	}
	return out, nil
}

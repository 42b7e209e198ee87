package db

import (
	"context"
	"encoding/json"

	"switchboard/domain"
)

// insertAudit records who changed what. The user comes from ctx; a change
// made by the system (the poller, the demo loader) is recorded as "system".
func insertAudit(ctx context.Context, tx *Tx, entity string, id int64, action string, changes map[string]domain.Change) error {
	var userID *int64
	name := "system"
	if u := domain.UserFromContext(ctx); u != nil {
		userID, name = &u.ID, u.Name
	}
	if changes == nil {
		changes = map[string]domain.Change{}
	}
	b, err := json.Marshal(changes)
	if err != nil {
		return err
	}
	_, err = exec(ctx, tx, `INSERT INTO audit_events (at, user_id, user_name, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		tx.Now, userID, name, entity, id, action, string(b))
	return err
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

package domain

import (
	"context"
	"time"
)

// Change is one field's value before and after.
type Change [2]any

// AuditEvent records who changed what and when: a person (UserID and
// UserName) or the system (UserID nil, UserName SystemName).
type AuditEvent struct {
	ID       int64             `db:"id"`
	At       time.Time         `db:"at"`
	UserID   *int64            `db:"user_id"`
	UserName string            `db:"user_name"`
	Entity   string            `db:"entity"`
	EntityID int64             `db:"entity_id"`
	Action   string            `db:"action"`
	Changes  map[string]Change `db:"-"`
}

// BySystem reports whether the system made the change.
func (e *AuditEvent) BySystem() bool { return e.UserID == nil }

// Audit actions the order rules name. A person's Orders_Update is an
// ActionUpdate; the system's move along the lifecycle (PlanSystemMove) is
// an ActionSystemMove.
const (
	ActionCreate     = "create"
	ActionUpdate     = "update"
	ActionSystemMove = "move"
)

// Audited entities.
const (
	EntityOrder         = "order"
	EntityLine          = "line"
	EntityCustomer      = "customer"
	EntityInventory     = "inventory"
	EntityUser          = "user"
	EntityToken         = "api_token"
	EntityPortNumber    = "port_number"
	EntityQuote         = "quote"
	EntityReconnectPort = "reconnect_port"
	EntityServiceDesign = "service_design"
)

// AuditStore reads the audit history.
type AuditStore interface {
	// FindAuditEvents lists an entity's events, oldest first.
	FindAuditEvents(ctx context.Context, entity string, id int64) ([]*AuditEvent, error)
}

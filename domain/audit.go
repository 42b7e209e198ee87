package domain

import (
	"context"
	"time"
)

// Change is one field's value before and after.
type Change [2]any

// AuditEvent records who changed what and when.
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

// Audited entities.
const (
	EntityOrder         = "order"
	EntityLine          = "line"
	EntityCustomer      = "customer"
	EntityInventory     = "inventory"
	EntityUser          = "user"
	EntityToken         = "api_token"
	EntityPortNumber    = "port_number"
	EntityReconnectPort = "reconnect_port"
	EntityQuote         = "quote"
	EntityServiceDesign = "service_design"
)

// AuditStore reads the audit history.
type AuditStore interface {
	// FindAuditEvents lists an entity's events, oldest first.
	FindAuditEvents(ctx context.Context, entity string, id int64) ([]*AuditEvent, error)
}

type ctxKey int

const userKey ctxKey = 1

// NewContextWithUser returns ctx carrying the signed-in user.
func NewContextWithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userKey, u)
}

// UserFromContext returns the signed-in user, or nil.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(userKey).(*User)
	return u
}

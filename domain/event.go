package domain

import (
	"context"
	"time"
)

// EventKind says what happened to an entity.
type EventKind string

const (
	// EventCreated: the entity was created (To is its first status, if it has one).
	EventCreated EventKind = "created"
	// EventMoved: the entity's status changed from From to To.
	EventMoved EventKind = "moved"
	// EventChanged: anything else about the entity changed.
	EventChanged EventKind = "changed"
)

// Event is one change that was committed: which entity, what happened,
// when and by whom. It carries ids, not copies of rows: a subscriber reads
// what it shows. Every write that records an AuditEvent registers one
// Event for it, so an order's or a line's every change has one.
type Event struct {
	Kind   EventKind `json:"kind"`
	Entity string    `json:"entity"` // EntityOrder, EntityLine, … (the audit's entity names)
	ID     int64     `json:"id"`
	Action string    `json:"action"`         // the audit event's action: "create", "update", "move", …
	From   string    `json:"from,omitempty"` // status before a move
	To     string    `json:"to,omitempty"`   // status after a move or a creation
	At     time.Time `json:"at"`             // the transaction's time
	By     string    `json:"by"`             // a user's name, or SystemName
	// BySystem is true when the system made the change.
	BySystem bool `json:"by_system,omitempty"`
}

// EventPublisher hands committed events to whoever follows them (the live
// boards; on PostgreSQL, the other instances). Stores call Publish only
// after the transaction that made the events committed, once per
// transaction, never for one rolled back or retried. Publish must not
// block on a slow subscriber, and it cannot fail the write: it is done.
type EventPublisher interface {
	Publish(ctx context.Context, events []Event)
}

// NewAuditedEvent is the Event of an audited change of entity id by a, at
// at: created for a "create" action, moved when changes has a Status
// with a value before and after, changed otherwise.
func NewAuditedEvent(a Actor, entity string, id int64, action string, changes map[string]Change, at time.Time) Event {
	ev := Event{Kind: EventChanged, Entity: entity, ID: id, Action: action, At: at, By: a.Name(), BySystem: !a.IsPerson()}
	st, hasStatus := changes["Status"]
	before, _ := st[0].(string)
	after, _ := st[1].(string)
	switch {
	case action == ActionCreate:
		ev.Kind, ev.To = EventCreated, after
	case hasStatus && st[0] != nil && before != after:
		ev.Kind, ev.From, ev.To = EventMoved, before, after
	}
	return ev
}

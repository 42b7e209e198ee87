package domain

import (
	"context"
	"time"
)

// A Draft holds what a rep has entered so far in an order wizard, between
// requests: the wizard's form values (Data, JSON), its secrets (sealed at
// rest) and the furthest step checked. It is addressed by an unguessable ID
// and belongs to the user who started it. A draft is submitted at most
// once: its ID is the submission's idempotency key.
type Draft struct {
	ID        string
	Wizard    string // DraftNewService or DraftChangeService
	UserID    int64
	Data      []byte            // the wizard's values, JSON
	Secrets   map[string]Secret // values never stored in clear (PINPassword)
	Reached   int               // the furthest step passed
	State     string            // DraftOpen, DraftSubmitted (DraftSubmitting: see there)
	OrderIDs  []int64           // once submitted: the orders created
	LineIDs   []int64           // once submitted: the lines created
	CreatedAt time.Time
	UpdatedAt time.Time
	ExpiresAt time.Time
}

// The wizards.
const (
	DraftNewService    = "new-service" // /orders/new: NewOrders_Create
	DraftChangeService = "orders"      // /orders/create: Orders_Create (stored as "orders" since its first version)
)

// Draft states.
const (
	DraftOpen      = "OPEN"      // being filled in
	DraftSubmitted = "SUBMITTED" // its orders exist; it shows them
	// DraftSubmitting is a draft an earlier version took for a submission
	// that was cut off before it finished: whether it created orders is
	// unknown, so it is not submitted again. Drafts are now submitted in
	// the transaction that creates their orders and never stay in it.
	DraftSubmitting = "SUBMITTING"
)

// DraftTTL is how long an untouched draft is kept.
const DraftTTL = 7 * 24 * time.Hour

// Expired reports whether the draft's time ran out at now.
func (d *Draft) Expired(now time.Time) bool { return !d.ExpiresAt.After(now) }

// DraftStore keeps wizard drafts.
type DraftStore interface {
	// CreateDraft stores a new draft of the user in ctx with a new random
	// ID, OPEN, expiring DraftTTL from now.
	CreateDraft(ctx context.Context, d *Draft) error

	// FindDraft returns the draft id of the user in ctx. Returns ENOTFOUND
	// if there is no such draft, it is another user's, or it has expired.
	FindDraft(ctx context.Context, id string) (*Draft, error)

	// UpdateDraft saves an OPEN draft's Data, Secrets and Reached and
	// extends its life. Returns ENOTFOUND as FindDraft does and
	// *AlreadyCreated if the draft is no longer OPEN (it was submitted
	// meanwhile).
	UpdateDraft(ctx context.Context, d *Draft) error

	// A draft is submitted by CreateNewOrders or CreateOrders with a
	// CreateRecord naming it: SUBMITTED with its orders in their
	// transaction, once.

	// DeleteExpiredDrafts forgets drafts whose time ran out; it returns how many.
	DeleteExpiredDrafts(ctx context.Context) (int64, error)
}

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
	Wizard    string // DraftNewService or DraftOrders
	UserID    int64
	Data      []byte            // the wizard's values, JSON
	Secrets   map[string]Secret // values never stored in clear (PINPassword)
	Reached   int               // the furthest step passed
	State     string            // DraftOpen, DraftSubmitting, DraftSubmitted
	OrderIDs  []int64           // once submitted: the orders created
	LineIDs   []int64           // once submitted: the lines created
	CreatedAt time.Time
	UpdatedAt time.Time
	ExpiresAt time.Time
	// SubmittingSince is when the submission holding the draft began.
	SubmittingSince *time.Time
}

// The wizards.
const (
	DraftNewService = "new-service" // /orders/new: NewOrders_Create
	DraftOrders     = "orders"      // /orders/create: Orders_Create
)

// Draft states.
const (
	DraftOpen       = "OPEN"       // being filled in
	DraftSubmitting = "SUBMITTING" // one request is creating its orders
	DraftSubmitted  = "SUBMITTED"  // its orders exist; it shows them
)

// Draft lifetimes.
const (
	// DraftTTL is how long an untouched draft is kept.
	DraftTTL = 7 * 24 * time.Hour
	// DraftSubmitLease is how long a submission may hold a draft without
	// finishing before it counts as interrupted: whether it created orders
	// is then unknown, so the draft is not submitted again.
	DraftSubmitLease = 2 * time.Minute
)

// Expired reports whether the draft's time ran out at now.
func (d *Draft) Expired(now time.Time) bool { return !d.ExpiresAt.After(now) }

// Interrupted reports whether a submission took the draft and never
// finished (its instance stopped).
func (d *Draft) Interrupted(now time.Time) bool {
	return d.State == DraftSubmitting && d.SubmittingSince != nil && now.Sub(*d.SubmittingSince) > DraftSubmitLease
}

// DraftStore keeps wizard drafts.
type DraftStore interface {
	// CreateDraft stores a new draft of the user in ctx with a new random
	// ID, OPEN, expiring DraftTTL from now.
	CreateDraft(ctx context.Context, d *Draft) error

	// FindDraft returns the draft id of the user in ctx. Returns ENOTFOUND
	// if there is no such draft, it is another user's, or it has expired.
	FindDraft(ctx context.Context, id string) (*Draft, error)

	// UpdateDraft saves an OPEN draft's Data, Secrets and Reached and
	// extends its life. Returns ENOTFOUND as FindDraft does and ECONFLICT
	// if the draft is no longer OPEN (it was submitted meanwhile).
	UpdateDraft(ctx context.Context, d *Draft) error

	// ClaimDraft moves an OPEN draft to SUBMITTING, atomically: of several
	// requests at once exactly one gets true. The others get false and
	// the draft as it is (SUBMITTING or SUBMITTED). Returns ENOTFOUND as
	// FindDraft does.
	ClaimDraft(ctx context.Context, id string) (bool, *Draft, error)

	// CompleteDraft records the orders and lines a claimed draft created
	// and makes it SUBMITTED.
	CompleteDraft(ctx context.Context, id string, orderIDs, lineIDs []int64) error

	// ReleaseDraft gives a claimed draft back (OPEN) when its submission
	// created nothing, so it can be corrected and submitted again.
	ReleaseDraft(ctx context.Context, id string) error

	// DeleteExpiredDrafts forgets drafts whose time ran out; it returns how many.
	DeleteExpiredDrafts(ctx context.Context) (int64, error)
}

package domain

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// A Draft holds what a rep has entered so far in an order wizard, between
// requests: the input its submit will send (Data: DraftValues, JSON), its secrets (sealed at
// rest) and the furthest step checked. It is addressed by an unguessable ID
// and belongs to the user who started it. A draft is submitted at most
// once: its ID is the submission's idempotency key.
type Draft struct {
	ID        string
	Wizard    string // DraftNewService or DraftChangeService
	UserID    int64
	Data      []byte            // the wizard's values: DraftValues, JSON
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

	// FindOpenDrafts lists the OPEN drafts of the user in ctx that have
	// not expired, the one saved last first, at most limit of them.
	FindOpenDrafts(ctx context.Context, limit int) ([]*Draft, error)

	// DeleteDraft forgets the OPEN draft id of the user in ctx. Returns
	// ENOTFOUND as FindDraft does, and *AlreadyCreated if it was submitted.
	DeleteDraft(ctx context.Context, id string) error

	// DeleteExpiredDrafts forgets drafts whose time ran out; it returns how many.
	DeleteExpiredDrafts(ctx context.Context) (int64, error)
}

// DraftVersion is the version of what a draft's Data holds (DraftValues).
// Version 1 kept the wizards' page forms; a draft of another version is
// not read as this one (ErrDraftVersion).
const DraftVersion = 2

// ErrDraftVersion is a draft kept by another version of the wizards.
var ErrDraftVersion = errors.New("the draft was kept by another version of the wizards")

// DraftValues is what an order wizard's draft keeps: the input its submit
// sends (NewOrdersInput, OrdersCreateInput), as far as it is entered, so a
// change to a page's form never breaks a draft that is open. Text typed
// that is not yet a value of its field ("4,99" for a rate, "abc" for an id)
// stays as typed in Unparsed, by the field's path in the input
// ("AdditionalProducts[0].Rate", "Change.Lines[0].Change.Products.Change[1].Rate"):
// the field is left out of Input and the step shows the text back with its
// error. Answers are the wizard's choices the input has no field for.
type DraftValues[In, Answers any] struct {
	Version  int               `json:"Version"`
	Input    In                `json:"Input"`
	Unparsed map[string]string `json:"Unparsed,omitempty"`
	Answers  Answers           `json:"Answers"`
}

// NewServiceAnswers are the new-service wizard's choices beside NewOrdersInput.
type NewServiceAnswers struct {
	// NumberMode is how the service gets its number: "new", "reconnect"
	// (ReconnectTN) or "port" (WirelessPort); "" until the rep chose.
	NumberMode string `json:"NumberMode"`
	// ShippingFilled: the shipping address was filled from the customer's
	// once; a rep who cleared it is not given it again.
	ShippingFilled bool `json:"ShippingFilled"`
}

// ChangeServiceAnswers are the change-service wizard's choices beside
// OrdersCreateInput (its kind is the one the input gives).
type ChangeServiceAnswers struct {
	// CustomerID is the customer whose lines are chosen: Change and
	// PackageChange name lines only.
	CustomerID int64 `json:"CustomerID"`
	// WholeAccount: Disconnect every line of the account, chosen (a
	// Disconnect naming no line yet is not that choice).
	WholeAccount bool `json:"WholeAccount"`
}

// The drafts of the two wizards.
type (
	NewServiceDraft    = DraftValues[NewOrdersInput, NewServiceAnswers]
	ChangeServiceDraft = DraftValues[OrdersCreateInput, ChangeServiceAnswers]
)

// NewDraftValues is a draft's values of this version.
func NewDraftValues[In, A any](in In, unparsed map[string]string, answers A) *DraftValues[In, A] {
	if len(unparsed) == 0 {
		unparsed = nil
	}
	return &DraftValues[In, A]{Version: DraftVersion, Input: in, Unparsed: unparsed, Answers: answers}
}

// Encode is what Draft.Data holds.
func (v *DraftValues[In, A]) Encode() ([]byte, error) { return json.Marshal(v) }

// DecodeDraftValues reads a draft's Data; a draft of another version is
// ErrDraftVersion.
func DecodeDraftValues[In, A any](data []byte) (*DraftValues[In, A], error) {
	var head struct{ Version int }
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, err
	}
	if head.Version != DraftVersion {
		return nil, ErrDraftVersion
	}
	v := new(DraftValues[In, A])
	if err := json.Unmarshal(data, v); err != nil {
		return nil, err
	}
	return v, nil
}

// Text is what the field at path shows: the text kept as typed, else
// value (a field holding no value yet shows "").
func (v *DraftValues[In, A]) Text(path, value string) string {
	if s, ok := v.Unparsed[path]; ok {
		return s
	}
	return value
}

// HasUnparsed reports whether a draft's Data keeps text that is not yet a
// value of its field.
func HasUnparsed(data []byte) bool {
	var v struct{ Unparsed map[string]string }
	return json.Unmarshal(data, &v) == nil && len(v.Unparsed) > 0
}

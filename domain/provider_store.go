package domain

import (
	"context"
	"time"
)

// ProviderState is what the background jobs know about an order at its
// provider.
type ProviderState struct {
	OrderID       int64      `db:"order_id"`
	Supplement    int        `db:"supplement"`      // the version of the order sent last
	SentAt        *time.Time `db:"sent_at"`         // when the provider first took it
	DueAt         *time.Time `db:"due_at"`          // when it should be complete (OrderDueAt)
	LastCheckAt   *time.Time `db:"last_check_at"`   // the last answer
	LastAnswer    string     `db:"last_answer"`     // GatewayStatus.Summary of it
	PortResponse  string     `db:"port_response"`   // D, C, R or ""
	PortReason    string     `db:"port_reason"`     // with R
	PortActivated bool       `db:"port_activated"`  // the number is active
	Failures      int        `db:"failures"`        // calls that failed in a row
	LastError     string     `db:"last_error"`      // the last failure
	LastErrorAt   *time.Time `db:"last_error_at"`   //
	NextAttemptAt *time.Time `db:"next_attempt_at"` // the next send or check
	UpdatedAt     time.Time  `db:"updated_at"`

	// Filled by FindFailingOrders.
	PON    string `db:"pon"`
	Status string `db:"status"`
}

// ProviderStore is what the background jobs read and write about orders
// at their providers. Every write acts as the system: its moves are in
// the order's history by the system, and each commits with the next job.
type ProviderStore interface {
	// OrderToSend prepares order id for transmission: a NEW order that
	// ReadyToSend moves to SENT; an order with the provider (Following) is
	// sent again as it is, with its current supplement. It returns what to
	// send, or nil when the order is not for sending (a rep held, canceled
	// or completed it). Returns ENOTFOUND if there is no such order, and
	// a *SendHeldError, changing nothing, while the order's route choice
	// can still be undone (RouteHeld): try again at its Until.
	OrderToSend(ctx context.Context, id int64) (*GatewayOrder, error)

	// RecordSent records the provider's first answer to order id's
	// transmission (supplement sent), moves the order as the answer says
	// and makes its FollowOrder due. A SENT order stays SENT until the
	// provider says more.
	RecordSent(ctx context.Context, id int64, supplement int, st *GatewayStatus) error

	// RecordAnswer records the provider's answer about order id, moves the
	// order as ProviderMove says (or to JEOPARDY when it is overdue), and
	// records next as the next check. It reports whether the order is
	// still with the provider (Following), so the job checks again.
	RecordAnswer(ctx context.Context, id int64, st *GatewayStatus, next time.Time) (bool, error)

	// RecordFailure records a failed call about order id and when the next
	// attempt is (nil: none). giveUp, when not "", is the status the order
	// moves to with the failure as its note (FLOW_ERROR, ERROR); an
	// overdue order moves to JEOPARDY. It reports whether the order is
	// still with the provider or waiting to be sent, so the job tries again.
	RecordFailure(ctx context.Context, id int64, failure string, next *time.Time, giveUp string) (bool, error)

	ProviderStateStore
}

// ProviderStateStore reads what the jobs know, for the pages.
type ProviderStateStore interface {
	// FindProviderState returns what the jobs know about order id; a zero
	// state (OrderID set) when nothing was sent yet.
	FindProviderState(ctx context.Context, id int64) (*ProviderState, error)

	// FindFailingOrders lists open orders whose last provider call failed,
	// most recent failure first, at most limit.
	FindFailingOrders(ctx context.Context, limit int) ([]*ProviderState, error)
}

// ReadyToSend reports whether the jobs send order o on their own: NEW,
// with flow-through on or SendOrders asked, and a route chosen where its
// process needs one.
func ReadyToSend(o *Order) bool {
	return o.Status == OrderNew && (o.FlowThrough || o.SendNow) && !o.RequiresRouteDecision
}

// SendWouldAct reports whether running order o's send job again would do
// anything: the order is ready to send, or sent and not yet transmitted.
// An order in flow error, on hold, canceled or done is the reps' to
// correct and send again from its page.
func SendWouldAct(o *Order) bool { return ReadyToSend(o) || Following(o.Status) }

// DueForSending reports whether a write that took an order from status
// from to o makes it due for sending: it became ready to send, or a rep
// set SENT.
func DueForSending(from string, o *Order) bool {
	return ReadyToSend(o) || (o.Status == OrderSent && from != OrderSent)
}

// NewSupplement reports whether an order moving from one status to
// another is sent next as a new version (supplement) of its request: it
// was refused (ERROR) and a rep corrects it (NEW) or sends it again.
func NewSupplement(from, to string) bool {
	return from == OrderError && (to == OrderNew || to == OrderSent)
}

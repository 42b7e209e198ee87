// Package jobs is the portal's background work, on River, run by `serve`
// beside the web server and out of the request path: sending orders to
// their provider (SendOrder), following them there until they are final
// (FollowOrder), and the periodic sweep of what has expired (SweepArgs). Job args are ids only;
// each worker reads the current state, acts, and writes the next state
// and the next job in one transaction (domain.ProviderStore).
package jobs

import (
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// Job kinds, as River stores them.
const (
	KindSendOrder   = "send_order"
	KindFollowOrder = "follow_order"
	KindSweep       = "sweep_expired"
)

// Attempts before a job gives up. A SendOrder that fails every time moves
// its order to FLOW_ERROR; a FollowOrder (which snoozes between checks
// without using attempts, so only failed checks count) moves it to ERROR,
// saying the provider could not be reached.
const (
	SendOrderAttempts   = 10
	FollowOrderAttempts = 40
)

// uniqueOpen makes a job unique per args among the jobs not finished yet,
// so an order has at most one of each kind waiting or running, and a new
// one may follow a finished one (a rep sends an order again).
var uniqueOpen = river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRetryable,
	rivertype.JobStateRunning, rivertype.JobStateScheduled,
}}

// SendOrderArgs transmits order OrderID to its provider: due when a NEW
// order with flow-through on (or SendOrders) has the route it needs, or a
// rep sets SENT.
type SendOrderArgs struct {
	OrderID int64 `json:"order_id"`
}

func (SendOrderArgs) Kind() string { return KindSendOrder }

func (SendOrderArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: SendOrderAttempts, UniqueOpts: uniqueOpen}
}

// FollowOrderArgs asks the provider where order OrderID stands, records
// the answer and moves the order, every poll interval until it is final.
type FollowOrderArgs struct {
	OrderID int64 `json:"order_id"`
}

func (FollowOrderArgs) Kind() string { return KindFollowOrder }

func (FollowOrderArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: FollowOrderAttempts, UniqueOpts: uniqueOpen}
}

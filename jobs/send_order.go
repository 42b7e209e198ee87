package jobs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"switchboard/domain"
)

// SendOrderWorker transmits an order to its provider. A failed
// transmission is retried with Backoff (the same PON, so the provider
// never takes it twice); after SendOrderAttempts the order moves to
// FLOW_ERROR with the last failure in its note. While a supervisor's
// route choice can still be undone (domain.RouteHeld) the order is not
// sent: the job snoozes until the end of the window, looking again at
// least every HeldCheck (an undone choice then finds nothing to send).
type SendOrderWorker struct {
	river.WorkerDefaults[SendOrderArgs]
	Store     domain.ProviderStore
	Gateway   domain.Gateway
	Backoff   Backoff
	Now       func() time.Time
	HeldCheck time.Duration
}

func (w *SendOrderWorker) Work(ctx context.Context, job *river.Job[SendOrderArgs]) error {
	id := job.Args.OrderID
	o, err := w.Store.OrderToSend(ctx, id)
	var held *domain.SendHeldError
	switch {
	case errors.As(err, &held):
		wait := held.Until.Sub(w.Now())
		if wait <= 0 || (w.HeldCheck > 0 && wait > w.HeldCheck) {
			wait = w.HeldCheck
		}
		return river.JobSnooze(max(wait, time.Millisecond))
	case domain.ErrorCode(err) == domain.ENOTFOUND:
		return river.JobCancel(err)
	case err != nil:
		return err
	case o == nil:
		return nil // no longer for sending: held, canceled or done by hand
	}
	st, err := w.Gateway.SendOrder(ctx, o)
	if err != nil {
		return failed(ctx, w.Store, job.JobRow.Attempt, job.JobRow.MaxAttempts, w.Backoff, w.Now, id,
			"Could not transmit the order", domain.OrderFlowError, err)
	}
	return w.Store.RecordSent(ctx, id, o.Supplement, st)
}

// failed records a failed call of attempt n of max about order id and
// returns what the job returns: the error, so River retries it with
// backoff (or, on the last attempt, discards it after the order moved to
// giveUp); nil when the order is no longer anything to try again for.
func failed(ctx context.Context, s domain.ProviderStore, n, max int, b Backoff, now func() time.Time, id int64, what, giveUp string, err error) error {
	msg := fmt.Sprintf("%s (attempt %d of %d): %v", what, n, max, err)
	var next *time.Time
	if n < max {
		t := now().Add(b.Wait(n))
		next, giveUp = &t, ""
	}
	again, rerr := s.RecordFailure(ctx, id, msg, next, giveUp)
	switch {
	case rerr != nil:
		return rerr
	case !again && n < max:
		return nil
	}
	return err
}

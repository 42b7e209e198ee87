package jobs

import (
	"context"
	"errors"
	"time"

	"github.com/riverqueue/river"

	"switchboard/domain"
)

// FollowOrderWorker asks the provider where an order stands, records the
// answer, moves the order (CONFIRMED, PROVISIONED, COMPLETE, ERROR, or
// JEOPARDY when it is overdue) and snoozes for PollInterval until the
// order is final or back with a rep. A PON the provider does not know is
// sent again (the same PON: it never lost an order it had). A failed check
// is retried with Backoff; after FollowOrderAttempts failed checks the
// order moves to ERROR, saying the provider could not be reached.
type FollowOrderWorker struct {
	river.WorkerDefaults[FollowOrderArgs]
	Store        domain.ProviderStore
	Gateway      domain.Gateway
	PollInterval time.Duration
	Backoff      Backoff
	Now          func() time.Time
}

func (w *FollowOrderWorker) Work(ctx context.Context, job *river.Job[FollowOrderArgs]) error {
	id := job.Args.OrderID
	ps, err := w.Store.FindProviderState(ctx, id)
	if err != nil {
		return err
	}
	if ps.LastCheckAt != nil {
		if wait := ps.LastCheckAt.Add(w.PollInterval).Sub(w.Now()); wait > 0 {
			return river.JobSnooze(wait) // checked a moment ago (sent just now, or a second run)
		}
	}
	o, err := w.Store.OrderToSend(ctx, id)
	var held *domain.SendHeldError
	switch {
	case errors.As(err, &held):
		return river.JobSnooze(w.PollInterval) // a route choice that can still be undone: not sent yet
	case domain.ErrorCode(err) == domain.ENOTFOUND:
		return river.JobCancel(err)
	case err != nil:
		return err
	case o == nil:
		return nil // final, or back with a rep
	}
	st, err := w.Gateway.OrderStatus(ctx, o.PON)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		st, err = w.Gateway.SendOrder(ctx, o)
	}
	if err != nil {
		return failed(ctx, w.Store, job.JobRow.Attempt, job.JobRow.MaxAttempts, w.Backoff, w.Now, id,
			"Could not ask the provider about the order", domain.OrderError, err)
	}
	following, err := w.Store.RecordAnswer(ctx, id, st, w.Now().Add(w.PollInterval))
	if err != nil || !following {
		return err
	}
	return river.JobSnooze(w.PollInterval)
}

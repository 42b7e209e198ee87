package jobs

import (
	"context"
	"database/sql"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
)

// DefaultPollInterval is how often an order at the provider is checked.
const DefaultPollInterval = 5 * time.Second

// Scheduler inserts jobs in the caller's transaction (River's InsertTx),
// so a job exists exactly when the write that makes it due commits.
type Scheduler struct {
	client *river.Client[*sql.Tx]
	poll   time.Duration
}

// NewScheduler is a scheduler that only inserts (it works no jobs), for a
// store that makes jobs due with no River client of its own at hand;
// FollowOrder jobs wait poll between checks.
func NewScheduler(driver riverdriver.Driver[*sql.Tx], poll time.Duration) (*Scheduler, error) {
	c, err := river.NewClient(driver, &river.Config{})
	if err != nil {
		return nil, err
	}
	return &Scheduler{client: c, poll: poll}, nil
}

// SendOrder makes order id due for sending now, unless a SendOrder for it
// is waiting or running already.
func (s *Scheduler) SendOrder(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := s.client.InsertTx(ctx, tx, SendOrderArgs{OrderID: id}, nil)
	return err
}

// FollowOrder makes order id due for following, unless a FollowOrder for
// it is waiting or running already. The job waits out the poll interval
// from the order's last answer itself (a snooze: River wakes a job
// snoozed for a few seconds on time, one scheduled at insert only on its
// scheduler's next round, every 5 seconds).
func (s *Scheduler) FollowOrder(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := s.client.InsertTx(ctx, tx, FollowOrderArgs{OrderID: id}, nil)
	return err
}

// PollInterval is how long FollowOrder waits between checks.
func (s *Scheduler) PollInterval() time.Duration { return s.poll }

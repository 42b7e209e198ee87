package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"switchboard/domain"
)

// SweepEvery is how often the sweeper runs by default.
const SweepEvery = 10 * time.Minute

// SweepStore is what the sweeper deletes through.
type SweepStore interface {
	// DeleteExpiredDrafts forgets order drafts whose time ran out.
	DeleteExpiredDrafts(ctx context.Context) (int64, error)
	// DeleteExpiredIdempotencyKeys forgets keys made before before.
	DeleteExpiredIdempotencyKeys(ctx context.Context, before time.Time) (int64, error)
}

// Sweeper deletes what has expired: order drafts past their time and
// idempotency keys older than domain.IdempotencyTTL. Every instance may
// run one; deleting twice deletes nothing more.
type Sweeper struct {
	Store SweepStore
	Every time.Duration    // SweepEvery when 0
	Now   func() time.Time // time.Now when nil
	Log   *slog.Logger
}

// Sweep deletes what has expired once. Both deletions are tried; it
// returns the first error.
func (s *Sweeper) Sweep(ctx context.Context) error {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	drafts, errDrafts := s.Store.DeleteExpiredDrafts(ctx)
	keys, errKeys := s.Store.DeleteExpiredIdempotencyKeys(ctx, now().Add(-domain.IdempotencyTTL))
	if drafts > 0 || keys > 0 {
		s.Log.InfoContext(ctx, "expired records deleted", "order_drafts", drafts, "idempotency_keys", keys)
	}
	if errDrafts != nil {
		return errDrafts
	}
	return errKeys
}

// SweepArgs is the periodic sweep of what has expired. River's leader
// inserts one every Sweeper.Every (and at start), so one instance sweeps
// for all.
type SweepArgs struct{}

func (SweepArgs) Kind() string { return KindSweep }

func (SweepArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3} // a sweep twice (a new leader's first) deletes nothing more
}

// SweepWorker runs the sweep.
type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	Sweeper *Sweeper
}

func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	return w.Sweeper.Sweep(ctx)
}

// periodic is the sweep's periodic job.
func (s *Sweeper) periodic() *river.PeriodicJob {
	every := s.Every
	if every <= 0 {
		every = SweepEvery
	}
	return river.NewPeriodicJob(river.PeriodicInterval(every), func() (river.JobArgs, *river.InsertOpts) {
		return SweepArgs{}, nil
	}, &river.PeriodicJobOpts{RunOnStart: true})
}

// Package jobs holds Switchboard's background work, run by `serve` beside
// the web server and out of the request path.
package jobs

import (
	"context"
	"log/slog"
	"sync"
	"time"

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

// Start sweeps at once and then every s.Every, in the background, until
// ctx ends or stop is called; stop waits for a sweep under way to end.
func (s *Sweeper) Start(ctx context.Context) (stop func()) {
	every := s.Every
	if every <= 0 {
		every = SweepEvery
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			if err := s.Sweep(ctx); err != nil && ctx.Err() == nil {
				s.Log.ErrorContext(ctx, "deleting expired records failed", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	})
	return func() {
		cancel()
		wg.Wait()
	}
}

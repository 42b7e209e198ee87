package jobs_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/jobs"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// clock is a settable time.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

func rows(t *testing.T, d *db.DB, table string) int {
	t.Helper()
	var n int
	if err := d.R.Get(&n, `SELECT COUNT(*) FROM `+table); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSweep: what has expired goes, what has not stays.
func TestSweep(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		clk := &clock{t: time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)}
		d.Now = clk.Now
		u := &domain.User{Name: "rita", Role: domain.RoleRep, PasswordHash: "x"}
		if err := d.CreateUser(context.Background(), u); err != nil {
			t.Fatal(err)
		}
		ctx := domain.NewContextWithUser(context.Background(), u)
		draft := func() {
			if err := d.CreateDraft(ctx, &domain.Draft{Wizard: domain.DraftNewService, Data: []byte(`{}`), Reached: 1}); err != nil {
				t.Fatal(err)
			}
		}
		key := func(k string) {
			if _, err := d.W.Exec(d.W.Rebind(`INSERT INTO idempotency_keys (user_id, key, method, path, body_sha256, claim_token, created_at)
				VALUES (?, ?, 'POST', '/api/orders', 'ab', '', ?)`), u.ID, k, clk.Now()); err != nil {
				t.Fatal(err)
			}
		}
		draft()
		key("old")
		clk.Add(domain.DraftTTL + time.Minute) // past both lifetimes
		draft()
		key("new")

		s := &jobs.Sweeper{Store: d, Now: clk.Now, Log: quiet}
		if err := s.Sweep(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got, want := rows(t, d, "order_drafts"), 1; got != want {
			t.Errorf("drafts=%d after the sweep, want %d (the fresh one)", got, want)
		}
		if got, want := rows(t, d, "idempotency_keys"), 1; got != want {
			t.Errorf("idempotency keys=%d after the sweep, want %d (the fresh one)", got, want)
		}
	})
}

// countingStore counts sweeps; its drafts deletion fails when fail is set.
type countingStore struct {
	drafts, keys atomic.Int64
	fail         bool
	swept        chan struct{}
}

func (s *countingStore) DeleteExpiredDrafts(context.Context) (int64, error) {
	s.drafts.Add(1)
	if s.fail {
		return 0, errors.New("database is gone")
	}
	return 0, nil
}

func (s *countingStore) DeleteExpiredIdempotencyKeys(_ context.Context, before time.Time) (int64, error) {
	s.keys.Add(1)
	select {
	case s.swept <- struct{}{}:
	default:
	}
	return 0, nil
}

// TestSweepOnRiver: River runs the sweep at start and then every period,
// also after a failed sweep.
func TestSweepOnRiver(t *testing.T) {
	for _, fail := range []bool{false, true} {
		d := dbtest.Open(t)
		st := &countingStore{fail: fail, swept: make(chan struct{}, 10)}
		c, err := jobs.NewClient(jobs.Config{Driver: d.RiverDriver(), Store: d, Ports: d, Gateway: &scripted{}, Log: quiet,
			Sweeper: &jobs.Sweeper{Store: st, Every: 50 * time.Millisecond, Log: quiet}})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.River.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			select {
			case <-st.swept:
			case <-time.After(20 * time.Second):
				t.Fatalf("fail=%v: sweep %d did not come", fail, i+1)
			}
		}
		c.River.Stop(context.Background())
		if st.drafts.Load() != st.keys.Load() {
			t.Fatalf("fail=%v: drafts swept %d times, keys %d: want both on every sweep", fail, st.drafts.Load(), st.keys.Load())
		}
	}
}

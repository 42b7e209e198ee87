package db_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// clock is a settable time for DB.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestSignInFailures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
		d.Now = clk.Now
		const limit = 3
		locked := func(t *testing.T, key string) time.Time {
			t.Helper()
			until, err := d.SignInLockedUntil(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			return until
		}
		record := func(t *testing.T, key string) int {
			t.Helper()
			n, err := d.RecordSignInFailure(ctx, key, limit)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}

		t.Run("Count", func(t *testing.T) {
			for want := 1; want < limit; want++ {
				if got := record(t, "user:count"); got != want {
					t.Fatalf("failures=%d, want %d", got, want)
				}
				if until := locked(t, "user:count"); !until.IsZero() {
					t.Fatalf("locked until %v after %d failures, want not locked", until, want)
				}
			}
			if got := record(t, "ip:other"); got != 1 {
				t.Fatalf("another key's failures=%d, want 1", got)
			}
		})
		t.Run("LockAtLimit", func(t *testing.T) {
			key := "user:lock"
			for i := 0; i < limit; i++ {
				record(t, key)
			}
			until := locked(t, key)
			if want := clk.Now().Add(domain.SignInLockFor); !until.Equal(want) {
				t.Fatalf("locked until %v, want %v", until, want)
			}
			clk.Add(domain.SignInLockFor - time.Second)
			if locked(t, key).IsZero() {
				t.Fatal("lock ended early")
			}
			clk.Add(2 * time.Second)
			if !locked(t, key).IsZero() {
				t.Fatal("lock did not end")
			}
		})
		t.Run("WindowEnds", func(t *testing.T) {
			key := "user:window"
			record(t, key)
			record(t, key)
			clk.Add(domain.SignInWindow + time.Second)
			if got, want := record(t, key), 1; got != want {
				t.Fatalf("failures after the window=%d, want %d", got, want)
			}
		})
		t.Run("Clear", func(t *testing.T) {
			key := "user:clear"
			for i := 0; i < limit; i++ {
				record(t, key)
			}
			if locked(t, key).IsZero() {
				t.Fatal("not locked")
			}
			if err := d.ClearSignInFailures(ctx, key); err != nil {
				t.Fatal(err)
			}
			if !locked(t, key).IsZero() {
				t.Fatal("still locked after clearing")
			}
			if got, want := record(t, key), 1; got != want {
				t.Fatalf("failures after clearing=%d, want %d", got, want)
			}
			if err := d.ClearSignInFailures(ctx, "user:never-failed"); err != nil {
				t.Fatalf("clearing an unknown key: %v", err)
			}
		})
		t.Run("UnknownKey", func(t *testing.T) {
			if !locked(t, "user:unknown").IsZero() {
				t.Fatal("an unknown key is locked")
			}
		})
	})
}

// TestSignInFailuresConcurrent records failures at once, on new keys and
// on known ones: none is lost.
func TestSignInFailuresConcurrent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		const workers, keys = 10, 8
		// Open the pool's connections first, so the workers start together.
		var warm sync.WaitGroup
		for i := 0; i < workers; i++ {
			warm.Add(1)
			go func() { defer warm.Done(); d.ClearSignInFailures(ctx, "warm") }()
		}
		warm.Wait()
		for round := 0; round < 2; round++ { // round 0 creates the keys, round 1 counts on
			start := make(chan struct{})
			var wg sync.WaitGroup
			errs := make(chan error, workers*keys)
			for i := 0; i < workers; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					for k := 0; k < keys; k++ {
						_, err := d.RecordSignInFailure(ctx, fmt.Sprintf("ip:10.0.0.%d", k), 1000)
						errs <- err
					}
				}()
			}
			close(start)
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		for k := 0; k < keys; k++ {
			got, err := d.RecordSignInFailure(ctx, fmt.Sprintf("ip:10.0.0.%d", k), 1000)
			if err != nil {
				t.Fatal(err)
			}
			if want := 2*workers + 1; got != want {
				t.Fatalf("key %d failures=%d, want %d", k, got, want)
			}
		}
	})
}

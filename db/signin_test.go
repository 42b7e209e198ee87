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

func TestSignInAttempts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
		d.Now = clk.Now
		const limit = 3
		take := func(t *testing.T, keys ...string) domain.SignInTurn {
			t.Helper()
			var ks []domain.SignInKey
			for _, k := range keys {
				ks = append(ks, domain.SignInKey{Key: k, Limit: limit})
			}
			turn, err := d.TakeSignInAttempt(ctx, ks...)
			if err != nil {
				t.Fatal(err)
			}
			return turn
		}
		count := func(t *testing.T, key string) int {
			t.Helper()
			turn := take(t, key)
			if !turn.LockedUntil.IsZero() {
				t.Fatalf("%s locked until %v, want an attempt counted", key, turn.LockedUntil)
			}
			return turn.Counts[0]
		}

		t.Run("Count", func(t *testing.T) {
			for want := 1; want < limit; want++ {
				if got := count(t, "user:count"); got != want {
					t.Fatalf("attempts=%d, want %d", got, want)
				}
			}
			if got := count(t, "ip:other"); got != 1 {
				t.Fatalf("another key's attempts=%d, want 1", got)
			}
		})
		t.Run("SeveralKeysAtOnce", func(t *testing.T) {
			turn := take(t, "user:b", "client:a")
			if got, want := fmt.Sprint(turn.Counts), "[1 1]"; got != want {
				t.Fatalf("counts=%s, want %s (in the order given)", got, want)
			}
			turn = take(t, "user:c", "client:a")
			if got, want := fmt.Sprint(turn.Counts), "[1 2]"; got != want {
				t.Fatalf("counts=%s, want %s", got, want)
			}
		})
		t.Run("LockAtLimit", func(t *testing.T) {
			key := "user:lock"
			for i := 0; i < limit; i++ {
				count(t, key)
			}
			turn := take(t, key, "client:lock")
			if want := clk.Now().Add(domain.SignInLockFor); !turn.LockedUntil.Equal(want) {
				t.Fatalf("locked until %v, want %v", turn.LockedUntil, want)
			}
			// A refused attempt counts on no key, not even the unlocked one.
			if got := count(t, "client:lock"); got != 1 {
				t.Fatalf("client attempts=%d after a refused attempt, want 1", got)
			}
			clk.Add(domain.SignInLockFor - time.Second)
			if take(t, key).LockedUntil.IsZero() {
				t.Fatal("lock ended early")
			}
			clk.Add(2 * time.Second)
			if got := count(t, key); got != 1 {
				t.Fatalf("attempts after the lock=%d, want 1", got)
			}
		})
		t.Run("WindowEnds", func(t *testing.T) {
			key := "user:window"
			count(t, key)
			count(t, key)
			clk.Add(domain.SignInWindow + time.Second)
			if got, want := count(t, key), 1; got != want {
				t.Fatalf("attempts after the window=%d, want %d", got, want)
			}
		})
		t.Run("Clear", func(t *testing.T) {
			key := "user:clear"
			for i := 0; i < limit; i++ {
				count(t, key)
			}
			if err := d.ClearSignInFailures(ctx, key); err != nil {
				t.Fatal(err)
			}
			if got, want := count(t, key), 1; got != want {
				t.Fatalf("attempts after clearing=%d, want %d", got, want)
			}
			if err := d.ClearSignInFailures(ctx, "user:never-failed"); err != nil {
				t.Fatalf("clearing an unknown key: %v", err)
			}
		})
		t.Run("TakeBack", func(t *testing.T) {
			key := domain.SignInKey{Key: "client:back", Limit: limit}
			for i := 0; i < limit; i++ {
				count(t, key.Key)
			}
			if err := d.TakeBackSignInAttempt(ctx, key); err != nil {
				t.Fatal(err)
			}
			if got, want := count(t, key.Key), limit; got != want {
				t.Fatalf("attempts after taking one back=%d, want %d (unlocked, then counted again)", got, want)
			}
			if err := d.TakeBackSignInAttempt(ctx, domain.SignInKey{Key: "client:unknown", Limit: limit}); err != nil {
				t.Fatalf("taking back on an unknown key: %v", err)
			}
		})
	})
}

// TestSignInAttemptsConcurrent takes attempts at once, on new keys and on
// known ones: none is lost, and no more than the limit is ever let through.
func TestSignInAttemptsConcurrent(t *testing.T) {
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
		run := func(t *testing.T, fn func() error) {
			t.Helper()
			start := make(chan struct{})
			var wg sync.WaitGroup
			errs := make(chan error, workers*keys)
			for i := 0; i < workers; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					errs <- fn()
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
		t.Run("NoneLost", func(t *testing.T) {
			for round := 0; round < 2; round++ { // round 0 creates the keys, round 1 counts on
				run(t, func() error {
					for k := 0; k < keys; k++ {
						if _, err := d.TakeSignInAttempt(ctx, domain.SignInKey{Key: fmt.Sprintf("ip:10.0.0.%d", k), Limit: 1000},
							domain.SignInKey{Key: "user:shared", Limit: 1000}); err != nil {
							return err
						}
					}
					return nil
				})
			}
			for k := 0; k < keys; k++ {
				turn, err := d.TakeSignInAttempt(ctx, domain.SignInKey{Key: fmt.Sprintf("ip:10.0.0.%d", k), Limit: 1000})
				if err != nil {
					t.Fatal(err)
				}
				if got, want := turn.Counts[0], 2*workers+1; got != want {
					t.Fatalf("key %d attempts=%d, want %d", k, got, want)
				}
			}
		})
		t.Run("LimitHolds", func(t *testing.T) {
			const limit = 5
			var mu sync.Mutex
			let := 0
			run(t, func() error {
				for range keys {
					turn, err := d.TakeSignInAttempt(ctx, domain.SignInKey{Key: "user:guessed", Limit: limit})
					if err != nil {
						return err
					}
					if turn.LockedUntil.IsZero() {
						mu.Lock()
						let++
						mu.Unlock()
					}
				}
				return nil
			})
			if let != limit {
				t.Fatalf("%d of %d attempts at once let through, want %d", let, workers*keys, limit)
			}
		})
	})
}

package db_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestIdempotencyKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
		d.Now = clk.Now
		u := mustCreateUser(t, d, "idem-rep", domain.RoleRep)
		other := mustCreateUser(t, d, "idem-other", domain.RoleRep)
		req := func(key, body string) domain.IdempotencyRequest {
			return domain.IdempotencyRequest{UserID: u.ID, Key: key, Method: "POST", Path: "/api/orders", BodyHash: "sha-" + body}
		}
		claim := func(t *testing.T, r domain.IdempotencyRequest) *domain.IdempotencyClaim {
			t.Helper()
			c, err := d.ClaimIdempotencyKey(ctx, r, time.Second)
			if err != nil {
				t.Fatalf("claim %q: %v", r.Key, err)
			}
			return c
		}

		t.Run("ReplaySameBody", func(t *testing.T) {
			r := req("k-replay", "a")
			c := claim(t, r)
			if c.Token == "" || c.Answer != nil {
				t.Fatalf("first claim = %+v, want a token and no answer", c)
			}
			if err := d.CompleteIdempotencyKey(ctx, r, c.Token, domain.IdempotentAnswer{Status: 201, Body: []byte(`{"Success":true,"OrderIDs":[7]}`)}); err != nil {
				t.Fatal(err)
			}
			again := claim(t, r)
			if again.Token != "" || again.Answer == nil {
				t.Fatalf("second claim = %+v, want the recorded answer", again)
			}
			if got, want := again.Answer.Status, 201; got != want {
				t.Fatalf("Status=%d, want %d", got, want)
			}
			if got, want := string(again.Answer.Body), `{"Success":true,"OrderIDs":[7]}`; got != want {
				t.Fatalf("Body=%s, want %s", got, want)
			}
		})

		t.Run("ErrOtherBody", func(t *testing.T) {
			r := req("k-body", "a")
			c := claim(t, r)
			if err := d.CompleteIdempotencyKey(ctx, r, c.Token, domain.IdempotentAnswer{Status: 201, Body: []byte(`{}`)}); err != nil {
				t.Fatal(err)
			}
			_, err := d.ClaimIdempotencyKey(ctx, req("k-body", "b"), time.Second)
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "different request body") {
				t.Fatalf("message %q does not say the body differs", domain.ErrorMessage(err))
			}
			// Another endpoint with the same key is refused too.
			r2 := req("k-body", "a")
			r2.Path = "/api/new-orders"
			_, err = d.ClaimIdempotencyKey(ctx, r2, time.Second)
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "POST /api/orders") {
				t.Fatalf("message %q does not name the first endpoint", domain.ErrorMessage(err))
			}
		})

		t.Run("KeysArePerUser", func(t *testing.T) {
			r := req("k-user", "a")
			claim(t, r)
			r.UserID = other.ID
			r.BodyHash = "sha-other"
			if c := claim(t, r); c.Token == "" {
				t.Fatalf("another user's claim of the same key = %+v, want it claimed", c)
			}
		})

		t.Run("ReleaseLetsTheKeyBeUsedAgain", func(t *testing.T) {
			r := req("k-release", "a")
			c := claim(t, r)
			if err := d.ReleaseIdempotencyKey(ctx, r, c.Token); err != nil {
				t.Fatal(err)
			}
			if c := claim(t, req("k-release", "corrected")); c.Token == "" {
				t.Fatalf("claim after release = %+v, want it claimed", c)
			}
		})

		t.Run("ErrStillHeld", func(t *testing.T) {
			r := req("k-held", "a")
			claim(t, r)
			start := time.Now()
			_, err := d.ClaimIdempotencyKey(ctx, r, 50*time.Millisecond)
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "still being processed") {
				t.Fatalf("message %q", domain.ErrorMessage(err))
			}
			if waited := time.Since(start); waited < 50*time.Millisecond {
				t.Fatalf("gave up after %v, want it to wait 50ms", waited)
			}
		})

		t.Run("ErrInterrupted", func(t *testing.T) {
			r := req("k-lease", "a")
			claim(t, r)
			clk.Add(domain.IdempotencyLease + time.Second)
			_, err := d.ClaimIdempotencyKey(ctx, r, time.Second)
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "interrupted") {
				t.Fatalf("message %q", domain.ErrorMessage(err))
			}
		})

		t.Run("ExpiredKeyIsNew", func(t *testing.T) {
			r := req("k-expire", "a")
			c := claim(t, r)
			if err := d.CompleteIdempotencyKey(ctx, r, c.Token, domain.IdempotentAnswer{Status: 201, Body: []byte(`{}`)}); err != nil {
				t.Fatal(err)
			}
			clk.Add(domain.IdempotencyTTL + time.Minute)
			if c := claim(t, req("k-expire", "b")); c.Token == "" {
				t.Fatalf("claim of an expired key = %+v, want it claimed anew", c)
			}
			n, err := d.DeleteExpiredIdempotencyKeys(ctx, clk.Now().Add(-domain.IdempotencyTTL))
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Fatalf("DeleteExpiredIdempotencyKeys deleted nothing")
			}
			if got := count(t, d, "idempotency_keys", "key = ?", "k-expire"); got != 1 {
				t.Fatalf("k-expire rows=%d, want the fresh claim only", got)
			}
		})

		t.Run("ErrBadKey", func(t *testing.T) {
			for _, key := range []string{"", " padded", strings.Repeat("k", domain.MaxIdempotencyKey+1), "tab\there", "naïve"} {
				_, err := d.ClaimIdempotencyKey(ctx, req(key, "a"), time.Second)
				wantCode(t, err, domain.EINVALID)
			}
		})

		t.Run("ConcurrentClaimsCreateOnce", func(t *testing.T) {
			d.Now = func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
			defer func() { d.Now = clk.Now }()
			r := req("k-race", "a")
			const n = 12
			var ran atomic.Int32
			var wg sync.WaitGroup
			answers := make([]string, n)
			errs := make([]error, n)
			start := make(chan struct{})
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					c, err := d.ClaimIdempotencyKey(ctx, r, 10*time.Second)
					if err != nil {
						errs[i] = err
						return
					}
					if c.Answer != nil {
						answers[i] = string(c.Answer.Body)
						return
					}
					// The one holder does its work, slowly, and records it.
					ran.Add(1)
					time.Sleep(100 * time.Millisecond)
					body := `{"Success":true,"OrderIDs":[42]}`
					if err := d.CompleteIdempotencyKey(ctx, r, c.Token, domain.IdempotentAnswer{Status: 201, Body: []byte(body)}); err != nil {
						errs[i] = err
					}
					answers[i] = body
				}()
			}
			close(start)
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
			}
			if got := ran.Load(); got != 1 {
				t.Fatalf("%d requests held the key, want exactly 1", got)
			}
			for i, a := range answers {
				if a != `{"Success":true,"OrderIDs":[42]}` {
					t.Fatalf("request %d answered %q, want the first answer", i, a)
				}
			}
		})

		t.Run("ConcurrentWaiterClaimsAfterRelease", func(t *testing.T) {
			d.Now = func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
			defer func() { d.Now = clk.Now }()
			r := req("k-race-release", "a")
			first := claim(t, r)
			got := make(chan *domain.IdempotencyClaim, 1)
			go func() {
				c, err := d.ClaimIdempotencyKey(ctx, r, 10*time.Second)
				if err != nil {
					t.Error(err)
				}
				got <- c
			}()
			time.Sleep(50 * time.Millisecond)
			if err := d.ReleaseIdempotencyKey(ctx, r, first.Token); err != nil {
				t.Fatal(err)
			}
			if c := <-got; c == nil || c.Token == "" || c.Token == first.Token {
				t.Fatalf("waiting claim after release = %+v, want a new claim", c)
			}
		})
	})
}

// TestIdempotencyKeysAcrossInstances claims one key from two instances on
// one database at once, then reads the answer from an instance opened after
// both closed (a restart).
func TestIdempotencyKeysAcrossInstances(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a := dbtest.OpenDSN(t, dsn)
		b := dbtest.OpenDSN(t, dsn)
		u := mustCreateUser(t, a, "idem-instances", domain.RoleRep)
		r := domain.IdempotencyRequest{UserID: u.ID, Key: "k-instances", Method: "POST", Path: "/api/new-orders", BodyHash: "sha-a"}
		const body = `{"Success":true,"Orders":[1],"Lines":[2]}`

		var ran atomic.Int32
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		start := make(chan struct{})
		for i := range 8 {
			d := a
			if i%2 == 1 {
				d = b
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				c, err := d.ClaimIdempotencyKey(ctx, r, 10*time.Second)
				if err != nil {
					errs <- err
					return
				}
				if c.Answer != nil {
					if string(c.Answer.Body) != body {
						errs <- &domain.Error{Code: domain.EINTERNAL, Message: "replayed " + string(c.Answer.Body)}
					}
					return
				}
				ran.Add(1)
				time.Sleep(50 * time.Millisecond)
				if err := d.CompleteIdempotencyKey(ctx, r, c.Token, domain.IdempotentAnswer{Status: 201, Body: []byte(body)}); err != nil {
					errs <- err
				}
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if got := ran.Load(); got != 1 {
			t.Fatalf("%d requests held the key across two instances, want exactly 1", got)
		}
		a.Close()
		b.Close()

		c := dbtest.OpenDSN(t, dsn)
		got, err := c.ClaimIdempotencyKey(ctx, r, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if got.Answer == nil || string(got.Answer.Body) != body {
			t.Fatalf("after a restart: claim = %+v, want the recorded answer", got)
		}
	})
}

package db_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// keyedInventory creates one SIM with an Idempotency-Key record whose
// answer names what was created; it returns the answer replayed when the
// key was used already.
func keyedInventory(ctx context.Context, d *db.DB, req domain.IdempotencyRequest, ident string) (string, bool, error) {
	rec := &domain.CreateRecord{Key: &req, Answer: func(c domain.Created) (domain.IdempotentAnswer, error) {
		return domain.IdempotentAnswer{Status: 201, Body: fmt.Appendf(nil, `{"Count":%d,"Identifier":%q}`, c.Count, ident)}, nil
	}}
	err := d.CreateInventory(domain.WithCreateRecord(ctx, rec), []*domain.InventoryItem{{Identifier: ident, Type: domain.InventorySIM}})
	var done *domain.AlreadyCreated
	if errors.As(err, &done) {
		return string(done.Answer.Body), true, nil
	} else if err != nil {
		return "", false, err
	}
	if !rec.Recorded {
		return "", false, fmt.Errorf("created %s without recording the key", ident)
	}
	return fmt.Sprintf(`{"Count":1,"Identifier":%q}`, ident), false, nil
}

func TestIdempotencyKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
		d.Now = clk.Now
		u := mustCreateUser(t, d, "idem-rep", domain.RoleRep)
		other := mustCreateUser(t, d, "idem-other", domain.RoleRep)
		req := func(key, body string) domain.IdempotencyRequest {
			return domain.IdempotencyRequest{UserID: u.ID, Key: key, Method: "POST", Path: "/api/inventory", BodyHash: "sha-" + body}
		}

		t.Run("ReplaySameBody", func(t *testing.T) {
			r := req("k-replay", "a")
			if _, replayed, err := keyedInventory(ctx, d, r, "SIM-REPLAY"); err != nil || replayed {
				t.Fatalf("first = replayed %v, %v", replayed, err)
			}
			ans, err := d.FindIdempotentAnswer(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := ans.Status, 201; got != want {
				t.Fatalf("Status=%d, want %d", got, want)
			}
			if got, want := string(ans.Body), `{"Count":1,"Identifier":"SIM-REPLAY"}`; got != want {
				t.Fatalf("Body=%s, want %s", got, want)
			}
			// Sent again past the first look, the store answers it and creates nothing.
			got, replayed, err := keyedInventory(ctx, d, r, "SIM-REPLAY-2")
			if err != nil || !replayed || got != `{"Count":1,"Identifier":"SIM-REPLAY"}` {
				t.Fatalf("second = %s replayed %v, %v", got, replayed, err)
			}
			if n := count(t, d, "inventory", "identifier = ?", "SIM-REPLAY-2"); n != 0 {
				t.Fatal("a replayed key created again")
			}
		})

		t.Run("ErrOtherBody", func(t *testing.T) {
			r := req("k-body", "a")
			if _, _, err := keyedInventory(ctx, d, r, "SIM-BODY"); err != nil {
				t.Fatal(err)
			}
			_, err := d.FindIdempotentAnswer(ctx, req("k-body", "b"))
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "different request body") {
				t.Fatalf("message %q does not say the body differs", domain.ErrorMessage(err))
			}
			_, _, err = keyedInventory(ctx, d, req("k-body", "b"), "SIM-BODY-B")
			wantCode(t, err, domain.ECONFLICT)
			// Another endpoint with the same key is refused too.
			r2 := req("k-body", "a")
			r2.Path = "/api/new-orders"
			_, err = d.FindIdempotentAnswer(ctx, r2)
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "POST /api/inventory") {
				t.Fatalf("message %q does not name the first endpoint", domain.ErrorMessage(err))
			}
		})

		t.Run("KeysArePerUser", func(t *testing.T) {
			r := req("k-user", "a")
			if _, _, err := keyedInventory(ctx, d, r, "SIM-USER-1"); err != nil {
				t.Fatal(err)
			}
			r.UserID, r.BodyHash = other.ID, "sha-other"
			if _, replayed, err := keyedInventory(ctx, d, r, "SIM-USER-2"); err != nil || replayed {
				t.Fatalf("another user's same key: replayed %v, %v; want it created", replayed, err)
			}
		})

		t.Run("FailureLeavesTheKeyUnused", func(t *testing.T) {
			r := req("k-fail", "a")
			// The identifier exists: the create fails after the key was taken.
			if _, _, err := keyedInventory(ctx, d, r, "SIM-REPLAY"); domain.ErrorCode(err) != domain.ECONFLICT {
				t.Fatalf("duplicate identifier: %v, want ECONFLICT", err)
			}
			if _, err := d.FindIdempotentAnswer(ctx, r); domain.ErrorCode(err) != domain.ENOTFOUND {
				t.Fatalf("after a failed create the key is %v, want unused", err)
			}
			if _, replayed, err := keyedInventory(ctx, d, req("k-fail", "corrected"), "SIM-FAIL"); err != nil || replayed {
				t.Fatalf("corrected request with the key: replayed %v, %v", replayed, err)
			}
		})

		t.Run("ErrInterruptedByAnEarlierVersion", func(t *testing.T) {
			// A row with no answer is only left by an earlier version.
			mustExec(t, d, `INSERT INTO idempotency_keys (user_id, key, method, path, body_sha256, claim_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				u.ID, "k-old", "POST", "/api/inventory", "sha-a", "t", clk.Now())
			_, err := d.FindIdempotentAnswer(ctx, req("k-old", "a"))
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "interrupted") {
				t.Fatalf("message %q", domain.ErrorMessage(err))
			}
		})

		t.Run("ExpiredKeyIsNew", func(t *testing.T) {
			r := req("k-expire", "a")
			if _, _, err := keyedInventory(ctx, d, r, "SIM-EXP-1"); err != nil {
				t.Fatal(err)
			}
			clk.Add(domain.IdempotencyTTL + time.Minute)
			if _, err := d.FindIdempotentAnswer(ctx, req("k-expire", "b")); domain.ErrorCode(err) != domain.ENOTFOUND {
				t.Fatalf("an expired key: %v, want unused", err)
			}
			if _, replayed, err := keyedInventory(ctx, d, req("k-expire", "b"), "SIM-EXP-2"); err != nil || replayed {
				t.Fatalf("an expired key used anew: replayed %v, %v", replayed, err)
			}
			n, err := d.DeleteExpiredIdempotencyKeys(ctx, clk.Now().Add(-domain.IdempotencyTTL))
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Fatalf("DeleteExpiredIdempotencyKeys deleted nothing")
			}
			if got := count(t, d, "idempotency_keys", "key = ?", "k-expire"); got != 1 {
				t.Fatalf("k-expire rows=%d, want the fresh one only", got)
			}
		})

		t.Run("ErrBadKey", func(t *testing.T) {
			for _, key := range []string{"", " padded", strings.Repeat("k", domain.MaxIdempotencyKey+1), "tab\there", "naïve"} {
				_, err := d.FindIdempotentAnswer(ctx, req(key, "a"))
				wantCode(t, err, domain.EINVALID)
				_, _, err = keyedInventory(ctx, d, req(key, "a"), "SIM-BAD-KEY")
				wantCode(t, err, domain.EINVALID)
			}
		})

		t.Run("ConcurrentSameKeyCreatesOnce", func(t *testing.T) {
			d.Now = func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
			defer func() { d.Now = clk.Now }()
			r := req("k-race", "a")
			concurrentKeyCreatesOnce(t, []*db.DB{d}, r, "SIM-RACE")
		})
	})
}

// concurrentKeyCreatesOnce sends 12 creates with one key at once, spread
// over the instances: exactly one creates, every other gets its answer.
func concurrentKeyCreatesOnce(t *testing.T, instances []*db.DB, r domain.IdempotencyRequest, prefix string) {
	t.Helper()
	const n = 12
	var wg sync.WaitGroup
	answers := make([]string, n)
	created := make([]bool, n)
	errs := make([]error, n)
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			var replayed bool
			answers[i], replayed, errs[i] = keyedInventory(context.Background(), instances[i%len(instances)], r, fmt.Sprintf("%s-%d", prefix, i))
			created[i] = !replayed
		})
	}
	close(start)
	wg.Wait()
	first := -1
	for i, err := range errs {
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		if created[i] {
			if first >= 0 {
				t.Fatalf("requests %d and %d both created with one key", first, i)
			}
			first = i
		}
	}
	if first < 0 {
		t.Fatal("no request created")
	}
	for i, a := range answers {
		if a != answers[first] {
			t.Fatalf("request %d answered %q, want the first answer %q", i, a, answers[first])
		}
	}
	if got := count(t, instances[0], "inventory", "identifier LIKE ?", prefix+"-%"); got != 1 {
		t.Fatalf("%d items created with one key, want 1", got)
	}
}

// TestIdempotencyKeysAcrossInstances uses one key from two instances on one
// database at once, then reads the answer from an instance opened after
// both closed (a restart).
func TestIdempotencyKeysAcrossInstances(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		a := dbtest.OpenDSN(t, dsn)
		b := dbtest.OpenDSN(t, dsn)
		u := mustCreateUser(t, a, "idem-instances", domain.RoleRep)
		r := domain.IdempotencyRequest{UserID: u.ID, Key: "k-instances", Method: "POST", Path: "/api/inventory", BodyHash: "sha-a"}
		concurrentKeyCreatesOnce(t, []*db.DB{a, b}, r, "SIM-INST")
		ans, err := a.FindIdempotentAnswer(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		a.Close()
		b.Close()

		c := dbtest.OpenDSN(t, dsn)
		got, err := c.FindIdempotentAnswer(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		if string(got.Body) != string(ans.Body) {
			t.Fatalf("after a restart: answer %s, want %s", got.Body, ans.Body)
		}
	})
}

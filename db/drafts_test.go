package db_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestDrafts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
		d.Now = clk.Now
		rep := mustCreateUser(t, d, "draft-rep", domain.RoleRep)
		other := mustCreateUser(t, d, "draft-other", domain.RoleRep)
		ctx := asUser(rep)

		newDraft := func(t *testing.T) *domain.Draft {
			t.Helper()
			dr := &domain.Draft{Wizard: domain.DraftNewService, Data: []byte(`{"CustomerID":"7"}`), Reached: 1,
				Secrets: map[string]domain.Secret{"PINPassword": domain.NewSecret("4417-secret")}}
			if err := d.CreateDraft(ctx, dr); err != nil {
				t.Fatal(err)
			}
			return dr
		}

		t.Run("OK", func(t *testing.T) {
			dr := newDraft(t)
			if len(dr.ID) < 20 {
				t.Fatalf("draft id %q is too short to be unguessable", dr.ID)
			}
			got, err := d.FindDraft(ctx, dr.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.State != domain.DraftOpen || got.Reached != 1 || string(got.Data) != `{"CustomerID":"7"}` || got.UserID != rep.ID {
				t.Fatalf("draft = %+v", got)
			}
			if got, want := got.Secrets["PINPassword"].Clear(), "4417-secret"; got != want {
				t.Fatalf("PIN = %q, want %q", got, want)
			}
			if n := count(t, d, "order_drafts", "secrets LIKE ?", "%4417%"); n != 0 {
				t.Fatal("the PIN is stored in clear")
			}
			got.Data, got.Reached = []byte(`{"CustomerID":"8"}`), 3
			if err := d.UpdateDraft(ctx, got); err != nil {
				t.Fatal(err)
			}
			again, _ := d.FindDraft(ctx, dr.ID)
			if again.Reached != 3 || !strings.Contains(string(again.Data), `"8"`) || again.Secrets["PINPassword"].Clear() != "4417-secret" {
				t.Fatalf("after update: %+v", again)
			}
		})

		t.Run("ErrNotFound", func(t *testing.T) {
			dr := newDraft(t)
			if _, err := d.FindDraft(asUser(other), dr.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
				t.Fatalf("another user's draft: %v, want ENOTFOUND", err)
			}
			if _, err := d.FindDraft(ctx, "no-such-draft"); domain.ErrorCode(err) != domain.ENOTFOUND {
				t.Fatalf("unknown draft: %v", err)
			}
		})

		t.Run("Expire", func(t *testing.T) {
			c2 := &clock{t: clk.Now()}
			d.Now = c2.Now
			defer func() { d.Now = clk.Now }()
			dr := newDraft(t)
			c2.Add(domain.DraftTTL + time.Minute)
			if _, err := d.FindDraft(ctx, dr.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
				t.Fatalf("expired draft: %v, want ENOTFOUND", err)
			}
			n, err := d.DeleteExpiredDrafts(ctx)
			if err != nil || n < 1 {
				t.Fatalf("DeleteExpiredDrafts = %d, %v", n, err)
			}
		})

		t.Run("ClaimOnce", func(t *testing.T) {
			dr := newDraft(t)
			var wg sync.WaitGroup
			var mu sync.Mutex
			wins := 0
			for range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					ok, cur, err := d.ClaimDraft(ctx, dr.ID)
					if err != nil {
						t.Error(err)
						return
					}
					if cur.State != domain.DraftSubmitting {
						t.Errorf("after a claim the draft is %s", cur.State)
					}
					if ok {
						mu.Lock()
						wins++
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			if wins != 1 {
				t.Fatalf("%d claims won, want 1", wins)
			}
			cur, _ := d.FindDraft(ctx, dr.ID)
			if err := d.UpdateDraft(ctx, cur); domain.ErrorCode(err) != domain.ECONFLICT {
				t.Fatalf("updating a claimed draft: %v, want ECONFLICT", err)
			}
			if err := d.CompleteDraft(ctx, dr.ID, []int64{11, 12}, []int64{5}); err != nil {
				t.Fatal(err)
			}
			cur, _ = d.FindDraft(ctx, dr.ID)
			if cur.State != domain.DraftSubmitted || len(cur.OrderIDs) != 2 || cur.LineIDs[0] != 5 {
				t.Fatalf("completed draft = %+v", cur)
			}
			if ok, _, _ := d.ClaimDraft(ctx, dr.ID); ok {
				t.Fatal("a submitted draft was claimed again")
			}
		})

		t.Run("Release", func(t *testing.T) {
			dr := newDraft(t)
			if ok, _, err := d.ClaimDraft(ctx, dr.ID); !ok || err != nil {
				t.Fatalf("claim: %v %v", ok, err)
			}
			if err := d.ReleaseDraft(ctx, dr.ID); err != nil {
				t.Fatal(err)
			}
			if ok, _, err := d.ClaimDraft(ctx, dr.ID); !ok || err != nil {
				t.Fatalf("a released draft cannot be claimed again: %v %v", ok, err)
			}
		})
	})
}

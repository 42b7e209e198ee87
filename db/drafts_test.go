package db_test

import (
	"context"
	"errors"
	"slices"
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

	})
}

// TestDraftSubmittedOnce submits one draft eight times at once: one
// request creates the order and makes the draft SUBMITTED in the same
// transaction; the others create nothing and find it submitted.
func TestDraftSubmittedOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		ctx := asUser(w.Rep)
		newDraft := func(t *testing.T) *domain.Draft {
			t.Helper()
			dr := &domain.Draft{Wizard: domain.DraftNewService, Data: []byte(`{}`), Reached: 7}
			if err := d.CreateDraft(ctx, dr); err != nil {
				t.Fatal(err)
			}
			return dr
		}
		submit := func(dr *domain.Draft, in *domain.NewOrdersInput) (*domain.OrderPlan, error) {
			return d.CreateNewOrders(domain.WithCreateRecord(ctx, &domain.CreateRecord{DraftID: dr.ID}), in)
		}

		t.Run("OK", func(t *testing.T) {
			dr := newDraft(t)
			before := count(t, d, "orders", "customer_id = ?", w.Acme.ID)
			var wg sync.WaitGroup
			plans := make([]*domain.OrderPlan, 8)
			errs := make([]error, 8)
			for i := range 8 {
				wg.Go(func() { plans[i], errs[i] = submit(dr, w.newService()) })
			}
			wg.Wait()
			var won *domain.OrderPlan
			for i, err := range errs {
				var done *domain.AlreadyCreated
				switch {
				case err == nil && won == nil:
					won = plans[i]
				case err == nil:
					t.Fatal("two submits of one draft both created orders")
				case !errors.As(err, &done) || done.DraftID != dr.ID:
					t.Fatalf("submit %d: %v, want AlreadyCreated", i, err)
				}
			}
			if won == nil {
				t.Fatal("no submit created the order")
			}
			if got := count(t, d, "orders", "customer_id = ?", w.Acme.ID) - before; got != 1 {
				t.Fatalf("%d orders created, want 1", got)
			}
			cur, err := d.FindDraft(ctx, dr.ID)
			if err != nil {
				t.Fatal(err)
			}
			if cur.State != domain.DraftSubmitted || len(cur.OrderIDs) != 1 || cur.OrderIDs[0] != won.Orders[0].ID ||
				len(cur.LineIDs) != 1 || cur.LineIDs[0] != won.Lines[0].ID {
				t.Fatalf("submitted draft = %+v, want the order and line created", cur)
			}
			var done *domain.AlreadyCreated
			if err := d.UpdateDraft(ctx, cur); !errors.As(err, &done) {
				t.Fatalf("updating a submitted draft: %v, want AlreadyCreated", err)
			}
		})

		t.Run("FailedSubmitLeavesItOpen", func(t *testing.T) {
			dr := newDraft(t)
			bad := w.newService()
			bad.PackageID = 0
			if _, err := submit(dr, bad); domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("bad input: %v, want EINVALID", err)
			}
			if cur, _ := d.FindDraft(ctx, dr.ID); cur.State != domain.DraftOpen {
				t.Fatalf("after a failed submit the draft is %s, want OPEN", cur.State)
			}
			if _, err := submit(dr, w.newService()); err != nil {
				t.Fatalf("corrected submit: %v", err)
			}
		})

		t.Run("ErrNotFound", func(t *testing.T) {
			dr := newDraft(t)
			if _, err := d.CreateNewOrders(domain.WithCreateRecord(asUser(w.Supervisor), &domain.CreateRecord{DraftID: dr.ID}), w.newService()); domain.ErrorCode(err) != domain.ENOTFOUND {
				t.Fatalf("another user's draft: %v, want ENOTFOUND", err)
			}
		})
	})
}

// TestOpenDrafts: My drafts lists a rep's own open drafts, the one saved
// last first, never a submitted or expired one; a rep discards only their
// own open drafts.
func TestOpenDrafts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
		d.Now = clk.Now
		rep := mustCreateUser(t, d, "drafts-rep", domain.RoleRep)
		other := mustCreateUser(t, d, "drafts-other", domain.RoleRep)
		ctx := asUser(rep)
		create := func(ctx context.Context) *domain.Draft {
			t.Helper()
			dr := &domain.Draft{Wizard: domain.DraftNewService, Data: []byte(`{"Version":2}`), Reached: 1}
			if err := d.CreateDraft(ctx, dr); err != nil {
				t.Fatal(err)
			}
			clk.Add(time.Minute)
			return dr
		}
		expired := create(ctx)
		clk.Add(domain.DraftTTL - 30*time.Second) // the first one's time has run out
		first, second, submitted := create(ctx), create(ctx), create(ctx)
		create(asUser(other))
		if _, err := d.W.ExecContext(ctx, d.W.Rebind(`UPDATE order_drafts SET state = ? WHERE id = ?`), domain.DraftSubmitted, submitted.ID); err != nil {
			t.Fatal(err)
		}
		// Saving the first makes it the one saved last.
		if err := d.UpdateDraft(ctx, first); err != nil {
			t.Fatal(err)
		}
		ids := func(ds []*domain.Draft) []string {
			var out []string
			for _, dr := range ds {
				out = append(out, dr.ID)
			}
			return out
		}
		got, err := d.FindOpenDrafts(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{first.ID, second.ID}; !slices.Equal(ids(got), want) {
			t.Fatalf("open drafts %v, want %v (expired %s, submitted %s)", ids(got), want, expired.ID, submitted.ID)
		}
		if got[0].UserID != rep.ID || got[0].Reached != 1 || string(got[0].Data) != `{"Version":2}` {
			t.Errorf("draft listed as %+v", got[0])
		}
		if got, err := d.FindOpenDrafts(ctx, 1); err != nil || !slices.Equal(ids(got), []string{first.ID}) {
			t.Errorf("limit 1: %v, %v", ids(got), err)
		}
		if got, err := d.FindOpenDrafts(asUser(other), 10); err != nil || len(got) != 1 || got[0].UserID != other.ID {
			t.Errorf("the other rep's drafts: %v, %v", ids(got), err)
		}

		if err := d.DeleteDraft(asUser(other), second.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
			t.Fatalf("another rep discards a draft: %v, want ENOTFOUND", err)
		}
		var done *domain.AlreadyCreated
		if err := d.DeleteDraft(ctx, submitted.ID); !errors.As(err, &done) {
			t.Fatalf("discarding a submitted draft: %v, want AlreadyCreated", err)
		}
		if err := d.DeleteDraft(ctx, second.ID); err != nil {
			t.Fatal(err)
		}
		if err := d.DeleteDraft(ctx, second.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
			t.Fatalf("discarding twice: %v, want ENOTFOUND", err)
		}
		if got, _ := d.FindOpenDrafts(ctx, 10); !slices.Equal(ids(got), []string{first.ID}) {
			t.Errorf("after discarding: %v", ids(got))
		}
		if _, err := d.FindDraft(ctx, submitted.ID); err != nil {
			t.Errorf("the submitted draft went too: %v", err)
		}
	})
}

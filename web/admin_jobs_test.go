package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestBackgroundJobsPages: the admin page lists the jobs by state with
// their errors and runs a failed one again; the order page and the
// dashboard show what the jobs know of an order whose provider calls fail.
func TestBackgroundJobsPages(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	o := fxMove(t, app, fxNewService(t, app, fx, fx.acme.ID, 0, ""), "SENT") // a rep's SENT makes its SendOrder due
	ctx := context.Background()
	next := time.Now().Add(time.Minute).UTC()
	if _, err := app.DB.RecordFailure(ctx, o.ID, "Could not transmit the order (attempt 1 of 10): provider gateway: answered 503 Service Unavailable", &next, ""); err != nil {
		t.Fatal(err)
	}

	t.Run("Waiting", func(t *testing.T) {
		res := app.As(domain.RoleAdmin).Get("/admin/jobs?State=waiting")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		row, ok := res.Doc().Find("#" + "admin-jobs tbody tr")
		if !ok || !strings.Contains(row.Text(), "Send an order to its provider") || !row.Has("a[href='/orders/"+itoa(o.ID)+"']") {
			t.Fatalf("waiting jobs: %q", row.Text())
		}
		if row.Has("form") {
			t.Fatal("a waiting job offers to run again")
		}
	})
	t.Run("ErrBadState", func(t *testing.T) {
		if res := app.As(domain.RoleAdmin).Get("/admin/jobs?State=lost"); res.StatusCode != http.StatusUnprocessableEntity && res.StatusCode != http.StatusBadRequest {
			t.Fatalf("status %d for an unknown state", res.StatusCode)
		}
	})
	t.Run("ErrNotAdmin", func(t *testing.T) {
		if res := app.As(domain.RoleSupervisor).Get("/admin/jobs"); res.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d for a supervisor", res.StatusCode)
		}
	})
	t.Run("RetryFailed", func(t *testing.T) {
		if _, err := app.DB.W.Exec(app.DB.W.Rebind(`UPDATE river_job SET state = 'discarded', finalized_at = ? WHERE kind = 'send_order'`), time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
		doc := app.As(domain.RoleAdmin).Get("/admin/jobs?State=failed").Doc()
		form, ok := doc.Find("#admin-jobs form")
		if !ok {
			t.Fatalf("no way to run the failed job again: %s", doc.Text())
		}
		res := app.As(domain.RoleAdmin).PostForm(form.Attr("action"), url.Values{})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("retry: status %d", res.StatusCode)
		}
		if doc := app.As(domain.RoleAdmin).Get("/admin/jobs?State=failed").Doc(); doc.Has("#admin-jobs tbody tr") {
			t.Fatal("the retried job is still failed")
		}
		if doc := app.As(domain.RoleAdmin).Get("/admin/jobs?State=waiting").Doc(); !doc.Has("#admin-jobs tbody tr") {
			t.Fatal("the retried job is not waiting")
		}
		if res := app.As(domain.RoleAdmin).PostForm("/admin/jobs/999999/retry", url.Values{}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("retry of an unknown job: status %d, want a redirect with a message", res.StatusCode)
		}
	})
	t.Run("OrderPage", func(t *testing.T) {
		doc := app.As(domain.RoleSupport).Get("/orders/" + itoa(o.ID)).Doc()
		p, ok := doc.Find("#order-provider")
		if !ok || !strings.Contains(p.Text(), "could not be reached") || !strings.Contains(p.Text(), "503 Service Unavailable") ||
			!strings.Contains(p.Text(), "Next attempt") {
			t.Fatalf("provider panel: %q", p.Text())
		}
	})
	t.Run("Dashboard", func(t *testing.T) {
		doc := app.As(domain.RoleSupport).Get("/").Doc()
		row, ok := doc.Find("#dash-failing tbody tr")
		if !ok || !row.Has("a[href='/orders/"+itoa(o.ID)+"']") || !strings.Contains(row.Text(), "503") {
			t.Fatalf("failing orders: %q", row.Text())
		}
	})
	t.Run("FailedSendOfAnOrderInFlowError", func(t *testing.T) {
		// The last attempt failed: the order is in flow error, and running the
		// job again would do nothing; the page says what to do instead.
		if _, err := app.DB.RecordFailure(ctx, o.ID, "Could not transmit the order (attempt 10 of 10): provider gateway: answered 503 Service Unavailable", nil, domain.OrderFlowError); err != nil {
			t.Fatal(err)
		}
		if got := fxOrder(t, app, o.ID).Status; got != domain.OrderFlowError {
			t.Fatalf("status %s, want FLOW_ERROR", got)
		}
		if _, err := app.DB.W.Exec(app.DB.W.Rebind(`UPDATE river_job SET state = 'discarded', finalized_at = ? WHERE kind = 'send_order'`), time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
		row, ok := app.As(domain.RoleAdmin).Get("/admin/jobs?State=failed").Doc().Find("#admin-jobs tbody tr")
		if !ok {
			t.Fatal("the failed job is not listed")
		}
		if row.Has("form") || !strings.Contains(row.Text(), "Nothing to run again: the order's status is now Flow error") {
			t.Fatalf("failed send of an order in flow error: %q", row.Text())
		}
	})
}

package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// Completing and canceling an order: each its own confirmation page, which
// says what it will do, and a cancel needs a reason.

func finalPage(id int64, move string) string { return orderPage(id) + "/" + move }

func TestOrderCancelConfirmation(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	sup := app.As(domain.RoleSupervisor)

	t.Run("AsksWhatItDoes", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		res := sup.Get(finalPage(o.ID, "cancel"))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		doc := res.Doc()
		if !strings.Contains(doc.Text(), "Canceling is final") {
			t.Errorf("the page does not say canceling is final: %s", doc.Text())
		}
		if !doc.Has("form[method=post][action='" + finalPage(o.ID, "cancel") + "'] textarea#f-StatusNote[required]") {
			t.Error("no required reason field")
		}
		if got := fxOrder(t, app, o.ID).Status; got != domain.OrderNew {
			t.Errorf("showing the confirmation moved the order to %s", got)
		}
	})

	t.Run("ErrReasonRequired", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		res := sup.PostForm(finalPage(o.ID, "cancel"), url.Values{"Version": {strconv.Itoa(o.Version)}, "StatusNote": {"  "}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		if e, ok := res.Doc().Find("#e-StatusNote"); !ok || !strings.Contains(e.Text(), "reason") {
			t.Errorf("no error beside the reason: %s", e.HTML())
		}
		if got := fxOrder(t, app, o.ID).Status; got != domain.OrderNew {
			t.Errorf("a cancel without a reason moved the order to %s", got)
		}
	})

	t.Run("OK", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		res := sup.PostForm(finalPage(o.ID, "cancel"), url.Values{"Version": {strconv.Itoa(o.Version)}, "StatusNote": {"Customer changed their mind"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != orderPage(o.ID) {
			t.Fatalf("status %d to %q, want 303 to the order", res.StatusCode, res.Header.Get("Location"))
		}
		got := fxOrder(t, app, o.ID)
		if got.Status != domain.OrderCanceled || got.StatusNote != "Customer changed their mind" {
			t.Errorf("stored %s %q, want CANCELED with the reason as its note", got.Status, got.StatusNote)
		}
	})

	t.Run("ErrStale", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		fxUpdate(t, app, o, &domain.OrderUpdateInput{TrackingNumber: ptrTo("THEIRS")})
		res := sup.PostForm(finalPage(o.ID, "cancel"), url.Values{"Version": {strconv.Itoa(o.Version)}, "StatusNote": {"Duplicate"}})
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		if v, _ := res.Doc().Find("#f-StatusNote"); v.Text() != "Duplicate" {
			t.Errorf("the reason typed is lost: %q", v.Text())
		}
		if got := fxOrder(t, app, o.ID).Status; got != domain.OrderNew {
			t.Errorf("a stale cancel moved the order to %s", got)
		}
	})

	t.Run("RepForbidden", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		rep := app.As(domain.RoleRep)
		if res := rep.Get(finalPage(o.ID, "cancel")); res.StatusCode != http.StatusForbidden {
			t.Errorf("GET as rep: status %d, want 403", res.StatusCode)
		}
		res := rep.PostForm(finalPage(o.ID, "cancel"), url.Values{"Version": {strconv.Itoa(o.Version)}, "StatusNote": {"x"}})
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("POST as rep: status %d, want 403", res.StatusCode)
		}
		if got := fxOrder(t, app, o.ID).Status; got != domain.OrderNew {
			t.Errorf("a rep canceled an order: %s", got)
		}
	})

	t.Run("ErrFinalOrder", func(t *testing.T) {
		o := fxMove(t, app, fxNewService(t, app, fx, fx.acme.ID, 0, ""), domain.OrderCanceled)
		if res := sup.Get(finalPage(o.ID, "cancel")); res.StatusCode < 400 || res.StatusCode >= 500 {
			t.Errorf("a canceled order's cancel page: status %d, want a refusal", res.StatusCode)
		}
	})
}

func TestOrderCompleteConfirmation(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	rep := app.As(domain.RoleRep)
	ft := false

	t.Run("SuspendSaysItSuspendsTheLine", func(t *testing.T) {
		o := fxSuspend(t, app, "3125550101")
		doc := rep.Get(finalPage(o.ID, "complete")).Doc()
		effects := doc.Text()
		if e, ok := doc.Find("#order-final-effects"); ok {
			effects = e.Text()
		} else {
			t.Fatal("no list of what completing does")
		}
		if !strings.Contains(effects, "Suspends line (312) 555-0101 now") || !strings.Contains(effects, "All calls") {
			t.Errorf("effects %q do not say the line is suspended now", effects)
		}
		res := rep.PostForm(finalPage(o.ID, "complete"), url.Values{"Version": {strconv.Itoa(o.Version)}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d, want 303: %s", res.StatusCode, res.Text)
		}
		if got := fxOrder(t, app, o.ID).Status; got != domain.OrderComplete {
			t.Errorf("status %s, want COMPLETE", got)
		}
		if c := fxCount(t, app, "lines", "id = ? AND status = ?", fx.acme1, domain.LineSuspended); c != 1 {
			t.Error("completing the suspend did not suspend the line")
		}
	})

	t.Run("DisconnectSaysItSetsTheInventory", func(t *testing.T) {
		plan, err := app.DB.CreateOrders(as(app, domain.RoleRep), &domain.OrdersCreateInput{Disconnect: &domain.DisconnectInput{
			TN: "3125550201", InventoryItemStatus: domain.InventoryUnavailable, FlowThrough: &ft}})
		if err != nil {
			t.Fatal(err)
		}
		o := fxOrder(t, app, plan.Orders[0].ID)
		effects, _ := rep.Get(finalPage(o.ID, "complete")).Doc().Find("#order-final-effects")
		for _, want := range []string{"Disconnects line (312) 555-0201 now", "device and SIM", "Unavailable"} {
			if !strings.Contains(effects.Text(), want) {
				t.Errorf("effects %q do not say %q", effects.Text(), want)
			}
		}
	})

	t.Run("ErrBadDate", func(t *testing.T) {
		o := fxSuspend(t, app, "3125550102")
		res := rep.PostForm(finalPage(o.ID, "complete"), url.Values{"Version": {strconv.Itoa(o.Version)}, "CompletionDate": {"soon"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !res.Doc().Has("#f-CompletionDate[aria-invalid=true]") {
			t.Errorf("status %d: a bad completion date is not shown beside its field", res.StatusCode)
		}
		if got := fxOrder(t, app, o.ID).Status; got != domain.OrderNew {
			t.Errorf("a refused completion moved the order to %s", got)
		}
	})

	t.Run("SupportForbidden", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.blue.ID, 0, "")
		if res := app.As(domain.RoleSupport).Get(finalPage(o.ID, "complete")); res.StatusCode != http.StatusForbidden {
			t.Errorf("status %d, want 403", res.StatusCode)
		}
	})
}

// TestOrderHistoryTable: a history entry is a table of field, before and
// after, in words.
func TestOrderHistoryTable(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	o := fxMove(t, app, fxNewService(t, app, fx, fx.acme.ID, 0, ""), domain.OrderPaymentHold)
	doc := app.As(domain.RoleSupport).Get(orderPage(o.ID)).Doc()
	items := doc.FindAll("#order-history li.sb-event")
	if len(items) < 2 {
		t.Fatalf("%d history entries", len(items))
	}
	last := items[len(items)-1]
	heads := last.FindAll("table.sb-changes thead th")
	if len(heads) != 3 || heads[1].Text() != "Before" || heads[2].Text() != "After" {
		t.Fatalf("the change is not a table with Before and After columns: %s", last.HTML())
	}
	var row webtest.Node
	for _, r := range last.FindAll("table.sb-changes tbody tr") {
		if th, _ := r.Find("th"); th.Text() == "Status" {
			row = r
		}
	}
	cells := row.FindAll("td")
	if len(cells) != 2 || cells[0].Text() != "New" || cells[1].Text() != "Payment hold" {
		t.Errorf("status change %q, want New → Payment hold in words", row.Text())
	}
	if strings.Contains(last.Text(), "PAYMENT_HOLD") {
		t.Error("the history shows the status code")
	}
}

package web_test

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

func TestDashboardOrders(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	oldErr := fxMove(t, app, fxNewService(t, app, fx, fx.acme.ID, 0, ""), "SENT", "ERROR")
	jeopardy := fxMove(t, app, fxNewService(t, app, fx, fx.acme.ID, 0, ""), "SENT", "JEOPARDY")
	flowErr := fxMove(t, app, fxNewService(t, app, fx, fx.blue.ID, 0, ""), "SENT", "FLOW_ERROR")
	fxMove(t, app, fxNewService(t, app, fx, fx.blue.ID, 0, ""), "SENT")
	fxNewService(t, app, fx, fx.blue.ID, fx.ref.TwoRoutes, "")

	card := func(doc webtest.Node, href string) (string, bool) {
		a, ok := doc.Find("a.sb-card[href='" + href + "']")
		n, _ := a.Find(".sb-card-n")
		return n.Text(), ok
	}

	t.Run("Plain", func(t *testing.T) {
		res := app.As(domain.RoleSupport).Get("/")
		if res.StatusCode != http.StatusOK || isFragment(res) {
			t.Fatalf("status %d, fragment %v", res.StatusCode, isFragment(res))
		}
		doc := res.Doc()
		for status, want := range map[string]string{"NEW": "1", "SENT": "1", "ERROR": "1", "FLOW_ERROR": "1", "JEOPARDY": "1", "COMPLETE": "0"} {
			if got, ok := card(doc, "/orders?Status="+status); !ok || got != want {
				t.Errorf("%s card: %q (found %v), want %s linking to the search", status, got, ok, want)
			}
		}
		if got, ok := card(doc, "/orders?RequiresRouteDecision=true"); !ok || got != "1" {
			t.Errorf("support's waiting card: %q (found %v), want 1 linking to the search", got, ok)
		}
		var trouble []int64
		for _, a := range doc.FindAll("#dash-trouble tbody a[href^='/orders/']") {
			id, _ := strconv.ParseInt(strings.TrimPrefix(a.Attr("href"), "/orders/"), 10, 64)
			trouble = append(trouble, id)
		}
		if want := []int64{oldErr.ID, jeopardy.ID, flowErr.ID}; !slices.Equal(trouble, want) {
			t.Errorf("orders needing attention %v, want %v (oldest first)", trouble, want)
		}
		// The line and inventory figures stay.
		if !strings.Contains(doc.Text(), "ACTIVE lines") || !strings.Contains(doc.Text(), "Inventory available") {
			t.Error("the line and inventory figures are gone")
		}
	})

	t.Run("SupervisorWaitingLinksToRoutes", func(t *testing.T) {
		doc := app.As(domain.RoleSupervisor).Get("/").Doc()
		if got, ok := card(doc, "/routes"); !ok || got != "1" {
			t.Errorf("supervisor's waiting card: %q (found %v), want 1 linking to /routes", got, ok)
		}
	})

	t.Run("HTMX", func(t *testing.T) {
		res := app.As(domain.RoleSupport).Get("/", "HX-Request", "true")
		if !isFragment(res) || !res.Doc().Has("#dashboard") {
			t.Errorf("htmx: fragment %v", isFragment(res))
		}
	})
}

func TestCustomerPageOrders(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	mine := fxSuspend(t, app, "3125550101")
	theirs := fxSuspend(t, app, "3125550201")
	path := "/customers/" + strconv.FormatInt(fx.acme.ID, 10)

	doc := app.As(domain.RoleRep).Get(path).Doc()
	list, ok := doc.Find("#customer-orders-list")
	if !ok {
		t.Fatal("no order list on the customer page")
	}
	if !list.Has("a[href='"+orderPage(mine.ID)+"']") || list.Has("a[href='"+orderPage(theirs.ID)+"']") {
		t.Errorf("customer's orders: %s", list.HTML())
	}
	if !list.Has("a[href='/orders?Customer=" + strconv.FormatInt(fx.acme.ID, 10) + "']") {
		t.Errorf("no link to the customer's orders in the search: %s", list.HTML())
	}
	for _, w := range []string{"/orders/new?CustomerID=", "/orders/create?CustomerID="} {
		if !doc.Has("#customer-order-actions a[href='" + w + strconv.FormatInt(fx.acme.ID, 10) + "']") {
			t.Errorf("no wizard link %s", w)
		}
	}
	if app.As(domain.RoleSupport).Get(path).Doc().Has("#customer-order-actions") {
		t.Error("support is offered the order wizards")
	}
}

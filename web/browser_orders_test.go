package web_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// demoOrderOnTN returns an open order of the demo data that touches a line
// with a TN, making a suspend order on an active line when there is none.
func demoOrderOnTN(t *testing.T, app *webtest.App) (*domain.Order, string) {
	t.Helper()
	ctx := context.Background()
	orders, _, err := app.DB.FindOrders(ctx, domain.OrderFilter{Status: []string{domain.OrderNew, domain.OrderSent}, ShowServiceDetails: true, Page: domain.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orders {
		if tns := o.TNs(); len(tns) > 0 && domain.ValidTN(tns[0]) {
			return o, tns[0]
		}
	}
	active := domain.LineActive
	lines, _, err := app.DB.FindLines(ctx, domain.LineFilter{Status: &active, Page: domain.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if !domain.ValidTN(l.TN) {
			continue
		}
		plan, err := app.DB.CreateOrders(as(app, domain.RoleRep), &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{TN: l.TN, SuspendType: domain.SuspendAll}})
		if err == nil {
			return fxOrder(t, app, plan.Orders[0].ID), l.TN
		}
	}
	t.Fatal("the demo data has no active line to order on")
	return nil, ""
}

// demoWaitingOrder returns the oldest demo order waiting for a route
// decision, making one when there is none.
func demoWaitingOrder(t *testing.T, app *webtest.App) *domain.Order {
	t.Helper()
	ctx := context.Background()
	orders, _, err := app.DB.FindOrdersAwaitingRoute(ctx, domain.Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(orders) > 0 {
		return orders[0]
	}
	procs, err := app.DB.FindProcesses(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var proc *domain.Process
	for _, p := range procs {
		if p.NeedsRouteDecision() {
			proc = p
		}
	}
	if proc == nil {
		t.Fatal("the demo data has no process with several routes")
	}
	active := domain.LineActive
	lines, _, err := app.DB.FindLines(ctx, domain.LineFilter{Status: &active, Page: domain.Page{Limit: 1}})
	if err != nil || len(lines) == 0 {
		t.Fatalf("no demo line: %v", err)
	}
	plan, err := app.DB.CreateNewOrders(as(app, domain.RoleRep), &domain.NewOrdersInput{CustomerID: lines[0].CustomerID, PackageID: lines[0].PackageID, ProcessID: proc.ID})
	if err != nil {
		t.Fatal(err)
	}
	return fxOrder(t, app, plan.Orders[0].ID)
}

// TestBrowserSupportFindsOrderByTN: support types a phone number into the
// order search, the results follow as they type and the address keeps the
// search; they open the order, which offers them no update form.
func TestBrowserSupportFindsOrderByTN(t *testing.T) {
	app := webtest.OpenDemo(t)
	order, tn := demoOrderOnTN(t, app)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "support", "demo")

	link := "#order-results a[href='" + orderPage(order.ID) + "']"
	err := chromedp.Do(ctx,
		chromedp.Navigate(app.HTTP.URL+"/orders"),
		chromedp.WaitVisible(chromedp.CSS("#f-TN")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Shot(t, ctx, "orders-search")
	formatted := "(" + tn[:3] + ") " + tn[3:6] + "-" + tn[6:]
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#f-TN"), formatted),
		chromedp.WaitVisible(chromedp.CSS(link)),
	)
	if err != nil {
		t.Fatalf("search by TN %s: %v", formatted, err)
	}
	if !eventually(ctx, `location.search.includes("TN=")`) {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		t.Errorf("the address %s does not keep the search", loc)
	}
	webtest.Shot(t, ctx, "orders-search-by-tn")
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-TN"))); v != formatted {
		t.Errorf("the search box holds %q while typing, want %q", v, formatted)
	}

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(link)),
		chromedp.WaitVisible(chromedp.CSS("#order-page h1")),
	)
	if err != nil {
		t.Fatalf("open order: %v", err)
	}
	if h1 := text(t, ctx, "#order-page h1"); !strings.Contains(h1, "Order "+strconv.FormatInt(order.ID, 10)) {
		t.Errorf("h1 %q", h1)
	}
	webtest.Shot(t, ctx, "order-support")
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("form[action^='/orders/'], select[name=Status]").length`))
	if err != nil || n != 0 {
		t.Errorf("support sees %d update controls (err %v)", n, err)
	}

	// The same pages on a phone.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 812)); err != nil {
		t.Fatal(err)
	}
	webtest.Shot(t, ctx, "order-support-phone")
	err = chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+"/orders?TN="+tn), chromedp.WaitVisible(chromedp.CSS(link)))
	if err != nil {
		t.Fatal(err)
	}
	webtest.Shot(t, ctx, "orders-search-phone")
	wide, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if wide {
		t.Error("the search page scrolls sideways on a phone")
	}
}

// TestBrowserRepUpdatesOrder: a rep's update with a mistake comes back with
// the error beside the field and the focus on it; fixed, it saves.
func TestBrowserRepUpdatesOrder(t *testing.T) {
	app := webtest.OpenDemo(t)
	order, _ := demoOrderOnTN(t, app)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "rep", "demo")

	err := chromedp.Do(ctx,
		chromedp.Navigate(app.HTTP.URL+orderPage(order.ID)),
		chromedp.WaitVisible(chromedp.CSS("#f-Status")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Shot(t, ctx, "order-rep")
	var next string
	for _, m := range domain.AllowedMoves(order.Status) {
		if !domain.IsConfirmedMove(m) {
			next = m
			break
		}
	}
	// A status note without a status change is refused.
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#f-StatusNote"), "Checked with the customer"),
		chromedp.SendKeys(chromedp.CSS("#f-TrackingNumber"), "1Z999AA10123456784"),
		chromedp.Click(chromedp.CSS("#order-update button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#e-StatusNote")),
	)
	if err != nil {
		t.Fatalf("update with a note and no move: %v", err)
	}
	webtest.Shot(t, ctx, "order-rep-error")
	if !eventually(ctx, `document.activeElement && document.activeElement.id === "f-StatusNote"`) {
		focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement && document.activeElement.id`))
		t.Errorf("focus is on %q, want the field in error", focused)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-TrackingNumber"))); v != "1Z999AA10123456784" {
		t.Errorf("the tracking number typed is lost: %q", v)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#f-Status"), next),
		chromedp.Click(chromedp.CSS("#order-update button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#flash .sb-flash-ok")),
	)
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	webtest.Shot(t, ctx, "order-rep-saved")
	if got := fxOrder(t, app, order.ID); got.Status != next || got.TrackingNumber != "1Z999AA10123456784" {
		t.Errorf("stored status %s, tracking %q", got.Status, got.TrackingNumber)
	}
}

// TestBrowserOrderPagesLook takes the pages' pictures at a laptop's and a
// phone's width, for people to look at.
func TestBrowserOrderPagesLook(t *testing.T) {
	app := webtest.OpenDemo(t)
	order, _ := demoOrderOnTN(t, app)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "supervisor", "demo")
	pages := map[string]string{
		"dashboard":     "/",
		"orders":        "/orders?ShowServiceDetails=true",
		"order":         orderPage(order.ID),
		"customer":      "/customers/" + strconv.FormatInt(order.CustomerID, 10),
		"orders-filter": "/orders?Status=ERROR&Status=JEOPARDY&Status=FLOW_ERROR",
	}
	if !domain.IsFinalStatus(order.Status) {
		pages["order-cancel"] = orderPage(order.ID) + "/cancel"
		if slices.Contains(domain.AllowedMoves(order.Status), domain.OrderComplete) {
			pages["order-complete"] = orderPage(order.ID) + "/complete"
		}
	}
	for _, width := range []int64{1280, 375} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		for name, path := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+path), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			webtest.Shot(t, ctx, "look-"+name+"-"+strconv.FormatInt(width, 10))
			if wide, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`)); wide {
				t.Errorf("%s scrolls sideways at %d px", path, width)
			}
		}
	}
}

package web_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/web/webtest"
)

// TestBrowserSupervisorChoosesRouteAndUndoes: a supervisor reads what an
// order waiting for a route is about, chooses a route (the row becomes
// the choice with Undo, the count drops, the page does not reload), then
// undoes it (the order is back in the queue, the count back up).
func TestBrowserSupervisorChoosesRouteAndUndoes(t *testing.T) {
	app := webtest.OpenDemo(t)
	order := demoWaitingOrder(t, app)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "supervisor", "demo")

	row := "#decision-" + strconv.FormatInt(order.ID, 10)
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(app.HTTP.URL+"/routes"),
		chromedp.WaitVisible(chromedp.CSS(row+" input[name=ProcessRouteID]")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Axe(t, ctx, "the route decisions page")
	webtest.Shot(t, ctx, "routes")
	before := text(t, ctx, "#route-waiting")
	card := text(t, ctx, row)
	for _, want := range []string{"Line", "Package: ", "Number port-in", "Moves to", "Choose a route", "1 minute later"} {
		if !strings.Contains(card, want) {
			t.Errorf("the order's card does not show %q: %s", want, card)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.sbNoReload = true`)); err != nil {
		t.Fatal(err)
	}
	route := text(t, ctx, row+" label.sb-route-option strong")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(row+" label.sb-route-option")),
		chromedp.Click(chromedp.CSS(row+" button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(row+".sb-decision-held button[type=submit]")),
	)
	if err != nil {
		t.Fatalf("choose a route: %v", err)
	}
	webtest.Axe(t, ctx, "the route decisions page after a choice")
	if focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.textContent.trim() : ""`)); focused != "Undo" {
		t.Errorf("after a choice the focus is on %q, want Undo", focused)
	}
	webtest.Shot(t, ctx, "routes-chosen")
	if held := text(t, ctx, row); !strings.Contains(held, route) || !strings.Contains(held, "Undo") {
		t.Errorf("the chosen row %q does not name the route %q with Undo", held, route)
	}
	if after := text(t, ctx, "#route-waiting"); after == before {
		t.Errorf("the count %q did not change after the order left the queue", after)
	}
	if got := fxOrder(t, app, order.ID); got.RequiresRouteDecision || got.ProcessRouteID == nil || got.RouteSendAt == nil {
		t.Errorf("route not recorded and held: %+v", got)
	}
	err = chromedp.Do(ctx, chromedp.EmulateViewport(375, 812))
	if err != nil {
		t.Fatal(err)
	}
	webtest.Shot(t, ctx, "routes-chosen-phone")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(row+" button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(row+" input[name=ProcessRouteID]")),
		chromedp.WaitVisible(chromedp.CSS("#flash .sb-flash-ok")),
	)
	if err != nil {
		t.Fatalf("undo: %v", err)
	}
	if after := text(t, ctx, "#route-waiting"); after != before {
		t.Errorf("after the undo the count is %q, want %q again", after, before)
	}
	if kept, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.sbNoReload === true`)); !kept {
		t.Error("the page reloaded")
	}
	if got := fxOrder(t, app, order.ID); !got.RequiresRouteDecision || got.ProcessRouteID != nil {
		t.Errorf("the undo was not recorded: %+v", got)
	}
	webtest.Axe(t, ctx, "the route decisions page on a phone")
	webtest.Shot(t, ctx, "routes-phone")
	wide, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if wide {
		t.Error("the route page scrolls sideways on a phone")
	}
	// The order page says it waits for a route, with the way to choose it.
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(app.HTTP.URL+orderPage(order.ID)),
		chromedp.WaitVisible(chromedp.CSS("#order-next a[href='/routes']")),
	)
	if err != nil {
		t.Fatalf("the order page: %v", err)
	}
	webtest.Shot(t, ctx, "order-waiting-for-route")
}

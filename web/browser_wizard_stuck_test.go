package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestBrowserRestoreWithNoSuspendedLine: a rep starts a restore for a
// customer with no suspended line; the lines step says why it cannot go
// on and has no Next, and its link leads to a customer step that lists
// only customers with a suspended line.
func TestBrowserRestoreWithNoSuspendedLine(t *testing.T) {
	app := webtest.OpenDemo(t)
	cust, has := customerWithout(t, app, domain.LineSuspended)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "rep", "demo")
	if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+"/orders/create?Kind=Restore&CustomerID="+itoa(cust.ID))); err != nil {
		t.Fatal(err)
	}
	waitStep(t, ctx, "What to do")
	next(t, ctx)
	waitStep(t, ctx, "Customer")
	next(t, ctx)
	waitStep(t, ctx, "Lines")
	if got := text(t, ctx, ".sb-stuck"); !strings.Contains(got, "No line of "+cust.Name+" is suspended") {
		t.Fatalf("the lines step says %q", got)
	}
	if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector(".sb-wizard-buttons button[value=next]")`)); ok {
		t.Error("the lines step offers Next when no line can be restored")
	}
	webtest.Shot(t, ctx, "wizard-restore-stuck")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".sb-stuck a[href$='/customer']"))); err != nil {
		t.Fatal(err)
	}
	waitStep(t, ctx, "Customer")
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("input[name=CustomerID]")).map(e => e.value)`))
	if err != nil || len(ids) < 2 {
		t.Fatalf("the customer step offers %v: %v", ids, err)
	}
	for _, id := range ids {
		if id != itoa(cust.ID) && !has[parseInt(t, id)] {
			t.Errorf("customer %s is offered for a restore, with no suspended line", id)
		}
	}
}

package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestSubmittedOrderWaitsForRoute: a new service on a process with several
// routes says, on the review, the result page and the order page, that it
// waits for a supervisor's route; a supervisor gets the way to /routes.
func TestSubmittedOrderWaitsForRoute(t *testing.T) {
	app := webtest.OpenDemo(t)
	fx := newWizardFixture(t, app)
	procs, err := app.DB.FindProcesses(context.Background())
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
		t.Fatal("the demo has no process with several routes")
	}
	for _, tt := range []struct {
		role      domain.Role
		routeLink bool
	}{{domain.RoleRep, false}, {domain.RoleSupervisor, true}} {
		t.Run(string(tt.role), func(t *testing.T) {
			c := app.As(tt.role)
			var b bodies
			base := walkToReview(t, c, fx.fresh(), &b)
			res := c.PostForm(base+"/service", url.Values{"LineTypeID": {""}, "ProcessID": {itoa(proc.ID)}, "Description": {"Warehouse scanner 3"}, "action": {"next"}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("service step: status %d: %s", res.StatusCode, errorsIn(res))
			}
			review := c.Get(base + "/review").Doc()
			if !strings.Contains(review.Text(), "After you submit Waits for a supervisor to choose its route; once chosen, it is sent to Verizon Wireless automatically") {
				t.Errorf("the review does not say the order waits for a route: %s", review.Text())
			}
			if res := c.PostForm(base+"/submit", url.Values{}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("submit: status %d: %s", res.StatusCode, errorsIn(res))
			}
			doc := c.Get(base + "/result").Doc()
			li, ok := doc.Find("#wizard article li")
			if !ok || !strings.Contains(li.Text(), "Waits for a supervisor to choose its route") {
				t.Fatalf("the result does not say the order waits for a route: %s", doc.Text())
			}
			if got := li.Has("a[href='/routes']"); got != tt.routeLink {
				t.Errorf("link to /routes on the result: %v, want %v", got, tt.routeLink)
			}
			order, _ := li.Find("a[href^='/orders/']")
			page := c.Get(order.Attr("href")).Doc()
			next, ok := page.Find("#order-next")
			if !ok || !strings.Contains(next.Text(), "Waits for a supervisor to choose its route") {
				t.Fatalf("the order page does not say it waits for a route: %s", next.HTML())
			}
			if got := next.Has("a[href='/routes']"); got != tt.routeLink {
				t.Errorf("link to /routes on the order page: %v, want %v", got, tt.routeLink)
			}
			if strings.Contains(page.Text(), "On: sent to the provider automatically") {
				t.Error("the order page says it is sent automatically while it waits for a route")
			}
		})
	}
}

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

// TestRepCannotGetPastRouteDecision: on an order awaiting a route decision,
// a rep can neither send it nor clear or change its process, through the
// API or the order page's form; a supervisor can.
func TestRepCannotGetPastRouteDecision(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	rep := app.As(domain.RoleRep)
	for _, tt := range []struct {
		name string
		body string     // the API's PATCH body
		form url.Values // the order page's form
	}{
		{"Send", `{"Status":"SENT"}`, url.Values{"Status": {"SENT"}}},
		{"ClearProcessAndSend", `{"ProcessID":0,"Status":"SENT"}`, url.Values{"ProcessID": {""}, "Status": {"SENT"}}},
		{"ClearProcess", `{"ProcessID":0}`, url.Values{"ProcessID": {"0"}}},
		{"OneRouteProcess", `{"ProcessID":` + strconv.FormatInt(fx.ref.OneRoute, 10) + `}`, url.Values{"ProcessID": {strconv.FormatInt(fx.ref.OneRoute, 10)}}},
		{"OneRouteProcessAndSend", `{"ProcessID":` + strconv.FormatInt(fx.ref.OneRoute, 10) + `,"Status":"SENT"}`,
			url.Values{"ProcessID": {strconv.FormatInt(fx.ref.OneRoute, 10)}, "Status": {"SENT"}}},
	} {
		check := func(t *testing.T, o *domain.Order) {
			t.Helper()
			after := fxOrder(t, app, o.ID)
			if after.Status != domain.OrderNew || !after.RequiresRouteDecision || after.ProcessID == nil || *after.ProcessID != fx.ref.TwoRoutes || after.Version != o.Version {
				t.Fatalf("order after the refusal: status %s, awaiting %v, process %v, version %d; want it unchanged",
					after.Status, after.RequiresRouteDecision, after.ProcessID, after.Version)
			}
		}
		t.Run("API"+tt.name, func(t *testing.T) {
			o := fxNewService(t, app, fx, fx.acme.ID, fx.ref.TwoRoutes, "")
			if !o.RequiresRouteDecision {
				t.Fatal("fixture order does not await a route decision")
			}
			res := app.API(domain.RoleRep, http.MethodPatch, orderPath(o.ID), tt.body)
			if res.StatusCode != http.StatusForbidden || !strings.Contains(res.Text, "awaits a supervisor") {
				t.Fatalf("status %d %s, want 403 saying it awaits a supervisor", res.StatusCode, res.Text)
			}
			check(t, o)
		})
		t.Run("Page"+tt.name, func(t *testing.T) {
			o := fxNewService(t, app, fx, fx.acme.ID, fx.ref.TwoRoutes, "")
			form := url.Values{"Version": {strconv.Itoa(o.Version)}}
			for k, v := range tt.form {
				form[k] = v
			}
			res := rep.PostForm("/orders/"+strconv.FormatInt(o.ID, 10), form)
			if res.StatusCode != http.StatusForbidden || !strings.Contains(res.Doc().Text(), "awaits a supervisor") {
				t.Fatalf("status %d, want 403 saying it awaits a supervisor", res.StatusCode)
			}
			check(t, o)
		})
	}
	t.Run("RepHoldsIt", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, fx.ref.TwoRoutes, "")
		res := app.API(domain.RoleRep, http.MethodPatch, orderPath(o.ID), `{"Status":"HOLD","StatusNote":"asking the customer"}`)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d %s", res.StatusCode, res.Text)
		}
		if after := fxOrder(t, app, o.ID); after.Status != domain.OrderHold || !after.RequiresRouteDecision {
			t.Fatalf("status %s awaiting %v, want HOLD still awaiting", after.Status, after.RequiresRouteDecision)
		}
	})
	t.Run("SupervisorSends", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, fx.ref.TwoRoutes, "")
		res := app.API(domain.RoleSupervisor, http.MethodPatch, orderPath(o.ID), `{"ProcessID":`+strconv.FormatInt(fx.ref.OneRoute, 10)+`,"Status":"SENT"}`)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d %s", res.StatusCode, res.Text)
		}
		if after := fxOrder(t, app, o.ID); after.Status != domain.OrderSent || after.ProcessRouteID == nil || after.RequiresRouteDecision {
			t.Fatalf("status %s route %v awaiting %v, want SENT on the one route", after.Status, after.ProcessRouteID, after.RequiresRouteDecision)
		}
	})
}

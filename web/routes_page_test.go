package web_test

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// decisionRows lists the order ids of the route queue's rows, in order.
func decisionRows(doc webtest.Node) []int64 {
	var ids []int64
	for _, tr := range doc.FindAll("#route-list tbody tr") {
		id, _ := strconv.ParseInt(strings.TrimPrefix(tr.Attr("id"), "decision-"), 10, 64)
		ids = append(ids, id)
	}
	return ids
}

// routeID is the id of the fixture process's route described desc.
func routeID(t *testing.T, o *domain.Order, desc string) int64 {
	t.Helper()
	for _, r := range o.Routes {
		if r.Description == desc {
			return r.ID
		}
	}
	t.Fatalf("order %d has no route %q among %v", o.ID, desc, o.Routes)
	return 0
}

func TestRouteDecisionsPage(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	first := fxNewService(t, app, fx, fx.acme.ID, fx.ref.TwoRoutes, "")
	second := fxNewService(t, app, fx, fx.blue.ID, fx.ref.TwoRoutes, "")
	third := fxNewService(t, app, fx, fx.acme.ID, fx.ref.TwoRoutes, "")
	fxNewService(t, app, fx, fx.acme.ID, fx.ref.OneRoute, "") // one route: never waits
	sup := app.As(domain.RoleSupervisor)

	t.Run("Plain", func(t *testing.T) {
		res := sup.Get("/routes")
		if res.StatusCode != http.StatusOK || isFragment(res) {
			t.Fatalf("status %d, fragment %v", res.StatusCode, isFragment(res))
		}
		doc := res.Doc()
		if got, want := decisionRows(doc), []int64{first.ID, second.ID, third.ID}; !slices.Equal(got, want) {
			t.Fatalf("rows %v, want %v (oldest first)", got, want)
		}
		row, _ := doc.Find("#decision-" + strconv.FormatInt(first.ID, 10))
		form, ok := row.Find("form[method=post][action='/orders/" + strconv.FormatInt(first.ID, 10) + "/route']")
		if !ok {
			t.Fatalf("no plain form in the row: %s", row.HTML())
		}
		if form.Attr("hx-post") == "" || form.Attr("hx-target") != "#decision-"+strconv.FormatInt(first.ID, 10) || form.Attr("hx-swap") != "outerHTML" {
			t.Errorf("form does not replace its row with htmx: %s", form.HTML())
		}
		var routes []string
		for _, b := range form.FindAll("button[type=submit][name=ProcessRouteID]") {
			routes = append(routes, b.Text())
		}
		if !slices.Equal(routes, []string{"Manual review", "Expedite"}) {
			t.Errorf("route buttons %v", routes)
		}
		if v, _ := form.Find("input[name=Version]"); v.Attr("value") != strconv.Itoa(first.Version) {
			t.Errorf("version %q, want %d", v.Attr("value"), first.Version)
		}
		if w, _ := doc.Find("#route-waiting"); w.Text() != "3 orders waiting" {
			t.Errorf("waiting count %q", w.Text())
		}
	})

	t.Run("HTMX", func(t *testing.T) {
		res := sup.Get("/routes", "HX-Request", "true")
		if !isFragment(res) || !res.Doc().Has("#route-list") {
			t.Errorf("htmx request: fragment %v", isFragment(res))
		}
	})

	t.Run("OtherRolesForbidden", func(t *testing.T) {
		for _, role := range []domain.Role{domain.RoleSupport, domain.RoleRep} {
			if res := app.As(role).Get("/routes"); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s: status %d, want 403", role, res.StatusCode)
			}
			res := app.As(role).PostForm("/orders/"+strconv.FormatInt(first.ID, 10)+"/route",
				url.Values{"ProcessRouteID": {strconv.FormatInt(routeID(t, first, "Expedite"), 10)}, "Version": {strconv.Itoa(first.Version)}})
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("%s: choosing a route: status %d, want 403", role, res.StatusCode)
			}
		}
		if fxOrder(t, app, first.ID).ProcessRouteID != nil {
			t.Error("a route was chosen by a role that may not")
		}
	})

	t.Run("ChooseHTMX", func(t *testing.T) {
		rid := routeID(t, first, "Expedite")
		res := sup.PostForm("/orders/"+strconv.FormatInt(first.ID, 10)+"/route",
			url.Values{"ProcessRouteID": {strconv.FormatInt(rid, 10)}, "Version": {strconv.Itoa(first.Version)}}, "HX-Request", "true")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, res.Text)
		}
		doc := res.Doc()
		if doc.Has("tr") {
			t.Errorf("the answer puts a row back: %s", res.Text)
		}
		if f, ok := doc.Find("#flash[hx-swap-oob]"); !ok || !strings.Contains(f.Text(), "Expedite") {
			t.Errorf("no message out of band: %s", res.Text)
		}
		if w, ok := doc.Find("#route-waiting[hx-swap-oob]"); !ok || w.Text() != "2 orders waiting" {
			t.Errorf("no new count: %s", res.Text)
		}
		got := fxOrder(t, app, first.ID)
		if got.ProcessRouteID == nil || *got.ProcessRouteID != rid || got.RequiresRouteDecision {
			t.Errorf("route not recorded: %+v", got)
		}
		if rows := decisionRows(sup.Get("/routes").Doc()); slices.Contains(rows, first.ID) {
			t.Errorf("the order is still in the queue: %v", rows)
		}
	})

	t.Run("ChoosePlain", func(t *testing.T) {
		rid := routeID(t, second, "Manual review")
		res := sup.PostForm("/orders/"+strconv.FormatInt(second.ID, 10)+"/route",
			url.Values{"ProcessRouteID": {strconv.FormatInt(rid, 10)}, "Version": {strconv.Itoa(second.Version)}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/routes" {
			t.Fatalf("status %d to %q, want 303 to /routes", res.StatusCode, res.Header.Get("Location"))
		}
		doc := sup.Get("/routes").Doc()
		if f, ok := doc.Find("#flash .sb-flash-ok"); !ok || !strings.Contains(f.Text(), "Manual review") {
			t.Errorf("no message after the redirect: %s", f.HTML())
		}
		if got := decisionRows(doc); !slices.Equal(got, []int64{third.ID}) {
			t.Errorf("rows %v, want only %d", got, third.ID)
		}
	})

	t.Run("ErrStale", func(t *testing.T) {
		stale := third.Version
		fxUpdate(t, app, third, &domain.OrderUpdateInput{TrackingNumber: ptrTo("CHANGED")})
		res := sup.PostForm("/orders/"+strconv.FormatInt(third.ID, 10)+"/route",
			url.Values{"ProcessRouteID": {strconv.FormatInt(routeID(t, third, "Expedite"), 10)}, "Version": {strconv.Itoa(stale)}}, "HX-Request", "true")
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		// A row alone parses only inside a table.
		doc := (&webtest.Response{Text: "<table><tbody>" + res.Text + "</tbody></table>"}).Doc()
		row, ok := doc.Find("tr#decision-" + strconv.FormatInt(third.ID, 10))
		if !ok || !row.Has("[role=alert]") || !strings.Contains(row.Text(), "Someone changed this order") {
			t.Fatalf("the row does not say why: %s", res.Text)
		}
		now := fxOrder(t, app, third.ID)
		if v, _ := row.Find("input[name=Version]"); v.Attr("value") != strconv.Itoa(now.Version) {
			t.Errorf("row version %q, want the current %d", v.Attr("value"), now.Version)
		}
		if now.ProcessRouteID != nil {
			t.Error("a stale choice was recorded")
		}
	})

	t.Run("ErrRouteOfAnotherProcess", func(t *testing.T) {
		now := fxOrder(t, app, third.ID)
		other := fxInsert(t, app, `INSERT INTO process_routes (process_id, description) VALUES (?, ?)`, fx.ref.OneRoute, "Elsewhere")
		res := sup.PostForm("/orders/"+strconv.FormatInt(third.ID, 10)+"/route",
			url.Values{"ProcessRouteID": {strconv.FormatInt(other, 10)}, "Version": {strconv.Itoa(now.Version)}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		row, _ := res.Doc().Find("tr#decision-" + strconv.FormatInt(third.ID, 10))
		if !strings.Contains(row.Text(), "not a route of process") {
			t.Errorf("row %q does not say why", row.Text())
		}
	})

	t.Run("AlreadyChosenBySomeoneElse", func(t *testing.T) {
		now := fxOrder(t, app, third.ID)
		fxUpdate(t, app, now, &domain.OrderUpdateInput{ProcessRouteID: ptrTo(routeID(t, now, "Manual review"))})
		res := sup.PostForm("/orders/"+strconv.FormatInt(third.ID, 10)+"/route",
			url.Values{"ProcessRouteID": {strconv.FormatInt(routeID(t, now, "Expedite"), 10)}, "Version": {strconv.Itoa(now.Version)}}, "HX-Request", "true")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, res.Text)
		}
		doc := res.Doc()
		if doc.Has("tr") || !strings.Contains(doc.Text(), "Manual review") {
			t.Errorf("want the row removed and who chose what: %s", res.Text)
		}
		if !doc.Has("#route-list[hx-swap-oob] .sb-empty") {
			t.Errorf("the queue ran out but the empty state is not shown: %s", res.Text)
		}
		if r := fxOrder(t, app, third.ID).ProcessRouteID; r == nil || *r != routeID(t, now, "Manual review") {
			t.Error("the first choice was overwritten")
		}
	})

	t.Run("Empty", func(t *testing.T) {
		doc := sup.Get("/routes").Doc()
		if !doc.Has("#route-list .sb-empty") {
			t.Error("no empty-state message")
		}
	})
}

package web_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// decisionRows lists the order ids of the route queue's rows, in order.
func decisionRows(doc webtest.Node) []int64 {
	var ids []int64
	for _, tr := range doc.FindAll("#route-list article.sb-decision-waiting") {
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
		for _, l := range form.FindAll("label.sb-route-option") {
			if !l.Has("input[type=radio][name=ProcessRouteID]") {
				t.Errorf("route option without its radio: %s", l.HTML())
			}
			name, _ := l.Find("strong")
			routes = append(routes, name.Text())
			if !strings.Contains(l.Text(), "a rep sends the order to Verizon Wireless. You can undo the choice for 1 minute") {
				t.Errorf("a route without a meaning says nothing of what it leads to: %q", l.Text())
			}
		}
		if !slices.Equal(routes, []string{"Manual review", "Expedite"}) {
			t.Errorf("routes %v", routes)
		}
		for _, want := range []string{"New service", "Acme", "Line", "Package: ", "Pending"} {
			if !strings.Contains(row.Text(), want) {
				t.Errorf("the row does not show %q: %s", want, row.Text())
			}
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
		held, ok := doc.Find("article#decision-" + strconv.FormatInt(first.ID, 10) + ".sb-decision-held")
		if !ok || doc.Has("article.sb-decision-waiting") {
			t.Fatalf("the answer is not the chosen row in place of the order: %s", res.Text)
		}
		if !strings.Contains(held.Text(), "Expedite") || !strings.Contains(held.Text(), "a rep sends it to Verizon Wireless; the route choice can be undone until") {
			t.Errorf("the chosen row does not say what happens next: %q", held.Text())
		}
		undo, ok := held.Find("form[method=post][action='/orders/" + strconv.FormatInt(first.ID, 10) + "/undo-route'] button[type=submit]")
		if !ok || undo.Text() != "Undo" {
			t.Errorf("no Undo button: %s", held.HTML())
		}
		if !strings.HasPrefix(held.Attr("hx-trigger"), "load delay:") || held.Attr("hx-get") != "/orders/"+strconv.FormatInt(first.ID, 10)+"/route" {
			t.Errorf("the chosen row never looks again (the Undo would outlive the window): %s", held.HTML())
		}
		if w, ok := doc.Find("#route-waiting[hx-swap-oob]"); !ok || w.Text() != "2 orders waiting" {
			t.Errorf("no new count: %s", res.Text)
		}
		got := fxOrder(t, app, first.ID)
		if got.ProcessRouteID == nil || *got.ProcessRouteID != rid || got.RequiresRouteDecision || got.RouteSendAt == nil {
			t.Errorf("route not recorded and held: %+v", got)
		}
		page := sup.Get("/routes").Doc()
		if rows := decisionRows(page); slices.Contains(rows, first.ID) {
			t.Errorf("the order is still in the queue: %v", rows)
		}
		if w, _ := page.Find("#route-waiting"); w.Text() != "2 orders waiting" {
			t.Errorf("after a reload the count is %q", w.Text())
		}
		if !page.Has("#route-held article#decision-" + strconv.FormatInt(first.ID, 10) + " button[type=submit]") {
			t.Error("after a reload the choice that can still be undone is not shown with Undo")
		}
	})

	t.Run("UndoHTMX", func(t *testing.T) {
		res := sup.PostForm("/orders/"+strconv.FormatInt(first.ID, 10)+"/undo-route", url.Values{}, "HX-Request", "true")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, res.Text)
		}
		doc := res.Doc()
		if !doc.Has("article#decision-" + strconv.FormatInt(first.ID, 10) + ".sb-decision-waiting input[name=ProcessRouteID]") {
			t.Errorf("the order is not back with its routes: %s", res.Text)
		}
		if w, ok := doc.Find("#route-waiting[hx-swap-oob]"); !ok || w.Text() != "3 orders waiting" {
			t.Errorf("no new count: %s", res.Text)
		}
		if f, ok := doc.Find("#flash[hx-swap-oob]"); !ok || !strings.Contains(f.Text(), "undone") {
			t.Errorf("no message: %s", res.Text)
		}
		got := fxOrder(t, app, first.ID)
		if got.ProcessRouteID != nil || !got.RequiresRouteDecision || got.RouteSendAt != nil {
			t.Errorf("undo not recorded: %+v", got)
		}
		if rows := decisionRows(sup.Get("/routes").Doc()); !slices.Contains(rows, first.ID) {
			t.Errorf("the order is not back in the queue: %v", rows)
		}
		hist := fxHistory(t, app, first.ID)
		if last := hist[len(hist)-1]; last.Action != domain.ActionRouteUndo || last.UserName != app.Users[domain.RoleSupervisor].Name {
			t.Errorf("last history entry %+v, want the supervisor's undo", last)
		}
		// Choose again, for what follows.
		now := fxOrder(t, app, first.ID)
		if _, err := app.DB.UpdateOrder(as(app, domain.RoleSupervisor), first.ID, &domain.OrderUpdateInput{ProcessRouteID: ptrTo(routeID(t, now, "Expedite")), HoldRoute: true}, &now.Version); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("ErrLateUndo", func(t *testing.T) {
		// The window has passed.
		if _, err := app.DB.W.ExecContext(context.Background(), app.DB.W.Rebind(`UPDATE orders SET route_send_at = ? WHERE id = ?`),
			app.DB.Now().Add(-time.Second), first.ID); err != nil {
			t.Fatal(err)
		}
		res := sup.PostForm("/orders/"+strconv.FormatInt(first.ID, 10)+"/undo-route", url.Values{}, "HX-Request", "true")
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409: %s", res.StatusCode, res.Text)
		}
		row, ok := res.Doc().Find("article#decision-" + strconv.FormatInt(first.ID, 10))
		if !ok || !row.Has("[role=alert]") || !strings.Contains(row.Text(), "The time to undo the route choice") || row.Has("button") {
			t.Errorf("a late undo does not say why, or still offers Undo: %s", res.Text)
		}
		if got := fxOrder(t, app, first.ID); got.ProcessRouteID == nil || got.RequiresRouteDecision {
			t.Errorf("a late undo changed the order: %+v", got)
		}
		plain := sup.PostForm("/orders/"+strconv.FormatInt(first.ID, 10)+"/undo-route", url.Values{})
		if plain.StatusCode != http.StatusSeeOther {
			t.Fatalf("plain: status %d, want 303", plain.StatusCode)
		}
		if f, ok := sup.Get("/routes").Doc().Find("#flash .sb-flash-error"); !ok || !strings.Contains(f.Text(), "The time to undo") {
			t.Errorf("plain late undo: no message after the redirect: %s", f.HTML())
		}
		state := sup.Get("/orders/"+strconv.FormatInt(first.ID, 10)+"/route", "HX-Request", "true")
		if st := state.Doc(); st.Has("button") || !strings.Contains(st.Text(), "took the route") {
			t.Errorf("the row looking again after the window still offers Undo: %s", state.Text)
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
		row, ok := res.Doc().Find("article#decision-" + strconv.FormatInt(third.ID, 10))
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
		row, _ := res.Doc().Find("article#decision-" + strconv.FormatInt(third.ID, 10))
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
		if doc.Has("article") || !strings.Contains(doc.Text(), "Manual review") {
			t.Errorf("want the row removed and who chose what: %s", res.Text)
		}
		if !doc.Has("#route-empty[hx-swap-oob] .sb-empty") {
			t.Errorf("the queue ran out but the empty state is not shown: %s", res.Text)
		}
		if r := fxOrder(t, app, third.ID).ProcessRouteID; r == nil || *r != routeID(t, now, "Manual review") {
			t.Error("the first choice was overwritten")
		}
	})

	t.Run("Empty", func(t *testing.T) {
		doc := sup.Get("/routes").Doc()
		if !doc.Has("#route-list #route-empty .sb-empty") {
			t.Error("no empty-state message")
		}
	})
}

// fxHistory is order id's history, oldest first.
func fxHistory(tb testing.TB, app *webtest.App, id int64) []*domain.AuditEvent {
	tb.Helper()
	evs, err := app.DB.FindAuditEvents(context.Background(), domain.EntityOrder, id)
	if err != nil {
		tb.Fatal(err)
	}
	return evs
}

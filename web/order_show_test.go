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

// updateForm finds the order page's update form.
func updateForm(doc webtest.Node, id int64) (webtest.Node, bool) {
	return doc.Find("form[method=post][action='" + orderPage(id) + "']")
}

// moveOptions lists the statuses the update form offers.
func moveOptions(form webtest.Node) []string {
	var out []string
	for _, o := range form.FindAll("select[name=Status] option") {
		if v := o.Attr("value"); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func TestOrderShowPage(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	port := fxNewService(t, app, fx, fx.acme.ID, fx.ref.TwoRoutes, "3125559013")
	port = fxUpdate(t, app, port, &domain.OrderUpdateInput{TrackingNumber: ptrTo("1Z999AA10123456784")})
	sameLine := fxSuspend(t, app, "3125550101")
	other := fxSuspend(t, app, "3125550201")

	t.Run("Plain", func(t *testing.T) {
		res := app.As(domain.RoleSupport).Get(orderPage(port.ID))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, res.Text)
		}
		if isFragment(res) {
			t.Fatal("a plain request got a fragment")
		}
		doc := res.Doc()
		if h1, _ := doc.Find("h1"); !strings.Contains(h1.Text(), "Order "+strconv.FormatInt(port.ID, 10)) {
			t.Errorf("h1 %q", h1.Text())
		}
		text := doc.Text()
		for _, want := range []string{port.PON, "New service", "Acme Freight", "Verizon Wireless", "VZW Enterprise 0042",
			"Port-In Review", "Manual review", "1Z999AA10123456784", "(312) 555-9013", "55501234", "Pat Lee",
			"Port before Friday", "VZW Business Unlimited", "Unlimited Talk & Text"} {
			if !strings.Contains(text, want) {
				t.Errorf("the page does not show %q", want)
			}
		}
		if strings.Contains(res.Text, "8642") || strings.Contains(res.Text, "SECRET") {
			t.Error("the page shows the port's PIN")
		}
		if b, ok := doc.Find(".sb-title .sb-badge"); !ok || b.Text() != "New" {
			t.Errorf("no status badge: %s", b.HTML())
		}
		// History: created, then the tracking number, by who and when.
		items := doc.FindAll("#order-history li.sb-event")
		if len(items) < 2 {
			t.Fatalf("%d history entries, want 2: %s", len(items), doc.HTML())
		}
		last := items[len(items)-1]
		if !strings.Contains(last.Text(), "test-supervisor") || !strings.Contains(last.Text(), "Tracking number") ||
			!strings.Contains(last.Text(), "1Z999AA10123456784") || !last.Has("time[datetime]") {
			t.Errorf("last history entry %q: want who, when, field and value", last.Text())
		}
		// Related orders: the same customer's, with a link to all of them.
		rel, _ := doc.Find("#order-related")
		if !rel.Has("a[href='"+orderPage(sameLine.ID)+"']") || rel.Has("a[href='"+orderPage(other.ID)+"']") {
			t.Errorf("related orders: %s", rel.HTML())
		}
		if !rel.Has("a[href='/orders?Customer=" + strconv.FormatInt(fx.acme.ID, 10) + "']") {
			t.Errorf("no link to all the customer's orders: %s", rel.HTML())
		}
	})

	t.Run("SameLines", func(t *testing.T) {
		later := fxMove(t, app, sameLine, "COMPLETE")
		restore, err := app.DB.CreateOrders(as(app, domain.RoleRep), &domain.OrdersCreateInput{Restore: &domain.RestoreInput{TN: "3125550101"}})
		if err != nil {
			t.Fatal(err)
		}
		doc := app.As(domain.RoleSupport).Get(orderPage(later.ID)).Doc()
		h, _ := doc.Find("#order-related")
		lists := h.FindAll("ul.sb-related")
		if len(lists) != 2 || !lists[1].Has("a[href='"+orderPage(restore.Orders[0].ID)+"']") {
			t.Errorf("the restore of the same line is not among the same lines' orders: %s", h.HTML())
		}
	})

	t.Run("HTMX", func(t *testing.T) {
		res := app.As(domain.RoleSupport).Get(orderPage(port.ID), "HX-Request", "true")
		if res.StatusCode != http.StatusOK || !isFragment(res) {
			t.Fatalf("status %d, fragment %v", res.StatusCode, isFragment(res))
		}
		if !res.Doc().Has("#order-page h1") {
			t.Errorf("fragment lacks the order: %s", res.Text)
		}
	})

	t.Run("SupportSeesNoUpdateForm", func(t *testing.T) {
		doc := app.As(domain.RoleSupport).Get(orderPage(port.ID)).Doc()
		if _, ok := updateForm(doc, port.ID); ok {
			t.Error("support is offered the update form")
		}
		if doc.Has("select[name=Status]") || doc.Has("input[name=Version]") {
			t.Error("support sees update controls")
		}
	})

	t.Run("RouteOnlyForSupervisors", func(t *testing.T) {
		doc := app.As(domain.RoleRep).Get(orderPage(port.ID)).Doc()
		form, ok := updateForm(doc, port.ID)
		if !ok {
			t.Fatal("a rep has no update form")
		}
		if form.Has("select[name=ProcessRouteID]") {
			t.Error("a rep is offered the route choice")
		}
		doc = app.As(domain.RoleSupervisor).Get(orderPage(port.ID)).Doc()
		form, _ = updateForm(doc, port.ID)
		var routes []string
		for _, o := range form.FindAll("select[name=ProcessRouteID] option") {
			routes = append(routes, o.Text())
		}
		if !slices.Contains(routes, "Manual review") || !slices.Contains(routes, "Expedite") {
			t.Errorf("supervisor's route choices %v", routes)
		}
		if v, _ := form.Find("input[type=hidden][name=Version]"); v.Attr("value") != strconv.Itoa(port.Version) {
			t.Errorf("form version %q, want %d", v.Attr("value"), port.Version)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		for _, p := range []string{"/orders/999999", "/orders/abc"} {
			if res := app.As(domain.RoleSupport).Get(p); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", p, res.StatusCode)
			}
		}
	})
}

// TestOrderUpdateOffersAllowedMoves checks, for an order in every status,
// that the form offers exactly the lifecycle's moves, CANCELED only to
// supervisors.
func TestOrderUpdateOffersAllowedMoves(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	for _, status := range domain.OrderStatuses {
		o := fxMove(t, app, fxNewService(t, app, fx, fx.acme.ID, 0, ""), statusPath[status]...)
		for _, role := range []domain.Role{domain.RoleRep, domain.RoleSupervisor, domain.RoleAdmin} {
			t.Run(status+"/"+string(role), func(t *testing.T) {
				doc := app.As(role).Get(orderPage(o.ID)).Doc()
				form, ok := updateForm(doc, o.ID)
				if !ok {
					t.Fatal("no update form")
				}
				var want []string
				for _, m := range domain.AllowedMoves(status) {
					if !domain.IsConfirmedMove(m) {
						want = append(want, m)
					}
				}
				if got := moveOptions(form); !slices.Equal(got, want) {
					t.Errorf("%s as %s: offered %v, want %v", status, role, got, want)
				}
				// Complete and cancel are their own buttons, to their confirmation.
				canComplete := slices.Contains(domain.AllowedMoves(status), domain.OrderComplete)
				canCancel := slices.Contains(domain.AllowedMoves(status), domain.OrderCanceled) && role.AtLeast(domain.RoleSupervisor)
				if got := doc.Has("a#order-complete[href='" + orderPage(o.ID) + "/complete']"); got != canComplete {
					t.Errorf("%s as %s: Complete button %v, want %v", status, role, got, canComplete)
				}
				if got := doc.Has("a#order-cancel[href='" + orderPage(o.ID) + "/cancel']"); got != canCancel {
					t.Errorf("%s as %s: Cancel button %v, want %v", status, role, got, canCancel)
				}
				if domain.IsFinalStatus(status) && (form.Has("select[name=Status]") || form.Has("input[name=FlowThroughFlag]")) {
					t.Errorf("a %s order offers a status or flow-through change", status)
				}
			})
		}
	}
}

func TestOrderUpdate(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	rep := app.As(domain.RoleRep)
	post := func(c *webtest.Client, o *domain.Order, form url.Values, headers ...string) *webtest.Response {
		if !form.Has("Version") {
			form.Set("Version", strconv.Itoa(o.Version))
		}
		return c.PostForm(orderPage(o.ID), form, headers...)
	}

	t.Run("OK", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		res := post(rep, o, url.Values{"Status": {"SENT"}, "StatusNote": {"Sent by hand"}, "TrackingNumber": {"TRK-1"}, "ShippingStatus": {"SHIPPED"}, "FlowThroughFlag": {"false"}, "ProcessID": {"0"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != orderPage(o.ID) {
			t.Fatalf("status %d to %q, want 303 to the order: %s", res.StatusCode, res.Header.Get("Location"), res.Text)
		}
		got := fxOrder(t, app, o.ID)
		if got.Status != "SENT" || got.StatusNote != "Sent by hand" || got.TrackingNumber != "TRK-1" || got.ShippingStatus != "SHIPPED" || got.FlowThrough {
			t.Errorf("stored %+v", got)
		}
		doc := rep.Get(orderPage(o.ID)).Doc()
		if f, ok := doc.Find("#flash .sb-flash-ok"); !ok || !strings.Contains(f.Text(), "New to Sent") {
			t.Errorf("no success message: %s", f.HTML())
		}
	})

	t.Run("OKHTMX", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		res := post(rep, o, url.Values{"Status": {"HOLD"}}, "HX-Request", "true")
		if got := res.Header.Get("HX-Redirect"); got != orderPage(o.ID) {
			t.Errorf("HX-Redirect %q, want the order", got)
		}
		if got := fxOrder(t, app, o.ID).Status; got != "HOLD" {
			t.Errorf("status %s, want HOLD", got)
		}
	})

	t.Run("ErrFinalMoveOnTheUpdateForm", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		for _, status := range []string{domain.OrderComplete, domain.OrderCanceled} {
			res := post(app.As(domain.RoleSupervisor), o, url.Values{"Status": {status}, "StatusNote": {"x"}, "TrackingNumber": {"KEEP-ME"}})
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("%s: status %d, want 422", status, res.StatusCode)
			}
			doc := res.Doc()
			if e, ok := doc.Find("#e-Status"); !ok || !strings.Contains(e.Text(), "its own button") {
				t.Errorf("%s: no error beside Status: %s", status, e.HTML())
			}
			if v, _ := doc.Find("#f-TrackingNumber"); v.Attr("value") != "KEEP-ME" {
				t.Errorf("typed tracking number lost: %s", v.HTML())
			}
			if got := fxOrder(t, app, o.ID); got.Status != "NEW" || got.TrackingNumber != "" {
				t.Errorf("a refused update changed the order: %+v", got)
			}
		}
	})

	t.Run("ErrNoteWithoutStatus", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		res := post(rep, o, url.Values{"StatusNote": {"just a note"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !res.Doc().Has("#f-StatusNote[aria-invalid=true]") {
			t.Errorf("status %d: a note without a status change", res.StatusCode)
		}
	})

	t.Run("ErrStale", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		// Someone else saves first.
		fxUpdate(t, app, o, &domain.OrderUpdateInput{TrackingNumber: ptrTo("THEIRS")})
		res := post(rep, o, url.Values{"Status": {"SENT"}, "StatusNote": {"my note"}, "TrackingNumber": {"MINE"}})
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		doc := res.Doc()
		if c, ok := doc.Find("#order-conflict[role=alert]"); !ok || !strings.Contains(c.Text(), "Someone else saved") {
			t.Errorf("no conflict message: %s", c.HTML())
		}
		if v, _ := doc.Find("#f-TrackingNumber"); v.Attr("value") != "MINE" {
			t.Errorf("typed tracking number lost: %s", v.HTML())
		}
		if v, _ := doc.Find("#f-StatusNote"); v.Text() != "my note" {
			t.Errorf("typed note lost: %q", v.Text())
		}
		if sel, _ := doc.Find("#f-Status option[selected]"); sel.Attr("value") != "SENT" {
			t.Errorf("chosen status lost")
		}
		now := fxOrder(t, app, o.ID)
		if now.Status != "NEW" || now.TrackingNumber != "THEIRS" {
			t.Errorf("a stale update changed the order: %+v", now)
		}
		if !strings.Contains(doc.Text(), "THEIRS") {
			t.Error("the page does not show the other person's change")
		}
		if v, _ := doc.Find("input[name=Version]"); v.Attr("value") != strconv.Itoa(now.Version) {
			t.Errorf("form version %q, want the current %d, so saving again works", v.Attr("value"), now.Version)
		}
		// Saving again from the re-shown form works.
		res = post(rep, now, url.Values{"Status": {"SENT"}, "TrackingNumber": {"MINE"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("second save: status %d: %s", res.StatusCode, res.Text)
		}
	})

	t.Run("ErrNothingChanged", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		res := post(rep, o, url.Values{"Status": {""}, "TrackingNumber": {""}, "FlowThroughFlag": {strconv.FormatBool(o.FlowThrough)}, "ProcessID": {"0"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text, "Nothing to save") {
			t.Errorf("status %d", res.StatusCode)
		}
	})

	t.Run("SupportForbidden", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		res := post(app.As(domain.RoleSupport), o, url.Values{"Status": {"SENT"}})
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("status %d, want 403", res.StatusCode)
		}
	})

	t.Run("HostileTextEscaped", func(t *testing.T) {
		o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
		res := post(rep, o, url.Values{"Status": {"SENT"}, "StatusNote": {hostileScript}, "TrackingNumber": {hostileImg}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d: %s", res.StatusCode, res.Text)
		}
		page := rep.Get(orderPage(o.ID)).Text
		if strings.Contains(page, hostileScript) || strings.Contains(page, "<img src=x") {
			t.Error("hostile text came back unescaped")
		}
	})
}

func ptrTo[T any](v T) *T { return &v }

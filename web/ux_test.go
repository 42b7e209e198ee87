package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestDashboardSaysStatusesInWords: the dashboard's cards name each order
// status and inventory type in words, keeping the code in the card's title.
func TestDashboardSaysStatusesInWords(t *testing.T) {
	app := webtest.OpenDemo(t)
	doc := app.As(domain.RoleSupport).Get("/").Doc()
	for status, want := range map[string]string{"FLOW_ERROR": "Flow error", "PAYMENT_HOLD": "Payment hold", "JEOPARDY": "In jeopardy", "NEW": "New"} {
		a, ok := doc.Find("a.sb-card[href='/orders?Status=" + status + "']")
		if !ok {
			t.Errorf("no %s card", status)
			continue
		}
		l, _ := a.Find(".sb-card-l")
		if got := strings.TrimSpace(l.Text()); got != want {
			t.Errorf("%s card says %q, want %q", status, got, want)
		}
		if got := a.Attr("title"); got != "Status "+status {
			t.Errorf("%s card title %q", status, got)
		}
	}
	if w, _ := doc.Find("#dash-waiting .sb-card-l"); strings.TrimSpace(w.Text()) != "Waiting for a route decision" {
		t.Errorf("waiting card says %q", w.Text())
	}
	text := doc.Text()
	if !strings.Contains(text, "SIM cards") || strings.Contains(text, "SIM_Card") {
		t.Error("inventory cards should say SIM cards, not SIM_Card")
	}
	if strings.Contains(text, "ERROR, FLOW_ERROR") {
		t.Error("the attention link lists raw status codes")
	}
}

// TestErrorPagesSayWhatWentWrong: the 403 and 404 pages have a heading in
// words, the same words in the tab's title, and the code under it.
func TestErrorPagesSayWhatWentWrong(t *testing.T) {
	app := webtest.Open(t, nil)
	for _, c := range []struct {
		role   domain.Role
		path   string
		status int
		h1     string
	}{
		{domain.RoleSupport, "/routes", http.StatusForbidden, "You do not have access to this page"},
		{domain.RoleSupport, "/no-such-page", http.StatusNotFound, "Page not found"},
		{domain.RoleRep, "/orders/999999", http.StatusNotFound, "Page not found"},
	} {
		res := app.As(c.role).Get(c.path)
		if res.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d", c.path, res.StatusCode, c.status)
			continue
		}
		doc := res.Doc()
		h1, ok := doc.Find("h1#error-h")
		if !ok || strings.TrimSpace(h1.Text()) != c.h1 {
			t.Errorf("%s: h1 %q (found %v), want %q", c.path, h1.Text(), ok, c.h1)
		}
		if title, _ := doc.Find("title"); !strings.HasPrefix(title.Text(), c.h1+" · ") {
			t.Errorf("%s: title %q", c.path, title.Text())
		}
		if code, _ := doc.Find(".sb-error-page header small"); !strings.Contains(code.Text(), strconv.Itoa(c.status)) {
			t.Errorf("%s: the code is not shown: %q", c.path, code.Text())
		}
		if !doc.Has(".sb-error-page a[href='/']") {
			t.Errorf("%s: no way back to the dashboard", c.path)
		}
	}
}

// sidewaysOverflow lists the elements that stick out of a phone's screen
// other than inside a .sb-table-wrap scroll box, when the page scrolls sideways.
const sidewaysOverflow = `(() => {
	if (document.documentElement.scrollWidth <= window.innerWidth) return "";
	const out = [];
	for (const e of document.querySelectorAll("body *")) {
		if (e.closest(".sb-table-wrap") && !e.classList.contains("sb-table-wrap")) continue;
		const r = e.getBoundingClientRect();
		if (r.right > window.innerWidth + 1) out.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).split(" ").join(".") : "") + " to " + Math.round(r.right) + "px");
	}
	return "scrollWidth " + document.documentElement.scrollWidth + " > " + window.innerWidth + ": " + out.slice(0, 8).join(", ");
})()`

// TestBrowserPhoneNoSidewaysScroll walks every main page at a phone's width
// (375 px): none scrolls sideways; wide tables scroll inside their own box.
func TestBrowserPhoneNoSidewaysScroll(t *testing.T) {
	app := webtest.OpenDemo(t)
	order, _ := demoOrderOnTN(t, app)
	waiting := demoWaitingOrder(t, app)
	bg := context.Background()
	pages := []string{
		"/", "/orders", "/orders?ShowServiceDetails=true", "/orders?PON=ZZZZ", "/orders?Status=NOPE",
		"/orders?Status=ERROR&Status=JEOPARDY&Status=FLOW_ERROR",
		orderPage(order.ID), orderPage(waiting.ID), "/routes", "/customers",
		"/customers/" + strconv.FormatInt(order.CustomerID, 10), "/admin/users", "/no-such-page",
	}
	// An order of each kind, and several statuses.
	for _, f := range []domain.OrderFilter{
		{OrderType: []string{domain.TypeNew}}, {OrderType: []string{domain.TypeSuspend}},
		{OrderType: []string{domain.TypeDisconnect}}, {OrderType: []string{domain.TypeChangeFeature}},
		{OrderType: []string{domain.TypePackageChange}}, {OrderType: []string{domain.TypeAddLine}},
		{Status: []string{domain.OrderError}}, {Status: []string{domain.OrderComplete}},
	} {
		f.Page = domain.Page{Limit: 1}
		if os, _, err := app.DB.FindOrders(bg, f); err == nil && len(os) > 0 {
			pages = append(pages, orderPage(os[0].ID))
		}
	}
	ctx := webtest.Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 812)); err != nil {
		t.Fatal(err)
	}
	check := func(path string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+path), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		webtest.Shot(t, ctx, "phone"+strings.NewReplacer("?", "_", "&", "_", "=", "-").Replace(path))
		if msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](sidewaysOverflow)); err != nil || msg != "" {
			t.Errorf("%s scrolls sideways at 375 px: %s %v", path, msg, err)
		}
	}
	check("/login")
	signIn(t, app, ctx, "admin", "demo")
	for _, p := range pages {
		check(p)
	}
}

// TestOrderLineWithoutDetailsSaysSo: a line an order only restores shows a
// sentence under its number, not an empty box.
func TestOrderLineWithoutDetailsSaysSo(t *testing.T) {
	app := webtest.OpenDemo(t)
	orders, _, err := app.DB.FindOrders(context.Background(), domain.OrderFilter{OrderType: []string{domain.TypeRestore}, Page: domain.Page{Limit: 20}})
	if err != nil || len(orders) == 0 {
		t.Fatalf("no restore order in the demo data: %v", err)
	}
	seen := 0
	for _, o := range orders {
		doc := app.As(domain.RoleSupport).Get(orderPage(o.ID)).Doc()
		for _, line := range doc.FindAll("article.sb-line") {
			hasDetails := line.Has("dl.sb-dl dt") || line.Has("table")
			if hasDetails == line.Has(".sb-line-none") {
				t.Errorf("order %d: a line with details %v, sentence %v", o.ID, hasDetails, !hasDetails)
			}
			if !hasDetails {
				seen++
			}
		}
	}
	if seen == 0 {
		t.Skip("no demo restore order has a line without details")
	}
}

// TestBrowserFailedUpdateShowsItsError: when an htmx save fails (here the
// order is not found), the error
// shows in #flash, in view even though the rep had scrolled down to the form,
// and what the rep typed stays.
func TestBrowserFailedUpdateShowsItsError(t *testing.T) {
	app := webtest.OpenDemo(t)
	order, _ := demoOrderOnTN(t, app)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "rep", "demo")
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 600),
		chromedp.Navigate(app.HTTP.URL+orderPage(order.ID)),
		chromedp.WaitVisible(chromedp.CSS("#f-Status")),
		chromedp.ScrollIntoView(chromedp.CSS("#order-update button[type=submit]")),
	); err != nil {
		t.Fatal(err)
	}
	// The order is gone by the time the rep saves: the save answers 404.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.addEventListener("htmx:configRequest", e => { e.detail.path = "/orders/99999999" }, {once: true}) || true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#f-StatusNote"), "checked with the carrier"),
		chromedp.Click(chromedp.CSS("#order-update button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#flash .sb-flash-error")),
	); err != nil {
		t.Fatalf("the failed save shows no error: %v", err)
	}
	webtest.Shot(t, ctx, "order-update-failed")
	if !eventually(ctx, `(() => { const r = document.querySelector("#flash").getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight + 1 })()`) {
		t.Error("the error is shown out of view")
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-StatusNote"))); v != "checked with the carrier" {
		t.Errorf("the note typed is lost: %q", v)
	}
	if live, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#flash").getAttribute("aria-live")`)); live != "polite" {
		t.Errorf("#flash aria-live %q", live)
	}
}

// TestNotFoundKeepsNavigation: a mistyped address answers 404 inside the
// signed-in person's own frame (navigation and user menu), so they are not
// left thinking they were signed out; signed out, it shows no navigation.
func TestNotFoundKeepsNavigation(t *testing.T) {
	app := webtest.Open(t, nil)
	res := app.As(domain.RoleRep).Get("/ordres")
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("status %d", res.StatusCode)
	}
	doc := res.Doc()
	if !doc.Has("header nav a[href='/orders']") || !doc.Has("header details.dropdown summary") {
		t.Error("the 404 page of a signed-in rep has no navigation")
	}
	if h1, _ := doc.Find("h1"); strings.TrimSpace(h1.Text()) != "Page not found" {
		t.Errorf("h1 %q", h1.Text())
	}
	anon := app.Anonymous().Get("/ordres")
	if anon.StatusCode != http.StatusNotFound || anon.Doc().Has("header nav a[href='/orders']") {
		t.Errorf("signed out: status %d, navigation shown %v", anon.StatusCode, anon.Doc().Has("header nav a[href='/orders']"))
	}
}

// TestFormFieldsDescribeOnce: a field points at its error when it has one,
// else at its help, with one aria-describedby and no stray attribute.
func TestFormFieldsDescribeOnce(t *testing.T) {
	app := webtest.Open(t, nil)
	res := app.As(domain.RoleAdmin).PostForm("/admin/users", url.Values{"name": {"test-rep"}, "role": {"rep"}, "password": {"longenough"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	doc := res.Doc()
	name, ok := doc.Find("#f-name")
	if !ok || name.Attr("aria-describedby") != "e-name" || name.Attr("aria-invalid") != "true" {
		t.Errorf("the name in error: found %v, describedby %q", ok, name.Attr("aria-describedby"))
	}
	if e, _ := doc.Find("#e-name"); !strings.Contains(e.Text(), "already exists") {
		t.Errorf("error beside the name: %q", e.Text())
	}
	if pw, _ := doc.Find("#f-password"); pw.Attr("aria-describedby") != "h-password" {
		t.Errorf("password describedby %q, want its help", pw.Attr("aria-describedby"))
	}
	for _, in := range doc.FindAll("input") {
		if in.HasAttr("else") {
			t.Errorf("input %s has a stray attribute: %s", in.Attr("id"), in.HTML())
		}
	}
	if strings.Count(res.Text, `aria-describedby="e-name"`) != 1 || strings.Contains(res.Text, `aria-describedby="h-name"`) {
		t.Error("the name field is described twice")
	}
}

// TestLoginSaysWhySignInIsAsked: sent to sign in on the way to a page (a
// bookmark, or a session that ended), the form says why; opened directly, it
// does not; after a wrong password only the error shows.
func TestLoginSaysWhySignInIsAsked(t *testing.T) {
	app := webtest.Open(t, nil)
	anon := app.Anonymous()
	res := anon.Get("/orders/7")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("signed out /orders/7: status %d", res.StatusCode)
	}
	doc := anon.Get(res.Header.Get("Location")).Doc()
	if note, ok := doc.Find("#login-next"); !ok || !strings.Contains(note.Text(), "session has ended") {
		t.Errorf("no note on why sign-in is asked: %q", note.Text())
	}
	if next, _ := doc.Find("input[name=next]"); next.Attr("value") != "/orders/7" {
		t.Errorf("next %q", next.Attr("value"))
	}
	if anon.Get("/login").Doc().Has("#login-next") {
		t.Error("the plain sign-in page explains a redirect that did not happen")
	}
	wrong := anon.PostForm("/login", url.Values{"name": {"test-rep"}, "password": {"wrong"}, "next": {"/orders/7"}}).Doc()
	if !wrong.Has("#login-error") || wrong.Has("#login-next") {
		t.Error("after a wrong password the error alone should show")
	}
}

// TestAdminOwnRowSaysWhyNoRoleChange: the signed-in admin's own row says why
// it offers no role change, where the others have the role control.
func TestAdminOwnRowSaysWhyNoRoleChange(t *testing.T) {
	app := webtest.Open(t, nil)
	doc := app.As(domain.RoleAdmin).Get("/admin/users").Doc()
	mine := 0
	for _, tr := range doc.FindAll("#admin-users tbody tr") {
		me := strings.Contains(tr.Text(), "(you)")
		if me {
			mine++
		}
		if got := tr.Has(".sb-own-role"); got != me {
			t.Errorf("row %q: own-role note %v", tr.Attr("id"), got)
		}
		if got := tr.Has("select[name=role]"); got == me {
			t.Errorf("row %q: role control %v", tr.Attr("id"), got)
		}
	}
	if mine != 1 {
		t.Errorf("%d rows are the admin's own", mine)
	}
}

// TestOrderHistorySaysShippingAndTypeInWords: the history names the order's
// type and shipping status as the rest of the page does, not as codes.
func TestOrderHistorySaysShippingAndTypeInWords(t *testing.T) {
	app := webtest.OpenDemo(t)
	orders, _, err := app.DB.FindOrders(context.Background(), domain.OrderFilter{OrderType: []string{domain.TypeNew}, Page: domain.Page{Limit: 1}})
	if err != nil || len(orders) == 0 {
		t.Fatalf("no new-service order: %v", err)
	}
	doc := app.As(domain.RoleSupport).Get(orderPage(orders[0].ID)).Doc()
	h, ok := doc.Find("#order-history")
	if !ok {
		t.Fatal("no history")
	}
	text := h.Text()
	if strings.Contains(text, "NOT_REQUIRED") || strings.Contains(text, "NOT_SHIPPED") {
		t.Errorf("the history shows a shipping code: %s", text)
	}
	if !strings.Contains(text, "New service") {
		t.Errorf("the history does not name the type in words: %s", text)
	}
}

// TestConflictKeepsOthersChangesToUntouchedFields: a rep saves a form read
// before someone else set the tracking number. The conflict answer keeps the
// note the rep typed but shows the other person's tracking number, which the
// rep never touched, so saving again does not erase it.
func TestConflictKeepsOthersChangesToUntouchedFields(t *testing.T) {
	app := webtest.OpenDemo(t)
	order, _ := demoOrderOnTN(t, app)
	rep := app.As(domain.RoleRep)
	doc := rep.Get(orderPage(order.ID)).Doc()
	form := url.Values{}
	for _, in := range doc.FindAll("#order-update input[type=hidden]") {
		form.Set(in.Attr("name"), in.Attr("value"))
	}
	if !form.Has("Read.TrackingNumber") || !form.Has("Version") {
		t.Fatalf("the form does not say what it read: %v", form)
	}
	form.Set("TrackingNumber", form.Get("Read.TrackingNumber"))
	form.Set("StatusNote", "called the customer")
	if _, err := app.DB.UpdateOrder(as(app, domain.RoleSupervisor), order.ID, &domain.OrderUpdateInput{TrackingNumber: ptrTo("1ZTHEIRS000000001")}, nil); err != nil {
		t.Fatal(err)
	}
	res := rep.PostForm(orderPage(order.ID), form)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("status %d, want 409", res.StatusCode)
	}
	doc = res.Doc()
	if v, _ := doc.Find("#f-TrackingNumber"); v.Attr("value") != "1ZTHEIRS000000001" {
		t.Errorf("the untouched tracking number shows %q, not the one saved since", v.Attr("value"))
	}
	if v, _ := doc.Find("#f-StatusNote"); v.Text() != "called the customer" {
		t.Errorf("typed note lost: %q", v.Text())
	}
	if v, _ := doc.Find("#order-update input[name='Read.TrackingNumber']"); v.Attr("value") != "1ZTHEIRS000000001" {
		t.Errorf("the redrawn form read %q", v.Attr("value"))
	}
	// A field the rep did change keeps what they typed.
	form.Set("TrackingNumber", "1ZMINE0000000002")
	doc = rep.PostForm(orderPage(order.ID), form).Doc()
	if v, _ := doc.Find("#f-TrackingNumber"); v.Attr("value") != "1ZMINE0000000002" {
		t.Errorf("the typed tracking number is lost: %q", v.Attr("value"))
	}
}

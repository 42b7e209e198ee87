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

func orderPage(id int64) string { return "/orders/" + strconv.FormatInt(id, 10) }

// rowIDs lists the order ids of a result table's rows, in order.
func rowIDs(doc webtest.Node) []int64 {
	var ids []int64
	for _, tr := range doc.FindAll("#order-results tbody tr") {
		id, _ := strconv.ParseInt(strings.TrimPrefix(tr.Attr("id"), "order-"), 10, 64)
		ids = append(ids, id)
	}
	return ids
}

func TestOrderSearchPage(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	s1 := fxSuspend(t, app, "3125550101")                            // Acme, NEW
	s2 := fxMove(t, app, fxSuspend(t, app, "3125550201"), "SENT")    // Blue, SENT
	n1 := fxNewService(t, app, fx, fx.acme.ID, fx.ref.TwoRoutes, "") // Acme, waits for a route
	support := app.As(domain.RoleSupport)

	t.Run("Plain", func(t *testing.T) {
		res := support.Get("/orders")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, res.Text)
		}
		if isFragment(res) {
			t.Fatal("a plain request got a fragment")
		}
		if got := res.Header.Get("Vary"); !strings.Contains(got, "HX-Request") {
			t.Errorf("Vary = %q, want HX-Request", got)
		}
		doc := res.Doc()
		form, ok := doc.Find("form#order-search[method=get][action=/orders]")
		if !ok {
			t.Fatal("no plain GET filter form (the page must work with JavaScript off)")
		}
		for attr, want := range map[string]string{
			"hx-get": "/orders", "hx-target": "#order-results", "hx-push-url": "true", "hx-swap": "outerHTML",
		} {
			if got := form.Attr(attr); got != want {
				t.Errorf("form %s = %q, want %q", attr, got, want)
			}
		}
		if !strings.Contains(form.Attr("hx-trigger"), "input") {
			t.Errorf("form hx-trigger = %q: does not search as you type", form.Attr("hx-trigger"))
		}
		// Every Orders_Search filter has a control, with a label.
		for _, sel := range []string{
			"input[name=TN]", "input[name=PON]", "input[name=Customer]", "input[name=Identifier]", "input[name=OrderID]",
			"select[name=RequiresRouteDecision]", "input[type=checkbox][name=ShowServiceDetails]",
		} {
			in, ok := form.Find(sel)
			if !ok {
				t.Errorf("no filter control %s", sel)
				continue
			}
			if id := in.Attr("id"); !doc.Has("label "+sel) && (id == "" || !doc.Has("label[for="+id+"]")) {
				t.Errorf("control %s has no label", sel)
			}
		}
		for name, want := range map[string]int{"Status": len(domain.OrderStatuses), "OrderType": len(domain.OrderTypes), "CarrierID": 3, "BillProfileID": 2} {
			if got := len(form.FindAll("input[type=checkbox][name=" + name + "]")); got != want {
				t.Errorf("%d %s checkboxes, want %d (several at once)", got, name, want)
			}
		}
		if !form.Has("button[type=submit]") {
			t.Error("no submit button for searching without JavaScript")
		}
		// Newest first, with badges and links.
		if got, want := rowIDs(doc), []int64{n1.ID, s2.ID, s1.ID}; !slices.Equal(got, want) {
			t.Fatalf("rows %v, want %v (newest first)", got, want)
		}
		row, _ := doc.Find("#order-" + strconv.FormatInt(s2.ID, 10))
		if b, ok := row.Find(".sb-badge"); !ok || b.Text() != "Sent" {
			t.Errorf("row has no Sent badge: %s", row.HTML())
		}
		if !row.Has("a[href='" + orderPage(s2.ID) + "']") {
			t.Errorf("row does not link to the order: %s", row.HTML())
		}
		if !row.Has("a[href='/customers/" + strconv.FormatInt(fx.blue.ID, 10) + "']") {
			t.Errorf("row does not link to the customer: %s", row.HTML())
		}
		if a, ok := doc.Find("#order-results a[href^='/orders/export.csv']"); !ok {
			t.Error("no CSV export link")
		} else if a.Attr("href") != "/orders/export.csv" {
			t.Errorf("export link %q, want /orders/export.csv (no filters)", a.Attr("href"))
		}
	})

	t.Run("HTMX", func(t *testing.T) {
		res := support.Get("/orders?Status=NEW&TN=&PON=&Customer=", "HX-Request", "true")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		if !isFragment(res) {
			t.Fatal("an htmx request got the whole page, want the results alone")
		}
		doc := res.Doc()
		if !doc.Has("#order-results") || doc.Has("form#order-search") {
			t.Errorf("fragment is not the results alone: %s", res.Text)
		}
		if got, want := res.Header.Get("HX-Push-Url"), "/orders?Status=NEW"; got != want {
			t.Errorf("HX-Push-Url = %q, want %q (the search's own address, without empty filters)", got, want)
		}
		if sum, ok := doc.Find("#sum-Status[hx-swap-oob]"); !ok || sum.Text() != "New" {
			t.Errorf("the Status group's summary is not updated out of band: %s", res.Text)
		}
		if got, want := rowIDs(doc), []int64{n1.ID, s1.ID}; !slices.Equal(got, want) {
			t.Errorf("rows %v, want %v", got, want)
		}
	})

	search := func(t *testing.T, query string) webtest.Node {
		t.Helper()
		res := support.Get("/orders?" + query)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d: %s", query, res.StatusCode, res.Text)
		}
		return res.Doc()
	}
	cases := []struct {
		name, query string
		want        []int64
	}{
		{"SeveralStatuses", "Status=NEW&Status=SENT", []int64{n1.ID, s2.ID, s1.ID}},
		{"Status", "Status=SENT", []int64{s2.ID}},
		{"Type", "OrderType=SUSPEND", []int64{s2.ID, s1.ID}},
		{"SeveralTypes", "OrderType=SUSPEND&OrderType=NEW", []int64{n1.ID, s2.ID, s1.ID}},
		{"TNAsTyped", "TN=" + url.QueryEscape("(312) 555-0201"), []int64{s2.ID}},
		{"SeveralTNs", "TN=" + url.QueryEscape("3125550201, 312-555-0101"), []int64{s2.ID, s1.ID}},
		{"PON", "PON=" + strings.ToLower(s1.PON), []int64{s1.ID}},
		{"OrderID", "OrderID=" + strconv.FormatInt(s2.ID, 10), []int64{s2.ID}},
		{"CustomerID", "CustomerID=" + strconv.FormatInt(fx.blue.ID, 10), []int64{s2.ID}},
		{"CustomerName", "Customer=harbor", []int64{s2.ID}},
		{"Carrier", "CarrierID=" + strconv.FormatInt(fx.ref.VZW, 10), []int64{n1.ID, s2.ID, s1.ID}},
		{"OtherCarrier", "CarrierID=" + strconv.FormatInt(fx.ref.ATT, 10), nil},
		{"BillProfile", "BillProfileID=" + strconv.FormatInt(fx.ref.Consumer, 10), []int64{s2.ID}},
		{"WaitingForRoute", "RequiresRouteDecision=true", []int64{n1.ID}},
		{"NotWaitingForRoute", "RequiresRouteDecision=false", []int64{s2.ID, s1.ID}},
		{"Combined", "Status=NEW&Customer=" + strconv.FormatInt(fx.acme.ID, 10) + "&OrderType=SUSPEND", []int64{s1.ID}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := search(t, c.query)
			if got := rowIDs(doc); !slices.Equal(got, c.want) {
				t.Fatalf("%s: rows %v, want %v", c.query, got, c.want)
			}
			if len(c.want) == 0 && !doc.Has("#order-results .sb-empty") {
				t.Errorf("no empty-state message for a search that found nothing")
			}
		})
	}

	t.Run("FiltersKeptInTheForm", func(t *testing.T) {
		doc := search(t, "Status=NEW&Status=SENT&TN=3125550101&RequiresRouteDecision=false&ShowServiceDetails=true")
		for _, sel := range []string{"input[name=Status][value=NEW][checked]", "input[name=Status][value=SENT][checked]", "input[name=ShowServiceDetails][checked]", "select[name=RequiresRouteDecision] option[value=false][selected]", "input[name=TN][value=3125550101]"} {
			if !doc.Has(sel) {
				t.Errorf("the form does not keep %s", sel)
			}
		}
		if doc.Has("input[name=Status][value=HOLD][checked]") {
			t.Error("a status not searched for is checked")
		}
		a, _ := doc.Find("#order-results a[href^='/orders/export.csv']")
		if got, want := a.Attr("href"), "/orders/export.csv?RequiresRouteDecision=false&ShowServiceDetails=true&Status=NEW&Status=SENT&TN=3125550101"; got != want {
			t.Errorf("export link %q, want %q", got, want)
		}
		row, _ := doc.Find("#order-" + strconv.FormatInt(s1.ID, 10))
		if !strings.Contains(row.Text(), "(312) 555-0101") {
			t.Errorf("ShowServiceDetails: the row does not show its line: %s", row.HTML())
		}
	})

	t.Run("ErrIncompleteTN", func(t *testing.T) {
		res := support.Get("/orders?TN=312555")
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("status %d, want 422", res.StatusCode)
		}
		doc := res.Doc()
		in, _ := doc.Find("input[name=TN]")
		if in.Attr("aria-invalid") != "true" || in.Attr("value") != "312555" {
			t.Errorf("TN input %s: want aria-invalid and the value kept", in.HTML())
		}
		if msg, ok := doc.Find("#e-TN"); !ok || !strings.Contains(msg.Text(), "10 digits") {
			t.Errorf("no message beside the TN field: %s", msg.HTML())
		}
		if len(rowIDs(doc)) != 0 {
			t.Error("results shown for a filter that cannot be used")
		}
		// While typing (htmx), the message comes with the results and the form is left alone.
		res = support.Get("/orders?TN=312555", "HX-Request", "true")
		if res.StatusCode != http.StatusOK || !isFragment(res) {
			t.Fatalf("htmx: status %d, fragment %v", res.StatusCode, isFragment(res))
		}
		if alert, ok := res.Doc().Find("#order-results [role=status]"); !ok || !strings.Contains(alert.Text(), "10 digits") {
			t.Errorf("htmx: no message about the TN: %s", res.Text)
		}
	})

	t.Run("ErrUnknownCustomerName", func(t *testing.T) {
		doc := search(t, "Customer=Zebra")
		if len(rowIDs(doc)) != 0 || !strings.Contains(doc.Text(), "No customer matches") {
			t.Errorf("a customer name matching no one: %s", doc.Text())
		}
	})

	t.Run("HostileInputEscaped", func(t *testing.T) {
		res := support.Get("/orders?Customer=" + url.QueryEscape(hostileScript) + "&PON=" + url.QueryEscape(hostileImg))
		if strings.Contains(res.Text, hostileScript) || strings.Contains(res.Text, "<img src=x") {
			t.Fatalf("a hostile filter came back unescaped")
		}
	})

	t.Run("Anonymous", func(t *testing.T) {
		res := app.Anonymous().Get("/orders")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
			t.Errorf("status %d to %q, want a redirect to sign in", res.StatusCode, res.Header.Get("Location"))
		}
	})
}

// TestOrderSearchPaging walks the pages: "Next page" carries the cursor and
// the filters, and every order comes once.
func TestOrderSearchPaging(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	var want []int64
	for i := 0; i < 57; i++ {
		want = append(want, fxNewService(t, app, fx, fx.acme.ID, 0, "").ID)
	}
	fxSuspend(t, app, "3125550201") // another customer's: not in the search
	slices.Reverse(want)
	support := app.As(domain.RoleSupport)
	var got []int64
	path := "/orders?Customer=" + strconv.FormatInt(fx.acme.ID, 10)
	for pages := 0; path != ""; pages++ {
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		doc := support.Get(path).Doc()
		got = append(got, rowIDs(doc)...)
		next, ok := doc.Find("#order-results .sb-pager a[rel=next]")
		path = next.Attr("href")
		if ok && (!strings.Contains(path, "After=") || !strings.Contains(path, "Customer=")) {
			t.Fatalf("next page link %q lacks the cursor or the filters", path)
		}
		if pages > 0 && !doc.Has("#order-results a[href='/orders?Customer="+strconv.FormatInt(fx.acme.ID, 10)+"']") {
			t.Error("a later page has no way back to the first")
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("pages gave %d orders %v, want %d %v", len(got), got, len(want), want)
	}
}

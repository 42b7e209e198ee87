package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// isFragment reports whether an answer is a fragment, not a whole page.
func isFragment(res *webtest.Response) bool {
	t := strings.ToLower(res.Text)
	return !strings.Contains(t, "<html") && !strings.Contains(t, "<!doctype") && !strings.Contains(t, "<body")
}

func TestCustomerSearchPage(t *testing.T) {
	app := webtest.Open(t, nil)
	ref := seedCustRef(t, app)
	acme := fxCustomer(t, app, ref, "Acme Freight", "Chicago", "123456789")
	fxCustomer(t, app, ref, "Blue Harbor Dental", "Peoria", "")
	fxLine(t, app, ref, acme.ID, "3125550101", "Dispatch phone", domain.LineActive)
	fxLine(t, app, ref, acme.ID, "3125550102", "Driver 2", domain.LineSuspended)
	support := app.As(domain.RoleSupport)

	t.Run("Plain", func(t *testing.T) {
		res := support.Get("/customers")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, res.Text)
		}
		if isFragment(res) {
			t.Fatal("a plain request got a fragment, want the whole page")
		}
		if got := res.Header.Get("Vary"); !strings.Contains(got, "HX-Request") {
			t.Errorf("Vary = %q, want HX-Request", got)
		}
		doc := res.Doc()
		form, ok := doc.Find("form[method=get][action=/customers]")
		if !ok {
			t.Fatal("no plain GET search form (the page must work with JavaScript off)")
		}
		in, ok := form.Find("input[type=search][name=Search]")
		if !ok {
			t.Fatal("no search input named Search in the form")
		}
		for attr, want := range map[string]string{
			"hx-get":       "/customers",
			"hx-trigger":   "input changed delay:300ms, search",
			"hx-target":    "#customer-rows",
			"hx-push-url":  "true",
			"hx-indicator": "#customer-searching",
		} {
			if got := in.Attr(attr); got != want {
				t.Errorf("search input %s = %q, want %q", attr, got, want)
			}
		}
		if !form.Has("button[type=submit]") {
			t.Error("no submit button for searching without JavaScript")
		}
		if !doc.Has("#customer-searching.htmx-indicator") {
			t.Error("no htmx indicator")
		}
		rows := doc.FindAll("#customer-rows tbody tr")
		if got, want := len(rows), 2; got != want {
			t.Fatalf("%d rows, want %d", got, want)
		}
		first := rows[0]
		link, ok := first.Find("a[href='/customers/" + strconv.FormatInt(acme.ID, 10) + "']")
		if !ok || link.Text() != "Acme Freight" {
			t.Errorf("first row %s: want a link to Acme Freight", first.HTML())
		}
		if b, ok := first.Find(".sb-badge"); !ok || b.Text() != "Active" || b.Attr("title") != "ACTIVE" {
			t.Errorf("first row has no Active badge: %s", first.HTML())
		}
		text := first.Text()
		for _, want := range []string{strconv.FormatInt(acme.ID, 10), "Monthly Business", "Chicago, IL"} {
			if !strings.Contains(text, want) {
				t.Errorf("first row %q lacks %q", text, want)
			}
		}
		if cells := first.FindAll("td"); cells[len(cells)-1].Text() != "2" {
			t.Errorf("line count cell = %q, want 2", cells[len(cells)-1].Text())
		}
	})

	t.Run("HTMX", func(t *testing.T) {
		res := support.Get("/customers?Search=acme", "HX-Request", "true")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		if !isFragment(res) {
			t.Fatalf("an htmx request got the whole page: %.200s", res.Text)
		}
		doc := res.Doc()
		if !doc.Has("#customer-rows") {
			t.Fatal("fragment lacks #customer-rows (the swap target)")
		}
		if doc.Has("form") || doc.Has("header") {
			t.Error("fragment holds more than the rows")
		}
		if rows := doc.FindAll("#customer-rows tbody tr"); len(rows) != 1 || !strings.Contains(rows[0].Text(), "Acme Freight") {
			t.Errorf("rows = %d, want only Acme Freight", len(rows))
		}
	})

	t.Run("BoostedAndHistoryRestoreGetWholePage", func(t *testing.T) {
		for _, h := range []string{"HX-Boosted", "HX-History-Restore-Request"} {
			res := support.Get("/customers?Search=acme", "HX-Request", "true", h, "true")
			if isFragment(res) {
				t.Errorf("%s: got a fragment, want the whole page", h)
			}
		}
	})

	t.Run("SearchKeptInThePage", func(t *testing.T) {
		doc := support.Get("/customers?Search=" + url.QueryEscape("Blue")).Doc()
		in, _ := doc.Find("input[name=Search]")
		if got := in.Attr("value"); got != "Blue" {
			t.Errorf("search box value = %q, want Blue", got)
		}
		if rows := doc.FindAll("#customer-rows tbody tr"); len(rows) != 1 || !strings.Contains(rows[0].Text(), "Blue Harbor Dental") {
			t.Errorf("want only Blue Harbor Dental, got %d rows", len(rows))
		}
	})

	for name, search := range map[string]string{
		"ByNamePart":     "freig",
		"ByCustomerID":   strconv.FormatInt(acme.ID, 10),
		"ByTNPrefix":     "312555",
		"ByFormattedTN":  "(312) 555-01",
		"CaseIgnored":    "ACME",
		"ByWholeTN":      "3125550102",
		"ByDashedNumber": "312-555-0101",
	} {
		t.Run(name, func(t *testing.T) {
			doc := support.Get("/customers?Search=" + url.QueryEscape(search)).Doc()
			rows := doc.FindAll("#customer-rows tbody tr")
			if len(rows) != 1 || !strings.Contains(rows[0].Text(), "Acme Freight") {
				t.Errorf("Search=%q: %d rows, want Acme Freight alone", search, len(rows))
			}
		})
	}

	t.Run("NoMatch", func(t *testing.T) {
		doc := support.Get("/customers?Search=zzzz").Doc()
		if doc.Has("#customer-rows table") {
			t.Error("a table for no results")
		}
		if p, ok := doc.Find("#customer-rows .sb-empty"); !ok || !strings.Contains(p.Text(), "zzzz") {
			t.Error("no message naming the search that found nothing")
		}
	})

	t.Run("ErrBadCursor", func(t *testing.T) {
		if res := support.Get("/customers?After=not-a-cursor"); res.StatusCode != http.StatusBadRequest {
			t.Errorf("status %d, want 400", res.StatusCode)
		}
	})

	t.Run("SignedOut", func(t *testing.T) {
		res := app.Anonymous().Get("/customers")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
			t.Errorf("status %d Location %q, want a redirect to /login", res.StatusCode, res.Header.Get("Location"))
		}
	})
}

// TestCustomerSearchPaging follows the Next page links, plain and with htmx:
// every customer is listed exactly once, in name order.
func TestCustomerSearchPaging(t *testing.T) {
	app := webtest.Open(t, nil)
	ref := seedCustRef(t, app)
	const n = 123
	for i := range n {
		// Some share a name: the keyset must still list each one once.
		fxCustomer(t, app, ref, fmt.Sprintf("Paging Customer %03d", i%100), "Springfield", "")
	}
	support := app.As(domain.RoleSupport)
	for _, mode := range []string{"Plain", "HTMX"} {
		t.Run(mode, func(t *testing.T) {
			seen := map[string]bool{}
			var names []string
			next := "/customers?Search=paging"
			for pages := 0; next != ""; pages++ {
				if pages > 10 {
					t.Fatal("paging does not end")
				}
				var res *webtest.Response
				if mode == "HTMX" {
					res = support.Get(next, "HX-Request", "true")
				} else {
					res = support.Get(next)
				}
				doc := res.Doc()
				rows := doc.FindAll("#customer-rows tbody tr")
				if len(rows) > 50 {
					t.Fatalf("page of %d rows, want at most 50", len(rows))
				}
				for _, r := range rows {
					a, _ := r.Find("a")
					if seen[a.Attr("href")] {
						t.Fatalf("%s listed twice", a.Attr("href"))
					}
					seen[a.Attr("href")] = true
					names = append(names, a.Text())
				}
				next = ""
				if a, ok := doc.Find(".sb-pager a"); ok {
					next = a.Attr("href")
					if !strings.Contains(next, "Search=paging") {
						t.Errorf("Next page link %q loses the search", next)
					}
				}
			}
			if got := len(seen); got != n {
				t.Fatalf("%d customers listed, want %d", got, n)
			}
			for i := 1; i < len(names); i++ {
				if strings.ToLower(names[i-1]) > strings.ToLower(names[i]) {
					t.Fatalf("not in name order: %q before %q", names[i-1], names[i])
				}
			}
		})
	}
}

func TestCustomerShowPage(t *testing.T) {
	app := webtest.Open(t, nil)
	ref := seedCustRef(t, app)
	c := fxCustomer(t, app, ref, "Acme Freight", "Chicago", "531-04-6789")
	line1 := fxLine(t, app, ref, c.ID, "3125550101", "Dispatch phone", domain.LineActive)
	fxLine(t, app, ref, c.ID, "3125550102", "Driver 2", domain.LineSuspended)
	fxInventory(t, app, "89148000001234567890", domain.InventorySIM, c.ID, line1)
	fxInventory(t, app, "990001234567890", domain.InventoryDevice, c.ID, 0)
	fxInventory(t, app, "89148000009999999999", domain.InventorySIM, 0, 0) // not this customer's
	other := fxCustomer(t, app, ref, "Other Co", "Peoria", "")
	fxLine(t, app, ref, other.ID, "2175550199", "Not Acme's", domain.LineActive)
	path := "/customers/" + strconv.FormatInt(c.ID, 10)

	t.Run("Plain", func(t *testing.T) {
		res := app.As(domain.RoleSupport).Get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, res.Text)
		}
		if isFragment(res) {
			t.Fatal("a plain request got a fragment")
		}
		doc := res.Doc()
		if h1, _ := doc.Find("h1"); h1.Text() != "Acme Freight" {
			t.Errorf("h1 = %q", h1.Text())
		}
		body := doc.Text()
		for _, want := range []string{"Monthly Business", "100 N Main St", "Suite 4", "Chicago, IL 60601-1234", "USA", "Pat Lee", "•••••6789", "•••••4321"} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %q", want)
			}
		}
		for _, secret := range []string{"531046789", "531-04-6789", "987654321"} {
			if strings.Contains(res.Text, secret) {
				t.Errorf("page shows the secret %q in clear", secret)
			}
		}

		lines := doc.FindAll("#customer-lines tbody tr")
		if len(lines) != 2 {
			t.Fatalf("%d lines, want 2", len(lines))
		}
		if a, ok := lines[0].Find("a[href='/orders?TN=3125550101']"); !ok || !strings.Contains(a.Text(), "Orders") {
			t.Errorf("line row does not link to its orders: %s", lines[0].HTML())
		}
		l1 := lines[0].Text()
		for _, want := range []string{"(312) 555-0101", "Active", "Verizon Wireless", "VZW Business Unlimited", "Dispatch phone", "Unlimited Talk & Text", "$45.00 × 2", "Wireless Voice"} {
			if !strings.Contains(l1, want) {
				t.Errorf("line row %q lacks %q", l1, want)
			}
		}
		if !strings.Contains(lines[1].Text(), "Suspended") {
			t.Errorf("second line %q is not Suspended", lines[1].Text())
		}
		if strings.Contains(doc.Text(), "(217) 555-0199") {
			t.Error("another customer's line is shown")
		}

		inv := doc.FindAll("#customer-inventory tbody tr")
		if len(inv) != 2 {
			t.Fatalf("%d inventory rows, want 2", len(inv))
		}
		if got := inv[0].Text(); !strings.Contains(got, "89148000001234567890") || !strings.Contains(got, "SIM card") || !strings.Contains(got, "Assigned") || !strings.Contains(got, "(312) 555-0101") {
			t.Errorf("inventory row %q", got)
		}
		if strings.Contains(doc.Text(), "89148000009999999999") {
			t.Error("inventory of nobody is shown on the customer")
		}

		// The place for orders is there; support gets no order wizards.
		if !doc.Has("section#customer-orders #customer-orders-list") {
			t.Error("no orders section")
		}
		if doc.Has("#customer-order-actions") {
			t.Error("support is offered the order wizards")
		}
	})

	t.Run("RepGetsOrderWizards", func(t *testing.T) {
		doc := app.As(domain.RoleRep).Get(path).Doc()
		id := strconv.FormatInt(c.ID, 10)
		for _, href := range []string{"/orders/new?CustomerID=" + id, "/orders/create?CustomerID=" + id} {
			if !doc.Has("#customer-order-actions a[href='" + href + "']") {
				t.Errorf("no link to %s", href)
			}
		}
	})

	t.Run("HTMX", func(t *testing.T) {
		res := app.As(domain.RoleSupport).Get(path, "HX-Request", "true")
		if res.StatusCode != http.StatusOK || !isFragment(res) {
			t.Fatalf("status %d, fragment %v", res.StatusCode, isFragment(res))
		}
		doc := res.Doc()
		if !doc.Has("#customer #customer-lines") || doc.Has("header.sb-top") {
			t.Error("fragment is not the customer's content alone")
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		support := app.As(domain.RoleSupport)
		for _, p := range []string{"/customers/999999", "/customers/abc", "/customers/-1"} {
			res := support.Get(p)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", p, res.StatusCode)
			}
			if isFragment(res) {
				t.Errorf("%s: the 404 is not a whole page", p)
			}
		}
	})

	t.Run("NoLines", func(t *testing.T) {
		empty := fxCustomer(t, app, ref, "Empty Inc", "Peoria", "")
		doc := app.As(domain.RoleSupport).Get("/customers/" + strconv.FormatInt(empty.ID, 10)).Doc()
		if !doc.Has("#customer-lines .sb-empty") || !doc.Has("#customer-inventory .sb-empty") {
			t.Error("no 'none yet' messages for a customer with nothing")
		}
		if strings.Contains(doc.Text(), "SSN •") {
			t.Error("an SSN is shown for a customer without one")
		}
	})
}

// TestCustomerPagesEscapeHostileText puts script in every free-text field
// and checks it comes back as text, never as markup.
func TestCustomerPagesEscapeHostileText(t *testing.T) {
	app := webtest.Open(t, nil)
	ref := seedCustRef(t, app)
	c := &domain.Customer{Name: hostileScript, BillProfileID: ref.Business,
		ServiceAddress: domain.Address{FirstName: hostileImg, LastName: hostileScript, Address1: hostileImg, Address2: hostileScript, City: hostileImg, State: "IL", Zip: "60601"}}
	if err := app.DB.CreateCustomer(t.Context(), c); err != nil {
		t.Fatal(err)
	}
	fxLine(t, app, ref, c.ID, "3125550101", hostileImg, domain.LineActive)
	fxInventory(t, app, hostileScript, domain.InventoryGeneral, c.ID, 0)
	support := app.As(domain.RoleSupport)
	for _, p := range []string{
		"/customers",
		"/customers?Search=" + url.QueryEscape(hostileScript),
		"/customers?Search=" + url.QueryEscape(hostileImg),
		"/customers/" + strconv.FormatInt(c.ID, 10),
	} {
		for _, hx := range []bool{false, true} {
			var res *webtest.Response
			if hx {
				res = support.Get(p, "HX-Request", "true")
			} else {
				res = support.Get(p)
			}
			assertNoInjectedMarkup(t, p, res)
		}
	}
	doc := support.Get("/customers/" + strconv.FormatInt(c.ID, 10)).Doc()
	if h1, _ := doc.Find("h1"); h1.Text() != hostileScript {
		t.Errorf("h1 = %q, want the name shown as text", h1.Text())
	}
	if !strings.Contains(doc.Text(), hostileImg) {
		t.Error("the description is not shown as text")
	}
}

// assertNoInjectedMarkup fails if a hostile string became markup: a script
// with alert(1), an img, or an onerror attribute anywhere.
func assertNoInjectedMarkup(t *testing.T, what string, res *webtest.Response) {
	t.Helper()
	if res.StatusCode >= 500 {
		t.Errorf("%s: status %d", what, res.StatusCode)
	}
	doc := res.Doc()
	for _, s := range doc.FindAll("script") {
		if strings.Contains(s.Text(), "alert") {
			t.Errorf("%s: injected script element", what)
		}
	}
	if doc.Has("img[onerror]") || doc.Has("img[src=x]") || doc.Has("[onerror]") {
		t.Errorf("%s: injected img/onerror", what)
	}
	if strings.Contains(res.Text, "<script>alert") || strings.Contains(res.Text, "<img src=x") {
		t.Errorf("%s: hostile text not escaped", what)
	}
}

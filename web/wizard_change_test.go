package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/web/webtest"
)

// activeWirelessLine finds a customer's ACTIVE wireless line with no open
// order on it in the demo data, skipping the customers in skip.
func activeWirelessLine(t *testing.T, app *webtest.App, skip map[int64]bool) (*domain.Customer, *domain.Line) {
	t.Helper()
	ctx := context.Background()
	carriers, err := app.DB.FindCarriers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wireless := map[int64]bool{}
	for _, c := range carriers {
		wireless[c.ID] = c.Wireless
	}
	cs, _, err := app.DB.FindCustomers(ctx, domain.CustomerFilter{Page: domain.Page{Limit: 200}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if skip[c.ID] || c.Status != domain.CustomerActive {
			continue
		}
		ls, err := app.DB.FindCustomerLines(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			if l.Status != domain.LineActive || !wireless[l.CarrierID] || len(l.Products) == 0 {
				continue
			}
			if os, err := app.DB.FindOpenOrdersOnLine(ctx, l.ID); err == nil && len(os) == 0 {
				return c, l
			}
		}
	}
	t.Fatal("no ACTIVE wireless line without open orders in the demo data")
	return nil, nil
}

// completeOrders completes orders by hand, as the provider's answer would.
func completeOrders(t *testing.T, app *webtest.App, ids ...int64) {
	t.Helper()
	ctx := domain.NewContextWithUser(context.Background(), app.Users[domain.RoleSupervisor])
	for _, id := range ids {
		if _, err := app.DB.UpdateOrder(ctx, id, &domain.OrderUpdateInput{Status: domain.OrderComplete}, nil); err != nil {
			t.Fatalf("complete order %d: %v", id, err)
		}
	}
}

// ordersOnLine lists the ids of the orders touching a line, newest first.
func ordersOnLine(t *testing.T, app *webtest.App, lineID int64) []int64 {
	t.Helper()
	var ids []int64
	if err := app.DB.R.SelectContext(context.Background(), &ids, app.DB.R.Rebind(
		`SELECT DISTINCT order_id FROM order_items WHERE line_id = ? ORDER BY order_id DESC`), lineID); err != nil {
		t.Fatal(err)
	}
	return ids
}

// startOrders starts a change-service draft for kind and customer and
// returns its address.
func startOrders(t *testing.T, c *webtest.Client, kind string, customerID int64) string {
	t.Helper()
	res := c.PostForm("/orders/create", url.Values{"Kind": {kind}, "CustomerID": {itoa(customerID)}, "action": {"next"}})
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "/customer") {
		t.Fatalf("start %s: status %d to %q", kind, res.StatusCode, loc)
	}
	base := strings.TrimSuffix(loc, "/customer")
	step(t, c, base, "customer", url.Values{"CustomerID": {itoa(customerID)}}, "")
	return base
}

// step posts a step with Next and checks it goes on to want ("" for any).
func step(t *testing.T, c *webtest.Client, base, name string, form url.Values, want string) *webtest.Response {
	t.Helper()
	res := c.PostForm(base+"/"+name, with(form, "action", "next"))
	if res.StatusCode != http.StatusSeeOther || (want != "" && res.Header.Get("Location") != base+"/"+want) {
		t.Fatalf("POST %s: status %d to %q, want 303 to %s: %s", name, res.StatusCode, res.Header.Get("Location"), want, errorsIn(res))
	}
	return res
}

func TestChangeServiceWizard(t *testing.T) {
	app := webtest.OpenDemo(t)
	rep := app.As(domain.RoleRep)
	used := map[int64]bool{}

	t.Run("SuspendThenRestore", func(t *testing.T) {
		cust, line := activeWirelessLine(t, app, used)
		used[cust.ID] = true
		base := startOrders(t, rep, "Suspend", cust.ID)
		doc := rep.Get(base + "/lines").Doc()
		in, ok := doc.Find("input[name=LineID][value='" + itoa(line.ID) + "']")
		if !ok || in.HasAttr("disabled") {
			t.Fatalf("the ACTIVE line is not offered for a suspend: %s", in.HTML())
		}
		step(t, rep, base, "lines", url.Values{"LineID": {itoa(line.ID)}}, "details")

		doc = rep.Get(base + "/details").Doc()
		if doc.Has("input[name=SuspendType][value=OUTGOING]") {
			t.Error("OUTGOING suspend is offered for a wireless line")
		}
		if in, _ := doc.Find("input[name=FlowThrough]"); !in.HasAttr("checked") {
			t.Error("flow-through is not on by default")
		}
		// OUTGOING posted anyway is refused by the rules, beside the field.
		res := rep.PostForm(base+"/details", url.Values{"SuspendType": {"OUTGOING"}, "FlowThrough": {"true"}, "action": {"next"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("OUTGOING for wireless: status %d, want 422", res.StatusCode)
		}
		if n, ok := res.Doc().Find("[id=e-SuspendType]"); !ok || !strings.Contains(n.Text(), "A wireless line cannot have only its outgoing calls suspended") {
			t.Errorf("SuspendType error %q", n.Text())
		}
		before := len(ordersOnLine(t, app, line.ID))
		step(t, rep, base, "details", url.Values{"SuspendType": {"ALL"}, "FlowThrough": {"true"}, "ProcessID": {""}}, "review")
		doc = rep.Get(base + "/review").Doc()
		if got := doc.Text(); !strings.Contains(got, "The order to be created") || !strings.Contains(got, "suspend line "+itoa(line.ID)) {
			t.Errorf("the review does not show the planned order: %s", got)
		}
		if len(ordersOnLine(t, app, line.ID)) != before {
			t.Fatal("the review wrote an order")
		}
		res = rep.PostForm(base+"/submit", url.Values{})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != base+"/result" {
			t.Fatalf("submit: %d %q: %s", res.StatusCode, res.Header.Get("Location"), errorsIn(res))
		}
		rep.PostForm(base+"/submit", url.Values{}) // a double click
		ids := ordersOnLine(t, app, line.ID)
		if len(ids) != before+1 {
			t.Fatalf("%d orders on the line after submitting twice, want %d", len(ids), before+1)
		}
		doc = rep.Get(base + "/result").Doc()
		if !doc.Has("#wizard article a[href='/orders/" + itoa(ids[0]) + "']") {
			t.Errorf("the result does not link to order %d: %s", ids[0], doc.Text())
		}
		completeOrders(t, app, ids[0])

		// The line is SUSPENDED now: a restore offers it, a suspend does not.
		base = startOrders(t, rep, "Suspend", cust.ID)
		in, _ = rep.Get(base + "/lines").Doc().Find("input[name=LineID][value='" + itoa(line.ID) + "']")
		if !in.HasAttr("disabled") {
			t.Error("a SUSPENDED line is offered for another suspend")
		}
		base = startOrders(t, rep, "Restore", cust.ID)
		doc = rep.Get(base + "/lines").Doc()
		in, _ = doc.Find("input[name=LineID][value='" + itoa(line.ID) + "']")
		if in.HasAttr("disabled") {
			t.Fatalf("the SUSPENDED line is not offered for a restore: %s", in.HTML())
		}
		step(t, rep, base, "lines", url.Values{"LineID": {itoa(line.ID)}}, "details")
		step(t, rep, base, "details", url.Values{"FlowThrough": {"true"}}, "review")
		if res := rep.PostForm(base+"/submit", url.Values{}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("restore submit: %d: %s", res.StatusCode, errorsIn(res))
		}
		ids = ordersOnLine(t, app, line.ID)
		o, err := app.DB.FindOrderByID(context.Background(), ids[0])
		if err != nil || o.Type != domain.TypeRestore {
			t.Fatalf("newest order on the line: %+v, %v", o, err)
		}
	})

	t.Run("DisabledWithReason", func(t *testing.T) {
		cust, line := activeWirelessLine(t, app, used)
		used[cust.ID] = true
		base := startOrders(t, rep, "Restore", cust.ID)
		doc := rep.Get(base + "/lines").Doc()
		in, ok := doc.Find("input[name=LineID][value='" + itoa(line.ID) + "']")
		if !ok || !in.HasAttr("disabled") {
			t.Fatalf("an ACTIVE line is offered for a restore: %s", in.HTML())
		}
		why, ok := doc.Find("[id='" + in.Attr("aria-describedby") + "']")
		if !ok || why.Text() != "Only a suspended line can be restored; this one is active." {
			t.Errorf("reason %q", why.Text())
		}
		// Posting it anyway is refused with the rule's message, nothing written.
		before := len(ordersOnLine(t, app, line.ID))
		res := rep.PostForm(base+"/lines", url.Values{"LineID": {itoa(line.ID)}, "action": {"next"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorsIn(res), "Only a suspended line can be restored") {
			t.Fatalf("restore of an ACTIVE line: status %d: %s", res.StatusCode, errorsIn(res))
		}
		if len(ordersOnLine(t, app, line.ID)) != before {
			t.Fatal("a refused step wrote an order")
		}
	})

	t.Run("ChangeProducts", func(t *testing.T) {
		cust, line := activeWirelessLine(t, app, used)
		used[cust.ID] = true
		base := startOrders(t, rep, "Change", cust.ID)
		step(t, rep, base, "lines", url.Values{"LineIDs": {itoa(line.ID)}}, "details")
		cp := line.Products[0]
		field := "Lines[0].Product." + itoa(cp.ID) + "."
		doc := rep.Get(base + "/details").Doc()
		if _, ok := byAttr(doc, "select", "name", field+"Action"); !ok {
			t.Fatalf("the line's product %d has no action: %s", cp.ID, doc.Text())
		}
		res := rep.PostForm(base+"/details", url.Values{"BillingOption": {"PRORATE"}, "Lines[0].Mode": {"change"},
			field + "Action": {"change"}, field + "Rate": {""}, field + "Quantity": {"0"}, "action": {"next"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("quantity 0: status %d", res.StatusCode)
		}
		if n, ok := byAttr(res.Doc(), "small", "id", "e-"+field+"Quantity"); !ok || !strings.Contains(n.Text(), "The quantity must be from 1 to") {
			t.Errorf("quantity error beside the field: %q (all: %s)", n.Text(), errorsIn(res))
		}
		step(t, rep, base, "details", url.Values{"BillingOption": {"PRORATE"}, "Lines[0].Mode": {"change"},
			field + "Action": {"change"}, field + "Quantity": {"3"}}, "review")
		// Back keeps what was entered.
		res = rep.PostForm(base+"/review", url.Values{"action": {"back"}})
		if res.Header.Get("Location") != base+"/details" {
			t.Fatalf("back from the review went to %q", res.Header.Get("Location"))
		}
		doc = rep.Get(base + "/details").Doc()
		if in, _ := byAttr(doc, "input", "name", field+"Quantity"); in.Attr("value") != "3" {
			t.Errorf("quantity after back: %q", in.Attr("value"))
		}
		if res := rep.PostForm(base+"/submit", url.Values{}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("change submit: %d: %s", res.StatusCode, errorsIn(res))
		}
	})

	t.Run("ConcurrentSubmit", func(t *testing.T) {
		cust, line := activeWirelessLine(t, app, used)
		used[cust.ID] = true
		base := startOrders(t, rep, "Disconnect", cust.ID)
		step(t, rep, base, "lines", url.Values{"LineID": {itoa(line.ID)}}, "details")
		step(t, rep, base, "details", url.Values{"InventoryItemStatus": {"AVAILABLE"}, "FlowThrough": {"true"}}, "review")
		before := len(ordersOnLine(t, app, line.ID))
		var wg sync.WaitGroup
		for range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if res := rep.PostForm(base+"/submit", url.Values{}); res.StatusCode != http.StatusSeeOther {
					t.Errorf("concurrent submit: status %d", res.StatusCode)
				}
			}()
		}
		wg.Wait()
		if got := len(ordersOnLine(t, app, line.ID)); got != before+1 {
			t.Fatalf("6 concurrent submits made %d orders, want 1", got-before)
		}
	})

	t.Run("HTMX", func(t *testing.T) {
		cust, _ := activeWirelessLine(t, app, used)
		hx := []string{"HX-Request", "true", "HX-Target", "wizard"}
		res := rep.PostForm("/orders/create", url.Values{"Kind": {"AddLine"}, "CustomerID": {itoa(cust.ID)}, "action": {"next"}}, hx...)
		if res.StatusCode != http.StatusOK || !isFragment(res) || !strings.HasSuffix(res.Header.Get("HX-Push-Url"), "/customer") {
			t.Fatalf("htmx start: %d, push %q", res.StatusCode, res.Header.Get("HX-Push-Url"))
		}
		base := strings.TrimSuffix(res.Header.Get("HX-Push-Url"), "/customer")
		res = rep.PostForm(base+"/customer", url.Values{"CustomerID": {itoa(cust.ID)}, "action": {"next"}}, hx...)
		if !strings.HasSuffix(res.Header.Get("HX-Push-Url"), "/details") {
			t.Fatalf("AddLine goes from the customer to %q, want the new lines (no lines step)", res.Header.Get("HX-Push-Url"))
		}
		res = rep.PostForm(base+"/details", url.Values{"BillingOption": {"PRORATE"}, "Lines[0].PackageID": {""}, "Lines[0].TN": {"12"}, "action": {"next"}}, hx...)
		if res.StatusCode != http.StatusUnprocessableEntity || !isFragment(res) {
			t.Fatalf("bad new line: %d", res.StatusCode)
		}
		if n, ok := byAttr(res.Doc(), "small", "id", "e-Lines[0].TN"); !ok || !strings.Contains(n.Text(), "Enter the phone number as 10 digits.") {
			t.Errorf("TN error %q: %s", n.Text(), errorsIn(res))
		}
		if sel, _ := byAttr(res.Doc(), "select", "name", "Lines[0].PackageID"); sel.Attr("aria-invalid") != "true" {
			t.Errorf("the package of the new line is not marked: %s", errorsIn(res))
		}
		// Nothing typed at all: the one line shown asks for its package.
		res = rep.PostForm(base+"/details", url.Values{"BillingOption": {"PRORATE"}, "Lines[0].PackageID": {""}, "Lines[0].TN": {""}, "action": {"next"}})
		if n, ok := byAttr(res.Doc(), "small", "id", "e-Lines[0].PackageID"); res.StatusCode != http.StatusUnprocessableEntity || !ok || n.Text() != "Choose a package for the new line." {
			t.Errorf("empty AddLine: status %d, error %q (all: %s)", res.StatusCode, n.Text(), errorsIn(res))
		}
	})

	t.Run("Preselected", func(t *testing.T) {
		cust, _ := activeWirelessLine(t, app, used)
		doc := rep.Get("/orders/create?Kind=Restore&CustomerID=" + itoa(cust.ID)).Doc()
		if in, _ := doc.Find("input[name=Kind][value=Restore]"); !in.HasAttr("checked") {
			t.Error("?Kind=Restore does not choose it")
		}
		if in, _ := doc.Find("input[type=hidden][name=CustomerID]"); in.Attr("value") != itoa(cust.ID) {
			t.Error("?CustomerID= is not carried")
		}
		if res := app.As(domain.RoleSupport).Get("/orders/create"); res.StatusCode != http.StatusForbidden {
			t.Errorf("support: status %d, want 403", res.StatusCode)
		}
	})
}

// byAttr finds the first tag whose attribute is value (for values the
// selector helper cannot spell, such as names with brackets).
func byAttr(doc webtest.Node, tag, attr, value string) (webtest.Node, bool) {
	for _, n := range doc.FindAll(tag) {
		if n.Attr(attr) == value {
			return n, true
		}
	}
	return webtest.Node{}, false
}

// TestChangeServiceAddLineFields walks AddLine's every input: each bad one is
// refused beside its field with nothing written, and a good line carries its
// account, Alt BTN and PBX fields into the order and the new line.
func TestChangeServiceAddLineFields(t *testing.T) {
	app := webtest.OpenDemo(t)
	rep := app.As(domain.RoleRep)
	ctx := context.Background()
	cust, btn := activeWirelessLine(t, app, nil)
	other, otherLine := activeWirelessLine(t, app, map[int64]bool{cust.ID: true})
	_ = other

	pkgs, err := app.DB.FindPackages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var pkg *domain.Package
	for _, p := range pkgs {
		if p.CarrierID == btn.CarrierID {
			pkg = p
			break
		}
	}
	accts, err := app.DB.FindCarrierAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var def, second, foreign *domain.CarrierAccount
	for _, a := range accts {
		switch {
		case a.CarrierID == pkg.CarrierID && a.Default:
			def = a
		case a.CarrierID == pkg.CarrierID && second == nil:
			second = a
		case a.CarrierID != pkg.CarrierID && foreign == nil:
			foreign = a
		}
	}
	if pkg == nil || def == nil || second == nil || foreign == nil {
		t.Fatalf("demo data: package %v, accounts %v %v %v", pkg, def, second, foreign)
	}
	ps, err := app.DB.FindProducts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var prod, plain *domain.Product
	for _, p := range ps {
		if p.CarrierID != nil && *p.CarrierID == pkg.CarrierID {
			if p.Provisionable && prod == nil {
				prod = p
			}
			if !p.Provisionable && plain == nil {
				plain = p
			}
		}
	}
	if prod == nil || plain == nil {
		t.Fatal("demo data: no provisionable and plain products of the package's carrier")
	}

	base := startOrders(t, rep, "AddLine", cust.ID)
	// The package chosen, its carrier's accounts are offered with the default
	// preselected and labelled so; Alt BTNs are the customer's own lines.
	res := rep.PostForm(base+"/details", url.Values{"BillingOption": {"PRORATE"}, "Lines[0].PackageID": {itoa(pkg.ID)}, "action": {"refresh"}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("refresh: %d", res.StatusCode)
	}
	doc := rep.Get(base + "/details").Doc()
	sel, ok := byAttr(doc, "select", "name", "Lines[0].CarrierAccountID")
	if !ok {
		t.Fatal("no carrier account choice")
	}
	for _, o := range sel.FindAll("option") {
		if o.Attr("value") == itoa(foreign.ID) {
			t.Errorf("another carrier's account %d is offered", foreign.ID)
		}
		if o.Attr("value") == itoa(def.ID) && (!o.HasAttr("selected") || !strings.Contains(o.Text(), "default")) {
			t.Errorf("default account option %q is not preselected and labelled default", o.HTML())
		}
	}
	alt, _ := byAttr(doc, "select", "name", "Lines[0].AltBTNID")
	if !strings.Contains(alt.HTML(), "value=\""+itoa(btn.ID)+"\"") || strings.Contains(alt.HTML(), "value=\""+itoa(otherLine.ID)+"\"") {
		t.Errorf("Alt BTN choices: %s", alt.HTML())
	}
	for _, l := range []string{"TN", "PackageID", "CarrierID", "CarrierAccountID", "AltBTNID", "Description", "PBXMake", "PBXModel", "LineTypeID", "Products[0].ProductID", "Products[0].Rate", "Products[0].Quantity"} {
		if _, ok := byAttr(doc, "", "name", "Lines[0]."+l); !ok {
			if _, ok := byAttr(doc, "input", "name", "Lines[0]."+l); !ok {
				if _, ok := byAttr(doc, "select", "name", "Lines[0]."+l); !ok {
					t.Errorf("no field Lines[0].%s", l)
				}
			}
		}
	}

	// The service type follows the package: its own, said, not offered in a list.
	if in, ok := byAttr(doc, "input", "name", "Lines[0].LineTypeID"); !ok || pkg.LineTypeID == nil || in.Attr("type") != "hidden" || in.Attr("value") != itoa(*pkg.LineTypeID) {
		t.Errorf("the new line's service type is not the package's: %s", in.HTML())
	}
	if set, _ := doc.Find("#new-line-0 .sb-set-by"); !strings.Contains(set.Text(), "Set by the package") {
		t.Errorf("the new line's service type is not explained: %q", set.Text())
	}
	sts, err := app.DB.FindServiceTypes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wireline := ""
	for _, s := range sts {
		if !s.Wireless {
			wireline = itoa(s.ID)
		}
	}

	good := url.Values{"BillingOption": {"NEXT_CYCLE"}, "Lines[0].PackageID": {itoa(pkg.ID)}, "Lines[0].CarrierAccountID": {itoa(second.ID)},
		"Lines[0].AltBTNID": {itoa(btn.ID)}, "Lines[0].PBXMake": {"Avaya"}, "Lines[0].PBXModel": {"IP Office 500"},
		"Lines[0].Description": {"Front desk"}, "Lines[0].Products[0].ProductID": {itoa(plain.ID)},
		"Lines[0].Products[0].Rate": {"-2.50"}, "Lines[0].Products[0].Quantity": {"2"}}
	long := strings.Repeat("x", domain.MaxPBX+1)
	before := countOrders(t, app, cust.ID)
	for _, tc := range []struct{ name, field, value, want string }{
		{"carrier not the package's", "CarrierID", itoa(foreign.CarrierID), "Not the package's carrier"},
		{"account of another carrier", "CarrierAccountID", itoa(foreign.ID), "choose one of"},
		{"account unknown", "CarrierAccountID", "999999", "is not there any more"},
		{"account not a number", "CarrierAccountID", "abc", "Choose a carrier account from the list."},
		{"Alt BTN of another customer", "AltBTNID", itoa(otherLine.ID), "belongs to another customer"},
		{"PBX make too long", "PBXMake", long, "Keep the PBX make to 60 characters"},
		{"PBX model too long", "PBXModel", long, "Keep the PBX model to 60 characters"},
		{"service type unknown", "LineTypeID", "999999", "is not there any more"},
		{"service type not the package's", "LineTypeID", wireline, "choose that service type"},
		{"rate not money", "Products[0].Rate", "lots", ""},
		{"quantity 0", "Products[0].Quantity", "0", "The quantity must be from 1 to"},
		{"no package, no carrier", "PackageID", "", "Choose a carrier"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := with(good, "Lines[0]."+tc.field, tc.value, "action", "next")
			res := rep.PostForm(base+"/details", form)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			field := "Lines[0]." + tc.field
			if tc.field == "PackageID" {
				field = "Lines[0].CarrierID"
			}
			n, ok := byAttr(res.Doc(), "small", "id", "e-"+field)
			if !ok || !strings.Contains(strings.ToLower(n.Text()), strings.ToLower(tc.want)) {
				t.Errorf("error beside %s: %q, want %q (all: %s)", field, n.Text(), tc.want, errorsIn(res))
			}
		})
	}
	t.Run("no package and no provisionable product", func(t *testing.T) {
		form := with(good, "Lines[0].PackageID", "", "Lines[0].CarrierID", itoa(pkg.CarrierID), "action", "next")
		res := rep.PostForm(base+"/details", form)
		n, ok := byAttr(res.Doc(), "small", "id", "e-Lines[0].PackageID")
		if res.StatusCode != http.StatusUnprocessableEntity || !ok || !strings.Contains(n.Text(), "provisionable product") {
			t.Errorf("status %d, error %q (all: %s)", res.StatusCode, n.Text(), errorsIn(res))
		}
		// With a provisionable product the line needs no package.
		form = with(form, "Lines[0].Products[1].ProductID", itoa(prod.ID), "Lines[0].Products[1].Rate", "", "Lines[0].Products[1].Quantity", "")
		if res := rep.PostForm(base+"/details", form); res.StatusCode != http.StatusSeeOther {
			t.Errorf("no package with a provisionable product: status %d: %s", res.StatusCode, errorsIn(res))
		}
	})
	if got := countOrders(t, app, cust.ID); got != before {
		t.Fatalf("refused steps wrote %d orders", got-before)
	}

	// Another line keeps everything typed for the first, and has choices of its own.
	res = rep.PostForm(base+"/details", with(good, "action", "add-line"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("add another line: status %d", res.StatusCode)
	}
	doc = res.Doc()
	for name, want := range map[string]string{"Lines[0].PBXMake": "Avaya", "Lines[0].PBXModel": "IP Office 500", "Lines[0].Description": "Front desk"} {
		if in, _ := byAttr(doc, "input", "name", name); in.Attr("value") != want {
			t.Errorf("after adding a line %s = %q, want %q", name, in.Attr("value"), want)
		}
	}
	if sel, _ := byAttr(doc, "select", "name", "Lines[0].CarrierAccountID"); !strings.Contains(sel.HTML(), `value="`+itoa(second.ID)+`" selected`) {
		t.Errorf("after adding a line the first line's account is not kept: %s", sel.HTML())
	}
	if _, ok := byAttr(doc, "select", "name", "Lines[1].AltBTNID"); !ok {
		t.Error("the second line has no Alt BTN choice")
	}
	step(t, rep, base, "details", good, "review")
	review := rep.Get(base + "/review")
	for _, want := range []string{"Avaya", "IP Office 500", second.Name, views.FormatTN(btn.TN)} {
		if !strings.Contains(review.Doc().Text(), want) {
			t.Errorf("the review does not show %q", want)
		}
	}
	if res := rep.PostForm(base+"/submit", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("submit: %d: %s", res.StatusCode, errorsIn(res))
	}
	if got := countOrders(t, app, cust.ID); got != before+1 {
		t.Fatalf("submit made %d orders, want 1", got-before)
	}
	var oid int64
	if err := app.DB.R.GetContext(ctx, &oid, app.DB.R.Rebind(`SELECT MAX(id) FROM orders WHERE customer_id = ?`), cust.ID); err != nil {
		t.Fatal(err)
	}
	o, err := app.DB.FindOrderByID(ctx, oid)
	if err != nil {
		t.Fatal(err)
	}
	if o.Type != domain.TypeAddLine || o.CarrierAccountID != second.ID || o.BillingOption != "NEXT_CYCLE" || len(o.Items) != 1 {
		t.Fatalf("order: type %s, account %d, billing %s, %d items", o.Type, o.CarrierAccountID, o.BillingOption, len(o.Items))
	}
	it := o.Items[0]
	if it.AltBTNID == nil || *it.AltBTNID != btn.ID || it.PBXMake != "Avaya" || it.PBXModel != "IP Office 500" || it.CarrierAccountID != second.ID {
		t.Errorf("item: alt BTN %v, PBX %q %q, account %d", it.AltBTNID, it.PBXMake, it.PBXModel, it.CarrierAccountID)
	}
	found := false
	for _, op := range it.Products {
		if op.ProductID == plain.ID && op.Quantity == 2 && op.Rate.Dollars() == "-$2.50" {
			found = true
		}
	}
	if !found {
		t.Errorf("the product with its rate and quantity is not on the order: %+v", it.Products)
	}
	if it.LineID != 0 {
		l, err := app.DB.FindLineByID(ctx, it.LineID)
		if err != nil {
			t.Fatal(err)
		}
		if l.AltBTNID == nil || *l.AltBTNID != btn.ID || l.PBXMake != "Avaya" || l.CarrierAccountID != second.ID || l.Description != "Front desk" {
			t.Errorf("new line: alt BTN %v, PBX %q, account %d, description %q", l.AltBTNID, l.PBXMake, l.CarrierAccountID, l.Description)
		}
	}
}

// TestChangeServiceChangeProductsPerLine: Change offers each line its own
// carrier's products, not those of every chosen line.
func TestChangeServiceChangeProductsPerLine(t *testing.T) {
	app := webtest.OpenDemo(t)
	rep := app.As(domain.RoleRep)
	ctx := context.Background()
	cust, line := activeWirelessLine(t, app, nil)
	base := startOrders(t, rep, "Change", cust.ID)
	step(t, rep, base, "lines", url.Values{"LineIDs": {itoa(line.ID)}}, "details")
	ps, err := app.DB.FindProducts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	carrierOf := map[string]*int64{}
	foreign := false
	for _, p := range ps {
		carrierOf[itoa(p.ID)] = p.CarrierID
		foreign = foreign || p.CarrierID != nil && *p.CarrierID != line.CarrierID
	}
	if !foreign {
		t.Skip("demo data: every product is of the line's carrier")
	}
	doc := rep.Get(base + "/details").Doc()
	sel, ok := byAttr(doc, "select", "name", "Lines[0].Change.Products.Add[0].ProductID")
	if !ok {
		t.Fatal("no product to add")
	}
	n := 0
	for _, o := range sel.FindAll("option") {
		v := o.Attr("value")
		if v == "" {
			continue
		}
		n++
		if c := carrierOf[v]; c != nil && *c != line.CarrierID {
			t.Errorf("product %s of carrier %d offered for a line of carrier %d", v, *c, line.CarrierID)
		}
	}
	if n == 0 {
		t.Error("no product offered")
	}
}

// TestChangeServiceDisconnectBusyAccount: a customer some of whose lines
// have open orders can still be chosen for a disconnect (of one of its
// other lines); choosing the whole account says, on the lines step, which
// lines stop it.
func TestChangeServiceDisconnectBusyAccount(t *testing.T) {
	app := webtest.OpenDemo(t)
	rep := app.As(domain.RoleRep)
	ctx := context.Background()
	cs, _, err := app.DB.FindCustomers(ctx, domain.CustomerFilter{Page: domain.Page{Limit: 200}})
	if err != nil {
		t.Fatal(err)
	}
	var cust *domain.Customer
	var busy *domain.Line
	for _, c := range cs {
		if c.Status != domain.CustomerActive {
			continue
		}
		ls, err := app.DB.FindCustomerLines(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			if os, err := app.DB.FindOpenOrdersOnLine(ctx, l.ID); err == nil && len(os) > 0 && l.Status != domain.LineDisconnected {
				cust, busy = c, l
				break
			}
		}
		if cust != nil {
			break
		}
	}
	if cust == nil {
		t.Skip("demo data: no customer with an open order on a line")
	}
	base := startOrders(t, rep, "Disconnect", cust.ID) // the customer step goes on to the lines
	res := rep.PostForm(base+"/lines", url.Values{"LineID": {"all"}, "action": {"next"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("whole account with open orders: status %d", res.StatusCode)
	}
	if n, ok := byAttr(res.Doc(), "small", "id", "e-CustomerID"); !ok || !strings.Contains(n.Text(), views.FormatTN(busy.TN)) {
		t.Errorf("the lines step does not say line %d stops it: %q (all: %s)", busy.ID, n.Text(), errorsIn(res))
	}
}

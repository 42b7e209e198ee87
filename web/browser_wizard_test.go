package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"switchboard/web/webtest"
)

// step waits for the wizard to show the step whose heading holds title.
func waitStep(t *testing.T, ctx context.Context, title string) {
	t.Helper()
	if !eventually(ctx, `(document.querySelector("#wizard-step-title")||{}).textContent.includes(`+jsString(title)+`)`) {
		h, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#wizard-step-title")||document.body).textContent`))
		t.Fatalf("the wizard did not come to the step %q; it shows %q", title, strings.Join(strings.Fields(h), " "))
	}
	webtest.Axe(t, ctx, "the wizard step "+title)
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// next presses the wizard's Next (or Submit) button.
func next(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".sb-wizard-buttons button[value=next]"))); err != nil {
		t.Fatalf("press Next: %v", err)
	}
}

// chooseNumber clicks the number step's choice mode and waits for its
// fields (the element want, "" for none) to come in.
func chooseNumber(t *testing.T, ctx context.Context, mode, want string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("input[name=NumberMode][value="+mode+"]"))); err != nil {
		t.Fatal(err)
	}
	cond := `!document.querySelector(".htmx-request") && !!document.querySelector("#wizard-number-fields")`
	if want != "" {
		cond += ` && !!document.querySelector("` + want + `")`
	} else {
		cond += ` && !document.querySelector("#wizard-number-fields input, #wizard-number-fields select")`
	}
	if !eventually(ctx, cond) {
		t.Fatalf("choosing %s does not show its fields", mode)
	}
}

// fill types into inputs by name, replacing what is there.
func fill(t *testing.T, ctx context.Context, fields ...string) {
	t.Helper()
	for i := 0; i+1 < len(fields); i += 2 {
		css := "[name='" + fields[i] + "']"
		clear := chromedp.Evaluate[bool](`(function(){var e=document.querySelector("` + css + `"); if(!e){return false}; e.value=""; return true})()`)
		if ok, err := chromedp.Run(ctx, clear); err != nil || !ok {
			t.Fatalf("no field %s: %v", fields[i], err)
		}
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(css), fields[i+1])); err != nil {
			t.Fatalf("type into %s: %v", fields[i], err)
		}
	}
}

// TestBrowserNewServiceWizard: a rep finds a customer by typing, picks a
// Verizon package, a SIM from the AVAILABLE list, ports a number in, makes
// a mistake in the port address the server catches, goes back a step and
// forward again without losing anything, fixes it, reviews (the PIN
// masked) and submits; the result links to the new order.
func TestBrowserNewServiceWizard(t *testing.T) {
	app := webtest.OpenDemo(t)
	fx := newWizardFixture(t, app)
	cust, err := app.DB.FindCustomerByID(context.Background(), fx.CustomerID)
	if err != nil {
		t.Fatal(err)
	}
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "rep", "demo")

	err = chromedp.Do(ctx,
		chromedp.Navigate(app.HTTP.URL+"/orders/new"),
		chromedp.WaitVisible(chromedp.CSS("#f-Search")),
		chromedp.SendKeys(chromedp.CSS("#f-Search"), cust.Name[:6]),
	)
	if err != nil {
		t.Fatal(err)
	}
	radio := "#wizard-customers input[name=CustomerID][value='" + itoa(fx.CustomerID) + "']"
	chromedp.Do(ctx, chromedp.Sleep(700*time.Millisecond)) // the search waits for a pause in typing
	if !eventually(ctx, `!!document.querySelector("`+radio+`") && !document.querySelector(".htmx-request")`) {
		t.Fatalf("typing %q does not offer %s", cust.Name[:6], cust.Name)
	}
	webtest.Shot(t, ctx, "wizard-new-1-customer")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(radio))); err != nil {
		t.Fatal(err)
	}
	next(t, ctx)

	waitStep(t, ctx, "Package")
	webtest.Shot(t, ctx, "wizard-new-2-package")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("input[name=PackageID][value='"+itoa(fx.PackageID)+"']"))); err != nil {
		t.Fatal(err)
	}
	next(t, ctx)

	waitStep(t, ctx, "Service type")
	fill(t, ctx, "Description", "Warehouse scanner 3")
	webtest.Shot(t, ctx, "wizard-new-3-service")
	next(t, ctx)

	waitStep(t, ctx, "Device and SIM")
	// Search the SIM list as you type and use one from it.
	sim := fx.SIM
	err = chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("input[name=SIMSearch]"), sim[:len(sim)-3]), chromedp.Sleep(700*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	use := "#wizard-sims button[data-fill-value='" + sim + "']"
	if !eventually(ctx, `!!document.querySelector("`+use+`")`) {
		t.Fatalf("the SIM search does not offer %s", sim)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(use))); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("[name=WirelessICCID]"))); got != sim {
		t.Fatalf("after Use the SIM field holds %q, want %s", got, sim)
	}
	webtest.Shot(t, ctx, "wizard-new-4-device")
	next(t, ctx)

	waitStep(t, ctx, "Number")
	// Only the chosen kind of number shows its fields: none before a choice.
	if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector("[name='WirelessPort.MDN'], [name=ReconnectTN]")`)); ok {
		t.Error("the number step shows a kind's fields before one is chosen")
	}
	chooseNumber(t, ctx, "port", "[name='WirelessPort.MDN']")
	webtest.Axe(t, ctx, "the number step with the port-in fields")
	fill(t, ctx, "WirelessPort.MDN", fx.MDN, "WirelessPort.AccountNumber", "55501234")
	// A new number instead: the port's fields go, and what was typed in them stays.
	chooseNumber(t, ctx, "new", "")
	if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector("[name='WirelessPort.MDN'], [name=ReconnectTN]")`)); ok {
		t.Error("a new number still shows another kind's fields")
	}
	webtest.Axe(t, ctx, "the number step with a new number")
	webtest.Shot(t, ctx, "wizard-new-5-number-new")
	chooseNumber(t, ctx, "port", "[name='WirelessPort.MDN']")
	for name, want := range map[string]string{"WirelessPort.MDN": fx.MDN, "WirelessPort.AccountNumber": "55501234"} {
		if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("[name='"+name+"']"))); got != want {
			t.Errorf("back on a port-in %s = %q, want %q", name, got, want)
		}
	}
	if active, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement && document.activeElement.value`)); active != "port" {
		t.Errorf("after choosing a port-in the focus is on %q, not the choice", active)
	}
	fill(t, ctx,
		"WirelessPort.MDN", fx.MDN, "WirelessPort.AccountNumber", "55501234", "WirelessPort.AuthorizedSigner", "Dana Whitfield",
		"WirelessPort.PINPassword", pinSecret,
		"WirelessPort.Address.FirstName", "Dana", "WirelessPort.Address.LastName", "Whitfield",
		"WirelessPort.Address.Address1", "100 Main St", "WirelessPort.Address.City", "Springfield",
		"WirelessPort.Address.State", "IL", "WirelessPort.Address.Zip", "627")
	next(t, ctx)
	// The server refuses the short ZIP: the error sits beside it, and focus is on it.
	if !eventually(ctx, `document.activeElement && document.activeElement.name === "WirelessPort.Address.Zip"`) {
		t.Fatal("after the refused ZIP the focus is not on the ZIP field")
	}
	if got := text(t, ctx, "[id='e-WirelessPort.Address.Zip']"); !strings.Contains(got, "Enter the ZIP code as 5 digits.") {
		t.Errorf("ZIP error %q", got)
	}
	webtest.Shot(t, ctx, "wizard-new-5-number-error")

	// Back a step and forward again: nothing typed is lost.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".sb-wizard-buttons button[value=back]"))); err != nil {
		t.Fatal(err)
	}
	waitStep(t, ctx, "Device and SIM")
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("[name=WirelessICCID]"))); got != sim {
		t.Errorf("back on the device step the SIM is %q, want %s", got, sim)
	}
	next(t, ctx)
	waitStep(t, ctx, "Number")
	for name, want := range map[string]string{"WirelessPort.MDN": fx.MDN, "WirelessPort.AuthorizedSigner": "Dana Whitfield", "WirelessPort.Address.Zip": "627"} {
		if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("[name='"+name+"']"))); got != want {
			t.Errorf("after back and next %s = %q, want %q", name, got, want)
		}
	}
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("[name='WirelessPort.PINPassword']"))); got != "" {
		t.Error("the PIN field is filled in again from the server")
	}
	fill(t, ctx, "WirelessPort.Address.Zip", "62701")
	next(t, ctx)

	waitStep(t, ctx, "Shipping")
	// The SIM leaves inventory, so it is shipped: to the customer's address, filled in.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("input[name=Ship]"))); err != nil {
		t.Fatal(err)
	}
	// Add a product, then press Enter in a field: that is Next, never the row's Remove.
	pick := `document.querySelector("select[name='AdditionalProducts[0].ProductID']").value = "` + itoa(fx.ProductID) + `"; true`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](pick)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("button[value=refresh]"))); err != nil {
		t.Fatal(err)
	}
	if !eventually(ctx, `!!document.querySelector("button[value='remove:Products:0']") && !document.querySelector(".htmx-request")`) {
		t.Fatal("adding a product row did not show it")
	}
	webtest.Shot(t, ctx, "wizard-new-6-shipping")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("[name='AdditionalProducts[0].Quantity']"), "2\r")); err != nil {
		t.Fatal(err)
	}

	waitStep(t, ctx, "Review")
	page := text(t, ctx, "#wizard")
	for _, want := range []string{cust.Name, "Port in", "••••••", "Dana Whitfield", sim, "Warehouse scanner 3", "1 product"} {
		if !strings.Contains(page, want) {
			t.Errorf("the review lacks %q", want)
		}
	}
	if strings.Contains(page, pinSecret) {
		t.Fatal("the review shows the PIN")
	}
	webtest.Shot(t, ctx, "wizard-new-7-review")
	// A phone-sized look at the review.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err == nil {
		webtest.Shot(t, ctx, "wizard-new-7-review-phone")
		chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900))
	}
	next(t, ctx)

	if !eventually(ctx, `location.pathname.endsWith("/result") && !!document.querySelector("#wizard article a[href^='/orders/']")`) {
		t.Fatalf("submitting did not show the result: %s", text(t, ctx, "main"))
	}
	webtest.Shot(t, ctx, "wizard-new-8-result")
	// Reloading the result creates nothing more.
	before := countOrders(t, app, fx.CustomerID)
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if got := countOrders(t, app, fx.CustomerID); got != before {
		t.Fatalf("reloading the result made %d more orders", got-before)
	}
}

// TestBrowserSuspendThenRestore: a rep opens the change-service wizard from
// the customer's page, suspends an ACTIVE line (the restore of it is
// offered only once it is SUSPENDED), and after the provider completes the
// suspend, restores it.
func TestBrowserSuspendThenRestore(t *testing.T) {
	app := webtest.OpenDemo(t)
	cust, line := activeWirelessLine(t, app, nil)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "rep", "demo")
	lineRadio := "input[name=LineID][value='" + itoa(line.ID) + "']"

	run := func(kind, shot string, details func()) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(app.HTTP.URL+"/customers/"+itoa(cust.ID)),
			chromedp.WaitVisible(chromedp.CSS("#customer-order-actions a[href^='/orders/create']")),
			chromedp.Click(chromedp.CSS("#customer-order-actions a[href^='/orders/create']")),
		)
		if err != nil {
			t.Fatal(err)
		}
		waitStep(t, ctx, "What to do")
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("input[name=Kind][value="+kind+"]"))); err != nil {
			t.Fatal(err)
		}
		webtest.Shot(t, ctx, shot+"-1-kind")
		next(t, ctx)
		waitStep(t, ctx, "Customer")
		if checked, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector("input[name=CustomerID][value='`+itoa(cust.ID)+`']:checked")`)); !checked {
			t.Fatal("the customer the wizard was opened from is not chosen")
		}
		next(t, ctx)
		waitStep(t, ctx, "Lines")
		webtest.Shot(t, ctx, shot+"-2-lines")
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(lineRadio))); err != nil {
			t.Fatalf("choose line %d: %v", line.ID, err)
		}
		next(t, ctx)
		waitStep(t, ctx, "Details")
		details()
		webtest.Shot(t, ctx, shot+"-3-details")
		next(t, ctx)
		waitStep(t, ctx, "Review")
		webtest.Shot(t, ctx, shot+"-4-review")
		next(t, ctx)
		if !eventually(ctx, `location.pathname.endsWith("/result") && !!document.querySelector("#wizard article a[href^='/orders/']")`) {
			t.Fatalf("%s: no result: %s", kind, text(t, ctx, "main"))
		}
		webtest.Shot(t, ctx, shot+"-5-result")
	}

	run("Suspend", "wizard-suspend", func() {
		if has, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector("input[name=SuspendType][value=OUTGOING]")`)); has {
			t.Error("OUTGOING is offered for a wireless line")
		}
		// Next without a suspend type: the server asks for one, focus lands on it.
		next(t, ctx)
		if !eventually(ctx, `document.activeElement && document.activeElement.name === "SuspendType"`) {
			t.Fatal("a missing suspend type does not put the focus on it")
		}
		webtest.Shot(t, ctx, "wizard-suspend-3-details-error")
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("input[name=SuspendType][value=INCOMING]"))); err != nil {
			t.Fatal(err)
		}
	})
	ids := ordersOnLine(t, app, line.ID)
	completeOrders(t, app, ids[0])

	// Once suspended, the line can be restored (and no longer suspended).
	run("Restore", "wizard-restore", func() {})
	ids = ordersOnLine(t, app, line.ID)
	o, err := app.DB.FindOrderByID(context.Background(), ids[0])
	if err != nil || o.Type != "RESTORE" {
		t.Fatalf("the newest order on the line is %+v (%v), want a restore", o, err)
	}
}

package web_test

import (
	"context"
	"os"
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// lineWithStatus finds a line in status with no open order on it, of a
// customer not in skip.
func lineWithStatus(t *testing.T, app *webtest.App, status string, skip map[int64]bool) (*domain.Customer, *domain.Line) {
	t.Helper()
	ctx := context.Background()
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
			if l.Status != status || len(l.Products) == 0 {
				continue
			}
			if os, err := app.DB.FindOpenOrdersOnLine(ctx, l.ID); err == nil && len(os) == 0 {
				return c, l
			}
		}
	}
	t.Fatalf("no %s line without open orders in the demo data", status)
	return nil, nil
}

// quietCustomer finds an active customer with lines, none of them with an
// open order, not in skip.
func quietCustomer(t *testing.T, app *webtest.App, skip map[int64]bool) *domain.Customer {
	t.Helper()
	ctx := context.Background()
	cs, _, err := app.DB.FindCustomers(ctx, domain.CustomerFilter{Page: domain.Page{Limit: 200}})
	if err != nil {
		t.Fatal(err)
	}
next:
	for _, c := range cs {
		if skip[c.ID] || c.Status != domain.CustomerActive {
			continue
		}
		ls, err := app.DB.FindCustomerLines(ctx, c.ID)
		if err != nil || len(ls) == 0 {
			continue
		}
		live := 0
		for _, l := range ls {
			if l.Status == domain.LineDisconnected {
				continue
			}
			live++
			if os, err := app.DB.FindOpenOrdersOnLine(ctx, l.ID); err != nil || len(os) > 0 {
				continue next
			}
		}
		if live > 0 {
			return c
		}
	}
	t.Fatal("no customer without open orders in the demo data")
	return nil
}

// js runs a script that returns true, or fails the test.
func js(t *testing.T, ctx context.Context, script string) {
	t.Helper()
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script)); err != nil || !ok {
		t.Fatalf("script %s: %v %v", script, ok, err)
	}
}

// press waits for htmx to settle, then presses Next.
func press(t *testing.T, ctx context.Context) {
	t.Helper()
	eventually(ctx, `!document.querySelector(".htmx-request, .htmx-settling, .htmx-swapping, [aria-busy=true]")`)
	next(t, ctx)
}

// TestBrowserWizardTour walks every kind of change-service order, and the
// new-service wizard with each kind of number, to the result as a rep would,
// on a laptop and (with SWITCHBOARD_SCREENSHOTS set) on a phone, taking a
// screenshot of each step.
func TestBrowserWizardTour(t *testing.T) {
	app := webtest.OpenDemo(t)
	widths := []int64{1280}
	if os.Getenv("SWITCHBOARD_SCREENSHOTS") != "" {
		widths = append(widths, 375)
	}
	used := map[int64]bool{}
	for _, w := range widths {
		ctx := webtest.Browser(t)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900)); err != nil {
			t.Fatal(err)
		}
		signIn(t, app, ctx, "rep", "demo")
		px := "-" + itoa(w)
		walk := func(kind, name, details string, cust *domain.Customer, lines func(), fill func()) {
			t.Helper()
			name = "tour-" + name + px
			if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+"/orders/create?Kind="+kind+"&CustomerID="+itoa(cust.ID))); err != nil {
				t.Fatal(err)
			}
			waitStep(t, ctx, "What to do")
			webtest.Shot(t, ctx, name+"-1-kind")
			press(t, ctx)
			waitStep(t, ctx, "Customer")
			webtest.Shot(t, ctx, name+"-1-customer")
			press(t, ctx)
			if lines != nil {
				waitStep(t, ctx, "Lines")
				lines()
				webtest.Shot(t, ctx, name+"-2-lines")
				press(t, ctx)
			}
			waitStep(t, ctx, details)
			fill()
			webtest.Shot(t, ctx, name+"-3-details")
			press(t, ctx)
			waitStep(t, ctx, "Review")
			webtest.Shot(t, ctx, name+"-4-review")
			press(t, ctx)
			if !eventually(ctx, `location.pathname.endsWith("/result") && !!document.querySelector("#wizard article a[href^='/orders/']")`) {
				webtest.Shot(t, ctx, name+"-5-stuck")
				t.Fatalf("%s: no result: %s", name, text(t, ctx, "main"))
			}
			webtest.Shot(t, ctx, name+"-5-result")
		}
		radio := func(name, value string) func() {
			return func() {
				js(t, ctx, `(function(){var e=document.querySelector("input[name='`+name+`'][value='`+value+`']"); if(!e){return false}; e.click(); return true})()`)
			}
		}

		cust, line := activeWirelessLine(t, app, used)
		used[cust.ID] = true
		walk("Suspend", "suspend", "Details", cust, radio("LineID", itoa(line.ID)), radio("SuspendType", "ALL"))

		cust, line = lineWithStatus(t, app, domain.LineSuspended, used)
		used[cust.ID] = true
		walk("Restore", "restore", "Details", cust, radio("LineID", itoa(line.ID)), func() {})

		cust, line = activeWirelessLine(t, app, used)
		used[cust.ID] = true
		walk("Disconnect", "disconnect-line", "Details", cust, radio("LineID", itoa(line.ID)), func() {})

		cust = quietCustomer(t, app, used)
		used[cust.ID] = true
		walk("Disconnect", "disconnect-account", "Details", cust, radio("LineID", "all"), radio("InventoryItemStatus", "ASSIGNED"))

		cust, line = activeWirelessLine(t, app, used)
		used[cust.ID] = true
		walk("Change", "change", "Product changes", cust, radio("LineIDs", itoa(line.ID)), func() {
			cp := itoa(line.Products[0].ID)
			// A quantity that is refused: its message sits under its own field.
			js(t, ctx, `(function(){var s=document.querySelector("select[name='Lines[0].Product.`+cp+`.Action']"); s.value="change"; document.querySelector("input[name='Lines[0].Product.`+cp+`.Quantity']").value="0"; return true})()`)
			press(t, ctx)
			if !eventually(ctx, `!!document.querySelector("#wizard .sb-field-error")`) {
				t.Fatal("a quantity of 0 is not refused beside it")
			}
			webtest.Shot(t, ctx, "tour-change"+px+"-3-details-error")
			js(t, ctx, `(function(){var s=document.querySelector("select[name='Lines[0].Product.`+cp+`.Action']"); s.value="change"; document.querySelector("input[name='Lines[0].Product.`+cp+`.Quantity']").value="2";
				var a=document.querySelector("select[name='Lines[0].Change.Products.Add[0].ProductID']"); a.value=a.options[1].value; return true})()`)
		})

		cust, line = activeWirelessLine(t, app, used)
		used[cust.ID] = true
		walk("PackageChange", "package-change", "New package", cust, radio("LineID", itoa(line.ID)), func() {
			js(t, ctx, `(function(){var e=document.querySelector("input[name=PackageID]:not([disabled])"); if(!e){return false}; e.click(); return true})()`)
		})

		cust, _ = activeWirelessLine(t, app, used)
		used[cust.ID] = true
		walk("AddLine", "add-line", "New lines", cust, nil, func() {
			webtest.Shot(t, ctx, "tour-add-line"+px+"-3-details-empty")
			// Next with nothing chosen: the server asks for the package, beside it.
			press(t, ctx)
			if !eventually(ctx, `document.activeElement && document.activeElement.name === "Lines[0].PackageID"`) {
				t.Fatal("an AddLine without a package does not put the focus on the package")
			}
			webtest.Shot(t, ctx, "tour-add-line"+px+"-3-details-error-package")
			// A carrier that is not the package's is refused beside the carrier.
			js(t, ctx, `(function(){var s=document.querySelector("select[name='Lines[0].PackageID']"); s.value=s.options[1].value;
				var c=document.querySelector("select[name='Lines[0].CarrierID']"); var want=s.options[1].textContent;
				for (var i=1;i<c.options.length;i++){ if (want.indexOf("("+c.options[i].textContent+")")<0){ c.value=c.options[i].value; break } } return true})()`)
			press(t, ctx)
			if !eventually(ctx, `!!document.querySelector("[id='e-Lines[0].CarrierID']")`) {
				t.Fatal("a carrier that is not the package's is not refused beside it")
			}
			webtest.Shot(t, ctx, "tour-add-line"+px+"-3-details-error-carrier")
			js(t, ctx, `(function(){document.querySelector("select[name='Lines[0].CarrierID']").value=""; return true})()`)
			js(t, ctx, `(function(){var s=document.querySelector("select[name='Lines[0].PackageID']"); s.value=s.options[1].value; s.dispatchEvent(new Event("change",{bubbles:true})); return true})()`)
			if !eventually(ctx, `!document.querySelector(".htmx-request") && document.querySelector("select[name='Lines[0].CarrierAccountID'] option:checked").textContent.includes("default")`) {
				t.Fatal("choosing a package does not preselect its carrier's default account")
			}
			js(t, ctx, `(function(){var s=document.querySelector("select[name='Lines[0].AltBTNID']"); if(s.options.length>1){s.value=s.options[1].value}; return true})()`)
			fill(t, ctx, "Lines[0].PBXMake", "Avaya", "Lines[0].PBXModel", "IP Office 500", "Lines[0].Description", "Front desk")
		})

		// The new-service wizard: a plain new number, and a reconnect.
		for _, mode := range []string{"new", "reconnect"} {
			name := "tour-new-" + mode + px
			cust, _ = activeWirelessLine(t, app, used)
			used[cust.ID] = true
			if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+"/orders/new?CustomerID="+itoa(cust.ID))); err != nil {
				t.Fatal(err)
			}
			waitStep(t, ctx, "Customer")
			webtest.Shot(t, ctx, name+"-1-customer")
			press(t, ctx)
			waitStep(t, ctx, "Package")
			js(t, ctx, `(function(){var e=document.querySelector("input[name=PackageID]"); if(!e){return false}; e.click(); return true})()`)
			webtest.Shot(t, ctx, name+"-2-package")
			press(t, ctx)
			waitStep(t, ctx, "Service type")
			webtest.Shot(t, ctx, name+"-3-service")
			press(t, ctx)
			waitStep(t, ctx, "Device and SIM")
			webtest.Shot(t, ctx, name+"-4-device")
			press(t, ctx)
			waitStep(t, ctx, "Number")
			radio("NumberMode", mode)()
			if mode == "reconnect" {
				// Choosing a kind of number brings its fields in.
				if !eventually(ctx, `!!document.querySelector("[name=ReconnectTN]") && !document.querySelector(".htmx-request")`) {
					t.Fatal("choosing a reconnect does not show its number field")
				}
				fill(t, ctx, "ReconnectTN", "(312) 555-0"+itoa(100+w%97))
			}
			webtest.Shot(t, ctx, name+"-5-number")
			press(t, ctx)
			waitStep(t, ctx, "Shipping")
			webtest.Shot(t, ctx, name+"-6-shipping")
			press(t, ctx)
			waitStep(t, ctx, "Review")
			webtest.Shot(t, ctx, name+"-7-review")
			press(t, ctx)
			if !eventually(ctx, `location.pathname.endsWith("/result") && !!document.querySelector("#wizard article a[href^='/orders/']")`) {
				webtest.Shot(t, ctx, name+"-8-stuck")
				t.Fatalf("%s: no result: %s", name, text(t, ctx, "main"))
			}
			webtest.Shot(t, ctx, name+"-8-result")
		}
	}
}

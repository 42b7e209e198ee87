package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/views"
	"switchboard/web/webtest"
)

// TestBrowserPortNumberEditor: a rep opens a quote, edits a service's port
// numbers inline (checked as typed), pastes a few hundred numbers, removes
// a range and converts the quote, which then reads as an order.
func TestBrowserPortNumberEditor(t *testing.T) {
	app := webtest.Open(t, nil)
	w := seedQuoteWorld(t, app)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "test-rep", webtest.Password)
	textOf := func(sel string) string {
		t.Helper()
		s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q) || {}).textContent || ""`, sel)))
		return s
	}
	// setValue sets a field's value without typing (no input event), as a paste would before "Check".
	setValue := func(sel, v string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := chromedp.Evaluate[bool](fmt.Sprintf(`(() => { document.querySelector(%q).value = %q; return true })()`, sel, v))(ctx, tg)
			return chromedp.Void{}, err
		}
	}
	// markEditor marks the editor shown now, so waitSwapped can tell when an answer replaced it.
	markEditor := func() {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("pn-editor").dataset.old = "1"; true`)); err != nil {
			t.Fatal(err)
		}
	}
	waitSwapped := func() {
		t.Helper()
		// Swapped, settled, and its buttons taken over by htmx (a click before that does nothing).
		if !eventually(ctx, `(() => { const e = document.getElementById("pn-editor"); const b = e && e.querySelector("#pn-paste-form button.secondary");
			return !!e && !e.dataset.old && !document.querySelector(".htmx-settling, .htmx-swapping") && !!b && !!b["htmx-internal-data"]; })()`) {
			t.Fatal("the editor was not swapped")
		}
	}
	// settled waits until htmx has settled every swap and taken over the add form.
	settled := func() {
		t.Helper()
		if !eventually(ctx, `(() => { const i = document.querySelector("#pn-new-FirstNumber");
			return !document.querySelector(".htmx-settling, .htmx-swapping") && (!i || !!i["htmx-internal-data"]); })()`) {
			t.Fatal("the page did not settle")
		}
	}
	waitText := func(sel, want string) {
		t.Helper()
		js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.textContent.includes(%q); })()`, sel, want)
		if !eventually(ctx, js) {
			t.Fatalf("waiting for %q in %s (it holds %q)", want, sel, textOf(sel))
		}
	}

	// The quote lists its services with their capacity.
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/quotes/%d", app.HTTP.URL, w.Quote.ID)), chromedp.WaitVisible(chromedp.CSS("#quote-services"))); err != nil {
		t.Fatal(err)
	}
	waitText("#quote-services", "0 of 500 numbers used")
	waitText("#quote-services", "No porting number control")
	webtest.Shot(t, ctx, "quote-open")
	noSidewaysScroll(t, ctx, "quote-open")

	editor := fmt.Sprintf("a[href='%s']", views.PortNumbersURL(w.PortOnly))
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(editor)), chromedp.WaitVisible(chromedp.CSS("#pn-add"))); err != nil {
		t.Fatal(err)
	}
	settled()

	// Checked as typed: letters, then an overlap once a range is stored.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#pn-new-FirstNumber"), "31255501x")); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-new-FirstNumber-msg", "Enter the first number in digits only")
	if err := chromedp.Do(ctx,
		setValue("#pn-new-FirstNumber", ""),
		chromedp.SendKeys(chromedp.CSS("#pn-new-FirstNumber"), "3125550100"),
		chromedp.SendKeys(chromedp.CSS("#pn-new-Quantity"), "5"),
	); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-new-FirstNumber-msg", "Digits only")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#pn-add button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-editor", "Added 3125550100 to 3125550104 (5 numbers).")
	settled()
	waitText("#pn-capacity", "5 of 500 numbers used")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#pn-new-FirstNumber"), "3125550104")); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-new-range-msg", "This range overlaps another range on the same service.")

	// Edit the range inline.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#pn-rows a")), chromedp.WaitVisible(chromedp.CSS("#pn-rows input[name=LastNumber]")),
		setValue("#pn-rows input[name=LastNumber]", ""),
		setValue("#pn-rows input[name=Quantity]", ""),
		chromedp.SendKeys(chromedp.CSS("#pn-rows input[name=LastNumber]"), "3125550109"),
	); err != nil {
		t.Fatal(err)
	}
	settled()
	webtest.Shot(t, ctx, "port-numbers-editing")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#pn-rows button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-editor", "Saved 3125550100 to 3125550109 (10 numbers).")
	settled()
	waitText("#pn-capacity", "10 of 500 numbers used")

	// Paste a few hundred numbers in the forms people copy, one of them wrong.
	var b strings.Builder
	for i := range 300 {
		switch {
		case i == 150:
			b.WriteString("call Dana\n")
		case i%3 == 0:
			fmt.Fprintf(&b, "(630) 555-%04d\n", 2000+i)
		case i%3 == 1:
			fmt.Fprintf(&b, "630.555.%04d, ", 2000+i)
		default:
			fmt.Fprintf(&b, "630555%04d\n", 2000+i)
		}
	}
	paste := b.String()
	if err := chromedp.Do(ctx, setValue("#pn-paste-text", paste), chromedp.Click(chromedp.CSS("#pn-paste-form button.secondary"))); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-paste-result", "299 numbers in 2 ranges")
	waitText("#pn-paste-problems", `"call Dana" is not a number`)
	webtest.Shot(t, ctx, "port-numbers-paste-problem")
	markEditor()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#pn-paste-form button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	waitSwapped()
	waitText("#pn-paste-result", "nothing is saved until every problem is fixed")
	if got := textOf("#pn-capacity"); !strings.Contains(got, "10 of 500") {
		t.Fatalf("a paste with a problem saved something: %q", got)
	}
	if err := chromedp.Do(ctx, setValue("#pn-paste-text", strings.Replace(paste, "call Dana\n", "", 1)),
		chromedp.Click(chromedp.CSS("#pn-paste-form button.secondary"))); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-paste-result", "ready to save")
	waitText("#pn-paste-ranges", "6305552000 to 6305552149")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#pn-paste-form button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-editor", "Added 299 numbers in 2 ranges.")
	settled()
	waitText("#pn-capacity", "309 of 500 numbers used")
	noSidewaysScroll(t, ctx, "port-numbers")

	// Remove the first range (confirmed).
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.confirm = () => true; true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#pn-rows form button"))); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-editor", "Removed the range.")
	waitText("#pn-capacity", "299 of 500 numbers used")

	// Convert: the confirmation says what it closes.
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/quotes/%d/convert", app.HTTP.URL, w.Quote.ID)), chromedp.WaitVisible(chromedp.CSS("#convert-closes"))); err != nil {
		t.Fatal(err)
	}
	waitText("#convert-closes", "keeps its 299 port numbers in 2 ranges and takes no more changes")
	webtest.Shot(t, ctx, "quote-convert")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("article form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#quote-history"))); err != nil {
		t.Fatal(err)
	}
	waitText("h1 + .sb-badge", "Order")
	waitText("#quote-history", "converted to order")
	waitText("#quote-history", "port numbers added")
	webtest.Shot(t, ctx, "quote-converted")
	if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+views.PortNumbersURL(w.PortOnly)), chromedp.WaitVisible(chromedp.CSS("#pn-editor"))); err != nil {
		t.Fatal(err)
	}
	waitText("#pn-editor", "converted to an order")
	forms, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#pn-editor form').length`))
	if err != nil || forms != 0 {
		t.Fatalf("a converted quote's editor offers %d forms (%v)", forms, err)
	}
}

// noSidewaysScroll shoots the page at 1280 and 375 px wide and fails when
// it is wider than the window at either; it leaves the window at 1280.
func noSidewaysScroll(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	for _, width := range []int64{375, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		webtest.Shot(t, ctx, fmt.Sprintf("%s-%d", name, width))
		over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if over > 1 {
			t.Errorf("%s at %d px is %d px too wide: it scrolls sideways", name, width, over)
		}
	}
}

// TestBrowserServiceDesigns: the admin's service designs page fits a laptop and a phone.
func TestBrowserServiceDesigns(t *testing.T) {
	app := webtest.Open(t, nil)
	seedQuoteWorld(t, app)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "test-admin", webtest.Password)
	if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+"/admin/service-designs?edit=1"), chromedp.WaitVisible(chromedp.CSS("#service-designs"))); err != nil {
		t.Fatal(err)
	}
	noSidewaysScroll(t, ctx, "service-designs")
}

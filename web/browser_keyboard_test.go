package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"switchboard/web/webtest"
)

// focusOf describes the focused element: tag, id or name, and whether its
// focus is drawn (an outline or a ring).
const focusOf = `(function(){ const e = document.activeElement; if (!e) return "none";
	const s = getComputedStyle(e);
	const drawn = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
	return e.tagName.toLowerCase() + "#" + (e.id || e.getAttribute("name") || e.getAttribute("href") || "") + (drawn ? " drawn" : " undrawn") })()`

// firstControl names the first control of the main content as focusOf
// does, without the drawn part.
const firstControl = `(function(){ const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";
	for (const e of document.querySelector("main").querySelectorAll(sel)) {
		if (e.disabled || e.closest("[hidden]") || e.getClientRects().length === 0) continue;
		return e.tagName.toLowerCase() + "#" + (e.id || e.getAttribute("name") || e.getAttribute("href") || "") }
	return "none" })()`

// TestBrowserKeyboardOrder: from the top of a page, Tab reaches the skip
// link first, the skip link leads to the main content, and the next Tab is
// its first control; focus is drawn at each step. On a phone the Menu opens
// from the keyboard and its links follow in order.
func TestBrowserKeyboardOrder(t *testing.T) {
	app := webtest.OpenDemo(t)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "rep", "demo")
	focused := func() string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](focusOf))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, path := range []string{"/", "/orders", "/reconnect-ports"} {
		err := chromedp.Do(ctx,
			chromedp.EmulateViewport(1280, 900),
			chromedp.Navigate(app.HTTP.URL+path),
			chromedp.WaitReady(chromedp.CSS("main")),
		)
		if err != nil {
			t.Fatal(err)
		}
		// Start from the top, as a page just opened without autofocus would.
		top := `(function(){ const b = document.body; b.tabIndex = -1; b.focus(); b.removeAttribute("tabindex"); return true })()`
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](top)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		if got := focused(); got != "a##main drawn" {
			t.Errorf("%s: the first Tab focuses %q, want the skip link, drawn", path, got)
		}
		visible, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.getBoundingClientRect().left >= 0`))
		if !visible {
			t.Errorf("%s: the focused skip link is off the screen", path)
		}
		want, _ := chromedp.Run(ctx, chromedp.Evaluate[string](firstControl))
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		if got := focused(); got != want+" drawn" {
			t.Errorf("%s: after the skip link Tab focuses %q, want the main content's first control %q, drawn", path, got, want)
		}
	}

	// A phone: the bar's links are folded into the Menu.
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(375, 812),
		chromedp.Navigate(app.HTTP.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".sb-nav-menu summary")),
	)
	if err != nil {
		t.Fatal(err)
	}
	bar, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".sb-nav-links").getClientRects().length === 0`))
	if !bar {
		t.Error("at 375 px the navigation bar's links still show beside the Menu")
	}
	webtest.ShotView(t, ctx, "nav-375-closed")
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(".sb-nav-menu summary")), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	open, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".sb-nav-menu details").open`))
	if !open {
		t.Fatal("Enter on the Menu does not open it")
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if got := focused(); got != "a#/ drawn" {
		t.Errorf("after opening the Menu Tab focuses %q, want its first link (the dashboard), drawn", got)
	}
	links, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".sb-nav-menu ul")))
	for _, label := range []string{"Dashboard", "Orders", "New service", "Customers"} {
		if !strings.Contains(links, label) {
			t.Errorf("the open Menu %q lacks %q", links, label)
		}
	}
	webtest.Axe(t, ctx, "the dashboard at 375 px with the Menu open")
	webtest.ShotView(t, ctx, "nav-375-open")

	// A wide screen shows the bar and no Menu.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(app.HTTP.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".sb-nav-links a"))); err != nil {
		t.Fatal(err)
	}
	menu, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".sb-nav-menu").getClientRects().length === 0`))
	if !menu {
		t.Error("at 1280 px the Menu shows beside the bar")
	}
	webtest.ShotView(t, ctx, "nav-1280")
}

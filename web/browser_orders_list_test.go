package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/web/webtest"
)

// TestBrowserOrderListCards: support opens the orders list. At 1280 px it
// is a table that fits, with no sideways scrolling; at 375 px each order is a card, every cell under its label,
// and nothing scrolls sideways. axe finds nothing at either width, nor on
// the next page, which leads back by its Previous link.
func TestBrowserOrderListCards(t *testing.T) {
	app := webtest.OpenDemo(t)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "support", "demo")
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(app.HTTP.URL+"/orders"),
		chromedp.WaitVisible(chromedp.CSS("#order-results tbody tr")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Axe(t, ctx, "the orders list")
	webtest.Shot(t, ctx, "orders-list-1280")
	layout := `(() => {
		const rows = [...document.querySelectorAll("#order-results tbody tr")];
		const td = rows[0].querySelector("td:nth-child(2)");
		return {
			head: getComputedStyle(document.querySelector("#order-results thead")).display,
			row: getComputedStyle(rows[0]).display,
			label: getComputedStyle(td, "::before").content,
			narrow: rows.every(r => r.getBoundingClientRect().right <= innerWidth),
			sideways: document.documentElement.scrollWidth > innerWidth + 1,
			tableSideways: (w => w.scrollWidth > w.clientWidth + 1)(document.querySelector("#order-results .sb-table-wrap")),
		};
	})()`
	type shape struct {
		Head, Row, Label                string
		Narrow, Sideways, TableSideways bool
	}
	read := func() shape {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[shape](layout))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if s := read(); s.Head == "none" || s.Row != "table-row" || s.TableSideways {
		t.Errorf("at 1280 px the list is not a table that fits: %+v", s)
	}

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 812)); err != nil {
		t.Fatal(err)
	}
	s := read()
	if s.Head != "none" || s.Row != "block" || s.Label != `"Status"` {
		t.Errorf("at 375 px the rows are not labelled cards: %+v", s)
	}
	if !s.Narrow || s.Sideways {
		t.Errorf("at 375 px the list is wider than the phone: %+v", s)
	}
	webtest.Axe(t, ctx, "the orders list on a phone")
	webtest.Shot(t, ctx, "orders-list-375")

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#order-results a[rel=next]")),
		chromedp.WaitVisible(chromedp.CSS("#order-results a[rel=prev]")),
	)
	if err != nil {
		t.Fatalf("the next page has no way back: %v", err)
	}
	webtest.Axe(t, ctx, "the orders list's next page")
}

package web_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/web/webtest"
)

// TestBrowserMyDrafts: a wizard left after its first step is on My drafts
// (at both widths, with no accessibility violation), resumes at its step,
// and is discarded after a confirmation.
func TestBrowserMyDrafts(t *testing.T) {
	app := webtest.OpenDemo(t)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "rep", "demo")
	if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+"/orders/new")); err != nil {
		t.Fatal(err)
	}
	waitStep(t, ctx, "Customer")
	js(t, ctx, `(function(){var e=document.querySelector("input[name=CustomerID]"); if(!e){return false}; e.click(); return true})()`)
	next(t, ctx)
	waitStep(t, ctx, "Package")

	for _, width := range []int64{1280, 375} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(app.HTTP.URL+"/drafts")); err != nil {
			t.Fatal(err)
		}
		if !eventually(ctx, `document.querySelectorAll("#drafts article").length === 1`) {
			t.Fatal("My drafts does not list the draft")
		}
		webtest.Axe(t, ctx, "My drafts at "+strconv.FormatInt(width, 10)+" px")
		webtest.Shot(t, ctx, "drafts-"+strconv.FormatInt(width, 10))
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Click(chromedp.CSS("#drafts a[role=button]"))); err != nil {
		t.Fatal(err)
	}
	waitStep(t, ctx, "Package")

	if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+"/drafts"), chromedp.Click(chromedp.CSS("#drafts a.secondary"))); err != nil {
		t.Fatal(err)
	}
	if !eventually(ctx, `!!document.querySelector("#draft-discard")`) {
		t.Fatal("Discard does not ask first")
	}
	webtest.Axe(t, ctx, "the discard confirmation")
	webtest.Shot(t, ctx, "drafts-discard")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#draft-discard button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	if !eventually(ctx, `!!document.querySelector("#drafts-none")`) {
		t.Fatal("the discarded draft is still listed")
	}
	webtest.Axe(t, ctx, "My drafts with none")
}

package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/web/webtest"
)

// TestBrowserUnsavedTyping: a wizard step typed in asks before the page is
// left (beforeunload, and an htmx request from outside the step's form);
// pressing Next keeps what was typed and asks nothing.
func TestBrowserUnsavedTyping(t *testing.T) {
	app := webtest.OpenDemo(t)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "rep", "demo")
	if err := chromedp.Do(ctx, chromedp.Navigate(app.HTTP.URL+"/orders/new")); err != nil {
		t.Fatal(err)
	}
	waitStep(t, ctx, "Customer")
	leaving := `(function(){var ev=new Event("beforeunload",{cancelable:true}); window.dispatchEvent(ev); return ev.defaultPrevented})()`
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](leaving)); err != nil || ok {
		t.Fatalf("leaving an untouched step asks first (%v)", err)
	}
	fill(t, ctx, "Search", "Atlas")
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](leaving)); err != nil || !ok {
		t.Fatalf("leaving a step typed in does not ask first (%v)", err)
	}
	// An htmx request from outside the form asks; answering no stops it.
	asked := `(function(){var n=0; window.confirm=function(){n++; return false};
		var ev=new CustomEvent("htmx:beforeRequest",{cancelable:true,bubbles:true,detail:{elt:document.body}});
		document.body.dispatchEvent(ev); return n===1 && ev.defaultPrevented})()`
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](asked)); err != nil || !ok {
		t.Fatalf("an htmx request from outside a step typed in is not asked about (%v)", err)
	}
	js(t, ctx, `(function(){var e=document.querySelector("input[name=CustomerID]"); if(!e){return false}; e.click(); return true})()`)
	next(t, ctx)
	waitStep(t, ctx, "Package")
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](leaving)); err != nil || ok {
		t.Fatalf("after Next the new step still asks before leaving (%v)", err)
	}
}

package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"switchboard/web/webtest"
)

// text reads an element's text, failing the test when it is not there.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// eventually evaluates a JavaScript condition until it holds (across
// navigations, which a chromedp Poll does not survive), for up to 10 seconds.
func eventually(ctx context.Context, cond string) bool {
	for range 100 {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(100 * time.Millisecond):
		}
	}
	return false
}

// TestBrowserAdminUsersJourney: an administrator adds a user (fixing a
// too-short password the server refuses), makes an API token for them,
// copies it from the page that shows it once, and revokes it.
func TestBrowserAdminUsersJourney(t *testing.T) {
	app := webtest.OpenDemo(t)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "admin", "demo")

	err := chromedp.Do(ctx,
		chromedp.Navigate(app.HTTP.URL+"/admin/users"),
		chromedp.WaitVisible(chromedp.CSS("#user-rows")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Shot(t, ctx, "admin-users")

	// A password the server refuses: the form comes back with the error beside the field.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#new-user summary")),
		chromedp.WaitVisible(chromedp.CSS("#f-name")),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "jordan.lee"),
		chromedp.SetValue(chromedp.CSS("#f-role"), "rep"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "abc"),
		chromedp.Click(chromedp.CSS("#new-user button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#e-password")),
	)
	if err != nil {
		t.Fatalf("create with a short password: %v", err)
	}
	webtest.Shot(t, ctx, "admin-users-error")
	if msg := text(t, ctx, "#e-password"); !strings.Contains(msg, "at least 8") {
		t.Errorf("password error %q", msg)
	}
	focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement && document.activeElement.id`))
	if focused != "f-password" {
		t.Errorf("focus is on %q, want the field in error", focused)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-name"))); v != "jordan.lee" {
		t.Errorf("the name typed is lost: %q", v)
	}

	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#f-password"), "long-enough"),
		chromedp.Click(chromedp.CSS("#new-user button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#flash .sb-flash-ok")),
	)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if msg := text(t, ctx, "#flash"); !strings.Contains(msg, "jordan.lee") {
		t.Errorf("flash %q", msg)
	}
	webtest.Shot(t, ctx, "admin-users-created")

	// A token for the new user, shown once.
	uid, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll("#f-user_id option")].find(o => o.textContent.startsWith("jordan.lee")).value`))
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#new-token summary")),
		chromedp.WaitVisible(chromedp.CSS("#f-token_name")),
		chromedp.SetValue(chromedp.CSS("#f-user_id"), uid),
		chromedp.SendKeys(chromedp.CSS("#f-token_name"), "provisioning script"),
		chromedp.Click(chromedp.CSS("#new-token button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".sb-secret")),
	)
	if err != nil {
		t.Fatalf("create token: %v", err)
	}
	webtest.Shot(t, ctx, "admin-token-created")
	token := text(t, ctx, ".sb-secret")
	if !strings.HasPrefix(token, "sbt_") {
		t.Fatalf("token %q", token)
	}
	if res := app.Anonymous().Do("GET", "/api/carriers", nil, "Authorization", "Bearer "+token); res.StatusCode != 200 {
		t.Errorf("the token shown does not work: %d", res.StatusCode)
	}

	// Back to the list; revoke it (accepting the confirmation).
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("article footer a[href='/admin/users']")),
		chromedp.WaitVisible(chromedp.CSS("#token-list")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if html, _ := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("html"))); strings.Contains(html, token) {
		t.Error("the token is shown again")
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.confirm = () => true; true`)); err != nil {
		t.Fatal(err)
	}
	revoke, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll("#token-list tbody tr")].find(r => r.textContent.includes("provisioning script")).querySelector("form").getAttribute("action")`))
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("form[action='"+revoke+"'] button")),
		chromedp.WaitVisible(chromedp.CSS("#flash .sb-flash-ok")),
	)
	if err != nil {
		t.Fatalf("revoke: %v", err)
	}
	if msg := text(t, ctx, "#flash"); !strings.Contains(msg, "revoked") {
		t.Errorf("flash %q", msg)
	}
	webtest.Shot(t, ctx, "admin-token-revoked")
	if res := app.Anonymous().Do("GET", "/api/carriers", nil, "Authorization", "Bearer "+token); res.StatusCode != 401 {
		t.Errorf("the revoked token still works: %d", res.StatusCode)
	}
}

// TestBrowserCustomerSearch: support types part of a phone number, the
// rows update without a reload and the address keeps the search; opening a
// customer and going back shows the same search again.
func TestBrowserCustomerSearch(t *testing.T) {
	app := webtest.OpenDemo(t)
	ctx := webtest.Browser(t)
	signIn(t, app, ctx, "support", "demo")

	// A TN of the demo data to search by.
	m := apiJSON(t, app.API("support", "GET", "/api/lines?Status=ACTIVE&Limit=1", ""), 200)
	tn := m["Lines"].([]any)[0].(map[string]any)["TN"].(string)
	prefix := tn[:6]

	err := chromedp.Do(ctx,
		chromedp.Navigate(app.HTTP.URL+"/customers"),
		chromedp.WaitVisible(chromedp.CSS("#customer-search")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Shot(t, ctx, "customers")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__noReload = true; true`)); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#customer-search"), prefix),
		chromedp.Poll[chromedp.Void](`location.search.includes("Search=`+prefix+`")`),
		chromedp.WaitVisible(chromedp.CSS("#customer-rows tbody tr")),
	)
	if err != nil {
		t.Fatalf("search as you type: %v", err)
	}
	if same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__noReload === true`)); !same {
		t.Error("the page reloaded while searching")
	}
	webtest.Shot(t, ctx, "customers-search-tn")
	rows, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#customer-rows tbody tr").length`))
	if rows < 1 {
		t.Fatal("no customer found by TN prefix")
	}

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#customer-rows tbody tr a")),
		chromedp.WaitVisible(chromedp.CSS("#customer-lines")),
	)
	if err != nil {
		t.Fatalf("open customer: %v", err)
	}
	webtest.Shot(t, ctx, "customer-show")
	if body := text(t, ctx, "#customer-lines"); !strings.Contains(body, "("+tn[:3]+") "+tn[3:6]+"-") {
		t.Errorf("lines do not show formatted numbers: %.200s", body)
	}

	// Back (as the browser's button does; the page may come from the back-forward cache).
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`history.back(); true`)); err != nil {
		t.Fatal(err)
	}
	if !eventually(ctx, `location.pathname === "/customers" && document.querySelector("#customer-rows tbody tr") !== null`) {
		t.Fatal("Back does not return to the search results")
	}
	// (Read with Evaluate: chromedp's node queries do not follow a page restored from the back-forward cache.)
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#customer-search").value`)); v != prefix {
		t.Errorf("after Back the search box holds %q, want %q", v, prefix)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	if u, _ := url.Parse(loc); u.Query().Get("Search") != prefix {
		t.Errorf("after Back the address is %s", loc)
	}
}

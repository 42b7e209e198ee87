package web_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/web/webtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	webtest.CloseBrowser()
	os.Exit(code)
}

// signIn signs in through the real form.
func signIn(t *testing.T, app *webtest.App, ctx context.Context, name, password string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(app.HTTP.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#f-name")),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", name, err)
	}
	webtest.Axe(t, ctx, "the sign-in page")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#f-name"), name),
		chromedp.SendKeys(chromedp.CSS("#f-password"), password),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("header details.dropdown summary")),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", name, err)
	}
	webtest.Axe(t, ctx, "the page after signing in as "+name)
}

// TestBrowserSignInEachRole signs in as each demo user, checks the
// navigation offers what the role may open, then searches a customer and opens it.
func TestBrowserSignInEachRole(t *testing.T) {
	app := webtest.OpenDemo(t)
	want := map[string][]string{
		"support":    {"Dashboard", "Orders", "Customers"},
		"rep":        {"Dashboard", "Orders", "New service", "Customers"},
		"supervisor": {"Dashboard", "Orders", "New service", "Route decisions", "Customers"},
		"admin":      {"Dashboard", "Orders", "New service", "Route decisions", "Customers", "Users"},
	}
	notWant := map[string][]string{
		"support":    {"New service", "Route decisions", "Users"},
		"rep":        {"Route decisions", "Users"},
		"supervisor": {"Users"},
	}
	for _, name := range []string{"support", "rep", "supervisor", "admin"} {
		t.Run(name, func(t *testing.T) {
			ctx := webtest.Browser(t)
			signIn(t, app, ctx, name, "demo")
			nav, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("header nav")))
			if err != nil {
				t.Fatal(err)
			}
			for _, label := range want[name] {
				if !strings.Contains(nav, label) {
					t.Errorf("%s: navigation %q lacks %q", name, nav, label)
				}
			}
			for _, label := range notWant[name] {
				if strings.Contains(nav, label) {
					t.Errorf("%s: navigation offers %q", name, label)
				}
			}
			webtest.Shot(t, ctx, "dashboard-"+name)

			// Search as you type, then open the first customer found.
			err = chromedp.Do(ctx,
				chromedp.Navigate(app.HTTP.URL+"/customers"),
				chromedp.WaitVisible(chromedp.CSS("input[type=search]")),
				chromedp.SendKeys(chromedp.CSS("input[type=search]"), "a"),
				chromedp.WaitVisible(chromedp.CSS("#customer-rows a[href^='/customers/']")),
			)
			if err != nil {
				t.Fatalf("search customers: %v", err)
			}
			webtest.Shot(t, ctx, "customers-"+name)
			err = chromedp.Do(ctx,
				chromedp.Click(chromedp.CSS("#customer-rows a[href^='/customers/']")),
				chromedp.WaitVisible(chromedp.CSS("h1")),
			)
			if err != nil {
				t.Fatalf("open customer: %v", err)
			}
			loc, _ := chromedp.Run(ctx, chromedp.Location())
			if !strings.Contains(loc, "/customers/") {
				t.Fatalf("after clicking a customer the browser is at %s", loc)
			}
			webtest.Shot(t, ctx, "customer-"+name)
		})
	}
}

package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// pageShape names a page by its path with the numbers taken out
// ("/orders/{id}/complete").
func pageShape(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if s != "" && strings.Trim(s, "0123456789") == "" {
			parts[i] = "{id}"
		}
	}
	return strings.Join(parts, "/")
}

// skipShape reports the paths the page walk leaves to other tests: the
// wizards' steps (each step runs axe in the wizard tests), downloads and
// event streams, and the fragments htmx swaps in.
func skipShape(path string) bool {
	return strings.HasPrefix(path, "/static/") || strings.HasSuffix(path, ".csv") ||
		strings.HasPrefix(path, "/orders/new") || strings.HasPrefix(path, "/orders/create") ||
		path == "/reconnect-ports/events" || path == "/reconnect-ports/new/lines" || path == "/reconnect-ports/new/inventory"
}

// rolePages crawls what role is shown from the dashboard outwards and
// answers one page of each shape it may open, by shape.
func rolePages(t *testing.T, app *webtest.App, role domain.Role) map[string]string {
	t.Helper()
	c := app.As(role)
	pages := map[string]string{}
	seen, queued := map[string]bool{}, map[string]int{}
	// From the dashboard, a customer with quotes (their port numbers are
	// a few links away) and the order with the longest history.
	var quoted, storied int64
	if err := app.DB.W.Get(&quoted, `SELECT customer_id FROM quotes ORDER BY id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if err := app.DB.W.Get(&storied, `SELECT entity_id FROM audit_events WHERE entity = 'order' GROUP BY entity_id ORDER BY COUNT(*) DESC, entity_id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	queue := []string{"/", fmt.Sprintf("/orders/%d", storied), fmt.Sprintf("/customers/%d", quoted)}
	for len(queue) > 0 && len(seen) < 400 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		res := c.Get(path)
		if res.StatusCode != http.StatusOK && path != "/no-such-page" || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") ||
			!strings.Contains(res.Text, "<!doctype html>") && !strings.Contains(res.Text, "<!DOCTYPE html>") {
			continue
		}
		u, _ := url.Parse(path)
		if _, ok := pages[pageShape(u.Path)]; !ok {
			pages[pageShape(u.Path)] = path
		}
		if path == "/" {
			// A page that is not there is a page too.
			queue = append(queue, "/no-such-page")
		}
		for _, a := range res.Doc().FindAll("a") {
			u, err := url.Parse(a.Attr("href"))
			if err != nil || u.Host != "" || u.Scheme != "" || !strings.HasPrefix(u.Path, "/") || skipShape(u.Path) {
				continue
			}
			// A few pages of each shape are enough to find one of each.
			if next := u.RequestURI(); !seen[next] && queued[pageShape(u.Path)] < 3 {
				queued[pageShape(u.Path)]++
				queue = append(queue, next)
			}
		}
	}
	return pages
}

// TestBrowserEveryPageAccessible signs in as each role and opens every
// page the role may open (one of each kind, found by following the links
// it is shown over the demo data) at 1280 and 375 px; axe-core must find
// no WCAG 2.1 AA violation on any of them.
func TestBrowserEveryPageAccessible(t *testing.T) {
	if os.Getenv(webtest.EnvEngine) == "postgres" {
		t.Skip("the pages are drawn alike on both engines: walked once, on SQLite, to keep CI short")
	}
	app := webtest.OpenDemo(t)
	// Pages each role must reach: the walk fails when one goes missing.
	common := []string{"/", "/customers", "/customers/{id}", "/orders", "/orders/{id}", "/quotes/{id}",
		"/order-services/{id}/port-numbers", "/reconnect-ports"}
	must := map[domain.Role][]string{
		domain.RoleSupport:    common,
		domain.RoleRep:        append(common[:len(common):len(common)], "/orders/{id}/complete", "/reconnect-ports/new", "/drafts"),
		domain.RoleSupervisor: append(common[:len(common):len(common)], "/orders/{id}/complete", "/orders/{id}/cancel", "/routes", "/reconnect-ports/new", "/drafts"),
		domain.RoleAdmin: append(common[:len(common):len(common)], "/orders/{id}/complete", "/orders/{id}/cancel", "/routes",
			"/reconnect-ports/new", "/drafts", "/admin/users", "/admin/jobs", "/admin/service-designs"),
	}
	for _, role := range domain.Roles {
		t.Run(string(role), func(t *testing.T) {
			pages := rolePages(t, app, role)
			for _, s := range must[role] {
				if _, ok := pages[s]; !ok {
					t.Errorf("%s: no page %s was found to check (found %v)", role, s, pages)
				}
			}
			ctx := webtest.BrowserFor(t, 5*time.Minute)
			signIn(t, app, ctx, string(role), "demo")
			shapes := make([]string, 0, len(pages))
			for s := range pages {
				shapes = append(shapes, s)
			}
			sort.Strings(shapes)
			for _, s := range shapes {
				path := pages[s]
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(1280, 900),
					chromedp.Navigate(app.HTTP.URL+path),
					chromedp.WaitReady(chromedp.CSS("main")),
				)
				if err != nil {
					t.Fatalf("open %s: %v", path, err)
				}
				webtest.Axe(t, ctx, path+" as "+string(role)+" at 1280 px")
				webtest.ShotView(t, ctx, string(role)+"-"+s+"-1280")
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 812)); err != nil {
					t.Fatal(err)
				}
				webtest.Axe(t, ctx, path+" as "+string(role)+" at 375 px")
				webtest.ShotView(t, ctx, string(role)+"-"+s+"-375")
			}
			if role == domain.RoleAdmin {
				// A token just made is shown once, on its own page.
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(1280, 900),
					chromedp.Navigate(app.HTTP.URL+"/admin/users"),
					chromedp.WaitReady(chromedp.CSS("form[action='/admin/tokens'] input[name=token_name]")),
				)
				if err == nil {
					_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(function(){ const f = document.querySelector("form[action='/admin/tokens']");
						f.user_id.value = "%d"; f.token_name.value = "axe check"; f.requestSubmit(); return true })()`, app.Users[domain.RoleRep].ID)))
				}
				if err == nil {
					err = chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond), chromedp.WaitReady(chromedp.CSS("main h1")))
				}
				if err != nil {
					t.Fatalf("create a token: %v", err)
				}
				loc, _ := chromedp.Run(ctx, chromedp.Location())
				if !strings.Contains(loc, "/admin/tokens/created") {
					t.Errorf("after creating a token the browser is at %s", loc)
				}
				webtest.Axe(t, ctx, "the new token's page at 1280 px")
				chromedp.Do(ctx, chromedp.EmulateViewport(375, 812))
				webtest.Axe(t, ctx, "the new token's page at 375 px")
			}
			t.Logf("%s: %d pages checked", role, len(pages))
		})
	}
}

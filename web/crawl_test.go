package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestNoDeadLinks follows every link each role is shown, from the
// dashboard outwards over the demo data: none may lead to a missing page,
// a refused page or an error.
func TestNoDeadLinks(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo data")
	}
	app := webtest.OpenDemo(t)
	for _, role := range domain.Roles {
		t.Run(string(role), func(t *testing.T) {
			c := app.As(role)
			seen := map[string]bool{}
			queue := []string{"/"}
			for len(queue) > 0 && len(seen) < 250 {
				path := queue[0]
				queue = queue[1:]
				if seen[path] {
					continue
				}
				seen[path] = true
				res := c.Get(path)
				if res.StatusCode != http.StatusOK {
					t.Errorf("%s: GET %s: status %d", role, path, res.StatusCode)
					continue
				}
				if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
					continue
				}
				for _, a := range res.Doc().FindAll("a") {
					href := a.Attr("href")
					u, err := url.Parse(href)
					if err != nil || href == "" || strings.HasPrefix(href, "#") || u.Host != "" || u.Scheme != "" {
						continue
					}
					if !strings.HasPrefix(u.Path, "/") {
						continue
					}
					if strings.HasPrefix(u.Path, "/static/") || strings.HasSuffix(u.Path, ".csv") {
						continue
					}
					// Follow each kind of page a few times, not every order.
					if next := u.RequestURI(); !seen[next] && sampled(seen, u.Path) {
						queue = append(queue, next)
					}
				}
			}
			t.Logf("%s: %d pages", role, len(seen))
			if len(seen) < 10 {
				t.Fatalf("%s: crawled only %d pages", role, len(seen))
			}
		})
	}
}

// sampled keeps at most three pages of each shape (/orders/{id}, /customers/{id}, …).
func sampled(seen map[string]bool, path string) bool {
	shape := func(p string) string {
		parts := strings.Split(p, "/")
		for i, s := range parts {
			if s != "" && strings.Trim(s, "0123456789") == "" {
				parts[i] = "{id}"
			}
		}
		return strings.Join(parts, "/")
	}
	n := 0
	for p := range seen {
		u, _ := url.Parse(p)
		if shape(u.Path) == shape(path) {
			n++
		}
	}
	return n < 3
}

package web_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestOrderListPages walks the orders page sorted by last change forward
// by its Next links and back by its Previous links: each link keeps the
// filters and the sort, the pages forward are the whole list in order, and
// the pages back are the same pages.
func TestOrderListPages(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	var orders []*domain.Order
	for range 57 {
		orders = append(orders, fxNewService(t, app, fx, fx.acme.ID, 0, ""))
	}
	fxSuspend(t, app, "3125550201") // another customer's: not in the search
	// Every third order changes after the others were made, oldest first,
	// so last-changed order differs from created order.
	for i := 0; i < len(orders); i += 3 {
		orders[i] = fxMove(t, app, orders[i], "SENT")
	}
	slices.SortFunc(orders, func(a, b *domain.Order) int {
		if c := b.UpdatedAt.Compare(a.UpdatedAt); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
	var want []int64
	for _, o := range orders {
		want = append(want, o.ID)
	}
	support := app.As(domain.RoleSupport)
	customer := "Customer=" + strconv.FormatInt(fx.acme.ID, 10)
	keeps := func(t *testing.T, link, cursor string) {
		t.Helper()
		if !strings.Contains(link, cursor+"=") || !strings.Contains(link, customer) || !strings.Contains(link, "Sort=changed") {
			t.Fatalf("link %q lacks the %s cursor, the filter or the sort", link, cursor)
		}
	}

	var pages [][]int64
	var got []int64
	path := "/orders?" + customer + "&Sort=changed"
	var doc webtest.Node
	for path != "" {
		if len(pages) > 5 {
			t.Fatal("paging does not end")
		}
		res := support.Get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", path, res.StatusCode)
		}
		doc = res.Doc()
		if th, ok := doc.Find("#order-results th[aria-sort=descending]"); !ok || !strings.Contains(th.Text(), "Last changed") {
			t.Errorf("the Last changed header is not marked as the sort: %s", th.HTML())
		}
		if c, _ := doc.Find("#order-count"); c.Text() != "57 orders match" {
			t.Errorf("count %q, want 57 orders match", c.Text())
		}
		prev, hasPrev := doc.Find("#order-results .sb-pager a[rel=prev]")
		if hasPrev != (len(pages) > 0) {
			t.Errorf("page %d: previous link %v", len(pages)+1, hasPrev)
		} else if hasPrev {
			keeps(t, prev.Attr("href"), "Before")
		}
		pages = append(pages, rowIDs(doc))
		got = append(got, rowIDs(doc)...)
		next, ok := doc.Find("#order-results .sb-pager a[rel=next]")
		path = next.Attr("href")
		if ok {
			keeps(t, path, "After")
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("pages gave %v, want %v (last changed first)", got, want)
	}
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2 of 50", len(pages))
	}
	for i := len(pages) - 2; i >= 0; i-- {
		prev, ok := doc.Find("#order-results .sb-pager a[rel=prev]")
		if !ok {
			t.Fatalf("no way back to page %d", i+1)
		}
		doc = support.Get(prev.Attr("href")).Doc()
		if !slices.Equal(rowIDs(doc), pages[i]) {
			t.Errorf("back to page %d: %v, want %v", i+1, rowIDs(doc), pages[i])
		}
		if !doc.Has("#order-results .sb-pager a[rel=next]") {
			t.Errorf("page %d read back has no next page", i+1)
		}
	}

	// The export has the filters and not the sort: it is always newest first.
	if a, _ := doc.Find("#order-results a[href^='/orders/export.csv']"); a.Attr("href") != "/orders/export.csv?"+customer {
		t.Errorf("export link %q, want the filter alone", a.Attr("href"))
	}
	// The headers sort by creation and by last change, with the filter kept
	// and from the first page.
	var sorts []string
	for _, a := range doc.FindAll("#order-results th a") {
		sorts = append(sorts, a.Attr("href"))
	}
	if want := []string{"/orders?" + customer, "/orders?" + customer}; !slices.Equal(sorts, want) {
		t.Errorf("header links %v, want %v (sorted by last change, both lead to newest first)", sorts, want)
	}
}

// TestOrderListCount: with no filter or only statuses the page counts
// exactly from the status counts, however many; any other filter is
// counted up to 1,000 and past that says "More than 1,000".
func TestOrderListCount(t *testing.T) {
	app := webtest.OpenDemo(t)
	loadOrdersInto(t, app.DB.W.DB, app.DB.W.Rebind, 1500)
	ctx := context.Background()
	count := func(where string, args ...any) int64 {
		t.Helper()
		var n int64
		if err := app.DB.R.GetContext(ctx, &n, app.DB.R.Rebind(`SELECT COUNT(*) FROM orders o WHERE `+where), args...); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var vzw, customer int64
	if err := app.DB.R.GetContext(ctx, &vzw, `SELECT carrier_id FROM orders GROUP BY carrier_id ORDER BY COUNT(*) DESC LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if err := app.DB.R.GetContext(ctx, &customer, `SELECT customer_id FROM orders GROUP BY customer_id ORDER BY COUNT(*) LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	all, complete := count(`1 = 1`), count(`o.status IN ('COMPLETE', 'CANCELED')`)
	if all <= 1000 || count(`o.carrier_id = ?`, vzw) <= 1000 {
		t.Fatalf("%d orders, %d on carrier %d: the test needs more than 1,000", all, count(`o.carrier_id = ?`, vzw), vzw)
	}
	support := app.As(domain.RoleSupport)
	for path, want := range map[string]string{
		"/orders": thousands(all) + " orders",
		"/orders?Status=COMPLETE&Status=CANCELED":                                        thousands(complete) + " orders match",
		"/orders?CarrierID=" + strconv.FormatInt(vzw, 10):                                "More than 1,000 orders match",
		"/orders?Customer=" + strconv.FormatInt(customer, 10):                            matching(count(`o.customer_id = ?`, customer)),
		"/orders?CarrierID=" + strconv.FormatInt(vzw, 10) + "&Sort=changed&Status=ERROR": matching(count(`o.carrier_id = ? AND o.status = 'ERROR'`, vzw)),
	} {
		res := support.Get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", path, res.StatusCode)
		}
		if c, _ := res.Doc().Find("#order-count"); c.Text() != want {
			t.Errorf("GET %s: count %q, want %q", path, c.Text(), want)
		}
	}
}

// matching is how the page says n orders match a filter.
func matching(n int64) string {
	if n == 1 {
		return "1 order matches"
	}
	return thousands(n) + " orders match"
}

// thousands is n with commas, as the page writes counts.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// TestOrderListBadInput: an unknown sort, a page link that is not one, or
// one made for another sort, is a clear message with a way to the first
// page, never a failure; htmx gets it in the results.
func TestOrderListBadInput(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	for range 3 {
		fxNewService(t, app, fx, fx.acme.ID, 0, "")
	}
	support := app.As(domain.RoleSupport)
	first := support.Get("/orders?OrderType=NEW").Doc()
	if first.Has("#order-results .sb-pager a[rel=next]") {
		t.Fatal("three orders make more than one page")
	}
	newest, err := app.DB.FindOrderPage(context.Background(), domain.OrderFilter{Page: domain.Page{Limit: 1}}, "")
	if err != nil || newest.Next == "" {
		t.Fatalf("a cursor: %v %+v", err, newest)
	}
	c := url.QueryEscape(newest.Next)
	for _, tt := range []struct{ path, says, first string }{
		{"/orders?Sort=sideways", "is not a way to sort orders", ""},
		{"/orders?After=garbage", "does not fit the list", "/orders"},
		{"/orders?Before=%00%ff", "does not fit the list", "/orders"},
		{"/orders?Sort=changed&After=" + c, "does not fit the list", "/orders?Sort=changed"},
		{"/orders?Sort=oldest&Before=" + c, "does not fit the list", "/orders?Sort=oldest"},
		{"/orders?After=" + c + "&Before=" + c, "does not fit the list", "/orders"},
	} {
		for _, hx := range []bool{false, true} {
			var h []string
			if hx {
				h = []string{"HX-Request", "true"}
			}
			res := support.Get(tt.path, h...)
			want := http.StatusUnprocessableEntity
			if hx {
				want = http.StatusOK
			}
			if res.StatusCode != want {
				t.Errorf("GET %s (htmx %v): status %d, want %d", tt.path, hx, res.StatusCode, want)
				continue
			}
			doc := res.Doc()
			flash, _ := doc.Find("#order-results .sb-flash")
			if !strings.Contains(flash.Text(), tt.says) {
				t.Errorf("GET %s (htmx %v): says %q, want %q", tt.path, hx, flash.Text(), tt.says)
			}
			if tt.first != "" && !flash.Has("a[href='"+tt.first+"']") {
				t.Errorf("GET %s: no way to the first page %s: %s", tt.path, tt.first, flash.HTML())
			}
			if hx && tt.first != "" && res.Header.Get("HX-Push-Url") != tt.first {
				t.Errorf("GET %s: pushes %q, want the first page %s", tt.path, res.Header.Get("HX-Push-Url"), tt.first)
			}
		}
	}
	// A sort is not a filter: the page still reads "orders", not "match".
	if c, _ := support.Get("/orders?Sort=oldest").Doc().Find("#order-count"); c.Text() != "3 orders" {
		t.Errorf("count with a sort alone %q", c.Text())
	}
}

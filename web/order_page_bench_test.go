package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/demo"
	"switchboard/web"
)

// BenchmarkOrderPage serves the order page through the real router on a
// database holding the demo data set and n more orders
// (SWITCHBOARD_BENCH_ORDERS, default 1,000,000; loadOrders puts them on the
// demo's lines, so every line's and customer's orders grow with n), beside
// a baseline measured in the same run: the customers page with a search
// that matches nothing, a signed-in page whose cost does not depend on the
// orders. It reports page-ns/op, bare-ns/op and their ratio; the ratio is
// the figure to compare between sizes (README, Performance). It runs only
// with -bench:
//
//	SWITCHBOARD_BENCH_ORDERS=100000 go test -run '^$' -bench BenchmarkOrderPage -benchtime 2000x ./web/
//
// SWITCHBOARD_BENCH_DB=path keeps the database for the next run; a
// postgres:// URL names a database to build in (or reuse) on PostgreSQL.
func BenchmarkOrderPage(b *testing.B) {
	d, get := benchPages(b, "order-page.db")
	ctx := context.Background()
	var order int64 // an order halfway through the history, on a demo line
	if err := d.R.GetContext(ctx, &order, `SELECT MIN(id) + COUNT(*) / 2 FROM orders WHERE pon LIKE 'LD%'`); err != nil {
		b.Fatal(err)
	}
	page, bare := get("/orders/"+strconv.FormatInt(order, 10)), get("/customers?Search=zzzz-no-match")
	comparePages(b, page, bare)
}

// benchPages opens (or builds) a benchmark database called name holding
// the demo data set and n more orders, and serves it through the real
// router signed in as support: get(path) is a request for path that
// fails the benchmark unless it answers 200.
func benchPages(b *testing.B, name string) (*db.DB, func(path string) func()) {
	n := dbtest.BenchOrders(b)
	d, path, built := dbtest.OpenBench(b, name)
	ctx := context.Background()
	pg := db.IsPostgresURL(path)
	if !built {
		start := time.Now()
		hash, _ := bcrypt.GenerateFromPassword([]byte("demo"), bcrypt.MinCost)
		if _, err := demo.Load(ctx, d, string(hash)); err != nil {
			b.Fatal(err)
		}
		if pg {
			loadOrdersInto(b, d.W.DB, d.W.Rebind, n)
			for _, q := range []string{`SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT MAX(id) FROM orders))`, `ANALYZE`} {
				if _, err := d.W.ExecContext(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		} else {
			loadOrders(b, path, n)
		}
		b.Logf("built the demo and %d orders in %v", n, time.Since(start).Round(time.Second))
	} else {
		b.Logf("reusing %s", path)
	}

	srv := httptest.NewServer(web.NewServer(web.Config{Store: d, SessionKeys: [][]byte{make([]byte, 32)},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	b.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	signIn, err := http.NewRequest(http.MethodPost, srv.URL+"/login", strings.NewReader(url.Values{"name": {"support"}, "password": {"demo"}}.Encode()))
	if err != nil {
		b.Fatal(err)
	}
	signIn.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	signIn.Header.Set("Origin", srv.URL)
	signIn.Header.Set("Sec-Fetch-Site", "same-origin")
	if res, err := c.Do(signIn); err != nil || res.StatusCode != http.StatusSeeOther {
		b.Fatalf("sign in as support: %v %v", res, err)
	}
	return d, func(path string) func() {
		return func() {
			res, err := c.Get(srv.URL + path)
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				b.Fatalf("GET %s: %d", path, res.StatusCode)
			}
		}
	}
}

// comparePages times page and bare b.N times each, in turns (after one
// of each to warm up), and reports page-ns/op, bare-ns/op and their ratio.
func comparePages(b *testing.B, page, bare func()) {
	page()
	bare()
	var tp, tb time.Duration
	timed := func(f func()) time.Duration {
		t := time.Now()
		f()
		return time.Since(t)
	}
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			tp += timed(page)
			tb += timed(bare)
		} else {
			tb += timed(bare)
			tp += timed(page)
		}
		i++
	}
	b.ReportMetric(float64(tp.Nanoseconds())/float64(b.N), "page-ns/op")
	b.ReportMetric(float64(tb.Nanoseconds())/float64(b.N), "bare-ns/op")
	b.ReportMetric(float64(tp)/float64(tb), "ratio")
}

package web_test

import (
	"context"
	"net/url"
	"strconv"
	"testing"

	"switchboard/domain"
)

// BenchmarkOrderList serves the orders list through the real router, on
// the database BenchmarkOrderPage builds (the demo data set and n more
// orders), beside the same baseline in the same run: a first page with a
// filter, a deep page by keyset in both sorts, a previous page, and the
// counts (exact from the status counts with no filter; bounded at 1,000
// for a carrier, a customer and a TN, whose orders grow with n). Each
// case reports page-ns/op, bare-ns/op and their ratio; the ratio is the
// figure to compare between sizes. It runs only with -bench:
//
//	SWITCHBOARD_BENCH_ORDERS=100000 go test -run '^$' -bench BenchmarkOrderList -benchtime 300x ./web/
func BenchmarkOrderList(b *testing.B) {
	d, get := benchPages(b, "order-page.db")
	ctx := context.Background()
	one := func(q string, args ...any) int64 {
		var v int64
		if err := d.R.GetContext(ctx, &v, d.R.Rebind(q), args...); err != nil {
			b.Fatal(err)
		}
		return v
	}
	// The carrier with the most orders, a customer and a demo TN with many.
	carrier := one(`SELECT carrier_id FROM orders GROUP BY carrier_id ORDER BY COUNT(*) DESC LIMIT 1`)
	customer := one(`SELECT customer_id FROM orders GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1`)
	var tn string
	if err := d.R.GetContext(ctx, &tn, `SELECT tn FROM order_items WHERE tn <> '' GROUP BY tn ORDER BY COUNT(*) DESC LIMIT 1`); err != nil {
		b.Fatal(err)
	}
	// deep is the cursor after the order at depth of the list sorted by
	// sort and filtered by where (the store's cursor of a one-order page
	// of that order and the next one).
	deep := func(sort domain.OrderSort, depth int64, where string, args ...any) string {
		col := "created_at"
		if sort == domain.SortChanged {
			col = "updated_at"
		}
		var ids []int64
		q := d.R.Rebind(`SELECT o.id FROM orders o WHERE ` + where + ` ORDER BY o.` + col + ` DESC, o.id DESC LIMIT 2 OFFSET ?`)
		if err := d.R.SelectContext(ctx, &ids, q, append(args, depth)...); err != nil || len(ids) < 2 {
			b.Fatalf("deep page of %s: %v, %v", where, ids, err)
		}
		p, err := d.FindOrderPage(ctx, domain.OrderFilter{OrderID: ids, Sort: sort, Page: domain.Page{Limit: 1}}, "")
		if err != nil || p.Next == "" {
			b.Fatalf("cursor: %+v, %v", p, err)
		}
		return url.QueryEscape(p.Next)
	}
	byCarrier := "CarrierID=" + strconv.FormatInt(carrier, 10)
	byCustomer := "Customer=" + strconv.FormatInt(customer, 10)
	carriers := one(`SELECT COUNT(*) FROM orders WHERE carrier_id = ?`, carrier)
	completes := one(`SELECT COUNT(*) FROM orders WHERE status = 'COMPLETE'`)
	customers := one(`SELECT COUNT(*) FROM orders WHERE customer_id = ?`, customer)
	b.Logf("carrier %d: %d orders; customer %d: %d; TN %s; COMPLETE: %d", carrier, carriers, customer, customers, tn, completes)
	bare := get("/customers?Search=zzzz-no-match")
	for _, c := range []struct{ name, path string }{
		{"None/first", "/orders"},
		{"Carrier/first", "/orders?" + byCarrier},
		{"Carrier/deep", "/orders?" + byCarrier + "&After=" + deep(domain.SortNewest, carriers/2, `o.carrier_id = ?`, carrier)},
		{"Changed/deep", "/orders?Status=COMPLETE&Sort=changed&After=" + deep(domain.SortChanged, completes/2, `o.status = 'COMPLETE'`)},
		{"Customer/previous", "/orders?" + byCustomer + "&Before=" + deep(domain.SortNewest, customers/2, `o.customer_id = ?`, customer)},
		{"TN/first", "/orders?TN=" + tn},
	} {
		b.Run(c.name, func(b *testing.B) { comparePages(b, get(c.path), bare) })
	}
}

package db_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// BenchmarkOrders builds a SQLite file of a million orders (fewer with
// SWITCHBOARD_BENCH_ORDERS=n; SWITCHBOARD_BENCH_DB=path keeps the file and
// reuses it on the next run) and measures the order store beside the same
// work done with bare SQL through database/sql on the same database. Each
// case reports store-ns/op, sql-ns/op and their ratio (store/sql). It runs
// only with -bench:
//
//	go test -run '^$' -bench BenchmarkOrders -benchtime 2000x ./db/
func BenchmarkOrders(b *testing.B) {
	n := dbtest.BenchOrders(b)
	d, path, reuse := dbtest.OpenBench(b, "orders-bench.db")
	w := &benchWorld{n: n}
	if reuse {
		b.Logf("reusing %s", path)
		w.load(b, d)
	} else {
		start := time.Now()
		w.build(b, d)
		b.Logf("built %d orders in %v", n, time.Since(start).Round(time.Millisecond))
	}
	ctx := context.Background()

	for _, c := range w.findCases(b, d) {
		b.Run("FindOrders/"+c.name, func(b *testing.B) {
			var naive time.Duration
			if c.naive != "" {
				start := time.Now()
				for range 3 {
					bareOrders(b, d, c.naive, c.args...)
				}
				naive = time.Since(start) / 3
			}
			defer func() {
				if naive > 0 { // after compare: b.Loop drops metrics reported before it
					b.ReportMetric(float64(naive.Nanoseconds()), "naive-sql-ns/op")
				}
			}()
			compare(b, func() {}, func() {
				if os, _, err := d.FindOrders(ctx, c.f); err != nil || len(os) == 0 {
					b.Fatalf("FindOrders: %d orders, %v", len(os), err)
				}
			}, func() {
				if k := bareOrders(b, d, c.query, c.args...); k == 0 {
					b.Fatal("bare query found no orders")
				}
			})
		})
	}
	b.Run("FindOrderByID", func(b *testing.B) {
		r := rand.New(rand.NewPCG(1, 2))
		var id int64
		compare(b, func() { id = 1 + r.Int64N(int64(w.n)) }, func() {
			if _, err := d.FindOrderByID(ctx, id); err != nil {
				b.Fatal(err)
			}
		}, func() { bareOrderByID(b, d, id) })
	})
	b.Run("NewOrders_Create", func(b *testing.B) {
		rep := asUser(w.rep)
		r := rand.New(rand.NewPCG(3, 4))
		var customer int64
		compare(b, func() { customer = 1 + r.Int64N(w.customers) }, func() {
			if _, err := d.CreateNewOrders(rep, &domain.NewOrdersInput{CustomerID: customer, PackageID: w.r.VZWPackage, Description: "Bench"}); err != nil {
				b.Fatal(err)
			}
		}, func() { bareCreate(b, d, w, customer) })
	})
}

// On PostgreSQL, SWITCHBOARD_BENCH_DB=postgres://… names an existing
// database to build in (or reuse).

// compare times store and bare, b.N times each, and reports both and
// their ratio. prep picks the inputs of one round; the two run in turns
// first, so neither always finds the pages the other just read.
func compare(b *testing.B, prep, store, bare func()) {
	timed := func(f func()) time.Duration {
		t := time.Now()
		f()
		return time.Since(t)
	}
	var ts, tb time.Duration
	i := 0
	for b.Loop() {
		prep()
		if i%2 == 0 {
			ts += timed(store)
			tb += timed(bare)
		} else {
			tb += timed(bare)
			ts += timed(store)
		}
		i++
	}
	b.ReportMetric(float64(ts.Nanoseconds())/float64(b.N), "store-ns/op")
	b.ReportMetric(float64(tb.Nanoseconds())/float64(b.N), "sql-ns/op")
	b.ReportMetric(float64(ts)/float64(tb), "ratio")
}

// benchWorld is the benchmark's data: customers with ten lines each, and
// n orders over three years, one line each; the old ones mostly COMPLETE,
// the last month's in every open status; one in twenty on a process with
// several routes, those of the last month waiting for a decision.
type benchWorld struct {
	n         int
	r         ref
	rep       *domain.User
	customers int64
	profiles  []int64
	start     time.Time
}

const (
	benchLinesPer = 10
	benchYears    = 3
)

func (w *benchWorld) customerCount() int64 { return max(int64(w.n/100), 100) }

// build writes the world in one transaction with multi-row INSERTs.
func (w *benchWorld) build(b *testing.B, d *db.DB) {
	ctx := context.Background()
	w.r = mustSeedRef(b, d)
	w.rep = mustCreateUser(b, d, "rep", domain.RoleRep)
	w.profiles = []int64{w.r.BillProfile}
	for _, name := range []string{"Enterprise", "Government", "Lifeline", "Paperless"} {
		w.profiles = append(w.profiles, mustInsert(b, d, `INSERT INTO bill_profiles (name) VALUES (?)`, name))
	}
	w.customers = w.customerCount()
	var oneRoute, decided int64 // a route of each process
	for _, r := range []struct {
		dest    *int64
		process int64
	}{{&oneRoute, w.r.OneRoute}, {&decided, w.r.TwoRoutes}} {
		if err := d.R.GetContext(ctx, r.dest, d.R.Rebind(`SELECT MIN(id) FROM process_routes WHERE process_id = ?`), r.process); err != nil {
			b.Fatal(err)
		}
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	w.start = now.AddDate(-benchYears, 0, 0)
	rnd := rand.New(rand.NewPCG(20260301, 1))

	tx, err := d.W.BeginTxx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	bulk := func(table string, cols []string, rows int, row func(i int) []any) {
		const per = 400
		tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		for lo := 0; lo < rows; lo += per {
			hi := min(lo+per, rows)
			args := make([]any, 0, (hi-lo)*len(cols))
			for i := lo; i < hi; i++ {
				args = append(args, row(i)...)
			}
			q := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " + strings.TrimSuffix(strings.Repeat(tuple+", ", hi-lo), ", ")
			if _, err := tx.ExecContext(ctx, tx.Rebind(q), args...); err != nil {
				b.Fatalf("%s: %v", table, err)
			}
		}
	}
	nc := int(w.customers)
	bulk("addresses", []string{"id", "first_name", "last_name", "address1", "city", "state", "zip"}, nc, func(i int) []any {
		return []any{i + 1, "Dana", "Reyes", fmt.Sprintf("%d Main St", i), "Springfield", "IL", "62701"}
	})
	bulk("customers", []string{"id", "name", "name_lower", "status", "bill_profile_id", "service_address_id", "created_at"}, nc, func(i int) []any {
		name := fmt.Sprintf("Customer %06d", i+1)
		return []any{i + 1, name, strings.ToLower(name), "ACTIVE", w.profiles[i%len(w.profiles)], i + 1, w.start}
	})
	bulk("lines", []string{"id", "customer_id", "tn", "package_id", "carrier_id", "carrier_account_id", "status", "created_at"}, nc*benchLinesPer, func(i int) []any {
		return []any{i + 1, i/benchLinesPer + 1, benchTN(i + 1), w.r.VZWPackage, w.r.VZW, w.r.VZWAccount, "ACTIVE", w.start}
	})
	types := []string{"NEW", "NEW", "NEW", "CHANGE_FEATURE", "CHANGE_FEATURE", "SUSPEND", "RESTORE", "DISCONNECT", "ADD_LINE", "PACKAGE_CHANGE"}
	actions := map[string]string{"NEW": "ADD", "ADD_LINE": "ADD", "CHANGE_FEATURE": "CHANGE", "SUSPEND": "SUSPEND", "RESTORE": "RESTORE",
		"DISCONNECT": "DISCONNECT", "PACKAGE_CHANGE": "PACKAGE_CHANGE"}
	open := []string{"NEW", "SENT", "ERROR", "CONFIRMED", "HOLD", "FLOW_ERROR", "PAYMENT_HOLD", "LIFELINE_HOLD", "JEOPARDY", "PROVISIONED", "COMPLETE", "CANCELED"}
	span := now.Sub(w.start)
	recent := now.AddDate(0, 0, -30)
	type ord struct {
		customer, line int64
		typ, status    string
		at             time.Time
		twoRoutes      bool
		sim            bool
	}
	orders := make([]ord, w.n)
	for i := range orders {
		o := &orders[i]
		o.customer = 1 + rnd.Int64N(w.customers)
		o.line = (o.customer-1)*benchLinesPer + 1 + rnd.Int64N(benchLinesPer)
		o.typ = types[rnd.IntN(len(types))]
		o.at = w.start.Add(time.Duration(float64(span) * (float64(i) + rnd.Float64()*50) / float64(w.n+50))).Truncate(time.Microsecond)
		o.twoRoutes = rnd.IntN(20) == 0
		o.sim = o.typ == "NEW" && rnd.IntN(5) == 0
		switch x := rnd.IntN(1000); {
		case o.at.After(recent):
			o.status = open[rnd.IntN(len(open))]
		case x < 880:
			o.status = "COMPLETE"
		case x < 980:
			o.status = "CANCELED"
		case x < 990:
			o.status = "ERROR"
		case x < 995:
			o.status = "JEOPARDY"
		default:
			o.status = "HOLD"
		}
	}
	bulk("orders", []string{"id", "pon", "order_type", "status", "customer_id", "carrier_id", "carrier_account_id", "flow_through",
		"created_at", "updated_at", "process_id", "process_route_id", "requires_route_decision", "version"}, w.n, func(i int) []any {
		o := orders[i]
		process, route, awaiting := w.r.OneRoute, any(oneRoute), false
		if o.twoRoutes {
			process, route = w.r.TwoRoutes, decided
			if o.at.After(recent) && o.status != "COMPLETE" && o.status != "CANCELED" {
				route, awaiting = nil, true
			}
		}
		return []any{i + 1, fmt.Sprintf("B%015d", i+1), o.typ, o.status, o.customer, w.r.VZW, w.r.VZWAccount, true,
			o.at, o.at, process, route, awaiting, 1}
	})
	bulk("order_items", []string{"id", "order_id", "line_id", "tn", "action", "created_at"}, w.n, func(i int) []any {
		o := orders[i]
		return []any{i + 1, i + 1, o.line, benchTN(int(o.line)), actions[o.typ], o.at}
	})
	bulk("order_products", []string{"order_item_id", "op", "product_id", "rate", "quantity", "source"}, w.n, func(i int) []any {
		return []any{i + 1, "ADD", w.r.Unlimited, 450000, 1, "PACKAGE"}
	})
	var sims []int
	for i, o := range orders {
		if o.sim {
			sims = append(sims, i)
		}
	}
	bulk("inventory", []string{"identifier", "type", "status", "customer_id", "line_id"}, len(sims), func(k int) []any {
		o := orders[sims[k]]
		return []any{benchICCID(sims[k] + 1), "SIM_Card", "ASSIGNED", o.customer, o.line}
	})
	bulk("order_inventory", []string{"order_item_id", "order_id", "identifier"}, len(sims), func(k int) []any {
		return []any{sims[k] + 1, sims[k] + 1, benchICCID(sims[k] + 1)}
	})
	if _, err := tx.ExecContext(ctx, `UPDATE order_status_counts SET n = (SELECT COUNT(*) FROM orders o WHERE o.status = order_status_counts.status)`); err != nil {
		b.Fatal(err)
	}
	if d.Dialect.Name() == "postgres" { // rows were written with their ids: move the identities past them
		for _, t := range []string{"addresses", "customers", "lines", "orders", "order_items", "order_products", "inventory"} {
			if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), (SELECT MAX(id) FROM `+t+`))`); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if d.Dialect.Name() == "postgres" { // as autovacuum would soon after such a load
		if _, err := d.W.ExecContext(ctx, `ANALYZE`); err != nil {
			b.Fatal(err)
		}
	}
}

// load reads back what build made in a kept file.
func (w *benchWorld) load(b *testing.B, d *db.DB) {
	ctx := context.Background()
	get := func(dest any, q string, args ...any) {
		if err := d.R.GetContext(ctx, dest, d.R.Rebind(q), args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	get(&w.n, `SELECT COUNT(*) FROM orders WHERE pon LIKE 'B%'`)
	get(&w.customers, `SELECT COUNT(*) FROM customers`)
	get(&w.r.VZW, `SELECT id FROM carriers WHERE code = 'VZW'`)
	get(&w.r.VZWAccount, `SELECT id FROM carrier_accounts WHERE carrier_id = ? AND is_default`, w.r.VZW)
	get(&w.r.VZWPackage, `SELECT id FROM packages WHERE carrier_id = ? ORDER BY id LIMIT 1`, w.r.VZW)
	get(&w.r.Unlimited, `SELECT MIN(id) FROM products`)
	get(&w.r.BillProfile, `SELECT MIN(id) FROM bill_profiles`)
	var err error
	if w.rep, err = d.FindUserByName(ctx, "rep"); err != nil {
		b.Fatal(err)
	}
}

func benchTN(line int) string     { return fmt.Sprintf("2%09d", line) }
func benchICCID(order int) string { return fmt.Sprintf("89148%015d", order) }

// findCase is one Orders_Search beside its bare SQL: the store's query,
// written by hand. Where the store's query is not the obvious one, naive is
// the obvious one (an IN list sorted whole), timed a few times for the
// record.
type findCase struct {
	name  string
	f     domain.OrderFilter
	query string
	args  []any
	naive string
}

const bareCols = `o.id, o.pon, o.order_type, o.status, o.status_note, o.customer_id, o.carrier_id, o.carrier_account_id,
	o.flow_through, o.created_at, o.completion_date, o.tracking_number, o.shipping_status, o.process_id,
	o.process_route_id, o.requires_route_decision, o.billing_option, o.reconnect, o.version, o.send_now,
	o.suspend_type, o.inventory_item_status, o.ignore_related_products, o.prorate, o.new_package_id,
	o.shipping_address_id, c.name, a.name`

const bareFrom = ` FROM orders o JOIN carriers c ON c.id = o.carrier_id JOIN carrier_accounts a ON a.id = o.carrier_account_id WHERE `

const bareSort = ` ORDER BY o.created_at DESC, o.id DESC LIMIT 51`

// findCases are the common searches, first pages and deep pages. A deep
// page starts after the order at a given depth of its list: its cursor is
// the Next of a one-order page of that order (and the one after it).
func (w *benchWorld) findCases(b *testing.B, d *db.DB) []findCase {
	ctx := context.Background()
	deep := func(where string, depth int, args ...any) (string, time.Time, int64) {
		var rows []struct {
			ID int64     `db:"id"`
			At time.Time `db:"created_at"`
		}
		q := d.R.Rebind(`SELECT o.id, o.created_at FROM orders o WHERE ` + where + ` ORDER BY o.created_at DESC, o.id DESC LIMIT 2 OFFSET ?`)
		if err := d.R.SelectContext(ctx, &rows, q, append(args, depth)...); err != nil || len(rows) < 2 {
			b.Fatalf("deep page of %s: %d rows, %v", where, len(rows), err)
		}
		_, next, err := d.FindOrders(ctx, domain.OrderFilter{OrderID: []int64{rows[0].ID, rows[1].ID}, Page: domain.Page{Limit: 1}})
		if err != nil || next == "" {
			b.Fatalf("cursor: %q, %v", next, err)
		}
		return next, rows[0].At, rows[0].ID
	}
	yes := true
	page := domain.Page{Limit: 50}
	awaiting := `o.requires_route_decision AND o.status NOT IN ('COMPLETE', 'CANCELED')`
	var customer int64 = 42
	var tn string // the TN of an order's line
	if err := d.R.GetContext(ctx, &tn, d.R.Rebind(`SELECT tn FROM order_items WHERE order_id = ?`), w.n/2); err != nil {
		b.Fatal(err)
	}
	var awaitingN int
	if err := d.R.GetContext(ctx, &awaitingN, `SELECT COUNT(*) FROM orders o WHERE `+awaiting); err != nil {
		b.Fatal(err)
	}
	cases := []findCase{
		{"None/first", domain.OrderFilter{Page: page}, `SELECT ` + bareCols + bareFrom + `1 = 1` + bareSort, nil, ""},
		{"Status/first", domain.OrderFilter{Status: []string{"COMPLETE"}, Page: page}, `SELECT ` + bareCols + bareFrom + `o.status = ?` + bareSort, []any{"COMPLETE"}, ""},
	}
	after, at, id := deep(`o.status = ?`, w.n/2, "COMPLETE")
	cases = append(cases, findCase{"Status/deep", domain.OrderFilter{Status: []string{"COMPLETE"}, Page: domain.Page{Limit: 50, After: after}},
		`SELECT ` + bareCols + bareFrom + `o.status = ? AND (o.created_at, o.id) < (?, ?)` + bareSort, []any{"COMPLETE", at, id}, ""})
	cases = append(cases,
		findCase{"Statuses/first", domain.OrderFilter{Status: []string{"ERROR", "FLOW_ERROR", "JEOPARDY"}, Page: page},
			`SELECT ` + bareCols + bareFrom + `o.id IN (` + strings.Repeat(`SELECT id FROM (SELECT o.id FROM orders o WHERE o.status = ?`+bareSort+`) b UNION ALL `, 2) +
				`SELECT id FROM (SELECT o.id FROM orders o WHERE o.status = ?` + bareSort + `) b)` + bareSort,
			[]any{"ERROR", "FLOW_ERROR", "JEOPARDY"}, `SELECT ` + bareCols + bareFrom + `o.status IN (?, ?, ?)` + bareSort},
		findCase{"Customer/first", domain.OrderFilter{CustomerID: []int64{customer}, Page: page},
			`SELECT ` + bareCols + bareFrom + `o.customer_id = ?` + bareSort, []any{customer}, ""})
	after, at, id = deep(`o.customer_id = ?`, 40, customer)
	cases = append(cases, findCase{"Customer/deep", domain.OrderFilter{CustomerID: []int64{customer}, Page: domain.Page{Limit: 50, After: after}},
		`SELECT ` + bareCols + bareFrom + `o.customer_id = ? AND (o.created_at, o.id) < (?, ?)` + bareSort, []any{customer, at, id}, ""})
	cases = append(cases,
		findCase{"TN/first", domain.OrderFilter{TN: []string{tn}, Page: page},
			`SELECT ` + bareCols + bareFrom + `o.id IN (SELECT order_id FROM (SELECT i.order_id FROM order_items i JOIN orders o ON o.id = i.order_id
				WHERE i.tn = ? ORDER BY i.created_at DESC, i.order_id DESC LIMIT 51) b)` + bareSort, []any{tn},
			`SELECT ` + bareCols + bareFrom + `o.id IN (SELECT order_id FROM order_items WHERE tn = ?)` + bareSort},
		findCase{"AwaitingRoute/first", domain.OrderFilter{RequiresRouteDecision: &yes, Page: page},
			`SELECT ` + bareCols + bareFrom + awaiting + bareSort, nil, ""})
	after, at, id = deep(awaiting, awaitingN/2)
	cases = append(cases,
		findCase{"AwaitingRoute/deep", domain.OrderFilter{RequiresRouteDecision: &yes, Page: domain.Page{Limit: 50, After: after}},
			`SELECT ` + bareCols + bareFrom + awaiting + ` AND (o.created_at, o.id) < (?, ?)` + bareSort, []any{at, id}, ""},
		findCase{"BillProfile/first", domain.OrderFilter{BillProfileID: []int64{w.r.BillProfile}, Page: page},
			`SELECT ` + bareCols + bareFrom + `+o.customer_id IN (SELECT id FROM customers WHERE bill_profile_id = ?)` + bareSort, []any{w.r.BillProfile},
			`SELECT ` + bareCols + bareFrom + `o.customer_id IN (SELECT id FROM customers WHERE bill_profile_id = ?)` + bareSort})
	for i := range cases {
		cases[i].query = d.R.Rebind(cases[i].query)
		cases[i].naive = d.R.Rebind(cases[i].naive)
	}
	return cases
}

// bareOrders runs a search's SQL and scans each row into plain variables.
func bareOrders(b *testing.B, d *db.DB, query string, args ...any) int {
	rows, err := d.R.DB.QueryContext(context.Background(), query, args...)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var o bareOrder
		if err := rows.Scan(o.dest()...); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	return n
}

type bareOrder struct {
	id, customer, carrier, account, version                          int64
	pon, typ, status, note, tracking, shipping, billing, st, inv, cn string
	an                                                               string
	flow, awaiting, reconnect, sendNow, ignore, prorate              bool
	created                                                          time.Time
	completed                                                        sql.NullTime
	process, route, pkg, ship                                        sql.NullInt64
}

func (o *bareOrder) dest() []any {
	return []any{&o.id, &o.pon, &o.typ, &o.status, &o.note, &o.customer, &o.carrier, &o.account, &o.flow, &o.created, &o.completed,
		&o.tracking, &o.shipping, &o.process, &o.route, &o.awaiting, &o.billing, &o.reconnect, &o.version, &o.sendNow, &o.st, &o.inv,
		&o.ignore, &o.prorate, &o.pkg, &o.ship, &o.cn, &o.an}
}

// bareOrderByID reads what FindOrderByID reads, with the same queries.
func bareOrderByID(b *testing.B, d *db.DB, id int64) {
	ctx := context.Background()
	q := d.R.DB
	var o bareOrder
	if err := q.QueryRowContext(ctx, d.R.Rebind(`SELECT `+bareCols+bareFrom+`o.id = ?`), id).Scan(o.dest()...); err != nil {
		b.Fatal(err)
	}
	each := func(query string, dest func() []any, args ...any) {
		rows, err := q.QueryContext(ctx, d.R.Rebind(query), args...)
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := rows.Scan(dest()...); err != nil {
				b.Fatal(err)
			}
		}
	}
	var itemIDs []int64
	each(`SELECT id, line_id, tn, action FROM order_items WHERE order_id = ? ORDER BY id`, func() []any {
		itemIDs = append(itemIDs, 0)
		var line int64
		var tn, action string
		return []any{&itemIDs[len(itemIDs)-1], &line, &tn, &action}
	}, id)
	for _, it := range itemIDs {
		each(`SELECT id, op, product_id, customer_product_id, rate, quantity, description, source FROM order_products WHERE order_item_id = ? ORDER BY id`, func() []any {
			var pid, product, rate, qty int64
			var cp sql.NullInt64
			var op, desc, src string
			return []any{&pid, &op, &product, &cp, &rate, &qty, &desc, &src}
		}, it)
		each(`SELECT identifier FROM order_inventory WHERE order_item_id = ?`, func() []any { var s string; return []any{&s} }, it)
	}
	each(`SELECT mdn, pin_password_enc FROM order_wireless_ports WHERE order_id = ?`, func() []any { var a, p string; return []any{&a, &p} }, id)
	if o.process.Valid {
		each(`SELECT id, description FROM process_routes WHERE process_id = ? ORDER BY id`, func() []any {
			var rid int64
			var desc string
			return []any{&rid, &desc}
		}, o.process.Int64)
	}
}

// bareCreate writes what CreateNewOrders writes for a plain new service,
// without checking any rule: the line, the order, its item and product,
// two audit events and the count.
func bareCreate(b *testing.B, d *db.DB, w *benchWorld, customer int64) {
	ctx := context.Background()
	tx, err := d.W.DB.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	now := time.Now().UTC()
	var line, order, item int64
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(tx.QueryRowContext(ctx, d.W.Rebind(`INSERT INTO lines (customer_id, tn, package_id, carrier_id, carrier_account_id, description, status, created_at)
		VALUES (?, '', ?, ?, ?, 'Bench', 'PENDING', ?) RETURNING id`), customer, w.r.VZWPackage, w.r.VZW, w.r.VZWAccount, now).Scan(&line))
	_, err = tx.ExecContext(ctx, d.W.Rebind(`INSERT INTO audit_events (at, user_id, user_name, entity, entity_id, action, changes) VALUES (?, ?, ?, 'line', ?, 'create', ?)`),
		now, w.rep.ID, w.rep.Name, line, `{"Status":[null,"PENDING"]}`)
	must(err)
	pon := fmt.Sprintf("Z%015d", now.UnixNano()%1e15)
	must(tx.QueryRowContext(ctx, d.W.Rebind(`INSERT INTO orders (pon, order_type, status, customer_id, carrier_id, carrier_account_id, flow_through,
		created_at, created_by, updated_at, shipping_status, version) VALUES (?, 'NEW', 'NEW', ?, ?, ?, FALSE, ?, ?, ?, 'NOT_REQUIRED', 1)
		ON CONFLICT (pon) DO NOTHING RETURNING id`), pon, customer, w.r.VZW, w.r.VZWAccount, now, w.rep.ID, now).Scan(&order))
	must(tx.QueryRowContext(ctx, d.W.Rebind(`INSERT INTO order_items (order_id, line_id, tn, action, package_id, carrier_id, carrier_account_id, description, created_at)
		VALUES (?, ?, '', 'ADD', ?, ?, ?, 'Bench', ?) RETURNING id`), order, line, w.r.VZWPackage, w.r.VZW, w.r.VZWAccount, now).Scan(&item))
	_, err = tx.ExecContext(ctx, d.W.Rebind(`INSERT INTO order_products (order_item_id, op, product_id, rate, quantity, description, source)
		VALUES (?, 'ADD', ?, 450000, 1, 'Unlimited', 'PACKAGE')`), item, w.r.Unlimited)
	must(err)
	_, err = tx.ExecContext(ctx, d.W.Rebind(`INSERT INTO audit_events (at, user_id, user_name, entity, entity_id, action, changes) VALUES (?, ?, ?, 'order', ?, 'create', ?)`),
		now, w.rep.ID, w.rep.Name, order, `{"Status":[null,"NEW"],"PON":[null,"`+pon+`"]}`)
	must(err)
	_, err = tx.ExecContext(ctx, `UPDATE order_status_counts SET n = n + 1 WHERE status = 'NEW'`)
	must(err)
	must(tx.Commit())
}

package web_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"switchboard/domain"
)

// TestLoadOrders fills the SQLite database named by SWITCHBOARD_LOAD_DB
// (one made by `switchboard serve --demo`) with SWITCHBOARD_LOAD_ORDERS
// more orders (default one million), one line each, spread over two years,
// for measuring the order pages under load (scripts/load-order-search.sh).
// It is skipped unless SWITCHBOARD_LOAD_DB is set.
func TestLoadOrders(t *testing.T) {
	path := os.Getenv("SWITCHBOARD_LOAD_DB")
	if path == "" {
		t.Skip("SWITCHBOARD_LOAD_DB is not set")
	}
	n := 1_000_000
	if s := os.Getenv("SWITCHBOARD_LOAD_ORDERS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	loadOrders(t, path, n)
}

// loadOrders adds n orders to the SQLite database at path, which holds
// the demo data set: one line each, spread over two years before the last
// month, on the demo's lines (so a line's orders grow with n).
func loadOrders(t testing.TB, path string, n int) {
	d, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_busy_timeout=10000&_synchronous=OFF&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.SetMaxOpenConns(1)
	loadOrdersInto(t, d, func(q string) string { return q }, n)
}

// loadOrdersInto is loadOrders on d, an open database of either engine;
// rebind turns ? placeholders into the engine's.
func loadOrdersInto(t testing.TB, d *sql.DB, rebind func(string) string, n int) {
	ctx := context.Background()

	// The demo's lines, with their customers and carrier accounts.
	type line struct {
		id, customer, carrier, account int64
		tn                             string
	}
	rows, err := d.QueryContext(ctx, `SELECT id, customer_id, carrier_id, carrier_account_id, tn FROM lines WHERE tn <> ''`)
	if err != nil {
		t.Fatal(err)
	}
	var lines []line
	for rows.Next() {
		var l line
		if err := rows.Scan(&l.id, &l.customer, &l.carrier, &l.account, &l.tn); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
	}
	if err := rows.Err(); err != nil || len(lines) == 0 {
		t.Fatalf("no lines to order on (load the demo data first): %v", err)
	}
	var first int64
	if err := d.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM orders`).Scan(&first); err != nil {
		t.Fatal(err)
	}

	// Mostly finished orders, as in a real history; a few in every other status.
	weighted := []struct {
		status string
		weight int
	}{
		{"COMPLETE", 700}, {"CANCELED", 60}, {"NEW", 40}, {"SENT", 40}, {"CONFIRMED", 30}, {"PROVISIONED", 20},
		{"ERROR", 25}, {"FLOW_ERROR", 15}, {"JEOPARDY", 15}, {"HOLD", 15}, {"PAYMENT_HOLD", 15}, {"LIFELINE_HOLD", 10},
	}
	var statuses []string
	for _, w := range weighted {
		for range w.weight {
			statuses = append(statuses, w.status)
		}
	}
	actions := map[string]string{"NEW": "ADD", "SUSPEND": "SUSPEND", "DISCONNECT": "DISCONNECT", "RESTORE": "RESTORE",
		"ADD_LINE": "ADD", "CHANGE_FEATURE": "CHANGE", "PACKAGE_CHANGE": "PACKAGE_CHANGE", "PORT": "ADD"}
	rng := rand.New(rand.NewPCG(1, 2))
	changes := rand.New(rand.NewPCG(3, 4)) // when each order last changed: its own stream, so the rest stays as it was
	start := time.Now().UTC().Add(-2 * 365 * 24 * time.Hour).Add(-30 * 24 * time.Hour)
	step := (2 * 365 * 24 * time.Hour) / time.Duration(n)

	began := time.Now()
	const batch = 50_000
	for done := 0; done < n; {
		tx, err := d.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		ord, err := tx.PrepareContext(ctx, rebind(`INSERT INTO orders (id, pon, order_type, status, status_note, customer_id, carrier_id,
			carrier_account_id, flow_through, created_at, updated_at, completion_date, tracking_number, shipping_status, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`))
		if err != nil {
			t.Fatal(err)
		}
		item, err := tx.PrepareContext(ctx, rebind(`INSERT INTO order_items (order_id, line_id, tn, action, created_at) VALUES (?, ?, ?, ?, ?)`))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < batch && done < n; i, done = i+1, done+1 {
			id := first + int64(done)
			l := lines[rng.IntN(len(lines))]
			typ := domain.OrderTypes[rng.IntN(len(domain.OrderTypes))]
			status := statuses[rng.IntN(len(statuses))]
			created := start.Add(time.Duration(done) * step).Truncate(time.Microsecond)
			var completed any
			if status == "COMPLETE" {
				completed = created.Add(36 * time.Hour)
			}
			updated := created
			if status != "NEW" {
				updated = created.Add(time.Duration(changes.IntN(72*60)) * time.Minute)
			}
			note, tracking, shipping := "", "", "NOT_REQUIRED"
			if status == "ERROR" {
				note = "Carrier rejected the request: account number does not match"
			}
			if rng.IntN(10) == 0 {
				tracking, shipping = fmt.Sprintf("1Z%016d", id), "SHIPPED"
			}
			if _, err := ord.ExecContext(ctx, id, fmt.Sprintf("LD%014d", id), typ, status, note, l.customer, l.carrier, l.account,
				rng.IntN(2) == 0, created, updated, completed, tracking, shipping); err != nil {
				t.Fatal(err)
			}
			if _, err := item.ExecContext(ctx, id, l.id, l.tn, actions[typ], created); err != nil {
				t.Fatal(err)
			}
		}
		ord.Close()
		item.Close()
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	// The dashboard's counts, as the store keeps them.
	if _, err := d.ExecContext(ctx, `UPDATE order_status_counts SET n = (SELECT COUNT(*) FROM orders o WHERE o.status = order_status_counts.status)`); err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded %d orders in %s", n, time.Since(began).Round(time.Second))
}

package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// Hostile strings every free-text field is tried with.
const (
	hostileScript = `<script>alert(1)</script>`
	hostileImg    = `"><img src=x onerror=alert(1)>`
)

// custRef is the reference data the customer tests stand on, written in
// plain SQL (reference rows have no create methods: the demo loader and the
// admin pages make them).
type custRef struct {
	VZW, ATT, Wireline     int64 // carriers
	VZWAccount, ATTAccount int64
	VZWPackage, ATTPackage int64
	Unlimited, Hotspot     int64 // products
	Voice                  int64 // service type
	Business, Consumer     int64 // bill profiles
	OneRoute, TwoRoutes    int64 // processes
}

func fxInsert(tb testing.TB, app *webtest.App, query string, args ...any) int64 {
	tb.Helper()
	var id int64
	if err := app.DB.W.QueryRowxContext(context.Background(), app.DB.W.Rebind(query+" RETURNING id"), args...).Scan(&id); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return id
}

func fxCount(tb testing.TB, app *webtest.App, table, where string, args ...any) int {
	tb.Helper()
	q := `SELECT COUNT(*) FROM ` + table
	if where != "" {
		q += ` WHERE ` + where
	}
	var n int
	if err := app.DB.R.GetContext(context.Background(), &n, app.DB.R.Rebind(q), args...); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n
}

func seedCustRef(tb testing.TB, app *webtest.App) custRef {
	tb.Helper()
	var r custRef
	r.VZW = fxInsert(tb, app, `INSERT INTO carriers (name, code, wireless) VALUES (?, ?, ?)`, "Verizon Wireless", "VZW", true)
	r.ATT = fxInsert(tb, app, `INSERT INTO carriers (name, code, wireless) VALUES (?, ?, ?)`, "AT&T Mobility", "ATT", true)
	r.Wireline = fxInsert(tb, app, `INSERT INTO carriers (name, code, wireless) VALUES (?, ?, ?)`, "Lumen Wireline", "LUMN", false)
	r.VZWAccount = fxInsert(tb, app, `INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`, r.VZW, "VZW Enterprise 0042", true)
	r.ATTAccount = fxInsert(tb, app, `INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`, r.ATT, "ATT Business 77", true)
	r.Unlimited = fxInsert(tb, app, `INSERT INTO products (description, rate, provisionable, carrier_id) VALUES (?, ?, ?, ?)`, "Unlimited Talk & Text", domain.Money(450000), true, r.VZW)
	r.Hotspot = fxInsert(tb, app, `INSERT INTO products (description, rate, provisionable, carrier_id) VALUES (?, ?, ?, ?)`, "Hotspot 15GB", domain.Money(100125), false, nil)
	r.VZWPackage = fxInsert(tb, app, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, "VZW Business Unlimited", r.VZW)
	r.ATTPackage = fxInsert(tb, app, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, "ATT Business Pro", r.ATT)
	for _, pp := range [][2]int64{{r.VZWPackage, r.Unlimited}, {r.ATTPackage, r.Unlimited}, {r.ATTPackage, r.Hotspot}} {
		if _, err := app.DB.W.Exec(app.DB.W.Rebind(`INSERT INTO package_products (package_id, product_id) VALUES (?, ?)`), pp[0], pp[1]); err != nil {
			tb.Fatal(err)
		}
	}
	r.Voice = fxInsert(tb, app, `INSERT INTO service_types (name, wireless) VALUES (?, ?)`, "Wireless Voice", true)
	r.Business = fxInsert(tb, app, `INSERT INTO bill_profiles (name) VALUES (?)`, "Monthly Business")
	r.Consumer = fxInsert(tb, app, `INSERT INTO bill_profiles (name) VALUES (?)`, "Consumer Autopay")
	r.OneRoute = fxInsert(tb, app, `INSERT INTO processes (name) VALUES (?)`, "Standard Activation")
	r.TwoRoutes = fxInsert(tb, app, `INSERT INTO processes (name) VALUES (?)`, "Port-In Review")
	fxInsert(tb, app, `INSERT INTO process_routes (process_id, description) VALUES (?, ?)`, r.OneRoute, "Auto-provision")
	fxInsert(tb, app, `INSERT INTO process_routes (process_id, description) VALUES (?, ?)`, r.TwoRoutes, "Manual review")
	fxInsert(tb, app, `INSERT INTO process_routes (process_id, description) VALUES (?, ?)`, r.TwoRoutes, "Expedite")
	return r
}

// fxCustomer creates a customer through the store (so SSN and TaxID are sealed as in production).
func fxCustomer(tb testing.TB, app *webtest.App, ref custRef, name, city, ssn string) *domain.Customer {
	tb.Helper()
	c := &domain.Customer{Name: name, BillProfileID: ref.Business, SSN: domain.NewSecret(ssn), TaxID: domain.NewSecret("987654321"),
		ServiceAddress: domain.Address{FirstName: "Pat", LastName: "Lee", Address1: "100 N Main St", Address2: "Suite 4", City: city, State: "IL", Zip: "60601", Zip4: "1234"}}
	if err := app.DB.CreateCustomer(context.Background(), c); err != nil {
		tb.Fatalf("create customer %q: %v", name, err)
	}
	return c
}

// fxLine adds a Verizon line with the Unlimited product to a customer.
func fxLine(tb testing.TB, app *webtest.App, ref custRef, customerID int64, tn, desc, status string) int64 {
	tb.Helper()
	id := fxInsert(tb, app, `INSERT INTO lines (customer_id, tn, package_id, carrier_id, carrier_account_id, line_type_id, description, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)`, customerID, tn, ref.VZWPackage, ref.VZW, ref.VZWAccount, ref.Voice, desc, status)
	fxInsert(tb, app, `INSERT INTO customer_products (line_id, product_id, description, rate, quantity) VALUES (?, ?, ?, ?, ?)`,
		id, ref.Unlimited, "Unlimited Talk & Text", domain.Money(450000), 2)
	return id
}

// fxInventory adds an inventory item, assigned when customerID is not 0.
func fxInventory(tb testing.TB, app *webtest.App, identifier, typ string, customerID, lineID int64) {
	tb.Helper()
	status := domain.InventoryAvailable
	var cid, lid *int64
	if customerID != 0 {
		status, cid = domain.InventoryAssigned, &customerID
	}
	if lineID != 0 {
		lid = &lineID
	}
	fxInsert(tb, app, `INSERT INTO inventory (identifier, type, status, customer_id, line_id) VALUES (?, ?, ?, ?, ?)`, identifier, typ, status, cid, lid)
}

// apiJSON decodes a JSON API answer, failing the test unless it has status want.
func apiJSON(tb testing.TB, res *webtest.Response, want int) map[string]any {
	tb.Helper()
	if res.StatusCode != want {
		tb.Fatalf("status %d, want %d: %s", res.StatusCode, want, res.Text)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		tb.Fatalf("Content-Type %q, want application/json", ct)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(res.Text), &m); err != nil {
		tb.Fatalf("answer is not JSON: %v: %s", err, res.Text)
	}
	return m
}

// apiErrorFields returns the Field of every error entry of a JSON error answer with status want.
func apiErrorFields(tb testing.TB, res *webtest.Response, want int) []string {
	tb.Helper()
	m := apiJSON(tb, res, want)
	if m["Success"] != false {
		tb.Fatalf("Success = %v in an error answer: %s", m["Success"], res.Text)
	}
	errs, _ := m["Errors"].([]any)
	if len(errs) == 0 {
		tb.Fatalf("no Errors in %s", res.Text)
	}
	var fields []string
	for _, e := range errs {
		em := e.(map[string]any)
		if msg, _ := em["Message"].(string); msg == "" {
			tb.Errorf("error entry without a message: %s", res.Text)
		}
		fields = append(fields, em["Field"].(string))
	}
	return fields
}

// walkList requests every page of a list with limit and returns the items.
func walkList(tb testing.TB, app *webtest.App, role domain.Role, path, plural string, limit int) []map[string]any {
	tb.Helper()
	var out []map[string]any
	after := ""
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	for page := 0; ; page++ {
		if page > 1000 {
			tb.Fatalf("%s: paging does not end", path)
		}
		url := fmt.Sprintf("%s%sLimit=%d", path, sep, limit)
		if after != "" {
			url += "&After=" + after
		}
		m := apiJSON(tb, app.API(role, http.MethodGet, url, ""), http.StatusOK)
		if m["Success"] != true {
			tb.Fatalf("%s: Success = %v", url, m["Success"])
		}
		items, ok := m[plural].([]any)
		if !ok {
			tb.Fatalf("%s: no %s list in %v", url, plural, m)
		}
		if len(items) > limit {
			tb.Fatalf("%s: %d items, more than Limit %d", url, len(items), limit)
		}
		for _, it := range items {
			out = append(out, it.(map[string]any))
		}
		next, ok := m["Next"].(string)
		if !ok {
			tb.Fatalf("%s: Next missing or not a string: %v", url, m["Next"])
		}
		if next == "" {
			return out
		}
		after = next
	}
}

package db_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/domain"
)

// Reference rows the store has no create methods for (they come from the
// demo loader and, later, the admin pages) are written here in plain SQL,
// through the same placeholder rebinding the stores use.

// ref is a small set of reference data: two carriers with an account and a
// package each, products, a service type, a bill profile and processes.
type ref struct {
	VZW, ATT               int64 // carriers
	VZWAccount, ATTAccount int64
	VZWPackage, ATTPackage int64
	Unlimited, Hotspot     int64 // products (Unlimited is in VZWPackage, both are in ATTPackage)
	Wireline               int64 // service type
	BillProfile            int64
	OneRoute, TwoRoutes    int64 // processes
}

// mustInsert runs an INSERT … RETURNING id and returns the id.
func mustInsert(tb testing.TB, d *db.DB, query string, args ...any) int64 {
	tb.Helper()
	var id int64
	if err := d.W.QueryRowxContext(context.Background(), d.W.Rebind(query+" RETURNING id"), args...).Scan(&id); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return id
}

// mustExec runs a statement.
func mustExec(tb testing.TB, d *db.DB, query string, args ...any) {
	tb.Helper()
	if _, err := d.W.ExecContext(context.Background(), d.W.Rebind(query), args...); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
}

// count returns SELECT COUNT(*) FROM table [WHERE where].
func count(tb testing.TB, d *db.DB, table, where string, args ...any) int {
	tb.Helper()
	q := `SELECT COUNT(*) FROM ` + table
	if where != "" {
		q += ` WHERE ` + where
	}
	var n int
	if err := d.R.GetContext(context.Background(), &n, d.R.Rebind(q), args...); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n
}

func mustSeedRef(tb testing.TB, d *db.DB) ref {
	tb.Helper()
	var r ref
	r.VZW = mustInsert(tb, d, `INSERT INTO carriers (name, code, wireless) VALUES (?, ?, ?)`, "Verizon Wireless", "VZW", true)
	r.ATT = mustInsert(tb, d, `INSERT INTO carriers (name, code, wireless) VALUES (?, ?, ?)`, "AT&T Mobility", "ATT", true)
	r.VZWAccount = mustInsert(tb, d, `INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`, r.VZW, "VZW Main", true)
	r.ATTAccount = mustInsert(tb, d, `INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`, r.ATT, "ATT Main", true)
	r.Unlimited = mustInsert(tb, d, `INSERT INTO products (description, rate, provisionable, carrier_id) VALUES (?, ?, ?, ?)`, "Unlimited Talk & Text", domain.Money(450000), true, r.VZW)
	r.Hotspot = mustInsert(tb, d, `INSERT INTO products (description, rate, provisionable, carrier_id) VALUES (?, ?, ?, ?)`, "Hotspot 15GB", domain.Money(100125), false, nil)
	r.VZWPackage = mustInsert(tb, d, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, "VZW Business Unlimited", r.VZW)
	r.ATTPackage = mustInsert(tb, d, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, "ATT Business Pro", r.ATT)
	mustExec(tb, d, `INSERT INTO package_products (package_id, product_id) VALUES (?, ?)`, r.VZWPackage, r.Unlimited)
	mustExec(tb, d, `INSERT INTO package_products (package_id, product_id) VALUES (?, ?)`, r.ATTPackage, r.Unlimited)
	mustExec(tb, d, `INSERT INTO package_products (package_id, product_id) VALUES (?, ?)`, r.ATTPackage, r.Hotspot)
	r.Wireline = mustInsert(tb, d, `INSERT INTO service_types (name, wireless) VALUES (?, ?)`, "Wireless Voice", true)
	r.BillProfile = mustInsert(tb, d, `INSERT INTO bill_profiles (name) VALUES (?)`, "Monthly Business")
	r.OneRoute = mustInsert(tb, d, `INSERT INTO processes (name) VALUES (?)`, "Standard Activation")
	r.TwoRoutes = mustInsert(tb, d, `INSERT INTO processes (name) VALUES (?)`, "Port-In Review")
	mustInsert(tb, d, `INSERT INTO process_routes (process_id, description) VALUES (?, ?)`, r.OneRoute, "Auto-provision")
	mustInsert(tb, d, `INSERT INTO process_routes (process_id, description) VALUES (?, ?)`, r.TwoRoutes, "Manual review")
	mustInsert(tb, d, `INSERT INTO process_routes (process_id, description) VALUES (?, ?)`, r.TwoRoutes, "Expedite")
	return r
}

// newCustomer is a valid customer named name on bill profile bp.
func newCustomer(name string, bp int64) *domain.Customer {
	return &domain.Customer{
		Name:          name,
		BillProfileID: bp,
		ServiceAddress: domain.Address{FirstName: "Dana", LastName: "Reyes", Address1: "100 N Main St",
			Address2: "Suite 4", City: "Springfield", State: "il", Zip: "62701", Zip4: "1234"},
	}
}

func mustCreateCustomer(tb testing.TB, d *db.DB, name string, bp int64) *domain.Customer {
	tb.Helper()
	c := newCustomer(name, bp)
	if err := d.CreateCustomer(context.Background(), c); err != nil {
		tb.Fatalf("CreateCustomer(%q): %v", name, err)
	}
	return c
}

// mustCreateLine stores a line on the Verizon account of r.
func mustCreateLine(tb testing.TB, d *db.DB, r ref, customerID int64, tn, status string) int64 {
	tb.Helper()
	return mustInsert(tb, d, `INSERT INTO lines (customer_id, tn, package_id, carrier_id, carrier_account_id, line_type_id, description, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, customerID, tn, r.VZWPackage, r.VZW, r.VZWAccount, r.Wireline, "Line "+tn, status, time.Now().UTC())
}

func mustAddProduct(tb testing.TB, d *db.DB, lineID, productID int64, rate domain.Money, qty int) int64 {
	tb.Helper()
	return mustInsert(tb, d, `INSERT INTO customer_products (line_id, product_id, description, rate, quantity) VALUES (?, ?, ?, ?, ?)`,
		lineID, productID, fmt.Sprintf("product %d", productID), rate, qty)
}

func mustCreateUser(tb testing.TB, d *db.DB, name string, role domain.Role) *domain.User {
	tb.Helper()
	u := &domain.User{Name: name, Role: role, PasswordHash: "$2a$10$hash-of-" + name}
	if err := d.CreateUser(context.Background(), u); err != nil {
		tb.Fatalf("CreateUser(%q): %v", name, err)
	}
	return u
}

// asUser is a context acting as u, as the web layer's auth middleware makes.
func asUser(u *domain.User) context.Context {
	return domain.NewContextWithUser(context.Background(), u)
}

func ptr[T any](v T) *T { return &v }

// wantCode fails tb unless err carries the domain error code want.
func wantCode(tb testing.TB, err error, want string) {
	tb.Helper()
	if got := domain.ErrorCode(err); got != want {
		tb.Fatalf("error code=%q, want %q (err: %v)", got, want, err)
	}
}

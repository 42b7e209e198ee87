package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/demo"
	"switchboard/domain"
)

// demoHash stands in for the bcrypt hash of "demo" the caller makes.
const demoHash = "$2a$10$demo.demo.demo.demo.demo.demo.demo.demo.demo.demo.dem"

// demoTables are the tables the demo fills.
var demoTables = []string{"users", "audit_events", "bill_profiles", "carriers", "carrier_accounts", "products",
	"product_groups", "product_group_items", "packages", "package_products", "service_types", "processes",
	"process_routes", "addresses", "customers", "lines", "customer_products", "inventory", "demo_loads",
	"service_designs", "quotes", "order_services", "port_numbers"}

// demoN returns the single number a query answers.
func demoN(tb testing.TB, d *db.DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := d.R.GetContext(context.Background(), &n, d.R.Rebind(query), args...); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return n
}

// demoCounts counts the rows of every demo table.
func demoCounts(tb testing.TB, d *db.DB) map[string]int {
	tb.Helper()
	out := map[string]int{}
	for _, t := range demoTables {
		out[t] = demoN(tb, d, `SELECT COUNT(*) FROM `+t)
	}
	return out
}

func mustLoadDemo(tb testing.TB, d *db.DB) {
	tb.Helper()
	start := time.Now()
	loaded, err := demo.Load(context.Background(), d, demoHash)
	if err != nil {
		tb.Fatalf("LoadDemo: %v", err)
	}
	if !loaded {
		tb.Fatalf("LoadDemo on an empty database loaded nothing")
	}
	tb.Logf("demo loaded in %v", time.Since(start))
}

func TestLoadDemo(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		mustLoadDemo(t, d)

		t.Run("Once", func(t *testing.T) {
			before := demoCounts(t, d)
			loaded, err := demo.Load(ctx, d, demoHash)
			if err != nil {
				t.Fatal(err)
			}
			if loaded {
				t.Fatal("second LoadDemo loaded again")
			}
			after := demoCounts(t, d)
			for _, tbl := range demoTables {
				if got, want := after[tbl], before[tbl]; got != want {
					t.Errorf("%s: %d rows after a second LoadDemo, want %d", tbl, got, want)
				}
			}
		})

		t.Run("Quotes", func(t *testing.T) { checkDemoQuotes(t, d) })

		t.Run("Users", func(t *testing.T) {
			for _, role := range domain.Roles {
				u, err := d.FindUserByName(ctx, string(role))
				if err != nil {
					t.Fatalf("user %s: %v", role, err)
				}
				if got, want := u.Role, role; got != want {
					t.Errorf("user %s: Role=%s, want %s", role, got, want)
				}
				if got, want := u.PasswordHash, demoHash; got != want {
					t.Errorf("user %s: PasswordHash=%q, want the one given", role, got)
				}
			}
		})

		t.Run("Carriers", func(t *testing.T) {
			cs, err := d.FindCarriers(ctx)
			if err != nil {
				t.Fatal(err)
			}
			byCode := map[string]*domain.Carrier{}
			wireline := 0
			for _, c := range cs {
				byCode[c.Code] = c
				if !c.Wireless {
					wireline++
				}
			}
			for code, name := range map[string]string{"VZW": "Verizon Wireless", "ATT": "AT&T Mobility", "TMO": "T-Mobile"} {
				c := byCode[code]
				if c == nil || c.Name != name || !c.Wireless {
					t.Errorf("carrier %s = %+v, want wireless %q", code, c, name)
				}
			}
			if wireline == 0 {
				t.Error("no wireline carrier")
			}
			accounts, err := d.FindCarrierAccounts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defaults := map[int64]int{}
			for _, a := range accounts {
				if a.Default {
					defaults[a.CarrierID]++
				}
			}
			pkgs, err := d.FindPackages(ctx)
			if err != nil {
				t.Fatal(err)
			}
			packages := map[int64]int{}
			for _, p := range pkgs {
				if len(p.Products) > 0 {
					packages[p.CarrierID]++
				}
				for _, pr := range p.Products {
					if pr.CarrierID == nil || *pr.CarrierID != p.CarrierID {
						t.Errorf("package %s holds %s of another carrier", p.Name, pr.Description)
					}
				}
			}
			for _, c := range cs {
				if got, want := defaults[c.ID], 1; got != want {
					t.Errorf("%s: %d Default accounts, want %d", c.Name, got, want)
				}
				if packages[c.ID] == 0 {
					t.Errorf("%s: no package with products", c.Name)
				}
			}
		})

		t.Run("Products", func(t *testing.T) {
			ps, err := d.FindProducts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			credits, provisionable := 0, 0
			for _, p := range ps {
				if p.Rate < 0 {
					credits++
				}
				if p.Provisionable {
					provisionable++
				}
			}
			if credits == 0 || provisionable == 0 || provisionable == len(ps) {
				t.Errorf("%d products: %d credits, %d provisionable; want credits and a mix", len(ps), credits, provisionable)
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM product_groups g WHERE (SELECT COUNT(*) FROM product_group_items i WHERE i.group_id = g.id) >= 2`); n == 0 {
				t.Error("no product group with related products")
			}
			// Every customer product is a product of its line's package.
			if n := demoN(t, d, `SELECT COUNT(*) FROM customer_products cp JOIN lines l ON l.id = cp.line_id
				WHERE NOT EXISTS (SELECT 1 FROM package_products pp WHERE pp.package_id = l.package_id AND pp.product_id = cp.product_id)`); n != 0 {
				t.Errorf("%d customer products outside their line's package", n)
			}
			// A line gets its products when the order creating it completes.
			if n := demoN(t, d, `SELECT COUNT(*) FROM lines l WHERE NOT EXISTS (SELECT 1 FROM customer_products cp WHERE cp.line_id = l.id)
				AND NOT EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id
					WHERE i.line_id = l.id AND i.action = 'ADD' AND o.status <> 'COMPLETE')`); n != 0 {
				t.Errorf("%d lines without products", n)
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM customer_products WHERE quantity > 1`); n == 0 {
				t.Error("no customer product with a quantity above 1")
			}
		})

		t.Run("Processes", func(t *testing.T) {
			ps, err := d.FindProcesses(ctx)
			if err != nil {
				t.Fatal(err)
			}
			one, several := 0, 0
			for _, p := range ps {
				switch {
				case len(p.Routes) == 1:
					one++
				case len(p.Routes) > 1:
					several++
				}
			}
			if one == 0 || several == 0 {
				t.Errorf("%d processes with one route and %d with several, want both", one, several)
			}
		})

		t.Run("Customers", func(t *testing.T) {
			if got, want := demoN(t, d, `SELECT COUNT(*) FROM customers`), 50; got < want {
				t.Errorf("%d customers, want at least %d", got, want)
			}
			if got, want := demoN(t, d, `SELECT COUNT(*) FROM customers WHERE status = 'ACTIVE'`), 45; got < want {
				t.Errorf("%d ACTIVE customers, want at least %d", got, want)
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM customers WHERE ssn_enc = '' AND tax_id_enc = ''`); n != 0 {
				t.Errorf("%d customers with neither SSN nor TaxID", n)
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM customers c WHERE NOT EXISTS
				(SELECT 1 FROM audit_events a WHERE a.entity = 'customer' AND a.entity_id = c.id AND a.action = 'create')`); n != 0 {
				t.Errorf("%d customers without a create audit event", n)
			}
			cs, _, err := d.FindCustomers(ctx, domain.CustomerFilter{Page: domain.Page{Limit: domain.MaxPageLimit}})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				var p domain.Problems
				c.ServiceAddress.Validate(&p, "ServiceAddress", false)
				if err := p.Err(); err != nil {
					t.Errorf("%s: %v", c.Name, err)
				}
				for _, s := range []domain.Secret{c.SSN, c.TaxID} {
					if v := s.Clear(); v != "" && (len(v) != 9 || v[0] != '9' || !domain.AllDigits(v)) {
						t.Errorf("%s: secret %s is not 9 digits in the 9xx range", c.Name, s.Masked())
					}
				}
			}
		})

		t.Run("Lines", func(t *testing.T) {
			if got, want := demoN(t, d, `SELECT COUNT(*) FROM lines`), 350; got < want {
				t.Errorf("%d lines, want at least %d", got, want)
			}
			byCarrier := func(code, status string) int {
				return demoN(t, d, `SELECT COUNT(*) FROM lines l JOIN carriers c ON c.id = l.carrier_id WHERE c.code = ? AND l.status = ?`, code, status)
			}
			all := demoN(t, d, `SELECT COUNT(*) FROM lines`)
			if vzw := demoN(t, d, `SELECT COUNT(*) FROM lines l JOIN carriers c ON c.id = l.carrier_id WHERE c.code = 'VZW'`); 2*vzw <= all {
				t.Errorf("%d of %d lines on Verizon Wireless, want most", vzw, all)
			}
			// The reserved lines: the first 30 customers' lines get no demo orders.
			if got, want := demoN(t, d, `SELECT COUNT(*) FROM lines l JOIN carriers c ON c.id = l.carrier_id
				WHERE c.code = 'VZW' AND l.status = 'ACTIVE' AND l.customer_id IN (SELECT id FROM customers ORDER BY id LIMIT 30)`), 50; got < want {
				t.Errorf("%d ACTIVE VZW lines on the reserved customers, want at least %d", got, want)
			}
			if got, want := byCarrier("ATT", domain.LineActive), 30; got < want {
				t.Errorf("%d ACTIVE AT&T lines, want at least %d", got, want)
			}
			if got := byCarrier("TMO", domain.LineActive); got == 0 {
				t.Error("no ACTIVE T-Mobile line")
			}
			if got := demoN(t, d, `SELECT COUNT(*) FROM lines l JOIN carriers c ON c.id = l.carrier_id WHERE c.wireless = FALSE`); got == 0 {
				t.Error("no wireline line")
			}
			for _, s := range domain.LineStatuses {
				if n := demoN(t, d, `SELECT COUNT(*) FROM lines WHERE status = ?`, s); n == 0 {
					t.Errorf("no %s line", s)
				}
			}
			ls, _, err := d.FindLines(ctx, domain.LineFilter{Page: domain.Page{Limit: domain.MaxPageLimit}})
			if err != nil {
				t.Fatal(err)
			}
			live := map[string]bool{}
			for _, l := range ls {
				if l.TN == "" && l.Status == domain.LinePending {
					continue // a new service gets its number when it is activated
				}
				if !domain.ValidTN(l.TN) {
					t.Errorf("line %d: TN %q is not 10 digits", l.ID, l.TN)
				}
				if l.Status != domain.LineDisconnected {
					if live[l.TN] {
						t.Errorf("TN %s on two live lines", l.TN)
					}
					live[l.TN] = true
				}
				if l.Description == "" || l.LineTypeID == nil {
					t.Errorf("line %d: Description %q, LineTypeID %v", l.ID, l.Description, l.LineTypeID)
				}
			}
		})

		t.Run("Inventory", func(t *testing.T) {
			byStatus := func(typ, status string) int {
				return demoN(t, d, `SELECT COUNT(*) FROM inventory WHERE type = ? AND status = ?`, typ, status)
			}
			for _, typ := range []string{domain.InventorySIM, domain.InventoryDevice} {
				if got, want := byStatus(typ, domain.InventoryAvailable), 200; got < want {
					t.Errorf("%d AVAILABLE %s, want at least %d", got, typ, want)
				}
				if byStatus(typ, domain.InventoryAssigned) == 0 || byStatus(typ, domain.InventoryUnavailable) == 0 {
					t.Errorf("%s: want ASSIGNED and UNAVAILABLE items too", typ)
				}
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM inventory i WHERE status = 'ASSIGNED' AND (line_id IS NULL OR customer_id IS NULL
				OR customer_id <> (SELECT customer_id FROM lines l WHERE l.id = i.line_id))`); n != 0 {
				t.Errorf("%d ASSIGNED items not tied to a line of their customer", n)
			}
			if n := demoN(t, d, `SELECT COUNT(*) FROM inventory WHERE status <> 'ASSIGNED' AND (line_id IS NOT NULL OR customer_id IS NOT NULL)`); n != 0 {
				t.Errorf("%d unassigned items tied to a customer or line", n)
			}
			var items []struct {
				Identifier string `db:"identifier"`
				Type       string `db:"type"`
			}
			if err := d.R.SelectContext(ctx, &items, `SELECT identifier, type FROM inventory`); err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				ok := domain.AllDigits(it.Identifier) && luhnValid(it.Identifier)
				switch it.Type {
				case domain.InventorySIM:
					ok = ok && len(it.Identifier) == 20 && strings.HasPrefix(it.Identifier, "8914")
				case domain.InventoryDevice:
					ok = ok && len(it.Identifier) == 15
				}
				if !ok {
					t.Errorf("%s %s is not a well-formed identifier", it.Type, it.Identifier)
				}
			}
		})
	})
}

// luhnValid reports whether digits pass the Luhn check (ICCIDs and IMEIs do).
func luhnValid(digits string) bool {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

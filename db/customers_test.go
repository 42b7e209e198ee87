package db_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

const (
	clearSSN   = "318452907"
	clearTaxID = "741852963"
)

func TestCreateCustomer(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		t.Run("OK", func(t *testing.T) {
			c := newCustomer("  Acme Logistics ", r.BillProfile)
			c.SSN, c.TaxID = domain.NewSecret("318-45-2907"), domain.NewSecret("74-1852963")
			if err := d.CreateCustomer(ctx, c); err != nil {
				t.Fatal(err)
			}
			got, err := d.FindCustomerByID(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := got.Name, "Acme Logistics"; got != want {
				t.Fatalf("Name=%q, want %q", got, want)
			}
			if got, want := got.Status, domain.CustomerActive; got != want {
				t.Fatalf("Status=%q, want %q", got, want)
			}
			if got, want := got.SSN.Clear(), clearSSN; got != want {
				t.Fatalf("SSN=%q, want %q", got, want)
			}
			if got, want := got.TaxID.Clear(), clearTaxID; got != want {
				t.Fatalf("TaxID=%q, want %q", got, want)
			}
			if !got.CreatedAt.Equal(c.CreatedAt) {
				t.Fatalf("CreatedAt=%v, want %v", got.CreatedAt, c.CreatedAt)
			}
			a := got.ServiceAddress
			want := domain.Address{ID: c.ServiceAddressID, FirstName: "Dana", LastName: "Reyes", Address1: "100 N Main St",
				Address2: "Suite 4", City: "Springfield", State: "IL", Zip: "62701", Zip4: "1234", Country: "USA"}
			if a != want {
				t.Fatalf("ServiceAddress=%+v, want %+v", a, want)
			}
			byID, err := d.FindAddressByID(ctx, c.ServiceAddressID)
			if err != nil {
				t.Fatal(err)
			}
			if *byID != want {
				t.Fatalf("FindAddressByID=%+v, want %+v", *byID, want)
			}
		})
		t.Run("NoSecrets", func(t *testing.T) {
			c := mustCreateCustomer(t, d, "Plain Co", r.BillProfile)
			got, err := d.FindCustomerByID(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !got.SSN.IsZero() || !got.TaxID.IsZero() {
				t.Fatalf("SSN=%q TaxID=%q, want none", got.SSN.Masked(), got.TaxID.Masked())
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			for name, c := range map[string]*domain.Customer{
				"NoName":        newCustomer(" ", r.BillProfile),
				"NoBillProfile": newCustomer("X", 0),
				"BadSSN": func() *domain.Customer {
					c := newCustomer("X", r.BillProfile)
					c.SSN = domain.NewSecret("12345")
					return c
				}(),
				"BadZip":         func() *domain.Customer { c := newCustomer("X", r.BillProfile); c.ServiceAddress.Zip = "6270"; return c }(),
				"UnknownProfile": newCustomer("X", 999999),
			} {
				t.Run(name, func(t *testing.T) {
					before := count(t, d, "customers", "")
					wantCode(t, d.CreateCustomer(ctx, c), domain.EINVALID)
					if got := count(t, d, "customers", ""); got != before {
						t.Fatalf("customers=%d, want %d", got, before)
					}
				})
			}
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := d.FindCustomerByID(ctx, 999999)
			wantCode(t, err, domain.ENOTFOUND)
			_, err = d.FindAddressByID(ctx, 999999)
			wantCode(t, err, domain.ENOTFOUND)
		})
	})
}

// TestCustomerSecretsEncrypted reads what is stored: neither the SSN nor the
// TaxID is there in clear, in the columns, the audit trail or (on SQLite)
// anywhere in the database files.
func TestCustomerSecretsEncrypted(t *testing.T) {
	check := func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		c := newCustomer("Secretive Holdings", r.BillProfile)
		c.SSN, c.TaxID = domain.NewSecret(clearSSN), domain.NewSecret(clearTaxID)
		if err := d.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		var raw struct {
			SSN   string `db:"ssn_enc"`
			TaxID string `db:"tax_id_enc"`
		}
		if err := d.R.GetContext(ctx, &raw, d.R.Rebind(`SELECT ssn_enc, tax_id_enc FROM customers WHERE id = ?`), c.ID); err != nil {
			t.Fatal(err)
		}
		for _, col := range []struct{ name, stored, clear string }{{"ssn_enc", raw.SSN, clearSSN}, {"tax_id_enc", raw.TaxID, clearTaxID}} {
			if col.stored == "" || strings.Contains(col.stored, col.clear) || !strings.HasPrefix(col.stored, "v1:") {
				t.Fatalf("%s=%q: want a v1: ciphertext without %q", col.name, col.stored, col.clear)
			}
		}
		if got := count(t, d, "audit_events", "changes LIKE ? OR changes LIKE ?", "%"+clearSSN+"%", "%"+clearTaxID+"%"); got != 0 {
			t.Fatalf("audit events holding a secret in clear=%d, want 0", got)
		}
		// The same secret sealed twice differs: no equality leaks between rows.
		c2 := newCustomer("Secretive Holdings II", r.BillProfile)
		c2.SSN = domain.NewSecret(clearSSN)
		if err := d.CreateCustomer(ctx, c2); err != nil {
			t.Fatal(err)
		}
		if got := count(t, d, "customers", "ssn_enc = ?", raw.SSN); got != 1 {
			t.Fatalf("rows with the same SSN ciphertext=%d, want 1", got)
		}
	}
	dbtest.Each(t, check)

	t.Run("SQLiteFile", func(t *testing.T) {
		t.Parallel()
		d, path := dbtest.OpenFile(t)
		check(t, d)
		// Checkpoint the WAL so the rows are in the main file too, then
		// read every file of the database.
		if _, err := d.W.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(path + "*")
		if len(files) == 0 {
			t.Fatal("no database files")
		}
		var total int
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			total += len(b)
			for _, secret := range []string{clearSSN, clearTaxID, "318-45-2907"} {
				if bytes.Contains(b, []byte(secret)) {
					t.Fatalf("%s holds %q in clear", filepath.Base(f), secret)
				}
			}
			if !bytes.Contains(b, []byte("Secretive Holdings")) && filepath.Base(f) == filepath.Base(path) {
				t.Fatalf("%s does not hold the customer's name: the scan reads the wrong file", f)
			}
		}
		if total == 0 {
			t.Fatal("database files are empty")
		}
	})

	t.Run("WrongKey", func(t *testing.T) {
		t.Parallel()
		path := dbtest.SQLitePath(t)
		d := dbtest.OpenDSN(t, path)
		r := mustSeedRef(t, d)
		c := newCustomer("Keyed", r.BillProfile)
		c.SSN = domain.NewSecret(clearSSN)
		if err := d.CreateCustomer(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		other, err := db.Open(context.Background(), path, bytes.Repeat([]byte{7}, 32))
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		if _, err := other.FindCustomerByID(context.Background(), c.ID); err == nil {
			t.Fatal("read a secret with the wrong data key")
		}
	})
}

func TestFindCustomers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		acme := mustCreateCustomer(t, d, "Acme Logistics", r.BillProfile)
		acmeWest := mustCreateCustomer(t, d, "ACME West", r.BillProfile)
		bright := mustCreateCustomer(t, d, "Bright Dental", r.BillProfile)
		fiber := mustCreateCustomer(t, d, "100% Fiber_Net", r.BillProfile)
		mustCreateLine(t, d, r, bright.ID, "3125550101", domain.LineActive)
		mustCreateLine(t, d, r, acme.ID, "3125559999", domain.LineActive)
		mustCreateLine(t, d, r, acmeWest.ID, "7735550101", domain.LineActive)

		names := func(cs []*domain.Customer) []string {
			out := []string{}
			for _, c := range cs {
				out = append(out, c.Name)
			}
			return out
		}
		for _, tt := range []struct {
			name   string
			search string
			want   []string
		}{
			{"All", "", []string{fiber.Name, acme.Name, acmeWest.Name, bright.Name}},
			{"NamePart", "cme", []string{acme.Name, acmeWest.Name}},
			{"NameCaseInsensitive", "  DENTAL ", []string{bright.Name}},
			{"ID", strconv.FormatInt(bright.ID, 10), []string{bright.Name}},
			{"TNPrefix", "312555", []string{acme.Name, bright.Name}},
			{"TNFormatted", "(312) 555-01", []string{bright.Name}},
			{"TNWhole", "773-555-0101", []string{acmeWest.Name}},
			{"PercentIsLiteral", "%", []string{fiber.Name}},
			{"UnderscoreIsLiteral", "r_n", []string{fiber.Name}},
			{"UnderscoreNotWildcard", "e_w", []string{}}, // a wildcard _ would match "acme west"
			{"NoMatch", "zzz", []string{}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				cs, next, err := d.FindCustomers(ctx, domain.CustomerFilter{Search: tt.search})
				if err != nil {
					t.Fatal(err)
				}
				if got := names(cs); !equal(got, tt.want) {
					t.Fatalf("Search %q=%q, want %q", tt.search, got, tt.want)
				}
				if next != "" {
					t.Fatalf("Next=%q on the only page", next)
				}
			})
		}
		t.Run("LineStatuses", func(t *testing.T) {
			mustCreateLine(t, d, r, acme.ID, "3125558888", domain.LineSuspended)
			mustCreateLine(t, d, r, fiber.ID, "3125557777", domain.LineDisconnected)
			for _, tt := range []struct {
				statuses []string
				search   string
				want     []string
			}{
				{[]string{domain.LineSuspended}, "", []string{acme.Name}},
				{[]string{domain.LineSuspended, domain.LineDisconnected}, "", []string{fiber.Name, acme.Name}},
				{[]string{domain.LineActive}, "", []string{acme.Name, acmeWest.Name, bright.Name}},
				{[]string{domain.LineSuspended}, "west", []string{}},
				{[]string{domain.LinePending}, "", []string{}},
			} {
				cs, _, err := d.FindCustomers(ctx, domain.CustomerFilter{Search: tt.search, LineStatuses: tt.statuses})
				if err != nil {
					t.Fatal(err)
				}
				if got := names(cs); !equal(got, tt.want) {
					t.Errorf("LineStatuses %v, Search %q = %q, want %q", tt.statuses, tt.search, got, tt.want)
				}
			}
		})
		t.Run("AddressesAttached", func(t *testing.T) {
			cs, _, err := d.FindCustomers(ctx, domain.CustomerFilter{Search: "acme"})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				if c.ServiceAddress.ID != c.ServiceAddressID || c.ServiceAddress.City != "Springfield" {
					t.Fatalf("customer %q address=%+v", c.Name, c.ServiceAddress)
				}
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			for _, f := range []domain.CustomerFilter{
				{Page: domain.Page{After: "not-a-cursor"}},
				{Page: domain.Page{After: "eyJpIjowfQ"}}, // {"i":0}
				{Page: domain.Page{Limit: domain.MaxPageLimit + 1}},
				{Page: domain.Page{Limit: -1}},
			} {
				_, _, err := d.FindCustomers(ctx, f)
				wantCode(t, err, domain.EINVALID)
			}
		})
	})
}

// TestFindCustomersPaging walks every page: each customer comes exactly
// once, in name order (ties by id), whatever the page size.
func TestFindCustomersPaging(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		type key struct {
			name string
			id   int64
		}
		var want []key
		words := []string{"Alpha", "bravo", "Charlie", "delta", "Echo", "foxtrot", "Golf", "hotel", "India", "juliet", "Kilo", "lima", "Mike"}
		const n = 80
		for i := 0; i < n; i++ {
			// Repeated names (i%40) make ties that only the id orders.
			name := fmt.Sprintf("%s %s %02d", words[i%len(words)], words[(i/len(words))%len(words)], i%40)
			if i%17 == 0 {
				name = "ZZ Same Name"
			}
			c := mustCreateCustomer(t, d, name, r.BillProfile)
			want = append(want, key{strings.ToLower(c.Name), c.ID})
		}
		sort.Slice(want, func(i, j int) bool {
			if want[i].name != want[j].name {
				return want[i].name < want[j].name
			}
			return want[i].id < want[j].id
		})
		for _, limit := range []int{1, 7, n, 500} {
			t.Run(fmt.Sprintf("Limit%d", limit), func(t *testing.T) {
				var got []key
				seen := map[int64]bool{}
				after, pages := "", 0
				for {
					cs, next, err := d.FindCustomers(ctx, domain.CustomerFilter{Page: domain.Page{Limit: limit, After: after}})
					if err != nil {
						t.Fatal(err)
					}
					pages++
					if len(cs) > limit {
						t.Fatalf("page of %d, limit %d", len(cs), limit)
					}
					for _, c := range cs {
						if seen[c.ID] {
							t.Fatalf("customer %d on two pages", c.ID)
						}
						seen[c.ID] = true
						got = append(got, key{strings.ToLower(c.Name), c.ID})
					}
					if next == "" {
						break
					}
					if pages > len(want)+1 {
						t.Fatal("paging does not end")
					}
					after = next
				}
				if len(got) != len(want) {
					t.Fatalf("customers=%d, want %d", len(got), len(want))
				}
				for i := range want {
					if got[i] != want[i] {
						t.Fatalf("customer %d=%v, want %v", i, got[i], want[i])
					}
				}
				if got, want := pages, (len(want)+limit-1)/limit; got != want {
					t.Fatalf("pages=%d, want %d", got, want)
				}
			})
		}
		t.Run("SearchPaged", func(t *testing.T) {
			var got int
			after := ""
			for {
				cs, next, err := d.FindCustomers(ctx, domain.CustomerFilter{Search: "same name", Page: domain.Page{Limit: 3, After: after}})
				if err != nil {
					t.Fatal(err)
				}
				got += len(cs)
				if next == "" {
					break
				}
				after = next
			}
			if want := (n + 16) / 17; got != want {
				t.Fatalf("customers named ZZ Same Name=%d, want %d", got, want)
			}
		})
	})
}

func TestFindBillProfiles(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		mustInsert(t, d, `INSERT INTO bill_profiles (name) VALUES (?)`, "Quarterly")
		mustInsert(t, d, `INSERT INTO bill_profiles (name) VALUES (?)`, "Annual")
		ps, err := d.FindBillProfiles(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, p.Name)
		}
		if want := []string{"Annual", "Quarterly"}; !equal(got, want) {
			t.Fatalf("bill profiles=%v, want %v", got, want)
		}
	})
}

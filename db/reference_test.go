package db_test

import (
	"context"
	"maps"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestReferenceLists(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		t.Run("Carriers", func(t *testing.T) {
			cs, err := d.FindCarriers(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := []domain.Carrier{{ID: r.ATT, Name: "AT&T Mobility", Code: "ATT", Wireless: true}, {ID: r.VZW, Name: "Verizon Wireless", Code: "VZW", Wireless: true}}
			if len(cs) != len(want) {
				t.Fatalf("carriers=%d, want %d", len(cs), len(want))
			}
			for i := range want {
				if *cs[i] != want[i] {
					t.Fatalf("carrier %d=%+v, want %+v", i, *cs[i], want[i])
				}
			}
		})
		t.Run("CarrierByID", func(t *testing.T) {
			c, err := d.FindCarrierByID(ctx, r.VZW)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := c.Code, domain.CarrierVerizon; got != want {
				t.Fatalf("Code=%q, want %q", got, want)
			}
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := d.FindCarrierByID(ctx, 999999)
			wantCode(t, err, domain.ENOTFOUND)
		})
		t.Run("ErrConflict", func(t *testing.T) {
			// A second default account for one carrier is refused by the
			// partial unique index on both engines.
			_, err := d.W.ExecContext(ctx, d.W.Rebind(`INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`), r.VZW, "VZW Second", true)
			if !d.Dialect.IsUniqueViolation(err) {
				t.Fatalf("second default account: err=%v, want a unique violation", err)
			}
			mustInsert(t, d, `INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`, r.VZW, "VZW Second", false)
		})
		t.Run("CarrierAccounts", func(t *testing.T) {
			as, err := d.FindCarrierAccounts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defaults := map[int64]int{}
			for _, a := range as {
				if a.Default {
					defaults[a.CarrierID]++
				}
			}
			if defaults[r.VZW] != 1 || defaults[r.ATT] != 1 {
				t.Fatalf("default accounts per carrier=%v, want one each", defaults)
			}
		})
		t.Run("Products", func(t *testing.T) {
			ps, err := d.FindProducts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(ps), 2; got != want {
				t.Fatalf("products=%d, want %d", got, want)
			}
			hot, unl := ps[0], ps[1] // by description
			if hot.ID != r.Hotspot || hot.Rate != 100125 || hot.Provisionable || hot.CarrierID != nil {
				t.Fatalf("Hotspot=%+v", hot)
			}
			if unl.ID != r.Unlimited || unl.Rate != 450000 || !unl.Provisionable || unl.CarrierID == nil || *unl.CarrierID != r.VZW {
				t.Fatalf("Unlimited=%+v", unl)
			}
		})
		t.Run("MoneyIs64Bit", func(t *testing.T) {
			big := domain.Money(9_000_000_000_000_0001) // past 32 bits: BIGINT on PostgreSQL
			id := mustInsert(t, d, `INSERT INTO products (description, rate, provisionable) VALUES (?, ?, ?)`, "Big", big, false)
			var got domain.Money
			if err := d.R.GetContext(ctx, &got, d.R.Rebind(`SELECT rate FROM products WHERE id = ?`), id); err != nil {
				t.Fatal(err)
			}
			if got != big {
				t.Fatalf("rate=%d, want %d", got, big)
			}
			mustExec(t, d, `DELETE FROM products WHERE id = ?`, id)
		})
		t.Run("Packages", func(t *testing.T) {
			ps, err := d.FindPackages(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(ps), 2; got != want {
				t.Fatalf("packages=%d, want %d", got, want)
			}
			att, vzw := ps[0], ps[1]
			if att.ID != r.ATTPackage || att.CarrierID != r.ATT || len(att.Products) != 2 {
				t.Fatalf("ATT package=%+v", att)
			}
			if vzw.ID != r.VZWPackage || len(vzw.Products) != 1 || vzw.Products[0].ID != r.Unlimited || vzw.Products[0].Rate != 450000 {
				t.Fatalf("VZW package=%+v", vzw)
			}
		})
		t.Run("ServiceTypes", func(t *testing.T) {
			sts, err := d.FindServiceTypes(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(sts) != 1 || sts[0].ID != r.Wireline || sts[0].Name != "Wireless Voice" {
				t.Fatalf("service types=%+v", sts)
			}
		})
		t.Run("Processes", func(t *testing.T) {
			ps, err := d.FindProcesses(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(ps), 2; got != want {
				t.Fatalf("processes=%d, want %d", got, want)
			}
			review, std := ps[0], ps[1] // "Port-In Review" < "Standard Activation"
			if review.ID != r.TwoRoutes || !review.NeedsRouteDecision() || len(review.Routes) != 2 || review.Routes[0].Description != "Manual review" {
				t.Fatalf("Port-In Review=%+v", review)
			}
			if std.ID != r.OneRoute || std.NeedsRouteDecision() || len(std.Routes) != 1 || !std.HasRoute(std.Routes[0].ID) {
				t.Fatalf("Standard Activation=%+v", std)
			}
		})
		t.Run("Empty", func(t *testing.T) {
			// A list of nothing is empty, not an error, on a fresh database.
			empty := dbtest.Open(t)
			if cs, err := empty.FindCarriers(ctx); err != nil || len(cs) != 0 {
				t.Fatalf("carriers=%v, %v", cs, err)
			}
			if ps, err := empty.FindProcesses(ctx); err != nil || len(ps) != 0 {
				t.Fatalf("processes=%v, %v", ps, err)
			}
		})
	})
}

func TestFindReferenceNames(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		n, err := d.FindReferenceNames(ctx, domain.ReferenceIDs{
			Carriers: []int64{r.VZW, r.VZW, 0}, Accounts: []int64{r.ATTAccount}, Packages: []int64{r.VZWPackage, 99999},
			ServiceTypes: []int64{r.Wireline},
		})
		if err != nil {
			t.Fatal(err)
		}
		want := domain.ReferenceNames{
			Carriers: map[int64]string{r.VZW: "Verizon Wireless"}, Accounts: map[int64]string{r.ATTAccount: "ATT Main"},
			Packages: map[int64]string{r.VZWPackage: "VZW Business Unlimited"}, ServiceTypes: map[int64]string{r.Wireline: "Wireless Voice"},
		}
		if !maps.Equal(n.Carriers, want.Carriers) || !maps.Equal(n.Accounts, want.Accounts) ||
			!maps.Equal(n.Packages, want.Packages) || !maps.Equal(n.ServiceTypes, want.ServiceTypes) {
			t.Fatalf("names = %+v, want %+v", n, want)
		}
		none, err := d.FindReferenceNames(ctx, domain.ReferenceIDs{Packages: []int64{r.ATTPackage}})
		if err != nil {
			t.Fatal(err)
		}
		if len(none.Carriers) != 0 || none.Packages[r.ATTPackage] != "ATT Business Pro" {
			t.Fatalf("names of one package = %+v", none)
		}
	})
}

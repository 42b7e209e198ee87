package db_test

import (
	"context"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestFindLineByID(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		c := mustCreateCustomer(t, d, "Bright Dental", r.BillProfile)
		id := mustCreateLine(t, d, r, c.ID, "3125550101", domain.LineActive)
		p1 := mustAddProduct(t, d, id, r.Unlimited, domain.Money(450000), 1)
		p2 := mustAddProduct(t, d, id, r.Hotspot, domain.Money(-25000), 3) // a credit
		bare := mustCreateLine(t, d, r, c.ID, "3125550102", domain.LinePending)

		t.Run("OK", func(t *testing.T) {
			l, err := d.FindLineByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if l.CustomerID != c.ID || l.TN != "3125550101" || l.CarrierID != r.VZW || l.PackageID != r.VZWPackage ||
				l.CarrierAccountID != r.VZWAccount || l.LineTypeID == nil || *l.LineTypeID != r.Wireline || l.Status != domain.LineActive {
				t.Fatalf("line=%+v", l)
			}
			if l.AltBTNID != nil {
				t.Fatalf("AltBTNID=%d, want nil", *l.AltBTNID)
			}
			if got, want := len(l.Products), 2; got != want {
				t.Fatalf("products=%d, want %d", got, want)
			}
			if got, want := *l.Products[0], (domain.CustomerProduct{ID: p1, LineID: id, ProductID: r.Unlimited, Description: l.Products[0].Description, Rate: 450000, Quantity: 1}); got != want {
				t.Fatalf("product 0=%+v, want %+v", got, want)
			}
			if got, want := *l.Products[1], (domain.CustomerProduct{ID: p2, LineID: id, ProductID: r.Hotspot, Description: l.Products[1].Description, Rate: -25000, Quantity: 3}); got != want {
				t.Fatalf("product 1=%+v, want %+v", got, want)
			}
		})
		t.Run("NoProducts", func(t *testing.T) {
			l, err := d.FindLineByID(ctx, bare)
			if err != nil {
				t.Fatal(err)
			}
			if l.Products == nil || len(l.Products) != 0 {
				t.Fatalf("Products=%v, want an empty list", l.Products)
			}
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := d.FindLineByID(ctx, 999999)
			wantCode(t, err, domain.ENOTFOUND)
		})
	})
}

func TestFindLines(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		a := mustCreateCustomer(t, d, "Acme", r.BillProfile)
		b := mustCreateCustomer(t, d, "Bright", r.BillProfile)
		a1 := mustCreateLine(t, d, r, a.ID, "3125550101", domain.LineActive)
		a2 := mustCreateLine(t, d, r, a.ID, "3125550102", domain.LineSuspended)
		a3 := mustCreateLine(t, d, r, a.ID, "3125550103", domain.LineDisconnected)
		b1 := mustCreateLine(t, d, r, b.ID, "7735550101", domain.LineActive)
		mustAddProduct(t, d, a1, r.Unlimited, 450000, 1)
		mustAddProduct(t, d, b1, r.Unlimited, 450000, 2)
		mustAddProduct(t, d, b1, r.Hotspot, 100125, 1)

		ids := func(ls []*domain.Line) []int64 {
			out := []int64{}
			for _, l := range ls {
				out = append(out, l.ID)
			}
			return out
		}
		for _, tt := range []struct {
			name string
			f    domain.LineFilter
			want []int64
		}{
			{"All", domain.LineFilter{}, []int64{a1, a2, a3, b1}},
			{"CustomerID", domain.LineFilter{CustomerID: &a.ID}, []int64{a1, a2, a3}},
			{"TN", domain.LineFilter{TN: ptr("(773) 555-0101")}, []int64{b1}},
			{"LineID", domain.LineFilter{LineID: &a2}, []int64{a2}},
			{"Status", domain.LineFilter{Status: ptr(domain.LineActive)}, []int64{a1, b1}},
			{"Combined", domain.LineFilter{CustomerID: &a.ID, Status: ptr(domain.LineDisconnected)}, []int64{a3}},
			{"NoMatch", domain.LineFilter{CustomerID: &b.ID, Status: ptr(domain.LineSuspended)}, []int64{}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				ls, next, err := d.FindLines(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(ls); !equal(got, tt.want) {
					t.Fatalf("lines=%v, want %v", got, tt.want)
				}
				if next != "" {
					t.Fatalf("Next=%q on the only page", next)
				}
			})
		}
		t.Run("ProductsAttached", func(t *testing.T) {
			ls, _, err := d.FindLines(ctx, domain.LineFilter{})
			if err != nil {
				t.Fatal(err)
			}
			want := map[int64]int{a1: 1, a2: 0, a3: 0, b1: 2}
			for _, l := range ls {
				if got := len(l.Products); got != want[l.ID] || l.Products == nil {
					t.Fatalf("line %d products=%v, want %d", l.ID, l.Products, want[l.ID])
				}
				for _, p := range l.Products {
					if p.LineID != l.ID {
						t.Fatalf("line %d holds product of line %d", l.ID, p.LineID)
					}
				}
			}
		})
		t.Run("Paging", func(t *testing.T) {
			var got []int64
			after := ""
			for {
				ls, next, err := d.FindLines(ctx, domain.LineFilter{Page: domain.Page{Limit: 3, After: after}})
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, ids(ls)...)
				if next == "" {
					break
				}
				after = next
			}
			if want := []int64{a1, a2, a3, b1}; !equal(got, want) {
				t.Fatalf("lines over pages=%v, want %v", got, want)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			for _, f := range []domain.LineFilter{
				{Status: ptr("GONE")},
				{Page: domain.Page{After: "%%%"}},
				{Page: domain.Page{Limit: domain.MaxPageLimit + 1}},
			} {
				_, _, err := d.FindLines(ctx, f)
				wantCode(t, err, domain.EINVALID)
			}
		})
	})
}

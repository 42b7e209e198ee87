package db_test

import (
	"context"
	"fmt"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestCreateInventory(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		t.Run("OK", func(t *testing.T) {
			var items []*domain.InventoryItem
			for i := 0; i < 40; i++ {
				items = append(items, &domain.InventoryItem{Identifier: fmt.Sprintf(" 8914800000%010d ", i), Type: domain.InventorySIM})
			}
			if err := d.CreateInventory(ctx, items); err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				if it.ID == 0 || it.Status != domain.InventoryAvailable || it.Identifier[0] == ' ' {
					t.Fatalf("item=%+v", it)
				}
			}
			if got, want := count(t, d, "inventory", "type = ?", domain.InventorySIM), 40; got != want {
				t.Fatalf("SIMs=%d, want %d", got, want)
			}
		})
		t.Run("ErrConflict", func(t *testing.T) {
			mustCreateInventory(t, d, "IMEI-EXISTS", domain.InventoryDevice, "")
			before := count(t, d, "inventory", "")
			err := d.CreateInventory(ctx, []*domain.InventoryItem{
				{Identifier: "IMEI-NEW-1", Type: domain.InventoryDevice},
				{Identifier: "IMEI-EXISTS", Type: domain.InventoryDevice},
				{Identifier: "IMEI-NEW-2", Type: domain.InventoryDevice},
			})
			wantCode(t, err, domain.ECONFLICT)
			if got, want := domain.ErrorMessage(err), "Identifier IMEI-EXISTS exists already."; got != want {
				t.Fatalf("message=%q, want %q", got, want)
			}
			if got := count(t, d, "inventory", ""); got != before {
				t.Fatalf("items=%d after a failed batch, want %d (all or none)", got, before)
			}
			if got := count(t, d, "inventory", "identifier = ?", "IMEI-NEW-1"); got != 0 {
				t.Fatal("the item before the conflict was stored")
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			long := fmt.Sprintf("%041d", 1)
			for name, items := range map[string][]*domain.InventoryItem{
				"Empty":        {},
				"NoIdentifier": {{Identifier: "  ", Type: domain.InventorySIM}},
				"TooLong":      {{Identifier: long, Type: domain.InventorySIM}},
				"BadType":      {{Identifier: "X1", Type: "Pager"}},
				"BadStatus":    {{Identifier: "X2", Type: domain.InventorySIM, Status: "LOST"}},
				"Twice":        {{Identifier: "X3", Type: domain.InventorySIM}, {Identifier: "X3", Type: domain.InventorySIM}},
			} {
				t.Run(name, func(t *testing.T) {
					before := count(t, d, "inventory", "")
					wantCode(t, d.CreateInventory(ctx, items), domain.EINVALID)
					if got := count(t, d, "inventory", ""); got != before {
						t.Fatalf("items=%d, want %d", got, before)
					}
				})
			}
			t.Run("FieldNames", func(t *testing.T) {
				err := d.CreateInventory(ctx, []*domain.InventoryItem{{Identifier: "OK1", Type: domain.InventorySIM}, {Identifier: "", Type: "Pager"}})
				var fields []string
				for _, f := range domain.ErrorFields(err) {
					fields = append(fields, f.Field)
				}
				if want := []string{"Items[1].Identifier", "Items[1].Type"}; !equal(fields, want) {
					t.Fatalf("fields=%v, want %v", fields, want)
				}
			})
		})
	})
}

func mustCreateInventory(tb testing.TB, d *db.DB, identifier, typ, status string) *domain.InventoryItem {
	tb.Helper()
	it := &domain.InventoryItem{Identifier: identifier, Type: typ, Status: status}
	if err := d.CreateInventory(context.Background(), []*domain.InventoryItem{it}); err != nil {
		tb.Fatalf("CreateInventory(%q): %v", identifier, err)
	}
	return it
}

func TestFindInventory(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		c := mustCreateCustomer(t, d, "Acme", r.BillProfile)
		sim1 := mustCreateInventory(t, d, "89148000001", domain.InventorySIM, "")
		sim2 := mustCreateInventory(t, d, "89148000002", domain.InventorySIM, domain.InventoryUnavailable)
		dev1 := mustCreateInventory(t, d, "35693803564380", domain.InventoryDevice, "")
		odd := mustCreateInventory(t, d, "A_B%C", domain.InventoryGeneral, "")
		assigned := &domain.InventoryItem{Identifier: "89148000003", Type: domain.InventorySIM, Status: domain.InventoryAssigned, CustomerID: &c.ID}
		if err := d.CreateInventory(ctx, []*domain.InventoryItem{assigned}); err != nil {
			t.Fatal(err)
		}
		ids := func(items []*domain.InventoryItem) []int64 {
			out := []int64{}
			for _, it := range items {
				out = append(out, it.ID)
			}
			return out
		}
		for _, tt := range []struct {
			name string
			f    domain.InventoryFilter
			want []int64
		}{
			{"All", domain.InventoryFilter{}, []int64{sim1.ID, sim2.ID, dev1.ID, odd.ID, assigned.ID}},
			{"Status", domain.InventoryFilter{Status: ptr(domain.InventoryAvailable)}, []int64{sim1.ID, dev1.ID, odd.ID}},
			{"Type", domain.InventoryFilter{Type: ptr(domain.InventorySIM)}, []int64{sim1.ID, sim2.ID, assigned.ID}},
			{"StatusAndType", domain.InventoryFilter{Status: ptr(domain.InventoryAvailable), Type: ptr(domain.InventorySIM)}, []int64{sim1.ID}},
			{"IdentifierPrefix", domain.InventoryFilter{Identifier: ptr("8914800000")}, []int64{sim1.ID, sim2.ID, assigned.ID}},
			{"IdentifierWhole", domain.InventoryFilter{Identifier: ptr("89148000002")}, []int64{sim2.ID}},
			{"IdentifierNotInside", domain.InventoryFilter{Identifier: ptr("148")}, []int64{}},
			{"IdentifierLiteral", domain.InventoryFilter{Identifier: ptr("A_B%")}, []int64{odd.ID}},
			{"IdentifierNoWildcard", domain.InventoryFilter{Identifier: ptr("_")}, []int64{}},
			{"CustomerID", domain.InventoryFilter{CustomerID: &c.ID}, []int64{assigned.ID}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				items, next, err := d.FindInventory(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(items); !equal(got, tt.want) {
					t.Fatalf("items=%v, want %v", got, tt.want)
				}
				if next != "" {
					t.Fatalf("Next=%q on the only page", next)
				}
			})
		}
		t.Run("Fields", func(t *testing.T) {
			items, _, err := d.FindInventory(ctx, domain.InventoryFilter{CustomerID: &c.ID})
			if err != nil {
				t.Fatal(err)
			}
			got := items[0]
			if got.Identifier != "89148000003" || got.Type != domain.InventorySIM || got.Status != domain.InventoryAssigned ||
				got.CustomerID == nil || *got.CustomerID != c.ID || got.LineID != nil {
				t.Fatalf("item=%+v", got)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			for _, f := range []domain.InventoryFilter{
				{Status: ptr("LOST")},
				{Type: ptr("Pager")},
				{Page: domain.Page{After: "bm9wZQ"}},
				{Page: domain.Page{Limit: -5}},
			} {
				_, _, err := d.FindInventory(ctx, f)
				wantCode(t, err, domain.EINVALID)
			}
		})
	})
}

func TestFindInventoryPaging(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		var items []*domain.InventoryItem
		for i := 0; i < 250; i++ {
			typ := domain.InventorySIM
			if i%2 == 1 {
				typ = domain.InventoryDevice
			}
			items = append(items, &domain.InventoryItem{Identifier: fmt.Sprintf("ID%05d", i), Type: typ})
		}
		if err := d.CreateInventory(ctx, items); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name  string
			f     domain.InventoryFilter
			limit int
			want  int
		}{
			{"All", domain.InventoryFilter{}, 40, 250},
			{"Devices", domain.InventoryFilter{Type: ptr(domain.InventoryDevice)}, 33, 125},
			{"OnePage", domain.InventoryFilter{}, 500, 250},
		} {
			t.Run(tt.name, func(t *testing.T) {
				seen := map[int64]bool{}
				var last int64
				after := ""
				for {
					f := tt.f
					f.Page = domain.Page{Limit: tt.limit, After: after}
					page, next, err := d.FindInventory(ctx, f)
					if err != nil {
						t.Fatal(err)
					}
					for _, it := range page {
						if seen[it.ID] || it.ID <= last {
							t.Fatalf("item %d out of order or seen twice", it.ID)
						}
						seen[it.ID], last = true, it.ID
					}
					if next == "" {
						break
					}
					after = next
				}
				if got := len(seen); got != tt.want {
					t.Fatalf("items=%d, want %d", got, tt.want)
				}
			})
		}
	})
}

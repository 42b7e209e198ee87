package domain_test

import (
	"reflect"
	"testing"

	"switchboard/domain"
)

func TestPriceLine(t *testing.T) {
	m := func(s string) domain.Money {
		v, err := domain.ParseMoney(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	id := func(v int64) *int64 { return &v }
	plan := &domain.CustomerProduct{ID: 11, ProductID: 1, Description: "Plan", Rate: m("40"), Quantity: 1}
	lines := &domain.CustomerProduct{ID: 12, ProductID: 2, Description: "Extra line", Rate: m("10"), Quantity: 2}
	activated := &domain.CustomerProduct{ID: 13, ProductID: 5, Description: "Activation", Rate: m("35"), Quantity: 1}
	oneTime := map[int64]bool{5: true, 6: true}
	add := func(pid int64, rate string, qty int, src string) *domain.OrderProduct {
		return &domain.OrderProduct{Op: domain.ProductAdd, ProductID: pid, Rate: m(rate), Quantity: qty, Source: src}
	}
	for _, tt := range []struct {
		name          string
		current       []*domain.CustomerProduct
		ops           []*domain.OrderProduct
		before, after domain.Charges
		dups          []string // Duplicate of each product change, in order
	}{
		{"NewLineWithPackage", nil,
			[]*domain.OrderProduct{add(1, "40", 1, domain.SourcePackage), add(5, "35", 1, domain.SourcePackage)},
			domain.Charges{}, domain.Charges{Monthly: m("40"), OneTime: m("35")}, []string{"", ""}},
		{"ShippingInPackageAndAskedFor", nil,
			[]*domain.OrderProduct{add(6, "14.99", 1, domain.SourcePackage), add(1, "40", 1, domain.SourcePackage), add(6, "14.99", 1, domain.SourceRequested)},
			domain.Charges{}, domain.Charges{Monthly: m("40"), OneTime: m("29.98")}, []string{domain.DupInOrder, "", domain.DupInOrder}},
		{"QuantityCounts", nil, []*domain.OrderProduct{add(2, "10.0125", 3, domain.SourceRequested)},
			domain.Charges{}, domain.Charges{Monthly: m("30.0375")}, []string{""}},
		{"AddWhatTheLineCarries", []*domain.CustomerProduct{plan, lines},
			[]*domain.OrderProduct{add(2, "10", 1, domain.SourceRequested)},
			domain.Charges{Monthly: m("60")}, domain.Charges{Monthly: m("70")}, []string{domain.DupOnLine}},
		{"ChangeReplacesTheAmount", []*domain.CustomerProduct{plan, lines},
			[]*domain.OrderProduct{{Op: domain.ProductChange, ProductID: 2, CustomerProductID: id(12), Rate: m("8"), Quantity: 3}},
			domain.Charges{Monthly: m("60")}, domain.Charges{Monthly: m("64")}, []string{""}},
		{"RemoveTakesItAway", []*domain.CustomerProduct{plan, lines, activated},
			[]*domain.OrderProduct{{Op: domain.ProductRemove, ProductID: 2, CustomerProductID: id(12), Rate: m("10"), Quantity: 2}},
			domain.Charges{Monthly: m("60"), OneTime: m("35")}, domain.Charges{Monthly: m("40"), OneTime: m("35")}, []string{""}},
		{"PackageSwapRemovesAndAddsAgain", []*domain.CustomerProduct{plan},
			[]*domain.OrderProduct{{Op: domain.ProductRemove, ProductID: 1, CustomerProductID: id(11), Rate: m("40"), Quantity: 1},
				add(1, "45", 1, domain.SourcePackage)},
			domain.Charges{Monthly: m("40")}, domain.Charges{Monthly: m("45")}, []string{"", ""}},
		{"ACreditLowersTheTotal", []*domain.CustomerProduct{plan},
			[]*domain.OrderProduct{add(3, "-5", 1, domain.SourceRequested)},
			domain.Charges{Monthly: m("40")}, domain.Charges{Monthly: m("35")}, []string{""}},
		{"NothingChanges", []*domain.CustomerProduct{plan}, nil,
			domain.Charges{Monthly: m("40")}, domain.Charges{Monthly: m("40")}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lc := domain.PriceLine(tt.current, tt.ops, oneTime)
			if lc.Before != tt.before || lc.After != tt.after {
				t.Errorf("before %+v after %+v, want %+v → %+v", lc.Before, lc.After, tt.before, tt.after)
			}
			var dups []string
			for _, p := range lc.Products {
				dups = append(dups, p.Duplicate)
			}
			if !reflect.DeepEqual(dups, tt.dups) {
				t.Errorf("duplicates %q, want %q", dups, tt.dups)
			}
		})
	}
}

func TestTotalCharges(t *testing.T) {
	a := domain.LineCharges{Before: domain.Charges{Monthly: 400000}, After: domain.Charges{Monthly: 450000, OneTime: 350000}}
	b := domain.LineCharges{Before: domain.Charges{Monthly: 100000, OneTime: 10000}, After: domain.Charges{Monthly: 0, OneTime: 10000}}
	before, after := domain.TotalCharges([]domain.LineCharges{a, b})
	if want := (domain.Charges{Monthly: 500000, OneTime: 10000}); before != want {
		t.Errorf("before %+v, want %+v", before, want)
	}
	if want := (domain.Charges{Monthly: 450000, OneTime: 360000}); after != want {
		t.Errorf("after %+v, want %+v", after, want)
	}
	if before, after := domain.TotalCharges(nil); before != (domain.Charges{}) || after != (domain.Charges{}) {
		t.Errorf("no lines: %+v → %+v", before, after)
	}
}

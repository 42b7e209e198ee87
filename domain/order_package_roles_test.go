package domain_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"switchboard/domain"
)

// productOps describes an item's products as "OP:ProductID" in order.
func productOps(it *domain.OrderItem) string {
	var parts []string
	for _, op := range it.Products {
		parts = append(parts, fmt.Sprintf("%s:%d", op.Op, op.ProductID))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

// What a package brings: a new line gets its plan, included options and
// one-time charges; a package change moves the plan and included options
// and adds one-time charges only when asked.
func TestPackageRoles(t *testing.T) {
	for _, tt := range []struct {
		name string
		plan func(t *testing.T, lk *fakeLookup) *domain.OrderItem
		want string
	}{
		{"NewServiceGetsPlanIncludedAndOneTime", func(t *testing.T, lk *fakeLookup) *domain.OrderItem {
			plan, err := domain.PlanNewOrders(t.Context(), lk, &domain.NewOrdersInput{CustomerID: 1, PackageID: 6})
			if err != nil {
				t.Fatal(err)
			}
			return plan.Orders[0].Items[0]
		}, "ADD:100 ADD:103 ADD:105"},
		{"NewServiceOptionalWhenAsked", func(t *testing.T, lk *fakeLookup) *domain.OrderItem {
			plan, err := domain.PlanNewOrders(t.Context(), lk, &domain.NewOrdersInput{CustomerID: 1, PackageID: 6,
				AdditionalProducts: domain.AdditionalProductList{{ProductID: 104}}})
			if err != nil {
				t.Fatal(err)
			}
			return plan.Orders[0].Items[0]
		}, "ADD:100 ADD:103 ADD:104 ADD:105"},
		{"AddLineGetsPlanIncludedAndOneTime", func(t *testing.T, lk *fakeLookup) *domain.OrderItem {
			return planCreate(t, lk, &domain.OrdersCreateInput{AddLine: &domain.AddLineInput{CustomerID: 1,
				Lines: domain.AddLineList{{PackageID: 6}}}})[0].Items[0]
		}, "ADD:100 ADD:103 ADD:105"},
		// Line 1 (package 1: 100 plan, 101 included) carries 100, 101, 103, 104.
		{"PackageChangeMovesPlanAndOptions", func(t *testing.T, lk *fakeLookup) *domain.OrderItem {
			return planCreate(t, lk, &domain.OrdersCreateInput{PackageChange: &domain.PackageChangeInput{LineID: 1, PackageID: 6}})[0].Items[0]
		}, "REMOVE:101"},
		{"PackageChangeOneTimeWhenAsked", func(t *testing.T, lk *fakeLookup) *domain.OrderItem {
			return planCreate(t, lk, &domain.OrdersCreateInput{PackageChange: &domain.PackageChangeInput{LineID: 1, PackageID: 6, OneTimeCharges: true}})[0].Items[0]
		}, "ADD:105 REMOVE:101"},
		{"PackageChangeAddsThePlan", func(t *testing.T, lk *fakeLookup) *domain.OrderItem {
			lk.lines[1].Products = lk.lines[1].Products[1:] // no plan on the line
			return planCreate(t, lk, &domain.OrdersCreateInput{PackageChange: &domain.PackageChangeInput{LineID: 1, PackageID: 2}})[0].Items[0]
		}, "ADD:100 REMOVE:101"},
		{"PackageChangeKeepsOptionalAndOneTime", func(t *testing.T, lk *fakeLookup) *domain.OrderItem {
			// Line 1 on package 6: its included hotspot (103) leaves; the
			// optional insurance (104) and a billed activation fee stay.
			lk.lines[1].PackageID = 6
			lk.lines[1].Products = append(lk.lines[1].Products, &domain.CustomerProduct{ID: 1005, LineID: 1, ProductID: 105, Rate: 350000, Quantity: 1})
			return planCreate(t, lk, &domain.OrdersCreateInput{PackageChange: &domain.PackageChangeInput{LineID: 1, PackageID: 1}})[0].Items[0]
		}, "REMOVE:103"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := productOps(tt.plan(t, newFake())); got != tt.want {
				t.Errorf("products %q, want %q", got, tt.want)
			}
		})
	}
}

// Nothing is shipped, so no ShippingAddress is needed: a device the
// customer already holds, a package whose shipping charge is optional.
func TestPlanNewOrders_NothingShipped(t *testing.T) {
	for _, in := range []*domain.NewOrdersInput{
		{CustomerID: 1, PackageID: 1, ESN: "ESN-MINE"},
		{CustomerID: 1, PackageID: 6},
		{CustomerID: 1, PackageID: 6, AdditionalProducts: domain.AdditionalProductList{{ProductID: 106}}, ShippingAddress: validShipping()},
	} {
		if _, err := domain.PlanNewOrders(t.Context(), newFake(), in); err != nil {
			t.Errorf("%+v: %v", in, err)
		}
	}
}

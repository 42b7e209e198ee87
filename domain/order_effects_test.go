package domain_test

import (
	"fmt"
	"strings"
	"testing"

	"switchboard/domain"
)

func describeEffects(effs []domain.Effect) string {
	var s []string
	for _, e := range effs {
		x := fmt.Sprintf("%s line%d", e.Kind, e.LineID)
		if e.Status != "" {
			x += " " + e.Status
		}
		if e.SuspendType != "" {
			x += " " + e.SuspendType
		}
		if e.PackageID != 0 {
			x += fmt.Sprintf(" pkg%d", e.PackageID)
		}
		if e.Product != nil {
			x += fmt.Sprintf(" p%d", e.Product.ProductID)
			if e.Product.CustomerProductID != nil {
				x += fmt.Sprintf(" cp%d", *e.Product.CustomerProductID)
			}
		}
		s = append(s, x)
	}
	return strings.Join(s, "; ")
}

func TestCompletionEffects(t *testing.T) {
	for _, tt := range []struct {
		name  string
		order *domain.Order
		want  string
	}{
		{"NewServiceActivatesLineWithProducts", &domain.Order{Type: domain.TypeNew, Items: []*domain.OrderItem{{LineID: 8, Action: domain.ItemAdd,
			Products: []*domain.OrderProduct{{Op: domain.ProductAdd, ProductID: 100}, {Op: domain.ProductAdd, ProductID: 102}}}}},
			"ADD_PRODUCT line8 p100; ADD_PRODUCT line8 p102; LINE_STATUS line8 ACTIVE"},
		{"SuspendWithItsType", &domain.Order{Type: domain.TypeSuspend, SuspendType: "INCOMING", Items: []*domain.OrderItem{{LineID: 1, Action: domain.ItemSuspend}}},
			"LINE_STATUS line1 SUSPENDED INCOMING"},
		{"RestoreActivates", &domain.Order{Type: domain.TypeRestore, Items: []*domain.OrderItem{{LineID: 2, Action: domain.ItemRestore}}},
			"LINE_STATUS line2 ACTIVE"},
		{"DisconnectSetsInventory", &domain.Order{Type: domain.TypeDisconnect, InventoryItemStatus: "UNAVAILABLE",
			Items: []*domain.OrderItem{{LineID: 1, Action: domain.ItemDisconnect}, {LineID: 2, Action: domain.ItemDisconnect}}},
			"INVENTORY line1 UNAVAILABLE; LINE_STATUS line1 DISCONNECTED; INVENTORY line2 UNAVAILABLE; LINE_STATUS line2 DISCONNECTED"},
		{"DisconnectInventoryDefault", &domain.Order{Type: domain.TypeDisconnect, Items: []*domain.OrderItem{{LineID: 1, Action: domain.ItemDisconnect}}},
			"INVENTORY line1 AVAILABLE; LINE_STATUS line1 DISCONNECTED"},
		{"ChangeProducts", &domain.Order{Type: domain.TypeChangeFeature, Items: []*domain.OrderItem{
			{LineID: 1, Action: domain.ItemChange, Products: []*domain.OrderProduct{
				{Op: domain.ProductAdd, ProductID: 102}, {Op: domain.ProductChange, ProductID: 101, CustomerProductID: i64(1002)},
				{Op: domain.ProductRemove, ProductID: 103, CustomerProductID: i64(1003)}, {Op: domain.ProductRemove, ProductID: 9}}},
			{LineID: 4, Action: domain.ItemDisconnect}}},
			"ADD_PRODUCT line1 p102; CHANGE_PRODUCT line1 p101 cp1002; REMOVE_PRODUCT line1 p103 cp1003; INVENTORY line4 AVAILABLE; LINE_STATUS line4 DISCONNECTED"},
		{"PackageChange", &domain.Order{Type: domain.TypePackageChange, Items: []*domain.OrderItem{{LineID: 1, Action: domain.ItemPackageChange, PackageID: 2,
			Products: []*domain.OrderProduct{{Op: domain.ProductRemove, ProductID: 101, CustomerProductID: i64(1002)}}}}},
			"REMOVE_PRODUCT line1 p101 cp1002; LINE_PACKAGE line1 pkg2"},
		{"UnlinkedItemSkipped", &domain.Order{Type: domain.TypeNew, Items: []*domain.OrderItem{nil, {Action: domain.ItemAdd}}}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := describeEffects(domain.CompletionEffects(tt.order)); got != tt.want {
				t.Fatalf("effects=%q, want %q", got, tt.want)
			}
		})
	}
}

func TestCancelEffects(t *testing.T) {
	for _, tt := range []struct {
		name  string
		order *domain.Order
		want  string
	}{
		{"NewLineNeverComes", &domain.Order{Type: domain.TypeAddLine, Items: []*domain.OrderItem{{LineID: 8, Action: domain.ItemAdd}, {LineID: 9, Action: domain.ItemAdd}}},
			"INVENTORY line8 AVAILABLE; LINE_STATUS line8 DISCONNECTED; INVENTORY line9 AVAILABLE; LINE_STATUS line9 DISCONNECTED"},
		{"SuspendChangesNothing", &domain.Order{Type: domain.TypeSuspend, Items: []*domain.OrderItem{{LineID: 1, Action: domain.ItemSuspend}}}, ""},
		{"DisconnectChangesNothing", &domain.Order{Type: domain.TypeDisconnect, Items: []*domain.OrderItem{{LineID: 1, Action: domain.ItemDisconnect}}}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := describeEffects(domain.CancelEffects(tt.order)); got != tt.want {
				t.Fatalf("effects=%q, want %q", got, tt.want)
			}
		})
	}
}

func TestEffect_CustomerProduct(t *testing.T) {
	e := domain.Effect{Kind: domain.EffectAddProduct, LineID: 3, Product: &domain.OrderProduct{ProductID: 102, Description: "Shipping fee", Rate: -500, Quantity: 2}}
	cp := e.CustomerProduct()
	if cp.LineID != 3 || cp.ProductID != 102 || cp.Description != "Shipping fee" || cp.Rate != -500 || cp.Quantity != 2 {
		t.Fatalf("CustomerProduct=%+v", cp)
	}
	if got := (domain.Effect{}).CustomerProduct(); got != nil {
		t.Fatalf("CustomerProduct of no product=%+v, want nil", got)
	}
}

// A planned new service, once created and completed, activates its line.
func TestCompletionEffects_OfAPlan(t *testing.T) {
	plan, err := domain.PlanNewOrders(t.Context(), newFake(), &domain.NewOrdersInput{CustomerID: 1, PackageID: 2})
	if err != nil {
		t.Fatal(err)
	}
	plan.Lines[0].ID = 42
	plan.LinkLines()
	if got, want := describeEffects(domain.CompletionEffects(plan.Orders[0])), "ADD_PRODUCT line42 p100; LINE_STATUS line42 ACTIVE"; got != want {
		t.Fatalf("effects=%q, want %q", got, want)
	}
}

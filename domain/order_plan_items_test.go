package domain_test

import (
	"strings"
	"testing"

	"switchboard/domain"
)

// An order's items keep the line's package, and a disconnect names the
// inventory it releases, so Orders_Search finds it by Identifier.
func TestPlanOrdersCreate_ItemsKeepPackageAndInventory(t *testing.T) {
	for _, tt := range []struct {
		name   string
		in     *domain.OrdersCreateInput
		idents string
	}{
		{"Disconnect", &domain.OrdersCreateInput{Disconnect: &domain.DisconnectInput{TN: "3125550101"}}, "ESN-INUSE"},
		{"ChangeDisconnect", change(disconnectOf(1, "")), "ESN-INUSE"},
		{"Suspend", &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{TN: "3125550101", SuspendType: domain.SuspendAll}}, ""},
		{"Change", change(changeOf(1, "", addOf(102))), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			it := planCreate(t, nil, tt.in)[0].Items[0]
			if it.PackageID != 1 {
				t.Errorf("PackageID=%d, want the line's package 1", it.PackageID)
			}
			if got := strings.Join(it.InventoryIdentifiers, ","); got != tt.idents {
				t.Errorf("InventoryIdentifiers=%q, want %q", got, tt.idents)
			}
		})
	}
}

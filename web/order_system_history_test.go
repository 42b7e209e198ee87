package web_test

import (
	"context"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// The system's moves show in an order's history as the system's, in words.
func TestOrderHistoryShowsTheSystem(t *testing.T) {
	app := webtest.Open(t, nil)
	seedOrderFx(t, app)
	o := fxMove(t, app, fxSuspend(t, app, "3125550101"), domain.OrderSent)
	if _, err := app.DB.MoveOrderBySystem(context.Background(), o.ID, domain.OrderConfirmed, "Accepted by the provider"); err != nil {
		t.Fatal(err)
	}
	items := app.As(domain.RoleSupport).Get(orderPage(o.ID)).Doc().FindAll("#order-history li.sb-event")
	if len(items) < 2 {
		t.Fatalf("%d history entries, want the creation and the move", len(items))
	}
	last := items[len(items)-1].Text()
	for _, want := range []string{domain.SystemName, "moved the order", "CONFIRMED", "Accepted by the provider"} {
		if !strings.Contains(last, want) {
			t.Errorf("last history entry %q does not say %q", last, want)
		}
	}
	if strings.Contains(last, "test-rep") {
		t.Errorf("last history entry %q names a person", last)
	}
}

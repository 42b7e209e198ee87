package web_test

import (
	"context"
	"fmt"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// quoteWorld is a customer's open quote with a service of each kind:
// Trunk allows Port and Cease up to 10 numbers, PortOnly allows Port up to
// 500, NoControl has no PortingNumber control; Closed is on a converted quote.
type quoteWorld struct {
	Customer                              *domain.Customer
	Quote                                 *domain.Quote
	Trunk, PortOnly, NoControl, Closed    int64 // order service ids
	TrunkDesign, PortOnlyDesign, NoDesign *domain.ServiceDesign
}

func seedQuoteWorld(tb testing.TB, app *webtest.App) *quoteWorld {
	tb.Helper()
	ctx := domain.NewContextWithUser(context.Background(), app.Users[domain.RoleRep])
	ref := seedCustRef(tb, app)
	w := &quoteWorld{Customer: fxCustomer(tb, app, ref, "Northwind Logistics", "Chicago", "123456789")}
	w.TrunkDesign = &domain.ServiceDesign{Name: "SIP trunk", PortingNumberControl: true, PortActions: []string{"Port", "Cease"}, MaxPortQuantity: 10}
	w.PortOnlyDesign = &domain.ServiceDesign{Name: "Hosted PBX seats", PortingNumberControl: true, PortActions: []string{"Port"}, MaxPortQuantity: 500}
	w.NoDesign = &domain.ServiceDesign{Name: "Dedicated internet", MaxPortQuantity: 0}
	for _, d := range []*domain.ServiceDesign{w.TrunkDesign, w.PortOnlyDesign, w.NoDesign} {
		if err := app.DB.CreateServiceDesign(ctx, d); err != nil {
			tb.Fatal(err)
		}
	}
	var err error
	if w.Quote, err = app.DB.CreateQuote(ctx, w.Customer.ID); err != nil {
		tb.Fatal(err)
	}
	add := func(q, d int64) int64 {
		s, err := app.DB.AddOrderService(ctx, q, d)
		if err != nil {
			tb.Fatal(err)
		}
		return s.ID
	}
	w.Trunk, w.PortOnly, w.NoControl = add(w.Quote.ID, w.TrunkDesign.ID), add(w.Quote.ID, w.PortOnlyDesign.ID), add(w.Quote.ID, w.NoDesign.ID)
	closed, err := app.DB.CreateQuote(ctx, w.Customer.ID)
	if err != nil {
		tb.Fatal(err)
	}
	w.Closed = add(closed.ID, w.TrunkDesign.ID)
	if _, err := app.DB.ConvertQuote(ctx, closed.ID); err != nil {
		tb.Fatal(err)
	}
	return w
}

func pnPath(service int64) string { return fmt.Sprintf("/api/order/Service/%d/PortNumber", service) }

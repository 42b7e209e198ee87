package demo

import (
	"context"
	"fmt"

	"switchboard/db"
	"switchboard/domain"
)

// demoDesigns are the service designs quotes are made from: with and
// without a PortingNumber control, one allowing Port and Cease up to 500.
var demoDesigns = []domain.ServiceDesign{
	{Name: "SIP trunk with number porting", PortingNumberControl: true, PortActions: []string{domain.PortActionPort, domain.PortActionCease}, MaxPortQuantity: 500},
	{Name: "Hosted PBX seats", PortingNumberControl: true, PortActions: []string{domain.PortActionPort, domain.PortActionCease}, MaxPortQuantity: 100},
	{Name: "Business voice line", PortingNumberControl: true, PortActions: []string{domain.PortActionPort}, MaxPortQuantity: 10},
	{Name: "Toll-free numbers (cease only)", PortingNumberControl: true, PortActions: []string{domain.PortActionCease}, MaxPortQuantity: 25},
	{Name: "Dedicated internet access", PortingNumberControl: false, MaxPortQuantity: 0},
}

// demoQuote is a quote of the demo: its services by design index, each
// with its ranges (FirstNumber, Quantity, PortAction; an associated number
// when Quantity is 0).
type demoQuote struct {
	customer int // index into the customers not reserved
	convert  bool
	services []demoQuoteService
}

type demoQuoteService struct {
	design int
	ranges []demoRange
}

type demoRange struct {
	first  string
	qty    int64
	action string
}

var demoQuotes = []demoQuote{
	{customer: 0, services: []demoQuoteService{
		{design: 0, ranges: []demoRange{{"3125550100", 50, "Port"}, {"3125550999", 0, "Port"}, {"6305551200", 20, "Cease"}}},
		{design: 2, ranges: []demoRange{{"7735550100", 4, "Port"}}},
		{design: 4},
	}},
	{customer: 1, services: []demoQuoteService{
		{design: 1},
	}},
	{customer: 2, convert: true, services: []demoQuoteService{
		{design: 1, ranges: []demoRange{{"2125550400", 40, "Port"}, {"2125550480", 10, "Cease"}}},
		{design: 3, ranges: []demoRange{{"8005550100", 5, "Cease"}}},
	}},
}

// loadQuotes adds the service designs, an open quote with order services
// and port numbers, an empty quote and a quote converted to an order, all
// by the demo rep.
func loadQuotes(ctx context.Context, ld *db.Loader, s *demoSet) error {
	ctx = domain.NewContextWithUser(ctx, s.Users[domain.RoleRep])
	designs := make([]int64, len(demoDesigns))
	for i := range demoDesigns {
		d := demoDesigns[i]
		if err := ld.AddServiceDesign(ctx, &d); err != nil {
			return fmt.Errorf("design %s: %w", d.Name, err)
		}
		designs[i] = d.ID
	}
	var customers []*demoCustomerSet
	for _, c := range s.Customers {
		if !c.Reserved && c.Status == domain.CustomerActive {
			customers = append(customers, c)
		}
	}
	for _, dq := range demoQuotes {
		if dq.customer >= len(customers) {
			return fmt.Errorf("demo quote: only %d customers", len(customers))
		}
		q, err := ld.AddQuote(ctx, customers[dq.customer].ID)
		if err != nil {
			return err
		}
		for _, ds := range dq.services {
			svc, err := ld.AddOrderService(ctx, q.ID, designs[ds.design])
			if err != nil {
				return err
			}
			for _, r := range ds.ranges {
				in := domain.PortNumberInput{PortAction: &r.action}
				if r.qty == 0 {
					in.AssociatedNumber = &r.first
				} else {
					in.FirstNumber, in.Quantity = &r.first, &r.qty
				}
				if _, err := ld.AddPortNumbers(ctx, svc.ID, []domain.PortNumberInput{in}); err != nil {
					return fmt.Errorf("demo range %s on %s: %w", r.first, demoDesigns[ds.design].Name, err)
				}
			}
		}
		if dq.convert {
			if _, err := ld.ConvertQuote(ctx, q.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

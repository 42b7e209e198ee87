package demo

import (
	"context"
	"fmt"

	"switchboard/domain"
)

// The demo's new services and added lines: plain, ported in and
// reconnected; port-ins waiting for a route decision; and the open orders
// that activate the PENDING lines.

// newService makes a NewOrders_Create order: with a port-in, as a
// reconnect of a disconnected number, or (only while the order is open:
// the number comes with activation) plain, with a SIM and mostly a device.
func (d *demoOrderer) newService(status string, i int) error {
	variant := []string{"plain", "port", "reconnect"}[i%3]
	if status == domain.OrderComplete || status == domain.OrderCanceled {
		variant = []string{"port", "reconnect"}[i%2]
	}
	c := d.customer(status)
	var old *demoLine
	if variant == "reconnect" {
		old = d.s.TakeLineWhere(func(l *demoLine) bool {
			return l.Status == domain.LineDisconnected && l.Carrier.Wireless && l.Customer.Status != domain.CustomerInactive
		})
		if old == nil {
			variant = "port"
		} else {
			c = old.Customer
		}
	}
	in := d.newServiceInput(c, i)
	notBefore := c.CreatedAt
	switch variant {
	case "port":
		in.WirelessPort = d.portInput(c, d.s.Carriers[c.Spec.Carrier].Code)
	case "reconnect":
		in.ReconnectTN, notBefore = old.TN, old.CreatedAt
	}
	age := demoAges[status]
	os, err := d.create(domain.RoleRep, d.ago(age[0], age[1], notBefore),
		func(ctx context.Context, lk domain.OrderLookup) (*domain.OrderPlan, error) {
			return domain.PlanNewOrders(ctx, lk, in)
		})
	if err != nil {
		return err
	}
	return d.walk(os[0], d.path(os[0], status, i))
}

// newServiceInput is a new wireless service for c on its carrier, with a
// SIM (and mostly a device) shipped to its service address.
func (d *demoOrderer) newServiceInput(c *demoCustomerSet, i int) *domain.NewOrdersInput {
	carrier := d.s.Carriers[c.Spec.Carrier]
	key := []string{demoPkgUnlimited, demoPkgEssential, demoPkgUnlimited, demoPkgData}[i%4]
	names := newDemoNamer(d.r, c.Spec.Person)
	desc := names.phone()
	if key == demoPkgData {
		desc = names.data()
	}
	a := c.ServiceAddress
	in := &domain.NewOrdersInput{
		CustomerID: c.ID, PackageID: carrier.Packages[key].ID, LineTypeID: carrier.LineType[key], Description: "New: " + desc,
		ProcessID: d.s.Processes["Standard activation"].ID, WirelessICCID: d.s.TakeSIM(c.Spec.Carrier),
		ShippingAddress: &domain.AddressInput{FirstName: a.FirstName, LastName: a.LastName, Address1: a.Address1, Address2: a.Address2,
			City: a.City, State: a.State, Zip: a.Zip, Zip4: a.Zip4},
	}
	if d.r.IntN(10) < 7 {
		in.ESN = d.s.TakeDevice(c.Spec.Carrier)
	}
	return in
}

// portInput is a port-in of a new number from another provider to carrierCode.
func (d *demoOrderer) portInput(c *demoCustomerSet, carrierCode string) *domain.WirelessPortInput {
	city := demoCities[c.Spec.City]
	a := c.ServiceAddress
	signer := a.FirstName + " " + a.LastName
	return &domain.WirelessPortInput{
		MDN:              d.s.newTN(d.r, pick(d.r, city.NPAs)),
		AccountNumber:    fmt.Sprintf("%d%08d", 1+d.r.IntN(8), d.r.IntN(100000000)),
		AuthorizedSigner: signer,
		PINPassword:      domain.NewSecret(fmt.Sprintf("%04d", 1001+d.r.IntN(8998))),
		Remark:           pick(d.r, []string{"", "Customer is porting from a prepaid account", "Port the number before the old contract renews", "Business line; port during business hours"}),
		Address:          &domain.AddressInput{FirstName: a.FirstName, LastName: a.LastName, Address1: a.Address1, Address2: a.Address2, City: a.City, State: a.State, Zip: a.Zip, Zip4: a.Zip4},
		ExternalProvider: carrierCode,
	}
}

// addLine adds one or two services with new numbers to a customer's account.
func (d *demoOrderer) addLine(status string, i int) error {
	c := d.customer(status)
	carrier := d.s.Carriers[c.Spec.Carrier]
	city := demoCities[c.Spec.City]
	names := newDemoNamer(d.r, c.Spec.Person)
	in := &domain.AddLineInput{CustomerID: c.ID, BillingOption: domain.BillingOptions[i%3], ProcessID: d.s.Processes["Standard activation"].ID}
	for n := range 1 + i%2 {
		key := []string{demoPkgUnlimited, demoPkgEssential}[n]
		in.Lines = append(in.Lines, &domain.AddLineLine{TN: d.s.newTN(d.r, pick(d.r, city.NPAs)), PackageID: carrier.Packages[key].ID,
			LineTypeID: carrier.LineType[key], Description: "Added: " + names.phone()})
	}
	age := demoAges[status]
	os, err := d.create(domain.RoleRep, d.ago(age[0], age[1], c.CreatedAt), func(ctx context.Context, lk domain.OrderLookup) (*domain.OrderPlan, error) {
		return domain.PlanOrdersCreate(ctx, lk, &domain.OrdersCreateInput{AddLine: in})
	})
	if err != nil {
		return err
	}
	return d.walk(os[0], d.path(os[0], status, i))
}

// routeDecisions makes port-ins on "Port-in review": twelve waiting for a
// supervisor's route decision (two of them on hold), and four whose route
// was chosen and which went on.
func (d *demoOrderer) routeDecisions() error {
	proc := d.s.Processes["Port-in review"]
	for i := range 16 {
		c := d.customer("")
		in := d.newServiceInput(c, i)
		in.ProcessID = proc.ID
		in.WirelessPort = d.portInput(c, d.s.Carriers[c.Spec.Carrier].Code)
		waiting := i < 12
		at := d.ago(1, 140, c.CreatedAt)
		if !waiting {
			at = d.ago(150, 400, c.CreatedAt)
		}
		os, err := d.create(domain.RoleRep, at, func(ctx context.Context, lk domain.OrderLookup) (*domain.OrderPlan, error) {
			return domain.PlanNewOrders(ctx, lk, in)
		})
		if err != nil {
			return err
		}
		o := os[0]
		var moves []demoMove
		switch {
		case waiting && i%6 == 5:
			moves = d.path(o, domain.OrderHold, i)
		case waiting:
		default:
			route := proc.Routes[i%len(proc.Routes)].ID
			moves = append([]demoMove{{role: domain.RoleSupervisor, in: domain.OrderUpdateInput{ProcessRouteID: &route}}},
				d.path(o, []string{domain.OrderSent, domain.OrderConfirmed, domain.OrderComplete, domain.OrderError}[i%4], i)...)
		}
		if err := d.walk(o, moves); err != nil {
			return err
		}
	}
	return nil
}

// activations gives every PENDING line left by the base data (outside the
// reserved customers) the open order that activates it: a PENDING
// customer's waits for payment, a Lifeline customer's for eligibility.
func (d *demoOrderer) activations() error {
	proc := d.s.Processes["Standard activation"]
	route := proc.Routes[0].ID
	open := []string{domain.OrderNew, domain.OrderSent, domain.OrderConfirmed, domain.OrderProvisioned, domain.OrderHold,
		domain.OrderError, domain.OrderJeopardy, domain.OrderFlowError}
	for i := 0; ; i++ {
		l := d.s.TakeLine("", domain.LinePending)
		if l == nil {
			return nil
		}
		item := &domain.OrderItem{LineID: l.ID, TN: l.TN, Action: domain.ItemAdd, PackageID: l.PackageID, CarrierID: l.CarrierID,
			CarrierAccountID: l.CarrierAccountID, Description: l.Description, AltBTNID: l.AltBTNID, PBXMake: l.PBXMake,
			PBXModel: l.PBXModel, LineTypeID: l.LineTypeID}
		if l.SIM != "" {
			item.InventoryIdentifiers = []string{l.SIM}
		}
		o := &domain.Order{Type: domain.TypeNew, Status: domain.OrderNew, CustomerID: l.CustomerID, CarrierID: l.CarrierID,
			CarrierAccountID: l.CarrierAccountID, FlowThrough: !l.Carrier.Wireless || l.SIM != "", ShippingStatus: domain.ShippingNotRequired,
			ProcessID: &proc.ID, ProcessRouteID: &route, Items: []*domain.OrderItem{item}}
		status := open[i%len(open)]
		switch {
		case l.Customer.Status == domain.CustomerPending:
			status = domain.OrderPaymentHold
		case l.Customer.Spec.Profile == "Lifeline":
			status = domain.OrderLifelineHold
		}
		age := demoAges[status]
		d.ld.SetNow(d.ago(age[0], age[1], l.CreatedAt))
		ctx := d.as(domain.RoleRep)
		var err error
		if o.PON, err = domain.NewPON(d.pons); err != nil {
			return err
		}
		if err := d.ld.AddOrder(ctx, o); err != nil {
			return fmt.Errorf("activation of line %d: %w", l.ID, err)
		}
		o.CarrierName = l.Carrier.Name
		if err := d.walk(o, d.path(o, status, i)); err != nil {
			return err
		}
	}
}

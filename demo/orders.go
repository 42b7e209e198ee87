package demo

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"switchboard/db"
	"switchboard/domain"
)

// loadOrders adds the demo's orders, written as a request writes them
// (the domain's planners on the demo transaction, then the store's writes),
// so lines, inventory, audit history and status counts are as the product
// would leave them:
//
//   - every order kind — a new service (plain, with a port-in, and as a
//     reconnect), SUSPEND, RESTORE, DISCONNECT, ADD_LINE, CHANGE_FEATURE and
//     PACKAGE_CHANGE — in every status, each moved there along the
//     lifecycle by whoever would have (the poller for the provider's
//     answers, with the provider's words in StatusNote; a rep for holds and
//     corrections; a supervisor for cancellations), so a COMPLETE suspend
//     left its line SUSPENDED and a canceled new service released its SIM;
//   - a dozen port-ins on "Port-in review" waiting for a route decision,
//     and a few whose route a supervisor chose and which went on;
//   - an activation order, still open, for every PENDING line of the base
//     data.
//
// Orders are created over the last 30 days and each one's history runs in
// time order up to the load; none touches a reserved customer.
func loadOrders(ctx context.Context, ld *db.Loader, s *demoSet) error {
	r := s.Rand("orders")
	d := &demoOrderer{ld: ld, s: s, r: r, pons: rand.NewChaCha8([32]byte{'o', 'r', 'd', 'e', 'r', 's'}), now: ld.Now(), ctx: ctx}
	defer ld.SetNow(d.now)
	for _, c := range s.Customers {
		if !c.Reserved && c.Status != domain.CustomerInactive && s.Carriers[c.Spec.Carrier].Wireless {
			d.customers = append(d.customers, c)
		}
	}
	for i, status := range domain.OrderStatuses {
		for _, kind := range demoOrderKinds {
			if err := d.kind(kind, status, i); err != nil {
				return fmt.Errorf("%s order in %s: %w", kind, status, err)
			}
		}
	}
	if err := d.routeDecisions(); err != nil {
		return fmt.Errorf("port-in review orders: %w", err)
	}
	return d.activations()
}

// demoOrderKinds are the kinds of the matrix of kinds and statuses.
var demoOrderKinds = []string{domain.TypeNew, domain.TypeSuspend, domain.TypeRestore, domain.TypeDisconnect,
	domain.TypeAddLine, domain.TypeChangeFeature, domain.TypePackageChange}

// demoOrderer makes the demo's orders in one transaction.
type demoOrderer struct {
	ld        *db.Loader
	s         *demoSet
	r         *rand.Rand
	pons      io.Reader
	now       time.Time       // the load; every order and move is before it
	ctx       context.Context // no user: the system (the poller)
	customers []*demoCustomerSet
	next      int // the next of customers to order for
}

// as is ctx acting as the demo user of role, or as the system for "".
func (d *demoOrderer) as(role domain.Role) context.Context {
	if role == "" {
		return d.ctx
	}
	return domain.NewContextWithUser(d.ctx, d.s.Users[role])
}

// customer hands out the customers orders are for, in turn; for an order
// that will wait on Lifeline eligibility, a Lifeline customer.
func (d *demoOrderer) customer(status string) *demoCustomerSet {
	if status == domain.OrderLifelineHold {
		for _, c := range d.customers {
			if lifeline(c) {
				return c
			}
		}
	}
	c := d.customers[d.next%len(d.customers)]
	d.next++
	return c
}

// ago is a time between lo and hi hours before the load, never before
// notBefore (plus an hour) nor more than 30 days back.
func (d *demoOrderer) ago(lo, hi float64, notBefore time.Time) time.Time {
	h := lo + d.r.Float64()*(hi-lo)
	t := d.now.Add(-time.Duration(h * float64(time.Hour))).Truncate(time.Second)
	if oldest := d.now.AddDate(0, 0, -30); t.Before(oldest) {
		t = oldest.Add(time.Hour)
	}
	if min := notBefore.Add(time.Hour); t.Before(min) {
		t = min
	}
	if latest := d.now.Add(-10 * time.Minute); t.After(latest) {
		t = latest
	}
	return t
}

// demoAges are how long ago orders in each status were created, in hours.
var demoAges = map[string][2]float64{
	domain.OrderNew: {2, 72}, domain.OrderSent: {3, 96}, domain.OrderConfirmed: {12, 144}, domain.OrderProvisioned: {24, 192},
	domain.OrderComplete: {48, 720}, domain.OrderError: {6, 240}, domain.OrderFlowError: {6, 240}, domain.OrderJeopardy: {120, 480},
	domain.OrderHold: {24, 600}, domain.OrderPaymentHold: {24, 400}, domain.OrderLifelineHold: {24, 400}, domain.OrderCanceled: {48, 720},
}

// create plans an order as role at time at, on the demo transaction, and
// writes it.
func (d *demoOrderer) create(role domain.Role, at time.Time, plan func(context.Context, domain.OrderLookup) (*domain.OrderPlan, error)) ([]*domain.Order, error) {
	d.ld.SetNow(at)
	ctx := d.as(role)
	p, err := plan(ctx, d.ld.Lookup())
	if err != nil {
		return nil, err
	}
	if err := d.ld.WritePlan(ctx, p, d.pons); err != nil {
		return nil, err
	}
	return p.Orders, nil
}

// carrierCode is the code of carrier id.
func (d *demoOrderer) carrierCode(id int64) string {
	for _, c := range d.s.carrierOrder {
		if c.ID == id {
			return c.Code
		}
	}
	return "CX"
}

// lifeline reports whether c is on the Lifeline bill profile.
func lifeline(c *demoCustomerSet) bool { return c.Spec.Profile == "Lifeline" }

// kind makes one order of kind in status (the i-th status).
func (d *demoOrderer) kind(kind, status string, i int) error {
	var plan func(context.Context, domain.OrderLookup) (*domain.OrderPlan, error)
	var line *demoLine
	// take hands out a line in lineStatus; a Lifeline hold goes to a
	// Lifeline customer's line where one is left.
	take := func(lineStatus string, ok func(*demoLine) bool) *demoLine {
		cond := func(l *demoLine) bool { return l.Status == lineStatus && ok(l) }
		if status == domain.OrderLifelineHold {
			if l := d.s.TakeLineWhere(func(l *demoLine) bool { return lifeline(l.Customer) && cond(l) }); l != nil {
				return l
			}
		}
		return d.s.TakeLineWhere(cond)
	}
	takeActive := func(ok func(*demoLine) bool) *demoLine { return take(domain.LineActive, ok) }
	switch kind {
	case domain.TypeNew:
		return d.newService(status, i)
	case domain.TypeAddLine:
		return d.addLine(status, i)
	case domain.TypeSuspend:
		typ := []string{domain.SuspendAll, domain.SuspendIncoming}[i%2]
		wireless := i != 5 // one wireline suspend, of outgoing calls
		if !wireless {
			typ = domain.SuspendOutgoing
		}
		line = takeActive(func(l *demoLine) bool { return l.Carrier.Wireless == wireless })
		in := &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{TN: lineTN(line), SuspendType: typ}}
		plan = func(ctx context.Context, lk domain.OrderLookup) (*domain.OrderPlan, error) {
			return domain.PlanOrdersCreate(ctx, lk, in)
		}
	case domain.TypeRestore:
		line = take(domain.LineSuspended, func(*demoLine) bool { return true })
		in := &domain.OrdersCreateInput{Restore: &domain.RestoreInput{LineID: lineID(line), CustomerID: lineCustomer(line)}}
		plan = func(ctx context.Context, lk domain.OrderLookup) (*domain.OrderPlan, error) {
			return domain.PlanOrdersCreate(ctx, lk, in)
		}
	case domain.TypeDisconnect:
		line = takeActive(func(*demoLine) bool { return true })
		inv := []string{domain.InventoryAvailable, domain.InventoryUnavailable}[i%2]
		in := &domain.OrdersCreateInput{Disconnect: &domain.DisconnectInput{LineID: lineID(line), CustomerID: lineCustomer(line), InventoryItemStatus: inv}}
		plan = func(ctx context.Context, lk domain.OrderLookup) (*domain.OrderPlan, error) {
			return domain.PlanOrdersCreate(ctx, lk, in)
		}
	case domain.TypeChangeFeature:
		line = takeActive(func(l *demoLine) bool { return l.Carrier.Wireless && len(demoMissingOptions(l)) > 0 })
		in := &domain.OrdersCreateInput{Change: d.changeInput(line, i)}
		plan = func(ctx context.Context, lk domain.OrderLookup) (*domain.OrderPlan, error) {
			return domain.PlanOrdersCreate(ctx, lk, in)
		}
	case domain.TypePackageChange:
		line = takeActive(func(l *demoLine) bool {
			return l.Carrier.Wireless && (l.Package == demoPkgUnlimited || l.Package == demoPkgEssential)
		})
		to := demoPkgEssential
		if line != nil && line.Package == demoPkgEssential {
			to = demoPkgUnlimited
		}
		in := &domain.OrdersCreateInput{PackageChange: &domain.PackageChangeInput{TN: lineTN(line), PackageID: packageID(line, to), Prorate: i%2 == 0}}
		plan = func(ctx context.Context, lk domain.OrderLookup) (*domain.OrderPlan, error) {
			return domain.PlanOrdersCreate(ctx, lk, in)
		}
	}
	if line == nil {
		return fmt.Errorf("no line left to take")
	}
	age := demoAges[status]
	os, err := d.create(domain.RoleRep, d.ago(age[0], age[1], line.CreatedAt), plan)
	if err != nil {
		return err
	}
	return d.walk(os[0], d.path(os[0], status, i))
}

func lineTN(l *demoLine) string {
	if l == nil {
		return ""
	}
	return l.TN
}

func lineID(l *demoLine) int64 {
	if l == nil {
		return 0
	}
	return l.ID
}

func lineCustomer(l *demoLine) int64 {
	if l == nil {
		return 0
	}
	return l.CustomerID
}

func packageID(l *demoLine, key string) int64 {
	if l == nil {
		return 0
	}
	return l.Carrier.Packages[key].ID
}

// demoFeatures are the options a Change order adds (not fees or credits).
var demoFeatures = map[string]bool{"hotspot": true, "international": true, "protection": true}

// demoMissingOptions are the features of the line's package it lacks.
func demoMissingOptions(l *demoLine) []*domain.Product {
	has := map[int64]bool{}
	for _, cp := range l.Products {
		has[cp.ProductID] = true
	}
	var out []*domain.Product
	for _, dc := range demoCarriers {
		if dc.Code != l.Carrier.Code {
			continue
		}
		for _, p := range dc.Packages {
			if p.Key != l.Package {
				continue
			}
			for _, k := range p.Options {
				if pr := l.Carrier.Products[k]; demoFeatures[k] && !has[pr.ID] {
					out = append(out, pr)
				}
			}
		}
	}
	return out
}

// changeInput adds an option the line lacks (a hotspot brings its
// tethering charge along), and on some lines gives the plan a negotiated
// rate or removes device protection.
func (d *demoOrderer) changeInput(l *demoLine, i int) *domain.ChangeInput {
	if l == nil {
		return &domain.ChangeInput{}
	}
	missing := demoMissingOptions(l)
	add := missing[d.r.IntN(len(missing))]
	pc := domain.ProductChangesInput{Add: domain.LineProductList{{ProductID: add.ID}}}
	for _, cp := range l.Products {
		switch {
		case i%3 == 0 && cp.ProductID == l.Carrier.Products["plan_unlimited"].ID:
			rate := cp.Rate - 50000
			pc.Change = append(pc.Change, &domain.ProductChangeInput{CustomerProductID: cp.ID, Rate: &rate})
		case i%3 == 1 && l.Carrier.Products["protection"] != nil && cp.ProductID == l.Carrier.Products["protection"].ID:
			pc.Remove = append(pc.Remove, &domain.ProductRemoveInput{CustomerProductID: cp.ID})
		}
	}
	return &domain.ChangeInput{BillingOption: domain.BillingOptions[i%3],
		Lines: domain.ChangeLineList{{Change: &domain.LineChange{LineID: l.ID, Products: pc}}}}
}

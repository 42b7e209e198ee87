package domain

import (
	"fmt"
	"io"
	"strings"
)

// OrderPlan is what NewOrders_Create or Orders_Create will write, once every
// rule has passed. The store, in one transaction: creates each of Lines
// (PENDING) and sets its ID, calls LinkLines, calls AssignPONs, writes the
// Orders with their items and products, and performs the Assignments.
type OrderPlan struct {
	Orders      []*Order
	Lines       []*Line // new services, created PENDING; active once their order completes
	Assignments []InventoryAssignment
}

// InventoryAssignment puts an inventory item on a customer's account and on
// the new line (the seed's note: an AVAILABLE ESN is assigned to the
// customer). The item's status becomes ASSIGNED (it may be already, on
// this customer's account and no line).
type InventoryAssignment struct {
	Identifier string
	CustomerID int64
	Line       *Line // one of the plan's Lines; its ID is known once created
}

// LinkLines copies the IDs of the created Lines into the items that create them.
func (pl *OrderPlan) LinkLines() {
	for _, o := range pl.Orders {
		for _, it := range o.Items {
			if it.NewLine != nil {
				it.LineID = it.NewLine.ID
			}
		}
	}
}

// AssignPONs gives every order a new PON read from r (crypto/rand.Reader).
func (pl *OrderPlan) AssignPONs(r io.Reader) error {
	for _, o := range pl.Orders {
		pon, err := NewPON(r)
		if err != nil {
			return err
		}
		o.PON = pon
	}
	return nil
}

// OrderIDs lists the IDs of the plan's orders (the answer's Orders/OrderIDs).
func (pl *OrderPlan) OrderIDs() []int64 {
	ids := make([]int64, len(pl.Orders))
	for i, o := range pl.Orders {
		ids[i] = o.ID
	}
	return ids
}

// LineIDs lists the IDs of the plan's new lines (the answer's Lines).
func (pl *OrderPlan) LineIDs() []int64 {
	ids := make([]int64, len(pl.Lines))
	for i, l := range pl.Lines {
		ids[i] = l.ID
	}
	return ids
}

// Created is what the written plan made, for a CreateRecord.
func (pl *OrderPlan) Created() Created {
	return Created{OrderIDs: pl.OrderIDs(), LineIDs: pl.LineIDs()}
}

// Limits on free text in orders.
const (
	MaxDescription = 255
	MaxPBX         = 60
	MaxQuantity    = 9999
	MaxStatusNote  = 1000
	MaxTracking    = 60
)

// newOrder starts an order of the seed's defaults: NEW, flow-through on.
func newOrder(typ string, customerID, carrierID, accountID int64) *Order {
	return &Order{
		Type: typ, Status: OrderNew, CustomerID: customerID, CarrierID: carrierID,
		CarrierAccountID: accountID, FlowThrough: true, ShippingStatus: ShippingNotRequired,
	}
}

// setProcess puts the order on proc. A process with one route has it chosen;
// with several, the order waits for a supervisor's route decision.
func setProcess(o *Order, proc *Process) {
	o.ProcessID, o.ProcessRouteID, o.RequiresRouteDecision = nil, nil, false
	if proc == nil {
		return
	}
	id := proc.ID
	o.ProcessID = &id
	if len(proc.Routes) == 1 {
		r := proc.Routes[0].ID
		o.ProcessRouteID = &r
	}
	o.RequiresRouteDecision = proc.NeedsRouteDecision()
}

// byAccount splits orders per carrier account: each order goes to one provider.
type byAccount struct {
	orders []*Order
	index  map[int64]*Order
}

func (g *byAccount) order(accountID int64, mk func() *Order) *Order {
	if g.index == nil {
		g.index = map[int64]*Order{}
	}
	if o := g.index[accountID]; o != nil {
		return o
	}
	o := mk()
	g.index[accountID] = o
	g.orders = append(g.orders, o)
	return o
}

func at(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func idx(prefix string, i int) string { return fmt.Sprintf("%s[%d]", prefix, i) }

// checkText records a problem when s is longer than max or holds
// characters no database column takes (see CheckChars).
func (pl *planner) checkText(field, name, s string, max int) {
	pl.p.CheckRule(len(s) <= max, field, RuleTooLong, kv("Max", itoa(max)), "%s must be at most %d characters", name, max)
	CheckChars(&pl.p, field, name, s)
}

// quantity checks a product's quantity: 1 to MaxQuantity.
func (pl *planner) quantity(field string, q int) {
	r := kv("Min", "1", "Max", itoa(MaxQuantity))
	pl.p.CheckRule(q >= 1, field, RuleRange, r, "Quantity must be greater than or equal to 1")
	pl.p.CheckRule(q <= MaxQuantity, field, RuleRange, r, "Quantity must be at most %d", MaxQuantity)
}

// noStatus checks Orders_Create's Status (prohibited unless NEW) and
// StatusNote (prohibited).
func (pl *planner) noStatus(prefix, status, note string) {
	pl.p.Check(status == "" || status == OrderNew, at(prefix, "Status"), "Status is prohibited; if specified it must be NEW")
	pl.p.Check(note == "", at(prefix, "StatusNote"), "StatusNote is prohibited")
}

// billingOption checks the billing option and applies its default.
func (pl *planner) billingOption(field, v string) string {
	if v == "" {
		return BillProrate
	}
	pl.p.CheckRule(OneOf(v, BillingOptions), field, RuleOneOf, nil, "BillingOption must be one of %s", strings.Join(BillingOptions, ", "))
	return v
}

// optionalProcess looks up a ProcessID when one is given.
func (pl *planner) optionalProcess(field string, id int64) *Process {
	if id == 0 {
		return nil
	}
	return pl.process(field, id)
}

// lineRef finds the line named by LineID or TN under prefix: exactly one
// must be given when required. It returns the line and the field that
// named it.
func (pl *planner) lineRef(prefix string, lineID int64, tn string, required bool) (*Line, string) {
	tn = strings.TrimSpace(tn)
	switch {
	case tn != "" && lineID != 0:
		pl.p.AddRule(at(prefix, "LineID"), RuleNotBoth, kv("Other", at(prefix, "TN")), "TN and LineID cannot both be specified")
		return nil, at(prefix, "LineID")
	case tn == "" && lineID == 0:
		if required {
			pl.p.AddRule(at(prefix, "LineID"), RuleRequired, nil, "Either TN or LineID must be specified")
		}
		return nil, at(prefix, "LineID")
	case tn != "":
		field := at(prefix, "TN")
		if tn = NormalizeTN(tn); !ValidTN(tn) {
			pl.p.AddRule(field, RuleDigits, kv("Count", "10"), "TN must be 10 digits")
			return nil, field
		}
		return pl.lineByTN(field, tn), field
	}
	field := at(prefix, "LineID")
	return pl.line(field, lineID), field
}

// lineCustomer checks Suspend's, Disconnect's and Restore's CustomerID:
// required unless TN is given, and the line's customer when both are given.
// It returns the order's customer.
func (pl *planner) lineCustomer(prefix string, customerID int64, tnGiven bool, line *Line) int64 {
	field := at(prefix, "CustomerID")
	if customerID == 0 {
		pl.p.CheckRule(tnGiven, field, RuleRequired, nil, "CustomerID is required unless TN is specified")
		if line != nil {
			return line.CustomerID
		}
		return 0
	}
	if pl.customer(field, customerID) != nil && line != nil && line.CustomerID != customerID {
		pl.p.AddRule(field, RuleLineOtherCustomer, kv("TN", line.TN), "Line %d belongs to customer %d, not to customer %d", line.ID, line.CustomerID, customerID)
	}
	return customerID
}

// activeCustomer checks a required CustomerID that services are added to.
func (pl *planner) activeCustomer(field string, id int64) *Customer {
	if id == 0 {
		pl.p.AddRule(field, RuleRequired, nil, "CustomerID is required")
		return nil
	}
	c := pl.customer(field, id)
	if c != nil && c.Status == CustomerInactive {
		pl.p.AddRule(field, RuleCustomerGone, kv("Customer", c.Name), "Customer %d is INACTIVE: services cannot be added to it", id)
	}
	return c
}

// checkOpenOrders refuses a line that already has an open order the new
// action conflicts with.
func (pl *planner) checkOpenOrders(field string, line *Line, action string) {
	pl.checkOtherOpenOrders(field, line, action, 0)
}

// checkOtherOpenOrders is checkOpenOrders leaving out order self (the one
// being updated).
func (pl *planner) checkOtherOpenOrders(field string, line *Line, action string, self int64) {
	for _, o := range pl.openOrders(line.ID) {
		if o == nil || !o.Open() || self != 0 && o.ID == self {
			continue
		}
		if actionsConflict(actionOnLine(o, line.ID), action) {
			pl.p.ConflictRule(field, RuleLineOpenOrder, kv("TN", line.TN, "Type", o.Type, "PON", o.PON, "Status", o.Status),
				"Line %d already has an open %s order %d (PON %s, status %s); complete or cancel it first",
				line.ID, o.Type, o.ID, o.PON, o.Status)
			return
		}
	}
}

// actionOnLine is what order o does to the line.
func actionOnLine(o *Order, lineID int64) string {
	if it := o.Item(lineID); it != nil {
		return it.Action
	}
	switch o.Type {
	case TypeNew, TypeAddLine:
		return ItemAdd
	case TypeSuspend:
		return ItemSuspend
	case TypeRestore:
		return ItemRestore
	case TypeDisconnect:
		return ItemDisconnect
	case TypePackageChange:
		return ItemPackageChange
	}
	return ItemChange
}

// actionsConflict reports whether a new action on a line clashes with an
// open order's action on it: anything clashes with a pending disconnect or
// a line not yet activated; a suspend or restore with another; a package
// change with another or with product changes. Product changes alone, or a
// product change beside a suspend, do not clash.
func actionsConflict(open, next string) bool {
	suspendOrRestore := func(a string) bool { return a == ItemSuspend || a == ItemRestore }
	switch {
	case open == ItemDisconnect || next == ItemDisconnect || open == ItemAdd:
		return true
	case suspendOrRestore(open) && suspendOrRestore(next):
		return true
	case open == ItemPackageChange || next == ItemPackageChange:
		return open == next || open == ItemChange || next == ItemChange
	}
	return false
}

// addProduct resolves a product added to a line of carrierID (0: unknown):
// ProductID required and existing, of that carrier when the product names
// one; Rate defaults to the product's (negative is a credit); Quantity
// defaults to 1 and must be at least 1; Description defaults to the
// product's.
func (pl *planner) addProduct(prefix string, productID int64, rate *Money, qty *int, desc string, carrierID int64) (*OrderProduct, *Product) {
	op := &OrderProduct{Op: ProductAdd, ProductID: productID, Quantity: 1, Description: strings.TrimSpace(desc), Source: SourceRequested}
	if qty != nil {
		op.Quantity = *qty
		pl.quantity(at(prefix, "Quantity"), *qty)
	}
	pl.checkText(at(prefix, "Description"), "Description", op.Description, MaxDescription)
	var prod *Product
	if productID == 0 {
		pl.p.AddRule(at(prefix, "ProductID"), RuleRequired, nil, "ProductID is required")
	} else if prod = pl.product(at(prefix, "ProductID"), productID); prod != nil {
		if prod.CarrierID != nil && carrierID != 0 && *prod.CarrierID != carrierID {
			pl.p.AddRule(at(prefix, "ProductID"), RuleProductOtherCarrier, kv("Product", prod.Description, "Carrier", pl.carrierWords(*prod.CarrierID), "ServiceCarrier", pl.carrierWords(carrierID)),
				"Product %d (%s) is provided by %s, not by this service's carrier, %s",
				prod.ID, prod.Description, pl.carrierName(*prod.CarrierID), pl.carrierName(carrierID))
		}
		op.Rate = prod.Rate
		if op.Description == "" {
			op.Description = prod.Description
		}
	}
	if rate != nil {
		op.Rate = *rate
	}
	return op, prod
}

// newLineRoles are the package products a new line gets: its plan, the
// options the package includes and its one-time charges for a new service.
// OPTIONAL products come only when asked for (Products, AdditionalProducts).
var newLineRoles = []string{RolePlan, RoleIncluded, RoleOneTime}

// packageProducts are the products of pkg whose role is one of roles,
// leaving out those in skip.
func packageProducts(pkg *Package, skip map[int64]bool, roles ...string) []*OrderProduct {
	if pkg == nil {
		return nil
	}
	var ops []*OrderProduct
	for _, pr := range pkg.Products {
		if skip[pr.ID] || !OneOf(pr.Role, roles) {
			continue
		}
		ops = append(ops, &OrderProduct{Op: ProductAdd, ProductID: pr.ID, Rate: pr.Rate, Quantity: 1,
			Description: pr.Description, Source: SourcePackage})
	}
	return ops
}

// ptr returns a pointer to a copy of v, so planned orders share no memory
// with the input or the store's answers.
func ptr(v int64) *int64 { return &v }

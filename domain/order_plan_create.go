package domain

import (
	"context"
	"strings"
)

// PlanOrdersCreate checks Orders_Create's input (exactly one of Suspend,
// Disconnect, Restore, AddLine, Change, PackageChange) against every rule of
// the seed and returns the orders to write, one per carrier account, plus
// the new lines of an AddLine. When any rule fails nothing is planned: the
// error is one EINVALID with a field error per failed rule. Errors of the
// store other than ENOTFOUND are returned as they are.
func PlanOrdersCreate(ctx context.Context, lk OrderLookup, in *OrdersCreateInput) (*OrderPlan, error) {
	if in == nil {
		return nil, invalid("Request body is required")
	}
	kinds := in.Kinds()
	switch len(kinds) {
	case 0:
		return nil, invalid("Give one of Suspend, Disconnect, Restore, AddLine, Change, PackageChange")
	case 1:
	default:
		return nil, FieldErrorf(kinds[1], "Only one of Suspend, Disconnect, Restore, AddLine, Change, PackageChange may be given; got %s",
			strings.Join(kinds, " and "))
	}
	pl := newPlanner(ctx, lk)
	pl.typesMustFit = in.ServiceTypeMustFit
	plan := &OrderPlan{}
	switch {
	case in.Suspend != nil:
		plan.Orders = pl.planSuspend(in.Suspend)
	case in.Restore != nil:
		plan.Orders = pl.planRestore(in.Restore)
	case in.Disconnect != nil:
		plan.Orders = pl.planDisconnect(in.Disconnect)
	case in.AddLine != nil:
		plan.Orders, plan.Lines = pl.planAddLine(in.AddLine)
	case in.Change != nil:
		plan.Orders = pl.planChange(in.Change)
	case in.PackageChange != nil:
		plan.Orders = pl.planPackageChange(in.PackageChange)
	}
	if err := pl.result(); err != nil {
		return nil, err
	}
	return plan, nil
}

// flowThrough applies the seed's default: true.
func flowThrough(v *bool) bool { return v == nil || *v }

// lineOrder is an order about one existing line.
func lineOrder(typ, action string, customerID int64, line *Line) *Order {
	o := newOrder(typ, customerID, line.CarrierID, line.CarrierAccountID)
	o.Items = []*OrderItem{{LineID: line.ID, TN: line.TN, Action: action, PackageID: line.PackageID}}
	return o
}

// planSuspend: TN or LineID (not both); CustomerID required unless TN is
// given and the line's when given; SuspendType required, OUTGOING not for
// wireless; only an ACTIVE line; no clashing open order.
func (pl *planner) planSuspend(in *SuspendInput) []*Order {
	const pre = "Suspend"
	pl.noStatus(pre, in.Status, in.StatusNote)
	line, field := pl.lineRef(pre, in.LineID, in.TN, true)
	customerID := pl.lineCustomer(pre, in.CustomerID, strings.TrimSpace(in.TN) != "", line)
	switch {
	case in.SuspendType == "":
		pl.p.AddRule(pre+".SuspendType", RuleRequired, nil, "SuspendType is required: ALL, INCOMING or OUTGOING")
	case !OneOf(in.SuspendType, SuspendTypes):
		pl.p.AddRule(pre+".SuspendType", RuleOneOf, nil, "SuspendType must be one of ALL, INCOMING, OUTGOING")
	}
	proc := pl.optionalProcess(pre+".ProcessID", in.ProcessID)
	if line == nil {
		return nil
	}
	if line.Refusal(ItemSuspend) != "" {
		pl.p.AddRule(field, RuleLineNotActive, kv("TN", line.TN, "Status", line.Status), "Line %d is %s; only an ACTIVE line can be suspended", line.ID, line.Status)
	}
	if in.SuspendType == SuspendOutgoing {
		if c := pl.carrier(field, line.CarrierID); c != nil && !SuspendAllowed(in.SuspendType, c) {
			pl.p.AddRule(pre+".SuspendType", RuleSuspendOutgoing, nil, "OUTGOING suspend is not available for wireless lines; use ALL or INCOMING")
		}
	}
	pl.checkOpenOrders(field, line, ItemSuspend)
	o := lineOrder(TypeSuspend, ItemSuspend, customerID, line)
	o.SuspendType = in.SuspendType
	o.FlowThrough = flowThrough(in.FlowThrough)
	setProcess(o, proc)
	return []*Order{o}
}

// planRestore: as a suspend, for a SUSPENDED line.
func (pl *planner) planRestore(in *RestoreInput) []*Order {
	const pre = "Restore"
	pl.noStatus(pre, in.Status, in.StatusNote)
	line, field := pl.lineRef(pre, in.LineID, in.TN, true)
	customerID := pl.lineCustomer(pre, in.CustomerID, strings.TrimSpace(in.TN) != "", line)
	proc := pl.optionalProcess(pre+".ProcessID", in.ProcessID)
	if line == nil {
		return nil
	}
	if line.Refusal(ItemRestore) != "" {
		pl.p.AddRule(field, RuleLineNotSuspended, kv("TN", line.TN, "Status", line.Status), "Line %d is %s; only a SUSPENDED line can be restored", line.ID, line.Status)
	}
	pl.checkOpenOrders(field, line, ItemRestore)
	o := lineOrder(TypeRestore, ItemRestore, customerID, line)
	o.FlowThrough = flowThrough(in.FlowThrough)
	setProcess(o, proc)
	return []*Order{o}
}

// planDisconnect: one line by TN or LineID (not both), or with neither the
// whole account of CustomerID (every line not yet DISCONNECTED, one order
// per carrier account); InventoryItemStatus defaults to AVAILABLE.
func (pl *planner) planDisconnect(in *DisconnectInput) []*Order {
	const pre = "Disconnect"
	pl.noStatus(pre, in.Status, in.StatusNote)
	inv := in.InventoryItemStatus
	if inv == "" {
		inv = InventoryAvailable
	}
	pl.p.CheckRule(OneOf(inv, InventoryStatuses), pre+".InventoryItemStatus", RuleOneOf, nil, "InventoryItemStatus must be one of AVAILABLE, UNAVAILABLE, ASSIGNED")
	proc := pl.optionalProcess(pre+".ProcessID", in.ProcessID)

	var lines []*Line
	var customerID int64
	if strings.TrimSpace(in.TN) == "" && in.LineID == 0 {
		field := pre + ".CustomerID"
		if in.CustomerID == 0 {
			pl.p.AddRule(field, RuleRequired, nil, "CustomerID is required to disconnect a whole account (no TN or LineID given)")
			return nil
		}
		cust := pl.customer(field, in.CustomerID)
		if cust == nil {
			return nil
		}
		customerID = in.CustomerID
		for _, l := range pl.customerLines(customerID) {
			if l != nil && l.Refusal(ItemDisconnect) == "" {
				pl.checkOpenOrders(field, l, ItemDisconnect)
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			pl.p.AddRule(field, RuleNoLines, kv("Customer", cust.Name), "Customer %d has no lines to disconnect", customerID)
		}
	} else {
		line, field := pl.lineRef(pre, in.LineID, in.TN, true)
		customerID = pl.lineCustomer(pre, in.CustomerID, strings.TrimSpace(in.TN) != "", line)
		if line == nil {
			return nil
		}
		if line.Refusal(ItemDisconnect) != "" {
			pl.p.AddRule(field, RuleLineDisconnected, kv("TN", line.TN), "Line %d is already DISCONNECTED", line.ID)
		}
		pl.checkOpenOrders(field, line, ItemDisconnect)
		lines = []*Line{line}
	}

	var g byAccount
	for _, l := range lines {
		o := g.order(l.CarrierAccountID, func() *Order {
			o := newOrder(TypeDisconnect, customerID, l.CarrierID, l.CarrierAccountID)
			o.InventoryItemStatus = inv
			o.FlowThrough = flowThrough(in.FlowThrough)
			setProcess(o, proc)
			return o
		})
		o.Items = append(o.Items, pl.disconnectItem(l))
	}
	return g.orders
}

// disconnectItem is the item disconnecting line l: with the line's package
// and the inventory on it, which the order releases (so Orders_Search by
// Identifier finds the order that released a device or SIM).
func (pl *planner) disconnectItem(l *Line) *OrderItem {
	it := &OrderItem{LineID: l.ID, TN: l.TN, Action: ItemDisconnect, PackageID: l.PackageID}
	for _, inv := range pl.lineInventory(l.ID) {
		if inv != nil {
			it.InventoryIdentifiers = append(it.InventoryIdentifiers, inv.Identifier)
		}
	}
	return it
}

// planPackageChange: TN or LineID (not both); PackageID required, existing,
// of the line's carrier (moving to another provider is a disconnect and a
// new service) and not the line's package now; the line not DISCONNECTED.
// The old package's plan and included options leave the line and the new
// package's join it; the new package's one-time charges only when
// OneTimeCharges asks for them; products the line carries otherwise
// (OPTIONAL ones, one-time charges billed before) stay.
func (pl *planner) planPackageChange(in *PackageChangeInput) []*Order {
	const pre = "PackageChange"
	line, field := pl.lineRef(pre, in.LineID, in.TN, true)
	var pkg *Package
	if in.PackageID == 0 {
		pl.p.AddRule(pre+".PackageID", RuleRequired, nil, "PackageID is required")
	} else {
		pkg = pl.pkg(pre+".PackageID", in.PackageID)
	}
	if line == nil || pkg == nil {
		return nil
	}
	switch {
	case line.Refusal(ItemPackageChange) != "":
		pl.p.AddRule(field, RuleLineDisconnected, kv("TN", line.TN), "Line %d is DISCONNECTED; its package cannot change", line.ID)
	case pkg.ID == line.PackageID:
		pl.p.AddRule(pre+".PackageID", RulePackageSame, kv("TN", line.TN, "Package", pkg.Name), "Line %d already has package %d", line.ID, pkg.ID)
	case pkg.CarrierID != line.CarrierID:
		pl.p.AddRule(pre+".PackageID", RulePackageOtherCarrier, kv("Package", pkg.Name, "Carrier", pl.carrierWords(pkg.CarrierID), "LineCarrier", pl.carrierWords(line.CarrierID)),
			"Package %d (%s) is on %s but line %d is on %s; moving to another provider needs a disconnect and a new service",
			pkg.ID, pkg.Name, pl.carrierName(pkg.CarrierID), line.ID, pl.carrierName(line.CarrierID))
	}
	pl.checkOpenOrders(field, line, ItemPackageChange)

	o := lineOrder(TypePackageChange, ItemPackageChange, line.CustomerID, line)
	o.NewPackageID = ptr(pkg.ID)
	o.Prorate = in.Prorate
	it := o.Items[0]
	it.PackageID = pkg.ID
	it.Products = pl.packageSwap(line, pkg, in.OneTimeCharges)
	return []*Order{o}
}

// packageSwap removes the plan and included options of the line's old
// package that are not the new package's plan or included options, and
// adds the new package's plan and included options the line lacks (and its
// one-time charges when oneTime).
func (pl *planner) packageSwap(line *Line, pkg *Package, oneTime bool) []*OrderProduct {
	inNew := map[int64]bool{}
	for _, pr := range pkg.Products {
		inNew[pr.ID] = recurring(pr.Role)
	}
	inOld := map[int64]bool{}
	if old, err := find(pl, "package", line.PackageID, pl.lk.FindPackageByID); pl.quiet(err) {
		for _, pr := range old.Products {
			inOld[pr.ID] = recurring(pr.Role)
		}
	}
	onLine := map[int64]bool{}
	var ops []*OrderProduct
	for _, cp := range line.Products {
		if cp == nil {
			continue
		}
		onLine[cp.ProductID] = true
		if inOld[cp.ProductID] && !inNew[cp.ProductID] {
			id := cp.ID
			ops = append(ops, &OrderProduct{Op: ProductRemove, ProductID: cp.ProductID, CustomerProductID: &id,
				Rate: cp.Rate, Quantity: cp.Quantity, Description: cp.Description, Source: SourcePackage})
		}
	}
	roles := []string{RolePlan, RoleIncluded}
	if oneTime {
		roles = append(roles, RoleOneTime)
	}
	return append(ops, packageProducts(pkg, onLine, roles...)...)
}

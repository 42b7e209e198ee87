package domain

import (
	"context"
	"fmt"
	"strings"
)

// PlanNewOrders checks NewOrders_Create's input against every rule of the
// seed and returns the new service (a PENDING line), its order and the
// inventory to assign. When any rule fails nothing is planned: the error is
// one EINVALID with a field error per failed rule. Errors of the store
// other than ENOTFOUND are returned as they are.
//
// Defaults and decisions where the seed is silent:
//   - the order goes to the default account of the package's carrier;
//   - the new line has the ReconnectTN, or the ported MDN, or no TN yet;
//   - the line gets the package's plan, included options and one-time
//     charges (not its OPTIONAL products) plus AdditionalProducts;
//   - flow-through is on unless the service is wireless and neither ESN nor
//     WirelessICCID is given: a wireless activation needs a device or SIM
//     ("set to Flow Through if possible");
//   - WirelessESN (the name the seed's note uses) is read as ESN;
//   - ShippingAddress ("conditionally required") is required when something
//     is shipped: an ESN or ICCID taken from inventory (AVAILABLE, so sent
//     to the customer; one already ASSIGNED to the customer is not), or a
//     shipping product (Product.Ships) among AdditionalProducts or the
//     package's; with one the order's ShippingStatus is NOT_SHIPPED, else
//     NOT_REQUIRED.
func PlanNewOrders(ctx context.Context, lk OrderLookup, in *NewOrdersInput) (*OrderPlan, error) {
	if in == nil {
		return nil, invalid("Request body is required")
	}
	pl := newPlanner(ctx, lk)
	pl.typesMustFit = in.ServiceTypeMustFit
	cust := pl.activeCustomer("CustomerID", in.CustomerID)

	var pkg *Package
	var carrier *Carrier
	var acct *CarrierAccount
	if in.PackageID == 0 {
		pl.p.AddRule("PackageID", RuleRequired, nil, "PackageID is required")
	} else if pkg = pl.pkg("PackageID", in.PackageID); pkg != nil {
		if carrier = pl.carrier("PackageID", pkg.CarrierID); carrier != nil {
			acct = pl.defaultAccount("PackageID", carrier)
		}
	}
	lineTypeID := pl.lineType("LineTypeID", in.LineTypeID, pkg, carrier)
	proc := pl.optionalProcess("ProcessID", in.ProcessID)
	desc := strings.TrimSpace(in.Description)
	pl.checkText("Description", "Description", desc, MaxDescription)

	esnField, esn := "ESN", strings.TrimSpace(in.ESN)
	if w := strings.TrimSpace(in.WirelessESN); w != "" {
		if esn != "" && esn != w {
			pl.p.AddRule("WirelessESN", RuleNotBoth, kv("Other", "ESN"), "ESN and WirelessESN name the same device; give only one")
		}
		esnField, esn = "WirelessESN", w
	}
	var idents []string
	var shipped []string // why something is sent to the customer
	var sent []string    // what is sent, in words (InventoryTypeLabel, product names)
	for _, inv := range []struct{ field, ident, typ string }{
		{esnField, esn, InventoryDevice},
		{"WirelessICCID", in.WirelessICCID, InventorySIM},
	} {
		ident := strings.TrimSpace(inv.ident)
		if ident == "" || !CheckChars(&pl.p, inv.field, inv.field, ident) {
			continue
		}
		if carrier != nil && !carrier.Wireless {
			pl.p.AddRule(inv.field, RuleWirelessOnly, kv("Carrier", carrier.Name), "%s is only for wireless services; package %d is on %s, a wireline carrier", inv.field, pkg.ID, carrier.Name)
			continue
		}
		if ok, fromStock := pl.inventory(inv.field, ident, inv.typ, in.CustomerID); ok {
			idents = append(idents, ident)
			if fromStock {
				shipped = append(shipped, fmt.Sprintf("%s %s is taken from inventory and sent to the customer", inv.field, ident))
				sent = append(sent, InventoryTypeLabel(inv.typ)+" "+ident)
			}
		}
	}

	tn := ""
	reconnect := false
	if s := strings.TrimSpace(in.ReconnectTN); s != "" {
		if s = NormalizeTN(s); !ValidTN(s) {
			pl.p.AddRule("ReconnectTN", RuleDigits, kv("Count", "10"), "ReconnectTN must be 10 digits")
		} else if s == noTN {
			pl.p.AddRule("ReconnectTN", RuleNoNumber, nil, "ReconnectTN must be the number to reconnect; ten 0s is no number (leave ReconnectTN out for a new service without one)")
		} else {
			pl.tnFree("ReconnectTN", "TN", s)
			tn, reconnect = s, true
		}
	}
	var port *WirelessPort
	if in.WirelessPort != nil {
		port = pl.wirelessPort("WirelessPort", in.WirelessPort, carrier, pkg)
		if reconnect {
			pl.p.AddRule("WirelessPort", RuleNotBoth, kv("Other", "ReconnectTN"), "ReconnectTN and WirelessPort cannot both be given: each sets the new service's number")
		} else if port != nil {
			tn = port.MDN
		}
	}
	var ship *Address
	if in.ShippingAddress != nil {
		a := in.ShippingAddress.Address()
		a.Validate(&pl.p, "ShippingAddress", in.ShippingAddress.ID != 0)
		ship = &a
	}

	var carrierID int64
	if carrier != nil {
		carrierID = carrier.ID
	}
	var extra []*OrderProduct
	for i, pr := range within(pl, "AdditionalProducts", in.AdditionalProducts, MaxAdditionalProducts) {
		if pr == nil {
			continue
		}
		op, prod := pl.addProduct(idx("AdditionalProducts", i), pr.ProductID, pr.Rate, pr.Quantity, pr.Description, carrierID)
		extra = append(extra, op)
		if prod != nil && prod.Ships {
			shipped = append(shipped, fmt.Sprintf("AdditionalProducts[%d] is a shipping charge (%s)", i, prod.Description))
			sent = append(sent, prod.Description)
		}
	}
	if pkg != nil {
		for _, pr := range pkg.Products {
			if pr.Ships && OneOf(pr.Role, newLineRoles) {
				shipped = append(shipped, fmt.Sprintf("package %d comes with a shipping charge (%s)", pkg.ID, pr.Description))
				sent = append(sent, pr.Description+" (in "+pkg.Name+")")
			}
		}
	}
	if ship == nil && len(shipped) > 0 {
		pl.p.AddRule("ShippingAddress", RuleShippingNeeded, kv("Shipped", strings.Join(sent, "; ")), "ShippingAddress is required when something is shipped: %s", strings.Join(shipped, "; "))
	}

	if err := pl.result(); err != nil {
		return nil, err
	}

	line := &Line{CustomerID: cust.ID, TN: tn, PackageID: pkg.ID, CarrierID: carrier.ID, CarrierAccountID: acct.ID,
		LineTypeID: lineTypeID, Description: desc, Status: LinePending}
	item := &OrderItem{TN: tn, Action: ItemAdd, PackageID: pkg.ID, CarrierID: carrier.ID, CarrierAccountID: acct.ID,
		Description: desc, LineTypeID: lineTypeID, InventoryIdentifiers: idents, NewLine: line,
		Products: append(packageProducts(pkg, nil, newLineRoles...), extra...)}
	o := newOrder(TypeNew, cust.ID, carrier.ID, acct.ID)
	o.Items = []*OrderItem{item}
	o.Reconnect = reconnect
	o.SendNow = in.SendOrders
	o.FlowThrough = !carrier.Wireless || len(idents) > 0
	o.WirelessPort = port
	if ship != nil {
		o.ShippingAddress = ship
		o.ShippingStatus = ShippingNotShipped
	}
	setProcess(o, proc)

	plan := &OrderPlan{Orders: []*Order{o}, Lines: []*Line{line}}
	for _, ident := range idents {
		plan.Assignments = append(plan.Assignments, InventoryAssignment{Identifier: ident, CustomerID: cust.ID, Line: line})
	}
	return plan, nil
}

// inventory checks an ESN or ICCID for a new service of customerID. It is
// usable when AVAILABLE (it will be assigned to the customer and sent:
// fromStock) or already ASSIGNED to this customer and on no line.
func (pl *planner) inventory(field, ident, typ string, customerID int64) (ok, fromStock bool) {
	it, err := find(pl, "inventory", ident, pl.lk.FindInventoryByIdentifier)
	if !pl.foundRule(err, field, RuleInventoryUnknown, kv("Identifier", ident), "%s %s is not in inventory", field, ident) {
		return false, false
	}
	if it.Type != typ {
		pl.p.AddRule(field, RuleInventoryWrongType, kv("Identifier", ident, "Type", it.Type, "Want", typ), "%s %s is a %s, not a %s", field, ident, it.Type, typ)
		return false, false
	}
	switch {
	case it.Status == InventoryAvailable:
		return true, true
	case it.Status == InventoryAssigned && (it.CustomerID == nil || *it.CustomerID != customerID):
		pl.p.AddRule(field, RuleInventoryAssigned, kv("Identifier", ident), "%s %s is ASSIGNED to another customer", field, ident)
	case it.Status == InventoryAssigned && it.LineID != nil:
		pl.p.ConflictRule(field, RuleInventoryInUse, kv("Identifier", ident, "TN", pl.lineNumber(*it.LineID)), "%s %s is already in use on line %d", field, ident, *it.LineID)
	case it.Status == InventoryAssigned:
		return true, false
	default:
		pl.p.AddRule(field, RuleInventoryUnusable, kv("Identifier", ident, "Status", it.Status), "%s %s is %s and cannot be used", field, ident, it.Status)
	}
	return false, false
}

// wirelessPort checks a port-in request: only for a wireless service; MDN
// of 10 digits and not already a live service; AccountNumber,
// AuthorizedSigner and PINPassword required; the Address under the seed's
// rules; ExternalProvider, when given, the code of a wireless carrier and
// the package's (the new provider the number is ported to).
func (pl *planner) wirelessPort(prefix string, in *WirelessPortInput, carrier *Carrier, pkg *Package) *WirelessPort {
	if carrier != nil && !carrier.Wireless {
		pl.p.AddRule(prefix, RuleWirelessOnly, kv("Carrier", carrier.Name), "WirelessPort is only for wireless services; package %d is on %s, a wireline carrier", pkg.ID, carrier.Name)
	}
	wp := &WirelessPort{
		MDN:              NormalizeTN(strings.TrimSpace(in.MDN)),
		AccountNumber:    strings.TrimSpace(in.AccountNumber),
		AuthorizedSigner: strings.TrimSpace(in.AuthorizedSigner),
		PINPassword:      NewSecret(strings.TrimSpace(in.PINPassword.Clear())),
		Remark:           strings.TrimSpace(in.Remark),
		ExternalProvider: strings.ToUpper(strings.TrimSpace(in.ExternalProvider)),
	}
	switch {
	case wp.MDN == "":
		pl.p.AddRule(at(prefix, "MDN"), RuleRequired, nil, "MDN is required when porting a number")
	case !ValidTN(wp.MDN):
		pl.p.AddRule(at(prefix, "MDN"), RuleDigits, kv("Count", "10"), "MDN must be 10 digits")
	case wp.MDN == noTN:
		pl.p.AddRule(at(prefix, "MDN"), RuleNoNumber, nil, "MDN must be the number being ported; ten 0s is no number")
	default:
		pl.tnFree(at(prefix, "MDN"), "MDN", wp.MDN)
	}
	pl.p.CheckRule(wp.AccountNumber != "", at(prefix, "AccountNumber"), RuleRequired, nil, "AccountNumber is required when porting a number")
	pl.checkText(at(prefix, "AccountNumber"), "AccountNumber", wp.AccountNumber, 40)
	pl.p.CheckRule(wp.AuthorizedSigner != "", at(prefix, "AuthorizedSigner"), RuleRequired, nil, "AuthorizedSigner is required when porting a number")
	pl.checkText(at(prefix, "AuthorizedSigner"), "AuthorizedSigner", wp.AuthorizedSigner, 100)
	pl.p.CheckRule(!wp.PINPassword.IsZero(), at(prefix, "PINPassword"), RuleRequired, nil, "PINPassword is required when porting a number")
	pl.checkText(at(prefix, "PINPassword"), "PINPassword", wp.PINPassword.Clear(), 40)
	pl.checkText(at(prefix, "Remark"), "Remark", wp.Remark, MaxDescription)
	if in.Address == nil {
		pl.p.AddRule(at(prefix, "Address"), RuleRequired, nil, "Address is required when porting a number")
	} else {
		wp.Address = in.Address.Address()
		wp.Address.Validate(&pl.p, at(prefix, "Address"), in.Address.ID != 0)
	}
	if wp.ExternalProvider != "" {
		field := at(prefix, "ExternalProvider")
		c, err := find(pl, "carrier-code", wp.ExternalProvider, pl.lk.FindCarrierByCode)
		switch {
		case !pl.foundRule(err, field, RuleProviderUnknown, kv("Provider", wp.ExternalProvider), "ExternalProvider %s is not a known provider code", wp.ExternalProvider):
		case !c.Wireless:
			pl.p.AddRule(field, RuleProviderNotWireless, kv("Provider", c.Name), "Supplied Provider must be a wireless provider: %s (%s) is not", c.Code, c.Name)
		case carrier != nil && c.ID != carrier.ID:
			pl.p.AddRule(field, RuleProviderMismatch, kv("Provider", c.Name, "Carrier", carrier.Name), "ExternalProvider must be the package's provider: the number is ported to %s (%s), the carrier of package %d, not to %s (%s)",
				carrier.Name, carrier.Code, pkg.ID, c.Name, c.Code)
		}
	}
	return wp
}

package domain

import "strings"

// noTN is the seed's "ten 0s": a new service without an existing TN.
const noTN = "0000000000"

// planAddLine: CustomerID required (see AddLineInput); BillingOption
// defaults to PRORATE; at least one line. Each line: TN blank or ten 0s for
// no TN, else 10 digits not in use; PackageID may be 0 only with a
// provisionable product (CarrierID then required); CarrierID must match
// the package's; CarrierAccountID defaults to the carrier's default account
// and must be the carrier's; AltBTNID an ACTIVE line of the customer that
// is its own BTN; products as in addProduct. One order per carrier account.
func (pl *planner) planAddLine(in *AddLineInput) ([]*Order, []*Line) {
	const pre = "AddLine"
	cust := pl.activeCustomer(pre+".CustomerID", in.CustomerID)
	billing := pl.billingOption(pre+".BillingOption", in.BillingOption)
	proc := pl.optionalProcess(pre+".ProcessID", in.ProcessID)
	pl.p.CheckRule(len(in.Lines) > 0, pre+".Lines", RuleRequired, nil, "Lines must hold at least one line")

	var g byAccount
	var lines []*Line
	tns := map[string]int{}
	for i, l := range within(pl, pre+".Lines", in.Lines, MaxRequestLines) {
		if l == nil {
			continue
		}
		lp := idx(pre+".Lines", i)
		tn := NormalizeTN(strings.TrimSpace(l.TN))
		if tn == noTN {
			tn = ""
		}
		if tn != "" {
			if !ValidTN(tn) {
				pl.p.AddRule(lp+".TN", RuleDigits, kv("Count", "10"), "TN must be 10 digits, or blank (or ten 0s) for a new service without a TN")
			} else if j, dup := tns[tn]; dup {
				pl.p.AddRule(lp+".TN", RuleTNTwice, kv("TN", tn), "TN %s is also given for Lines[%d]", tn, j)
			} else {
				tns[tn] = i
				pl.tnFree(lp+".TN", "TN", tn)
			}
		}

		var pkg *Package
		carrierID := l.CarrierID
		if l.PackageID != 0 {
			if pkg = pl.pkg(lp+".PackageID", l.PackageID); pkg != nil {
				if l.CarrierID != 0 && l.CarrierID != pkg.CarrierID {
					pl.p.AddRule(lp+".CarrierID", RuleCarrierMismatch, kv("Carrier", pl.carrierWords(pkg.CarrierID)),
						"CarrierID %d does not match package %d, which is on %s", l.CarrierID, pkg.ID, pl.carrierName(pkg.CarrierID))
				}
				carrierID = pkg.CarrierID
			}
		} else {
			if l.CarrierID == 0 {
				pl.p.AddRule(lp+".CarrierID", RuleCarrierWithoutPackage, nil, "CarrierID is required when PackageID is 0")
			}
		}
		var carrier *Carrier
		if carrierID != 0 {
			carrier = pl.carrier(lp+".CarrierID", carrierID)
		}
		var acct *CarrierAccount
		if l.CarrierAccountID != 0 {
			acct = pl.account(lp+".CarrierAccountID", l.CarrierAccountID)
			if acct != nil && carrier != nil && acct.CarrierID != carrier.ID {
				pl.p.AddRule(lp+".CarrierAccountID", RuleAccountMismatch, kv("Account", acct.Name, "Carrier", carrier.Name, "AccountCarrier", pl.carrierWords(acct.CarrierID)),
					"Carrier account %d belongs to %s, not to %s", acct.ID, pl.carrierName(acct.CarrierID), pl.carrierName(carrier.ID))
			}
		} else if carrier != nil {
			acct = pl.defaultAccount(lp+".CarrierAccountID", carrier)
		}
		var altBTN *int64
		if l.AltBTNID != 0 {
			altBTN = ptr(l.AltBTNID)
			pl.altBTN(lp+".AltBTNID", l.AltBTNID, in.CustomerID)
		}
		lineTypeID := pl.lineType(lp+".LineTypeID", l.LineTypeID, pkg, carrier)
		desc := strings.TrimSpace(l.Description)
		make_, model := strings.TrimSpace(l.PBXMake), strings.TrimSpace(l.PBXModel)
		pl.checkText(lp+".Description", "Description", desc, MaxDescription)
		pl.checkText(lp+".PBXMake", "PBXMake", make_, MaxPBX)
		pl.checkText(lp+".PBXModel", "PBXModel", model, MaxPBX)

		var ops []*OrderProduct
		provisionable := false
		for j, pr := range within(pl, lp+".Products", l.Products, MaxLineProducts) {
			if pr == nil {
				continue
			}
			op, prod := pl.addProduct(idx(lp+".Products", j), pr.ProductID, pr.Rate, pr.Quantity, "", carrierID)
			ops = append(ops, op)
			provisionable = provisionable || prod != nil && prod.Provisionable
		}
		if l.PackageID == 0 && !provisionable {
			pl.p.AddRule(lp+".PackageID", RulePackageOrProducts, nil, "PackageID is required unless at least one provisionable product is given in Products")
		}
		if cust == nil || carrier == nil || acct == nil {
			continue
		}

		nl := &Line{CustomerID: cust.ID, TN: tn, PackageID: l.PackageID, CarrierID: carrier.ID, CarrierAccountID: acct.ID,
			LineTypeID: lineTypeID, Description: desc, AltBTNID: altBTN, PBXMake: make_, PBXModel: model, Status: LinePending}
		lines = append(lines, nl)
		o := g.order(acct.ID, func() *Order {
			o := newOrder(TypeAddLine, cust.ID, carrier.ID, acct.ID)
			o.BillingOption = billing
			setProcess(o, proc)
			return o
		})
		o.Items = append(o.Items, &OrderItem{TN: tn, Action: ItemAdd, PackageID: l.PackageID, CarrierID: carrier.ID,
			CarrierAccountID: acct.ID, Description: desc, AltBTNID: altBTN, PBXMake: make_, PBXModel: model,
			LineTypeID: lineTypeID, NewLine: nl, Products: append(packageProducts(pkg, nil, newLineRoles...), ops...)})
	}
	return g.orders, lines
}

// altBTN checks an Alt BTN: an ACTIVE line of the same customer that is
// its own BTN (tied to no other).
func (pl *planner) altBTN(field string, id, customerID int64) {
	b := pl.line(field, id)
	switch {
	case b == nil:
	case b.CustomerID != customerID:
		pl.p.AddRule(field, RuleAltBTNOther, kv("TN", b.TN), "Line %d belongs to another customer and cannot be an Alt BTN", id)
	case b.Status != LineActive:
		pl.p.AddRule(field, RuleAltBTNNotActive, kv("TN", b.TN, "Status", b.Status), "Line %d is %s and cannot be an Alt BTN: an Alt BTN must be an active service", id, b.Status)
	case b.AltBTNID != nil:
		pl.p.AddRule(field, RuleAltBTNTied, kv("TN", b.TN), "Line %d is tied to another BTN; only a service that is its own BTN can be used", id)
	}
}

// planChange: BillingOption defaults to PRORATE; at least one entry in
// Lines, each a Change or a Disconnect of a line named by LineID or TN (not
// both), not DISCONNECTED, not twice, all of one customer. Products as in
// productChanges. One order per carrier account; a disconnected line's
// inventory becomes AVAILABLE on completion.
func (pl *planner) planChange(in *ChangeInput) []*Order {
	const pre = "Change"
	billing := pl.billingOption(pre+".BillingOption", in.BillingOption)
	proc := pl.optionalProcess(pre+".ProcessID", in.ProcessID)
	pl.p.CheckRule(len(in.Lines) > 0, pre+".Lines", RuleRequired, nil, "Lines must hold at least one Change or Disconnect")

	var g byAccount
	var customerID int64
	seen := map[int64]int{}
	for i, e := range within(pl, pre+".Lines", in.Lines, MaxRequestLines) {
		if e == nil {
			continue
		}
		lp := idx(pre+".Lines", i)
		var ref LineRef
		var ep, action string
		switch {
		case e.Change == nil && e.Disconnect == nil:
			pl.p.Add(lp, "Each entry of Lines must be a Change or a Disconnect")
			continue
		case e.Change != nil && e.Disconnect != nil:
			pl.p.Add(lp, "An entry of Lines cannot be both a Change and a Disconnect")
			continue
		case e.Change != nil:
			ref, ep, action = LineRef{e.Change.LineID, e.Change.TN}, lp+".Change", ItemChange
		default:
			ref, ep, action = *e.Disconnect, lp+".Disconnect", ItemDisconnect
		}
		line, field := pl.lineRef(ep, ref.LineID, ref.TN, true)
		var ops []*OrderProduct
		if action == ItemChange {
			ops = pl.productChanges(ep+".Products", line, &e.Change.Products, in.IgnoreRelatedProducts, 0)
		}
		if line == nil {
			continue
		}
		if j, dup := seen[line.ID]; dup {
			pl.p.AddRule(field, RuleLineTwice, kv("TN", line.TN), "Line %d is already in Lines[%d]", line.ID, j)
			continue
		}
		seen[line.ID] = i
		switch {
		case customerID == 0:
			customerID = line.CustomerID
		case line.CustomerID != customerID:
			pl.p.AddRule(field, RuleLineOtherCustomer, kv("TN", line.TN), "Line %d belongs to customer %d; every line of one Change must belong to the same customer (%d)", line.ID, line.CustomerID, customerID)
		}
		switch {
		case line.Refusal(action) == "":
		case action == ItemDisconnect:
			pl.p.AddRule(field, RuleLineDisconnected, kv("TN", line.TN), "Line %d is already DISCONNECTED", line.ID)
		default:
			pl.p.AddRule(field, RuleLineDisconnected, kv("TN", line.TN), "Line %d is DISCONNECTED; its products cannot change", line.ID)
		}
		pl.checkOpenOrders(field, line, action)

		o := g.order(line.CarrierAccountID, func() *Order {
			o := newOrder(TypeChangeFeature, line.CustomerID, line.CarrierID, line.CarrierAccountID)
			o.BillingOption = billing
			o.IgnoreRelatedProducts = in.IgnoreRelatedProducts
			setProcess(o, proc)
			return o
		})
		if action == ItemDisconnect {
			o.InventoryItemStatus = InventoryAvailable
		}
		if action == ItemDisconnect {
			o.Items = append(o.Items, pl.disconnectItem(line))
		} else {
			o.Items = append(o.Items, &OrderItem{LineID: line.ID, TN: line.TN, Action: action, PackageID: line.PackageID, Products: ops})
		}
	}
	return g.orders
}

// productChanges checks a line's product changes. Add: as addProduct.
// Change: CustomerProductID required and on the line, a new Rate or
// Quantity (Quantity at least 1); what is not given stays. Remove:
// CustomerProductID required and on the line. No customer product twice,
// and none that an open order other than self already changes or removes
// (a conflict: completing both would lose one change).
// Unless ignoreRelated, the products in a product group with an added
// product are added too, and those with a removed one are removed too.
func (pl *planner) productChanges(prefix string, line *Line, pc *ProductChangesInput, ignoreRelated bool, self int64) []*OrderProduct {
	if pc.Empty() {
		pl.p.AddRule(prefix, RuleProductsNone, nil, "Products must add, change or remove at least one product")
		return nil
	}
	var carrierID int64
	onLine := map[int64]*CustomerProduct{} // by CustomerProductID
	hasProduct := map[int64]bool{}         // by ProductID
	if line != nil {
		carrierID = line.CarrierID
		for _, cp := range line.Products {
			if cp != nil {
				onLine[cp.ID] = cp
				hasProduct[cp.ProductID] = true
			}
		}
	}
	var ops []*OrderProduct
	added := map[int64]bool{}
	for j, a := range pc.Add {
		if a == nil {
			continue
		}
		op, prod := pl.addProduct(idx(prefix+".Add", j), a.ProductID, a.Rate, a.Quantity, "", carrierID)
		ops = append(ops, op)
		if prod != nil {
			added[prod.ID] = true
		}
	}
	touched := map[int64]string{} // CustomerProductID → "changed" or "removed"
	customerProduct := func(field string, id int64, verb string) *CustomerProduct {
		if id == 0 {
			pl.p.AddRule(field, RuleRequired, nil, "CustomerProductID is required")
			return nil
		}
		if was, dup := touched[id]; dup {
			pl.p.AddRule(field, RuleProductTwice, kv("Product", productName(onLine[id])), "Customer product %d is already %s in this request", id, was)
			return nil
		}
		touched[id] = verb
		cp := onLine[id]
		if cp == nil && line != nil {
			pl.p.AddRule(field, RuleProductNotOnLine, kv("TN", line.TN), "Customer product %d is not on line %d", id, line.ID)
		}
		if cp != nil {
			pl.checkProductHeld(field, line, id, self)
		}
		return cp
	}
	for j, c := range pc.Change {
		if c == nil {
			continue
		}
		cpath := idx(prefix+".Change", j)
		cp := customerProduct(cpath+".CustomerProductID", c.CustomerProductID, "changed")
		pl.p.CheckRule(c.Rate != nil || c.Quantity != nil, cpath, RuleProductChangeEmpty, kv("Product", productName(cp), "TN", lineTN(line)),
			"Give a new Rate or Quantity for customer product %d", c.CustomerProductID)
		if c.Quantity != nil {
			pl.quantity(cpath+".Quantity", *c.Quantity)
		}
		if cp == nil {
			continue
		}
		id := cp.ID
		op := &OrderProduct{Op: ProductChange, ProductID: cp.ProductID, CustomerProductID: &id, Rate: cp.Rate,
			Quantity: cp.Quantity, Description: cp.Description, Source: SourceRequested}
		if c.Rate != nil {
			op.Rate = *c.Rate
		}
		if c.Quantity != nil {
			op.Quantity = *c.Quantity
		}
		ops = append(ops, op)
	}
	var removed []*CustomerProduct
	for j, r := range pc.Remove {
		if r == nil {
			continue
		}
		if cp := customerProduct(idx(prefix+".Remove", j)+".CustomerProductID", r.CustomerProductID, "removed"); cp != nil {
			removed = append(removed, cp)
			ops = append(ops, removeOp(cp, SourceRequested))
		}
	}
	if ignoreRelated || line == nil {
		return ops
	}
	for _, op := range append([]*OrderProduct(nil), ops...) {
		if op.Op != ProductAdd || !added[op.ProductID] {
			continue
		}
		for _, g := range pl.groupsOf(op.ProductID) {
			for _, q := range g.ProductIDs {
				if added[q] || hasProduct[q] {
					continue
				}
				if prod := pl.productQuiet(q); prod != nil && (prod.CarrierID == nil || *prod.CarrierID == carrierID) {
					added[q] = true
					ops = append(ops, &OrderProduct{Op: ProductAdd, ProductID: q, Rate: prod.Rate, Quantity: 1,
						Description: prod.Description, Source: SourceRelated})
				}
			}
		}
	}
	for _, cp := range removed {
		for _, g := range pl.groupsOf(cp.ProductID) {
			for _, other := range line.Products {
				if other == nil || touched[other.ID] != "" || !containsID(g.ProductIDs, other.ProductID) {
					continue
				}
				touched[other.ID] = "removed"
				pl.checkProductHeld(prefix, line, other.ID, self)
				ops = append(ops, removeOp(other, SourceRelated))
			}
		}
	}
	return ops
}

// checkProductHeld refuses, as a conflict, a change or removal of customer
// product cpID of line that an open order other than self already changes
// or removes.
func (pl *planner) checkProductHeld(field string, line *Line, cpID, self int64) {
	for _, o := range pl.openOrders(line.ID) {
		if o == nil || !o.Open() || self != 0 && o.ID == self {
			continue
		}
		it := o.Item(line.ID)
		if it == nil {
			continue
		}
		for _, op := range it.Products {
			if op != nil && op.Op != ProductAdd && op.CustomerProductID != nil && *op.CustomerProductID == cpID {
				verb := map[string]string{ProductChange: "changes", ProductRemove: "removes"}[op.Op]
				var name string
				for _, cp := range line.Products {
					if cp != nil && cp.ID == cpID {
						name = cp.Description
					}
				}
				pl.p.ConflictRule(field, RuleProductHeld, kv("Product", name, "Type", o.Type, "PON", o.PON, "Status", o.Status),
					"Customer product %d is held by open %s order %d (PON %s, status %s), which %s it; complete or cancel that order first",
					cpID, o.Type, o.ID, o.PON, o.Status, verb)
				return
			}
		}
	}
}

// productName is a customer product's name for a message ("" when unknown).
func productName(cp *CustomerProduct) string {
	if cp == nil {
		return ""
	}
	return cp.Description
}

// lineTN is a line's number for a message ("" when unknown).
func lineTN(l *Line) string {
	if l == nil {
		return ""
	}
	return l.TN
}

func removeOp(cp *CustomerProduct, source string) *OrderProduct {
	id := cp.ID
	return &OrderProduct{Op: ProductRemove, ProductID: cp.ProductID, CustomerProductID: &id, Rate: cp.Rate,
		Quantity: cp.Quantity, Description: cp.Description, Source: source}
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

package domain

// Charges is what a line costs: every month and once.
type Charges struct {
	Monthly Money
	OneTime Money
}

// Add returns the sum of c and o.
func (c Charges) Add(o Charges) Charges {
	return Charges{Monthly: c.Monthly + o.Monthly, OneTime: c.OneTime + o.OneTime}
}

// ProductCharge is one product change an order item makes, with its amount.
type ProductCharge struct {
	Op          string // ADD, CHANGE or REMOVE
	ProductID   int64
	Description string
	Rate        Money
	Quantity    int
	Amount      Money // Rate × Quantity after the change (for REMOVE: what stops)
	OneTime     bool
	Source      string // why it is on the order (SourceRequested, SourcePackage, SourceRelated)
	// Duplicate says why an added product is there twice: DupOnLine when
	// the line already carries it, DupInOrder when the order adds it twice
	// (a package's product also asked for); "" when it is not.
	Duplicate string
}

// Why a product an order adds is there twice (ProductCharge.Duplicate).
const (
	DupOnLine  = "ON_LINE"
	DupInOrder = "IN_ORDER"
)

// LineCharges is one line's amounts before and after an order item, with
// the product changes that make the difference.
type LineCharges struct {
	Before, After Charges
	Products      []ProductCharge
}

// Duplicates lists the product changes that add a product twice.
func (lc LineCharges) Duplicates() []ProductCharge {
	var out []ProductCharge
	for _, p := range lc.Products {
		if p.Duplicate != "" {
			out = append(out, p)
		}
	}
	return out
}

// PriceLine works out a line's charges before and after ops: current is
// what the line carries now (nil for a new line), oneTime names the
// products billed once (the others bill monthly). An amount is Rate ×
// Quantity; CHANGE replaces the customer product's amount, REMOVE takes it
// away, ADD adds one.
func PriceLine(current []*CustomerProduct, ops []*OrderProduct, oneTime map[int64]bool) LineCharges {
	var lc LineCharges
	amounts := map[int64]Money{} // by customer product id
	onLine := map[int64]bool{}   // product ids carried and not removed
	for _, cp := range current {
		if cp == nil {
			continue
		}
		amounts[cp.ID] = cp.Rate * Money(cp.Quantity)
		lc.Before = lc.Before.add(cp.ProductID, amounts[cp.ID], oneTime)
		onLine[cp.ProductID] = true
	}
	for _, op := range ops {
		if op.Op == ProductRemove && op.CustomerProductID != nil {
			onLine[op.ProductID] = false
		}
	}
	lc.After = lc.Before
	added := map[int64]bool{}
	for _, op := range ops {
		if op == nil {
			continue
		}
		pc := ProductCharge{Op: op.Op, ProductID: op.ProductID, Description: op.Description, Rate: op.Rate,
			Quantity: op.Quantity, Amount: op.Rate * Money(op.Quantity), OneTime: oneTime[op.ProductID], Source: op.Source}
		switch op.Op {
		case ProductAdd:
			lc.After = lc.After.add(op.ProductID, pc.Amount, oneTime)
			switch {
			case onLine[op.ProductID]:
				pc.Duplicate = DupOnLine
			case added[op.ProductID]:
				pc.Duplicate = DupInOrder
			}
			added[op.ProductID] = true
		case ProductChange, ProductRemove:
			if op.CustomerProductID == nil {
				break
			}
			was := amounts[*op.CustomerProductID]
			lc.After = lc.After.add(op.ProductID, -was, oneTime)
			if op.Op == ProductChange {
				lc.After = lc.After.add(op.ProductID, pc.Amount, oneTime)
			} else {
				pc.Amount = was
			}
		}
		lc.Products = append(lc.Products, pc)
	}
	// An earlier add of a product added again later is a duplicate too.
	dup := map[int64]bool{}
	for _, p := range lc.Products {
		if p.Duplicate == DupInOrder {
			dup[p.ProductID] = true
		}
	}
	for i, p := range lc.Products {
		if p.Op == ProductAdd && p.Duplicate == "" && dup[p.ProductID] {
			lc.Products[i].Duplicate = DupInOrder
		}
	}
	return lc
}

// TotalCharges sums the lines' charges before and after.
func TotalCharges(lines []LineCharges) (before, after Charges) {
	for _, l := range lines {
		before, after = before.Add(l.Before), after.Add(l.After)
	}
	return before, after
}

func (c Charges) add(productID int64, m Money, oneTime map[int64]bool) Charges {
	if oneTime[productID] {
		c.OneTime += m
	} else {
		c.Monthly += m
	}
	return c
}

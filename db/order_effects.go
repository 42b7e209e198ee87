package db

import (
	"context"
	"fmt"

	"switchboard/domain"
)

// performEffects applies what completing or canceling order o does to
// lines, their products and inventory (domain.CompletionEffects,
// domain.CancelEffects), in order, in tx. Each line and inventory item
// changed gets one audit event naming the order, with its changes.
//
// A product change or removal whose customer product is gone (removed by
// another order) is ECONFLICT and the whole update is rolled back: the
// rules (domain.PlanOrderUpdate) refuse it first, this is the last guard
// against a change silently lost.
func (db *DB) performEffects(ctx context.Context, tx *Tx, o *domain.Order, effs []domain.Effect) error {
	if len(effs) == 0 {
		return nil
	}
	lines := map[int64]changes{}
	var lineOrder []int64
	onLine := func(id int64) changes {
		if lines[id] == nil {
			lines[id] = changes{}
			lineOrder = append(lineOrder, id)
		}
		return lines[id]
	}
	for _, e := range effs {
		var err error
		switch e.Kind {
		case domain.EffectLineStatus:
			err = setLineStatus(ctx, tx, e, onLine(e.LineID))
		case domain.EffectLinePackage:
			err = setLinePackage(ctx, tx, e, onLine(e.LineID))
		case domain.EffectAddProduct:
			err = addLineProduct(ctx, tx, e, onLine(e.LineID))
		case domain.EffectChangeProduct:
			err = changeLineProduct(ctx, tx, e, onLine(e.LineID))
		case domain.EffectRemoveProduct:
			err = removeLineProduct(ctx, tx, e, onLine(e.LineID))
		case domain.EffectInventory:
			err = db.setLineInventory(ctx, tx, o, e)
		default:
			err = fmt.Errorf("order %d: unknown effect %q", o.ID, e.Kind)
		}
		if err != nil {
			return err
		}
	}
	for _, id := range lineOrder {
		ch := lines[id]
		if len(ch) == 0 {
			continue
		}
		ch["Order"] = domain.Change{nil, orderRef(o)}
		if err := insertAudit(ctx, tx, domain.EntityLine, id, "update", ch); err != nil {
			return err
		}
	}
	return nil
}

// orderRef names an order in another entity's audit event.
func orderRef(o *domain.Order) string {
	return fmt.Sprintf("%s order %d (PON %s) %s", o.Type, o.ID, o.PON, o.Status)
}

func setLineStatus(ctx context.Context, tx *Tx, e domain.Effect, ch changes) error {
	var before struct {
		Status      string `db:"status"`
		SuspendType string `db:"suspend_type"`
	}
	if err := get(ctx, tx, &before, fmt.Sprintf("Line %d not found.", e.LineID), `SELECT status, suspend_type FROM lines WHERE id = ?`, e.LineID); err != nil {
		return err
	}
	suspendType := ""
	if e.Status == domain.LineSuspended {
		suspendType = e.SuspendType
	}
	if _, err := exec(ctx, tx, `UPDATE lines SET status = ?, suspend_type = ? WHERE id = ?`, e.Status, suspendType, e.LineID); err != nil {
		return tx.db.mapErr(err, fmt.Sprintf("Line %d cannot become %s: another live line has its TN", e.LineID, e.Status))
	}
	ch.add("Status", before.Status, e.Status)
	ch.add("SuspendType", before.SuspendType, suspendType)
	return nil
}

func setLinePackage(ctx context.Context, tx *Tx, e domain.Effect, ch changes) error {
	var before int64
	if err := get(ctx, tx, &before, fmt.Sprintf("Line %d not found.", e.LineID), `SELECT COALESCE(package_id, 0) FROM lines WHERE id = ?`, e.LineID); err != nil {
		return err
	}
	if _, err := exec(ctx, tx, `UPDATE lines SET package_id = ? WHERE id = ?`, nullID(e.PackageID), e.LineID); err != nil {
		return err
	}
	ch.add("PackageID", before, e.PackageID)
	return nil
}

func describeProduct(desc string, qty int, rate domain.Money) string {
	return fmt.Sprintf("%s ×%d at %s", desc, qty, rate)
}

func addLineProduct(ctx context.Context, tx *Tx, e domain.Effect, ch changes) error {
	cp := e.CustomerProduct()
	id, err := insert(ctx, tx, `INSERT INTO customer_products (line_id, product_id, description, rate, quantity) VALUES (?, ?, ?, ?, ?)`,
		cp.LineID, cp.ProductID, cp.Description, int64(cp.Rate), cp.Quantity)
	if err != nil {
		return err
	}
	ch.add(fmt.Sprintf("CustomerProduct %d", id), nil, describeProduct(cp.Description, cp.Quantity, cp.Rate))
	return nil
}

// lineProduct reads a customer product of the line: ECONFLICT when it is gone.
func lineProduct(ctx context.Context, tx *Tx, e domain.Effect) (domain.CustomerProduct, error) {
	var rows []domain.CustomerProduct
	id := *e.Product.CustomerProductID
	if err := sel(ctx, tx, &rows, `SELECT id, line_id, product_id, description, rate, quantity FROM customer_products WHERE id = ? AND line_id = ?`,
		id, e.LineID); err != nil {
		return domain.CustomerProduct{}, err
	}
	if len(rows) == 0 {
		return domain.CustomerProduct{}, domain.Errorf(domain.ECONFLICT,
			"Customer product %d is no longer on line %d (another order removed it), so this order cannot complete: nothing was changed", id, e.LineID)
	}
	return rows[0], nil
}

func changeLineProduct(ctx context.Context, tx *Tx, e domain.Effect, ch changes) error {
	cp, err := lineProduct(ctx, tx, e)
	if err != nil {
		return err
	}
	p := e.Product
	if _, err := exec(ctx, tx, `UPDATE customer_products SET rate = ?, quantity = ? WHERE id = ?`, int64(p.Rate), p.Quantity, cp.ID); err != nil {
		return err
	}
	ch.add(fmt.Sprintf("CustomerProduct %d", cp.ID), describeProduct(cp.Description, cp.Quantity, cp.Rate), describeProduct(cp.Description, p.Quantity, p.Rate))
	return nil
}

func removeLineProduct(ctx context.Context, tx *Tx, e domain.Effect, ch changes) error {
	cp, err := lineProduct(ctx, tx, e)
	if err != nil {
		return err
	}
	if _, err := exec(ctx, tx, `DELETE FROM customer_products WHERE id = ?`, cp.ID); err != nil {
		return err
	}
	ch.add(fmt.Sprintf("CustomerProduct %d", cp.ID), describeProduct(cp.Description, cp.Quantity, cp.Rate), nil)
	return nil
}

// setLineInventory sets every inventory item on the line to e.Status:
// AVAILABLE and UNAVAILABLE release it from the customer and the line;
// ASSIGNED keeps it on the customer's account, off the line.
func (db *DB) setLineInventory(ctx context.Context, tx *Tx, o *domain.Order, e domain.Effect) error {
	var items []*domain.InventoryItem
	if err := sel(ctx, tx, &items, `SELECT `+inventoryCols+` FROM inventory WHERE line_id = ? ORDER BY id`+db.Dialect.ForUpdate(), e.LineID); err != nil {
		return err
	}
	for _, it := range items {
		customerID := it.CustomerID
		if e.Status != domain.InventoryAssigned {
			customerID = nil
		}
		if _, err := exec(ctx, tx, `UPDATE inventory SET status = ?, customer_id = ?, line_id = NULL WHERE id = ?`, e.Status, customerID, it.ID); err != nil {
			return err
		}
		ch := changes{}
		ch.add("Status", it.Status, e.Status)
		ch.add("CustomerID", idValue(it.CustomerID), idValue(customerID))
		ch.add("LineID", idValue(it.LineID), nil)
		ch["Order"] = domain.Change{nil, orderRef(o)}
		if err := insertAudit(ctx, tx, domain.EntityInventory, it.ID, "update", ch); err != nil {
			return err
		}
	}
	return nil
}

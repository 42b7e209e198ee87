package db

import (
	"context"
	"fmt"
	"strings"

	"switchboard/domain"
)

const inventoryCols = `id, identifier, type, status, customer_id, line_id, model, carrier_id`

// FindInventory returns a page of items by id and the cursor of the next page.
func (db *DB) FindInventory(ctx context.Context, f domain.InventoryFilter) ([]*domain.InventoryItem, string, error) {
	var p domain.Problems
	f.Page.Normalize(&p)
	if f.Status != nil {
		p.Check(domain.OneOf(*f.Status, domain.InventoryStatuses), "Status", "Status must be one of %s", strings.Join(domain.InventoryStatuses, ", "))
	}
	if f.Type != nil {
		p.Check(domain.OneOf(*f.Type, domain.InventoryTypes), "Type", "Type must be one of %s", strings.Join(domain.InventoryTypes, ", "))
	}
	if err := p.Err(); err != nil {
		return nil, "", err
	}
	after, err := decodeCursor(f.After)
	if err != nil {
		return nil, "", err
	}
	where, args := []string{"1 = 1"}, []any{}
	if f.Status != nil {
		where, args = append(where, "status = ?"), append(args, *f.Status)
	}
	if f.Type != nil {
		where, args = append(where, "type = ?"), append(args, *f.Type)
	}
	if f.Identifier != nil {
		where, args = append(where, "identifier LIKE ? ESCAPE '\\'"), append(args, escapeLike(*f.Identifier)+"%")
	}
	if f.CustomerID != nil {
		where, args = append(where, "customer_id = ?"), append(args, *f.CustomerID)
	}
	if f.ForCarrier != nil {
		where, args = append(where, "(carrier_id = ? OR carrier_id IS NULL)"), append(args, *f.ForCarrier)
	}
	if after != nil {
		where, args = append(where, "id > ?"), append(args, after.ID)
	}
	var items []*domain.InventoryItem
	args = append(args, f.Limit+1)
	if err := sel(ctx, db.R, &items, `SELECT `+inventoryCols+` FROM inventory WHERE `+strings.Join(where, " AND ")+` ORDER BY id LIMIT ?`, args...); err != nil {
		return nil, "", err
	}
	items, next := pageOf(items, f.Limit, func(it *domain.InventoryItem) cursor { return cursor{ID: it.ID} })
	return items, next, nil
}

// CreateInventory adds items, all or none. Returns EINVALID for bad items
// and ECONFLICT if an identifier exists already. The domain.CreateRecord in
// ctx, if any, is written in the same transaction (see CreateNewOrders).
func (db *DB) CreateInventory(ctx context.Context, items []*domain.InventoryItem) error {
	var p domain.Problems
	p.Check(len(items) > 0, "Items", "Items must hold at least one item")
	p.Check(len(items) <= domain.MaxInventoryItems, "Items", "Items may hold at most %d entries; it holds %d", domain.MaxInventoryItems, len(items))
	seen := map[string]bool{}
	for i, it := range items {
		it.Identifier = strings.TrimSpace(it.Identifier)
		it.Validate(&p, fmt.Sprintf("Items[%d].", i))
		p.Check(!seen[it.Identifier], fmt.Sprintf("Items[%d].Identifier", i), "Identifier %s appears twice", it.Identifier)
		seen[it.Identifier] = true
	}
	if err := p.Err(); err != nil {
		return err
	}
	return db.inCreateTx(ctx, func(tx *Tx) (domain.Created, error) {
		for _, it := range items {
			id, err := insert(ctx, tx, `INSERT INTO inventory (identifier, type, status, customer_id, line_id, model, carrier_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				it.Identifier, it.Type, it.Status, it.CustomerID, it.LineID, it.Model, it.CarrierID)
			if err != nil {
				return domain.Created{}, db.mapErr(err, "Identifier "+it.Identifier+" exists already.")
			}
			it.ID = id
			if err := insertAudit(ctx, tx, domain.EntityInventory, id, "create", map[string]domain.Change{
				"Identifier": {nil, it.Identifier}, "Type": {nil, it.Type}, "Status": {nil, it.Status}}); err != nil {
				return domain.Created{}, err
			}
		}
		return domain.Created{Count: len(items)}, nil
	})
}

package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io"

	"switchboard/domain"
)

var _ domain.OrderStore = (*DB)(nil)

// CreateNewOrders performs NewOrders_Create: it plans with
// domain.PlanNewOrders on the write transaction, then creates the plan's
// line (PENDING), assigns its inventory to the customer and the line, and
// writes its order with a new PON, an audit event for each, and the
// status counts. It returns the written plan (order and line IDs set).
//
// Returns EFORBIDDEN when the actor in ctx may not create orders
// (domain.Actor.MayCreateOrders: a rep or above), EINVALID
// with a field error per failed rule (nothing is written), and ECONFLICT
// when another request took the TN being created at the same moment. The
// domain.CreateRecord in ctx, if any, is written in the same transaction
// (*domain.AlreadyCreated when its key or draft was used already).
func (db *DB) CreateNewOrders(ctx context.Context, in *domain.NewOrdersInput) (*domain.OrderPlan, error) {
	if err := domain.ActorFromContext(ctx).MayCreateOrders(); err != nil {
		return nil, err
	}
	var plan *domain.OrderPlan
	err := db.inCreateTx(ctx, func(tx *Tx) (domain.Created, error) {
		var err error
		if plan, err = domain.PlanNewOrders(ctx, db.lookupTx(tx), in); err != nil {
			return domain.Created{}, err
		}
		if err := db.writePlan(ctx, tx, plan, rand.Reader); err != nil {
			return domain.Created{}, err
		}
		return plan.Created(), nil
	})
	if err != nil {
		return nil, err
	}
	return plan, nil
}

// CreateOrders performs Orders_Create (Suspend, Disconnect, Restore,
// AddLine, Change or PackageChange) as CreateNewOrders does, with
// domain.PlanOrdersCreate: one order per carrier account. Returns
// EFORBIDDEN, EINVALID, ECONFLICT and *domain.AlreadyCreated likewise.
func (db *DB) CreateOrders(ctx context.Context, in *domain.OrdersCreateInput) (*domain.OrderPlan, error) {
	if err := domain.ActorFromContext(ctx).MayCreateOrders(); err != nil {
		return nil, err
	}
	var plan *domain.OrderPlan
	err := db.inCreateTx(ctx, func(tx *Tx) (domain.Created, error) {
		var err error
		if plan, err = domain.PlanOrdersCreate(ctx, db.lookupTx(tx), in); err != nil {
			return domain.Created{}, err
		}
		if err := db.writePlan(ctx, tx, plan, rand.Reader); err != nil {
			return domain.Created{}, err
		}
		return plan.Created(), nil
	})
	if err != nil {
		return nil, err
	}
	return plan, nil
}

// writePlan writes a checked plan in tx, as domain.OrderPlan says: the new
// lines, then the orders with their items, products, inventory and port
// details, then the inventory assignments and the status counts. PONs are
// drawn from pons (crypto/rand.Reader; the demo's own generator).
func (db *DB) writePlan(ctx context.Context, tx *Tx, plan *domain.OrderPlan, pons io.Reader) error {
	for _, l := range plan.Lines {
		if err := db.insertLine(ctx, tx, l); err != nil {
			return err
		}
	}
	plan.LinkLines()
	if err := plan.AssignPONs(pons); err != nil {
		return err
	}
	counts := statusDeltas{}
	for _, o := range plan.Orders {
		if err := db.insertOrder(ctx, tx, o); err != nil {
			return err
		}
		if err := db.scheduleNewOrder(ctx, tx, o); err != nil {
			return err
		}
		counts.move("", o.Status)
	}
	for _, a := range plan.Assignments {
		if err := assignInventory(ctx, tx, a); err != nil {
			return err
		}
	}
	return counts.apply(ctx, tx)
}

// nullID stores an id of 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// insertLine creates a new service (PENDING until its order completes).
// Returns ECONFLICT if another live line has its TN.
func (db *DB) insertLine(ctx context.Context, tx *Tx, l *domain.Line) error {
	l.CreatedAt = tx.Now
	id, err := insert(ctx, tx, `INSERT INTO lines (customer_id, tn, package_id, carrier_id, carrier_account_id, line_type_id,
		description, alt_btn_id, pbx_make, pbx_model, status, suspend_type, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, l.CustomerID, l.TN, nullID(l.PackageID), l.CarrierID, l.CarrierAccountID,
		l.LineTypeID, l.Description, l.AltBTNID, l.PBXMake, l.PBXModel, l.Status, l.SuspendType, l.CreatedAt)
	if err != nil {
		return db.mapErr(err, fmt.Sprintf("TN %s was just taken by another line; choose another TN", l.TN))
	}
	l.ID = id
	ch := map[string]domain.Change{"CustomerID": {nil, l.CustomerID}, "Status": {nil, l.Status},
		"CarrierAccountID": {nil, l.CarrierAccountID}, "PackageID": {nil, l.PackageID}}
	if l.TN != "" {
		ch["TN"] = domain.Change{nil, l.TN}
	}
	if l.Description != "" {
		ch["Description"] = domain.Change{nil, l.Description}
	}
	return insertAudit(ctx, tx, domain.EntityLine, id, "create", ch)
}

// maxPONDraws bounds the draws of a PON that is not taken yet; a clash is
// a one-in-10^24 event, so a second draw is already an anomaly.
const maxPONDraws = 5

// insertOrder writes a new order (NEW, version 1, created now by the user
// in ctx) with its shipping address, items, products, inventory and port
// request, and its "create" audit event. A PON that is taken already is
// drawn again.
func (db *DB) insertOrder(ctx context.Context, tx *Tx, o *domain.Order) error {
	o.Version, o.CreatedAt = 1, tx.Now
	if err := o.Validate(); err != nil {
		return err
	}
	if o.ShippingAddress != nil {
		id, err := createAddress(ctx, tx, o.ShippingAddress)
		if err != nil {
			return err
		}
		o.ShippingAddressID = &id
	}
	var createdBy *int64
	if u := domain.UserFromContext(ctx); u != nil {
		createdBy = &u.ID
	}
	for draw := 1; ; draw++ {
		id, err := insert(ctx, tx, `INSERT INTO orders (pon, order_type, status, status_note, customer_id, carrier_id, carrier_account_id,
			flow_through, send_now, created_at, created_by, updated_at, completion_date, tracking_number, shipping_status,
			shipping_address_id, process_id, process_route_id, requires_route_decision, billing_option, reconnect,
			suspend_type, inventory_item_status, ignore_related_products, prorate, new_package_id, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (pon) DO NOTHING`,
			o.PON, o.Type, o.Status, o.StatusNote, o.CustomerID, o.CarrierID, o.CarrierAccountID,
			o.FlowThrough, o.SendNow, o.CreatedAt, createdBy, o.CreatedAt, o.CompletionDate, o.TrackingNumber, o.ShippingStatus,
			o.ShippingAddressID, o.ProcessID, o.ProcessRouteID, o.RequiresRouteDecision, o.BillingOption, o.Reconnect,
			o.SuspendType, o.InventoryItemStatus, o.IgnoreRelatedProducts, o.Prorate, o.NewPackageID, o.Version)
		if errors.Is(err, sql.ErrNoRows) && draw < maxPONDraws {
			if o.PON, err = domain.NewPON(rand.Reader); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return db.mapErr(err, "PON "+o.PON+" is taken")
		}
		o.ID = id
		break
	}
	for _, it := range o.Items {
		if err := db.insertItem(ctx, tx, o, it); err != nil {
			return err
		}
	}
	if o.WirelessPort != nil {
		if err := db.insertPort(ctx, tx, o.ID, o.WirelessPort); err != nil {
			return err
		}
	}
	return insertAudit(ctx, tx, domain.EntityOrder, o.ID, "create", createChanges(o))
}

// insertItem writes one item of order o with its products and inventory
// identifiers; the item carries the order's created_at (the TN index).
func (db *DB) insertItem(ctx context.Context, tx *Tx, o *domain.Order, it *domain.OrderItem) error {
	orderID := o.ID
	if it.LineID == 0 {
		return fmt.Errorf("order %d: item %s has no line (OrderPlan.LinkLines not called?)", orderID, it.Action)
	}
	it.OrderID = orderID
	id, err := insert(ctx, tx, `INSERT INTO order_items (order_id, line_id, tn, action, package_id, carrier_id, carrier_account_id,
		description, alt_btn_id, pbx_make, pbx_model, line_type_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		orderID, it.LineID, it.TN, it.Action, nullID(it.PackageID), nullID(it.CarrierID), nullID(it.CarrierAccountID),
		it.Description, it.AltBTNID, it.PBXMake, it.PBXModel, it.LineTypeID, o.CreatedAt)
	if err != nil {
		return db.mapErr(err, "The order names a line twice")
	}
	it.ID = id
	for _, p := range it.Products {
		if err := insertOrderProduct(ctx, tx, id, p); err != nil {
			return err
		}
	}
	for _, ident := range it.InventoryIdentifiers {
		if _, err := exec(ctx, tx, `INSERT INTO order_inventory (order_item_id, order_id, identifier) VALUES (?, ?, ?)`, id, orderID, ident); err != nil {
			return db.mapErr(err, "Identifier "+ident+" is given twice")
		}
	}
	return nil
}

func insertOrderProduct(ctx context.Context, tx *Tx, itemID int64, p *domain.OrderProduct) error {
	p.OrderItemID = itemID
	id, err := insert(ctx, tx, `INSERT INTO order_products (order_item_id, op, product_id, customer_product_id, rate, quantity, description, source)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, itemID, p.Op, p.ProductID, p.CustomerProductID, int64(p.Rate), p.Quantity, p.Description, p.Source)
	p.ID = id
	return err
}

// insertPort writes the order's port-in request: its address, and the
// PIN sealed with the data key.
func (db *DB) insertPort(ctx context.Context, tx *Tx, orderID int64, wp *domain.WirelessPort) error {
	aid, err := createAddress(ctx, tx, &wp.Address)
	if err != nil {
		return err
	}
	wp.OrderID, wp.AddressID = orderID, aid
	_, err = exec(ctx, tx, `INSERT INTO order_wireless_ports (order_id, mdn, account_number, authorized_signer, pin_password_enc,
		remark, address_id, external_provider) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, orderID, wp.MDN, wp.AccountNumber,
		wp.AuthorizedSigner, db.Cipher.Seal(wp.PINPassword), wp.Remark, aid, wp.ExternalProvider)
	return err
}

// assignInventory puts an item on the customer's account and the new line
// (ASSIGNED), with an audit event.
func assignInventory(ctx context.Context, tx *Tx, a domain.InventoryAssignment) error {
	var it domain.InventoryItem
	if err := get(ctx, tx, &it, "Inventory item "+a.Identifier+" not found.", `SELECT `+inventoryCols+` FROM inventory WHERE identifier = ?`, a.Identifier); err != nil {
		return err
	}
	var lineID *int64
	if a.Line != nil {
		lineID = &a.Line.ID
	}
	if _, err := exec(ctx, tx, `UPDATE inventory SET status = ?, customer_id = ?, line_id = ? WHERE id = ?`,
		domain.InventoryAssigned, a.CustomerID, lineID, it.ID); err != nil {
		return err
	}
	ch := changes{}
	ch.add("Status", it.Status, domain.InventoryAssigned)
	ch.add("CustomerID", idValue(it.CustomerID), a.CustomerID)
	ch.add("LineID", idValue(it.LineID), idValue(lineID))
	return insertAudit(ctx, tx, domain.EntityInventory, it.ID, "assign", ch)
}

// changes collects an audit event's before and after values; a field
// changed twice keeps its first before and its last after.
type changes map[string]domain.Change

func (c changes) add(field string, before, after any) {
	if prev, ok := c[field]; ok {
		before = prev[0]
	}
	if before == after {
		delete(c, field)
		return
	}
	c[field] = domain.Change{before, after}
}

func idValue(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// createChanges is a new order's audit record: every field it was created with.
func createChanges(o *domain.Order) map[string]domain.Change {
	ch := map[string]domain.Change{
		"PON": {nil, o.PON}, "OrderType": {nil, o.Type}, "Status": {nil, o.Status}, "CustomerID": {nil, o.CustomerID},
		"CarrierID": {nil, o.CarrierID}, "CarrierAccountID": {nil, o.CarrierAccountID}, "FlowThrough": {nil, o.FlowThrough},
		"ShippingStatus": {nil, o.ShippingStatus}, "Lines": {nil, domain.DescribeItems(o.Items)},
	}
	opt := func(name string, v any, given bool) {
		if given {
			ch[name] = domain.Change{nil, v}
		}
	}
	opt("ProcessID", idValue(o.ProcessID), o.ProcessID != nil)
	opt("ProcessRouteID", idValue(o.ProcessRouteID), o.ProcessRouteID != nil)
	opt("RequiresRouteDecision", true, o.RequiresRouteDecision)
	opt("Reconnect", true, o.Reconnect)
	opt("SendOrders", true, o.SendNow)
	opt("SuspendType", o.SuspendType, o.SuspendType != "")
	opt("InventoryItemStatus", o.InventoryItemStatus, o.InventoryItemStatus != "")
	opt("BillingOption", o.BillingOption, o.BillingOption != "")
	opt("IgnoreRelatedProducts", true, o.IgnoreRelatedProducts)
	opt("Prorate", true, o.Prorate)
	opt("PackageID", idValue(o.NewPackageID), o.NewPackageID != nil)
	if o.ShippingAddress != nil {
		ch["ShippingAddress"] = domain.Change{nil, o.ShippingAddress.OneLine()}
	}
	if wp := o.WirelessPort; wp != nil {
		pin := "none"
		if !wp.PINPassword.IsZero() {
			pin = "on file" // never any part of it, not even masked
		}
		ch["WirelessPort"] = domain.Change{nil, fmt.Sprintf("MDN %s, account %s, signer %s, PIN %s, provider %s",
			wp.MDN, wp.AccountNumber, wp.AuthorizedSigner, pin, wp.ExternalProvider)}
	}
	return ch
}

package db

import (
	"context"
	"strings"

	"switchboard/domain"
)

// orderCols and orderFrom read orders with their carrier's and carrier
// account's names.
const (
	orderCols = `o.id, o.pon, o.order_type, o.status, o.status_note, o.customer_id, o.carrier_id, o.carrier_account_id,
		o.flow_through, o.created_at, o.updated_at, o.completion_date, o.tracking_number, o.shipping_status, o.process_id,
		o.process_route_id, o.requires_route_decision, o.route_send_at, o.billing_option, o.reconnect, o.version, o.send_now,
		o.suspend_type, o.inventory_item_status, o.ignore_related_products, o.prorate, o.new_package_id,
		o.shipping_address_id, c.name AS carrier_name, a.name AS carrier_account_name`
	orderFrom = `orders o JOIN carriers c ON c.id = o.carrier_id JOIN carrier_accounts a ON a.id = o.carrier_account_id`
)

// awaitingRoute is the condition of an order waiting for a supervisor's
// route decision: its process has several routes, none is chosen, and it
// is still open. It is the predicate of the orders_awaiting_route partial
// index, written the same way so both engines use that index.
const awaitingRoute = `o.requires_route_decision AND o.status NOT IN ('COMPLETE', 'CANCELED')`

// FindOrderByID returns the order with its Items and their Products and
// inventory, its WirelessPort (PIN opened), ShippingAddress, carrier names
// and the Routes of its process. Returns ENOTFOUND if there is no such order.
func (db *DB) FindOrderByID(ctx context.Context, id int64) (*domain.Order, error) {
	return db.findOrder(ctx, db.R, `o.id = ?`, id)
}

// FindOrderByPON is FindOrderByID by PON (letters are matched in upper
// case). Returns ENOTFOUND if no order has that PON.
func (db *DB) FindOrderByPON(ctx context.Context, pon string) (*domain.Order, error) {
	return db.findOrder(ctx, db.R, `o.pon = ?`, strings.ToUpper(strings.TrimSpace(pon)))
}

// findOrder reads one order matching where, with everything it holds.
func (db *DB) findOrder(ctx context.Context, q queryer, where string, arg any) (*domain.Order, error) {
	var o domain.Order
	if err := get(ctx, q, &o, "Order not found.", `SELECT `+orderCols+` FROM `+orderFrom+` WHERE `+where, arg); err != nil {
		return nil, err
	}
	if err := attachItems(ctx, q, []*domain.Order{&o}); err != nil {
		return nil, err
	}
	if err := db.attachPort(ctx, q, &o); err != nil {
		return nil, err
	}
	if o.ShippingAddressID != nil {
		a, err := findAddressByID(ctx, q, *o.ShippingAddressID)
		if err != nil {
			return nil, err
		}
		o.ShippingAddress = a
	}
	if o.ProcessID != nil {
		if err := attachRoutes(ctx, q, []*domain.Order{&o}); err != nil {
			return nil, err
		}
	}
	return &o, nil
}

// itemCols reads order items; the ids an item may lack read as 0.
const itemCols = `id, order_id, line_id, tn, action, COALESCE(package_id, 0) AS package_id, COALESCE(carrier_id, 0) AS carrier_id,
	COALESCE(carrier_account_id, 0) AS carrier_account_id, description, alt_btn_id, pbx_make, pbx_model, line_type_id`

// attachItems loads the items of every order in os, each with its
// products and inventory identifiers, in three queries.
func attachItems(ctx context.Context, q queryer, os []*domain.Order) error {
	if len(os) == 0 {
		return nil
	}
	byID := make(map[int64]*domain.Order, len(os))
	ids := make([]int64, len(os))
	for i, o := range os {
		byID[o.ID], ids[i] = o, o.ID
		o.Items = []*domain.OrderItem{}
	}
	query, args, err := in(q, `SELECT `+itemCols+` FROM order_items WHERE order_id IN (?) ORDER BY order_id, id`, ids)
	if err != nil {
		return err
	}
	var items []*domain.OrderItem
	if err := sel(ctx, q, &items, query, args...); err != nil {
		return err
	}
	if len(items) == 0 {
		return nil
	}
	itemByID := make(map[int64]*domain.OrderItem, len(items))
	itemIDs := make([]int64, len(items))
	for i, it := range items {
		byID[it.OrderID].Items = append(byID[it.OrderID].Items, it)
		itemByID[it.ID], itemIDs[i] = it, it.ID
		it.Products = []*domain.OrderProduct{}
	}
	query, args, err = in(q, `SELECT id, order_item_id, op, product_id, customer_product_id, rate, quantity, description, source
		FROM order_products WHERE order_item_id IN (?) ORDER BY order_item_id, id`, itemIDs)
	if err != nil {
		return err
	}
	var ps []*domain.OrderProduct
	if err := sel(ctx, q, &ps, query, args...); err != nil {
		return err
	}
	for _, p := range ps {
		itemByID[p.OrderItemID].Products = append(itemByID[p.OrderItemID].Products, p)
	}
	query, args, err = in(q, `SELECT order_item_id, identifier FROM order_inventory WHERE order_item_id IN (?) ORDER BY order_item_id, identifier`, itemIDs)
	if err != nil {
		return err
	}
	var inv []struct {
		ItemID     int64  `db:"order_item_id"`
		Identifier string `db:"identifier"`
	}
	if err := sel(ctx, q, &inv, query, args...); err != nil {
		return err
	}
	for _, r := range inv {
		it := itemByID[r.ItemID]
		it.InventoryIdentifiers = append(it.InventoryIdentifiers, r.Identifier)
	}
	return nil
}

// attachPort loads the order's port-in request, if it has one, with its
// address and PIN.
func (db *DB) attachPort(ctx context.Context, q queryer, o *domain.Order) error {
	var rows []struct {
		domain.WirelessPort
		PINEnc string `db:"pin_password_enc"`
	}
	if err := sel(ctx, q, &rows, `SELECT order_id, mdn, account_number, authorized_signer, pin_password_enc, remark, address_id, external_provider
		FROM order_wireless_ports WHERE order_id = ?`, o.ID); err != nil || len(rows) == 0 {
		return err
	}
	wp := rows[0].WirelessPort
	var err error
	if wp.PINPassword, err = db.Cipher.Open(rows[0].PINEnc); err != nil {
		return err
	}
	a, err := findAddressByID(ctx, q, wp.AddressID)
	if err != nil {
		return err
	}
	wp.Address = *a
	o.WirelessPort = &wp
	return nil
}

// attachRoutes gives every order in os that has a process the routes of
// that process, in one query.
func attachRoutes(ctx context.Context, q queryer, os []*domain.Order) error {
	var pids []int64
	seen := map[int64]bool{}
	for _, o := range os {
		if o.ProcessID != nil && !seen[*o.ProcessID] {
			seen[*o.ProcessID] = true
			pids = append(pids, *o.ProcessID)
		}
	}
	if len(pids) == 0 {
		return nil
	}
	query, args, err := in(q, `SELECT id, process_id, description, meaning FROM process_routes WHERE process_id IN (?) ORDER BY process_id, id`, pids)
	if err != nil {
		return err
	}
	var routes []domain.Route
	if err := sel(ctx, q, &routes, query, args...); err != nil {
		return err
	}
	byProcess := map[int64][]domain.Route{}
	for _, r := range routes {
		byProcess[r.ProcessID] = append(byProcess[r.ProcessID], r)
	}
	for _, o := range os {
		if o.ProcessID != nil {
			o.Routes = append([]domain.Route{}, byProcess[*o.ProcessID]...)
		}
	}
	return nil
}

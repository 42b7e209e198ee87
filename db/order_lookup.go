package db

import (
	"context"

	"switchboard/domain"
)

// orderLookup is domain.OrderLookup on one queryer. The order writes plan
// on the write transaction (lookupTx), so the rules see what is written;
// on PostgreSQL it locks the lines and inventory a plan depends on
// (SELECT … FOR UPDATE), so two transactions cannot both take one
// AVAILABLE SIM or both suspend one line: the second waits for the first
// and then reads what it wrote. SQLite has one writer at a time already.
type orderLookup struct {
	db   *DB
	q    queryer
	lock string // the row-locking clause, "" when reading without locks
}

var _ domain.OrderLookup = (*orderLookup)(nil)

// lookupTx reads through tx and locks what it reads.
func (db *DB) lookupTx(tx *Tx) *orderLookup {
	return &orderLookup{db: db, q: tx, lock: db.Dialect.ForUpdate()}
}

// lookupR reads from the read pool.
func (db *DB) lookupR() *orderLookup { return &orderLookup{db: db, q: db.R} }

func (lk *orderLookup) FindCustomerByID(ctx context.Context, id int64) (*domain.Customer, error) {
	return lk.db.findCustomerByID(ctx, lk.q, id)
}

func (lk *orderLookup) FindLineByID(ctx context.Context, id int64) (*domain.Line, error) {
	var l domain.Line
	if err := get(ctx, lk.q, &l, "Line not found.", `SELECT `+lineCols+` FROM lines WHERE id = ?`+lk.lock, id); err != nil {
		return nil, err
	}
	return &l, attachProducts(ctx, lk.q, []*domain.Line{&l})
}

// FindLineByTN returns the line holding tn now: the newest one that is not
// DISCONNECTED, else the newest one.
func (lk *orderLookup) FindLineByTN(ctx context.Context, tn string) (*domain.Line, error) {
	var l domain.Line
	if err := get(ctx, lk.q, &l, "Line not found.", `SELECT `+lineCols+` FROM lines WHERE tn = ?
		ORDER BY CASE WHEN status = 'DISCONNECTED' THEN 1 ELSE 0 END, id DESC LIMIT 1`+lk.lock, tn); err != nil {
		return nil, err
	}
	return &l, attachProducts(ctx, lk.q, []*domain.Line{&l})
}

func (lk *orderLookup) FindCustomerLines(ctx context.Context, customerID int64) ([]*domain.Line, error) {
	var ls []*domain.Line
	if err := sel(ctx, lk.q, &ls, `SELECT `+lineCols+` FROM lines WHERE customer_id = ? ORDER BY id`+lk.lock, customerID); err != nil {
		return nil, err
	}
	return ls, attachProducts(ctx, lk.q, ls)
}

func (lk *orderLookup) FindPackageByID(ctx context.Context, id int64) (*domain.Package, error) {
	var p domain.Package
	if err := get(ctx, lk.q, &p, "Package not found.", `SELECT id, name, carrier_id, line_type_id FROM packages WHERE id = ?`, id); err != nil {
		return nil, err
	}
	p.Products = []domain.Product{}
	err := sel(ctx, lk.q, &p.Products, `SELECT p.id, p.description, p.rate, p.provisionable, p.carrier_id, p.ships, pp.role
		FROM package_products pp JOIN products p ON p.id = pp.product_id WHERE pp.package_id = ? ORDER BY p.id`, id)
	return &p, err
}

func (lk *orderLookup) FindProductByID(ctx context.Context, id int64) (*domain.Product, error) {
	var p domain.Product
	if err := get(ctx, lk.q, &p, "Product not found.", `SELECT id, description, rate, provisionable, carrier_id, ships FROM products WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return &p, nil
}

// FindProductGroupsOf returns the groups productID is in, each with its
// ProductIDs.
func (lk *orderLookup) FindProductGroupsOf(ctx context.Context, productID int64) ([]*domain.ProductGroup, error) {
	var rows []struct {
		GroupID   int64  `db:"group_id"`
		Name      string `db:"name"`
		ProductID int64  `db:"product_id"`
	}
	if err := sel(ctx, lk.q, &rows, `SELECT g.id AS group_id, g.name, i.product_id
		FROM product_groups g JOIN product_group_items i ON i.group_id = g.id
		WHERE g.id IN (SELECT group_id FROM product_group_items WHERE product_id = ?)
		ORDER BY g.id, i.product_id`, productID); err != nil {
		return nil, err
	}
	var out []*domain.ProductGroup
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].ID != r.GroupID {
			out = append(out, &domain.ProductGroup{ID: r.GroupID, Name: r.Name})
		}
		g := out[len(out)-1]
		g.ProductIDs = append(g.ProductIDs, r.ProductID)
	}
	return out, nil
}

func (lk *orderLookup) FindCarrierByID(ctx context.Context, id int64) (*domain.Carrier, error) {
	var c domain.Carrier
	if err := get(ctx, lk.q, &c, "Carrier not found.", `SELECT id, name, code, wireless FROM carriers WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return &c, nil
}

func (lk *orderLookup) FindCarrierByCode(ctx context.Context, code string) (*domain.Carrier, error) {
	var c domain.Carrier
	if err := get(ctx, lk.q, &c, "Carrier not found.", `SELECT id, name, code, wireless FROM carriers WHERE code = ?`, code); err != nil {
		return nil, err
	}
	return &c, nil
}

func (lk *orderLookup) FindDefaultCarrierAccount(ctx context.Context, carrierID int64) (*domain.CarrierAccount, error) {
	var a domain.CarrierAccount
	if err := get(ctx, lk.q, &a, "The carrier has no default account.",
		`SELECT id, carrier_id, name, is_default FROM carrier_accounts WHERE carrier_id = ? AND is_default`, carrierID); err != nil {
		return nil, err
	}
	return &a, nil
}

func (lk *orderLookup) FindCarrierAccountByID(ctx context.Context, id int64) (*domain.CarrierAccount, error) {
	var a domain.CarrierAccount
	if err := get(ctx, lk.q, &a, "Carrier account not found.", `SELECT id, carrier_id, name, is_default FROM carrier_accounts WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return &a, nil
}

func (lk *orderLookup) FindServiceTypeByID(ctx context.Context, id int64) (*domain.ServiceType, error) {
	var s domain.ServiceType
	if err := get(ctx, lk.q, &s, "Service type not found.", `SELECT id, name, wireless FROM service_types WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return &s, nil
}

// FindProcessByID returns the process with its Routes.
func (lk *orderLookup) FindProcessByID(ctx context.Context, id int64) (*domain.Process, error) {
	var p domain.Process
	if err := get(ctx, lk.q, &p, "Process not found.", `SELECT id, name FROM processes WHERE id = ?`, id); err != nil {
		return nil, err
	}
	p.Routes = []domain.Route{}
	err := sel(ctx, lk.q, &p.Routes, `SELECT id, process_id, description, meaning FROM process_routes WHERE process_id = ? ORDER BY id`, id)
	return &p, err
}

func (lk *orderLookup) FindInventoryByIdentifier(ctx context.Context, identifier string) (*domain.InventoryItem, error) {
	var it domain.InventoryItem
	if err := get(ctx, lk.q, &it, "Inventory item not found.", `SELECT `+inventoryCols+` FROM inventory WHERE identifier = ?`+lk.lock, identifier); err != nil {
		return nil, err
	}
	return &it, nil
}

// FindLineInventory returns the inventory items on the line, by identifier.
func (lk *orderLookup) FindLineInventory(ctx context.Context, lineID int64) ([]*domain.InventoryItem, error) {
	var items []*domain.InventoryItem
	err := sel(ctx, lk.q, &items, `SELECT `+inventoryCols+` FROM inventory WHERE line_id = ? ORDER BY identifier`, lineID)
	return items, err
}

// FindOpenOrdersOnLine returns the orders touching the line that are
// neither COMPLETE nor CANCELED, oldest first, each with its Items.
func (lk *orderLookup) FindOpenOrdersOnLine(ctx context.Context, lineID int64) ([]*domain.Order, error) {
	var os []*domain.Order
	if err := sel(ctx, lk.q, &os, `SELECT `+orderCols+` FROM `+orderFrom+`
		WHERE o.id IN (SELECT order_id FROM order_items WHERE line_id = ?) AND o.status NOT IN ('COMPLETE', 'CANCELED')
		ORDER BY o.id`, lineID); err != nil {
		return nil, err
	}
	return os, attachItems(ctx, lk.q, os)
}

// The OrderLookup reads that *DB has no method for yet, on the read pool,
// so *DB is a domain.OrderLookup too (pages use it to offer choices).

var _ domain.OrderLookup = (*DB)(nil)

// FindLineByTN returns the line holding tn now, with its products: the
// newest line with that TN that is not DISCONNECTED, else the newest one.
// Returns ENOTFOUND if no line ever had tn.
func (db *DB) FindLineByTN(ctx context.Context, tn string) (*domain.Line, error) {
	return db.lookupR().FindLineByTN(ctx, tn)
}

// FindCustomerLines returns every line of the customer, with products,
// oldest first.
func (db *DB) FindCustomerLines(ctx context.Context, customerID int64) ([]*domain.Line, error) {
	return db.lookupR().FindCustomerLines(ctx, customerID)
}

// FindPackageByID returns the package with its products, or ENOTFOUND.
func (db *DB) FindPackageByID(ctx context.Context, id int64) (*domain.Package, error) {
	return db.lookupR().FindPackageByID(ctx, id)
}

// FindProductByID returns ENOTFOUND if there is no such product.
func (db *DB) FindProductByID(ctx context.Context, id int64) (*domain.Product, error) {
	return db.lookupR().FindProductByID(ctx, id)
}

// FindProductGroupsOf returns the product groups productID is in.
func (db *DB) FindProductGroupsOf(ctx context.Context, productID int64) ([]*domain.ProductGroup, error) {
	return db.lookupR().FindProductGroupsOf(ctx, productID)
}

// FindCarrierByCode returns ENOTFOUND if no carrier has code.
func (db *DB) FindCarrierByCode(ctx context.Context, code string) (*domain.Carrier, error) {
	return db.lookupR().FindCarrierByCode(ctx, code)
}

// FindDefaultCarrierAccount returns ENOTFOUND when the carrier has no default account.
func (db *DB) FindDefaultCarrierAccount(ctx context.Context, carrierID int64) (*domain.CarrierAccount, error) {
	return db.lookupR().FindDefaultCarrierAccount(ctx, carrierID)
}

// FindCarrierAccountByID returns ENOTFOUND if there is no such account.
func (db *DB) FindCarrierAccountByID(ctx context.Context, id int64) (*domain.CarrierAccount, error) {
	return db.lookupR().FindCarrierAccountByID(ctx, id)
}

// FindServiceTypeByID returns ENOTFOUND if there is no such service type.
func (db *DB) FindServiceTypeByID(ctx context.Context, id int64) (*domain.ServiceType, error) {
	return db.lookupR().FindServiceTypeByID(ctx, id)
}

// FindProcessByID returns the process with its routes, or ENOTFOUND.
func (db *DB) FindProcessByID(ctx context.Context, id int64) (*domain.Process, error) {
	return db.lookupR().FindProcessByID(ctx, id)
}

// FindInventoryByIdentifier returns ENOTFOUND if no item has identifier.
func (db *DB) FindInventoryByIdentifier(ctx context.Context, identifier string) (*domain.InventoryItem, error) {
	return db.lookupR().FindInventoryByIdentifier(ctx, identifier)
}

// FindLineInventory returns the inventory items on the line.
func (db *DB) FindLineInventory(ctx context.Context, lineID int64) ([]*domain.InventoryItem, error) {
	return db.lookupR().FindLineInventory(ctx, lineID)
}

// FindOpenOrdersOnLine returns the open orders touching the line, with their items.
func (db *DB) FindOpenOrdersOnLine(ctx context.Context, lineID int64) ([]*domain.Order, error) {
	return db.lookupR().FindOpenOrdersOnLine(ctx, lineID)
}

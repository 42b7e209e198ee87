package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"switchboard/domain"
)

// A data set (the demo's) is loaded once into an empty database, in one
// transaction, through a Loader: the rows of reference data, customers,
// lines and inventory in bulk, and orders through the same planners and
// writers a request uses, so audit history and status counts are as the
// product leaves them.

// errLoadSkipped rolls a load back when the database holds data already.
var errLoadSkipped = errors.New("data set not loaded")

// LoadOnce runs load in one write transaction when the database is empty
// and no data set was loaded before, and reports whether it ran. Several
// instances may call it at once: the first statement of the transaction
// claims the demo_loads row, so the others wait for that transaction and
// then find the row taken. An error from load rolls everything back.
func (db *DB) LoadOnce(ctx context.Context, load func(*Loader) error) (loaded bool, err error) {
	err = db.inTx(ctx, func(tx *Tx) error {
		if _, err := insert(ctx, tx, `INSERT INTO demo_loads (id, loaded_at) VALUES (1, ?) ON CONFLICT (id) DO NOTHING`, tx.Now); err == sql.ErrNoRows {
			return errLoadSkipped
		} else if err != nil {
			return fmt.Errorf("claim the load: %w", err)
		}
		if has, err := holdsData(ctx, tx); err != nil {
			return err
		} else if has {
			return errLoadSkipped
		}
		l := &Loader{db: db, tx: tx, start: tx.Now}
		defer func() { tx.Now = l.start }()
		if err := load(l); err != nil {
			return err
		}
		tx.Now = l.start
		return db.scheduleOpenOrders(ctx, tx)
	})
	if errors.Is(err, errLoadSkipped) {
		return false, nil
	}
	return err == nil, err
}

// holdsData reports whether anyone has put data in the database.
func holdsData(ctx context.Context, tx *Tx) (bool, error) {
	for _, table := range []string{"users", "customers", "carriers", "bill_profiles", "service_types", "processes", "inventory"} {
		var n int
		if err := get(ctx, tx, &n, "", `SELECT COUNT(*) FROM (SELECT 1 FROM `+table+` LIMIT 1) t`); err != nil {
			return false, err
		}
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}

// Loader writes a data set in the transaction of LoadOnce. Every row it
// writes carries its clock (Now), which starts at the time of loading and
// which SetNow moves, so a data set can date its history.
type Loader struct {
	db    *DB
	tx    *Tx
	start time.Time
}

// Now is the time the next rows are written at.
func (l *Loader) Now() time.Time { return l.tx.Now }

// SetNow sets the time the next rows are written at.
func (l *Loader) SetNow(t time.Time) { l.tx.Now = t }

// AddUser adds u (its PasswordHash already made) with its "create" audit event.
func (l *Loader) AddUser(ctx context.Context, u *domain.User) error {
	u.CreatedAt = l.tx.Now
	id, err := insert(ctx, l.tx, `INSERT INTO users (name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?)`,
		u.Name, string(u.Role), u.PasswordHash, u.Disabled, u.CreatedAt)
	if err != nil {
		return err
	}
	u.ID = id
	return insertAudit(ctx, l.tx, domain.EntityUser, id, "create", map[string]domain.Change{
		"Name": {nil, u.Name}, "Role": {nil, string(u.Role)}, "Disabled": {nil, u.Disabled}})
}

// AddBillProfile adds a bill profile and returns its id.
func (l *Loader) AddBillProfile(ctx context.Context, name string) (int64, error) {
	return insert(ctx, l.tx, `INSERT INTO bill_profiles (name) VALUES (?)`, name)
}

// AddServiceType adds a service type, for lines of wireless carriers or
// not, and returns its id (a LineTypeID).
func (l *Loader) AddServiceType(ctx context.Context, name string, wireless bool) (int64, error) {
	return insert(ctx, l.tx, `INSERT INTO service_types (name, wireless) VALUES (?, ?)`, name, wireless)
}

// AddCarrier adds c and sets its ID.
func (l *Loader) AddCarrier(ctx context.Context, c *domain.Carrier) (err error) {
	c.ID, err = insert(ctx, l.tx, `INSERT INTO carriers (name, code, wireless) VALUES (?, ?, ?)`, c.Name, c.Code, c.Wireless)
	return err
}

// AddCarrierAccount adds a and sets its ID.
func (l *Loader) AddCarrierAccount(ctx context.Context, a *domain.CarrierAccount) (err error) {
	a.ID, err = insert(ctx, l.tx, `INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`, a.CarrierID, a.Name, a.Default)
	return err
}

// AddProduct adds p and sets its ID.
func (l *Loader) AddProduct(ctx context.Context, p *domain.Product) (err error) {
	p.ID, err = insert(ctx, l.tx, `INSERT INTO products (description, rate, provisionable, carrier_id, ships) VALUES (?, ?, ?, ?, ?)`,
		p.Description, int64(p.Rate), p.Provisionable, p.CarrierID, p.Ships)
	return err
}

// AddProductGroup adds a product group of the products productIDs.
func (l *Loader) AddProductGroup(ctx context.Context, name string, productIDs []int64) error {
	gid, err := insert(ctx, l.tx, `INSERT INTO product_groups (name) VALUES (?)`, name)
	if err != nil {
		return err
	}
	for _, id := range productIDs {
		if _, err := exec(ctx, l.tx, `INSERT INTO product_group_items (group_id, product_id) VALUES (?, ?)`, gid, id); err != nil {
			return err
		}
	}
	return nil
}

// AddPackage adds pkg holding pkg.Products (added before), each with its
// Role (INCLUDED when none), and sets its ID.
func (l *Loader) AddPackage(ctx context.Context, pkg *domain.Package) (err error) {
	if pkg.ID, err = insert(ctx, l.tx, `INSERT INTO packages (name, carrier_id, line_type_id) VALUES (?, ?, ?)`, pkg.Name, pkg.CarrierID, pkg.LineTypeID); err != nil {
		return err
	}
	for _, p := range pkg.Products {
		role := p.Role
		if role == "" {
			role = domain.RoleIncluded
		}
		if _, err := exec(ctx, l.tx, `INSERT INTO package_products (package_id, product_id, role) VALUES (?, ?, ?)`, pkg.ID, p.ID, role); err != nil {
			return err
		}
	}
	return nil
}

// AddProcess adds p with its routes and sets their IDs.
func (l *Loader) AddProcess(ctx context.Context, p *domain.Process) (err error) {
	if p.ID, err = insert(ctx, l.tx, `INSERT INTO processes (name) VALUES (?)`, p.Name); err != nil {
		return err
	}
	for i := range p.Routes {
		r := &p.Routes[i]
		r.ProcessID = p.ID
		if r.ID, err = insert(ctx, l.tx, `INSERT INTO process_routes (process_id, description, meaning) VALUES (?, ?, ?)`, p.ID, r.Description, r.Meaning); err != nil {
			return err
		}
	}
	return nil
}

// AddCustomer adds c as CreateCustomer does (its secrets sealed, its
// "create" audit event at Now) and dates the customer back to since.
func (l *Loader) AddCustomer(ctx context.Context, c *domain.Customer, since time.Time) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := l.db.createCustomer(ctx, l.tx, c); err != nil {
		return err
	}
	c.CreatedAt = since
	_, err := exec(ctx, l.tx, `UPDATE customers SET created_at = ? WHERE id = ?`, since, c.ID)
	return err
}

// AddLines adds lines in order, each with its Products, and sets the ids
// of both. A line's AltBTNID may point at the ID of a line before it.
func (l *Loader) AddLines(ctx context.Context, lines []*domain.Line) error {
	ins, err := l.tx.PreparexContext(ctx, l.tx.Rebind(`INSERT INTO lines (customer_id, tn, package_id, carrier_id, carrier_account_id,
		line_type_id, description, alt_btn_id, pbx_make, pbx_model, status, suspend_type, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`))
	if err != nil {
		return err
	}
	defer ins.Close()
	var last int64
	if err := get(ctx, l.tx, &last, "", `SELECT COALESCE(MAX(id), 0) FROM customer_products`); err != nil {
		return err
	}
	var products [][]any
	byID := make(map[int64]*domain.Line, len(lines))
	for _, ln := range lines {
		if err := ins.GetContext(ctx, &ln.ID, ln.CustomerID, ln.TN, ln.PackageID, ln.CarrierID, ln.CarrierAccountID, ln.LineTypeID,
			ln.Description, ln.AltBTNID, ln.PBXMake, ln.PBXModel, ln.Status, ln.SuspendType, ln.CreatedAt); err != nil {
			return fmt.Errorf("line %s: %w", ln.TN, err)
		}
		for _, cp := range ln.Products {
			products = append(products, []any{ln.ID, cp.ProductID, cp.Description, int64(cp.Rate), cp.Quantity})
		}
		byID[ln.ID] = ln
		ln.Products = []*domain.CustomerProduct{}
	}
	if err := insertRows(ctx, l.tx, "customer_products", []string{"line_id", "product_id", "description", "rate", "quantity"}, products); err != nil {
		return err
	}
	// Read the products back for their ids: orders that change products name them.
	var cps []*domain.CustomerProduct
	if err := sel(ctx, l.tx, &cps, `SELECT id, line_id, product_id, description, rate, quantity FROM customer_products WHERE id > ? ORDER BY id`, last); err != nil {
		return err
	}
	for _, cp := range cps {
		if ln := byID[cp.LineID]; ln != nil {
			ln.Products = append(ln.Products, cp)
		}
	}
	return nil
}

// AddInventory adds items in bulk, with no audit event: stock as it was
// when the data set begins.
func (l *Loader) AddInventory(ctx context.Context, items []*domain.InventoryItem) error {
	rows := make([][]any, len(items))
	for i, it := range items {
		rows[i] = []any{it.Identifier, it.Type, it.Status, it.CustomerID, it.LineID, it.Model, it.CarrierID}
	}
	return insertRows(ctx, l.tx, "inventory", []string{"identifier", "type", "status", "customer_id", "line_id", "model", "carrier_id"}, rows)
}

// Lookup is what the domain's planners read, inside the transaction.
func (l *Loader) Lookup() domain.OrderLookup { return l.db.lookupTx(l.tx) }

// WritePlan writes a planned order as CreateOrders does, as the user in
// ctx, at Now, with PONs drawn from pons.
func (l *Loader) WritePlan(ctx context.Context, p *domain.OrderPlan, pons io.Reader) error {
	return l.db.writePlan(ctx, l.tx, p, pons)
}

// AddOrder writes o (a NEW order, its PON drawn) as the user in ctx at
// Now, with its "create" audit event, and counts it.
func (l *Loader) AddOrder(ctx context.Context, o *domain.Order) error {
	if err := l.db.insertOrder(ctx, l.tx, o); err != nil {
		return err
	}
	counts := statusDeltas{}
	counts.move("", o.Status)
	return counts.apply(ctx, l.tx)
}

// UpdateOrder applies Orders_Update to order id as UpdateOrder does, at
// Now, by the user in ctx (the system when there is none) with the moves
// role may make.
func (l *Loader) UpdateOrder(ctx context.Context, id int64, in *domain.OrderUpdateInput, role domain.Role) error {
	_, err := l.db.updateOrder(ctx, l.tx, id, in, nil, role)
	return err
}

// MoveOrderBySystem applies the system's move of order id to status to,
// with note, as MoveOrderBySystem does, at Now.
func (l *Loader) MoveOrderBySystem(ctx context.Context, id int64, to, note string) error {
	_, err := l.db.moveOrderBySystem(ctx, l.tx, id, to, note)
	return err
}

// insertRows writes rows into table with multi-row INSERTs of up to 500
// rows each (well under either engine's limit on parameters).
func insertRows(ctx context.Context, tx *Tx, table string, cols []string, rows [][]any) error {
	const per = 500
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	for len(rows) > 0 {
		n := min(per, len(rows))
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
		args := make([]any, 0, n*len(cols))
		for i, row := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(tuple)
			args = append(args, row...)
		}
		if _, err := exec(ctx, tx, b.String(), args...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
		rows = rows[n:]
	}
	return nil
}

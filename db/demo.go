package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"switchboard/domain"
)

// The demo data set (API.md, `--demo`): users, reference data, customers,
// lines with products, and inventory, loaded once into an empty database.
//
// Loading is one write transaction made of steps (demoSteps). Each step
// adds to a demoSet, which later steps read: what was created, with its
// ids. The base steps leave the lines of the first demoReservedCustomers
// customers alone for good; the steps that add orders, quotes, service
// designs and reconnect ports (the extension points at the end of this
// file) take their lines with demoSet.TakeLine, which never hands out a
// reserved line nor one line twice.
//
// The data are the same on every run: every step draws from its own
// generator with a fixed seed (demoSet.Rand), so adding a step does not
// change what the steps before it make. Only timestamps move: they are
// relative to the time of loading.

// demoSeed seeds every generator of the demo.
const demoSeed = 20240611

// errDemoSkipped rolls the load back when the database holds data already.
var errDemoSkipped = errors.New("demo data not loaded")

// demoSteps load the demo, in order.
var demoSteps = []struct {
	name string
	load func(db *DB, ctx context.Context, tx *Tx, s *demoSet) error
}{
	{"users", (*DB).demoUsers},
	{"reference data", (*DB).demoReference},
	{"customers", (*DB).demoCustomers},
	{"lines", (*DB).demoLines},
	{"inventory", (*DB).demoInventory},
	// Extension points: empty until the features they show exist.
	{"service designs", (*DB).demoServiceDesigns},
	{"quotes", (*DB).demoQuotes},
	{"orders", (*DB).demoOrders},
	{"reconnect ports", (*DB).demoReconnectPorts},
}

// LoadDemo fills an empty database with the demo data set and the users
// admin, supervisor, rep and support, whose password hash is passwordHash.
// It loads at most once in a database's life: it changes nothing and
// reports false when the demo was loaded before or the database holds any
// user, customer or reference data. Several instances may call it at once:
// the first statement of its one transaction claims the demo_loads row, so
// the others wait for that transaction and then find the row taken.
func (db *DB) LoadDemo(ctx context.Context, passwordHash string) (loaded bool, err error) {
	err = db.inTx(ctx, func(tx *Tx) error {
		if _, err := insert(ctx, tx, `INSERT INTO demo_loads (id, loaded_at) VALUES (1, ?) ON CONFLICT (id) DO NOTHING`, tx.Now); err == sql.ErrNoRows {
			return errDemoSkipped
		} else if err != nil {
			return fmt.Errorf("claim demo load: %w", err)
		}
		if has, err := holdsData(ctx, tx); err != nil {
			return err
		} else if has {
			return errDemoSkipped
		}
		s := newDemoSet(tx.Now, passwordHash)
		for _, step := range demoSteps {
			if err := step.load(db, ctx, tx, s); err != nil {
				return fmt.Errorf("load demo %s: %w", step.name, err)
			}
		}
		return nil
	})
	if errors.Is(err, errDemoSkipped) {
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

// demoSet is what the demo holds so far, for the steps that follow.
type demoSet struct {
	Now          time.Time
	PasswordHash string
	Users        map[domain.Role]*domain.User
	BillProfiles map[string]int64           // by name
	ServiceTypes map[string]int64           // by name
	Carriers     map[string]*demoCarrierSet // by code
	Processes    map[string]*domain.Process // by name, with routes
	Customers    []*demoCustomerSet         // in load order
	Lines        []*demoLine                // in load order
	SIMs         []string                   // AVAILABLE SIM_Card identifiers not yet taken
	Devices      []string                   // AVAILABLE Mobile_Device identifiers not yet taken
	tns          map[string]bool            // every TN handed out
	identifiers  map[string]bool            // every inventory identifier handed out
	carrierOrder []*demoCarrierSet          // as in demoCarriers
}

// demoCarrierSet is a carrier with its accounts, products and packages.
type demoCarrierSet struct {
	domain.Carrier
	Accounts []*domain.CarrierAccount   // Accounts[0] is the Default
	Products map[string]*domain.Product // by demoProduct key
	Packages map[string]*domain.Package // by demoPackage key, with products
	LineType map[string]int64           // package key → LineTypeID
}

// demoCustomerSet is a customer of the demo.
type demoCustomerSet struct {
	*domain.Customer
	Spec     demoCustomer
	Reserved bool
	Lines    []*demoLine
}

// demoLine is a line of the demo with its products (Line.Products, with
// their ids) and the inventory assigned to it.
type demoLine struct {
	domain.Line
	Carrier  *demoCarrierSet
	Customer *demoCustomerSet
	Package  string // demoPackage key
	Reserved bool   // a reserved customer's: no demo step may touch it
	Taken    bool   // handed out by TakeLine
	SIM      string // ASSIGNED SIM_Card identifier, "" if none
	Device   string // ASSIGNED Mobile_Device identifier, "" if none
}

func newDemoSet(now time.Time, passwordHash string) *demoSet {
	return &demoSet{
		Now: now, PasswordHash: passwordHash,
		Users: map[domain.Role]*domain.User{}, BillProfiles: map[string]int64{}, ServiceTypes: map[string]int64{},
		Carriers: map[string]*demoCarrierSet{}, Processes: map[string]*domain.Process{},
		tns: map[string]bool{}, identifiers: map[string]bool{},
	}
}

// Rand returns the generator of one step: seeded by the demo's seed and
// the step's name, so each step's data stay the same whatever other steps do.
func (s *demoSet) Rand(step string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(step))
	return rand.New(rand.NewPCG(demoSeed, h.Sum64()))
}

// TakeLine hands out the first line that is not reserved, not taken yet,
// on the carrier with code carrier ("" for any) and in status ("" for any),
// and marks it taken. It returns nil when none is left.
func (s *demoSet) TakeLine(carrier, status string) *demoLine {
	return s.TakeLineWhere(func(l *demoLine) bool {
		return (carrier == "" || l.Carrier.Code == carrier) && (status == "" || l.Status == status)
	})
}

// TakeLineWhere is TakeLine with any condition.
func (s *demoSet) TakeLineWhere(ok func(*demoLine) bool) *demoLine {
	for _, l := range s.Lines {
		if !l.Reserved && !l.Taken && ok(l) {
			l.Taken = true
			return l
		}
	}
	return nil
}

// TakeSIM hands out an AVAILABLE SIM_Card identifier no other step has
// taken ("" when none is left). The caller changes its row if it uses it.
func (s *demoSet) TakeSIM() string { return take(&s.SIMs) }

// TakeDevice hands out an AVAILABLE Mobile_Device identifier, as TakeSIM.
func (s *demoSet) TakeDevice() string { return take(&s.Devices) }

func take(list *[]string) string {
	if len(*list) == 0 {
		return ""
	}
	v := (*list)[0]
	*list = (*list)[1:]
	return v
}

// demoUsers creates one user per role, named after the role.
func (db *DB) demoUsers(ctx context.Context, tx *Tx, s *demoSet) error {
	for _, role := range []domain.Role{domain.RoleAdmin, domain.RoleSupervisor, domain.RoleRep, domain.RoleSupport} {
		u := &domain.User{Name: string(role), Role: role, PasswordHash: s.PasswordHash, CreatedAt: tx.Now}
		id, err := insert(ctx, tx, `INSERT INTO users (name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, FALSE, ?)`,
			u.Name, string(u.Role), u.PasswordHash, u.CreatedAt)
		if err != nil {
			return err
		}
		u.ID = id
		s.Users[role] = u
		if err := insertAudit(ctx, tx, domain.EntityUser, id, "create", map[string]domain.Change{
			"Name": {nil, u.Name}, "Role": {nil, string(u.Role)}, "Disabled": {nil, false}}); err != nil {
			return err
		}
	}
	return nil
}

// demoReference creates bill profiles, service types, carriers with their
// accounts, products, product groups and packages, and processes with routes.
func (db *DB) demoReference(ctx context.Context, tx *Tx, s *demoSet) error {
	var err error
	for _, name := range demoBillProfiles {
		if s.BillProfiles[name], err = insert(ctx, tx, `INSERT INTO bill_profiles (name) VALUES (?)`, name); err != nil {
			return err
		}
	}
	for _, name := range demoServiceTypes {
		if s.ServiceTypes[name], err = insert(ctx, tx, `INSERT INTO service_types (name) VALUES (?)`, name); err != nil {
			return err
		}
	}
	for _, dc := range demoCarriers {
		c := &demoCarrierSet{Carrier: domain.Carrier{Name: dc.Name, Code: dc.Code, Wireless: dc.Wireless},
			Products: map[string]*domain.Product{}, Packages: map[string]*domain.Package{}, LineType: map[string]int64{}}
		if c.ID, err = insert(ctx, tx, `INSERT INTO carriers (name, code, wireless) VALUES (?, ?, ?)`, c.Name, c.Code, c.Wireless); err != nil {
			return err
		}
		for i, name := range dc.Accounts {
			a := &domain.CarrierAccount{CarrierID: c.ID, Name: name, Default: i == 0}
			if a.ID, err = insert(ctx, tx, `INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`, a.CarrierID, a.Name, a.Default); err != nil {
				return err
			}
			c.Accounts = append(c.Accounts, a)
		}
		for _, dp := range dc.Products {
			rate, err := domain.ParseMoney(dp.Rate)
			if err != nil {
				return fmt.Errorf("product %s: rate %q: %w", dp.Description, dp.Rate, err)
			}
			p := &domain.Product{Description: dp.Description, Rate: rate, Provisionable: dp.Provisionable, CarrierID: &c.ID}
			if p.ID, err = insert(ctx, tx, `INSERT INTO products (description, rate, provisionable, carrier_id) VALUES (?, ?, ?, ?)`,
				p.Description, int64(p.Rate), p.Provisionable, c.ID); err != nil {
				return err
			}
			c.Products[dp.Key] = p
		}
		for _, dg := range dc.Groups {
			gid, err := insert(ctx, tx, `INSERT INTO product_groups (name) VALUES (?)`, c.Name+" "+dg.Name)
			if err != nil {
				return err
			}
			for _, key := range dg.Products {
				if _, err := exec(ctx, tx, `INSERT INTO product_group_items (group_id, product_id) VALUES (?, ?)`, gid, c.Products[key].ID); err != nil {
					return err
				}
			}
		}
		for _, dp := range dc.Packages {
			pkg := &domain.Package{Name: dp.Name, CarrierID: c.ID}
			if pkg.ID, err = insert(ctx, tx, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, pkg.Name, c.ID); err != nil {
				return err
			}
			for _, key := range append(append([]string{}, dp.Base...), dp.Options...) {
				p := c.Products[key]
				if p == nil {
					return fmt.Errorf("package %s: no product %q", dp.Name, key)
				}
				if _, err := exec(ctx, tx, `INSERT INTO package_products (package_id, product_id) VALUES (?, ?)`, pkg.ID, p.ID); err != nil {
					return err
				}
				pkg.Products = append(pkg.Products, *p)
			}
			c.Packages[dp.Key] = pkg
			c.LineType[dp.Key] = s.ServiceTypes[dp.ServiceType]
		}
		s.Carriers[c.Code] = c
		s.carrierOrder = append(s.carrierOrder, c)
	}
	for _, dp := range demoProcesses {
		p := &domain.Process{Name: dp.Name}
		if p.ID, err = insert(ctx, tx, `INSERT INTO processes (name) VALUES (?)`, p.Name); err != nil {
			return err
		}
		for _, desc := range dp.Routes {
			r := domain.Route{ProcessID: p.ID, Description: desc}
			if r.ID, err = insert(ctx, tx, `INSERT INTO process_routes (process_id, description) VALUES (?, ?)`, p.ID, desc); err != nil {
				return err
			}
			p.Routes = append(p.Routes, r)
		}
		s.Processes[p.Name] = p
	}
	return nil
}

// demoCustomers creates the customers of demoCustomers with their service
// addresses, SSN or TaxID (sealed by createCustomer) and a "create" audit
// event each, then dates each one back to when it became a customer.
func (db *DB) demoCustomers(ctx context.Context, tx *Tx, s *demoSet) error {
	r := s.Rand("customers")
	since, err := prepare(ctx, tx, `UPDATE customers SET created_at = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer since.Close()
	ssns := map[string]bool{}
	for i, spec := range demoCustomers {
		city, ok := demoCities[spec.City]
		if !ok {
			return fmt.Errorf("customer %s: no city %q", spec.Name, spec.City)
		}
		first, last := pick(r, demoFirstNames), pick(r, demoLastNames)
		if spec.Person {
			first, last, _ = strings.Cut(spec.Name, " ")
		}
		a := domain.Address{
			FirstName: first, LastName: last,
			Address1: fmt.Sprintf("%d %s", 100+r.IntN(9800), pick(r, demoStreets)),
			City:     city.City, State: city.State, Zip: city.Zip,
		}
		if !spec.Person && r.IntN(10) < 4 {
			a.Address2 = pick(r, demoSuites)
		}
		if r.IntN(2) == 0 {
			a.Zip4 = fmt.Sprintf("%04d", 1+r.IntN(9998))
		}
		// 9xx area numbers are never issued as SSNs; the same goes for the made-up EINs.
		secret := ""
		for secret == "" || ssns[secret] {
			secret = fmt.Sprintf("9%02d%02d%04d", r.IntN(100), 1+r.IntN(99), 1+r.IntN(9999))
		}
		ssns[secret] = true
		c := &domain.Customer{Name: spec.Name, Status: spec.Status, BillProfileID: s.BillProfiles[spec.Profile], ServiceAddress: a}
		if spec.Person {
			c.SSN = domain.NewSecret(secret)
		} else {
			c.TaxID = domain.NewSecret(secret)
		}
		if err := c.Validate(); err != nil {
			return fmt.Errorf("customer %s: %w", spec.Name, err)
		}
		if err := db.createCustomer(ctx, tx, c); err != nil {
			return fmt.Errorf("customer %s: %w", spec.Name, err)
		}
		c.CreatedAt = tx.Now.AddDate(0, 0, -(120 + r.IntN(2000)))
		if _, err := since.ExecContext(ctx, c.CreatedAt, c.ID); err != nil {
			return err
		}
		s.Customers = append(s.Customers, &demoCustomerSet{Customer: c, Spec: spec, Reserved: i < demoReservedCustomers})
	}
	return nil
}

// demoLines gives every customer its wireless and wireline lines, each
// with the products of its package.
//
// A line's status follows its customer's: a PENDING customer's lines are
// PENDING, an INACTIVE one's DISCONNECTED. An ACTIVE customer's lines are
// mostly ACTIVE, some SUSPENDED or DISCONNECTED and, outside the reserved
// customers, some PENDING (a PENDING line waits for an order; the reserved
// customers get none, as they get no orders).
func (db *DB) demoLines(ctx context.Context, tx *Tx, s *demoSet) error {
	r := s.Rand("lines")
	ins, err := prepare(ctx, tx, `INSERT INTO lines (customer_id, tn, package_id, carrier_id, carrier_account_id, line_type_id,
		description, alt_btn_id, pbx_make, pbx_model, status, suspend_type, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
	if err != nil {
		return err
	}
	defer ins.Close()
	var products [][]any
	for _, c := range s.Customers {
		city := demoCities[c.Spec.City]
		names := newDemoNamer(r, c.Spec.Person)
		newLine := func(carrier *demoCarrierSet, pkgKey string) *demoLine {
			l := &demoLine{Carrier: carrier, Customer: c, Package: pkgKey, Reserved: c.Reserved}
			lt := carrier.LineType[pkgKey]
			l.Line = domain.Line{CustomerID: c.ID, PackageID: carrier.Packages[pkgKey].ID, CarrierID: carrier.ID,
				CarrierAccountID: carrier.Accounts[0].ID, LineTypeID: &lt, Status: demoLineStatus(r, c)}
			if c.Spec.Profile == "Government" && carrier.Wireless && len(carrier.Accounts) > 1 {
				l.CarrierAccountID = carrier.Accounts[1].ID
			}
			if l.Status == domain.LineSuspended {
				l.SuspendType = "ALL"
				if r.IntN(10) < 3 {
					l.SuspendType = "INCOMING"
				}
			}
			age := int(tx.Now.Sub(c.CreatedAt).Hours()/24) - 1
			l.CreatedAt = tx.Now.AddDate(0, 0, -r.IntN(max(age, 1)))
			return l
		}

		home := s.Carriers[c.Spec.Carrier]
		for range c.Spec.Wireless {
			carrier := home
			if c.Spec.Wireless > 2 && r.IntN(100) < 8 {
				carrier = s.otherWireless(r, home)
			}
			kind := demoPkgUnlimited
			switch n := r.IntN(100); {
			case n >= 80:
				kind = demoPkgData
			case n >= 55:
				kind = demoPkgEssential
			}
			l := newLine(carrier, kind)
			l.TN = s.newTN(r, pick(r, city.NPAs))
			if kind == demoPkgData {
				l.Description = names.data()
			} else {
				l.Description = names.phone()
			}
			c.Lines = append(c.Lines, l)
		}

		// Wireline lines share an exchange and run in sequence from the main
		// number, which every other one names as its AltBTN.
		lumen := s.Carriers["LUMN"]
		var mainLine *demoLine
		block := s.newTNBlock(r, pick(r, city.NPAs), c.Spec.Wireline)
		for i := range c.Spec.Wireline {
			kind := demoPkgPOTS
			if i == 0 && c.Spec.Wireline >= 2 && c.Spec.Wireless >= 8 {
				kind = demoPkgSIP
			}
			l := newLine(lumen, kind)
			l.TN = block[i]
			if kind == demoPkgSIP {
				pbx := pick(r, demoPBXs)
				l.Description, l.PBXMake, l.PBXModel = "SIP trunk — "+city.City+" office PBX", pbx[0], pbx[1]
			} else {
				l.Description = demoPOTS[i%len(demoPOTS)]
			}
			if mainLine == nil {
				mainLine = l
			} else {
				l.AltBTNID = &mainLine.ID
			}
			c.Lines = append(c.Lines, l)
		}

		for _, l := range c.Lines {
			if err := ins.GetContext(ctx, &l.ID, l.CustomerID, l.TN, l.PackageID, l.CarrierID, l.CarrierAccountID, l.LineTypeID,
				l.Description, l.AltBTNID, l.PBXMake, l.PBXModel, l.Status, l.SuspendType, l.CreatedAt); err != nil {
				return fmt.Errorf("line %s of %s: %w", l.TN, c.Name, err)
			}
			for _, cp := range demoLineProducts(r, l) {
				products = append(products, []any{l.ID, cp.ProductID, cp.Description, int64(cp.Rate), cp.Quantity})
			}
			s.Lines = append(s.Lines, l)
		}
	}
	if err := insertRows(ctx, tx, "customer_products", []string{"line_id", "product_id", "description", "rate", "quantity"}, products); err != nil {
		return err
	}
	// Read the products back for their ids: orders that change products name them.
	var cps []*domain.CustomerProduct
	if err := sel(ctx, tx, &cps, `SELECT id, line_id, product_id, description, rate, quantity FROM customer_products ORDER BY id`); err != nil {
		return err
	}
	byID := make(map[int64]*demoLine, len(s.Lines))
	for _, l := range s.Lines {
		byID[l.ID] = l
		l.Products = []*domain.CustomerProduct{}
	}
	for _, cp := range cps {
		if l := byID[cp.LineID]; l != nil {
			l.Products = append(l.Products, cp)
		}
	}
	return nil
}

// demoLineStatus picks a new line's status from its customer's.
func demoLineStatus(r *rand.Rand, c *demoCustomerSet) string {
	switch c.Status {
	case domain.CustomerPending:
		return domain.LinePending
	case domain.CustomerInactive:
		return domain.LineDisconnected
	}
	switch n := r.IntN(100); {
	case n < 7:
		return domain.LineSuspended
	case n < 14:
		return domain.LineDisconnected
	case n < 21 && !c.Reserved:
		return domain.LinePending
	}
	return domain.LineActive
}

// demoLineProducts are the customer products of a new line: its package's
// base products and some of its options, at the product's rate. A product
// group's products come together; SIP sessions and DID blocks come by the
// several.
func demoLineProducts(r *rand.Rand, l *demoLine) []domain.CustomerProduct {
	var spec demoPackage
	for _, dc := range demoCarriers {
		if dc.Code == l.Carrier.Code {
			for _, p := range dc.Packages {
				if p.Key == l.Package {
					spec = p
				}
			}
		}
	}
	chance := map[string]int{
		"hotspot": 25, "international": 10, "protection": 35, "activation": 30, "shipping": 15, "credit": 10,
		"caller_id": 50, "hunting": 30, "long_distance": 60, "install": 20, "service_credit": 10,
	}
	keys := append([]string{}, spec.Base...)
	for _, k := range spec.Options {
		if r.IntN(100) < chance[k] {
			keys = append(keys, k)
			if k == "hotspot" {
				keys = append(keys, "tethering") // the Hotspot product group
			}
		}
	}
	out := make([]domain.CustomerProduct, 0, len(keys))
	for _, k := range keys {
		p := l.Carrier.Products[k]
		qty := 1
		switch k {
		case "sip_session":
			qty = 4 + 2*r.IntN(10)
		case "did_block":
			qty = 1 + r.IntN(5)
		}
		out = append(out, domain.CustomerProduct{ProductID: p.ID, Description: p.Description, Rate: p.Rate, Quantity: qty})
	}
	return out
}

// demoInventory gives every ACTIVE or SUSPENDED wireless line an ASSIGNED
// SIM and most of them an ASSIGNED device (the rest bring their own), some
// PENDING lines a SIM already shipped, and fills the stock room: AVAILABLE
// SIMs and devices, and a few UNAVAILABLE ones (damaged, lost).
func (db *DB) demoInventory(ctx context.Context, tx *Tx, s *demoSet) error {
	r := s.Rand("inventory")
	var rows [][]any
	add := func(id, typ, status string, l *demoLine) {
		if l == nil {
			rows = append(rows, []any{id, typ, status, nil, nil})
			return
		}
		rows = append(rows, []any{id, typ, status, l.CustomerID, l.ID})
	}
	for _, l := range s.Lines {
		if !l.Carrier.Wireless {
			continue
		}
		switch {
		case l.Status == domain.LineActive || l.Status == domain.LineSuspended:
			l.SIM = s.newICCID(r)
			add(l.SIM, domain.InventorySIM, domain.InventoryAssigned, l)
			if r.IntN(4) > 0 {
				l.Device = s.newIMEI(r)
				add(l.Device, domain.InventoryDevice, domain.InventoryAssigned, l)
			}
		case l.Status == domain.LinePending && r.IntN(10) < 6:
			l.SIM = s.newICCID(r)
			add(l.SIM, domain.InventorySIM, domain.InventoryAssigned, l)
		}
	}
	for range demoInventory.AvailableSIMs {
		id := s.newICCID(r)
		s.SIMs = append(s.SIMs, id)
		add(id, domain.InventorySIM, domain.InventoryAvailable, nil)
	}
	for range demoInventory.AvailableDevices {
		id := s.newIMEI(r)
		s.Devices = append(s.Devices, id)
		add(id, domain.InventoryDevice, domain.InventoryAvailable, nil)
	}
	for range demoInventory.UnavailableSIMs {
		add(s.newICCID(r), domain.InventorySIM, domain.InventoryUnavailable, nil)
	}
	for range demoInventory.UnavailableDevices {
		add(s.newIMEI(r), domain.InventoryDevice, domain.InventoryUnavailable, nil)
	}
	return insertRows(ctx, tx, "inventory", []string{"identifier", "type", "status", "customer_id", "line_id"}, rows)
}

// ---------------------------------------------------------------------------
// Extension points. Each runs after the base data, in the order of
// demoSteps, in the same transaction. Take lines with s.TakeLine (never a
// reserved customer's), AVAILABLE inventory with s.TakeSIM / s.TakeDevice,
// users from s.Users, processes from s.Processes, and draw with
// s.Rand("<step>"). Create through the stores' unexported helpers on tx so
// audit events are written as in the product.

// demoServiceDesigns will add service designs with and without a
// PortingNumber control, one allowing Port and Cease up to at least 100
// numbers (API.md).
func (db *DB) demoServiceDesigns(ctx context.Context, tx *Tx, s *demoSet) error { return nil }

// demoQuotes will add an open quote with order services (and port numbers)
// and a converted one.
func (db *DB) demoQuotes(ctx context.Context, tx *Tx, s *demoSet) error { return nil }

// demoOrders (demo_orders.go) adds orders of every kind in every status,
// orders waiting for a route decision (process "Port-in review"), and the
// open orders of the PENDING lines.

// demoReconnectPorts will add reconnect ports in every stage, on Verizon
// Wireless lines taken with s.TakeLine("VZW", domain.LineActive).
func (db *DB) demoReconnectPorts(ctx context.Context, tx *Tx, s *demoSet) error { return nil }

// ---------------------------------------------------------------------------
// Generators.

// otherWireless picks a wireless carrier other than c.
func (s *demoSet) otherWireless(r *rand.Rand, c *demoCarrierSet) *demoCarrierSet {
	var others []*demoCarrierSet
	for _, o := range s.carrierOrder {
		if o.Wireless && o != c {
			others = append(others, o)
		}
	}
	return pick(r, others)
}

// newTN makes a TN in area code npa that no demo line has. Exchanges are
// never N11 or 555, and no TN ends in 13: the simulated provider refuses
// ports of those, and the demo should do so only where a step means it to.
func (s *demoSet) newTN(r *rand.Rand, npa string) string {
	for {
		tn := npa + demoExchange(r) + fmt.Sprintf("%04d", r.IntN(10000))
		if !s.tns[tn] && !strings.HasSuffix(tn, "13") {
			s.tns[tn] = true
			return tn
		}
	}
}

// newTNBlock makes n TNs in sequence in one exchange.
func (s *demoSet) newTNBlock(r *rand.Rand, npa string, n int) []string {
	if n == 0 {
		return nil
	}
next:
	for {
		prefix, start := npa+demoExchange(r), 100*(1+r.IntN(98))
		block := make([]string, n)
		for i := range block {
			block[i] = prefix + fmt.Sprintf("%04d", start+i)
			if s.tns[block[i]] || strings.HasSuffix(block[i], "13") {
				continue next
			}
		}
		for _, tn := range block {
			s.tns[tn] = true
		}
		return block
	}
}

func demoExchange(r *rand.Rand) string {
	for {
		nxx := 200 + r.IntN(800)
		if nxx%100 != 11 && nxx != 555 {
			return fmt.Sprint(nxx)
		}
	}
}

// newICCID makes a 20-digit SIM serial: the prefix, random digits and a
// Luhn check digit.
func (s *demoSet) newICCID(r *rand.Rand) string {
	return s.newIdentifier(r, demoICCIDPrefix, 20)
}

// newIMEI makes a 15-digit device identity: a type allocation code, a
// serial and a Luhn check digit.
func (s *demoSet) newIMEI(r *rand.Rand) string {
	return s.newIdentifier(r, pick(r, demoTACs), 15)
}

func (s *demoSet) newIdentifier(r *rand.Rand, prefix string, n int) string {
	for {
		var b strings.Builder
		b.WriteString(prefix)
		for b.Len() < n-1 {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		id := b.String() + luhn(b.String())
		if !s.identifiers[id] {
			s.identifiers[id] = true
			return id
		}
	}
}

// luhn is the check digit that makes digits+check pass the Luhn test.
func luhn(digits string) string {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 0 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return fmt.Sprint((10 - sum%10) % 10)
}

// demoNamer describes one customer's lines without repeating itself.
type demoNamer struct {
	r      *rand.Rand
	person bool
	roles  []string
	counts map[string]int
	used   map[string]bool
}

func newDemoNamer(r *rand.Rand, person bool) *demoNamer {
	roles := append([]string{}, demoRoles...)
	if person {
		roles = append([]string{}, demoHousehold...)
	}
	r.Shuffle(len(roles), func(i, j int) { roles[i], roles[j] = roles[j], roles[i] })
	return &demoNamer{r: r, person: person, roles: roles, counts: map[string]int{}, used: map[string]bool{}}
}

// phone describes a phone: whose it is ("CFO iPhone", "Driver 03").
func (n *demoNamer) phone() string {
	if n.person {
		return n.unique(take(&n.roles))
	}
	if len(n.roles) > 0 && n.r.IntN(3) > 0 {
		return n.unique(take(&n.roles) + " " + pick(n.r, demoPhones))
	}
	role := pick(n.r, demoNumberedRoles)
	n.counts[role]++
	return n.unique(fmt.Sprintf("%s %02d", role, n.counts[role]))
}

// data describes a data device: what it does ("Fleet truck 12 hotspot").
func (n *demoNamer) data() string {
	if n.person {
		return n.unique("Family iPad")
	}
	t := pick(n.r, demoDataDevices)
	if strings.Contains(t, "%d") {
		n.counts[t]++
		t = fmt.Sprintf(t, n.counts[t]+n.r.IntN(3)*10)
	}
	return n.unique(t)
}

func (n *demoNamer) unique(s string) string {
	if s == "" {
		s = "Line"
	}
	out := s
	for i := 2; n.used[out]; i++ {
		out = fmt.Sprintf("%s (%d)", s, i)
	}
	n.used[out] = true
	return out
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// ---------------------------------------------------------------------------
// Bulk writes.

// prepare makes a statement in tx, with ? placeholders rebound.
func prepare(ctx context.Context, tx *Tx, query string) (*sqlx.Stmt, error) {
	return tx.PreparexContext(ctx, tx.Rebind(query))
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

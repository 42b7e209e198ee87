package db_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/domain"
)

// orderWorld is a small world to order in, on top of ref:
//
//	customers Acme (bill profile r.BillProfile) and Globex (Other)
//	Acme's lines: Active (VZW, ACTIVE, products Unlimited and Hotspot,
//	SIM "SIM-ON-ACTIVE" on it), Suspended (SUSPENDED ALL), Second (ACTIVE)
//	Globex's line: GlobexLine (ACTIVE)
//	AVAILABLE inventory: SIM-1, SIM-2 (SIM_Card), DEV-1 (Mobile_Device)
//	users rep, supervisor, support
type orderWorld struct {
	r                             ref
	Other                         int64 // a second bill profile
	Acme, Globex                  *domain.Customer
	Active, Suspended, Second     int64
	GlobexLine                    int64
	ActiveUnlimited, ActiveHotspt int64 // customer products on Active
	SecondUnlimited               int64 // the customer product on Second
	Rep, Supervisor, Support      *domain.User
	clock                         *testClock
}

// testClock hands out times one second apart, so orders created one after
// the other have distinct, increasing CreatedAt; Hold keeps the time still.
type testClock struct {
	mu   sync.Mutex
	t    time.Time
	hold bool
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.hold {
		c.t = c.t.Add(time.Second)
	}
	return c.t
}

func mustOrderWorld(tb testing.TB, d *db.DB) *orderWorld {
	tb.Helper()
	w := &orderWorld{r: mustSeedRef(tb, d), clock: &testClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}}
	d.Now = w.clock.now
	w.Other = mustInsert(tb, d, `INSERT INTO bill_profiles (name) VALUES (?)`, "Government")
	w.Acme = mustCreateCustomer(tb, d, "Acme Logistics", w.r.BillProfile)
	w.Globex = mustCreateCustomer(tb, d, "Globex", w.Other)
	w.Active = mustCreateLine(tb, d, w.r, w.Acme.ID, "3125550101", domain.LineActive)
	w.Suspended = mustCreateLine(tb, d, w.r, w.Acme.ID, "3125550102", domain.LineSuspended)
	mustExec(tb, d, `UPDATE lines SET suspend_type = 'ALL' WHERE id = ?`, w.Suspended)
	w.Second = mustCreateLine(tb, d, w.r, w.Acme.ID, "3125550103", domain.LineActive)
	w.GlobexLine = mustCreateLine(tb, d, w.r, w.Globex.ID, "3125550104", domain.LineActive)
	w.ActiveUnlimited = mustAddProduct(tb, d, w.Active, w.r.Unlimited, 450000, 1)
	w.ActiveHotspt = mustAddProduct(tb, d, w.Active, w.r.Hotspot, 100000, 1)
	mustAddProduct(tb, d, w.Suspended, w.r.Unlimited, 450000, 1)
	w.SecondUnlimited = mustAddProduct(tb, d, w.Second, w.r.Unlimited, 450000, 1)
	mustAddProduct(tb, d, w.GlobexLine, w.r.Unlimited, 450000, 1)
	mustCreateInventory(tb, d, "SIM-1", domain.InventorySIM, "")
	mustCreateInventory(tb, d, "SIM-2", domain.InventorySIM, "")
	mustCreateInventory(tb, d, "DEV-1", domain.InventoryDevice, "")
	mustExec(tb, d, `INSERT INTO inventory (identifier, type, status, customer_id, line_id) VALUES (?, ?, ?, ?, ?)`,
		"SIM-ON-ACTIVE", domain.InventorySIM, domain.InventoryAssigned, w.Acme.ID, w.Active)
	w.Rep = mustCreateUser(tb, d, "rep", domain.RoleRep)
	w.Supervisor = mustCreateUser(tb, d, "supervisor", domain.RoleSupervisor)
	w.Support = mustCreateUser(tb, d, "support", domain.RoleSupport)
	return w
}

// newService is a NewOrders_Create input for Acme on the Verizon package.
func (w *orderWorld) newService() *domain.NewOrdersInput {
	return &domain.NewOrdersInput{CustomerID: w.Acme.ID, PackageID: w.r.VZWPackage}
}

// shipTo is a shipping address, needed when a device or SIM is sent from inventory.
func shipTo() *domain.AddressInput {
	return &domain.AddressInput{FirstName: "Dana", LastName: "Reyes", Address1: "9 Dock Rd", City: "Gary", State: "IN", Zip: "46401"}
}

func mustNewOrder(tb testing.TB, d *db.DB, ctx context.Context, in *domain.NewOrdersInput) *domain.Order {
	tb.Helper()
	plan, err := d.CreateNewOrders(ctx, in)
	if err != nil {
		tb.Fatalf("CreateNewOrders: %v", err)
	}
	return mustFindOrder(tb, d, plan.Orders[0].ID)
}

func mustCreateOrders(tb testing.TB, d *db.DB, ctx context.Context, in *domain.OrdersCreateInput) []*domain.Order {
	tb.Helper()
	plan, err := d.CreateOrders(ctx, in)
	if err != nil {
		tb.Fatalf("CreateOrders: %v", err)
	}
	var out []*domain.Order
	for _, o := range plan.Orders {
		out = append(out, mustFindOrder(tb, d, o.ID))
	}
	return out
}

func mustFindOrder(tb testing.TB, d *db.DB, id int64) *domain.Order {
	tb.Helper()
	o, err := d.FindOrderByID(context.Background(), id)
	if err != nil {
		tb.Fatalf("FindOrderByID(%d): %v", id, err)
	}
	return o
}

func mustUpdateOrder(tb testing.TB, d *db.DB, ctx context.Context, id int64, in *domain.OrderUpdateInput) *domain.Order {
	tb.Helper()
	o, err := d.UpdateOrder(ctx, id, in, nil)
	if err != nil {
		tb.Fatalf("UpdateOrder(%d, %+v): %v", id, in, err)
	}
	return o
}

// complete moves an order to COMPLETE as a rep does by hand.
func complete(tb testing.TB, d *db.DB, ctx context.Context, id int64) *domain.Order {
	tb.Helper()
	return mustUpdateOrder(tb, d, ctx, id, &domain.OrderUpdateInput{Status: domain.OrderComplete})
}

type lineState struct {
	Status, SuspendType string
	PackageID           int64
}

func mustLineState(tb testing.TB, d *db.DB, id int64) lineState {
	tb.Helper()
	l, err := d.FindLineByID(context.Background(), id)
	if err != nil {
		tb.Fatalf("FindLineByID(%d): %v", id, err)
	}
	return lineState{l.Status, l.SuspendType, l.PackageID}
}

type invState struct {
	Status             string
	CustomerID, LineID int64
}

func (s invState) String() string {
	return fmt.Sprintf("%s customer %d line %d", s.Status, s.CustomerID, s.LineID)
}

func mustInventory(tb testing.TB, d *db.DB, identifier string) invState {
	tb.Helper()
	it, err := d.FindInventoryByIdentifier(context.Background(), identifier)
	if err != nil {
		tb.Fatalf("FindInventoryByIdentifier(%q): %v", identifier, err)
	}
	s := invState{Status: it.Status}
	if it.CustomerID != nil {
		s.CustomerID = *it.CustomerID
	}
	if it.LineID != nil {
		s.LineID = *it.LineID
	}
	return s
}

// wantField fails unless err is EINVALID with an error on field.
func wantField(tb testing.TB, err error, field string) {
	tb.Helper()
	wantCode(tb, err, domain.EINVALID)
	wantFieldOf(tb, err, field)
}

// wantConflict checks err is ECONFLICT (the input clashes with what is
// stored) with an error on field.
func wantConflict(tb testing.TB, err error, field string) {
	tb.Helper()
	wantCode(tb, err, domain.ECONFLICT)
	wantFieldOf(tb, err, field)
}

func wantFieldOf(tb testing.TB, err error, field string) {
	tb.Helper()
	for _, f := range domain.ErrorFields(err) {
		if f.Field == field {
			return
		}
	}
	tb.Fatalf("no error on %s: %v", field, err)
}

package web_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/domain"
	"switchboard/handlers"
	"switchboard/web/webtest"
)

// orderFx is a small world of orders for the order page tests, on top of
// the customer fixtures:
//
//	Acme Freight (bill profile Business) with lines 3125550101, 3125550102
//	Blue Harbor Dental (bill profile Consumer) with line 3125550201
//	orders are made through the store, as the users of app, one second apart
type orderFx struct {
	ref        custRef
	acme, blue *domain.Customer
	acme1      int64 // line 3125550101
	acme2      int64 // line 3125550102
	blue1      int64 // line 3125550201
	clock      *fxClock
}

// fxClock hands out times one second apart, so orders made one after the
// other are ordered by CreatedAt.
type fxClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fxClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func seedOrderFx(tb testing.TB, app *webtest.App) *orderFx {
	tb.Helper()
	fx := &orderFx{ref: seedCustRef(tb, app), clock: &fxClock{t: time.Now().UTC().Add(-48 * time.Hour).Truncate(time.Second)}}
	app.DB.Now = fx.clock.now
	fx.acme = fxCustomer(tb, app, fx.ref, "Acme Freight", "Chicago", "123456789")
	fx.blue = fxCustomer(tb, app, fx.ref, "Blue Harbor Dental", "Peoria", "")
	if _, err := app.DB.W.Exec(app.DB.W.Rebind(`UPDATE customers SET bill_profile_id = ? WHERE id = ?`), fx.ref.Consumer, fx.blue.ID); err != nil {
		tb.Fatal(err)
	}
	fx.acme1 = fxLine(tb, app, fx.ref, fx.acme.ID, "3125550101", "Dispatch phone", domain.LineActive)
	fx.acme2 = fxLine(tb, app, fx.ref, fx.acme.ID, "3125550102", "Driver 2", domain.LineActive)
	fx.blue1 = fxLine(tb, app, fx.ref, fx.blue.ID, "3125550201", "Front desk", domain.LineActive)
	return fx
}

// as is a context acting as app's test user of role.
func as(app *webtest.App, role domain.Role) context.Context {
	return domain.NewContextWithUser(context.Background(), app.Users[role])
}

// fxSuspend opens a suspend order for the line with tn, made by a rep.
func fxSuspend(tb testing.TB, app *webtest.App, tn string) *domain.Order {
	tb.Helper()
	ft := false
	plan, err := app.DB.CreateOrders(as(app, domain.RoleRep), &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{TN: tn, SuspendType: domain.SuspendAll, FlowThrough: &ft}})
	if err != nil {
		tb.Fatalf("suspend %s: %v", tn, err)
	}
	return fxOrder(tb, app, plan.Orders[0].ID)
}

// fxNewService opens a new-service order for customer on the Verizon
// package, with process when not 0, and a port-in of mdn when not "".
func fxNewService(tb testing.TB, app *webtest.App, fx *orderFx, customerID, process int64, mdn string) *domain.Order {
	tb.Helper()
	in := &domain.NewOrdersInput{CustomerID: customerID, PackageID: fx.ref.VZWPackage, ProcessID: process, Description: "Fixture service"}
	if mdn != "" {
		in.WirelessPort = &domain.WirelessPortInput{MDN: mdn, AccountNumber: "55501234", AuthorizedSigner: "Pat Lee",
			PINPassword: domain.NewSecret("8642-SECRET"), Remark: "Port before Friday",
			Address: &domain.AddressInput{FirstName: "Pat", LastName: "Lee", Address1: "100 N Main St", City: "Chicago", State: "IL", Zip: "60601"},
		}
	}
	plan, err := app.DB.CreateNewOrders(as(app, domain.RoleRep), in)
	if err != nil {
		tb.Fatalf("new service: %v", err)
	}
	return fxOrder(tb, app, plan.Orders[0].ID)
}

// fxOrder reads an order back.
func fxOrder(tb testing.TB, app *webtest.App, id int64) *domain.Order {
	tb.Helper()
	o, err := app.DB.FindOrderByID(context.Background(), id)
	if err != nil {
		tb.Fatalf("find order %d: %v", id, err)
	}
	return o
}

// fxMove moves an order through statuses, as a supervisor.
func fxMove(tb testing.TB, app *webtest.App, o *domain.Order, statuses ...string) *domain.Order {
	tb.Helper()
	for _, s := range statuses {
		if _, err := app.DB.UpdateOrder(as(app, domain.RoleSupervisor), o.ID, &domain.OrderUpdateInput{Status: s}, nil); err != nil {
			tb.Fatalf("move order %d to %s: %v", o.ID, s, err)
		}
	}
	return fxOrder(tb, app, o.ID)
}

// fxUpdate applies an update as a supervisor.
func fxUpdate(tb testing.TB, app *webtest.App, o *domain.Order, in *domain.OrderUpdateInput) *domain.Order {
	tb.Helper()
	if _, err := app.DB.UpdateOrder(as(app, domain.RoleSupervisor), o.ID, in, nil); err != nil {
		tb.Fatalf("update order %d: %v", o.ID, err)
	}
	return fxOrder(tb, app, o.ID)
}

// statusPath is the way from NEW to each status along the lifecycle.
var statusPath = map[string][]string{
	domain.OrderNew:          nil,
	domain.OrderSent:         {"SENT"},
	domain.OrderConfirmed:    {"SENT", "CONFIRMED"},
	domain.OrderProvisioned:  {"SENT", "CONFIRMED", "PROVISIONED"},
	domain.OrderError:        {"SENT", "ERROR"},
	domain.OrderFlowError:    {"SENT", "FLOW_ERROR"},
	domain.OrderJeopardy:     {"SENT", "JEOPARDY"},
	domain.OrderHold:         {"HOLD"},
	domain.OrderPaymentHold:  {"PAYMENT_HOLD"},
	domain.OrderLifelineHold: {"LIFELINE_HOLD"},
	domain.OrderComplete:     {"COMPLETE"},
	domain.OrderCanceled:     {"CANCELED"},
}

// The store gives the order pages their queues and customer names.
var (
	_ domain.OrderQueueStore = (*db.DB)(nil)
	_ handlers.Store         = (*db.DB)(nil)
)

package domain

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// OrderStore keeps orders. Creating and updating methods check the input
// with the rules of this package (PlanNewOrders, PlanOrdersCreate,
// PlanOrderUpdate) on the transaction that writes, so two requests cannot
// both pass a rule only one may. Each write records an AuditEvent (entity
// EntityOrder) by the actor in ctx, with its changes, in that transaction,
// and an AuditEvent for each line and inventory item it changes; each of
// those is an Event published after the commit (EventPublisher).
type OrderStore interface {
	// FindOrderByID returns the order with its Items and their Products,
	// its WirelessPort, ShippingAddress, CarrierName, CarrierAccountName and
	// the Routes of its process. Returns ENOTFOUND if there is no such order.
	FindOrderByID(ctx context.Context, id int64) (*Order, error)

	// FindOrderByPON is FindOrderByID by PON. Returns ENOTFOUND if no order
	// has that PON.
	FindOrderByPON(ctx context.Context, pon string) (*Order, error)

	// FindOrders returns one page of the orders matching f, newest first
	// (CreatedAt, then ID, descending) unless f.Sort names another order
	// (Orders_Search never does), with CarrierName, CarrierAccountName
	// and the Routes of orders waiting for a route decision; Items only when
	// f.ShowServiceDetails. It also returns the cursor of the next page, ""
	// on the last. Returns EINVALID if f does not validate or f.After is not
	// a cursor this store gave.
	FindOrders(ctx context.Context, f OrderFilter) ([]*Order, string, error)

	// CreateNewOrders performs NewOrders_Create: PlanNewOrders, then it
	// creates the plan's lines, assigns its inventory and writes its orders
	// with new PONs. It returns the written plan (order and line IDs set).
	// Returns EINVALID with a field error per failed rule (unknown ids
	// included), EFORBIDDEN if the actor in ctx may not create orders
	// (Actor.MayCreateOrders).
	CreateNewOrders(ctx context.Context, in *NewOrdersInput) (*OrderPlan, error)

	// CreateOrders performs Orders_Create as CreateNewOrders does, with
	// PlanOrdersCreate. Returns EINVALID and EFORBIDDEN likewise.
	CreateOrders(ctx context.Context, in *OrdersCreateInput) (*OrderPlan, error)

	// UpdateOrder performs Orders_Update on order id: PlanOrderUpdate with
	// the role of the user in ctx, then it writes the order with Version
	// bumped, inserts new items and products, performs the plan's Effects
	// and records the Changes. When ifVersion is not nil and differs from
	// the stored Version it returns ESTALE and changes nothing. Returns
	// ENOTFOUND if there is no such order, EINVALID and EFORBIDDEN as
	// PlanOrderUpdate does.
	UpdateOrder(ctx context.Context, id int64, in *OrderUpdateInput, ifVersion *int) (*Order, error)
}

// OrderSystemStore is what the system (the provider gateway, the
// background jobs) moves orders through.
type OrderSystemStore interface {
	// MoveOrderBySystem moves order id to status to as the system, with
	// note (the provider's words) as its status note: PlanSystemMove on the
	// write transaction, then the write, completion effects included, as
	// UpdateOrder does, recorded as the system's ActionSystemMove. Returns
	// ENOTFOUND if there is no such order and EINVALID on "Status" when the
	// system may not make the move from the order's status now.
	MoveOrderBySystem(ctx context.Context, id int64, to, note string) (*Order, error)
}

// OrderQueueStore holds the order lists and counts the pages show beside
// Orders_Search: the dashboard's and the supervisors' queues.
type OrderQueueStore interface {
	// FindOrdersOldestFirst is FindOrders oldest first, with cursors of its own.
	FindOrdersOldestFirst(ctx context.Context, f OrderFilter) ([]*Order, string, error)
	// FindOrdersAwaitingRoute lists the open orders waiting for a route
	// decision, oldest first, each with its process's Routes, its Items
	// (with each line's LineStatus) and its WirelessPort.
	FindOrdersAwaitingRoute(ctx context.Context, page Page) ([]*Order, string, error)
	// FindOrdersRouteHeld lists the orders whose route a supervisor chose
	// and can still undo (RouteHeld now), soonest sent first, at most
	// limit, with what FindOrdersAwaitingRoute gives each.
	FindOrdersRouteHeld(ctx context.Context, limit int) ([]*Order, error)
	// UndoRouteChoice undoes the route chosen for order id while it can be
	// undone (PlanRouteUndo): the order waits for a route decision again,
	// recorded in its history as ActionRouteUndo. Returns ENOTFOUND,
	// EFORBIDDEN below a supervisor, and ECONFLICT when it is too late.
	UndoRouteChoice(ctx context.Context, id int64) (*Order, error)
	// FindOrderPage is FindOrders for the orders page: one page in f.Sort's
	// order after f.After or, when before is not "", the page just before
	// that cursor (f.After must then be ""), with the cursors of the pages
	// on either side. Returns EINVALID as FindOrders does, and on "Before"
	// for a cursor that is not one of this sort's.
	FindOrderPage(ctx context.Context, f OrderFilter, before string) (*OrderPage, error)
	// CountOrders counts the orders matching f (its page ignored): exactly
	// from the counts table when f has no filter or only Status, otherwise
	// up to max, answering More when there are more than max. It never
	// reads more than about max orders. Returns EINVALID as FindOrders does.
	CountOrders(ctx context.Context, f OrderFilter, max int) (OrderCount, error)
	// CountOrdersByStatus counts orders per status from the counts table.
	CountOrdersByStatus(ctx context.Context) (map[string]int64, error)
	// CountOrdersAwaitingRoute counts the orders waiting for a route decision.
	CountOrdersAwaitingRoute(ctx context.Context) (int64, error)
}

// ETag is the order's entity tag for Orders_Query and If-Match.
func (o *Order) ETag() string { return fmt.Sprintf(`"%d-%d"`, o.ID, o.Version) }

// ParseETag reads the version out of an If-Match value made by ETag for
// order id. It reports false for anything else (a weak or foreign tag).
func ParseETag(s string, id int64) (int, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, `"`) || !strings.HasSuffix(s, `"`) || len(s) < 2 {
		return 0, false
	}
	idPart, ver, ok := strings.Cut(s[1:len(s)-1], "-")
	if !ok || idPart != strconv.FormatInt(id, 10) {
		return 0, false
	}
	v, err := strconv.Atoi(ver)
	if err != nil || v < 0 {
		return 0, false
	}
	return v, true
}

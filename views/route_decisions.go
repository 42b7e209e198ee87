package views

import (
	"strconv"
	"time"
)

// Element ids of the route decisions page.
const (
	IDRouteList    = "route-list"    // the queue
	IDRouteEmpty   = "route-empty"   // where the queue says it is empty, filled out of band when it runs out
	IDRouteWaiting = "route-waiting" // how many orders wait
	IDRouteHeld    = "route-held"    // the choices that can still be undone, after a reload
)

// RouteDecisionsVM is the supervisors' queue of orders waiting for a route.
type RouteDecisionsVM struct {
	Rows    []RouteDecisionRow
	Held    []RouteHeldRow // choices made in the last RouteUndoWindow, which can still be undone
	Waiting int64          // how many wait in all
	Window  string         // the undo window in words: "1 minute"
	NextURL string
	Paged   bool
}

// RouteDecisionRow is one order waiting for a route: what the supervisor
// decides on, and the choices.
type RouteDecisionRow struct {
	Order   OrderRow
	Kind    string // the order's kind in words: "New service with a number port-in"
	Version int
	Process string
	Lines   []RouteLine
	Port    *RoutePort // the number port-in the order carries, or nil
	Routes  []RouteChoice
	LeadsTo string // what choosing any route leads to, for this order, in words
	Window  string // the undo window in words
	Error   string // why the last choice for this order failed
	Focus   bool   // take the keyboard focus (the answer to an undo): on the first route
}

// RouteLine is one line of an order waiting for a route.
type RouteLine struct {
	TN      string // formatted, or "New line, no number yet"
	Action  string // what the order does to it, in words
	Status  string // the line's status now (a code; shown as a badge), or ""
	Package string
}

// RoutePort is a port-in as a supervisor decides on it: never its PIN.
type RoutePort struct {
	MDN              string
	ExternalProvider string // the provider the number moves to (the seed's "New Provider"), by name
	AccountNumber    string // the account at the provider the number leaves
	AuthorizedSigner string
}

// RouteChoice is one route of a process and what taking it means.
type RouteChoice struct {
	ID          int64
	Description string
	Meaning     string
}

// RouteHeldRow is an order whose route was just chosen: it can be undone
// until Until, or has gone on (Gone, with Message).
type RouteHeldRow struct {
	OrderID  int64
	Route    string
	Customer string
	Next     string    // what happens next, in words
	Until    time.Time // the end of the undo window
	Refresh  int       // seconds until the row looks again (the text, and the Undo button going)
	Undoable bool
	Message  string // for a row that has gone on: what became of the choice
	Error    string // why the last undo failed
	Focus    bool   // take the keyboard focus (the answer to a choice): on Undo
}

// RowID is the row's element id, which a choice's answer replaces.
func (r RouteDecisionRow) RowID() string { return RouteRowID(r.Order.ID) }

// RowID is the row's element id, which an undo's answer replaces.
func (r RouteHeldRow) RowID() string { return RouteRowID(r.OrderID) }

// RouteRowID is the element id of order id's row on the route page.
func RouteRowID(id int64) string { return "decision-" + strconv.FormatInt(id, 10) }

// DelayTrigger is the hx-trigger that looks again after the row's Refresh.
func (r RouteHeldRow) DelayTrigger() string { return "load delay:" + strconv.Itoa(r.Refresh) + "s" }

// orNone is s, or "None given" when it is blank.
func orNone(s string) string {
	if s == "" {
		return "None given"
	}
	return s
}

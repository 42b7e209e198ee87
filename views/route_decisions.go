package views

// Element ids of the route decisions page.
const (
	IDRouteList    = "route-list"    // the queue: replaced by the empty state when it runs out
	IDRouteWaiting = "route-waiting" // how many orders wait
)

// maxRouteButtons is how many routes show as buttons; more become a select.
const maxRouteButtons = 4

// RouteDecisionsVM is the supervisors' queue of orders waiting for a route.
type RouteDecisionsVM struct {
	Rows    []RouteDecisionRow
	Waiting int64 // how many wait in all
	NextURL string
	Paged   bool
}

// RouteDecisionRow is one order waiting for a route, with its choices.
type RouteDecisionRow struct {
	Order   OrderRow
	Version int
	Process string
	Routes  []RouteChoice
	Error   string // why the last choice for this order failed
}

// RouteChoice is one route of a process.
type RouteChoice struct {
	ID          int64
	Description string
}

// RowID is the row's element id, which a choice's answer replaces.
func (r RouteDecisionRow) RowID() string { return "decision-" + id64(r.Order.ID) }

// AsButtons reports whether the routes fit as one button each.
func (r RouteDecisionRow) AsButtons() bool { return len(r.Routes) <= maxRouteButtons }

package views

import "switchboard/domain"

// IDDashboard is the dashboard's content.
const IDDashboard = "dashboard"

// DashboardVM is the dashboard's data.
type DashboardVM struct {
	Counts *domain.DashboardCounts

	// Orders by status, each a link to that search.
	OrdersByStatus []StatusCount
	// Waiting is how many orders wait for a route decision; CanRoute links
	// them to the route decisions page (supervisors), else to the search.
	Waiting  int64
	CanRoute bool
	// Drafts is how many unfinished wizards the rep has (My drafts);
	// CanCreate shows it to those who may create orders.
	Drafts    int
	CanCreate bool
	// Trouble lists the orders in ERROR, FLOW_ERROR or JEOPARDY, oldest
	// first; TroubleURL is the search for all of them.
	Trouble     []OrderRow
	TroubleMore bool
	TroubleURL  string
	// Failing lists open orders whose last provider call failed.
	Failing []FailingOrderRow
}

// StatusCount is how many orders are in one status.
type StatusCount struct {
	Status string
	N      int64
	URL    string
}

// WaitingURL is where the waiting count links to.
func (vm DashboardVM) WaitingURL() string {
	if vm.CanRoute {
		return "/routes"
	}
	return "/orders?RequiresRouteDecision=true"
}

// StatusWords names an order status in words ("FLOW_ERROR" is "Flow error").
func StatusWords(status string) string { return domain.StatusLabel(status) }

// InventoryWords names an inventory type in words ("SIM_Card" is "SIM cards").
func InventoryWords(t string) string {
	switch t {
	case "SIM_Card":
		return "SIM cards"
	case "Mobile_Device":
		return "Mobile devices"
	}
	return t
}

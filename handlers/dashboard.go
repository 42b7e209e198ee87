package handlers

import (
	"net/http"
	"net/url"

	"switchboard/domain"
	"switchboard/views"
)

// dashboardTroubleShown is how many orders needing attention the dashboard lists.
const dashboardTroubleShown = 15

// troubleStatuses are the statuses in which an order needs a person.
var troubleStatuses = []string{domain.OrderError, domain.OrderFlowError, domain.OrderJeopardy}

// HandleDashboard shows the day's figures: orders by status (from the
// store's counts, never a count over the orders), the orders waiting for a
// route decision, the orders in trouble oldest first, lines and inventory.
func (h *Handlers) HandleDashboard(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	c, err := h.Store.CountDashboard(ctx)
	if err != nil {
		return err
	}
	vm := views.DashboardVM{Counts: c, TroubleURL: "/orders?" + url.Values{"Status": troubleStatuses}.Encode()}
	if u := domain.UserFromContext(ctx); u != nil {
		vm.CanRoute = u.Role.AtLeast(domain.RoleSupervisor)
		vm.CanCreate = u.Role.AtLeast(domain.RoleRep)
	}
	if vm.CanCreate {
		drafts, err := h.Store.FindOpenDrafts(ctx, draftsListed)
		if err != nil {
			return err
		}
		vm.Drafts = len(drafts)
	}
	byStatus, err := h.Store.CountOrdersByStatus(ctx)
	if err != nil {
		return err
	}
	for _, s := range domain.OrderStatuses {
		vm.OrdersByStatus = append(vm.OrdersByStatus, views.StatusCount{Status: s, N: byStatus[s], URL: "/orders?" + url.Values{"Status": {s}}.Encode()})
	}
	if vm.Waiting, err = h.Store.CountOrdersAwaitingRoute(ctx); err != nil {
		return err
	}
	trouble, next, err := h.Store.FindOrdersOldestFirst(ctx, domain.OrderFilter{Status: troubleStatuses, Page: domain.Page{Limit: dashboardTroubleShown}})
	if err != nil {
		return err
	}
	for _, o := range trouble {
		vm.Trouble = append(vm.Trouble, orderRow(o))
	}
	vm.TroubleMore = next != ""
	failing, err := h.Store.FindFailingOrders(ctx, dashboardTroubleShown)
	if err != nil {
		return err
	}
	for _, p := range failing {
		vm.Failing = append(vm.Failing, views.FailingOrderRow{OrderID: p.OrderID, PON: p.PON, Status: p.Status,
			Failures: p.Failures, LastError: p.LastError, ErrorAt: optTime(p.LastErrorAt), NextAttempt: optTime(p.NextAttemptAt)})
	}
	if err := h.nameCustomers(ctx, vm.Trouble); err != nil {
		return err
	}
	return h.render(w, r, http.StatusOK, views.DashboardPage(h.shell(w, r, "Dashboard"), vm), views.DashboardBody(vm))
}

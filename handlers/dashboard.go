package handlers

import (
	"net/http"

	"switchboard/views"
)

// HandleDashboard shows the day's figures.
func (h *Handlers) HandleDashboard(w http.ResponseWriter, r *http.Request) error {
	c, err := h.Store.CountDashboard(r.Context())
	if err != nil {
		return err
	}
	vm := views.DashboardVM{Counts: c}
	return h.render(w, r, http.StatusOK, views.DashboardPage(h.shell(w, r, "Dashboard"), vm), nil)
}

package handlers

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/a-h/templ"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// Page sizes of the order pages.
const (
	orderPageSize       = 50
	customerOrdersShown = 10
	relatedOrdersShown  = 10
	// maxCustomerNameMatch is how many customers a name search takes: no
	// more than the store reads one index branch each for (db.maxBranches),
	// so the search stays a walk in page order.
	maxCustomerNameMatch = 16
)

// nameCustomers fills in the customer names of rows.
func (h *Handlers) nameCustomers(ctx context.Context, rows []views.OrderRow) error {
	if len(rows) == 0 {
		return nil
	}
	var ids []int64
	for _, r := range rows {
		if !slices.Contains(ids, r.CustomerID) {
			ids = append(ids, r.CustomerID)
		}
	}
	names, err := h.Store.FindCustomerNames(ctx, ids)
	if err != nil {
		return err
	}
	for i := range rows {
		rows[i].Customer = names[rows[i].CustomerID]
	}
	return nil
}

// HandleOrderSearch lists the orders matching every Orders_Search filter
// the form gives, newest first, a page at a time. An htmx request (typing
// in the filters) gets the results alone, and the address bar is set to the
// search's own address so it can be bookmarked.
func (h *Handlers) HandleOrderSearch(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	s, err := h.parseOrderSearch(ctx, q)
	if err != nil {
		return err
	}
	vm := views.OrderSearchVM{Form: s.form, Errors: s.errs, Filtered: len(s.page) > 0, CustomerNote: s.customerNote, Paged: q.Get("After") != ""}
	if u := domain.UserFromContext(ctx); u != nil {
		vm.CanOrder = u.Role.AtLeast(domain.RoleRep)
	}
	if err := h.orderChoices(ctx, &vm, s.filter); err != nil {
		return err
	}
	vm.FirstURL = "/orders" + query(s.page)
	vm.ExportURL = "/orders/export.csv" + query(s.page)
	if s.runnable() {
		st := h.Store
		f := s.filter
		f.Limit, f.After = orderPageSize, q.Get("After")
		orders, next, err := st.FindOrders(ctx, f)
		switch {
		case domain.ErrorCode(err) == domain.EINVALID:
			// A cursor from an older search, or a filter the form did not catch.
			vm.Errors = components.Errors{"": {"This search cannot be used: " + domain.ErrorMessage(err)}}
		case err != nil:
			return err
		}
		for _, o := range orders {
			vm.Rows = append(vm.Rows, orderRow(o))
		}
		if err := h.nameCustomers(ctx, vm.Rows); err != nil {
			return err
		}
		if next != "" {
			v := cloneValues(s.page)
			v.Set("After", next)
			vm.NextURL = "/orders" + query(v)
		}
	}
	if isFragmentRequest(r) {
		w.Header().Set("HX-Push-Url", vm.FirstURL+afterParam(q.Get("After"), vm.FirstURL))
	}
	status := http.StatusOK
	if vm.Errors.Any() && !isFragmentRequest(r) {
		status = http.StatusUnprocessableEntity
	}
	return h.render(w, r, status, views.OrderSearchPage(h.shell(w, r, "Orders"), vm), views.OrderResults(vm, true))
}

// afterParam keeps a page's cursor in the pushed address.
func afterParam(after, base string) string {
	if after == "" {
		return ""
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return sep + "After=" + url.QueryEscape(after)
}

// orderChoices fills the checkbox groups, with what the filter chose checked.
func (h *Handlers) orderChoices(ctx context.Context, vm *views.OrderSearchVM, f domain.OrderFilter) error {
	for _, st := range domain.OrderStatuses {
		vm.Statuses = append(vm.Statuses, views.Choice{Value: st, Label: st, Checked: slices.Contains(f.Status, st)})
	}
	for _, t := range domain.OrderTypes {
		vm.Types = append(vm.Types, views.Choice{Value: t, Label: views.TypeLabel(t), Checked: slices.Contains(f.OrderType, t)})
	}
	cs, err := h.Store.FindCarriers(ctx)
	if err != nil {
		return err
	}
	for _, c := range cs {
		vm.Carriers = append(vm.Carriers, views.Choice{Value: itoa64(c.ID), Label: c.Name, Checked: slices.Contains(f.CarrierID, c.ID)})
	}
	bps, err := h.Store.FindBillProfiles(ctx)
	if err != nil {
		return err
	}
	for _, b := range bps {
		vm.BillProfiles = append(vm.BillProfiles, views.Choice{Value: itoa64(b.ID), Label: b.Name, Checked: slices.Contains(f.BillProfileID, b.ID)})
	}
	return nil
}

// orderRow is an order as a list shows it.
func orderRow(o *domain.Order) views.OrderRow {
	row := views.OrderRow{
		ID: o.ID, PON: o.PON, Type: o.Type, Status: o.Status, StatusNote: o.StatusNote, CustomerID: o.CustomerID,
		Carrier: o.CarrierName, Account: o.CarrierAccountName, Created: shortTime(o.CreatedAt),
		CreatedISO: o.CreatedAt.UTC().Format(time.RFC3339), Age: age(time.Since(o.CreatedAt)),
		Tracking: o.TrackingNumber, Waiting: o.AwaitingRoute(),
	}
	if row.Carrier == "" {
		row.Carrier = "Carrier " + itoa64(o.CarrierID)
	}
	for _, rt := range o.Routes {
		row.Routes = append(row.Routes, rt.Description)
	}
	for _, it := range o.Items {
		if it == nil {
			continue
		}
		tn := views.FormatTN(it.TN)
		if tn == "" {
			tn = "new line"
		}
		row.Lines = append(row.Lines, views.OrderLineSummary{LineID: it.LineID, TN: tn, Action: it.Action})
	}
	return row
}

// age says how long ago something happened, roughly: "5 minutes", "3 days".
func age(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "under a minute"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute")
	case d < 24*time.Hour:
		return plural(int(d/time.Hour), "hour")
	}
	return plural(int(d/(24*time.Hour)), "day")
}

// customerOrders is the customer page's list of the customer's latest orders.
func (h *Handlers) customerOrders(ctx context.Context, customerID int64) (templ.Component, error) {
	st := h.Store
	orders, next, err := st.FindOrders(ctx, domain.OrderFilter{CustomerID: []int64{customerID}, Page: domain.Page{Limit: customerOrdersShown}})
	if err != nil {
		return nil, err
	}
	rows := make([]views.OrderRow, 0, len(orders))
	for _, o := range orders {
		rows = append(rows, orderRow(o))
	}
	all := "/orders?" + url.Values{"Customer": {itoa64(customerID)}}.Encode()
	return views.CustomerOrderList(rows, all, next != ""), nil
}

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
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.CustomerID
	}
	names, err := h.customerNames(ctx, ids)
	if err != nil {
		return err
	}
	for i := range rows {
		rows[i].Customer = names[rows[i].CustomerID]
	}
	return nil
}

// customerNames reads the names of the customers ids (each once, in one
// query); nil for none.
func (h *Handlers) customerNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	var uniq []int64
	for _, id := range ids {
		if !slices.Contains(uniq, id) {
			uniq = append(uniq, id)
		}
	}
	if len(uniq) == 0 {
		return nil, nil
	}
	return h.Store.FindCustomerNames(ctx, uniq)
}

// orderCountLimit is as far as the orders page counts a filter's
// matches; past it the page says "more than 1,000".
const orderCountLimit = 1000

// HandleOrderSearch lists the orders matching every Orders_Search filter
// the form gives, in the chosen sort (newest first unless Sort says
// otherwise), a page at a time: After (a page's Next) pages forward,
// Before (a page's Prev) back, each by keyset. It says how many match:
// exactly where the status counts give it, otherwise counted up to
// orderCountLimit. An htmx request (typing in the filters) gets the
// results alone, and the address bar is set to the search's own address
// so it can be bookmarked.
func (h *Handlers) HandleOrderSearch(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	s, err := h.parseOrderSearch(ctx, q)
	if err != nil {
		return err
	}
	after, before := strings.TrimSpace(q.Get("After")), strings.TrimSpace(q.Get("Before"))
	vm := views.OrderSearchVM{Form: s.form, Errors: s.errs, Filtered: s.filtered(), CustomerNote: s.customerNote,
		Paged: after != "" || before != ""}
	if u := domain.UserFromContext(ctx); u != nil {
		vm.CanOrder = u.Role.AtLeast(domain.RoleRep)
	}
	if err := h.orderChoices(ctx, &vm, s.filter); err != nil {
		return err
	}
	vm.FirstURL = "/orders" + query(s.page)
	vm.ExportURL = "/orders/export.csv" + query(s.withoutSort())
	vm.SortURLs = map[domain.OrderSort]string{}
	for _, o := range domain.OrderSorts {
		vm.SortURLs[o] = "/orders" + query(s.sortedBy(o))
	}
	here := vm.FirstURL
	if s.runnable() {
		f := s.filter
		f.Limit, f.After = orderPageSize, after
		page, err := h.Store.FindOrderPage(ctx, f, before)
		switch {
		case domain.ErrorCode(err) == domain.EINVALID:
			// A page link from another sort, an older search, or typed by hand.
			vm.Errors = components.Errors{"": {"This page link does not fit the list any more (it was made for another sort or search, or changed by hand). Start again from the first page."}}
			vm.Stale = true
			page = &domain.OrderPage{}
		case err != nil:
			return err
		default:
			c, err := h.Store.CountOrders(ctx, s.filter, orderCountLimit)
			if err != nil {
				return err
			}
			vm.Count = &c
		}
		for _, o := range page.Orders {
			vm.Rows = append(vm.Rows, orderRow(o))
		}
		if err := h.nameCustomers(ctx, vm.Rows); err != nil {
			return err
		}
		vm.NextURL = pageURL(s.page, "After", page.Next)
		vm.PrevURL = pageURL(s.page, "Before", page.Prev)
		if u := pageURL(s.page, "After", after) + pageURL(s.page, "Before", before); u != "" && !vm.Stale {
			here = u
		}
	}
	if isFragmentRequest(r) {
		w.Header().Set("HX-Push-Url", here)
	}
	status := http.StatusOK
	if vm.Errors.Any() && !isFragmentRequest(r) {
		status = http.StatusUnprocessableEntity
	}
	return h.render(w, r, status, views.OrderSearchPage(h.shell(w, r, "Orders"), vm), views.OrderResults(vm, true))
}

// pageURL is the orders page of search page at cursor (given as
// param, After or Before); "" when there is no cursor.
func pageURL(page url.Values, param, cursor string) string {
	if cursor == "" {
		return ""
	}
	v := cloneValues(page)
	v.Set(param, cursor)
	return "/orders" + query(v)
}

// orderChoices fills the checkbox groups, with what the filter chose checked.
func (h *Handlers) orderChoices(ctx context.Context, vm *views.OrderSearchVM, f domain.OrderFilter) error {
	for _, st := range domain.OrderStatuses {
		vm.Statuses = append(vm.Statuses, views.Choice{Value: st, Label: domain.StatusLabel(st), Checked: slices.Contains(f.Status, st)})
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
		Changed: shortTime(o.UpdatedAt), ChangedISO: o.UpdatedAt.UTC().Format(time.RFC3339),
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

package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"switchboard/domain"
	"switchboard/views"
)

// Page sizes of the customer pages.
const (
	customerPageSize      = 50
	customerLinesPageSize = 100
	customerInvPageSize   = 100
)

// HandleCustomerSearch lists customers matching a name part, a customer id
// or a TN prefix, a page at a time. An htmx request (typing in the search
// box) gets the rows alone.
func (h *Handlers) HandleCustomerSearch(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	vm := views.CustomerSearchVM{Search: strings.TrimSpace(q.Get("Search")), Paged: q.Get("After") != ""}
	if len(vm.Search) > 100 {
		vm.Search = vm.Search[:100]
	}
	cs, next, err := h.Store.FindCustomers(ctx, domain.CustomerFilter{Search: vm.Search, Page: domain.Page{Limit: customerPageSize, After: q.Get("After")}})
	if err != nil {
		return err
	}
	profiles, err := h.billProfileNames(ctx)
	if err != nil {
		return err
	}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	counts, err := h.Store.CountLinesByCustomer(ctx, ids)
	if err != nil {
		return err
	}
	for _, c := range cs {
		vm.Rows = append(vm.Rows, views.CustomerRow{
			ID: c.ID, Name: c.Name, Status: c.Status, BillProfile: profiles[c.BillProfileID],
			City: c.ServiceAddress.City, State: c.ServiceAddress.State, Lines: counts[c.ID],
		})
	}
	if next != "" {
		v := url.Values{"After": {next}}
		if vm.Search != "" {
			v.Set("Search", vm.Search)
		}
		vm.NextURL = "/customers?" + v.Encode()
	}
	title := "Customers"
	if vm.Search != "" {
		title = "Customers matching " + vm.Search
	}
	return h.render(w, r, http.StatusOK, views.CustomerSearchPage(h.shell(w, r, title), vm), views.CustomerRows(vm))
}

// HandleCustomerShow shows one customer: account and service address, its
// lines with their products, the inventory assigned to it, and the place
// for its orders. SSN and TaxID are shown masked only.
func (h *Handlers) HandleCustomerShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "id", "Customer")
	if err != nil {
		return err
	}
	c, err := h.Store.FindCustomerByID(ctx, id)
	if err != nil {
		return err
	}
	profiles, err := h.billProfileNames(ctx)
	if err != nil {
		return err
	}
	vm := views.CustomerShowVM{
		ID: c.ID, Name: c.Name, Status: c.Status, BillProfile: profiles[c.BillProfileID], Address: c.ServiceAddress,
		SSNMasked: c.SSN.Masked(), TaxIDMasked: c.TaxID.Masked(), Created: c.CreatedAt.Format("Jan 2, 2006"),
	}
	if u := domain.UserFromContext(ctx); u != nil {
		vm.CanOrder = u.Role.AtLeast(domain.RoleRep)
	}
	if vm.Orders, err = h.customerOrders(ctx, c.ID); err != nil {
		return err
	}
	quotes, err := h.customerQuotes(ctx, c.ID)
	if err != nil {
		return err
	}
	vm.Quotes = views.CustomerQuotes(quotes)

	q := r.URL.Query()
	ls, nextLines, err := h.Store.FindLines(ctx, domain.LineFilter{CustomerID: &c.ID, Page: domain.Page{Limit: customerLinesPageSize, After: q.Get("LinesAfter")}})
	if err != nil {
		return err
	}
	names, err := h.referenceNames(ctx)
	if err != nil {
		return err
	}
	tnOf := map[int64]string{}
	for _, l := range ls {
		row := views.LineRow{
			ID: l.ID, TN: views.FormatTN(l.TN), Status: l.Status, SuspendType: l.SuspendType, Description: l.Description,
			Carrier: names.carriers[l.CarrierID], Account: names.accounts[l.CarrierAccountID], Package: names.packages[l.PackageID],
		}
		if row.TN == "" {
			row.TN = "no number yet"
		}
		if l.LineTypeID != nil {
			row.ServiceType = names.serviceTypes[*l.LineTypeID]
		}
		for _, p := range l.Products {
			row.Products = append(row.Products, views.ProductRow{ID: p.ID, ProductID: p.ProductID, Description: p.Description, Rate: p.Rate.Dollars(), Quantity: p.Quantity})
		}
		tnOf[l.ID] = row.TN
		vm.Lines = append(vm.Lines, row)
	}
	vm.LinesPaged = q.Get("LinesAfter") != ""
	if nextLines != "" {
		vm.LinesNextURL = "/customers/" + itoa64(c.ID) + "?" + url.Values{"LinesAfter": {nextLines}}.Encode() + "#" + views.IDCustomerLines
	}

	items, nextInv, err := h.Store.FindInventory(ctx, domain.InventoryFilter{CustomerID: &c.ID, Page: domain.Page{Limit: customerInvPageSize, After: q.Get("InventoryAfter")}})
	if err != nil {
		return err
	}
	for _, it := range items {
		row := views.InventoryRow{Identifier: it.Identifier, Type: it.Type, Status: it.Status}
		if it.LineID != nil {
			row.LineID = *it.LineID
			row.Line = tnOf[*it.LineID]
			if row.Line == "" {
				row.Line = "Line " + itoa64(*it.LineID)
			}
		}
		vm.Inventory = append(vm.Inventory, row)
	}
	if nextInv != "" {
		vm.InventoryNextURL = "/customers/" + itoa64(c.ID) + "?" + url.Values{"InventoryAfter": {nextInv}}.Encode() + "#" + views.IDCustomerInventory
	}
	return h.render(w, r, http.StatusOK, views.CustomerShowPage(h.shell(w, r, c.Name), vm), views.CustomerShowBody(vm))
}

// billProfileNames maps bill profile ids to names.
func (h *Handlers) billProfileNames(ctx context.Context) (map[int64]string, error) {
	bps, err := h.Store.FindBillProfiles(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(bps))
	for _, b := range bps {
		out[b.ID] = b.Name
	}
	return out, nil
}

// refNames are the names of reference rows a line points to.
type refNames struct {
	carriers, accounts, packages, serviceTypes map[int64]string
}

// referenceNames loads the names lines refer to (small tables, read whole).
func (h *Handlers) referenceNames(ctx context.Context) (*refNames, error) {
	n := &refNames{carriers: map[int64]string{}, accounts: map[int64]string{}, packages: map[int64]string{}, serviceTypes: map[int64]string{}}
	cs, err := h.Store.FindCarriers(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		n.carriers[c.ID] = c.Name
	}
	as, err := h.Store.FindCarrierAccounts(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		n.accounts[a.ID] = a.Name
	}
	ps, err := h.Store.FindPackages(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		n.packages[p.ID] = p.Name
	}
	sts, err := h.Store.FindServiceTypes(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range sts {
		n.serviceTypes[s.ID] = s.Name
	}
	return n, nil
}

// shortTime shows a time on the admin pages.
func shortTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("Jan 2, 2006 15:04 UTC")
}

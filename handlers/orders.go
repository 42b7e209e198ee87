package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
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

// orderSearch is a search as the form gives it, and the filter it stands for.
type orderSearch struct {
	form   views.OrderSearchForm
	filter domain.OrderFilter // without the page
	// page is the search's own query string (canonical names, no empty
	// values, no cursor): the address of its first page and of its export.
	page         url.Values
	errs         components.Errors
	customerNote string
	noCustomer   bool // a customer name matched no customer: nothing can match
}

// runnable reports whether the search can be asked of the store.
func (s *orderSearch) runnable() bool { return !s.errs.Any() && !s.noCustomer }

// parseOrderSearch reads the order search form (or a bookmarked address).
// Lists are given by repeating a name, and the text boxes take several
// values separated by commas or spaces. A value that cannot be used is a
// message by its control, not an error: the page shows it beside the field.
// Unknown parameters are ignored, as a page should.
func (h *Handlers) parseOrderSearch(ctx context.Context, q url.Values) (*orderSearch, error) {
	s := &orderSearch{page: url.Values{}, errs: components.Errors{}}
	f := &s.filter

	for _, v := range nonEmpty(q["Status"]) {
		if !domain.OneOf(v, domain.OrderStatuses) {
			s.errs["Status"] = append(s.errs["Status"], fmt.Sprintf("%q is not an order status", v))
			continue
		}
		if !slices.Contains(f.Status, v) {
			f.Status = append(f.Status, v)
		}
	}
	for _, v := range nonEmpty(q["OrderType"]) {
		if !domain.OneOf(v, domain.OrderTypes) {
			s.errs["OrderType"] = append(s.errs["OrderType"], fmt.Sprintf("%q is not an order type", v))
			continue
		}
		if !slices.Contains(f.OrderType, v) {
			f.OrderType = append(f.OrderType, v)
		}
	}
	f.CarrierID = s.ids("CarrierID", "Carrier", nonEmpty(q["CarrierID"]))
	f.BillProfileID = s.ids("BillProfileID", "Bill profile", nonEmpty(q["BillProfileID"]))

	s.form.OrderID = joinText(q["OrderID"])
	f.OrderID = s.ids("OrderID", "Order ID", splitList(s.form.OrderID))

	s.form.PON = joinText(q["PON"])
	for _, v := range splitList(s.form.PON) {
		v = strings.ToUpper(v)
		if !domain.ValidPON(v) {
			s.errs["PON"] = append(s.errs["PON"], fmt.Sprintf("PON “%s” is not complete: a PON is %d letters and digits", v, domain.PONLength))
			continue
		}
		f.PON = append(f.PON, v)
	}

	s.form.TN = joinText(q["TN"])
	for _, v := range splitTNs(s.form.TN) {
		tn := domain.NormalizeTN(v)
		if len(tn) == 11 && tn[0] == '1' {
			tn = tn[1:]
		}
		if !domain.ValidTN(tn) {
			s.errs["TN"] = append(s.errs["TN"], fmt.Sprintf("“%s” is not a phone number yet: a TN has 10 digits", v))
			continue
		}
		f.TN = append(f.TN, tn)
	}

	s.form.Identifier = joinText(q["Identifier"])
	f.Identifier = splitList(s.form.Identifier)

	// Customer: ids (the box, or CustomerID links), or part of a name.
	cust := joinText(append(append([]string(nil), q["Customer"]...), q["CustomerID"]...))
	s.form.Customer = cust
	if cust != "" {
		tokens := splitList(cust)
		if allNumbers(tokens) {
			f.CustomerID = s.ids("Customer", "Customer ID", tokens)
		} else if err := s.customersNamed(ctx, h, cust); err != nil {
			return nil, err
		}
	}

	switch v := strings.TrimSpace(q.Get("RequiresRouteDecision")); v {
	case "":
	case "true", "false":
		b := v == "true"
		f.RequiresRouteDecision = &b
		s.form.Route = v
	default:
		s.errs["RequiresRouteDecision"] = append(s.errs["RequiresRouteDecision"], "Route decision must be true or false")
	}
	if v, _ := strconv.ParseBool(strings.TrimSpace(q.Get("ShowServiceDetails"))); v {
		f.ShowServiceDetails = true
		s.form.ShowLines = true
	}

	// The page's own address: canonical names, no empty values (Encode sorts them).
	add := func(name string, vals ...string) {
		for _, v := range vals {
			if v != "" {
				s.page.Add(name, v)
			}
		}
	}
	add("Status", f.Status...)
	add("OrderType", f.OrderType...)
	add("CarrierID", idStrings(f.CarrierID)...)
	add("BillProfileID", idStrings(f.BillProfileID)...)
	add("OrderID", s.form.OrderID)
	add("PON", s.form.PON)
	add("TN", s.form.TN)
	add("Identifier", s.form.Identifier)
	add("Customer", s.form.Customer)
	add("RequiresRouteDecision", s.form.Route)
	if s.form.ShowLines {
		add("ShowServiceDetails", "true")
	}

	if !s.errs.Any() {
		// The domain's own check, so the page never asks what the API would refuse.
		g := *f
		if err := g.Validate(); err != nil {
			if domain.ErrorCode(err) != domain.EINVALID {
				return nil, err
			}
			for _, fe := range domain.ErrorFields(err) {
				name, _, _ := strings.Cut(fe.Field, "[")
				s.errs[name] = append(s.errs[name], fe.Message)
			}
		}
	}
	if !s.errs.Any() {
		s.errs = nil
	}
	return s, nil
}

// customersNamed turns part of a customer name into the ids of the
// customers it matches (the first maxCustomerNameMatch).
func (s *orderSearch) customersNamed(ctx context.Context, h *Handlers, name string) error {
	if len(name) > 100 {
		name = name[:100]
	}
	cs, next, err := h.Store.FindCustomers(ctx, domain.CustomerFilter{Search: name, Page: domain.Page{Limit: maxCustomerNameMatch}})
	if err != nil {
		return err
	}
	switch {
	case len(cs) == 0:
		s.noCustomer = true
		s.customerNote = fmt.Sprintf("No customer matches “%s”, so no order does.", name)
		return nil
	case next != "":
		s.customerNote = fmt.Sprintf("More than %d customers match “%s”: showing the orders of the first %d. Type more of the name to narrow it.",
			maxCustomerNameMatch, name, maxCustomerNameMatch)
	case len(cs) == 1:
		s.customerNote = fmt.Sprintf("Orders of %s (customer %d).", cs[0].Name, cs[0].ID)
	default:
		names := make([]string, 0, 3)
		for _, c := range cs[:min(3, len(cs))] {
			names = append(names, c.Name)
		}
		more := ""
		if len(cs) > 3 {
			more = fmt.Sprintf(" and %d more", len(cs)-3)
		}
		s.customerNote = fmt.Sprintf("Orders of the %d customers matching “%s”: %s%s.", len(cs), name, strings.Join(names, ", "), more)
	}
	for _, c := range cs {
		s.filter.CustomerID = append(s.filter.CustomerID, c.ID)
	}
	return nil
}

// ids reads positive whole numbers for control; the others are messages by it.
func (s *orderSearch) ids(control, what string, vals []string) []int64 {
	var out []int64
	for _, v := range vals {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			s.errs[control] = append(s.errs[control], fmt.Sprintf("%s “%s” is not a number", what, v))
			continue
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
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
		Tracking: o.TrackingNumber, Waiting: o.RequiresRouteDecision,
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

// query is "?…" for v, or "" when v is empty.
func query(v url.Values) string {
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func nonEmpty(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// joinText is a text box's value from one or several parameters.
func joinText(vals []string) string {
	s := strings.Join(nonEmpty(vals), ", ")
	if len(s) > 400 {
		s = s[:400]
	}
	return s
}

// splitList splits a text box into values at commas, semicolons and spaces.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
}

// splitTNs splits a text box into phone numbers. Commas and semicolons
// always separate; spaces separate only once a number has its ten digits,
// so "(312) 555-0101" stays one number.
func splitTNs(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' }) {
		var cur []string
		digits := 0
		for _, tok := range strings.Fields(part) {
			cur = append(cur, tok)
			for _, c := range tok {
				if c >= '0' && c <= '9' {
					digits++
				}
			}
			if digits >= 10 {
				out = append(out, strings.Join(cur, " "))
				cur, digits = nil, 0
			}
		}
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
		}
	}
	return out
}

func allNumbers(tokens []string) bool {
	for _, t := range tokens {
		if !domain.AllDigits(t) {
			return false
		}
	}
	return len(tokens) > 0
}

func idStrings(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = itoa64(id)
	}
	return out
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

package handlers

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

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

// withoutSort is the search's query string without its sort: its
// filters alone.
func (s *orderSearch) withoutSort() url.Values {
	v := cloneValues(s.page)
	v.Del("Sort")
	return v
}

// filtered reports whether the search has a filter (a sort is not one).
func (s *orderSearch) filtered() bool { return len(s.withoutSort()) > 0 }

// sortedBy is the query string of the search's first page in sort o.
func (s *orderSearch) sortedBy(o domain.OrderSort) url.Values {
	v := s.withoutSort()
	if o != domain.SortNewest {
		v.Set("Sort", string(o))
	}
	return v
}

// parseOrderSearch reads the order search form (or a bookmarked address).
// Lists are given by repeating a name, and the text boxes take several
// values separated by commas or spaces. A value that cannot be used is a
// message by its control, not an error: the page shows it beside the field.
// Unknown parameters are ignored, as a page should.
func (h *Handlers) parseOrderSearch(ctx context.Context, q url.Values) (*orderSearch, error) {
	s := &orderSearch{page: url.Values{}, errs: components.Errors{}}
	f := &s.filter

	f.Status = s.oneOf("Status", "an order status", nonEmpty(q["Status"]), domain.OrderStatuses)
	f.OrderType = s.oneOf("OrderType", "an order type", nonEmpty(q["OrderType"]), domain.OrderTypes)
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
	switch v := strings.ToLower(strings.TrimSpace(q.Get("Sort"))); v {
	case "", "newest":
	case string(domain.SortOldest), string(domain.SortChanged):
		f.Sort = domain.OrderSort(v)
	default:
		s.errs["Sort"] = append(s.errs["Sort"], fmt.Sprintf("“%s” is not a way to sort orders: choose newest first, oldest first or last changed first", v))
	}
	s.form.Sort = f.Sort
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
	add("Sort", string(f.Sort))

	if !s.errs.Any() {
		// The domain's own check, so the page never asks what the API would refuse.
		g := *f
		if err := g.Validate(); err != nil {
			if domain.ErrorCode(err) != domain.EINVALID {
				return nil, err
			}
			for _, fe := range domain.ErrorFields(err) {
				name, _, _ := strings.Cut(fe.Field, "[")
				s.errs[name] = append(s.errs[name], components.Say(fe))
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

// oneOf reads the values of control that are in allowed, once each; the
// others are messages by it ("… is not <what>").
func (s *orderSearch) oneOf(control, what string, vals, allowed []string) []string {
	var out []string
	for _, v := range vals {
		if !domain.OneOf(v, allowed) {
			s.errs[control] = append(s.errs[control], fmt.Sprintf("%q is not %s", v, what))
			continue
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
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

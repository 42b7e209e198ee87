package domain

import (
	"slices"
	"strconv"
	"strings"
)

// OrderFilter is Orders_Search: every list filters when not empty (an order
// matches one of its values), and all filters must match.
type OrderFilter struct {
	BillProfileID []int64 // the customer's bill profile
	CustomerID    []int64
	CarrierID     []int64
	OrderID       []int64
	OrderType     []string
	Status        []string
	PON           []string
	TN            []string // a TN of a line the order touches
	Identifier    []string // inventory given with the order (ESN, ICCID)

	ShowServiceDetails    bool  // load each order's Items
	RequiresRouteDecision *bool // orders waiting (or not) for a route decision
	// Sort is the order the orders are read in: SortNewest (the zero value,
	// Orders_Search's order) unless the orders page or a work queue asks
	// for another. Cursors belong to their sort.
	Sort OrderSort
	Page
}

// OrderSort is an order a list of orders can be read in.
type OrderSort string

// The sorts of an order list. Each reads an index in its order, so a page
// costs the same on the millionth order as on the first.
const (
	SortNewest  OrderSort = ""        // created, newest first (then ID, descending)
	SortOldest  OrderSort = "oldest"  // created, oldest first (then ID, ascending)
	SortChanged OrderSort = "changed" // last changed first (UpdatedAt, then ID, descending)
)

// OrderSorts are the sorts the orders page offers, the default first.
var OrderSorts = []OrderSort{SortNewest, SortOldest, SortChanged}

// Label is the sort as a rep reads it.
func (s OrderSort) Label() string {
	switch s {
	case SortOldest:
		return "Oldest first"
	case SortChanged:
		return "Last changed first"
	}
	return "Newest first"
}

// OrderPage is one page of an order list with the cursors of the pages
// on either side ("" where there is none).
type OrderPage struct {
	Orders []*Order
	Next   string // Page.After of the next page
	Prev   string // the before cursor of the previous page
}

// OrderCount is how many orders match a filter: N exactly, or, when More,
// more than N (the count stopped there).
type OrderCount struct {
	N    int64
	More bool
}

// MaxFilterValues bounds each list of an OrderFilter.
const MaxFilterValues = 500

// Validate checks the enum values, normalizes TNs and PONs, and applies
// the page defaults. Each bad value is its own field error ("Status[1]
// must be one of …").
func (f *OrderFilter) Validate() error {
	var p Problems
	for _, l := range []struct {
		name string
		ids  []int64
	}{{"BillProfileID", f.BillProfileID}, {"CustomerID", f.CustomerID}, {"CarrierID", f.CarrierID}, {"OrderID", f.OrderID}} {
		p.CheckRule(len(l.ids) <= MaxFilterValues, l.name, RuleTooMany, kv("Max", itoa(MaxFilterValues)), "%s may list at most %d values", l.name, MaxFilterValues)
		for i, id := range l.ids {
			p.CheckRule(id > 0, idx(l.name, i), RuleWholeNumber, nil, "%s must be a positive number", idx(l.name, i))
		}
	}
	for _, l := range []struct {
		name string
		vals []string
	}{{"OrderType", f.OrderType}, {"Status", f.Status}, {"PON", f.PON}, {"TN", f.TN}, {"Identifier", f.Identifier}} {
		p.CheckRule(len(l.vals) <= MaxFilterValues, l.name, RuleTooMany, kv("Max", itoa(MaxFilterValues)), "%s may list at most %d values", l.name, MaxFilterValues)
	}
	for i, v := range f.OrderType {
		p.CheckRule(OneOf(v, OrderTypes), idx("OrderType", i), RuleOneOf, nil, "%s must be one of %s", idx("OrderType", i), strings.Join(OrderTypes, ", "))
	}
	for i, v := range f.Status {
		p.CheckRule(OneOf(v, OrderStatuses), idx("Status", i), RuleOneOf, nil, "%s must be one of %s", idx("Status", i), strings.Join(OrderStatuses, ", "))
	}
	for i := range f.PON {
		f.PON[i] = strings.ToUpper(strings.TrimSpace(f.PON[i]))
		p.CheckRule(ValidPON(f.PON[i]), idx("PON", i), RuleLetters, kv("Count", "16", "Digits", "yes"), "%s must be 16 letters and digits", idx("PON", i))
	}
	for i := range f.TN {
		f.TN[i] = NormalizeTN(strings.TrimSpace(f.TN[i]))
		p.CheckRule(ValidTN(f.TN[i]), idx("TN", i), RuleDigits, kv("Count", "10"), "%s must be 10 digits", idx("TN", i))
	}
	for i := range f.Identifier {
		f.Identifier[i] = strings.TrimSpace(f.Identifier[i])
		p.CheckRule(f.Identifier[i] != "", idx("Identifier", i), RuleRequired, nil, "%s must not be empty", idx("Identifier", i))
	}
	p.CheckRule(slices.Contains(OrderSorts, f.Sort), "Sort", RuleOneOf, nil, "Sort must be one of oldest, changed (or empty for newest first)")
	f.Page.Normalize(&p)
	return p.Err()
}

// ParseOrderFilter reads Orders_Search's query parameters (url.Values): a
// list is given by repeating its name; empty values are skipped. An unknown
// parameter or a value that is not a number or a boolean where one is
// needed is an EINVALID field error. The result is validated.
func ParseOrderFilter(q map[string][]string) (OrderFilter, error) {
	var f OrderFilter
	var p Problems
	ids := map[string]*[]int64{"BillProfileID": &f.BillProfileID, "CustomerID": &f.CustomerID, "CarrierID": &f.CarrierID, "OrderID": &f.OrderID}
	strs := map[string]*[]string{"OrderType": &f.OrderType, "Status": &f.Status, "PON": &f.PON, "TN": &f.TN, "Identifier": &f.Identifier}
	for name, vals := range q {
		var nonEmpty []string
		for i, v := range vals {
			field := name
			if ids[name] != nil || strs[name] != nil {
				field = idx(name, i)
			}
			CheckChars(&p, field, field, v)
			if v = strings.TrimSpace(v); v != "" {
				nonEmpty = append(nonEmpty, v)
			}
		}
		last := ""
		if len(nonEmpty) > 0 {
			last = nonEmpty[len(nonEmpty)-1]
		}
		switch {
		case ids[name] != nil:
			for i, v := range nonEmpty {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					p.AddRule(idx(name, i), RuleWholeNumber, nil, "%s must be a whole number", idx(name, i))
				}
				*ids[name] = append(*ids[name], n)
			}
		case strs[name] != nil:
			*strs[name] = append(*strs[name], nonEmpty...)
		case name == "ShowServiceDetails" || name == "RequiresRouteDecision":
			if last == "" {
				continue
			}
			b, err := strconv.ParseBool(last)
			if err != nil {
				p.Add(name, "%s must be true or false", name)
				continue
			}
			if name == "ShowServiceDetails" {
				f.ShowServiceDetails = b
			} else {
				f.RequiresRouteDecision = &b
			}
		case name == "Limit":
			f.Limit = ParseLimit(last, &p)
		case name == "After":
			f.After = last
		default:
			p.Add(name, "Unknown parameter %s", name)
		}
	}
	if err := p.Err(); err != nil {
		return f, err
	}
	return f, f.Validate()
}

package views

import (
	"sort"
	"strconv"
	"strings"
	"switchboard/domain"

	"github.com/a-h/templ"

	"switchboard/views/components"
)

// Element ids of the order search page.
const (
	IDOrderSearch    = "order-search"    // the filter form
	IDOrderResults   = "order-results"   // what search-as-you-type swaps
	IDOrderIndicator = "order-searching" // "Searching…" while htmx asks
)

// OrderSearchVM is the order search page: the filters as entered, what
// they found, and where the next page and the CSV export are.
type OrderSearchVM struct {
	Form     OrderSearchForm
	CanOrder bool              // offer the order wizards (reps and above)
	Errors   components.Errors // by control name: a filter that cannot be used

	Statuses     []Choice
	Types        []Choice
	Carriers     []Choice
	BillProfiles []Choice

	Rows      []OrderRow
	Filtered  bool   // at least one filter is set
	Paged     bool   // not the first page
	FirstURL  string // the first page of the same search
	NextURL   string // "" on the last page
	ExportURL string // /orders/export.csv with the same filters
	// CustomerNote explains a customer name search ("3 customers match …").
	CustomerNote string
}

// OrderSearchForm holds the text filters as typed.
type OrderSearchForm struct {
	OrderID    string
	PON        string
	TN         string
	Identifier string
	Customer   string // customer ids, or part of a name
	Route      string // "", "true" (waiting for a route decision) or "false"
	ShowLines  bool   // ShowServiceDetails
}

// Choice is one checkbox of a group.
type Choice struct {
	Value   string
	Label   string
	Checked bool
}

// CheckedLabels lists the labels of the checked choices, for a group's summary.
func CheckedLabels(cs []Choice) string {
	var out []string
	for _, c := range cs {
		if c.Checked {
			out = append(out, c.Label)
		}
	}
	switch {
	case len(out) == 0:
		return "any"
	case len(out) > 2:
		return strconv.Itoa(len(out)) + " chosen"
	}
	return strings.Join(out, ", ")
}

// OrderRow is one order in a list.
type OrderRow struct {
	ID         int64
	PON        string
	Type       string
	Status     string
	StatusNote string
	CustomerID int64
	Customer   string // the customer's name; "" when not looked up
	Carrier    string
	Account    string
	Created    string // shown
	CreatedISO string // for <time datetime>
	Age        string // "3 days", for lists of waiting orders
	Tracking   string
	Waiting    bool     // waiting for a route decision
	Routes     []string // the routes that can be chosen
	Lines      []OrderLineSummary
}

// OrderLineSummary is a line an order touches, as a list shows it.
type OrderLineSummary struct {
	LineID int64
	TN     string // formatted, or "new line"
	Action string
}

// OrderURL is an order's page.
func OrderURL(id int64) templ.SafeURL {
	return templ.URL("/orders/" + strconv.FormatInt(id, 10))
}

// TypeLabel is an order type as a rep reads it.
func TypeLabel(t string) string { return domain.OrderTypeLabel(t) }

func id64(n int64) string { return strconv.FormatInt(n, 10) }

// sortedFields lists the fields of e with errors, the form-wide ones first.
func sortedFields(e components.Errors) []string {
	out := make([]string, 0, len(e))
	for f := range e {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// CustomerLabel is the customer's name, or "Customer 12" when it is not known.
func (o OrderRow) CustomerLabel() string {
	if o.Customer != "" {
		return o.Customer
	}
	return "Customer " + id64(o.CustomerID)
}

// shortNote is a status note cut to a list's width, at a word.
func shortNote(s string) string {
	const max = 60
	if len([]rune(s)) <= max {
		return s
	}
	r := []rune(s)[:max]
	if i := strings.LastIndexByte(string(r), ' '); i > max/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

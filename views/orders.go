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
	Count     *domain.OrderCount // how many match; nil when not counted
	Filtered  bool               // at least one filter is set
	Paged     bool               // not the first page
	Stale     bool               // the page's cursor does not fit the search
	FirstURL  string             // the first page of the same search
	PrevURL   string             // "" on the first page
	NextURL   string             // "" on the last page
	ExportURL string             // /orders/export.csv with the same filters
	// SortURLs are the first pages of the same search in each sort.
	SortURLs map[domain.OrderSort]string
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
	Sort       domain.OrderSort
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
	Changed    string // last changed, shown
	ChangedISO string
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

// CountText says how many orders match: "1 order matches", "More than
// 1,000 orders match".
func (vm OrderSearchVM) CountText() string {
	if vm.Count == nil {
		return ""
	}
	n := vm.Count.N
	switch {
	case vm.Count.More:
		return "More than " + thousands(n) + " orders match"
	case !vm.Filtered && n == 1:
		return "1 order"
	case !vm.Filtered:
		return thousands(n) + " orders"
	case n == 1:
		return "1 order matches"
	}
	return thousands(n) + " orders match"
}

// thousands writes n with a comma between each group of three digits.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// SortChoice is a sort the list offers.
type SortChoice struct {
	Value    string
	Label    string
	Selected bool
}

// SortChoices are the sorts the list offers, the chosen one selected.
func (vm OrderSearchVM) SortChoices() []SortChoice {
	var out []SortChoice
	for _, o := range domain.OrderSorts {
		v := string(o)
		if v == "" {
			v = "newest"
		}
		out = append(out, SortChoice{Value: v, Label: o.Label(), Selected: o == vm.Form.Sort})
	}
	return out
}

// ariaSort is a column header's aria-sort for the list's sort: the
// created column is sorted by newest and oldest first, the changed one
// by last changed first.
func (vm OrderSearchVM) ariaSort(column string) string {
	switch {
	case column == "created" && vm.Form.Sort == domain.SortNewest, column == "changed" && vm.Form.Sort == domain.SortChanged:
		return "descending"
	case column == "created" && vm.Form.Sort == domain.SortOldest:
		return "ascending"
	}
	return "none"
}

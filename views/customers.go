package views

import (
	"net/url"
	"strconv"

	"github.com/a-h/templ"

	"switchboard/domain"
	"switchboard/views/components"
)

// Element ids of the customer pages. The orders section of the customer
// page is filled in by the order pages (see CustomerShowVM.Orders).
const (
	IDCustomerSearch    = "customer-search"    // the search box
	IDCustomerIndicator = "customer-searching" // "Searching…" while htmx asks
	IDCustomerPage      = "customer"           // the customer page's content
	IDCustomerLines     = "customer-lines"
	IDCustomerInventory = "customer-inventory"
	IDCustomerOrders    = "customer-orders"        // the customer's orders and the order wizards
	IDCustomerOrderList = "customer-orders-list"   // where the order list goes inside it
	IDCustomerWizards   = "customer-order-actions" // links to /orders/new and /orders/create
)

// CustomerSearchVM is the customer search page.
type CustomerSearchVM struct {
	Search  string
	Rows    []CustomerRow
	NextURL string // "" on the last page
	Paged   bool   // not the first page
}

// CustomerRow is one customer in the search results.
type CustomerRow struct {
	ID          int64
	Name        string
	Status      string
	BillProfile string
	City        string
	State       string
	Lines       int
}

// CustomerShowVM is one customer's page. SSN and TaxID are masked already:
// the clear values never reach a view.
type CustomerShowVM struct {
	ID          int64
	Name        string
	Status      string
	BillProfile string
	Address     domain.Address
	SSNMasked   string
	TaxIDMasked string
	Created     string

	Lines        []LineRow
	LinesNextURL string
	LinesPaged   bool

	Inventory        []InventoryRow
	InventoryNextURL string

	// CanOrder shows the order wizards' links (reps and above).
	CanOrder bool
	// Orders is the customer's order list, drawn by the order pages. Nil
	// shows a placeholder.
	Orders templ.Component

	// Quotes is the customer's quotes and "Start a quote" (see CustomerQuotes).
	Quotes templ.Component
}

// LineRow is one line (service) on the customer page.
type LineRow struct {
	ID          int64
	TN          string // formatted: (312) 555-0101
	Status      string
	SuspendType string
	Carrier     string
	Account     string
	Package     string
	ServiceType string
	Description string
	Products    []ProductRow
}

// ProductRow is one product on a line.
type ProductRow struct {
	ID          int64
	ProductID   int64
	Description string
	Rate        string
	Quantity    int
}

// InventoryRow is one inventory item assigned to the customer.
type InventoryRow struct {
	Identifier string
	Type       string
	Status     string
	Line       string // the line's formatted TN, or its id
	LineID     int64
}

// FormatTN shows a ten-digit number as (312) 555-0101, and an 11-digit one
// starting with 1 as 1 (312) 555-0101. Anything else is shown as stored.
func FormatTN(tn string) string { return components.FormatTN(tn) }

// orderLink is a wizard's address for a customer.
func orderLink(path string, customerID int64) templ.SafeURL {
	return templ.URL(path + "?CustomerID=" + strconv.FormatInt(customerID, 10))
}

// customerURL is a customer's page.
func customerURL(id int64) templ.SafeURL {
	return templ.URL("/customers/" + strconv.FormatInt(id, 10))
}

// firstPageURL is the first page of a customer search.
func firstPageURL(search string) string {
	if search == "" {
		return "/customers"
	}
	return "/customers?Search=" + url.QueryEscape(search)
}

// cityLine is "Chicago, IL 60601-1234".
func cityLine(a domain.Address) string {
	zip := a.Zip
	if a.Zip4 != "" {
		zip += "-" + a.Zip4
	}
	return a.City + ", " + a.State + " " + zip
}

package views

import (
	"strings"

	"switchboard/domain"
	"switchboard/views/components"
)

// Element ids of the order page.
const (
	IDOrderPage    = "order-page"    // the page's content: an htmx form answer replaces it
	IDOrderUpdate  = "order-update"  // the update form's section
	IDOrderHistory = "order-history" // the timeline
	IDOrderLines   = "order-lines"
	IDOrderRelated = "order-related"
)

// OrderShowVM is one order's page. Secrets are masked already.
type OrderShowVM struct {
	ID           int64
	PON          string
	Type         string
	Status       string
	StatusNote   string
	CustomerID   int64
	CustomerName string
	Carrier      string
	Account      string
	FlowThrough  bool
	SendNow      bool
	Created      string
	CreatedISO   string
	Completion   string
	Tracking     string
	Shipping     string
	Process      string // "" when the order has none
	Route        string // the chosen route's description
	Waiting      bool   // waiting for a route decision
	Routes       []string
	Next         string // what happens next to the order, in words (NextWords)
	RouteHeld    bool   // a supervisor's route choice can still be undone
	MayRoute     bool   // the viewer may choose (or undo) routes on /routes
	Version      int

	// The kind's details; empty values are not shown.
	BillingOption         string
	Reconnect             bool
	SuspendType           string
	InventoryItemStatus   string
	IgnoreRelatedProducts bool
	NewPackage            string
	ShippingAddress       *domain.Address
	Port                  *PortView
	Provider              *ProviderVM // what the background jobs know; nil for an order never meant for one
	Lines                 []OrderLineView

	SameCustomer    []OrderRow
	SameCustomerURL string // the search for all of the customer's orders
	SameLines       []OrderRow
	SameLinesURL    string // the search for all orders on the same lines

	History []HistoryEntry

	// Update is the update form; nil when the user may not update orders.
	Update *OrderUpdateForm
}

// PortView is an order's wireless port request. PIN is never the value:
// only whether one is on file.
type PortView struct {
	MDN              string
	AccountNumber    string
	AuthorizedSigner string
	PINOnFile        bool
	Remark           string
	Address          domain.Address
	ExternalProvider string
}

// OrderLineView is one line an order touches, with its products.
type OrderLineView struct {
	LineID      int64
	TN          string
	Action      string
	Package     string
	Carrier     string
	Account     string
	ServiceType string
	Description string
	PBX         string
	AltBTNID    int64
	AltBTN      string // the Alt BTN line as a rep reads it: its number
	Inventory   []string
	Products    []OrderProductView
}

// HasDetails reports whether the line shows anything under its heading.
func (l OrderLineView) HasDetails() bool {
	return l.Package != "" || l.Carrier != "" || l.ServiceType != "" || l.Description != "" ||
		l.PBX != "" || l.AltBTNID != 0 || len(l.Inventory) > 0 || len(l.Products) > 0
}

// OrderProductView is one product an order adds, changes or removes.
type OrderProductView struct {
	Op                string
	ProductID         int64
	CustomerProductID int64
	Description       string
	Rate              string
	Quantity          int
	Source            string
}

// HistoryEntry is one event of an order's history.
type HistoryEntry struct {
	At      string
	AtISO   string
	User    string
	Action  string
	Changes []ChangeView
}

// ChangeView is one field's value before and after. Set is a field that
// had no value before (every field of a new order).
type ChangeView struct {
	Field  string
	Before string
	After  string
	Set    bool
}

// OrderUpdateForm is Orders_Update as a form: the moves this user may make
// from the order's status, and the other fields, as entered.
type OrderUpdateForm struct {
	OrderID int64
	Version int
	Final   bool // COMPLETE or CANCELED: only tracking, shipping and a note change

	Current string              // the order's status
	Moves   []components.Option // the statuses this user may move the order to
	Status  string              // the chosen move ("" keeps the status)

	// The final moves, each its own button to a confirmation page.
	CanComplete bool
	CanCancel   bool

	StatusNote     string
	CompletionDate string
	TrackingNumber string
	ShippingStatus string
	Shipping       []components.Option
	FlowThrough    bool

	ProcessID string
	Processes []components.Option

	CanRoute     bool // a supervisor: the route can be chosen here
	NeedsRoute   bool // the order waits for a route decision
	RouteID      string
	RouteOptions []components.Option

	// Read holds the fields as stored when the form was drawn (posted back
	// as Read.<name>), so after a conflict a field the person did not touch
	// shows the newer stored value instead of undoing someone else's change.
	Read map[string]string

	Errors   components.Errors
	Conflict string // someone else saved the order since this form was read
	Notice   string // a message for the whole form
}

// MoveOptions are the choices of the status select: keep, then each move.
func (f *OrderUpdateForm) MoveOptions() []components.Option {
	opts := []components.Option{{Value: "", Label: "Keep " + domain.StatusLabel(f.Current), Selected: f.Status == ""}}
	for _, m := range f.Moves {
		m.Selected = m.Value == f.Status
		opts = append(opts, m)
	}
	return opts
}

// Selected marks the option whose value is v.
func Selected(opts []components.Option, v string) []components.Option {
	out := make([]components.Option, len(opts))
	for i, o := range opts {
		o.Selected = o.Value == v
		out[i] = o
	}
	return out
}

func joinComma(s []string) string { return strings.Join(s, ", ") }

// optionLabels is "Sent, On hold or Payment hold": the moves in words.
func optionLabels(opts []components.Option) string {
	codes := make([]string, len(opts))
	for i, o := range opts {
		codes[i] = o.Value
	}
	return domain.StatusLabels(codes)
}

// ShippingLabel is a shipping status as a rep reads it.
func ShippingLabel(s string) string { return domain.ShippingLabel(s) }

// ReadFields lists the fields whose stored value the form posts back.
var ReadFields = []string{"TrackingNumber", "ShippingStatus", "FlowThroughFlag", "ProcessID", "ProcessRouteID"}

// productsLabel names a line's product table for screen readers.
func productsLabel(tn string) string {
	if tn == "" {
		return "Products on the new line"
	}
	return "Products on " + tn
}

package domain

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Order statuses (Rev.io's Enum_Order_Status; NOT_SPECIFIED is never stored).
const (
	OrderNew          = "NEW"
	OrderSent         = "SENT"
	OrderError        = "ERROR"
	OrderConfirmed    = "CONFIRMED"
	OrderComplete     = "COMPLETE"
	OrderCanceled     = "CANCELED"
	OrderHold         = "HOLD"
	OrderFlowError    = "FLOW_ERROR"
	OrderPaymentHold  = "PAYMENT_HOLD"
	OrderLifelineHold = "LIFELINE_HOLD"
	OrderJeopardy     = "JEOPARDY"
	OrderProvisioned  = "PROVISIONED"
)

// OrderStatuses lists every order status in Rev.io's order.
var OrderStatuses = []string{
	OrderNew, OrderSent, OrderError, OrderConfirmed, OrderComplete, OrderCanceled,
	OrderHold, OrderFlowError, OrderPaymentHold, OrderLifelineHold, OrderJeopardy, OrderProvisioned,
}

// Order types (Enum_Order_Type).
const (
	TypeNew           = "NEW" // NewOrders_Create; a reconnect is NEW with Reconnect set
	TypeSuspend       = "SUSPEND"
	TypeDisconnect    = "DISCONNECT"
	TypeRestore       = "RESTORE"
	TypeAddLine       = "ADD_LINE"
	TypeChangeFeature = "CHANGE_FEATURE" // Orders_Create's Change
	TypePackageChange = "PACKAGE_CHANGE"
	TypePort          = "PORT"
)

// OrderTypes lists every order type.
var OrderTypes = []string{
	TypeNew, TypeSuspend, TypeDisconnect, TypeRestore, TypeAddLine, TypeChangeFeature, TypePackageChange, TypePort,
}

// Suspend types (Enum_Suspend_Type). OUTGOING is not for wireless lines.
const (
	SuspendAll      = "ALL"
	SuspendIncoming = "INCOMING"
	SuspendOutgoing = "OUTGOING"
)

// SuspendTypes lists every suspend type.
var SuspendTypes = []string{SuspendAll, SuspendIncoming, SuspendOutgoing}

// SuspendAllowed reports whether a line of carrier c may be suspended
// with suspend type t: OUTGOING is not available for wireless lines.
func SuspendAllowed(t string, c *Carrier) bool {
	return t != SuspendOutgoing || c == nil || !c.Wireless
}

// Billing options for AddLine and Change orders.
const (
	BillDifference = "DIFFERENCE" // charge the difference this bill cycle
	BillNextCycle  = "NEXT_CYCLE" // start charging next cycle, no proration
	BillProrate    = "PRORATE"    // charge from the completion date
)

// BillingOptions lists every billing option.
var BillingOptions = []string{BillDifference, BillNextCycle, BillProrate}

// Shipping statuses. Orders_Update accepts only NOT_SHIPPED and SHIPPED.
const (
	ShippingNotRequired = "NOT_REQUIRED"
	ShippingNotShipped  = "NOT_SHIPPED"
	ShippingShipped     = "SHIPPED"
)

// ShippingStatuses lists every shipping status.
var ShippingStatuses = []string{ShippingNotRequired, ShippingNotShipped, ShippingShipped}

// What an order does to one line (OrderItem.Action).
const (
	ItemAdd           = "ADD"            // creates the line (PENDING until the order completes)
	ItemSuspend       = "SUSPEND"        // suspends it
	ItemRestore       = "RESTORE"        // restores it
	ItemDisconnect    = "DISCONNECT"     // disconnects it
	ItemChange        = "CHANGE"         // changes its products
	ItemPackageChange = "PACKAGE_CHANGE" // moves it to another package
)

// What an order does to one product of a line (OrderProduct.Op).
const (
	ProductAdd    = "ADD"
	ProductChange = "CHANGE"
	ProductRemove = "REMOVE"
)

// Why a product is on an order (OrderProduct.Source).
const (
	SourceRequested = "REQUESTED" // named in the request
	SourcePackage   = "PACKAGE"   // comes with the line's package
	SourceRelated   = "RELATED"   // in a product group with a requested one
)

// Order is a request to a provider (carrier) about one customer's lines.
// Each order goes to one carrier account.
type Order struct {
	ID                    int64      `db:"id"`
	PON                   string     `db:"pon"`
	Type                  string     `db:"order_type"`
	Status                string     `db:"status"`
	StatusNote            string     `db:"status_note"`
	CustomerID            int64      `db:"customer_id"`
	CarrierID             int64      `db:"carrier_id"`
	CarrierAccountID      int64      `db:"carrier_account_id"`
	FlowThrough           bool       `db:"flow_through"`
	CreatedAt             time.Time  `db:"created_at"`
	UpdatedAt             time.Time  `db:"updated_at"` // set by every write of the order: its last change
	CompletionDate        *time.Time `db:"completion_date"`
	TrackingNumber        string     `db:"tracking_number"`
	ShippingStatus        string     `db:"shipping_status"`
	ProcessID             *int64     `db:"process_id"`
	ProcessRouteID        *int64     `db:"process_route_id"`
	RequiresRouteDecision bool       `db:"requires_route_decision"`
	RouteSendAt           *time.Time `db:"route_send_at"` // a supervisor's route choice is held (undoable, not sent) until then; see RouteHeld
	BillingOption         string     `db:"billing_option"`
	Reconnect             bool       `db:"reconnect"`
	Version               int        `db:"version"`  // bumped by every update; the ETag
	SendNow               bool       `db:"send_now"` // SendOrders: send without waiting for flow-through
	SuspendType           string     `db:"suspend_type"`
	InventoryItemStatus   string     `db:"inventory_item_status"` // a disconnect's inventory status on completion
	IgnoreRelatedProducts bool       `db:"ignore_related_products"`
	Prorate               bool       `db:"prorate"`
	NewPackageID          *int64     `db:"new_package_id"`
	ShippingAddressID     *int64     `db:"shipping_address_id"`

	// Filled by the store's joins for lists and pages.
	CarrierName        string  `db:"carrier_name"`
	CarrierAccountName string  `db:"carrier_account_name"`
	Routes             []Route `db:"-"` // the routes of the order's process

	WirelessPort    *WirelessPort `db:"-"`
	ShippingAddress *Address      `db:"-"`
	Items           []*OrderItem  `db:"-"`
}

// WirelessPort is a request to port a mobile number in from another provider.
type WirelessPort struct {
	OrderID          int64   `db:"order_id"`
	MDN              string  `db:"mdn"`
	AccountNumber    string  `db:"account_number"`
	AuthorizedSigner string  `db:"authorized_signer"`
	PINPassword      Secret  `db:"-"`
	Remark           string  `db:"remark"`
	AddressID        int64   `db:"address_id"`
	Address          Address `db:"-"`
	ExternalProvider string  `db:"external_provider"`
}

// OrderItem is one line an order touches.
type OrderItem struct {
	ID      int64  `db:"id"`
	OrderID int64  `db:"order_id"`
	LineID  int64  `db:"line_id"` // 0 until a new line is created; see OrderPlan.LinkLines
	TN      string `db:"tn"`
	Action  string `db:"action"`

	// The new line's settings (ItemAdd). PackageID is the new package of a
	// package change, else the line's package when the order was made (so a
	// disconnected line's package stays known).
	PackageID        int64  `db:"package_id"`
	CarrierID        int64  `db:"carrier_id"`
	CarrierAccountID int64  `db:"carrier_account_id"`
	Description      string `db:"description"`
	AltBTNID         *int64 `db:"alt_btn_id"`
	PBXMake          string `db:"pbx_make"`
	PBXModel         string `db:"pbx_model"`
	LineTypeID       *int64 `db:"line_type_id"`

	LineStatus           string          `db:"-"` // the line's status now, filled for the route queue
	InventoryIdentifiers []string        `db:"-"` // ESN, ICCID given with the order; a disconnect's, those it releases
	Products             []*OrderProduct `db:"-"`
	NewLine              *Line           `db:"-"` // the line this item creates (ItemAdd, while planning)
}

// OrderProduct is one product an order adds to, changes on or removes from a line.
type OrderProduct struct {
	ID                int64  `db:"id"`
	OrderItemID       int64  `db:"order_item_id"`
	Op                string `db:"op"`
	ProductID         int64  `db:"product_id"`
	CustomerProductID *int64 `db:"customer_product_id"` // CHANGE and REMOVE
	Rate              Money  `db:"rate"`
	Quantity          int    `db:"quantity"`
	Description       string `db:"description"`
	Source            string `db:"source"`
}

// Open reports whether the order is neither COMPLETE nor CANCELED.
func (o *Order) Open() bool { return !IsFinalStatus(o.Status) }

// AwaitingRoute reports whether the order waits for a route decision: open,
// and its process needs a route that is not chosen. A COMPLETE or CANCELED
// order waits for nothing, whatever its process.
func (o *Order) AwaitingRoute() bool { return o.RequiresRouteDecision && o.Open() }

// Item returns the order's item for lineID, or nil.
func (o *Order) Item(lineID int64) *OrderItem {
	for _, it := range o.Items {
		if it != nil && it.LineID == lineID {
			return it
		}
	}
	return nil
}

// TNs lists the TNs of the order's lines, without blanks.
func (o *Order) TNs() []string {
	var tns []string
	for _, it := range o.Items {
		if it != nil && it.TN != "" {
			tns = append(tns, it.TN)
		}
	}
	return tns
}

// Validate checks what every stored order must hold.
func (o *Order) Validate() error {
	var p Problems
	p.Check(ValidPON(o.PON), "PON", "PON must be 16 upper-case letters and digits")
	p.Check(OneOf(o.Type, OrderTypes), "OrderType", "OrderType must be one of %s", strings.Join(OrderTypes, ", "))
	p.Check(OneOf(o.Status, OrderStatuses), "Status", "Status must be one of %s", strings.Join(OrderStatuses, ", "))
	p.Check(o.CustomerID > 0, "CustomerID", "CustomerID is required")
	p.Check(o.CarrierID > 0, "CarrierID", "CarrierID is required")
	p.Check(o.CarrierAccountID > 0, "CarrierAccountID", "CarrierAccountID is required")
	p.Check(o.ShippingStatus == "" || OneOf(o.ShippingStatus, ShippingStatuses), "ShippingStatus",
		"ShippingStatus must be one of %s", strings.Join(ShippingStatuses, ", "))
	p.Check(o.SuspendType == "" || OneOf(o.SuspendType, SuspendTypes), "SuspendType",
		"SuspendType must be one of %s", strings.Join(SuspendTypes, ", "))
	p.Check(o.BillingOption == "" || OneOf(o.BillingOption, BillingOptions), "BillingOption",
		"BillingOption must be one of %s", strings.Join(BillingOptions, ", "))
	p.Check(len(o.Items) > 0, "Lines", "An order must touch at least one line")
	return p.Err()
}

// PONLength is the length of every PON.
const PONLength = 16

const ponAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// NewPON returns a random PON of 16 upper-case letters and digits, read from
// r (pass crypto/rand.Reader). Every character is equally likely. The store
// makes PONs unique and draws again on a clash.
func NewPON(r io.Reader) (string, error) {
	// 252 = 7*36: bytes at or above it are dropped so no character is favoured.
	const limit = 252
	out := make([]byte, 0, PONLength)
	buf := make([]byte, 32)
	for tries := 0; len(out) < PONLength; tries++ {
		if tries == 16 {
			return "", fmt.Errorf("new PON: randomness source keeps giving unusable bytes")
		}
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", fmt.Errorf("new PON: %w", err)
		}
		for _, b := range buf {
			if b < limit && len(out) < PONLength {
				out = append(out, ponAlphabet[int(b)%len(ponAlphabet)])
			}
		}
	}
	return string(out), nil
}

// ValidPON reports whether s is 16 upper-case letters and digits.
func ValidPON(s string) bool {
	if len(s) != PONLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune(ponAlphabet, rune(s[i])) {
			return false
		}
	}
	return true
}

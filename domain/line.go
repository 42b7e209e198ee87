package domain

import (
	"context"
	"strings"
	"time"
)

// Line statuses.
const (
	LineActive       = "ACTIVE"
	LineSuspended    = "SUSPENDED"
	LineDisconnected = "DISCONNECTED"
	LinePending      = "PENDING"
)

// LineStatuses lists every line status.
var LineStatuses = []string{LineActive, LineSuspended, LineDisconnected, LinePending}

// Why a line cannot take an order item (Line.Refusal).
const (
	RefuseNotActive    = "not_active"    // only an ACTIVE line can be suspended
	RefuseNotSuspended = "not_suspended" // only a SUSPENDED line can be restored
	RefuseDisconnected = "disconnected"  // a DISCONNECTED line takes no more orders
)

// Refusal says why the line cannot take an order item of action
// (ItemSuspend, ItemRestore, ItemDisconnect, ItemChange,
// ItemPackageChange) as its status stands: one of the Refuse codes, or ""
// when it can. Open orders on the line are another rule (checkOpenOrders).
func (l *Line) Refusal(action string) string {
	switch {
	case action == ItemSuspend && l.Status != LineActive:
		return RefuseNotActive
	case action == ItemRestore && l.Status != LineSuspended:
		return RefuseNotSuspended
	case (action == ItemDisconnect || action == ItemChange || action == ItemPackageChange) && l.Status == LineDisconnected:
		return RefuseDisconnected
	}
	return ""
}

// LineStatusesFor lists the statuses of a line that can take an order item
// of action: those Refusal has no objection to.
func LineStatusesFor(action string) []string {
	var out []string
	for _, s := range LineStatuses {
		if (&Line{Status: s}).Refusal(action) == "" {
			out = append(out, s)
		}
	}
	return out
}

// Line is a service on a customer's account.
type Line struct {
	ID               int64              `db:"id"`
	CustomerID       int64              `db:"customer_id"`
	TN               string             `db:"tn"`
	PackageID        int64              `db:"package_id"`
	CarrierID        int64              `db:"carrier_id"`
	CarrierAccountID int64              `db:"carrier_account_id"`
	LineTypeID       *int64             `db:"line_type_id"`
	Description      string             `db:"description"`
	AltBTNID         *int64             `db:"alt_btn_id"`
	PBXMake          string             `db:"pbx_make"`
	PBXModel         string             `db:"pbx_model"`
	Status           string             `db:"status"`
	SuspendType      string             `db:"suspend_type"`
	CreatedAt        time.Time          `db:"created_at"`
	Products         []*CustomerProduct `db:"-"`
}

// CustomerProduct is a product on a line.
type CustomerProduct struct {
	ID          int64  `db:"id"`
	LineID      int64  `db:"line_id"`
	ProductID   int64  `db:"product_id"`
	Description string `db:"description"`
	Rate        Money  `db:"rate"`
	Quantity    int    `db:"quantity"`
}

// hasCustomerProduct reports whether the customer product id is on the line.
func (l *Line) hasCustomerProduct(id int64) bool {
	for _, cp := range l.Products {
		if cp != nil && cp.ID == id {
			return true
		}
	}
	return false
}

// NormalizeTN strips the punctuation people type in phone numbers and the
// country code 1: "(312) 555-0101" and "+1 312-555-0101" become "3125550101".
func NormalizeTN(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
		case c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '+':
		default:
			return strings.TrimSpace(s) // keep it: validation reports it
		}
	}
	// A North American number written with its country code ("+1 312 555
	// 0101", "1-312-555-0101"): no area code starts with 1, so the leading
	// 1 of eleven digits is the country code.
	if d := b.String(); len(d) == 11 && d[0] == '1' {
		return d[1:]
	}
	return b.String()
}

// ValidTN reports whether tn is a ten-digit number.
func ValidTN(tn string) bool { return len(tn) == 10 && AllDigits(tn) }

// LineFilter selects lines; nil fields are not filtered.
type LineFilter struct {
	CustomerID *int64
	TN         *string
	TNPrefix   *string // lines whose TN starts with these digits
	LineID     *int64
	Status     *string
	Page
}

// LineStore keeps lines and their products.
type LineStore interface {
	// FindLineByID returns ENOTFOUND if there is no such line.
	FindLineByID(ctx context.Context, id int64) (*Line, error)
	// FindLines returns a page of lines and the cursor of the next page.
	FindLines(ctx context.Context, f LineFilter) ([]*Line, string, error)
	// CountLinesByCustomer counts the lines of each customer in customerIDs
	// (a page of customers) in one query; a customer without lines is
	// absent. Returns EINVALID for more than MaxPageLimit ids.
	CountLinesByCustomer(ctx context.Context, customerIDs []int64) (map[int64]int, error)
}

package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PortNumber is a range of numbers ported (or ceased) on an order service.
// FirstNumber and LastNumber are digit strings of one length (leading
// zeros kept); Quantity is how many numbers the range holds. An associated
// number is a single number (Quantity 1, FirstNumber = LastNumber = it).
type PortNumber struct {
	ID               int64     `db:"id"`
	OrderServiceID   int64     `db:"order_service_id"`
	AssociatedNumber *string   `db:"associated_number"`
	Quantity         int64     `db:"quantity"`
	FirstNumber      string    `db:"first_number"`
	LastNumber       string    `db:"last_number"`
	PortAction       string    `db:"port_action"`
	CreatedAt        time.Time `db:"created_at"`
	UpdatedAt        time.Time `db:"updated_at"`
}

// MaxNumberLength is the longest number (the seed's String length 0..17).
const MaxNumberLength = 17

// The seed's field keys.
const (
	FieldOrderServiceID   = "OrderServices.OrderServiceID"
	FieldPortNumberList   = "Order.PortNumber"
	FieldQuantity         = "PortNumber.Quantity"
	FieldFirstNumber      = "PortNumber.FirstNumber"
	FieldLastNumber       = "PortNumber.LastNumber"
	FieldAssociatedNumber = "PortNumber.AssociatedNumber"
	FieldPortAction       = "PortNumber.PortAction"
	FieldPortNumberID     = "PortNumbers.ID"
	// FieldPortNumberPrefix begins the key of each PortNumberCreate field.
	FieldPortNumberPrefix = "PortNumber."
)

// PortNumberInput is PortNumberCreate: what a request asks for. A nil
// field was not given.
type PortNumberInput struct {
	AssociatedNumber *string `json:"AssociatedNumber"`
	Quantity         *int64  `json:"Quantity"`
	FirstNumber      *string `json:"FirstNumber"`
	LastNumber       *string `json:"LastNumber"`
	PortAction       *string `json:"PortAction"`
}

// ErrOrderServiceNotFound is the seed's answer for an unknown OrderServiceID.
func ErrOrderServiceNotFound(id int64) error {
	msg := fmt.Sprintf("Error retrieving the Order Service with ID %d.", id)
	return &Error{Code: ENOTFOUND, Message: msg, Fields: []FieldError{{Field: FieldOrderServiceID, Message: msg}}}
}

// ErrSavingNumbers is the seed's "Error saving numbers.": the range named
// is not on the service, or the database refused the write.
func ErrSavingNumbers() error {
	const msg = "Error saving numbers."
	return &Error{Code: EINVALID, Message: msg, Fields: []FieldError{{Field: FieldPortNumberID, Message: msg, Rule: RuleNotFound}}}
}

func forbidden(rule string, params map[string]string, format string, args ...any) error {
	return ErrorRule(EFORBIDDEN, rule, params, format, args...)
}

// checkNumber is ParseNumber recording its problem on field.
func checkNumber(p *Problems, field, s, name string) string {
	n, msg := ParseNumber(s, name)
	switch {
	case msg == "":
	case s == "":
		p.AddRule(field, RuleRequired, nil, "%s", msg)
	case !AllDigits(s):
		p.AddRule(field, RuleDigits, nil, "%s", msg)
	default:
		p.AddRule(field, RuleTooLong, kv("Max", itoa(MaxNumberLength), "Unit", "digits"), "%s", msg)
	}
	return n
}

// ParseNumber checks one number as the API takes it: digits only, 1 to 17
// of them. name is the field's name for the message.
func ParseNumber(s, name string) (string, string) {
	switch {
	case s == "":
		return "", name + " is required"
	case !AllDigits(s):
		return "", name + " must be digits only (0-9), with no spaces or punctuation"
	case len(s) > MaxNumberLength:
		return "", fmt.Sprintf("%s must be at most %d digits", name, MaxNumberLength)
	}
	return s, ""
}

// numberValue is the value of a checked digit string.
func numberValue(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64) // at most 17 digits: always fits
	return n
}

// formatNumber writes n with width digits, leading zeros kept. It reports
// false when n does not fit in width digits.
func formatNumber(n int64, width int) (string, bool) {
	s := fmt.Sprintf("%0*d", width, n)
	return s, n >= 0 && len(s) == width
}

// Overlaps reports whether a and b share a number: same length, and their
// ranges meet.
func (pn *PortNumber) Overlaps(b *PortNumber) bool {
	if len(pn.FirstNumber) != len(b.FirstNumber) {
		return false
	}
	return numberValue(pn.FirstNumber) <= numberValue(b.LastNumber) && numberValue(b.FirstNumber) <= numberValue(pn.LastNumber)
}

// Range shows the range as people read it: "3125550100 to 3125550199", or the one number.
func (pn *PortNumber) Range() string {
	if pn.FirstNumber == pn.LastNumber {
		return pn.FirstNumber
	}
	return pn.FirstNumber + " to " + pn.LastNumber
}

func trimmed(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

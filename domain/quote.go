package domain

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Port actions (PortNumberActions).
const (
	PortActionPort  = "Port"
	PortActionCease = "Cease"
)

// PortActions lists every port action.
var PortActions = []string{PortActionPort, PortActionCease}

// ServiceDesign is the design an order service is made from (aBILLity's
// service designer): whether it has a PortingNumber control, which
// PortActions it allows and its maximum port quantity (the X of seed 002).
type ServiceDesign struct {
	ID                   int64     `db:"id"`
	Name                 string    `db:"name"`
	PortingNumberControl bool      `db:"porting_number_control"`
	PortActions          []string  `db:"-"`
	MaxPortQuantity      int64     `db:"max_port_quantity"`
	CreatedAt            time.Time `db:"created_at"`
}

// MaxServiceDesignQuantity bounds a design's maximum port quantity.
const MaxServiceDesignQuantity = 100000

// Allows reports whether the design allows port action a.
func (d *ServiceDesign) Allows(a string) bool { return slices.Contains(d.PortActions, a) }

// Validate checks a design before it is stored. PortActions keep the
// order of PortActions.
func (d *ServiceDesign) Validate() error {
	var p Problems
	d.Name = strings.TrimSpace(d.Name)
	if CheckChars(&p, "Name", "Name", d.Name) {
		p.CheckRule(d.Name != "", "Name", RuleRequired, nil, "Name is required")
		p.CheckRule(len([]rune(d.Name)) <= 100, "Name", RuleTooLong, kv("Max", "100"), "Name must be at most 100 characters")
	}
	var acts []string
	for _, a := range PortActions {
		if slices.Contains(d.PortActions, a) {
			acts = append(acts, a)
		}
	}
	for _, a := range d.PortActions {
		if !slices.Contains(PortActions, a) {
			p.AddRule("PortActions", RuleOneOf, nil, "PortActions must be Port or Cease; got %q", a)
		}
	}
	d.PortActions = acts
	if d.PortingNumberControl {
		p.CheckRule(len(acts) > 0, "PortActions", RuleDesignPortAction, nil, "A design with a PortingNumber control must allow Port, Cease or both")
		p.CheckRule(d.MaxPortQuantity >= 1 && d.MaxPortQuantity <= MaxServiceDesignQuantity, "MaxPortQuantity", RuleRange, kv("Min", "1", "Max", itoa(MaxServiceDesignQuantity)),
			"MaxPortQuantity must be between 1 and %d", MaxServiceDesignQuantity)
	} else {
		p.CheckRule(d.MaxPortQuantity >= 0 && d.MaxPortQuantity <= MaxServiceDesignQuantity, "MaxPortQuantity", RuleRange, kv("Min", "0", "Max", itoa(MaxServiceDesignQuantity)),
			"MaxPortQuantity must be between 0 and %d", MaxServiceDesignQuantity)
	}
	return p.Err()
}

// Quote is a customer's quote: a set of order services. Converting it
// makes it an order (IsQuote false); its services then take no more port
// number changes.
type Quote struct {
	ID            int64           `db:"id"`
	CustomerID    int64           `db:"customer_id"`
	CustomerName  string          `db:"customer_name"`
	IsQuote       bool            `db:"is_quote"`
	CreatedAt     time.Time       `db:"created_at"`
	ConvertedAt   *time.Time      `db:"converted_at"`
	OrderServices []*OrderService `db:"-"`
}

// OrderService is one service on a quote or order, made from a design.
type OrderService struct {
	ID              int64         `db:"id"`
	QuoteID         int64         `db:"quote_id"`
	ServiceDesignID int64         `db:"service_design_id"`
	IsQuote         bool          `db:"is_quote"`
	CustomerID      int64         `db:"customer_id"`
	Design          ServiceDesign `db:"-"`
	PortNumbers     []*PortNumber `db:"-"`
}

// PortQuantity is the number of numbers the service's ranges hold.
func (s *OrderService) PortQuantity() int64 {
	var n int64
	for _, pn := range s.PortNumbers {
		n += pn.Quantity
	}
	return n
}

// QuoteStore keeps service designs, quotes, their order services and the
// services' port numbers. Every write records an AuditEvent (entity
// EntityQuote, the quote's id) by the user in ctx, in its transaction.
// CreateQuote, AddOrderService, ConvertQuote and AddPortNumbers also write
// the domain.CreateRecord in ctx, if any, in that transaction
// (*AlreadyCreated when its key was answered already).
type QuoteStore interface {
	// FindServiceDesigns lists designs by name.
	FindServiceDesigns(ctx context.Context) ([]*ServiceDesign, error)
	// FindServiceDesignByID returns ENOTFOUND if there is no such design.
	FindServiceDesignByID(ctx context.Context, id int64) (*ServiceDesign, error)
	// CreateServiceDesign stores d. Returns EINVALID for bad input.
	CreateServiceDesign(ctx context.Context, d *ServiceDesign) error
	// UpdateServiceDesign changes design d.ID. Returns ENOTFOUND, EINVALID.
	UpdateServiceDesign(ctx context.Context, d *ServiceDesign) error

	// CreateQuote opens a quote for customer customerID. Returns EINVALID
	// (field CustomerID) if there is no such customer.
	CreateQuote(ctx context.Context, customerID int64) (*Quote, error)
	// FindQuoteByID returns the quote with its order services, their
	// designs and port numbers. Returns ENOTFOUND if there is no such quote.
	FindQuoteByID(ctx context.Context, id int64) (*Quote, error)
	// FindQuotesByCustomer lists a customer's quotes, newest first, without services.
	FindQuotesByCustomer(ctx context.Context, customerID int64) ([]*Quote, error)
	// AddOrderService adds a service made from design designID to quote
	// quoteID. Returns ENOTFOUND for an unknown quote, EINVALID (field
	// ServiceDesignID) for an unknown design, EFORBIDDEN once converted.
	AddOrderService(ctx context.Context, quoteID, designID int64) (*OrderService, error)
	// ConvertQuote makes quote id an order. Returns ENOTFOUND, and
	// EFORBIDDEN if it is already one.
	ConvertQuote(ctx context.Context, id int64) (*Quote, error)

	// FindOrderService returns the service with its design and port
	// numbers. Returns ENOTFOUND (field OrderServices.OrderServiceID) if
	// there is no such service.
	FindOrderService(ctx context.Context, id int64) (*OrderService, error)
	// AddPortNumbers adds ranges to service serviceID, all or none, each
	// planned with PlanPortNumber on the transaction that writes, after the
	// service is locked, so concurrent additions are serialized. Returns
	// the stored ranges, or PlanPortNumber's errors (for several ranges,
	// each field error's Field is prefixed with "[i]").
	AddPortNumbers(ctx context.Context, serviceID int64, in []PortNumberInput) ([]*PortNumber, error)
	// UpdatePortNumber changes range id of service serviceID, checked like
	// an addition against the other ranges. Returns ErrSavingNumbers' error
	// when the service holds no range id.
	UpdatePortNumber(ctx context.Context, serviceID, id int64, in PortNumberInput) (*PortNumber, error)
	// RemovePortNumber removes range id of service serviceID, with the
	// checks of CheckServiceOpen.
	RemovePortNumber(ctx context.Context, serviceID, id int64) error
}

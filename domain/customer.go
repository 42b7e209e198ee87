package domain

import (
	"context"
	"strings"
	"time"
)

// Customer statuses.
const (
	CustomerActive   = "ACTIVE"
	CustomerPending  = "PENDING"
	CustomerInactive = "INACTIVE"
)

// Customer is an account that holds lines.
type Customer struct {
	ID               int64     `db:"id"`
	Name             string    `db:"name"`
	Status           string    `db:"status"`
	BillProfileID    int64     `db:"bill_profile_id"`
	ServiceAddressID int64     `db:"service_address_id"`
	ServiceAddress   Address   `db:"-"`
	SSN              Secret    `db:"-"`
	TaxID            Secret    `db:"-"`
	CreatedAt        time.Time `db:"created_at"`
}

// Validate checks a customer before it is created.
func (c *Customer) Validate() error {
	var p Problems
	c.Name = strings.TrimSpace(c.Name)
	p.Check(c.Name != "", "Name", "Name is required")
	p.Check(len(c.Name) <= 120, "Name", "Name must be at most 120 characters")
	if c.Status == "" {
		c.Status = CustomerActive
	}
	p.Check(c.Status == CustomerActive || c.Status == CustomerPending || c.Status == CustomerInactive,
		"Status", "Status must be ACTIVE, PENDING or INACTIVE")
	p.Check(c.BillProfileID > 0, "BillProfileID", "BillProfileID is required")
	c.ServiceAddress.Normalize()
	c.ServiceAddress.Validate(&p, "ServiceAddress", false)
	if s := c.SSN.Clear(); s != "" {
		d := strings.ReplaceAll(s, "-", "")
		p.Check(len(d) == 9 && AllDigits(d), "SSN", "SSN must be 9 digits")
		c.SSN = NewSecret(d)
	}
	if s := c.TaxID.Clear(); s != "" {
		d := strings.ReplaceAll(s, "-", "")
		p.Check(len(d) == 9 && AllDigits(d), "TaxID", "TaxID must be 9 digits")
		c.TaxID = NewSecret(d)
	}
	return p.Err()
}

// CustomerFilter selects customers. Search matches the name, the customer
// id, or a line's TN.
type CustomerFilter struct {
	Search string
	// LineStatuses, when given, keeps the customers with a line in one of them.
	LineStatuses []string
	Page
}

// CustomerStore keeps customers and their addresses.
type CustomerStore interface {
	// FindCustomerByID returns ENOTFOUND if there is no such customer.
	FindCustomerByID(ctx context.Context, id int64) (*Customer, error)
	// FindCustomers returns a page of customers by name and the cursor of the next page.
	FindCustomers(ctx context.Context, f CustomerFilter) ([]*Customer, string, error)
	// CreateCustomer stores c and its service address. Returns EINVALID for bad input.
	CreateCustomer(ctx context.Context, c *Customer) error
	// FindAddressByID returns ENOTFOUND if there is no such address.
	FindAddressByID(ctx context.Context, id int64) (*Address, error)
	// FindBillProfiles lists every bill profile.
	FindBillProfiles(ctx context.Context) ([]*BillProfile, error)
	// FindCustomerNames returns the names of the customers in customerIDs
	// (the customers of a page of orders) in one query; unknown ids are
	// absent. Returns EINVALID for more than MaxPageLimit ids.
	FindCustomerNames(ctx context.Context, customerIDs []int64) (map[int64]string, error)
}

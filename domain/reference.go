package domain

import (
	"context"
	"strconv"
	"strings"
)

// Carrier is a provider orders are sent to.
type Carrier struct {
	ID       int64  `db:"id" json:"CarrierID"`
	Name     string `db:"name" json:"Name"`
	Code     string `db:"code" json:"Code"`
	Wireless bool   `db:"wireless" json:"Wireless"`
}

// CarrierVerizon is the code of the one carrier reconnect ports support.
const CarrierVerizon = "VZW"

// CarrierAccount is an account the company holds at a carrier.
type CarrierAccount struct {
	ID        int64  `db:"id" json:"CarrierAccountID"`
	CarrierID int64  `db:"carrier_id" json:"CarrierID"`
	Name      string `db:"name" json:"Name"`
	Default   bool   `db:"is_default" json:"Default"`
}

// Product is a billable item (Settings > Products).
type Product struct {
	ID            int64  `db:"id" json:"ProductID"`
	Description   string `db:"description" json:"Description"`
	Rate          Money  `db:"rate" json:"Rate"`
	Provisionable bool   `db:"provisionable" json:"Provisionable"`
	CarrierID     *int64 `db:"carrier_id" json:"CarrierID"`
	// Ships marks a shipping charge: an order carrying it sends something
	// to the customer, so it needs a ShippingAddress.
	Ships bool `db:"ships" json:"Shipping"`
	// Role is what the product is to a package (PackagePlan, …); set only
	// on a Package's Products.
	Role string `db:"role" json:"Role,omitempty"`
}

// What a product is to a package (Package.Products' Role).
const (
	RolePlan     = "PLAN"     // the rate plan
	RoleIncluded = "INCLUDED" // an option the package includes
	RoleOneTime  = "ONE_TIME" // a one-time charge for a new service (activation, installation)
	RoleOptional = "OPTIONAL" // offered with the package, added only when asked for
)

// PackageRoles lists every role a package product may have.
var PackageRoles = []string{RolePlan, RoleIncluded, RoleOneTime, RoleOptional}

// recurring reports whether a package product of role comes with the
// package itself (its plan and included options): these move with a
// package change.
func recurring(role string) bool { return role == RolePlan || role == RoleIncluded }

// ProductGroup ties related products: adding one adds the others unless
// IgnoreRelatedProducts is set.
type ProductGroup struct {
	ID         int64   `db:"id" json:"ProductGroupID"`
	Name       string  `db:"name" json:"Name"`
	ProductIDs []int64 `db:"-" json:"ProductIDs"`
}

// Package is a carrier's bundle of products (Settings > Packages).
type Package struct {
	ID         int64     `db:"id" json:"PackageID"`
	Name       string    `db:"name" json:"Name"`
	CarrierID  int64     `db:"carrier_id" json:"CarrierID"`
	LineTypeID *int64    `db:"line_type_id" json:"LineTypeID"` // the service type of its lines; nil: any that fits the carrier
	Products   []Product `db:"-" json:"Products"`
}

// Takes reports whether a line of the package (nil: none) on carrier c
// may be of service type st: the package's own type when it names one,
// otherwise any type that fits the carrier.
func (p *Package) Takes(st *ServiceType, c *Carrier) bool {
	if p != nil && p.LineTypeID != nil {
		return *p.LineTypeID == st.ID
	}
	return st.Fits(c)
}

// ServiceTypeFor is the service type a line of the package takes when
// chosen is chosen (0: none yet): chosen while the package takes it,
// otherwise the package's own type, or 0 when it names none.
func (p *Package) ServiceTypeFor(chosen *ServiceType, c *Carrier) int64 {
	if chosen != nil && p.Takes(chosen, c) {
		return chosen.ID
	}
	if p != nil && p.LineTypeID != nil {
		return *p.LineTypeID
	}
	return 0
}

// ServiceType is a kind of line (Settings > Service Types).
type ServiceType struct {
	ID       int64  `db:"id" json:"LineTypeID"`
	Name     string `db:"name" json:"Name"`
	Wireless bool   `db:"wireless" json:"-"` // for lines of wireless carriers
}

// Fits reports whether the service type suits a line of carrier c: a
// wireless type for a wireless carrier, a wireline one otherwise. Any type
// fits while no carrier is known.
func (s *ServiceType) Fits(c *Carrier) bool { return c == nil || s.Wireless == c.Wireless }

// BillProfile groups customers for billing.
type BillProfile struct {
	ID   int64  `db:"id" json:"BillProfileID"`
	Name string `db:"name" json:"Name"`
}

// Route is one way through a process.
type Route struct {
	ID          int64  `db:"id" json:"ID"`
	ProcessID   int64  `db:"process_id" json:"-"`
	Description string `db:"description" json:"Description"`
	Meaning     string `db:"meaning" json:"-"` // what taking it means, in words, for the supervisor choosing; may be ""
}

// Process is a provisioning process (Settings > Processes). An order whose
// process has several routes needs a route decision before it is sent.
type Process struct {
	ID     int64   `db:"id" json:"ProcessID"`
	Name   string  `db:"name" json:"Name"`
	Routes []Route `db:"-" json:"Routes"`
}

// NeedsRouteDecision reports whether an order on p must have a route chosen.
func (p *Process) NeedsRouteDecision() bool { return p != nil && len(p.Routes) > 1 }

// HasRoute reports whether id is one of p's routes.
func (p *Process) HasRoute(id int64) bool {
	for _, r := range p.Routes {
		if r.ID == id {
			return true
		}
	}
	return false
}

// Page asks for one page of a list: at most Limit rows after the cursor
// After (the Next of the previous page).
type Page struct {
	Limit int
	After string
}

// Page limits.
const (
	DefaultPageLimit = 50
	MaxPageLimit     = 500
)

// ParseLimit reads a Limit query parameter: "" (not given) is the default;
// anything else must be a whole number from 1 to MaxPageLimit, so 0 and -1
// are refused alike.
func ParseLimit(s string, p *Problems) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return DefaultPageLimit
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxPageLimit {
		p.AddRule("Limit", RuleRange, kv("Min", "1", "Max", itoa(MaxPageLimit)), "Limit must be a whole number from 1 to %d (leave it out for %d)", MaxPageLimit, DefaultPageLimit)
		return DefaultPageLimit
	}
	return n
}

// Normalize applies the default and checks the bounds.
func (pg *Page) Normalize(p *Problems) {
	if pg.Limit == 0 {
		pg.Limit = DefaultPageLimit
	}
	p.CheckRule(pg.Limit >= 1 && pg.Limit <= MaxPageLimit, "Limit", RuleRange, kv("Min", "1", "Max", itoa(MaxPageLimit)), "Limit must be between 1 and %d", MaxPageLimit)
}

// ReferenceStore reads the settings every order refers to.
type ReferenceStore interface {
	// FindCarriers lists carriers by name.
	FindCarriers(ctx context.Context) ([]*Carrier, error)
	// FindCarrierByID returns ENOTFOUND if there is no such carrier.
	FindCarrierByID(ctx context.Context, id int64) (*Carrier, error)
	// FindCarrierAccounts lists carrier accounts.
	FindCarrierAccounts(ctx context.Context) ([]*CarrierAccount, error)
	// FindPackages lists packages with their products.
	FindPackages(ctx context.Context) ([]*Package, error)
	// FindProducts lists products.
	FindProducts(ctx context.Context) ([]*Product, error)
	// FindServiceTypes lists service types.
	FindServiceTypes(ctx context.Context) ([]*ServiceType, error)
	// FindProcesses lists processes with their routes.
	FindProcesses(ctx context.Context) ([]*Process, error)
	// FindReferenceNames returns the names of the rows ids names, in one
	// read, however many rows the tables hold.
	FindReferenceNames(ctx context.Context, ids ReferenceIDs) (*ReferenceNames, error)
}

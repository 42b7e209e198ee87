package domain

import (
	"context"
	"fmt"
)

// OrderLookup reads what the order rules need. The store implements it on
// the transaction that writes the orders, so what is checked is what is
// written. Each Find returns ENOTFOUND for an unknown id, code or TN; any
// other error stops the planning and is returned as it is.
type OrderLookup interface {
	FindCustomerByID(ctx context.Context, id int64) (*Customer, error)
	// FindLineByID returns the line with its Products.
	FindLineByID(ctx context.Context, id int64) (*Line, error)
	// FindLineByTN returns the line holding tn now, with its Products: the
	// newest line with that TN that is not DISCONNECTED, else the newest one.
	FindLineByTN(ctx context.Context, tn string) (*Line, error)
	// FindCustomerLines returns every line of the customer, with Products,
	// oldest first; none is not an error.
	FindCustomerLines(ctx context.Context, customerID int64) ([]*Line, error)
	// FindPackageByID returns the package with its Products.
	FindPackageByID(ctx context.Context, id int64) (*Package, error)
	FindProductByID(ctx context.Context, id int64) (*Product, error)
	// FindProductGroupsOf returns the groups productID is in, each with its
	// ProductIDs; none is not an error.
	FindProductGroupsOf(ctx context.Context, productID int64) ([]*ProductGroup, error)
	FindCarrierByID(ctx context.Context, id int64) (*Carrier, error)
	// FindCarrierByCode finds a carrier by its code ("VZW").
	FindCarrierByCode(ctx context.Context, code string) (*Carrier, error)
	// FindDefaultCarrierAccount returns ENOTFOUND when the carrier has no
	// default account.
	FindDefaultCarrierAccount(ctx context.Context, carrierID int64) (*CarrierAccount, error)
	FindCarrierAccountByID(ctx context.Context, id int64) (*CarrierAccount, error)
	FindServiceTypeByID(ctx context.Context, id int64) (*ServiceType, error)
	// FindProcessByID returns the process with its Routes.
	FindProcessByID(ctx context.Context, id int64) (*Process, error)
	FindInventoryByIdentifier(ctx context.Context, identifier string) (*InventoryItem, error)
	// FindLineInventory returns the inventory items on the line; none is
	// not an error.
	FindLineInventory(ctx context.Context, lineID int64) ([]*InventoryItem, error)
	// FindOpenOrdersOnLine returns the orders that touch the line and are
	// neither COMPLETE nor CANCELED, each with its Items; none is not an error.
	FindOpenOrdersOnLine(ctx context.Context, lineID int64) ([]*Order, error)
}

// planner checks an input against the store: it collects a problem per
// failed rule, remembers the first error that is not ENOTFOUND, and asks
// the store only once for each thing.
type planner struct {
	ctx   context.Context
	lk    OrderLookup
	p     Problems
	err   error
	cache map[string]cached

	typesMustFit bool // a service type must suit its package (NewOrdersInput.ServiceTypeMustFit)
}

type cached struct {
	v   any
	err error
}

func newPlanner(ctx context.Context, lk OrderLookup) *planner {
	return &planner{ctx: ctx, lk: lk, cache: map[string]cached{}}
}

// find asks the store once per kind and key. A nil answer without an error
// counts as not found.
func find[K comparable, V comparable](pl *planner, kind string, k K, f func(context.Context, K) (V, error)) (V, error) {
	key := fmt.Sprintf("%s:%v", kind, k)
	if c, ok := pl.cache[key]; ok {
		return c.v.(V), c.err
	}
	v, err := f(pl.ctx, k)
	var zero V
	if err == nil && v == zero {
		err = Errorf(ENOTFOUND, "%s %v not found", kind, k)
	}
	pl.cache[key] = cached{v: v, err: err}
	return v, err
}

// found records a missing thing as a problem on field, and any other error
// as the planning's failure. It reports whether err is nil.
func (pl *planner) found(err error, field, format string, args ...any) bool {
	switch {
	case err == nil:
		return true
	case ErrorCode(err) == ENOTFOUND:
		pl.p.AddRule(field, RuleNotFound, nil, format, args...)
	case pl.err == nil:
		pl.err = err
	}
	return false
}

// foundRule is found for a missing thing a rule of its own names.
func (pl *planner) foundRule(err error, field, rule string, params map[string]string, format string, args ...any) bool {
	if ErrorCode(err) == ENOTFOUND {
		pl.p.AddRule(field, rule, params, format, args...)
		return false
	}
	return pl.found(err, field, format, args...)
}

// quiet reports whether err is nil, recording only errors other than ENOTFOUND.
func (pl *planner) quiet(err error) bool {
	if err != nil && ErrorCode(err) != ENOTFOUND && pl.err == nil {
		pl.err = err
	}
	return err == nil
}

// result returns the first store failure, else every problem, else nil.
func (pl *planner) result() error {
	if pl.err != nil {
		return pl.err
	}
	return pl.p.Err()
}

func (pl *planner) customer(field string, id int64) *Customer {
	c, err := find(pl, "customer", id, pl.lk.FindCustomerByID)
	if !pl.found(err, field, "Customer %d does not exist", id) {
		return nil
	}
	return c
}

func (pl *planner) line(field string, id int64) *Line {
	l, err := find(pl, "line", id, pl.lk.FindLineByID)
	if !pl.found(err, field, "Line %d does not exist", id) {
		return nil
	}
	return l
}

// lineNumber is the TN of line id for a message ("" when it cannot be found).
func (pl *planner) lineNumber(id int64) string {
	l, err := find(pl, "line", id, pl.lk.FindLineByID)
	if !pl.quiet(err) {
		return ""
	}
	return l.TN
}

func (pl *planner) lineByTN(field, tn string) *Line {
	l, err := find(pl, "tn", tn, pl.lk.FindLineByTN)
	if !pl.found(err, field, "No line has TN %s", tn) {
		return nil
	}
	return l
}

func (pl *planner) customerLines(id int64) []*Line {
	ls, err := pl.lk.FindCustomerLines(pl.ctx, id)
	if !pl.quiet(err) {
		return nil
	}
	return ls
}

func (pl *planner) pkg(field string, id int64) *Package {
	p, err := find(pl, "package", id, pl.lk.FindPackageByID)
	if !pl.found(err, field, "Package %d does not exist", id) {
		return nil
	}
	return p
}

func (pl *planner) product(field string, id int64) *Product {
	p, err := find(pl, "product", id, pl.lk.FindProductByID)
	if !pl.found(err, field, "Product %d does not exist", id) {
		return nil
	}
	return p
}

func (pl *planner) productQuiet(id int64) *Product {
	p, err := find(pl, "product", id, pl.lk.FindProductByID)
	if !pl.quiet(err) {
		return nil
	}
	return p
}

func (pl *planner) groupsOf(productID int64) []*ProductGroup {
	key := fmt.Sprintf("groups:%d", productID)
	if c, ok := pl.cache[key]; ok {
		return c.v.([]*ProductGroup)
	}
	gs, err := pl.lk.FindProductGroupsOf(pl.ctx, productID)
	if !pl.quiet(err) {
		gs = nil
	}
	pl.cache[key] = cached{v: gs}
	return gs
}

func (pl *planner) carrier(field string, id int64) *Carrier {
	c, err := find(pl, "carrier", id, pl.lk.FindCarrierByID)
	if !pl.found(err, field, "Carrier %d does not exist", id) {
		return nil
	}
	return c
}

// carrierName names a carrier for a message: its name, or "carrier N".
func (pl *planner) carrierName(id int64) string {
	if c, err := find(pl, "carrier", id, pl.lk.FindCarrierByID); pl.quiet(err) {
		return fmt.Sprintf("%s (carrier %d)", c.Name, c.ID)
	}
	return fmt.Sprintf("carrier %d", id)
}

// carrierWords is a carrier's name alone, for a rule's Params.
func (pl *planner) carrierWords(id int64) string {
	if c, err := find(pl, "carrier", id, pl.lk.FindCarrierByID); pl.quiet(err) {
		return c.Name
	}
	return ""
}

func (pl *planner) account(field string, id int64) *CarrierAccount {
	a, err := find(pl, "account", id, pl.lk.FindCarrierAccountByID)
	if !pl.found(err, field, "Carrier account %d does not exist", id) {
		return nil
	}
	return a
}

func (pl *planner) defaultAccount(field string, c *Carrier) *CarrierAccount {
	a, err := find(pl, "default-account", c.ID, pl.lk.FindDefaultCarrierAccount)
	if !pl.foundRule(err, field, RuleNoDefaultAccount, kv("Carrier", c.Name), "Carrier %s has no default carrier account; give CarrierAccountID", c.Name) {
		return nil
	}
	return a
}

func (pl *planner) serviceType(field string, id int64) *ServiceType {
	s, err := find(pl, "service-type", id, pl.lk.FindServiceTypeByID)
	if !pl.found(err, field, "Service type %d does not exist", id) {
		return nil
	}
	return s
}

// lineType checks the service type id (0: none given) of a line of pkg
// (nil: none) on carrier c: it must exist and suit them (Package.Takes).
func (pl *planner) lineType(field string, id int64, pkg *Package, c *Carrier) *int64 {
	if id == 0 {
		return nil
	}
	st := pl.serviceType(field, id)
	if st == nil {
		return nil
	}
	if pl.typesMustFit && !pkg.Takes(st, c) {
		switch {
		case pkg != nil && pkg.LineTypeID != nil:
			own, err := find(pl, "service-type", *pkg.LineTypeID, pl.lk.FindServiceTypeByID)
			if pl.quiet(err) {
				pl.p.AddRule(field, RuleServiceTypeMismatch, map[string]string{"ServiceType": own.Name},
					"Service type %s does not fit package %s, whose lines are %s", st.Name, pkg.Name, own.Name)
			}
		case st.Wireless:
			pl.p.AddRule(field, RuleServiceTypeMismatch, nil, "Service type %s is for wireless lines; %s is a wireline carrier", st.Name, c.Name)
		default:
			pl.p.AddRule(field, RuleServiceTypeMismatch, nil, "Service type %s is for wireline lines; %s is a wireless carrier", st.Name, c.Name)
		}
	}
	return ptr(id)
}

func (pl *planner) process(field string, id int64) *Process {
	p, err := find(pl, "process", id, pl.lk.FindProcessByID)
	if !pl.found(err, field, "Process %d does not exist", id) {
		return nil
	}
	return p
}

// tnFree checks that no live line holds tn; label names it in the message.
func (pl *planner) tnFree(field, label, tn string) {
	l, err := find(pl, "tn", tn, pl.lk.FindLineByTN)
	if pl.quiet(err) && l.Status != LineDisconnected {
		pl.p.ConflictRule(field, RuleTNInUse, kv("TN", tn), "%s %s is already in use on line %d", label, tn, l.ID)
	}
}

func (pl *planner) lineInventory(lineID int64) []*InventoryItem {
	items, err := pl.lk.FindLineInventory(pl.ctx, lineID)
	if !pl.quiet(err) {
		return nil
	}
	return items
}

func (pl *planner) openOrders(lineID int64) []*Order {
	os, err := pl.lk.FindOpenOrdersOnLine(pl.ctx, lineID)
	if !pl.quiet(err) {
		return nil
	}
	return os
}

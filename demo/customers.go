package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"switchboard/db"
	"switchboard/domain"
)

// loadCustomers creates the customers of demoCustomers with their service
// addresses, SSN or TaxID (sealed by createCustomer) and a "create" audit
// event each, then dates each one back to when it became a customer.
func loadCustomers(ctx context.Context, ld *db.Loader, s *demoSet) error {
	r := s.Rand("customers")
	ssns := map[string]bool{}
	for i, spec := range demoCustomers {
		city, ok := demoCities[spec.City]
		if !ok {
			return fmt.Errorf("customer %s: no city %q", spec.Name, spec.City)
		}
		first, last := pick(r, demoFirstNames), pick(r, demoLastNames)
		if spec.Person {
			first, last, _ = strings.Cut(spec.Name, " ")
		}
		a := domain.Address{
			FirstName: first, LastName: last,
			Address1: fmt.Sprintf("%d %s", 100+r.IntN(9800), pick(r, demoStreets)),
			City:     city.City, State: city.State, Zip: city.Zip,
		}
		if !spec.Person && r.IntN(10) < 4 {
			a.Address2 = pick(r, demoSuites)
		}
		if r.IntN(2) == 0 {
			a.Zip4 = fmt.Sprintf("%04d", 1+r.IntN(9998))
		}
		// 9xx area numbers are never issued as SSNs; the same goes for the made-up EINs.
		secret := ""
		for secret == "" || ssns[secret] {
			secret = fmt.Sprintf("9%02d%02d%04d", r.IntN(100), 1+r.IntN(99), 1+r.IntN(9999))
		}
		ssns[secret] = true
		c := &domain.Customer{Name: spec.Name, Status: spec.Status, BillProfileID: s.BillProfiles[spec.Profile], ServiceAddress: a}
		if spec.Person {
			c.SSN = domain.NewSecret(secret)
		} else {
			c.TaxID = domain.NewSecret(secret)
		}
		if err := ld.AddCustomer(ctx, c, ld.Now().AddDate(0, 0, -(120+r.IntN(2000)))); err != nil {
			return fmt.Errorf("customer %s: %w", spec.Name, err)
		}
		s.Customers = append(s.Customers, &demoCustomerSet{Customer: c, Spec: spec, Reserved: i < demoReservedCustomers})
	}
	return nil
}

// loadLines gives every customer its wireless and wireline lines, each
// with the products of its package.
//
// A line's status follows its customer's: a PENDING customer's lines are
// PENDING, an INACTIVE one's DISCONNECTED. An ACTIVE customer's lines are
// mostly ACTIVE, some SUSPENDED or DISCONNECTED and, outside the reserved
// customers, some PENDING (a PENDING line waits for an order; the reserved
// customers get none, as they get no orders).
func loadLines(ctx context.Context, ld *db.Loader, s *demoSet) error {
	r := s.Rand("lines")
	now := ld.Now()
	for _, c := range s.Customers {
		city := demoCities[c.Spec.City]
		names := newDemoNamer(r, c.Spec.Person)
		newLine := func(carrier *demoCarrierSet, pkgKey string) *demoLine {
			l := &demoLine{Carrier: carrier, Customer: c, Package: pkgKey, Reserved: c.Reserved}
			lt := carrier.LineType[pkgKey]
			l.Line = domain.Line{CustomerID: c.ID, PackageID: carrier.Packages[pkgKey].ID, CarrierID: carrier.ID,
				CarrierAccountID: carrier.Accounts[0].ID, LineTypeID: &lt, Status: demoLineStatus(r, c)}
			if c.Spec.Profile == "Government" && carrier.Wireless && len(carrier.Accounts) > 1 {
				l.CarrierAccountID = carrier.Accounts[1].ID
			}
			if l.Status == domain.LineSuspended {
				l.SuspendType = "ALL"
				if r.IntN(10) < 3 {
					l.SuspendType = "INCOMING"
				}
			}
			age := int(now.Sub(c.CreatedAt).Hours()/24) - 1
			l.CreatedAt = now.AddDate(0, 0, -r.IntN(max(age, 1)))
			return l
		}

		home := s.Carriers[c.Spec.Carrier]
		for range c.Spec.Wireless {
			carrier := home
			if c.Spec.Wireless > 2 && r.IntN(100) < 8 {
				carrier = s.otherWireless(r, home)
			}
			kind := demoPkgUnlimited
			switch n := r.IntN(100); {
			case n >= 80:
				kind = demoPkgData
			case n >= 55:
				kind = demoPkgEssential
			}
			l := newLine(carrier, kind)
			l.TN = s.newTN(r, pick(r, city.NPAs))
			if kind == demoPkgData {
				l.Description = names.data()
			} else {
				l.Description = names.phone()
			}
			c.Lines = append(c.Lines, l)
		}

		// Wireline lines share an exchange and run in sequence from the main
		// number, which every other one names as its AltBTN.
		lumen := s.Carriers["LUMN"]
		var mainLine *demoLine
		block := s.newTNBlock(r, pick(r, city.NPAs), c.Spec.Wireline)
		for i := range c.Spec.Wireline {
			kind := demoPkgPOTS
			if i == 0 && c.Spec.Wireline >= 2 && c.Spec.Wireless >= 8 {
				kind = demoPkgSIP
			}
			l := newLine(lumen, kind)
			l.TN = block[i]
			if kind == demoPkgSIP {
				pbx := pick(r, demoPBXs)
				l.Description, l.PBXMake, l.PBXModel = "SIP trunk — "+city.City+" office PBX", pbx[0], pbx[1]
			} else {
				l.Description = demoPOTS[i%len(demoPOTS)]
			}
			if mainLine == nil {
				mainLine = l
			} else {
				l.AltBTNID = &mainLine.ID
			}
			c.Lines = append(c.Lines, l)
		}

		for _, ln := range c.Lines {
			for _, cp := range demoLineProducts(r, ln) {
				ln.Products = append(ln.Products, &cp)
			}
			s.Lines = append(s.Lines, ln)
		}
	}
	lines := make([]*domain.Line, len(s.Lines))
	for i, ln := range s.Lines {
		lines[i] = &ln.Line
	}
	return ld.AddLines(ctx, lines)
}

// demoLineStatus picks a new line's status from its customer's.
func demoLineStatus(r *rand.Rand, c *demoCustomerSet) string {
	switch c.Status {
	case domain.CustomerPending:
		return domain.LinePending
	case domain.CustomerInactive:
		return domain.LineDisconnected
	}
	switch n := r.IntN(100); {
	case n < 7:
		return domain.LineSuspended
	case n < 14:
		return domain.LineDisconnected
	case n < 21 && !c.Reserved:
		return domain.LinePending
	}
	return domain.LineActive
}

// demoLineProducts are the customer products of a new line: its package's
// base products and some of its options, at the product's rate. A product
// group's products come together; SIP sessions and DID blocks come by the
// several.
func demoLineProducts(r *rand.Rand, l *demoLine) []domain.CustomerProduct {
	var spec demoPackage
	for _, dc := range demoCarriers {
		if dc.Code == l.Carrier.Code {
			for _, p := range dc.Packages {
				if p.Key == l.Package {
					spec = p
				}
			}
		}
	}
	chance := map[string]int{
		"hotspot": 25, "international": 10, "protection": 35, "activation": 30, "shipping": 15, "credit": 10,
		"caller_id": 50, "hunting": 30, "long_distance": 60, "install": 20, "service_credit": 10,
	}
	keys := append([]string{}, spec.Base...)
	for _, k := range spec.Options {
		if r.IntN(100) < chance[k] {
			keys = append(keys, k)
			if k == "hotspot" {
				keys = append(keys, "tethering") // the Hotspot product group
			}
		}
	}
	out := make([]domain.CustomerProduct, 0, len(keys))
	for _, k := range keys {
		p := l.Carrier.Products[k]
		qty := 1
		switch k {
		case "sip_session":
			qty = 4 + 2*r.IntN(10)
		case "did_block":
			qty = 1 + r.IntN(5)
		}
		out = append(out, domain.CustomerProduct{ProductID: p.ID, Description: p.Description, Rate: p.Rate, Quantity: qty})
	}
	return out
}

package demo

import (
	"context"
	"fmt"

	"switchboard/db"
	"switchboard/domain"
)

// loadUsers creates one user per role, named after the role.
func loadUsers(ctx context.Context, ld *db.Loader, s *demoSet) error {
	for _, role := range []domain.Role{domain.RoleAdmin, domain.RoleSupervisor, domain.RoleRep, domain.RoleSupport} {
		u := &domain.User{Name: string(role), Role: role, PasswordHash: s.PasswordHash}
		if err := ld.AddUser(ctx, u); err != nil {
			return err
		}
		s.Users[role] = u
	}
	return nil
}

// loadReference creates bill profiles, service types, carriers with their
// accounts, products, product groups and packages, and processes with routes.
func loadReference(ctx context.Context, ld *db.Loader, s *demoSet) error {
	var err error
	for _, name := range demoBillProfiles {
		if s.BillProfiles[name], err = ld.AddBillProfile(ctx, name); err != nil {
			return err
		}
	}
	for _, st := range demoServiceTypes {
		if s.ServiceTypes[st.Name], err = ld.AddServiceType(ctx, st.Name, st.Wireless); err != nil {
			return err
		}
	}
	for _, dc := range demoCarriers {
		if err := demoCarrierOf(ctx, ld, s, dc); err != nil {
			return err
		}
	}
	for _, dp := range demoProcesses {
		p := &domain.Process{Name: dp.Name}
		for _, rt := range dp.Routes {
			p.Routes = append(p.Routes, domain.Route{Description: rt[0], Meaning: rt[1]})
		}
		if err := ld.AddProcess(ctx, p); err != nil {
			return err
		}
		s.Processes[p.Name] = p
	}
	return nil
}

// demoCarrierOf creates carrier dc with its accounts, products, product
// groups and packages.
func demoCarrierOf(ctx context.Context, ld *db.Loader, s *demoSet, dc demoCarrier) error {
	c := &demoCarrierSet{Carrier: domain.Carrier{Name: dc.Name, Code: dc.Code, Wireless: dc.Wireless},
		Products: map[string]*domain.Product{}, Packages: map[string]*domain.Package{}, LineType: map[string]int64{}}
	if err := ld.AddCarrier(ctx, &c.Carrier); err != nil {
		return err
	}
	for i, name := range dc.Accounts {
		a := &domain.CarrierAccount{CarrierID: c.ID, Name: name, Default: i == 0}
		if err := ld.AddCarrierAccount(ctx, a); err != nil {
			return err
		}
		c.Accounts = append(c.Accounts, a)
	}
	for _, dp := range dc.Products {
		rate, err := domain.ParseMoney(dp.Rate)
		if err != nil {
			return fmt.Errorf("product %s: rate %q: %w", dp.Description, dp.Rate, err)
		}
		p := &domain.Product{Description: dp.Description, Rate: rate, Provisionable: dp.Provisionable, CarrierID: &c.ID, Ships: demoShipping[dp.Key]}
		if err := ld.AddProduct(ctx, p); err != nil {
			return err
		}
		c.Products[dp.Key] = p
	}
	for _, dg := range dc.Groups {
		var ids []int64
		for _, key := range dg.Products {
			ids = append(ids, c.Products[key].ID)
		}
		if err := ld.AddProductGroup(ctx, c.Name+" "+dg.Name, ids); err != nil {
			return err
		}
	}
	for _, dp := range dc.Packages {
		pkg := &domain.Package{Name: dp.Name, CarrierID: c.ID}
		if st, ok := s.ServiceTypes[dp.ServiceType]; ok {
			pkg.LineTypeID = &st
		}
		for _, key := range append(append([]string{}, dp.Base...), dp.Options...) {
			p := c.Products[key]
			if p == nil {
				return fmt.Errorf("package %s: no product %q", dp.Name, key)
			}
			pp := *p
			pp.Role = dp.role(key)
			pkg.Products = append(pkg.Products, pp)
		}
		if err := ld.AddPackage(ctx, pkg); err != nil {
			return err
		}
		c.Packages[dp.Key] = pkg
		c.LineType[dp.Key] = s.ServiceTypes[dp.ServiceType]
	}
	s.Carriers[c.Code] = c
	s.carrierOrder = append(s.carrierOrder, c)
	return nil
}

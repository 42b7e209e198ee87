package handlers

import (
	"context"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// followPackage sets the service type to the one the chosen package takes
// (Package.ServiceTypeFor): the package's own, or the one chosen before
// while it still suits the package's carrier.
func (h *Handlers) followPackage(ctx context.Context, form *views.NewServiceForm) error {
	pkg, carrier, err := h.wizardPackage(ctx, form.PackageID)
	if err != nil || pkg == nil {
		return err
	}
	sts, err := h.Store.FindServiceTypes(ctx)
	if err != nil {
		return err
	}
	var chosen *domain.ServiceType
	for _, st := range sts {
		if itoa64(st.ID) == form.LineTypeID {
			chosen = st
		}
	}
	if id := pkg.ServiceTypeFor(chosen, carrier); id != 0 {
		form.LineTypeID = itoa64(id)
	} else {
		form.LineTypeID = ""
	}
	return nil
}

// wizardPackage is the package chosen and its carrier; nil when none is
// (or the id is no package's).
func (h *Handlers) wizardPackage(ctx context.Context, id string) (*domain.Package, *domain.Carrier, error) {
	pid := parseID(id)
	if pid == 0 {
		return nil, nil, nil
	}
	pkg, err := h.Store.FindPackageByID(ctx, pid)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	carrier, err := h.Store.FindCarrierByID(ctx, pkg.CarrierID)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return pkg, nil, nil
	}
	return pkg, carrier, err
}

// serviceChoices offers the service types a line of the package may be
// (Package.Takes: the package's own, or those of its carrier's kind),
// saying why, and the processes, each with its routes.
func (h *Handlers) serviceChoices(ctx context.Context, vm *views.NewServiceVM, pkg *domain.Package, carrier *domain.Carrier) error {
	sts, err := h.Store.FindServiceTypes(ctx)
	if err != nil {
		return err
	}
	var fit []*domain.ServiceType
	for _, s := range sts {
		if pkg.Takes(s, carrier) {
			fit = append(fit, s)
		}
	}
	own := pkg != nil && pkg.LineTypeID != nil && len(fit) == 1
	if !own {
		vm.ServiceTypes = []components.Option{{Value: "", Label: "Not given"}}
	}
	for _, s := range fit {
		vm.ServiceTypes = append(vm.ServiceTypes, components.Option{Value: itoa64(s.ID), Label: s.Name, Selected: itoa64(s.ID) == vm.Form.LineTypeID || own})
	}
	switch {
	case own: // nothing to choose: the step says so instead of offering a list of one
		vm.ServiceTypeSet, vm.Form.LineTypeID = fit[0].Name, itoa64(fit[0].ID)
		vm.ServiceTypeHelp = views.ServiceTypeOfPackage(vm.PackageName)
	case carrier != nil:
		vm.ServiceTypeHelp = views.ServiceTypesOfCarrier(carrier.Name, carrier.Wireless)
	}
	procs, err := h.Store.FindProcesses(ctx)
	if err != nil {
		return err
	}
	for _, p := range procs {
		pc := views.ProcessChoice{ID: p.ID, Name: p.Name, Selected: itoa64(p.ID) == vm.Form.ProcessID}
		for _, rt := range p.Routes {
			pc.Routes = append(pc.Routes, rt.Description)
		}
		vm.Processes = append(vm.Processes, pc)
	}
	return nil
}

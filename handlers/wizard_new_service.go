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
	form.LineTypeID = serviceTypesFor(sts, pkg, carrier, form.LineTypeID).value
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

// serviceTypeChoice is what a line's service type field offers.
type serviceTypeChoice struct {
	options []components.Option // the types that suit the package (Package.Takes)
	set     string              // the package's own type, when it names one: nothing to choose
	help    string              // why these are offered
	value   string              // the LineTypeID the field holds: chosen, or set by the package
}

// serviceTypesFor is the service type field of a line of pkg (nil: none)
// on carrier (nil: not known yet), chosen being what was chosen so far.
func serviceTypesFor(sts []*domain.ServiceType, pkg *domain.Package, carrier *domain.Carrier, chosen string) serviceTypeChoice {
	var fit []*domain.ServiceType
	var was *domain.ServiceType
	for _, s := range sts {
		if pkg.Takes(s, carrier) {
			fit = append(fit, s)
		}
		if itoa64(s.ID) == chosen {
			was = s
		}
	}
	var out serviceTypeChoice
	if id := pkg.ServiceTypeFor(was, carrier); id != 0 {
		out.value = itoa64(id)
	}
	if pkg != nil && pkg.LineTypeID != nil && len(fit) == 1 {
		out.set, out.help = fit[0].Name, views.ServiceTypeOfPackage(pkg.Name)
		return out
	}
	out.options = []components.Option{{Value: "", Label: "Not given"}}
	for _, s := range fit {
		out.options = append(out.options, components.Option{Value: itoa64(s.ID), Label: s.Name, Selected: itoa64(s.ID) == out.value})
	}
	if carrier != nil {
		out.help = views.ServiceTypesOfCarrier(carrier.Name, carrier.Wireless)
	}
	return out
}

// serviceChoices offers the service types a line of the package may be,
// saying why, and the processes, each with its routes.
func (h *Handlers) serviceChoices(ctx context.Context, vm *views.NewServiceVM, pkg *domain.Package, carrier *domain.Carrier) error {
	sts, err := h.Store.FindServiceTypes(ctx)
	if err != nil {
		return err
	}
	st := serviceTypesFor(sts, pkg, carrier, vm.Form.LineTypeID)
	vm.ServiceTypes, vm.ServiceTypeSet, vm.ServiceTypeHelp, vm.Form.LineTypeID = st.options, st.set, st.help, st.value
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

package handlers

import (
	"context"
	"net/http"
	"sort"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// showChangeService draws a step of the change-service wizard: the whole page,
// the step alone for htmx, or the customer list for a search.
func (h *Handlers) showChangeService(w http.ResponseWriter, r *http.Request, status int, d *domain.Draft, form *views.ChangeServiceForm, step string, errs components.Errors) error {
	if listTarget(r, views.IDWizardCustomers) && r.URL.Query().Has("CustomerID") {
		f := *form
		f.CustomerID = strings.TrimSpace(r.URL.Query().Get("CustomerID"))
		form = &f
	}
	vm, err := h.changeServiceVM(r.Context(), r, d, form, step, errs)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	if listTarget(r, views.IDWizardCustomers) {
		return h.render(w, r, status, nil, views.CustomerChoices(vm.Customer))
	}
	title := vm.Wizard.StepTitle + " · Change service"
	return h.render(w, r, status, views.ChangeServicePage(h.shell(w, r, title), vm), views.ChangeServiceStep(vm))
}

// changeServiceVM builds what a step shows.
func (h *Handlers) changeServiceVM(ctx context.Context, r *http.Request, d *domain.Draft, form *views.ChangeServiceForm, step string, errs components.Errors) (views.ChangeServiceVM, error) {
	wd := changeServiceWizard(form.Kind)
	vm := views.ChangeServiceVM{Wizard: wd.vm(d, step, errs), Form: *form}
	cust, err := h.wizardCustomer(ctx, form.CustomerID)
	if err != nil {
		return vm, err
	}
	if cust != nil {
		vm.CustomerName = cust.Name
	}
	var sub []string
	if form.Kind != "" {
		sub = append(sub, views.KindTitle(form.Kind))
	}
	if cust != nil {
		sub = append(sub, "for "+cust.Name+" (#"+itoa64(cust.ID)+")")
	}
	vm.Wizard.Subtitle = strings.Join(sub, " · ")

	names, err := h.referenceNames(ctx)
	if err != nil {
		return vm, err
	}
	carriers, carrierOf, err := h.carriersByID(ctx)
	if err != nil {
		return vm, err
	}
	choice := func(l *domain.Line) views.LineChoice {
		lc := views.LineChoice{ID: l.ID, TN: views.FormatTN(l.TN), Status: l.Status, SuspendType: l.SuspendType,
			Carrier: names.carriers[l.CarrierID], Wireless: carrierOf[l.CarrierID] != nil && carrierOf[l.CarrierID].Wireless, Package: names.packages[l.PackageID],
			Description: l.Description, Reason: views.LineRefusal(form.Kind, l.Refusal(views.KindAction(form.Kind)), l.Status)}
		if lc.TN == "" {
			lc.TN = "No number yet"
		}
		for _, p := range l.Products {
			lc.Products = append(lc.Products, views.ProductRow{ID: p.ID, ProductID: p.ProductID, Description: p.Description, Rate: p.Rate.Dollars(), Quantity: p.Quantity})
		}
		return lc
	}
	chosen := map[string]bool{form.LineID: form.LineID != ""}
	for _, id := range form.LineIDs {
		chosen[id] = true
	}

	switch step {
	case views.StepCustomer:
		// Only the customers with a line the order can apply to are offered.
		var statuses []string
		if action := views.KindAction(form.Kind); action != "" {
			statuses = domain.LineStatusesFor(action)
		}
		vm.Customer, err = h.customerPick(ctx, r, wd.stepURL(d, views.StepCustomer), form.CustomerID, cust, errs["CustomerID"], statuses, views.CustomerWithout(form.Kind))
		vm.Customer.Listed = views.CustomersListed(form.Kind)
	case views.StepLines:
		if cust == nil {
			break
		}
		ls, err := h.Store.FindCustomerLines(ctx, cust.ID)
		if err != nil {
			return vm, err
		}
		for _, l := range ls {
			lc := choice(l)
			lc.Selected = chosen[itoa64(l.ID)]
			os, err := h.Store.FindOpenOrdersOnLine(ctx, l.ID)
			if err != nil {
				return vm, err
			}
			for _, o := range os {
				lc.OpenOrders = append(lc.OpenOrders, orderTypeName(o.Type)+" order "+itoa64(o.ID)+" ("+o.Status+")")
			}
			vm.Lines = append(vm.Lines, lc)
		}
		// The lines the order can apply to first, the others after them.
		sort.SliceStable(vm.Lines, func(i, j int) bool { return vm.Lines[i].Reason == "" && vm.Lines[j].Reason != "" })
		// None can: say why, and where to go from here.
		if len(vm.Lines) == 0 || vm.Lines[0].Reason != "" {
			refusal := ""
			if len(ls) > 0 {
				refusal = ls[0].Refusal(views.KindAction(form.Kind))
			}
			vm.Stuck = &views.StuckVM{Why: views.NoLineCan(cust.Name, refusal),
				CustomerURL: wd.stepURL(d, views.StepCustomer), KindURL: wd.stepURL(d, views.StepKind),
				Customers: views.CustomersWith(form.Kind)}
			vm.Wizard.Stuck = true
		}
	case views.StepDetails, views.StepReview:
		vm.Outgoing = true
		for id := range chosen {
			if lid := parseID(id); lid != 0 {
				l, err := h.Store.FindLineByID(ctx, lid)
				if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
					return vm, err
				}
				if l != nil {
					vm.Chosen = append(vm.Chosen, choice(l))
					vm.Outgoing = vm.Outgoing && domain.SuspendAllowed(domain.SuspendOutgoing, carrierOf[l.CarrierID])
				}
			}
		}
		sort.Slice(vm.Chosen, func(i, j int) bool { return vm.Chosen[i].ID < vm.Chosen[j].ID })
		if err := h.changeServiceDetailChoices(ctx, &vm, carriers); err != nil {
			return vm, err
		}
		if step == views.StepReview {
			err = h.changeServiceReview(ctx, &vm, d, form, cust, names)
		}
	}
	return vm, err
}

// changeServiceDetailChoices loads the choices of the details step.
func (h *Handlers) changeServiceDetailChoices(ctx context.Context, vm *views.ChangeServiceVM, carriers []*domain.Carrier) error {
	form := vm.Form
	if form.Kind == views.KindDisconnect && form.InventoryItemStatus == "" {
		vm.Form.InventoryItemStatus = domain.InventoryAvailable
	}
	if (form.Kind == views.KindAddLine || form.Kind == views.KindChange) && form.BillingOption == "" {
		vm.Form.BillingOption = domain.BillProrate
	}
	procs, err := h.Store.FindProcesses(ctx)
	if err != nil {
		return err
	}
	for _, p := range procs {
		pc := views.ProcessChoice{ID: p.ID, Name: p.Name, Selected: itoa64(p.ID) == form.ProcessID}
		for _, rt := range p.Routes {
			pc.Routes = append(pc.Routes, rt.Description)
		}
		vm.Processes = append(vm.Processes, pc)
	}
	pkgs, err := h.Store.FindPackages(ctx)
	if err != nil {
		return err
	}
	carrierName, carrierOf := map[int64]string{}, map[int64]*domain.Carrier{}
	for _, c := range carriers {
		carrierName[c.ID], carrierOf[c.ID] = c.Name, c
	}
	switch form.Kind {
	case views.KindPackageChange:
		if len(vm.Chosen) == 0 {
			return nil
		}
		line, err := h.Store.FindLineByID(ctx, vm.Chosen[0].ID)
		if err != nil {
			return err
		}
		for _, p := range pkgs {
			if p.CarrierID != line.CarrierID {
				continue
			}
			vm.Packages = append(vm.Packages, views.PackageOption{ID: p.ID, Name: p.Name, Products: strings.Join(packageProductWords(p), " · "),
				Current: p.ID == line.PackageID, Selected: itoa64(p.ID) == form.PackageID})
		}
	case views.KindAddLine, views.KindChange:
		sts, err := h.Store.FindServiceTypes(ctx)
		if err != nil {
			return err
		}
		ps, err := h.Store.FindProducts(ctx)
		if err != nil {
			return err
		}
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Description < ps[j].Description })
		// productsOf lists the products a line of carrier can take: the
		// carrier's own and those of no carrier; every product, each with its
		// carrier named, while the carrier is not known (0).
		productsOf := func(carrier int64) []views.ProductChoice {
			var out []views.ProductChoice
			for _, p := range ps {
				if carrier != 0 && p.CarrierID != nil && *p.CarrierID != carrier {
					continue
				}
				desc := p.Description
				if p.CarrierID != nil && carrier == 0 {
					desc += " (" + carrierName[*p.CarrierID] + ")"
				}
				if p.Provisionable {
					desc += " · provisionable"
				}
				out = append(out, views.ProductChoice{ID: p.ID, Description: desc, Rate: p.Rate.Dollars()})
			}
			return out
		}
		vm.Products = productsOf(0)
		if form.Kind == views.KindChange {
			// Each line is offered its own carrier's products.
			vm.LineProducts = map[string][]views.ProductChoice{}
			for _, c := range form.Changes {
				if line, err := h.Store.FindLineByID(ctx, parseID(c.LineID)); err == nil && line != nil {
					vm.LineProducts[c.LineID] = productsOf(line.CarrierID)
				}
			}
			return nil
		}
		for _, p := range pkgs {
			vm.AllPackages = append(vm.AllPackages, components.Option{Value: itoa64(p.ID), Label: p.Name + " (" + carrierName[p.CarrierID] + ")"})
		}
		for _, c := range carriers {
			vm.Carriers = append(vm.Carriers, components.Option{Value: itoa64(c.ID), Label: c.Name})
		}
		if cid := parseID(form.CustomerID); cid != 0 {
			ls, err := h.Store.FindCustomerLines(ctx, cid)
			if err != nil {
				return err
			}
			for _, l := range ls {
				if l.AltBTNID != nil || l.Status == domain.LineDisconnected {
					continue
				}
				tn := views.FormatTN(l.TN)
				if tn == "" {
					tn = "No number yet"
				}
				vm.AltBTNs = append(vm.AltBTNs, components.Option{Value: itoa64(l.ID),
					Label: tn + " · line " + itoa64(l.ID) + " · " + carrierName[l.CarrierID] + " · " + l.Status})
			}
		}
		accts, err := h.Store.FindCarrierAccounts(ctx)
		if err != nil {
			return err
		}
		pkgCarrier, pkgOf := map[string]int64{}, map[string]*domain.Package{}
		for _, p := range pkgs {
			pkgCarrier[itoa64(p.ID)], pkgOf[itoa64(p.ID)] = p.CarrierID, p
		}
		// Each new line's choices follow its carrier; the carrier's default
		// account is chosen until another of its accounts is.
		rows := append([]views.NewLineForm(nil), vm.NewLineRows()...)
		for i := range rows {
			l := &rows[i]
			carrier := pkgCarrier[l.PackageID]
			if carrier == 0 {
				carrier = parseID(l.CarrierID)
			}
			if _, ok := carrierName[carrier]; !ok {
				carrier = 0
			}
			nc := views.NewLineChoices{Carrier: carrierName[carrier], Products: productsOf(carrier)}
			// The service type follows the package (or the carrier without one).
			st := serviceTypesFor(sts, pkgOf[l.PackageID], carrierOf[carrier], l.LineTypeID)
			nc.ServiceTypes, nc.ServiceTypeSet, nc.ServiceTypeHelp, l.LineTypeID = st.options, st.set, st.help, st.value
			fits, def := false, ""
			for _, a := range accts {
				if carrier != 0 && a.CarrierID != carrier {
					continue
				}
				label := a.Name
				if carrier == 0 {
					label = carrierName[a.CarrierID] + " · " + a.Name
				}
				if a.Default {
					label += " (default)"
					if a.CarrierID == carrier {
						def = itoa64(a.ID)
					}
				}
				fits = fits || itoa64(a.ID) == l.CarrierAccountID
				nc.Accounts = append(nc.Accounts, components.Option{Value: itoa64(a.ID), Label: label})
			}
			if !fits && def != "" {
				l.CarrierAccountID = def
			}
			vm.NewLines = append(vm.NewLines, nc)
		}
		vm.Form.NewLines = rows
	}
	return nil
}

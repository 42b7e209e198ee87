package handlers

import (
	"context"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// parseID reads an id kept as text; 0 when it is not one.
func parseID(s string) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// showNewService draws a step of the new-service wizard: the whole page,
// the step alone for htmx, or only a list when a search asks for it.
func (h *Handlers) showNewService(w http.ResponseWriter, r *http.Request, status int, d *domain.Draft, form *views.NewServiceForm, step string, errs components.Errors) error {
	ctx := r.Context()
	if listTarget(r, views.IDWizardCustomers) && r.URL.Query().Has("CustomerID") {
		// Searching again keeps the customer chosen on the page.
		f := *form
		f.CustomerID = strings.TrimSpace(r.URL.Query().Get("CustomerID"))
		form = &f
	}
	vm, err := h.newServiceVM(ctx, r, d, form, step, errs)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	switch {
	case listTarget(r, views.IDWizardCustomers):
		return h.render(w, r, status, nil, views.CustomerChoices(vm.Customer))
	case listTarget(r, views.IDWizardDevices):
		return h.render(w, r, status, nil, views.InventoryChoices(vm.Device))
	case listTarget(r, views.IDWizardSIMs):
		return h.render(w, r, status, nil, views.InventoryChoices(vm.SIM))
	}
	title := vm.Wizard.StepTitle + " · New service"
	return h.render(w, r, status, views.NewServicePage(h.shell(w, r, title), vm), views.NewServiceStep(vm))
}

// searchParam is a search box's value: from the query (as you type) or the form (its button).
func searchParam(r *http.Request, name string) string {
	s := r.URL.Query().Get(name)
	if r.Method == http.MethodPost {
		s = r.PostForm.Get(name)
	}
	s = strings.TrimSpace(s)
	if len(s) > 100 {
		s = s[:100]
	}
	return s
}

// newServiceVM builds what a step shows.
func (h *Handlers) newServiceVM(ctx context.Context, r *http.Request, d *domain.Draft, form *views.NewServiceForm, step string, errs components.Errors) (views.NewServiceVM, error) {
	vm := views.NewServiceVM{Wizard: newServiceWizard.vm(d, step, errs), Form: *form}
	if d != nil {
		vm.PINSaved = !d.Secrets[secretPIN].IsZero()
	}
	cust, err := h.wizardCustomer(ctx, form.CustomerID)
	if err != nil {
		return vm, err
	}
	if cust != nil {
		vm.CustomerName = cust.Name
		vm.Wizard.Subtitle = "for " + cust.Name + " (#" + itoa64(cust.ID) + ")"
	}
	pkgs, err := h.Store.FindPackages(ctx)
	if err != nil {
		return vm, err
	}
	carriers, carrierOf, err := h.carriersByID(ctx)
	if err != nil {
		return vm, err
	}
	var pkg *domain.Package
	var carrier *domain.Carrier
	for _, p := range pkgs {
		if strconv.FormatInt(p.ID, 10) == form.PackageID {
			pkg, carrier = p, carrierOf[p.CarrierID]
		}
	}
	if pkg != nil && carrier != nil {
		vm.PackageName, vm.CarrierName, vm.Wireless = pkg.Name, carrier.Name, carrier.Wireless
	}

	switch step {
	case views.StepCustomer:
		vm.Customer, err = h.customerPick(ctx, r, newServiceWizard.stepURL(d, views.StepCustomer), form.CustomerID, cust, errs["CustomerID"], nil, "")
	case views.StepPackage:
		vm.Packages = packageChoices(pkgs, carriers, form.PackageID)
	case views.StepService:
		err = h.serviceChoices(ctx, &vm, pkg, carrier)
	case views.StepDevice:
		base := newServiceWizard.stepURL(d, views.StepDevice)
		vm.Device, err = h.inventoryPick(ctx, r, base, domain.InventoryDevice, "ESN", "Device (ESN/IMEI)", "DeviceSearch", views.IDWizardDevices, form.ESN, errs, carrier, carrierOf)
		if err == nil {
			vm.SIM, err = h.inventoryPick(ctx, r, base, domain.InventorySIM, "WirelessICCID", "SIM card (ICCID)", "SIMSearch", views.IDWizardSIMs, form.WirelessICCID, errs, carrier, carrierOf)
		}
	case views.StepNumber:
		selected := form.Port.ExternalProvider
		if selected == "" && carrier != nil && carrier.Wireless {
			selected = carrier.Code
		}
		vm.Providers = append(vm.Providers, components.Option{Value: "", Label: "Not given"})
		for _, c := range carriers {
			if c.Wireless {
				vm.Providers = append(vm.Providers, components.Option{Value: c.Code, Label: c.Name + " (" + c.Code + ")", Selected: c.Code == selected})
			}
		}
	case views.StepShipping:
		if !form.ShippingFilled && form.ShippingAddress.Blank() && cust != nil {
			a := cust.ServiceAddress
			vm.Form.ShippingAddress = views.AddressForm{FirstName: a.FirstName, LastName: a.LastName, Address1: a.Address1, Address2: a.Address2,
				City: a.City, State: a.State, Zip: a.Zip, Zip4: a.Zip4, Country: a.Country}
		}
		err = h.productChoices(ctx, &vm, carrier)
	case views.StepReview:
		err = h.newServiceReview(ctx, &vm, d, form, pkg, carrier, cust)
	}
	return vm, err
}

// customerPick lists the customers matching the search, the chosen one
// first; with lineStatuses, only those with a line in one of them (the
// chosen one marked without when it has none).
func (h *Handlers) customerPick(ctx context.Context, r *http.Request, base, selected string, chosen *domain.Customer, errs []string,
	lineStatuses []string, without string) (views.CustomerPickVM, error) {
	vm := views.CustomerPickVM{Base: base, Search: searchParam(r, "Search"), Selected: selected, Err: errs}
	f := domain.CustomerFilter{Search: vm.Search, LineStatuses: lineStatuses, Page: domain.Page{Limit: wizardCustomerChoices}}
	cs, next, err := h.Store.FindCustomers(ctx, f)
	if err != nil {
		return vm, err
	}
	vm.Truncated = next != ""
	unfit := false
	if chosen != nil {
		cs = append([]*domain.Customer{chosen}, cs...)
		if len(lineStatuses) > 0 {
			ls, err := h.Store.FindCustomerLines(ctx, chosen.ID)
			if err != nil {
				return vm, err
			}
			unfit = !slices.ContainsFunc(ls, func(l *domain.Line) bool { return slices.Contains(lineStatuses, l.Status) })
		}
	}
	seen := map[int64]bool{}
	for _, c := range cs {
		if seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		where := c.ServiceAddress.City
		if c.ServiceAddress.State != "" {
			where += ", " + c.ServiceAddress.State
		}
		cc := views.CustomerChoice{ID: c.ID, Name: c.Name, Status: c.Status, Where: where,
			Selected: itoa64(c.ID) == selected, Inactive: c.Status == domain.CustomerInactive}
		if unfit && c == chosen {
			cc.Without = without
		}
		vm.Choices = append(vm.Choices, cc)
	}
	return vm, nil
}

// packageChoices groups the packages by carrier, with what each includes.
func packageChoices(pkgs []*domain.Package, carriers []*domain.Carrier, selected string) []views.CarrierPackages {
	var out []views.CarrierPackages
	for _, c := range carriers {
		g := views.CarrierPackages{Carrier: c.Name, Wireless: c.Wireless}
		for _, p := range pkgs {
			if p.CarrierID != c.ID {
				continue
			}
			pc := views.PackageChoice{ID: p.ID, Name: p.Name, Selected: itoa64(p.ID) == selected, Products: packageProductWords(p)}
			g.Packages = append(g.Packages, pc)
		}
		if len(g.Packages) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// inventoryPick lists AVAILABLE items of one type starting with the
// search, those stocked for the package's carrier (or for any) when it is
// known, each with its model and carrier.
func (h *Handlers) inventoryPick(ctx context.Context, r *http.Request, base, typ, field, label, searchKey, listID, value string, errs components.Errors,
	carrier *domain.Carrier, carrierOf map[int64]*domain.Carrier) (views.InventoryPickVM, error) {
	vm := views.InventoryPickVM{Field: field, Label: label, SearchKey: searchKey, ListID: listID, Base: base, Value: value,
		Search: searchParam(r, searchKey), Err: errs[field]}
	if field == "ESN" {
		vm.Err = append(vm.Err, errs["WirelessESN"]...)
		vm.Help = "The handset's ESN, MEID or IMEI, as in inventory."
	} else {
		vm.Help = "The SIM's ICCID, as in inventory."
	}
	avail := domain.InventoryAvailable
	f := domain.InventoryFilter{Status: &avail, Type: &typ, Page: domain.Page{Limit: wizardInventoryChoices}}
	if vm.Search != "" {
		f.Identifier = &vm.Search
	}
	if carrier != nil {
		f.ForCarrier = &carrier.ID
		vm.Carrier = carrier.Name
	}
	items, _, err := h.Store.FindInventory(ctx, f)
	if err != nil {
		return vm, err
	}
	for _, it := range items {
		c := views.InventoryChoice{Identifier: it.Identifier, Type: it.Type, Model: it.Model}
		if it.CarrierID != nil && carrierOf[*it.CarrierID] != nil {
			c.Carrier = carrierOf[*it.CarrierID].Name
		}
		vm.Choices = append(vm.Choices, c)
	}
	return vm, nil
}

// productChoices offers the products a line of the carrier may carry.
func (h *Handlers) productChoices(ctx context.Context, vm *views.NewServiceVM, carrier *domain.Carrier) error {
	ps, err := h.Store.FindProducts(ctx)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if carrier != nil && p.CarrierID != nil && *p.CarrierID != carrier.ID {
			continue
		}
		vm.Products = append(vm.Products, views.ProductChoice{ID: p.ID, Description: p.Description, Rate: p.Rate.Dollars()})
	}
	sort.SliceStable(vm.Products, func(i, j int) bool { return vm.Products[i].Description < vm.Products[j].Description })
	return nil
}

// newServiceReview lays out everything entered, step by step, with the
// problems the rules find now. The PIN is never shown, only that one is kept.
func (h *Handlers) newServiceReview(ctx context.Context, vm *views.NewServiceVM, d *domain.Draft, form *views.NewServiceForm, pkg *domain.Package, carrier *domain.Carrier, cust *domain.Customer) error {
	errs := vm.Wizard.Errors
	_, plan, err := h.checkNewService(ctx, form, d.Secrets, views.StepReview)
	if err != nil {
		return err
	}
	names, err := h.referenceNames(ctx)
	if err != nil {
		return err
	}
	or := func(s, alt string) string {
		if s == "" {
			return alt
		}
		return s
	}
	section := func(step, title string, rows ...views.ReviewRow) views.ReviewSection {
		s := views.ReviewSection{Title: title, EditURL: newServiceWizard.stepURL(d, step), Rows: rows}
		for field, msgs := range errs {
			if newServiceStepOf(field) == step {
				s.Errors = append(s.Errors, msgs...)
			}
		}
		sort.Strings(s.Errors)
		vm.Problems += len(s.Errors)
		return s
	}
	custName := "—"
	if cust != nil {
		custName = cust.Name + " (#" + itoa64(cust.ID) + ", " + cust.Status + ")"
	}
	pkgName := "—"
	if pkg != nil && carrier != nil {
		pkgName = pkg.Name + " · " + carrier.Name
	}
	procName := "None"
	if id := parseID(form.ProcessID); id != 0 {
		procs, err := h.Store.FindProcesses(ctx)
		if err != nil {
			return err
		}
		for _, p := range procs {
			if p.ID == id {
				procName = p.Name
				if p.NeedsRouteDecision() {
					procName += " — waits for a supervisor's route decision"
				}
			}
		}
	}
	number := views.ReviewRow{Label: "Number", Value: "A new number from the carrier"}
	numberRows := []views.ReviewRow{number}
	switch form.NumberMode {
	case views.NumberReconnect:
		numberRows = []views.ReviewRow{{Label: "Number", Value: "Reconnect " + views.FormatTN(domain.NormalizeTN(form.ReconnectTN)), Mono: true}}
	case views.NumberPort:
		pt := form.Port
		pin := "Not given"
		if !d.Secrets[secretPIN].IsZero() {
			pin = "•••••• (kept encrypted)"
		}
		a := pt.Address
		numberRows = []views.ReviewRow{
			{Label: "Number", Value: "Port in " + views.FormatTN(domain.NormalizeTN(pt.MDN)), Mono: true},
			{Label: "Account number", Value: or(pt.AccountNumber, "—"), Mono: true},
			{Label: "Authorized signer", Value: or(pt.AuthorizedSigner, "—")},
			{Label: "PIN or password", Value: pin},
			{Label: "New provider", Value: or(pt.ExternalProvider, "Not given")},
			{Label: "Remark", Value: or(pt.Remark, "—")},
			{Label: "Address on the old account", Value: addressLine(a)},
		}
	case "":
		numberRows = []views.ReviewRow{{Label: "Number", Value: "Not chosen yet"}}
	}
	ship := "Not shipped"
	if form.Ship {
		ship = addressLine(form.ShippingAddress)
	}
	extra := "None"
	if n := len(form.Products); n > 0 {
		extra = plural(n, "product") + " (listed below)"
	}
	vm.Review = []views.ReviewSection{
		section(views.StepCustomer, "Customer", views.ReviewRow{Label: "Customer", Value: custName}),
		section(views.StepPackage, "Package", views.ReviewRow{Label: "Package", Value: pkgName}),
		section(views.StepService, "Service type and process",
			views.ReviewRow{Label: "Service type", Value: or(names.serviceTypes[parseID(form.LineTypeID)], "Not given")},
			views.ReviewRow{Label: "Process", Value: procName},
			views.ReviewRow{Label: "Description", Value: or(form.Description, "—")}),
		section(views.StepDevice, "Device and SIM",
			views.ReviewRow{Label: "Device (ESN)", Value: or(form.ESN, "None"), Mono: form.ESN != ""},
			views.ReviewRow{Label: "SIM (ICCID)", Value: or(form.WirelessICCID, "None"), Mono: form.WirelessICCID != ""}),
		section(views.StepNumber, "Number", numberRows...),
		section(views.StepShipping, "Shipping and products",
			views.ReviewRow{Label: "Ship to", Value: ship},
			views.ReviewRow{Label: "Additional products", Value: extra}),
	}
	if msgs := errs[""]; len(msgs) > 0 {
		vm.Review = append(vm.Review, views.ReviewSection{Title: "Other problems", Errors: msgs})
		vm.Problems += len(msgs)
	}
	if plan != nil && len(plan.Orders) > 0 && len(plan.Orders[0].Items) > 0 {
		o := plan.Orders[0]
		if vm.Charges, err = h.reviewMoney(ctx, o.Items[:1]); err != nil {
			return err
		}
		if !o.FlowThrough {
			vm.Wizard.Notice = "Without a device or SIM this wireless order is not sent by flow-through: a rep sends it once one is added."
		}
		next := views.NextWords(domain.WhatNext(o, h.Store.Clock()), names.carriers[o.CarrierID], time.Time{})
		for i := range vm.Review {
			if vm.Review[i].Title == "Service type and process" {
				vm.Review[i].Rows = append(vm.Review[i].Rows, views.ReviewRow{Label: "After you submit", Value: next})
			}
		}
	}
	return nil
}

// addressLine is an address as typed, on one line.
func addressLine(a views.AddressForm) string {
	if a.Blank() {
		return "—"
	}
	addr := domain.Address{FirstName: a.FirstName, LastName: a.LastName, Address1: a.Address1, Address2: a.Address2, City: a.City, State: a.State, Zip: a.Zip, Zip4: a.Zip4, Country: a.Country}
	addr.Normalize()
	return strings.TrimSpace(addr.FirstName+" "+addr.LastName) + ", " + addr.OneLine() + ", " + addr.Country
}

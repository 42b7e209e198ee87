package handlers

import (
	"context"
	"net/http"
	"sort"
	"strconv"
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
	var cust *domain.Customer
	if id := parseID(form.CustomerID); id != 0 {
		c, err := h.Store.FindCustomerByID(ctx, id)
		if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
			return vm, err
		}
		if cust = c; c != nil {
			vm.CustomerName = c.Name
		}
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
	carriers, err := h.Store.FindCarriers(ctx)
	if err != nil {
		return vm, err
	}
	carrierOf := map[int64]*domain.Carrier{}
	for _, c := range carriers {
		carrierOf[c.ID] = c
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
		vm.Customer, err = h.customerPick(ctx, r, wd.stepURL(d, views.StepCustomer), form.CustomerID, cust, errs["CustomerID"])
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
	carrierName := map[int64]string{}
	for _, c := range carriers {
		carrierName[c.ID] = c.Name
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
			var inc []string
			for _, pr := range p.Products {
				inc = append(inc, pr.Description+" "+pr.Rate.Dollars())
			}
			vm.Packages = append(vm.Packages, views.PackageOption{ID: p.ID, Name: p.Name, Products: strings.Join(inc, " · "),
				Current: p.ID == line.PackageID, Selected: itoa64(p.ID) == form.PackageID})
		}
	case views.KindAddLine, views.KindChange:
		sts, err := h.Store.FindServiceTypes(ctx)
		if err != nil {
			return err
		}
		for _, s := range sts {
			vm.ServiceTypes = append(vm.ServiceTypes, components.Option{Value: itoa64(s.ID), Label: s.Name})
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
		pkgCarrier := map[string]int64{}
		for _, p := range pkgs {
			pkgCarrier[itoa64(p.ID)] = p.CarrierID
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

// changeServiceReview lays out everything entered and the orders it will create.
func (h *Handlers) changeServiceReview(ctx context.Context, vm *views.ChangeServiceVM, d *domain.Draft, form *views.ChangeServiceForm, cust *domain.Customer, names *refNames) error {
	wd := changeServiceWizard(form.Kind)
	errs := vm.Wizard.Errors
	_, plan, err := h.checkChangeService(ctx, form, views.StepReview)
	if err != nil {
		return err
	}
	section := func(step, title string, rows ...views.ReviewRow) views.ReviewSection {
		s := views.ReviewSection{Title: title, EditURL: wd.stepURL(d, step), Rows: rows}
		for field, msgs := range errs {
			if changeServiceStepOf(form, field) == step && field != "" {
				s.Errors = append(s.Errors, msgs...)
			}
		}
		sort.Strings(s.Errors)
		return s
	}
	or := func(s, alt string) string {
		if s == "" {
			return alt
		}
		return s
	}
	custName := "—"
	if cust != nil {
		custName = cust.Name + " (#" + itoa64(cust.ID) + ")"
	}
	vm.Review = []views.ReviewSection{
		section(views.StepKind, "What to do", views.ReviewRow{Label: "Order", Value: reviewKind(form)}),
		section(views.StepCustomer, "Customer", views.ReviewRow{Label: "Customer", Value: custName}),
	}
	if form.Kind != views.KindAddLine {
		var rows []views.ReviewRow
		if form.WholeAccount {
			rows = append(rows, views.ReviewRow{Label: "Lines", Value: "The whole account: every line not yet disconnected"})
		}
		for _, l := range vm.Chosen {
			rows = append(rows, views.ReviewRow{Label: l.TN, Value: l.Status + " · " + l.Carrier + " · " + l.Package})
		}
		vm.Review = append(vm.Review, section(views.StepLines, "Lines", rows...))
	}
	procName := "None"
	for _, p := range vm.Processes {
		if p.Selected {
			procName = p.Name
			if len(p.Routes) > 1 {
				procName += " — waits for a supervisor's route decision"
			}
		}
	}
	yes := func(b bool) string {
		if b {
			return "Yes"
		}
		return "No"
	}
	var rows []views.ReviewRow
	switch form.Kind {
	case views.KindSuspend:
		rows = append(rows, views.ReviewRow{Label: "Suspend type", Value: or(suspendWords(form.SuspendType), "Not chosen")})
	case views.KindDisconnect:
		rows = append(rows, views.ReviewRow{Label: "Device or SIM afterwards", Value: inventoryWords(or(vm.Form.InventoryItemStatus, domain.InventoryAvailable))})
	case views.KindPackageChange:
		pkg := "Not chosen"
		for _, p := range vm.Packages {
			if p.Selected {
				pkg = p.Name
			}
		}
		rows = append(rows, views.ReviewRow{Label: "New package", Value: pkg}, views.ReviewRow{Label: "Prorate", Value: yes(form.Prorate)})
	case views.KindAddLine:
		rows = append(rows, views.ReviewRow{Label: "Billing", Value: billingWords(vm.Form.BillingOption)})
		alts := map[string]string{}
		for _, o := range vm.AltBTNs {
			alts[o.Value] = o.Label
		}
		for i, l := range vm.Form.NewLines {
			if l.Blank() {
				continue
			}
			var parts []string
			if id := parseID(l.PackageID); id != 0 {
				parts = append(parts, names.packages[id])
			} else {
				parts = append(parts, "No package")
			}
			if c := vm.NewLineChoice(i).Carrier; c != "" {
				parts = append(parts, c)
			}
			if id := parseID(l.CarrierAccountID); id != 0 {
				parts = append(parts, "account "+names.accounts[id])
			} else {
				parts = append(parts, "the carrier's default account")
			}
			if tn := domain.NormalizeTN(l.TN); tn == "" || tn == "0000000000" {
				parts = append(parts, "new number from the carrier")
			} else {
				parts = append(parts, "number "+views.FormatTN(tn))
			}
			if id := parseID(l.LineTypeID); id != 0 {
				parts = append(parts, names.serviceTypes[id])
			}
			if a, ok := alts[l.AltBTNID]; ok {
				parts = append(parts, "Alt BTN "+a)
			}
			if pbx := strings.TrimSpace(l.PBXMake + " " + l.PBXModel); pbx != "" {
				parts = append(parts, "PBX "+pbx)
			}
			if l.Description != "" {
				parts = append(parts, "“"+l.Description+"”")
			}
			if n := len(l.Products); n > 0 {
				parts = append(parts, plural(n, "added product"))
			}
			rows = append(rows, views.ReviewRow{Label: "New line " + strconv.Itoa(i+1), Value: strings.Join(parts, " · ")})
		}
	case views.KindChange:
		rows = append(rows, views.ReviewRow{Label: "Billing", Value: billingWords(vm.Form.BillingOption)},
			views.ReviewRow{Label: "Related products", Value: map[bool]string{true: "Left alone", false: "Follow their group"}[form.IgnoreRelatedProducts]})
	}
	if form.Kind == views.KindSuspend || form.Kind == views.KindRestore || form.Kind == views.KindDisconnect {
		ft := "No: a rep sends it to the provider"
		if form.FlowThrough {
			ft = "Yes: sent to the provider automatically"
		}
		rows = append(rows, views.ReviewRow{Label: "Flow-through", Value: ft})
	}
	if form.Kind != views.KindPackageChange {
		rows = append(rows, views.ReviewRow{Label: "Process", Value: procName})
	}
	vm.Review = append(vm.Review, section(views.StepDetails, wd.steps[wd.index(views.StepDetails)].title, rows...))
	if msgs := errs[""]; len(msgs) > 0 {
		vm.Review = append(vm.Review, views.ReviewSection{Title: "Other problems", Errors: msgs})
	}
	if plan == nil {
		return nil
	}
	accounts := map[int64]string{}
	for id, n := range names.accounts {
		accounts[id] = n
	}
	for _, o := range plan.Orders {
		po := views.PlannedOrder{Title: orderTypeName(o.Type) + " · " + names.carriers[o.CarrierID] + " · " + accounts[o.CarrierAccountID]}
		po.Title = strings.ToUpper(po.Title[:1]) + po.Title[1:]
		for _, it := range o.Items {
			what := strings.ToLower(strings.ReplaceAll(it.Action, "_", " "))
			tn := views.FormatTN(it.TN)
			switch {
			case it.LineID != 0 && tn != "":
				po.Lines = append(po.Lines, what+" line "+itoa64(it.LineID)+" · "+tn)
			case it.LineID != 0:
				po.Lines = append(po.Lines, what+" line "+itoa64(it.LineID))
			case tn != "":
				po.Lines = append(po.Lines, what+" a new line with "+tn)
			default:
				po.Lines = append(po.Lines, what+" a new line (number from the carrier)")
			}
			for _, op := range it.Products {
				po.Products = append(po.Products, reviewProduct(op))
			}
		}
		if !o.FlowThrough {
			po.Notes = append(po.Notes, "Not sent automatically: a rep sends it.")
		}
		if o.RequiresRouteDecision {
			po.Notes = append(po.Notes, "Waits for a supervisor's route decision.")
		}
		vm.Plan = append(vm.Plan, po)
	}
	return nil
}

// billingWords says a billing option in words, its value beside them.
func billingWords(v string) string {
	switch v {
	case domain.BillProrate:
		return "Prorate from the completion date (PRORATE)"
	case "DIFFERENCE":
		return "Charge the difference this bill cycle (DIFFERENCE)"
	case "NEXT_CYCLE":
		return "Start next bill cycle, no proration (NEXT_CYCLE)"
	}
	return v
}

// suspendWords says a suspend type in words, its value beside them.
func suspendWords(v string) string {
	switch v {
	case "ALL":
		return "All calls (ALL)"
	case "INCOMING":
		return "Incoming calls only (INCOMING)"
	case "OUTGOING":
		return "Outgoing calls only (OUTGOING)"
	}
	return v
}

// inventoryWords says what becomes of a device or SIM, its value beside it.
func inventoryWords(v string) string {
	switch v {
	case domain.InventoryAvailable:
		return "Available again (AVAILABLE)"
	case "UNAVAILABLE":
		return "Unavailable (UNAVAILABLE)"
	case "ASSIGNED":
		return "Stays with the customer (ASSIGNED)"
	}
	return v
}

// reviewKind says what the order does, as far as it is chosen.
func reviewKind(form *views.ChangeServiceForm) string {
	if form.Kind == views.KindDisconnect {
		if form.WholeAccount {
			return "Disconnect the whole account"
		}
		return "Disconnect a line"
	}
	return views.KindTitle(form.Kind)
}

package handlers

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"

	"switchboard/domain"
	"switchboard/views"
)

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
	procName, needsRoute := "None", false
	for _, p := range vm.Processes {
		if p.Selected {
			procName = p.Name
			if needsRoute = len(p.Routes) > 1; needsRoute {
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
		rows = append(rows, views.ReviewRow{Label: "New package", Value: pkg}, views.ReviewRow{Label: "Prorate", Value: yes(form.Prorate)},
			views.ReviewRow{Label: "One-time charges", Value: yes(form.OneTimeCharges)})
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
		switch {
		case form.FlowThrough && needsRoute:
			ft = "Yes: sent to the provider automatically once a supervisor has chosen its route"
		case form.FlowThrough:
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
	var items []*domain.OrderItem
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
		}
		if next := views.NextWords(domain.WhatNext(o, h.Store.Clock()), names.carriers[o.CarrierID], time.Time{}); next != "" {
			po.Notes = append(po.Notes, next)
		}
		vm.Plan = append(vm.Plan, po)
		items = append(items, o.Items...)
	}
	vm.Money, err = h.reviewMoney(ctx, items)
	return err
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

package handlers

import (
	"context"
	"net/http"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// wizardDef describes an order wizard: its draft kind, its address and its
// steps in order. Wizard state lives in a draft (domain.Draft) addressed by
// an unguessable id in the URL, with the step in the URL too, so browser
// back and forward, reload and bookmarks all work:
//
//	GET  {path}                     the first step, before any draft exists
//	POST {path}                     check the first step and start a draft
//	GET  {path}/{draft}/{step}      a step, as saved
//	POST {path}/{draft}/{step}      save the step; Next checks it first
//	POST {path}/{draft}/submit      create the orders, once
//	GET  {path}/{draft}/result      what a submitted draft created
type wizardDef struct {
	kind  string
	title string
	path  string
	steps []wizardStep
}

type wizardStep struct{ key, title string }

// index is the step's position, or -1 for a step the wizard lacks.
func (wd *wizardDef) index(step string) int {
	for i, s := range wd.steps {
		if s.key == step {
			return i
		}
	}
	return -1
}

// base is the draft's address.
func (wd *wizardDef) base(d *domain.Draft) string {
	if d == nil {
		return wd.path
	}
	return wd.path + "/" + d.ID
}

// stepResult is the address of a submitted draft's result.
const stepResult = "result"

// resultURL is the address of the draft's result.
func (wd *wizardDef) resultURL(d *domain.Draft) string { return wd.base(d) + "/" + stepResult }

// stepURL is the address of a step of d (the first step without a draft).
func (wd *wizardDef) stepURL(d *domain.Draft, step string) string {
	if d == nil {
		return wd.path
	}
	return wd.base(d) + "/" + step
}

// vm is the frame every step is drawn in: the step indicator links the
// steps passed and the one after them.
func (wd *wizardDef) vm(d *domain.Draft, step string, errs components.Errors) views.WizardVM {
	vm := views.WizardVM{Title: wd.title, Base: wd.base(d), Step: step, Action: wd.stepURL(d, step), Errors: errs}
	reached := 0
	if d != nil {
		reached = d.Reached
	}
	for i, s := range wd.steps {
		link := views.WizardStepLink{Key: s.key, Title: s.title, URL: wd.stepURL(d, s.key),
			Current: s.key == step, Done: i < reached, Open: i <= reached && (d != nil || i == 0)}
		if link.Current {
			vm.StepTitle = s.title
		}
		vm.Steps = append(vm.Steps, link)
	}
	if d == nil {
		// The first step posts to the wizard's address, which starts the draft.
		vm.Base = wd.path
	}
	return vm
}

// errOlderDraft answers a draft kept by another version of the wizards
// (domain.ErrDraftVersion). Version 1 kept the pages' forms; it is not
// converted: a draft lives a week at most, and reading it would tie the
// forms to their old names again.
var errOlderDraft = domain.Errorf(domain.ECONFLICT, "This draft was started with an older form of the wizard, so it cannot be read any more.")

// wizardAction is the button that sent a step's form.
func wizardAction(r *http.Request) string {
	a := r.PostForm.Get("action")
	if a == "" {
		return views.ActionNext // Enter in a field without JavaScript
	}
	return a
}

// listTarget reports whether an htmx request asks for one of a step's
// lists (search as you type) rather than the step.
func listTarget(r *http.Request, id string) bool {
	return isFragmentRequest(r) && r.Header.Get("HX-Target") == id
}

// toStep answers a step's successful post with the step to show next:
// 303 to it, or for htmx the step itself with its address pushed.
func (h *Handlers) toStep(w http.ResponseWriter, r *http.Request, url string, show func() error) error {
	if isFragmentRequest(r) {
		w.Header().Set("HX-Push-Url", url)
		return show()
	}
	http.Redirect(w, r, url, http.StatusSeeOther)
	return nil
}

// resultVM is what a submitted (or submitting) draft shows.
func (h *Handlers) resultVM(ctx context.Context, wd *wizardDef, d *domain.Draft, customerID int64) views.ResultVM {
	vm := views.ResultVM{Title: wd.title, CustomerID: customerID, AgainURL: wd.path, Interrupt: d.State == domain.DraftSubmitting}
	if customerID != 0 {
		vm.AgainURL += "?CustomerID=" + itoa64(customerID)
	}
	now := h.Store.Clock()
	supervisor := false
	if u := domain.UserFromContext(ctx); u != nil {
		supervisor = u.Role.AtLeast(domain.RoleSupervisor)
	}
	for _, id := range d.OrderIDs {
		link := views.ResultLink{Label: "Order " + itoa64(id), URL: "/orders/" + itoa64(id)}
		if o, err := h.Store.FindOrderByID(ctx, id); err == nil {
			link.Label += ": " + orderTypeName(o.Type) + ", PON " + o.PON + ", " + o.Status
			if o.CarrierName != "" {
				link.Label += ", " + o.CarrierName
			}
			link.Next = views.NextWords(domain.WhatNext(o, now), o.CarrierName, now)
			link.WaitsForRoute = o.AwaitingRoute()
			link.RouteLink = link.WaitsForRoute && supervisor
		}
		vm.Orders = append(vm.Orders, link)
	}
	for _, id := range d.LineIDs {
		label := "Line " + itoa64(id)
		url := "/customers/" + itoa64(customerID) + "#line-" + itoa64(id)
		if l, err := h.Store.FindLineByID(ctx, id); err == nil {
			url = "/customers/" + itoa64(l.CustomerID) + "#line-" + itoa64(id)
			if l.TN != "" {
				label += ": " + views.FormatTN(l.TN)
			} else {
				label += ": number to come"
			}
			label += ", " + l.Status
		}
		vm.Lines = append(vm.Lines, views.ResultLink{Label: label, URL: url})
	}
	return vm
}

// showResult answers with a submitted draft's result page.
func (h *Handlers) showResult(w http.ResponseWriter, r *http.Request, wd *wizardDef, d *domain.Draft, customerID int64) error {
	vm := h.resultVM(r.Context(), wd, d, customerID)
	// Never cached: a reload asks again and shows the same result.
	w.Header().Set("Cache-Control", "no-store")
	return h.render(w, r, http.StatusOK, views.WizardResultPage(h.shell(w, r, wd.title+": submitted"), vm), views.WizardResult(vm))
}

// wizardCustomer is the customer a wizard's form names, nil when none or
// not found (the rules say so on the customer step).
func (h *Handlers) wizardCustomer(ctx context.Context, id string) (*domain.Customer, error) {
	n := parseID(id)
	if n == 0 {
		return nil, nil
	}
	c, err := h.Store.FindCustomerByID(ctx, n)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, nil
	}
	return c, err
}

// carriersByID lists the carriers, and indexes them by ID.
func (h *Handlers) carriersByID(ctx context.Context) ([]*domain.Carrier, map[int64]*domain.Carrier, error) {
	carriers, err := h.Store.FindCarriers(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[int64]*domain.Carrier, len(carriers))
	for _, c := range carriers {
		byID[c.ID] = c
	}
	return carriers, byID, nil
}

// orderTypeName says an order type the way reps say it.
func orderTypeName(t string) string {
	switch t {
	case domain.TypeNew:
		return "new service"
	case domain.TypeSuspend:
		return "suspend"
	case domain.TypeRestore:
		return "restore"
	case domain.TypeDisconnect:
		return "disconnect"
	case domain.TypeAddLine:
		return "add line"
	case domain.TypeChangeFeature:
		return "change"
	case domain.TypePackageChange:
		return "package change"
	}
	return strings.ToLower(t)
}

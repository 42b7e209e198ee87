package handlers

import (
	"context"
	"encoding/json"
	"errors"
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

// loadDraft reads the draft named in the URL; another wizard's draft, or
// another user's, is not found.
func (h *Handlers) loadDraft(r *http.Request, wd *wizardDef) (*domain.Draft, error) {
	d, err := h.Store.FindDraft(r.Context(), r.PathValue("draft"))
	if err != nil {
		return nil, err
	}
	if d.Wizard != wd.kind {
		return nil, domain.Errorf(domain.ENOTFOUND, "This order draft does not exist or has expired. Start again.")
	}
	return d, nil
}

// decodeDraft reads the draft's values into form.
func decodeDraft(d *domain.Draft, form any) error {
	if len(d.Data) == 0 {
		return nil
	}
	return json.Unmarshal(d.Data, form)
}

// encodeDraft writes form into the draft's values.
func encodeDraft(d *domain.Draft, form any) error {
	b, err := json.Marshal(form)
	if err != nil {
		return err
	}
	d.Data = b
	return nil
}

// startDraft stores a new draft holding form, with the first step passed.
// Drafts whose time ran out are cleared on the way.
func (h *Handlers) startDraft(ctx context.Context, wd *wizardDef, form any, secrets map[string]domain.Secret) (*domain.Draft, error) {
	d := &domain.Draft{Wizard: wd.kind, Reached: 1, Secrets: secrets}
	if err := encodeDraft(d, form); err != nil {
		return nil, err
	}
	if err := h.Store.CreateDraft(ctx, d); err != nil {
		return nil, err
	}
	if n, err := h.Store.DeleteExpiredDrafts(ctx); err != nil {
		h.Log.WarnContext(ctx, "clearing expired order drafts failed", "err", err)
	} else if n > 0 {
		h.Log.InfoContext(ctx, "expired order drafts cleared", "count", n)
	}
	return d, nil
}

// saveDraft stores the draft's values. A draft submitted meanwhile (by a
// double click, or in another tab) is not changed: ECONFLICT.
func (h *Handlers) saveDraft(ctx context.Context, d *domain.Draft, form any) error {
	if err := encodeDraft(d, form); err != nil {
		return err
	}
	return h.Store.UpdateDraft(ctx, d)
}

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

// submitDraft creates a draft's orders once: create gets a context whose
// CreateRecord names the draft, so its store method makes the draft
// SUBMITTED, with the orders and lines, in the transaction that creates
// them (after a crash the draft is either still open or submitted with its
// orders). A second submit at the same moment waits there for the first.
// A draft submitted already (a double click, another tab) is no error: it
// shows its result. An EINVALID error created nothing; the draft stays
// open.
func (h *Handlers) submitDraft(ctx context.Context, d *domain.Draft, create func(ctx context.Context) (*domain.OrderPlan, error)) error {
	plan, err := create(domain.WithCreateRecord(ctx, &domain.CreateRecord{DraftID: d.ID}))
	var done *domain.AlreadyCreated
	if errors.As(err, &done) {
		return nil
	} else if err != nil {
		return err
	}
	h.Log.InfoContext(ctx, "order draft submitted", "draft", d.ID, "wizard", d.Wizard, "orders", plan.OrderIDs(), "lines", plan.LineIDs(), "by", actorName(ctx))
	return nil
}

// resultVM is what a submitted (or submitting) draft shows.
func (h *Handlers) resultVM(ctx context.Context, wd *wizardDef, d *domain.Draft, customerID int64) views.ResultVM {
	vm := views.ResultVM{Title: wd.title, CustomerID: customerID, AgainURL: wd.path, Interrupt: d.State == domain.DraftSubmitting}
	if customerID != 0 {
		vm.AgainURL += "?CustomerID=" + itoa64(customerID)
	}
	for _, id := range d.OrderIDs {
		label := "Order " + itoa64(id)
		if o, err := h.Store.FindOrderByID(ctx, id); err == nil {
			label += ": " + orderTypeName(o.Type) + ", PON " + o.PON + ", " + o.Status
			if o.CarrierName != "" {
				label += ", " + o.CarrierName
			}
		}
		vm.Orders = append(vm.Orders, views.ResultLink{Label: label, URL: "/orders/" + itoa64(id)})
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

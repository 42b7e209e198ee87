package handlers

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

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
func (h *Handlers) startDraft(ctx context.Context, wd *wizardDef, form any, secrets map[string]domain.Secret) (*domain.Draft, error) {
	d := &domain.Draft{Wizard: wd.kind, Reached: 1, Secrets: secrets}
	if err := encodeDraft(d, form); err != nil {
		return nil, err
	}
	if err := h.Store.CreateDraft(ctx, d); err != nil {
		return nil, err
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

// submitWait is how long a second submit of a draft waits for the first
// to finish before it shows "being created".
const submitWait = 15 * time.Second

// submitOnce creates a draft's orders at most once: the draft is claimed
// (OPEN → SUBMITTING) by one request only; that request runs create and
// records what it made (SUBMITTED), or gives the draft back when create
// failed and so made nothing. Every other request, at the same moment or
// later, waits for the first and then shows the same result. It returns
// the draft as it ends up and create's error, if any.
func (h *Handlers) submitOnce(ctx context.Context, d *domain.Draft, create func(ctx context.Context) (orders, lines []int64, err error)) (*domain.Draft, error) {
	claimed, cur, err := h.Store.ClaimDraft(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	if !claimed {
		return h.waitDraft(ctx, cur)
	}
	orders, lines, err := create(ctx)
	// Record the outcome even when the browser went away meanwhile.
	bg := context.WithoutCancel(ctx)
	if err != nil {
		if rerr := h.Store.ReleaseDraft(bg, d.ID); rerr != nil {
			h.Log.ErrorContext(ctx, "order draft not given back after a failed submit", "draft", d.ID, "err", rerr)
		}
		return nil, err
	}
	if err := h.Store.CompleteDraft(bg, d.ID, orders, lines); err != nil {
		// The orders exist; the draft stays SUBMITTING and is never sent again.
		h.Log.ErrorContext(ctx, "order draft submitted but its result not recorded", "draft", d.ID, "orders", orders, "err", err)
		return nil, err
	}
	h.Log.InfoContext(ctx, "order draft submitted", "draft", d.ID, "wizard", d.Wizard, "orders", orders, "lines", lines, "by", actorName(ctx))
	return h.Store.FindDraft(bg, d.ID)
}

// waitDraft waits while another request submits the draft.
func (h *Handlers) waitDraft(ctx context.Context, d *domain.Draft) (*domain.Draft, error) {
	deadline := time.Now().Add(submitWait)
	for d.State == domain.DraftSubmitting && time.Now().Before(deadline) && !d.Interrupted(time.Now()) {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		var err error
		if d, err = h.Store.FindDraft(ctx, d.ID); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// resultVM is what a submitted (or submitting) draft shows.
func (h *Handlers) resultVM(ctx context.Context, wd *wizardDef, d *domain.Draft, customerID int64) views.ResultVM {
	vm := views.ResultVM{Title: wd.title, CustomerID: customerID, AgainURL: wd.path, CheckURL: wd.resultURL(d)}
	if customerID != 0 {
		vm.AgainURL += "?CustomerID=" + itoa64(customerID)
	}
	switch {
	case d.State == domain.DraftSubmitting && d.Interrupted(time.Now()):
		vm.Interrupt = true
	case d.State == domain.DraftSubmitting:
		vm.Submitting = true
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

// requiredChoice rewrites the rules' "X is required" for the fields a
// wizard offers as a list to choose from.
func requiredChoice(errs components.Errors, field, msg string) {
	for i, m := range errs[field] {
		if strings.HasSuffix(m, " is required") {
			errs[field][i] = msg
		}
	}
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

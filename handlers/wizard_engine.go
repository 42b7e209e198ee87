package handlers

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// A wizardFlow is one order wizard on the engine: what its draft keeps (V),
// its steps, and how a step is read, checked and drawn, and what its
// submit creates. The engine does the rest, the same for every wizard:
// drafts, the step order, save, Back and Next, and submitting once.
type wizardFlow[V any] interface {
	// def is the wizard for values v (the change-service steps depend on
	// the kind chosen).
	def(v *V) *wizardDef
	// first is what the first step shows before a draft exists (?CustomerID=…).
	first(r *http.Request) *V
	// read copies the fields of step (at index i) from a posted form into
	// v; d is nil on the first step. It may take v back to an earlier step
	// (another kind or customer), lowering d.Reached.
	read(ctx context.Context, pf url.Values, step string, i int, v *V, d *domain.Draft) error
	// apply performs a button other than Back and Next (search, pick, add
	// or remove a row).
	apply(action string, v *V)
	// check checks v so far and keeps the errors of step (all of them on
	// the review), in the wizard's words.
	check(ctx context.Context, d *domain.Draft, v *V, step string) (components.Errors, error)
	// show draws step of d (nil before the draft exists) with errs.
	show(w http.ResponseWriter, r *http.Request, status int, d *domain.Draft, v *V, step string, errs components.Errors) error
	// submit is what submitting v creates: create, given a context that
	// names the draft, or the problems that stop it before, and how a
	// failed create's errors read on the review.
	submit(d *domain.Draft, v *V) (create func(context.Context) (*domain.OrderPlan, error), problems error, errs func(error) components.Errors)
	// customerID is the customer v is for, 0 if none yet.
	customerID(v *V) int64
	// what says what v does, for My drafts ("Suspend a line"); "" when
	// the wizard's title says it.
	what(v *V) string
	// keep is what the draft keeps of v: the wizard's input (domain.DraftValues).
	keep(v *V) ([]byte, error)
	// restore shows what keep kept in the form again; a draft of another
	// version is domain.ErrDraftVersion.
	restore(ctx context.Context, data []byte) (*V, error)
}

// wizardEngine runs a wizardFlow: the handlers of its routes (see wizardDef).
type wizardEngine[V any] struct {
	h    *Handlers
	kind string // the drafts' Wizard
	flow wizardFlow[V]
}

// WizardRoutes are the handlers of an order wizard's routes (wizardDef).
type WizardRoutes struct{ Start, Create, Step, Save, Submit HandlerFunc }

func (e *wizardEngine[V]) routes() WizardRoutes {
	return WizardRoutes{Start: e.start, Create: e.create, Step: e.step, Save: e.save, Submit: e.submit}
}

// load reads the draft named in the URL and its values.
func (e *wizardEngine[V]) load(r *http.Request) (*domain.Draft, *V, *wizardDef, error) {
	restart := func(err error) error {
		return &linkedError{err: err, Link: wizardStart(r.URL.Path), LinkText: "Start again"}
	}
	d, err := e.h.Store.FindDraft(r.Context(), r.PathValue("draft"))
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, nil, nil, restart(err)
	} else if err != nil {
		return nil, nil, nil, err
	}
	if d.Wizard != e.kind {
		return nil, nil, nil, restart(domain.Errorf(domain.ENOTFOUND, "This order draft does not exist or has expired."))
	}
	v, err := e.flow.restore(r.Context(), d.Data)
	if errors.Is(err, domain.ErrDraftVersion) && d.State != domain.DraftOpen {
		// Submitted by an older form: its result needs none of its values.
		v = new(V)
	} else if errors.Is(err, domain.ErrDraftVersion) {
		return nil, nil, nil, restart(errOlderDraft)
	} else if err != nil {
		return nil, nil, nil, err
	}
	return d, v, e.flow.def(v), nil
}

// start shows the first step before any draft exists.
func (e *wizardEngine[V]) start(w http.ResponseWriter, r *http.Request) error {
	v := e.flow.first(r)
	return e.flow.show(w, r, http.StatusOK, nil, v, e.flow.def(v).steps[0].key, nil)
}

// create checks the first step and starts a draft with it, then goes on
// to the second step.
func (e *wizardEngine[V]) create(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read.")
	}
	ctx := r.Context()
	v := e.flow.first(r)
	first := e.flow.def(v).steps[0].key
	if err := e.flow.read(ctx, r.PostForm, first, 0, v, nil); err != nil {
		return err
	}
	if wizardAction(r) != views.ActionNext {
		return e.flow.show(w, r, http.StatusOK, nil, v, first, nil)
	}
	errs, err := e.flow.check(ctx, nil, v, first)
	if err != nil {
		return err
	}
	if errs.Any() {
		return e.flow.show(w, r, http.StatusUnprocessableEntity, nil, v, first, errs)
	}
	d := &domain.Draft{Wizard: e.kind, Reached: 1}
	if d.Data, err = e.flow.keep(v); err != nil {
		return err
	}
	if err := e.h.Store.CreateDraft(ctx, d); err != nil {
		return err
	}
	next := e.flow.def(v).steps[1].key
	return e.h.toStep(w, r, e.flow.def(v).stepURL(d, next), func() error {
		return e.flow.show(w, r, http.StatusOK, d, v, next, nil)
	})
}

// step shows a step of a draft as saved. A step after the first one not
// yet passed sends the browser to that one; a submitted draft shows its
// result.
func (e *wizardEngine[V]) step(w http.ResponseWriter, r *http.Request) error {
	d, v, wd, err := e.load(r)
	if err != nil {
		return err
	}
	step := r.PathValue("step")
	if d.State != domain.DraftOpen || step == stepResult {
		if d.State == domain.DraftOpen {
			return redirect(w, r, wd.stepURL(d, wd.steps[min(d.Reached, len(wd.steps)-1)].key))
		}
		return e.h.showResult(w, r, wd, d, e.flow.customerID(v))
	}
	i := wd.index(step)
	if i < 0 {
		return domain.Errorf(domain.ENOTFOUND, "This wizard has no step %q.", step)
	}
	if i > d.Reached {
		http.Redirect(w, r, wd.stepURL(d, wd.steps[d.Reached].key), http.StatusSeeOther)
		return nil
	}
	var errs components.Errors
	// Text kept as typed that is not a value yet shows with its error.
	if step == views.StepReview || domain.HasUnparsed(d.Data) {
		if errs, err = e.flow.check(r.Context(), d, v, step); err != nil {
			return err
		}
	}
	return e.flow.show(w, r, http.StatusOK, d, v, step, errs)
}

// save saves a step's form. Next checks the step with the order rules
// first and stays, with the errors beside the fields (422), when any
// fails; what was typed is kept either way. Back keeps what was typed
// without checking it. Other buttons (search, use an item, add or remove
// a row) save and show the step again. Next on the review submits.
func (e *wizardEngine[V]) save(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read.")
	}
	ctx := r.Context()
	d, v, wd, err := e.load(r)
	if err != nil {
		return err
	}
	if d.State != domain.DraftOpen {
		return redirect(w, r, wd.resultURL(d))
	}
	step := r.PathValue("step")
	i := wd.index(step)
	if i < 0 || i > d.Reached {
		return domain.Errorf(domain.ENOTFOUND, "This wizard has no step %q to save yet.", step)
	}
	if err := e.flow.read(ctx, r.PostForm, step, i, v, d); err != nil {
		return err
	}
	wd = e.flow.def(v)
	action := wizardAction(r)
	switch {
	case step == views.StepReview && action == views.ActionNext:
		return e.submitDraft(w, r, d, v)
	case action == views.ActionBack:
		if err := e.saveDraft(ctx, d, v); err != nil {
			return e.gone(w, r, d, err)
		}
		prev := wd.steps[max(i-1, 0)].key
		return e.h.toStep(w, r, wd.stepURL(d, prev), func() error {
			return e.flow.show(w, r, http.StatusOK, d, v, prev, nil)
		})
	case action != views.ActionNext:
		e.flow.apply(action, v)
		if err := e.saveDraft(ctx, d, v); err != nil {
			return e.gone(w, r, d, err)
		}
		return e.flow.show(w, r, http.StatusOK, d, v, step, nil)
	}
	errs, err := e.flow.check(ctx, d, v, step)
	if err != nil {
		return err
	}
	if !errs.Any() {
		d.Reached = max(d.Reached, i+1)
	}
	if err := e.saveDraft(ctx, d, v); err != nil {
		return e.gone(w, r, d, err)
	}
	if errs.Any() {
		return e.flow.show(w, r, http.StatusUnprocessableEntity, d, v, step, errs)
	}
	next := wd.steps[i+1].key
	return e.h.toStep(w, r, wd.stepURL(d, next), func() error {
		var nextErrs components.Errors
		if next == views.StepReview {
			if nextErrs, err = e.flow.check(ctx, d, v, views.StepReview); err != nil {
				return err
			}
		}
		return e.flow.show(w, r, http.StatusOK, d, v, next, nextErrs)
	})
}

// submit submits a draft from its review (the review's form posts here too).
func (e *wizardEngine[V]) submit(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read.")
	}
	d, v, wd, err := e.load(r)
	if err != nil {
		return err
	}
	if d.State != domain.DraftOpen {
		return redirect(w, r, wd.resultURL(d))
	}
	if err := e.flow.read(r.Context(), r.PostForm, views.StepReview, wd.index(views.StepReview), v, d); err != nil {
		return err
	}
	return e.submitDraft(w, r, d, v)
}

// submitDraft creates the orders of a reviewed draft, once: the store
// makes the draft SUBMITTED in the transaction that creates them (a second
// submit at the same moment waits for the first there, then finds it
// submitted). Rules that fail now (the data changed since the review)
// show on the review; the draft stays open.
func (e *wizardEngine[V]) submitDraft(w http.ResponseWriter, r *http.Request, d *domain.Draft, v *V) error {
	ctx := r.Context()
	wd := e.flow.def(v)
	if d.Reached < wd.index(views.StepReview) {
		return redirect(w, r, wd.resultURL(d))
	}
	if err := e.saveDraft(ctx, d, v); err != nil {
		return e.gone(w, r, d, err)
	}
	create, problems, errsOf := e.flow.submit(d, v)
	if problems != nil {
		return e.flow.show(w, r, http.StatusUnprocessableEntity, d, v, views.StepReview, errsOf(problems))
	}
	plan, err := create(domain.WithCreateRecord(ctx, &domain.CreateRecord{DraftID: d.ID}))
	var done *domain.AlreadyCreated
	switch {
	case errors.As(err, &done):
	case domain.IsInputError(err):
		return e.flow.show(w, r, http.StatusUnprocessableEntity, d, v, views.StepReview, errsOf(err))
	case err != nil:
		return err
	default:
		e.h.Log.InfoContext(ctx, "order draft submitted", "draft", d.ID, "wizard", d.Wizard,
			"orders", plan.OrderIDs(), "lines", plan.LineIDs(), "by", actorName(ctx))
	}
	return redirect(w, r, wd.resultURL(d))
}

// saveDraft stores the draft's values. A draft submitted meanwhile (a
// double click, another tab) is not changed: *domain.AlreadyCreated.
func (e *wizardEngine[V]) saveDraft(ctx context.Context, d *domain.Draft, v *V) error {
	var err error
	if d.Data, err = e.flow.keep(v); err != nil {
		return err
	}
	return e.h.Store.UpdateDraft(ctx, d)
}

// gone answers a save of a draft that was submitted meanwhile with its
// result, and passes any other error on.
func (e *wizardEngine[V]) gone(w http.ResponseWriter, r *http.Request, d *domain.Draft, err error) error {
	var done *domain.AlreadyCreated
	if errors.As(err, &done) {
		return redirect(w, r, e.flow.def(new(V)).resultURL(d))
	}
	return err
}

// wizardStart is the start of the wizard a step's path belongs to:
// /orders/new for /orders/new/{draft}/{step}.
func wizardStart(path string) string {
	parts := strings.SplitN(strings.TrimPrefix(path, "/"), "/", 3)
	if len(parts) < 2 {
		return "/"
	}
	return "/" + parts[0] + "/" + parts[1]
}

package handlers

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"switchboard/domain"
	"switchboard/views"
)

// draftsListed is how many open drafts My drafts lists, the ones saved last.
const draftsListed = 50

// HandleDrafts is My drafts: the signed-in rep's open drafts, the one saved
// last first, each resumed at its step. Submitted and expired drafts are
// not listed; the store lists only the rep's own.
func (h *Handlers) HandleDrafts(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	drafts, err := h.Store.FindOpenDrafts(ctx, draftsListed+1)
	if err != nil {
		return err
	}
	vm := views.DraftsVM{More: len(drafts) > draftsListed}
	drafts = drafts[:min(len(drafts), draftsListed)]
	var ids []int64
	customers := make([]int64, len(drafts))
	for i, d := range drafts {
		e, cust, err := h.draftEntry(ctx, d)
		if err != nil {
			return err
		}
		vm.Drafts, customers[i] = append(vm.Drafts, e), cust
		if cust != 0 {
			ids = append(ids, cust)
		}
	}
	names, err := h.Store.FindCustomerNames(ctx, ids)
	if err != nil {
		return err
	}
	for i := range vm.Drafts {
		vm.Drafts[i].Customer = names[customers[i]]
	}
	w.Header().Set("Cache-Control", "no-store")
	return h.render(w, r, http.StatusOK, views.DraftsPage(h.shell(w, r, "My drafts"), vm), nil)
}

// HandleDraftDiscardConfirm asks before a draft is discarded.
func (h *Handlers) HandleDraftDiscardConfirm(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := h.openDraft(w, r)
	if d == nil {
		return err
	}
	e, cust, err := h.draftEntry(ctx, d)
	if err != nil {
		return err
	}
	if cust != 0 {
		if c, err := h.Store.FindCustomerByID(ctx, cust); err == nil {
			e.Customer = c.Name
		}
	}
	return h.render(w, r, http.StatusOK, views.DraftDiscardPage(h.shell(w, r, "Discard a draft"), e), nil)
}

// HandleDraftDiscard forgets a draft from its confirmation. Drafts are not
// audited (nothing is created until they are submitted): it is deleted,
// and the log says who discarded it.
func (h *Handlers) HandleDraftDiscard(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := h.openDraft(w, r)
	if d == nil {
		return err
	}
	var done *domain.AlreadyCreated
	if err := h.Store.DeleteDraft(ctx, d.ID); errors.As(err, &done) {
		return redirect(w, r, draftWizard(d).resultURL(d))
	} else if err != nil {
		return err
	}
	h.Log.InfoContext(ctx, "order draft discarded", "draft", d.ID, "wizard", d.Wizard, "by", actorName(ctx))
	h.flash(w, r, "ok", "The draft was discarded.")
	return redirect(w, r, "/drafts")
}

// openDraft is the rep's draft the path names. A draft submitted
// meanwhile goes to its result (nil, nil); an unknown, expired or other
// rep's one is ENOTFOUND with a way back to My drafts.
func (h *Handlers) openDraft(w http.ResponseWriter, r *http.Request) (*domain.Draft, error) {
	d, err := h.Store.FindDraft(r.Context(), r.PathValue("draft"))
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, &linkedError{err: err, Link: "/drafts", LinkText: "My drafts"}
	} else if err != nil {
		return nil, err
	}
	if d.State != domain.DraftOpen {
		return nil, redirect(w, r, draftWizard(d).resultURL(d))
	}
	return d, nil
}

// draftWizard is the wizard a draft belongs to, for its addresses.
func draftWizard(d *domain.Draft) *wizardDef {
	if d.Wizard == domain.DraftChangeService {
		return changeServiceWizard("")
	}
	return newServiceWizard
}

// draftEntry is how a draft reads on My drafts, and its customer (0 if none yet).
func (h *Handlers) draftEntry(ctx context.Context, d *domain.Draft) (views.DraftEntry, int64, error) {
	if d.Wizard == domain.DraftChangeService {
		return h.changeService().entry(ctx, d)
	}
	return h.newService().entry(ctx, d)
}

// entry is how a draft of this wizard reads on My drafts: the step it
// resumes at is the first not passed yet. A draft of an older form
// cannot be resumed; it is started again.
func (e *wizardEngine[V]) entry(ctx context.Context, d *domain.Draft) (views.DraftEntry, int64, error) {
	v, err := e.flow.restore(ctx, d.Data)
	older := errors.Is(err, domain.ErrDraftVersion)
	if older {
		v = new(V)
	} else if err != nil {
		return views.DraftEntry{}, 0, err
	}
	wd := e.flow.def(v)
	i := min(d.Reached, len(wd.steps)-1)
	now := time.Now()
	entry := views.DraftEntry{ID: d.ID, Wizard: wd.title, What: e.flow.what(v), Older: older,
		Step:   "Step " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(wd.steps)) + ": " + wd.steps[i].title,
		Resume: wd.stepURL(d, wd.steps[i].key), Discard: "/drafts/" + d.ID + "/discard",
		Saved: draftTime(d.UpdatedAt), SavedAgo: views.Age(d.UpdatedAt, now), SavedISO: d.UpdatedAt.UTC().Format(time.RFC3339),
		Expires: draftTime(d.ExpiresAt)}
	if older {
		entry.Resume = wd.path
	}
	return entry, e.flow.customerID(v), nil
}

func draftTime(t time.Time) string { return t.UTC().Format("Jan 2, 2006 15:04 UTC") }

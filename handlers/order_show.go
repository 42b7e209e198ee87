package handlers

import (
	"net/http"
	"strconv"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// HandleOrderShow shows one order, with the update form for reps.
func (h *Handlers) HandleOrderShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Order")
	if err != nil {
		return err
	}
	vm, err := h.orderShowVM(r.Context(), id, nil)
	if err != nil {
		return err
	}
	return h.renderOrderShow(w, r, http.StatusOK, vm)
}

// HandleOrderUpdate performs Orders_Update from the order page's form. The
// form carries the version it was read at: when someone saved the order
// since, nothing changes and the page comes back with the order as it is
// now, what was typed kept, and a conflict message (409). Bad input comes
// back beside the fields (422). Success redirects to the order (303).
func (h *Handlers) HandleOrderUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(r, "Order")
	if err != nil {
		return err
	}
	ctx := r.Context()
	st := h.Store
	o, err := st.FindOrderByID(ctx, id)
	if err != nil {
		return err
	}
	form := postedUpdateForm(r.PostForm)
	version, verr := strconv.Atoi(r.PostForm.Get("Version"))
	in, perr := updateInput(o, r.PostForm)

	var status int
	switch {
	case verr != nil:
		status, form.Conflict = http.StatusConflict, "This form does not say which version of the order it was read at. The order as it is now is shown; check your entries and save again."
	case perr != nil:
		status, form.Errors = http.StatusUnprocessableEntity, components.ErrorsOf(perr)
	case in.Empty():
		status, form.Notice = http.StatusUnprocessableEntity, "Nothing to save: no field differs from the order."
	default:
		_, err = st.UpdateOrder(ctx, id, in, &version)
		switch code := domain.ErrorCode(err); {
		case code == "":
			h.flash(w, r, "ok", updateMessage(o, in))
			return redirect(w, r, "/orders/"+itoa64(id))
		case code == domain.ESTALE:
			status = http.StatusConflict
			form.Conflict = "Someone else saved this order while you were editing it, so your changes were not saved. " +
				"The order is shown as it is now, with what you typed kept: check it and save again."
		case domain.IsInputError(err):
			status, form.Errors = http.StatusUnprocessableEntity, components.ErrorsOf(err)
		case code == domain.EFORBIDDEN:
			status, form.Errors = http.StatusForbidden, components.Errors{"": {components.SayError(err)}}
		default:
			return err
		}
	}
	vm, err := h.orderShowVM(ctx, id, &form)
	if err != nil {
		return err
	}
	return h.renderOrderShow(w, r, status, vm)
}

func (h *Handlers) renderOrderShow(w http.ResponseWriter, r *http.Request, status int, vm views.OrderShowVM) error {
	title := "Order " + itoa64(vm.ID)
	return h.render(w, r, status, views.OrderShowPage(h.shell(w, r, title), vm), views.OrderShowBody(vm))
}

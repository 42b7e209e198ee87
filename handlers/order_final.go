package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// Completing and canceling an order are final, so each has its own
// confirmation page that says what it will do; the update form does not
// offer them.

// HandleOrderCompleteConfirm asks before completing an order.
func (h *Handlers) HandleOrderCompleteConfirm(w http.ResponseWriter, r *http.Request) error {
	return h.showFinalMove(w, r, views.FinalComplete, domain.OrderComplete)
}

// HandleOrderCancelConfirm asks before canceling an order, and for the reason.
func (h *Handlers) HandleOrderCancelConfirm(w http.ResponseWriter, r *http.Request) error {
	return h.showFinalMove(w, r, views.FinalCancel, domain.OrderCanceled)
}

func (h *Handlers) showFinalMove(w http.ResponseWriter, r *http.Request, move, to string) error {
	id, err := pathID(r, "id", "Order")
	if err != nil {
		return err
	}
	o, err := h.Store.FindOrderByID(r.Context(), id)
	if err != nil {
		return err
	}
	if err := checkFinalMove(r, o, to); err != nil {
		return err
	}
	vm, err := h.finalMoveVM(r, o, move)
	if err != nil {
		return err
	}
	return h.renderFinalMove(w, r, http.StatusOK, vm)
}

// HandleOrderComplete completes an order from its confirmation page: the
// order applies to its lines in the transaction that records it.
func (h *Handlers) HandleOrderComplete(w http.ResponseWriter, r *http.Request) error {
	return h.makeFinalMove(w, r, views.FinalComplete, domain.OrderComplete)
}

// HandleOrderCancel cancels an order from its confirmation page; the
// reason is required and becomes the order's StatusNote.
func (h *Handlers) HandleOrderCancel(w http.ResponseWriter, r *http.Request) error {
	return h.makeFinalMove(w, r, views.FinalCancel, domain.OrderCanceled)
}

func (h *Handlers) makeFinalMove(w http.ResponseWriter, r *http.Request, move, to string) error {
	id, err := postedTo(r, "Order")
	if err != nil {
		return err
	}
	ctx := r.Context()
	o, err := h.Store.FindOrderByID(ctx, id)
	if err != nil {
		return err
	}
	if err := checkFinalMove(r, o, to); err != nil {
		return err
	}
	vm, err := h.finalMoveVM(r, o, move)
	if err != nil {
		return err
	}
	vm.Note, vm.Date = r.PostForm.Get("StatusNote"), strings.TrimSpace(r.PostForm.Get("CompletionDate"))
	version, verr := strconv.Atoi(r.PostForm.Get("Version"))
	in := &domain.OrderUpdateInput{Status: to, CompletionDate: vm.Date}
	if n := strings.TrimSpace(vm.Note); n != "" {
		in.StatusNote = &n
	}
	status := http.StatusUnprocessableEntity
	switch {
	case verr != nil:
		status, vm.Conflict = http.StatusConflict, "This form does not say which version of the order it was read at. Check the order as it is now and confirm again."
	case to == domain.OrderCanceled && domain.CheckCancelReason(vm.Note) != nil:
		vm.Errors = components.ErrorsOf(domain.CheckCancelReason(vm.Note))
	default:
		_, err = h.Store.UpdateOrder(ctx, id, in, &version)
		switch domain.ErrorCode(err) {
		case "":
			h.flash(w, r, "ok", finalMoveMessage(o.ID, to))
			return redirect(w, r, "/orders/"+itoa64(id))
		case domain.ESTALE:
			status, vm.Conflict = http.StatusConflict, "Someone else saved this order since you opened this page, so nothing changed. What it will do is shown again as the order is now: confirm again if it still holds."
			if o, err = h.Store.FindOrderByID(ctx, id); err != nil {
				return err
			}
			fresh, err := h.finalMoveVM(r, o, move)
			if err != nil {
				return err
			}
			fresh.Note, fresh.Date, fresh.Conflict = vm.Note, vm.Date, vm.Conflict
			vm = fresh
		case domain.EINVALID:
			vm.Errors = components.ErrorsOf(err)
		default:
			return err
		}
	}
	return h.renderFinalMove(w, r, status, vm)
}

// checkFinalMove asks the lifecycle and the role whether the signed-in
// person may move o to the final status to.
func checkFinalMove(r *http.Request, o *domain.Order, to string) error {
	var role domain.Role
	if u := domain.UserFromContext(r.Context()); u != nil {
		role = u.Role
	}
	return domain.CheckMove(o.Status, to, role)
}

func (h *Handlers) finalMoveVM(r *http.Request, o *domain.Order, move string) (views.OrderFinalVM, error) {
	vm := views.OrderFinalVM{Move: move, OrderID: o.ID, Version: o.Version, Type: o.Type, Status: o.Status,
		Customer: "customer " + itoa64(o.CustomerID), ActionURL: views.FinalMoveURL(o.ID, move)}
	if c, err := h.Store.FindCustomerByID(r.Context(), o.CustomerID); err == nil {
		vm.Customer = c.Name
	} else if domain.ErrorCode(err) != domain.ENOTFOUND {
		return vm, err
	}
	if move == views.FinalComplete {
		var ids domain.ReferenceIDs
		for _, e := range domain.CompletionEffects(o) {
			if e.Kind == domain.EffectLinePackage {
				ids.Packages = append(ids.Packages, e.PackageID)
			}
		}
		names, err := h.Store.FindReferenceNames(r.Context(), ids)
		if err != nil {
			return vm, err
		}
		vm.Effects = completionWords(o, names.Packages)
	} else {
		vm.Effects = cancelWords(o)
	}
	return vm, nil
}

func (h *Handlers) renderFinalMove(w http.ResponseWriter, r *http.Request, status int, vm views.OrderFinalVM) error {
	return h.render(w, r, status, views.OrderFinalPage(h.shell(w, r, vm.Title()), vm), nil)
}

func finalMoveMessage(id int64, to string) string {
	if to == domain.OrderCanceled {
		return "Order " + itoa64(id) + " canceled."
	}
	return "Order " + itoa64(id) + " completed: its changes are applied."
}

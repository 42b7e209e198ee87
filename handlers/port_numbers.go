package handlers

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// portNumbersVM builds the range editor of service id.
func (h *Handlers) portNumbersVM(ctx context.Context, id int64) (views.PortNumbersVM, *domain.OrderService, error) {
	svc, err := h.Store.FindOrderService(ctx, id)
	if err != nil {
		return views.PortNumbersVM{}, nil, err
	}
	q, err := h.Store.FindQuoteByID(ctx, svc.QuoteID)
	if err != nil {
		return views.PortNumbersVM{}, nil, err
	}
	vm := views.PortNumbersVM{ServiceID: svc.ID, QuoteID: q.ID, CustomerID: q.CustomerID, CustomerName: q.CustomerName,
		DesignName: svc.Design.Name, Actions: svc.Design.PortActions, Max: svc.Design.MaxPortQuantity, Used: svc.PortQuantity(),
		Control: svc.Design.PortingNumberControl, Open: svc.IsQuote}
	vm.CanEdit = vm.Open && vm.Control && canEdit(ctx)
	for _, pn := range svc.PortNumbers {
		vm.Rows = append(vm.Rows, portNumberRow(pn))
	}
	vm.Add = views.PortNumberForm{Values: map[string]string{}}
	vm.Paste.Action = domain.PortActionPort
	if len(vm.Actions) > 0 {
		vm.Paste.Action = vm.Actions[0]
	}
	return vm, svc, nil
}

func portNumberRow(pn *domain.PortNumber) views.PortNumberRow {
	r := views.PortNumberRow{ID: pn.ID, First: pn.FirstNumber, Last: pn.LastNumber, Quantity: pn.Quantity, Action: pn.PortAction}
	if pn.AssociatedNumber != nil {
		r.Associated = *pn.AssociatedNumber
	}
	return r
}

// editForm is stored range pn as the edit row shows it.
func editForm(pn views.PortNumberRow) views.PortNumberForm {
	return views.PortNumberForm{ID: pn.ID, Values: map[string]string{"FirstNumber": pn.First, "LastNumber": pn.Last,
		"Quantity": strconv.FormatInt(pn.Quantity, 10), "PortAction": pn.Action, "AssociatedNumber": pn.Associated}}
}

// portNumberForm reads the add form or an edit row: an empty field is not
// given; a Quantity that is not a whole number is a problem of its own.
func portNumberForm(r *http.Request, id int64) (domain.PortNumberInput, views.PortNumberForm, error) {
	f := views.PortNumberForm{ID: id, Values: map[string]string{}, Errors: map[string][]string{}}
	var in domain.PortNumberInput
	var p domain.Problems
	for _, name := range views.PortNumberFields {
		v := strings.TrimSpace(r.PostFormValue(name))
		if !domain.CheckChars(&p, domain.FieldPortNumberPrefix+name, name, v) {
			v = ""
		}
		f.Values[name] = v
		if v == "" {
			continue
		}
		switch name {
		case "FirstNumber":
			in.FirstNumber = &v
		case "LastNumber":
			in.LastNumber = &v
		case "AssociatedNumber":
			in.AssociatedNumber = &v
		case "PortAction":
			in.PortAction = &v
		case "Quantity":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				p.Add(domain.FieldQuantity, "Quantity must be a whole number")
				continue
			}
			in.Quantity = &n
		}
	}
	return in, f, p.Err()
}

// formMessages puts err's messages beside the form's fields: a field of
// PortNumber beside its input, anything else (overlaps, the service's own
// refusals) beside the range.
func formMessages(f *views.PortNumberForm, err error) bool {
	switch domain.ErrorCode(err) {
	case domain.EINVALID, domain.EFORBIDDEN:
	default:
		return false
	}
	if f.Errors == nil {
		f.Errors = map[string][]string{}
	}
	fs := domain.ErrorFields(err)
	if len(fs) == 0 {
		fs = []domain.FieldError{{Message: components.SayError(err)}}
	}
	for _, fe := range fs {
		key := strings.TrimPrefix(fe.Field, domain.FieldPortNumberPrefix)
		if key == fe.Field {
			key = ""
		}
		f.Errors[key] = append(f.Errors[key], components.Say(fe))
	}
	return true
}

// HandlePortNumbers shows the range editor: GET /order-services/{id}/port-numbers[?edit=ID].
func (h *Handlers) HandlePortNumbers(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Order service")
	if err != nil {
		return err
	}
	vm, _, err := h.portNumbersVM(r.Context(), id)
	if err != nil {
		return err
	}
	if e, err := strconv.ParseInt(r.URL.Query().Get("edit"), 10, 64); err == nil && vm.CanEdit {
		for _, row := range vm.Rows {
			if row.ID == e {
				vm.EditID, vm.Edit = e, editForm(row)
			}
		}
	}
	return h.renderEditor(w, r, http.StatusOK, vm)
}

func (h *Handlers) renderEditor(w http.ResponseWriter, r *http.Request, status int, vm views.PortNumbersVM) error {
	title := "Port numbers · " + vm.DesignName + " · service " + itoa64(vm.ServiceID)
	return h.render(w, r, status, views.PortNumbersPage(h.shell(w, r, title), vm), views.PortNumberEditor(vm))
}

// editorDone answers a change that worked: the editor again with what was
// done (htmx), or a redirect to it.
func (h *Handlers) editorDone(w http.ResponseWriter, r *http.Request, id int64, notice string) error {
	if !isFragmentRequest(r) {
		h.flash(w, r, "ok", notice)
		return redirect(w, r, views.PortNumbersURL(id))
	}
	vm, _, err := h.portNumbersVM(r.Context(), id)
	if err != nil {
		return err
	}
	vm.Notice = notice
	return h.renderEditor(w, r, http.StatusOK, vm)
}

// HandlePortNumberAdd adds a range from the editor: POST /order-services/{id}/port-numbers.
func (h *Handlers) HandlePortNumberAdd(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "id", "Order service")
	if err != nil {
		return err
	}
	in, form, err := portNumberForm(r, 0)
	var pns []*domain.PortNumber
	if err == nil {
		if pns, err = h.Store.AddPortNumbers(ctx, id, []domain.PortNumberInput{in}); err == nil {
			return h.editorDone(w, r, id, "Added "+pns[0].Range()+" ("+plural(int(pns[0].Quantity), "number")+").")
		}
	}
	return h.editorRefused(w, r, id, form, err, func(vm *views.PortNumbersVM, f views.PortNumberForm) { vm.Add = f })
}

// HandlePortNumberChange saves an edit row: POST /order-services/{id}/port-numbers/{pid}.
func (h *Handlers) HandlePortNumberChange(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "id", "Order service")
	if err != nil {
		return err
	}
	pid, err := pathID(r, "pid", "Port number")
	if err != nil {
		return err
	}
	in, form, err := portNumberForm(r, pid)
	var pn *domain.PortNumber
	if err == nil {
		if pn, err = h.Store.UpdatePortNumber(ctx, id, pid, in); err == nil {
			return h.editorDone(w, r, id, "Saved "+pn.Range()+" ("+plural(int(pn.Quantity), "number")+").")
		}
	}
	return h.editorRefused(w, r, id, form, err, func(vm *views.PortNumbersVM, f views.PortNumberForm) { vm.EditID, vm.Edit = pid, f })
}

// editorRefused answers a refused add or edit of service id's ranges: the
// editor again, place putting form with its messages where it was, or err
// itself when it is no input error or the service takes no changes (no
// form to show it beside).
func (h *Handlers) editorRefused(w http.ResponseWriter, r *http.Request, id int64, form views.PortNumberForm, err error, place func(*views.PortNumbersVM, views.PortNumberForm)) error {
	if !formMessages(&form, err) {
		return err
	}
	vm, _, verr := h.portNumbersVM(r.Context(), id)
	if verr != nil {
		return verr
	}
	if !vm.CanEdit {
		return err
	}
	place(&vm, form)
	return h.renderEditor(w, r, http.StatusUnprocessableEntity, vm)
}

// HandlePortNumberRemove removes a range: POST /order-services/{id}/port-numbers/{pid}/remove.
func (h *Handlers) HandlePortNumberRemove(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Order service")
	if err != nil {
		return err
	}
	pid, err := pathID(r, "pid", "Port number")
	if err != nil {
		return err
	}
	if err := h.Store.RemovePortNumber(r.Context(), id, pid); err != nil {
		return err
	}
	return h.editorDone(w, r, id, "Removed the range.")
}

// HandlePortNumberCheck checks the add form or an edit row as it is typed:
// POST /order-services/{id}/port-numbers/check[?PortNumberID=…]. It
// answers every message slot of that form, out of band; nothing is saved.
func (h *Handlers) HandlePortNumberCheck(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Order service")
	if err != nil {
		return err
	}
	var pid int64
	if s := r.URL.Query().Get("PortNumberID"); s != "" {
		if pid, err = strconv.ParseInt(s, 10, 64); err != nil || pid <= 0 {
			return domain.ErrSavingNumbers()
		}
	}
	svc, err := h.Store.FindOrderService(r.Context(), id)
	if err != nil {
		return err
	}
	in, form, err := portNumberForm(r, pid)
	if err == nil {
		others := make([]*domain.PortNumber, 0, len(svc.PortNumbers))
		for _, pn := range svc.PortNumbers {
			if pn.ID != pid {
				others = append(others, pn)
			}
		}
		err = domain.CheckPortNumberDraft(svc, others, in)
	}
	if err != nil && !formMessages(&form, err) {
		return err
	}
	return h.write(w, r, http.StatusOK, views.PortNumberCheck(form))
}

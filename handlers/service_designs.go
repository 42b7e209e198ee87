package handlers

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

func (h *Handlers) serviceDesignsVM(ctx context.Context) (views.ServiceDesignsVM, []*domain.ServiceDesign, error) {
	ds, err := h.Store.FindServiceDesigns(ctx)
	if err != nil {
		return views.ServiceDesignsVM{}, nil, err
	}
	vm := views.ServiceDesignsVM{New: views.ServiceDesignForm{Control: true, Port: true, Max: "10"}}
	for _, d := range ds {
		acts := strings.Join(d.PortActions, " and ")
		if acts == "" {
			acts = "none"
		}
		vm.Rows = append(vm.Rows, views.ServiceDesignRow{ID: d.ID, Name: d.Name, Control: d.PortingNumberControl, Actions: acts, Max: d.MaxPortQuantity})
	}
	return vm, ds, nil
}

func designForm(d *domain.ServiceDesign) views.ServiceDesignForm {
	return views.ServiceDesignForm{ID: d.ID, Name: d.Name, Control: d.PortingNumberControl, Port: d.Allows(domain.PortActionPort),
		Cease: d.Allows(domain.PortActionCease), Max: strconv.FormatInt(d.MaxPortQuantity, 10)}
}

// HandleServiceDesigns lists the service designs: GET /admin/service-designs[?edit=ID].
func (h *Handlers) HandleServiceDesigns(w http.ResponseWriter, r *http.Request) error {
	vm, ds, err := h.serviceDesignsVM(r.Context())
	if err != nil {
		return err
	}
	if e, err := strconv.ParseInt(r.URL.Query().Get("edit"), 10, 64); err == nil {
		if i := slices.IndexFunc(ds, func(d *domain.ServiceDesign) bool { return d.ID == e }); i >= 0 {
			vm.EditID, vm.Edit = e, designForm(ds[i])
		}
	}
	return h.render(w, r, http.StatusOK, views.ServiceDesignsPage(h.shell(w, r, "Service designs"), vm), nil)
}

// designFromForm reads the create form (id 0) or an edit form.
func designFromForm(r *http.Request, id int64) (*domain.ServiceDesign, views.ServiceDesignForm, error) {
	r.ParseForm()
	prefix := "sd-" + strconv.FormatInt(id, 10) + "-"
	f := views.ServiceDesignForm{ID: id, Name: r.PostFormValue(prefix + "Name"), Control: r.PostFormValue("PortingNumberControl") == "true",
		Max: strings.TrimSpace(r.PostFormValue(prefix + "MaxPortQuantity")), Errors: map[string][]string{}}
	d := &domain.ServiceDesign{ID: id, Name: f.Name, PortingNumberControl: f.Control, PortActions: r.PostForm["PortActions"]}
	f.Port, f.Cease = d.Allows(domain.PortActionPort), d.Allows(domain.PortActionCease)
	if f.Max == "" {
		f.Max = "0"
	}
	n, err := strconv.ParseInt(f.Max, 10, 64)
	if err != nil {
		return d, f, domain.FieldErrorf("MaxPortQuantity", "Most port numbers must be a whole number")
	}
	d.MaxPortQuantity = n
	return d, f, nil
}

// HandleServiceDesignSave adds a design (POST /admin/service-designs) or
// changes one (POST /admin/service-designs/{id}).
func (h *Handlers) HandleServiceDesignSave(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = pathID(r, "id", "Service design"); err != nil {
			return err
		}
	}
	d, form, err := designFromForm(r, id)
	if err == nil {
		if id == 0 {
			err = h.Store.CreateServiceDesign(ctx, d)
		} else {
			err = h.Store.UpdateServiceDesign(ctx, d)
		}
	}
	if err == nil {
		h.flash(w, r, "ok", "Service design "+d.Name+" saved.")
		return redirect(w, r, "/admin/service-designs")
	}
	if domain.ErrorCode(err) != domain.EINVALID {
		return err
	}
	for _, fe := range domain.ErrorFields(err) {
		form.Errors[fe.Field] = append(form.Errors[fe.Field], components.Say(fe))
	}
	vm, _, verr := h.serviceDesignsVM(ctx)
	if verr != nil {
		return verr
	}
	if id == 0 {
		vm.New = form
	} else {
		vm.EditID, vm.Edit = id, form
	}
	return h.render(w, r, http.StatusUnprocessableEntity, views.ServiceDesignsPage(h.shell(w, r, "Service designs"), vm), nil)
}

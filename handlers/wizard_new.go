package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// newServiceWizard is /orders/new: NewOrders_Create a step at a time.
var newServiceWizard = &wizardDef{
	kind: domain.DraftNewService, title: "New service", path: "/orders/new",
	steps: []wizardStep{
		{views.StepCustomer, "Customer"},
		{views.StepPackage, "Package"},
		{views.StepService, "Service type and process"},
		{views.StepDevice, "Device and SIM"},
		{views.StepNumber, "Number"},
		{views.StepShipping, "Shipping and products"},
		{views.StepReview, "Review and submit"},
	},
}

// secretPIN is the draft secret holding WirelessPort.PINPassword.
const secretPIN = "PINPassword"

// How many rows of a list a step shows.
const (
	wizardCustomerChoices  = 12
	wizardInventoryChoices = 12
	maxProductRows         = 30
)

// newServiceFlow is the new-service wizard on the wizard engine.
type newServiceFlow struct{ h *Handlers }

func (h *Handlers) newService() *wizardEngine[views.NewServiceForm] {
	return &wizardEngine[views.NewServiceForm]{h: h, kind: domain.DraftNewService, flow: newServiceFlow{h}}
}

// NewServiceWizard is /orders/new: NewOrders_Create a step at a time. A
// search on the first step (htmx) asks for the customer list alone;
// ?CustomerID= chooses one already.
func (h *Handlers) NewServiceWizard() WizardRoutes { return h.newService().routes() }

func (newServiceFlow) def(*views.NewServiceForm) *wizardDef { return newServiceWizard }

func (newServiceFlow) first(r *http.Request) *views.NewServiceForm {
	return &views.NewServiceForm{CustomerID: strings.TrimSpace(r.FormValue("CustomerID"))}
}

func (f newServiceFlow) read(ctx context.Context, pf url.Values, step string, _ int, form *views.NewServiceForm, d *domain.Draft) error {
	readNewServiceStep(pf, step, form, draftSecrets(d))
	if step == views.StepPackage {
		return f.h.followPackage(ctx, form)
	}
	return nil
}

func (newServiceFlow) apply(action string, form *views.NewServiceForm) {
	applyNewServiceAction(action, form)
}

func (f newServiceFlow) check(ctx context.Context, d *domain.Draft, form *views.NewServiceForm, step string) (components.Errors, error) {
	errs, _, err := f.h.checkNewService(ctx, form, draftSecrets(d), step)
	return errs, err
}

func (f newServiceFlow) show(w http.ResponseWriter, r *http.Request, status int, d *domain.Draft, form *views.NewServiceForm, step string, errs components.Errors) error {
	return f.h.showNewService(w, r, status, d, form, step, errs)
}

func (f newServiceFlow) submit(d *domain.Draft, form *views.NewServiceForm) (func(context.Context) (*domain.OrderPlan, error), error, func(error) components.Errors) {
	in, probs := newServiceInput(form, d.Secrets)
	create := func(ctx context.Context) (*domain.OrderPlan, error) { return f.h.Store.CreateNewOrders(ctx, in) }
	return create, probs.Err(), func(err error) components.Errors { return newServiceErrors(err, views.StepReview) }
}

func (newServiceFlow) customerID(form *views.NewServiceForm) int64 { return parseID(form.CustomerID) }

func (newServiceFlow) what(*views.NewServiceForm) string { return "" }

func (newServiceFlow) keep(form *views.NewServiceForm) ([]byte, error) {
	return newServiceDraft(form).Encode()
}

func (newServiceFlow) restore(_ context.Context, data []byte) (*views.NewServiceForm, error) {
	v, err := domain.DecodeDraftValues[domain.NewOrdersInput, domain.NewServiceAnswers](data)
	if err != nil {
		return nil, err
	}
	return newServiceForm(v), nil
}

// draftSecrets are the draft's secrets; none before the draft exists.
func draftSecrets(d *domain.Draft) map[string]domain.Secret {
	if d == nil {
		return nil
	}
	return d.Secrets
}

// readNewServiceStep copies the fields of step from a posted form into
// form. The PIN goes to the draft's secrets, and only when one is typed:
// a blank PIN field keeps the saved one.
func readNewServiceStep(pf url.Values, step string, form *views.NewServiceForm, secrets map[string]domain.Secret) {
	get := func(name string) string { return strings.TrimSpace(pf.Get(name)) }
	switch step {
	case views.StepCustomer:
		form.CustomerID = get("CustomerID")
	case views.StepPackage:
		form.PackageID = get("PackageID")
	case views.StepService:
		form.LineTypeID, form.ProcessID, form.Description = get("LineTypeID"), get("ProcessID"), get("Description")
	case views.StepDevice:
		form.ESN, form.WirelessICCID = get("ESN"), get("WirelessICCID")
	case views.StepNumber:
		// The step draws only the fields of the kind of number chosen: what
		// was typed for another kind stays in the draft until it is chosen again.
		form.NumberMode = get("NumberMode")
		if _, ok := pf["ReconnectTN"]; ok {
			form.ReconnectTN = get("ReconnectTN")
		}
		if _, ok := pf["WirelessPort.MDN"]; !ok {
			return
		}
		p := &form.Port
		p.MDN, p.AccountNumber, p.AuthorizedSigner = get("WirelessPort.MDN"), get("WirelessPort.AccountNumber"), get("WirelessPort.AuthorizedSigner")
		p.Remark, p.ExternalProvider = get("WirelessPort.Remark"), get("WirelessPort.ExternalProvider")
		p.Address = readAddress(pf, "WirelessPort.Address")
		if pin := pf.Get("WirelessPort.PINPassword"); strings.TrimSpace(pin) != "" && secrets != nil {
			secrets[secretPIN] = domain.NewSecret(strings.TrimSpace(pin))
		}
	case views.StepShipping:
		form.Ship = get("Ship") == "true"
		form.ShippingAddress = readAddress(pf, "ShippingAddress")
		form.ShippingFilled = true
		form.Products = form.Products[:0]
		for i := 0; i < maxProductRows; i++ {
			pre := "AdditionalProducts[" + strconv.Itoa(i) + "]."
			if _, ok := pf[pre+"ProductID"]; !ok {
				break
			}
			p := views.ProductForm{ProductID: get(pre + "ProductID"), Rate: get(pre + "Rate"), Quantity: get(pre + "Quantity"), Description: get(pre + "Description")}
			if !p.Blank() {
				form.Products = append(form.Products, p)
			}
		}
	case views.StepReview:
		form.SendOrders = get("SendOrders") == "true"
	}
}

func readAddress(pf url.Values, prefix string) views.AddressForm {
	get := func(name string) string { return strings.TrimSpace(pf.Get(prefix + "." + name)) }
	return views.AddressForm{FirstName: get("FirstName"), LastName: get("LastName"), Address1: get("Address1"), Address2: get("Address2"),
		City: get("City"), State: get("State"), Zip: get("Zip"), Zip4: get("Zip4"), Country: get("Country")}
}

// applyNewServiceAction performs a button other than Back and Next: use an
// inventory item from the list, or remove a product row.
func applyNewServiceAction(action string, form *views.NewServiceForm) {
	switch {
	case strings.HasPrefix(action, views.ActionPick):
		field, value, _ := strings.Cut(strings.TrimPrefix(action, views.ActionPick), ":")
		switch field {
		case "ESN":
			form.ESN = value
		case "WirelessICCID":
			form.WirelessICCID = value
		}
	case strings.HasPrefix(action, views.ActionRemove+"Products:"):
		i, err := strconv.Atoi(strings.TrimPrefix(action, views.ActionRemove+"Products:"))
		if err == nil && i >= 0 && i < len(form.Products) {
			form.Products = append(form.Products[:i], form.Products[i+1:]...)
		}
	}
}

// newServiceStepOf is the step holding a field of NewOrders_Create.
func newServiceStepOf(field string) string {
	head, _, _ := strings.Cut(field, ".")
	if i := strings.IndexByte(head, '['); i >= 0 {
		head = head[:i]
	}
	switch head {
	case "CustomerID":
		return views.StepCustomer
	case "PackageID":
		return views.StepPackage
	case "LineTypeID", "ProcessID", "Description":
		return views.StepService
	case "ESN", "WirelessESN", "WirelessICCID":
		return views.StepDevice
	case "NumberMode", "ReconnectTN", "WirelessPort":
		return views.StepNumber
	case "ShippingAddress", "AdditionalProducts":
		return views.StepShipping
	}
	return views.StepReview
}

// newServiceErrors keeps the field errors of err that belong to step
// (every one on the review), in the wizard's words.
func newServiceErrors(err error, step string) components.Errors {
	out := components.Errors{}
	fs := domain.ErrorFields(err)
	if len(fs) == 0 && err != nil && step == views.StepReview {
		out[""] = append(out[""], components.SayError(err))
	}
	for _, f := range fs {
		if step == views.StepReview || newServiceStepOf(f.Field) == step {
			out[f.Field] = append(out[f.Field], views.FieldMessage(f.Field, f))
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// checkNewService checks the form so far with NewOrders_Create's rules
// (PlanNewOrders) and keeps the errors of step: the same field paths and
// messages the API gives. It returns the plan when every rule passed.
func (h *Handlers) checkNewService(ctx context.Context, form *views.NewServiceForm, secrets map[string]domain.Secret, step string) (components.Errors, *domain.OrderPlan, error) {
	in, p := newServiceInput(form, secrets)
	plan, err := domain.PlanNewOrders(ctx, h.Store, in)
	if err != nil && !domain.IsInputError(err) {
		return nil, nil, err
	}
	for _, f := range domain.ErrorFields(err) {
		if !p.Has(f.Field) { // a value that could not be read is reported once
			p.AddError(f)
		}
	}
	errs := newServiceErrors(p.Err(), step)
	if !p.Empty() {
		plan = nil
	}
	return errs, plan, nil
}

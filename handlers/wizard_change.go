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

// changeServiceWizard is /orders/create: Orders_Create (Suspend, Restore,
// Disconnect, Change, PackageChange, AddLine) a step at a time. The steps
// depend on the kind: AddLine chooses no existing line.
func changeServiceWizard(kind string) *wizardDef {
	wd := &wizardDef{kind: domain.DraftChangeService, title: "Change service", path: "/orders/create",
		steps: []wizardStep{{views.StepKind, "What to do"}, {views.StepCustomer, "Customer"}}}
	if kind != views.KindAddLine {
		wd.steps = append(wd.steps, wizardStep{views.StepLines, "Lines"})
	}
	details := "Details"
	switch kind {
	case views.KindAddLine:
		details = "New lines"
	case views.KindChange:
		details = "Product changes"
	case views.KindPackageChange:
		details = "New package"
	}
	wd.steps = append(wd.steps, wizardStep{views.StepDetails, details}, wizardStep{views.StepReview, "Review and submit"})
	return wd
}

// knownKind reports whether k is one of Orders_Create's kinds.
func knownKind(k string) bool {
	for _, x := range views.OrderKinds {
		if x == k {
			return true
		}
	}
	return false
}

// changeServiceFlow is the change-service wizard on the wizard engine.
type changeServiceFlow struct{ h *Handlers }

func (h *Handlers) changeService() *wizardEngine[views.ChangeServiceForm] {
	return &wizardEngine[views.ChangeServiceForm]{h: h, kind: domain.DraftChangeService, flow: changeServiceFlow{h}}
}

// ChangeServiceWizard is /orders/create: Orders_Create a step at a time;
// ?Kind= and ?CustomerID= choose them already.
func (h *Handlers) ChangeServiceWizard() WizardRoutes { return h.changeService().routes() }

func (changeServiceFlow) def(form *views.ChangeServiceForm) *wizardDef {
	return changeServiceWizard(form.Kind)
}

func (changeServiceFlow) first(r *http.Request) *views.ChangeServiceForm {
	form := &views.ChangeServiceForm{CustomerID: strings.TrimSpace(r.FormValue("CustomerID")), FlowThrough: true}
	if k := r.URL.Query().Get("Kind"); knownKind(k) {
		form.Kind = k
	}
	return form
}

// read copies the step's fields; another kind or customer than the draft
// had makes the lines and details chosen no longer apply, so the wizard
// goes on from the step after this one. Choosing lines lists each line's
// products for the Change.
func (f changeServiceFlow) read(ctx context.Context, pf url.Values, step string, i int, form *views.ChangeServiceForm, d *domain.Draft) error {
	kind, customer := form.Kind, form.CustomerID
	readChangeServiceStep(pf, step, form)
	if d != nil && (form.Kind != kind || form.CustomerID != customer) {
		*form = views.ChangeServiceForm{Kind: form.Kind, CustomerID: form.CustomerID, FlowThrough: true}
		d.Reached = min(d.Reached, i+1)
	}
	if step == views.StepLines {
		return f.h.syncChanges(ctx, form)
	}
	return nil
}

func (changeServiceFlow) apply(action string, form *views.ChangeServiceForm) {
	applyChangeServiceAction(action, form)
}

func (f changeServiceFlow) check(ctx context.Context, _ *domain.Draft, form *views.ChangeServiceForm, step string) (components.Errors, error) {
	if step == views.StepKind {
		if !knownKind(form.Kind) {
			return components.Errors{"Kind": {"Choose what to do."}}, nil
		}
		return nil, nil
	}
	errs, _, err := f.h.checkChangeService(ctx, form, step)
	return errs, err
}

func (f changeServiceFlow) show(w http.ResponseWriter, r *http.Request, status int, d *domain.Draft, form *views.ChangeServiceForm, step string, errs components.Errors) error {
	return f.h.showChangeService(w, r, status, d, form, step, errs)
}

func (f changeServiceFlow) submit(_ *domain.Draft, form *views.ChangeServiceForm) (func(context.Context) (*domain.OrderPlan, error), error, func(error) components.Errors) {
	in, probs, aliases := changeServiceInput(form)
	create := func(ctx context.Context) (*domain.OrderPlan, error) { return f.h.Store.CreateOrders(ctx, in) }
	return create, probs.Err(), func(err error) components.Errors {
		return changeServiceErrors(form, err, aliases, views.StepReview)
	}
}

func (changeServiceFlow) customerID(form *views.ChangeServiceForm) int64 {
	return parseID(form.CustomerID)
}

func (changeServiceFlow) what(form *views.ChangeServiceForm) string {
	if !knownKind(form.Kind) {
		return ""
	}
	return views.KindTitle(form.Kind)
}

func (changeServiceFlow) keep(form *views.ChangeServiceForm) ([]byte, error) {
	return changeServiceDraft(form).Encode()
}

func (f changeServiceFlow) restore(ctx context.Context, data []byte) (*views.ChangeServiceForm, error) {
	v, err := domain.DecodeDraftValues[domain.OrdersCreateInput, domain.ChangeServiceAnswers](data)
	if err != nil {
		return nil, err
	}
	return f.h.changeServiceForm(ctx, v)
}

// readChangeServiceStep copies the fields of step from a posted form into form.
func readChangeServiceStep(pf url.Values, step string, form *views.ChangeServiceForm) {
	get := func(name string) string { return strings.TrimSpace(pf.Get(name)) }
	switch step {
	case views.StepKind:
		form.Kind = get("Kind")
	case views.StepCustomer:
		form.CustomerID = get("CustomerID")
	case views.StepLines:
		if form.Kind == views.KindChange {
			form.LineIDs = form.LineIDs[:0]
			seen := map[string]bool{}
			for _, v := range pf["LineIDs"] {
				if v = strings.TrimSpace(v); v != "" && !seen[v] {
					seen[v] = true
					form.LineIDs = append(form.LineIDs, v)
				}
			}
			return
		}
		v := get("LineID")
		form.WholeAccount = form.Kind == views.KindDisconnect && v == "all"
		if form.WholeAccount {
			v = ""
		}
		form.LineID = v
	case views.StepDetails:
		form.ProcessID = get("ProcessID")
		form.FlowThrough = get("FlowThrough") == "true"
		switch form.Kind {
		case views.KindSuspend:
			form.SuspendType = get("SuspendType")
		case views.KindDisconnect:
			form.InventoryItemStatus = get("InventoryItemStatus")
		case views.KindPackageChange:
			form.PackageID, form.Prorate, form.OneTimeCharges = get("PackageID"), get("Prorate") == "true", get("OneTimeCharges") == "true"
		case views.KindAddLine:
			form.BillingOption = get("BillingOption")
			form.NewLines = form.NewLines[:0]
			for i := 0; i < maxProductRows; i++ {
				pre := "Lines[" + strconv.Itoa(i) + "]."
				if _, ok := pf[pre+"PackageID"]; !ok {
					break
				}
				l := views.NewLineForm{TN: get(pre + "TN"), PackageID: get(pre + "PackageID"), CarrierID: get(pre + "CarrierID"),
					CarrierAccountID: get(pre + "CarrierAccountID"), AltBTNID: get(pre + "AltBTNID"), LineTypeID: get(pre + "LineTypeID"),
					Description: get(pre + "Description"), PBXMake: get(pre + "PBXMake"), PBXModel: get(pre + "PBXModel"),
					Products: readLineProducts(pf, pre+"Products")}
				if !l.Blank() {
					form.NewLines = append(form.NewLines, l)
				}
			}
		case views.KindChange:
			form.BillingOption = get("BillingOption")
			form.IgnoreRelatedProducts = get("IgnoreRelatedProducts") == "true"
			for i := range form.Changes {
				c := &form.Changes[i]
				pre := "Lines[" + strconv.Itoa(i) + "]."
				c.Disconnect = get(pre+"Mode") == "disconnect"
				c.Add = readLineProducts(pf, pre+"Change.Products.Add")
				for j := range c.Products {
					p := &c.Products[j]
					cp := pre + "Product." + p.CustomerProductID + "."
					p.Action, p.Rate, p.Quantity = get(cp+"Action"), get(cp+"Rate"), get(cp+"Quantity")
				}
			}
		}
	}
}

// readLineProducts reads the rows list[0], list[1]… that are not blank.
func readLineProducts(pf url.Values, list string) []views.LineProductForm {
	var out []views.LineProductForm
	for j := 0; j < maxProductRows; j++ {
		pre := list + "[" + strconv.Itoa(j) + "]."
		if _, ok := pf[pre+"ProductID"]; !ok {
			break
		}
		p := views.LineProductForm{ProductID: strings.TrimSpace(pf.Get(pre + "ProductID")), Rate: strings.TrimSpace(pf.Get(pre + "Rate")),
			Quantity: strings.TrimSpace(pf.Get(pre + "Quantity"))}
		if !p.Blank() {
			out = append(out, p)
		}
	}
	return out
}

// applyChangeServiceAction performs a button other than Back and Next.
func applyChangeServiceAction(action string, form *views.ChangeServiceForm) {
	switch {
	case action == views.ActionAddLine:
		form.NewLines = append(form.NewLines, views.NewLineForm{})
		if len(form.NewLines) == 1 {
			form.NewLines = append(form.NewLines, views.NewLineForm{})
		}
	case strings.HasPrefix(action, views.ActionRemove+"NewLines:"):
		i, err := strconv.Atoi(strings.TrimPrefix(action, views.ActionRemove+"NewLines:"))
		if err == nil && i >= 0 && i < len(form.NewLines) {
			form.NewLines = append(form.NewLines[:i], form.NewLines[i+1:]...)
		}
	}
}

// syncChanges gives Change one entry per chosen line, in their order, each
// listing the line's products now; what was entered for a line stays.
func (h *Handlers) syncChanges(ctx context.Context, form *views.ChangeServiceForm) error {
	if form.Kind != views.KindChange {
		form.Changes = nil
		return nil
	}
	old := map[string]views.LineChangeForm{}
	for _, c := range form.Changes {
		old[c.LineID] = c
	}
	form.Changes = nil
	for _, id := range form.LineIDs {
		c := old[id]
		c.LineID = id
		prev := map[string]views.ProductChangeForm{}
		for _, p := range c.Products {
			prev[p.CustomerProductID] = p
		}
		c.Products = nil
		if lid := parseID(id); lid != 0 {
			l, err := h.Store.FindLineByID(ctx, lid)
			if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
				return err
			}
			if l != nil {
				for _, cp := range l.Products {
					p := prev[itoa64(cp.ID)]
					p.CustomerProductID = itoa64(cp.ID)
					c.Products = append(c.Products, p)
				}
			}
		}
		form.Changes = append(form.Changes, c)
	}
	return nil
}

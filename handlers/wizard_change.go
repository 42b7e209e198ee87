package handlers

import (
	"context"
	"errors"
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

// HandleChangeServiceStart shows the first step (what to do) before any draft
// exists; ?Kind= and ?CustomerID= choose them already.
func (h *Handlers) HandleChangeServiceStart(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	form := views.ChangeServiceForm{CustomerID: strings.TrimSpace(q.Get("CustomerID")), FlowThrough: true}
	if k := q.Get("Kind"); knownKind(k) {
		form.Kind = k
	}
	return h.showChangeService(w, r, http.StatusOK, nil, &form, views.StepKind, nil)
}

// HandleChangeServiceCreate checks the first step and starts a draft with it.
func (h *Handlers) HandleChangeServiceCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read.")
	}
	form := views.ChangeServiceForm{FlowThrough: true, CustomerID: strings.TrimSpace(r.PostForm.Get("CustomerID"))}
	readChangeServiceStep(r.PostForm, views.StepKind, &form)
	if !knownKind(form.Kind) {
		return h.showChangeService(w, r, http.StatusUnprocessableEntity, nil, &form, views.StepKind,
			components.Errors{"Kind": {"Choose what to do."}})
	}
	d, err := h.startDraft(r.Context(), changeServiceWizard(form.Kind), &form, nil)
	if err != nil {
		return err
	}
	wd := changeServiceWizard(form.Kind)
	return h.toStep(w, r, wd.stepURL(d, views.StepCustomer), func() error {
		return h.showChangeService(w, r, http.StatusOK, d, &form, views.StepCustomer, nil)
	})
}

// loadChangeServiceDraft reads a change-service draft and its values.
func (h *Handlers) loadChangeServiceDraft(r *http.Request) (*domain.Draft, *views.ChangeServiceForm, *wizardDef, error) {
	d, err := h.loadDraft(r, changeServiceWizard(""))
	if err != nil {
		return nil, nil, nil, err
	}
	var form views.ChangeServiceForm
	if err := decodeDraft(d, &form); err != nil {
		return nil, nil, nil, err
	}
	return d, &form, changeServiceWizard(form.Kind), nil
}

// HandleChangeServiceStep shows a step of a draft as saved (see HandleNewServiceStep).
func (h *Handlers) HandleChangeServiceStep(w http.ResponseWriter, r *http.Request) error {
	d, form, wd, err := h.loadChangeServiceDraft(r)
	if err != nil {
		return err
	}
	step := r.PathValue("step")
	if d.State != domain.DraftOpen || step == stepResult {
		if d.State == domain.DraftOpen {
			return redirect(w, r, wd.stepURL(d, wd.steps[min(d.Reached, len(wd.steps)-1)].key))
		}
		return h.showResult(w, r, wd, d, parseID(form.CustomerID))
	}
	i := wd.index(step)
	if i < 0 {
		return domain.Errorf(domain.ENOTFOUND, "This wizard has no step %q for %s.", step, views.KindTitle(form.Kind))
	}
	if i > d.Reached {
		http.Redirect(w, r, wd.stepURL(d, wd.steps[d.Reached].key), http.StatusSeeOther)
		return nil
	}
	var errs components.Errors
	if step == views.StepReview {
		if errs, _, err = h.checkChangeService(r.Context(), form, views.StepReview); err != nil {
			return err
		}
	}
	return h.showChangeService(w, r, http.StatusOK, d, form, step, errs)
}

// HandleChangeServiceSave saves a step's form (see HandleNewServiceSave).
func (h *Handlers) HandleChangeServiceSave(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read.")
	}
	ctx := r.Context()
	d, form, wd, err := h.loadChangeServiceDraft(r)
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
	kind, customer := form.Kind, form.CustomerID
	readChangeServiceStep(r.PostForm, step, form)
	if form.Kind != kind || form.CustomerID != customer {
		// Another kind or customer: the lines and details chosen no longer apply.
		*form = views.ChangeServiceForm{Kind: form.Kind, CustomerID: form.CustomerID, FlowThrough: true}
		d.Reached = min(d.Reached, i+1)
		wd = changeServiceWizard(form.Kind)
	}
	if step == views.StepLines {
		if err := h.syncChanges(ctx, form); err != nil {
			return err
		}
	}
	action := wizardAction(r)
	switch {
	case step == views.StepReview && action == views.ActionNext:
		return h.submitChangeService(w, r, d, form)
	case action == views.ActionBack:
		if err := h.saveDraft(ctx, d, form); err != nil {
			return h.changeServiceDraftGone(w, r, wd, d, err)
		}
		prev := wd.steps[max(i-1, 0)].key
		return h.toStep(w, r, wd.stepURL(d, prev), func() error {
			return h.showChangeService(w, r, http.StatusOK, d, form, prev, nil)
		})
	case action != views.ActionNext:
		applyChangeServiceAction(action, form)
		if err := h.saveDraft(ctx, d, form); err != nil {
			return h.changeServiceDraftGone(w, r, wd, d, err)
		}
		return h.showChangeService(w, r, http.StatusOK, d, form, step, nil)
	}
	var errs components.Errors
	if step == views.StepKind {
		if !knownKind(form.Kind) {
			errs = components.Errors{"Kind": {"Choose what to do."}}
		}
	} else if errs, _, err = h.checkChangeService(ctx, form, step); err != nil {
		return err
	}
	if !errs.Any() {
		d.Reached = max(d.Reached, i+1)
	}
	if err := h.saveDraft(ctx, d, form); err != nil {
		return h.changeServiceDraftGone(w, r, wd, d, err)
	}
	if errs.Any() {
		return h.showChangeService(w, r, http.StatusUnprocessableEntity, d, form, step, errs)
	}
	next := wd.steps[i+1].key
	return h.toStep(w, r, wd.stepURL(d, next), func() error {
		var nextErrs components.Errors
		if next == views.StepReview {
			if nextErrs, _, err = h.checkChangeService(ctx, form, views.StepReview); err != nil {
				return err
			}
		}
		return h.showChangeService(w, r, http.StatusOK, d, form, next, nextErrs)
	})
}

// HandleChangeServiceSubmit submits a draft from its review.
func (h *Handlers) HandleChangeServiceSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read.")
	}
	d, form, wd, err := h.loadChangeServiceDraft(r)
	if err != nil {
		return err
	}
	if d.State != domain.DraftOpen {
		return redirect(w, r, wd.resultURL(d))
	}
	return h.submitChangeService(w, r, d, form)
}

// submitChangeService creates the orders of a reviewed draft through the store's
// Orders_Create, at most once per draft.
func (h *Handlers) submitChangeService(w http.ResponseWriter, r *http.Request, d *domain.Draft, form *views.ChangeServiceForm) error {
	ctx := r.Context()
	wd := changeServiceWizard(form.Kind)
	if d.Reached < wd.index(views.StepReview) {
		return redirect(w, r, wd.resultURL(d))
	}
	if err := h.saveDraft(ctx, d, form); err != nil {
		return h.changeServiceDraftGone(w, r, wd, d, err)
	}
	in, probs, aliases := changeServiceInput(form)
	if !probs.Empty() {
		return h.showChangeService(w, r, http.StatusUnprocessableEntity, d, form, views.StepReview, changeServiceErrors(form, probs.Err(), aliases, views.StepReview))
	}
	err := h.submitDraft(ctx, d, func(ctx context.Context) (*domain.OrderPlan, error) {
		return h.Store.CreateOrders(ctx, in)
	})
	if domain.ErrorCode(err) == domain.EINVALID {
		return h.showChangeService(w, r, http.StatusUnprocessableEntity, d, form, views.StepReview, changeServiceErrors(form, err, aliases, views.StepReview))
	} else if err != nil {
		return err
	}
	return redirect(w, r, wd.resultURL(d))
}

func (h *Handlers) changeServiceDraftGone(w http.ResponseWriter, r *http.Request, wd *wizardDef, d *domain.Draft, err error) error {
	var done *domain.AlreadyCreated
	if errors.As(err, &done) {
		return redirect(w, r, wd.resultURL(d))
	}
	return err
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
			form.PackageID, form.Prorate = get("PackageID"), get("Prorate") == "true"
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

// changeServiceInput turns the form into Orders_Create's input. Problems are
// named as the form names its fields (the seed's path below the kind);
// aliases maps the input's paths that the form names otherwise.
func changeServiceInput(form *views.ChangeServiceForm) (*domain.OrdersCreateInput, *domain.Problems, map[string]string) {
	var p domain.Problems
	aliases := map[string]string{}
	in := &domain.OrdersCreateInput{}
	cust := choiceID(&p, "CustomerID", form.CustomerID, "Choose a customer from the list.")
	line := choiceID(&p, "LineID", form.LineID, "Choose a line from the list.")
	proc := choiceID(&p, "ProcessID", form.ProcessID, "Choose a process from the list.")
	ft := form.FlowThrough
	switch form.Kind {
	case views.KindSuspend:
		in.Suspend = &domain.SuspendInput{CustomerID: cust, LineID: line, SuspendType: form.SuspendType, ProcessID: proc, FlowThrough: &ft}
	case views.KindRestore:
		in.Restore = &domain.RestoreInput{CustomerID: cust, LineID: line, ProcessID: proc, FlowThrough: &ft}
	case views.KindDisconnect:
		p.Check(form.WholeAccount || form.LineID != "", "LineID", "Choose a line, or the whole account.")
		in.Disconnect = &domain.DisconnectInput{CustomerID: cust, LineID: line, InventoryItemStatus: form.InventoryItemStatus, ProcessID: proc, FlowThrough: &ft}
	case views.KindPackageChange:
		in.PackageChange = &domain.PackageChangeInput{LineID: line, Prorate: form.Prorate,
			PackageID: choiceID(&p, "PackageID", form.PackageID, "Choose a package from the list.")}
	case views.KindAddLine:
		al := &domain.AddLineInput{CustomerID: cust, BillingOption: form.BillingOption, ProcessID: proc}
		if len(form.NewLines) == 0 {
			// The form always shows one new line: its package is what is missing.
			p.Add("Lines[0].PackageID", "Choose a package for the new line.")
			aliases["Lines"] = "Lines[0].PackageID"
		}
		for i, l := range form.NewLines {
			pre := "Lines[" + strconv.Itoa(i) + "]."
			nl := &domain.AddLineLine{TN: l.TN, Description: l.Description, PBXMake: l.PBXMake, PBXModel: l.PBXModel,
				PackageID:        choiceID(&p, pre+"PackageID", l.PackageID, "Choose a package from the list."),
				CarrierID:        choiceID(&p, pre+"CarrierID", l.CarrierID, "Choose a carrier from the list."),
				CarrierAccountID: choiceID(&p, pre+"CarrierAccountID", l.CarrierAccountID, "Choose a carrier account from the list."),
				AltBTNID:         choiceID(&p, pre+"AltBTNID", l.AltBTNID, "Choose an Alt BTN from the list."),
				LineTypeID:       choiceID(&p, pre+"LineTypeID", l.LineTypeID, "Choose a service type from the list.")}
			nl.Products = lineProductInputs(&p, pre+"Products", l.Products)
			al.Lines = append(al.Lines, nl)
		}
		in.AddLine = al
	case views.KindChange:
		ch := &domain.ChangeInput{BillingOption: form.BillingOption, IgnoreRelatedProducts: form.IgnoreRelatedProducts, ProcessID: proc}
		p.Check(len(form.LineIDs) > 0, "LineIDs", "Choose at least one line.")
		aliases["Lines"] = "LineIDs"
		for i, c := range form.Changes {
			pre := "Lines[" + strconv.Itoa(i) + "]."
			id := choiceID(&p, "LineIDs", c.LineID, "Choose lines from the list.")
			aliases[pre+"Change.LineID"], aliases[pre+"Disconnect.LineID"] = "LineIDs", "LineIDs"
			if c.Disconnect {
				ch.Lines = append(ch.Lines, &domain.ChangeLine{Disconnect: &domain.LineRef{LineID: id}})
				continue
			}
			lc := &domain.LineChange{LineID: id}
			lc.Products.Add = lineProductInputs(&p, pre+"Change.Products.Add", c.Add)
			for _, pc := range c.Products {
				cpid := parseID(pc.CustomerProductID)
				field := func(name string) string { return pre + "Product." + pc.CustomerProductID + "." + name }
				switch pc.Action {
				case "change":
					k := "Change.Products.Change[" + strconv.Itoa(len(lc.Products.Change)) + "]"
					aliases[pre+k], aliases[pre+k+".CustomerProductID"] = field("Action"), field("Action")
					aliases[pre+k+".Rate"], aliases[pre+k+".Quantity"] = field("Rate"), field("Quantity")
					lc.Products.Change = append(lc.Products.Change, &domain.ProductChangeInput{CustomerProductID: cpid,
						Rate: formMoney(&p, field("Rate"), pc.Rate), Quantity: formQuantity(&p, field("Quantity"), pc.Quantity)})
				case "remove":
					k := "Change.Products.Remove[" + strconv.Itoa(len(lc.Products.Remove)) + "]"
					aliases[pre+k+".CustomerProductID"] = field("Action")
					lc.Products.Remove = append(lc.Products.Remove, &domain.ProductRemoveInput{CustomerProductID: cpid})
				}
			}
			ch.Lines = append(ch.Lines, &domain.ChangeLine{Change: lc})
		}
		in.Change = ch
	}
	return in, &p, aliases
}

// lineProductInputs reads product rows (AddLine's Products, Change's Add).
func lineProductInputs(p *domain.Problems, list string, rows []views.LineProductForm) domain.LineProductList {
	var out domain.LineProductList
	for j, r := range rows {
		pre := list + "[" + strconv.Itoa(j) + "]."
		out = append(out, &domain.LineProductInput{ProductID: choiceID(p, pre+"ProductID", r.ProductID, "Choose a product from the list."),
			Rate: formMoney(p, pre+"Rate", r.Rate), Quantity: formQuantity(p, pre+"Quantity", r.Quantity)})
	}
	return out
}

// changeServiceStepOf is the step holding a form field of the kind.
func changeServiceStepOf(form *views.ChangeServiceForm, field string) string {
	head, _, _ := strings.Cut(field, ".")
	switch {
	case field == "Kind":
		return views.StepKind
	case field == "CustomerID" && form.Kind == views.KindDisconnect && (form.WholeAccount || form.LineID == ""):
		// No line chosen yet means the whole account: what is wrong with
		// its lines is for the lines step, not the customer's.
		return views.StepLines
	case field == "CustomerID":
		return views.StepCustomer
	case field == "LineID" || field == "TN" || field == "LineIDs":
		return views.StepLines
	case field == "":
		return views.StepReview
	case form.Kind == views.KindChange && strings.HasPrefix(head, "Lines[") && !strings.Contains(field, "."):
		return views.StepLines
	}
	return views.StepDetails
}

// changeServiceErrors keeps the field errors of err that belong to step, named as
// the form names its fields: the kind's prefix dropped, aliases applied.
func changeServiceErrors(form *views.ChangeServiceForm, err error, aliases map[string]string, step string) components.Errors {
	out := components.Errors{}
	seen := map[string]bool{}
	fs := domain.ErrorFields(err)
	if len(fs) == 0 && err != nil && step == views.StepReview {
		out[""] = append(out[""], domain.ErrorMessage(err))
	}
	for _, f := range fs {
		field := strings.TrimPrefix(f.Field, form.Kind+".")
		if f.Field == form.Kind {
			field = ""
		}
		if a, ok := aliases[field]; ok {
			field = a
		}
		msg := views.FieldMessage(field, f)
		if seen[field+"\x00"+msg] {
			continue
		}
		seen[field+"\x00"+msg] = true
		if step == views.StepReview || changeServiceStepOf(form, field) == step {
			out[field] = append(out[field], msg)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// checkChangeService checks the form so far with Orders_Create's rules
// (PlanOrdersCreate) and keeps the errors of step.
func (h *Handlers) checkChangeService(ctx context.Context, form *views.ChangeServiceForm, step string) (components.Errors, *domain.OrderPlan, error) {
	in, p, aliases := changeServiceInput(form)
	plan, err := domain.PlanOrdersCreate(ctx, h.Store, in)
	if err != nil && domain.ErrorCode(err) != domain.EINVALID {
		return nil, nil, err
	}
	for _, f := range domain.ErrorFields(err) {
		name := strings.TrimPrefix(f.Field, form.Kind+".")
		if a, ok := aliases[name]; ok {
			name = a
		}
		if !p.Has(name) {
			p.AddError(f)
		}
	}
	if err != nil && len(domain.ErrorFields(err)) == 0 {
		p.Add("", "%s", domain.ErrorMessage(err))
	}
	if !p.Empty() {
		plan = nil
	}
	return changeServiceErrors(form, p.Err(), aliases, step), plan, nil
}

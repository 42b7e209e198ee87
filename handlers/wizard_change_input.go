package handlers

import (
	"context"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

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
		in.PackageChange = &domain.PackageChangeInput{LineID: line, Prorate: form.Prorate, OneTimeCharges: form.OneTimeCharges,
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
	if err != nil && !domain.IsInputError(err) {
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

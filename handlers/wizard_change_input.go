package handlers

import (
	"context"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// The change-service wizard's form and its draft: changeServiceInput
// reads the form into Orders_Create's input, which is what the draft keeps
// (changeServiceDraft), and changeServiceForm shows a draft in the form
// again.

// changeServiceInput turns the form into Orders_Create's input. Problems are
// named as the form names its fields (the seed's path below the kind);
// aliases maps the input's paths that the form names otherwise.
func changeServiceInput(form *views.ChangeServiceForm) (*domain.OrdersCreateInput, *typedInput, map[string]string) {
	t := &typedInput{path: form.Kind + "."}
	aliases := map[string]string{}
	in := &domain.OrdersCreateInput{ServiceTypeMustFit: true} // the wizard offers only the types that suit the package
	cust := t.id("CustomerID", form.CustomerID, "Choose a customer from the list.")
	line := t.id("LineID", form.LineID, "Choose a line from the list.")
	proc := t.id("ProcessID", form.ProcessID, "Choose a process from the list.")
	ft := form.FlowThrough
	switch form.Kind {
	case views.KindSuspend:
		in.Suspend = &domain.SuspendInput{CustomerID: cust, LineID: line, SuspendType: form.SuspendType, ProcessID: proc, FlowThrough: &ft}
	case views.KindRestore:
		in.Restore = &domain.RestoreInput{CustomerID: cust, LineID: line, ProcessID: proc, FlowThrough: &ft}
	case views.KindDisconnect:
		t.Check(form.WholeAccount || form.LineID != "", "LineID", "Choose a line, or the whole account.")
		in.Disconnect = &domain.DisconnectInput{CustomerID: cust, LineID: line, InventoryItemStatus: form.InventoryItemStatus, ProcessID: proc, FlowThrough: &ft}
	case views.KindPackageChange:
		in.PackageChange = &domain.PackageChangeInput{LineID: line, Prorate: form.Prorate, OneTimeCharges: form.OneTimeCharges,
			PackageID: t.id("PackageID", form.PackageID, "Choose a package from the list.")}
	case views.KindAddLine:
		al := &domain.AddLineInput{CustomerID: cust, BillingOption: form.BillingOption, ProcessID: proc}
		if len(form.NewLines) == 0 {
			// The form always shows one new line: its package is what is missing.
			t.Add("Lines[0].PackageID", "Choose a package for the new line.")
			aliases["Lines"] = "Lines[0].PackageID"
		}
		for i, l := range form.NewLines {
			pre := "Lines[" + strconv.Itoa(i) + "]."
			nl := &domain.AddLineLine{TN: l.TN, Description: l.Description, PBXMake: l.PBXMake, PBXModel: l.PBXModel,
				PackageID:        t.id(pre+"PackageID", l.PackageID, "Choose a package from the list."),
				CarrierID:        t.id(pre+"CarrierID", l.CarrierID, "Choose a carrier from the list."),
				CarrierAccountID: t.id(pre+"CarrierAccountID", l.CarrierAccountID, "Choose a carrier account from the list."),
				AltBTNID:         t.id(pre+"AltBTNID", l.AltBTNID, "Choose an Alt BTN from the list."),
				LineTypeID:       t.id(pre+"LineTypeID", l.LineTypeID, "Choose a service type from the list.")}
			nl.Products = lineProductInputs(t, pre+"Products", l.Products)
			al.Lines = append(al.Lines, nl)
		}
		in.AddLine = al
	case views.KindChange:
		ch := &domain.ChangeInput{BillingOption: form.BillingOption, IgnoreRelatedProducts: form.IgnoreRelatedProducts, ProcessID: proc}
		t.Check(len(form.LineIDs) > 0, "LineIDs", "Choose at least one line.")
		aliases["Lines"] = "LineIDs"
		for i, c := range form.Changes {
			pre := "Lines[" + strconv.Itoa(i) + "]."
			aliases[pre+"Change.LineID"], aliases[pre+"Disconnect.LineID"] = "LineIDs", "LineIDs"
			if c.Disconnect {
				id := t.idAt(t.path+pre+"Disconnect.LineID", "LineIDs", c.LineID, "Choose lines from the list.")
				ch.Lines = append(ch.Lines, &domain.ChangeLine{Disconnect: &domain.LineRef{LineID: id}})
				continue
			}
			lc := &domain.LineChange{LineID: t.idAt(t.path+pre+"Change.LineID", "LineIDs", c.LineID, "Choose lines from the list.")}
			lc.Products.Add = lineProductInputs(t, pre+"Change.Products.Add", c.Add)
			for _, pc := range c.Products {
				cpid := parseID(pc.CustomerProductID)
				field := func(name string) string { return pre + "Product." + pc.CustomerProductID + "." + name }
				switch pc.Action {
				case "change":
					k := "Change.Products.Change[" + strconv.Itoa(len(lc.Products.Change)) + "]"
					aliases[pre+k], aliases[pre+k+".CustomerProductID"] = field("Action"), field("Action")
					aliases[pre+k+".Rate"], aliases[pre+k+".Quantity"] = field("Rate"), field("Quantity")
					lc.Products.Change = append(lc.Products.Change, &domain.ProductChangeInput{CustomerProductID: cpid,
						Rate:     t.moneyAt(t.path+pre+k+".Rate", field("Rate"), pc.Rate),
						Quantity: t.quantityAt(t.path+pre+k+".Quantity", field("Quantity"), pc.Quantity)})
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
	return in, t, aliases
}

// lineProductInputs reads product rows (AddLine's Products, Change's Add).
func lineProductInputs(t *typedInput, list string, rows []views.LineProductForm) domain.LineProductList {
	var out domain.LineProductList
	for j, r := range rows {
		pre := list + "[" + strconv.Itoa(j) + "]."
		out = append(out, &domain.LineProductInput{ProductID: t.id(pre+"ProductID", r.ProductID, "Choose a product from the list."),
			Rate: t.money(pre+"Rate", r.Rate), Quantity: t.quantity(pre+"Quantity", r.Quantity)})
	}
	return out
}

// changeServiceDraft is what the draft keeps of the form.
func changeServiceDraft(form *views.ChangeServiceForm) *domain.ChangeServiceDraft {
	in, t, _ := changeServiceInput(form)
	return domain.NewDraftValues(*in, t.unparsed, domain.ChangeServiceAnswers{CustomerID: parseID(form.CustomerID), WholeAccount: form.WholeAccount})
}

// changeServiceForm shows a draft in the form: changeServiceDraft's
// inverse. A Change's lines list their products as the lines hold them
// now (syncChanges), with what the draft changes or removes.
func (h *Handlers) changeServiceForm(ctx context.Context, v *domain.ChangeServiceDraft) (*views.ChangeServiceForm, error) {
	in := &v.Input
	form := &views.ChangeServiceForm{FlowThrough: true, WholeAccount: v.Answers.WholeAccount}
	if kinds := in.Kinds(); len(kinds) == 1 {
		form.Kind = kinds[0]
	}
	u := draftText{text: v.Text, path: form.Kind + "."}
	form.CustomerID = u.id("CustomerID", v.Answers.CustomerID)
	flow := func(ft *bool) bool { return ft == nil || *ft }
	switch form.Kind {
	case views.KindSuspend:
		s := in.Suspend
		form.LineID, form.SuspendType, form.ProcessID, form.FlowThrough = u.id("LineID", s.LineID), s.SuspendType, u.id("ProcessID", s.ProcessID), flow(s.FlowThrough)
	case views.KindRestore:
		s := in.Restore
		form.LineID, form.ProcessID, form.FlowThrough = u.id("LineID", s.LineID), u.id("ProcessID", s.ProcessID), flow(s.FlowThrough)
	case views.KindDisconnect:
		s := in.Disconnect
		form.LineID, form.InventoryItemStatus, form.ProcessID, form.FlowThrough = u.id("LineID", s.LineID), s.InventoryItemStatus, u.id("ProcessID", s.ProcessID), flow(s.FlowThrough)
	case views.KindPackageChange:
		s := in.PackageChange
		form.LineID, form.PackageID, form.Prorate, form.OneTimeCharges = u.id("LineID", s.LineID), u.id("PackageID", s.PackageID), s.Prorate, s.OneTimeCharges
	case views.KindAddLine:
		s := in.AddLine
		form.BillingOption, form.ProcessID = s.BillingOption, u.id("ProcessID", s.ProcessID)
		for i, l := range s.Lines {
			if l == nil {
				continue
			}
			pre := "Lines[" + strconv.Itoa(i) + "]."
			form.NewLines = append(form.NewLines, views.NewLineForm{TN: l.TN, Description: l.Description, PBXMake: l.PBXMake, PBXModel: l.PBXModel,
				PackageID: u.id(pre+"PackageID", l.PackageID), CarrierID: u.id(pre+"CarrierID", l.CarrierID),
				CarrierAccountID: u.id(pre+"CarrierAccountID", l.CarrierAccountID), AltBTNID: u.id(pre+"AltBTNID", l.AltBTNID),
				LineTypeID: u.id(pre+"LineTypeID", l.LineTypeID), Products: lineProductForms(u, pre+"Products", l.Products)})
		}
	case views.KindChange:
		s := in.Change
		form.BillingOption, form.IgnoreRelatedProducts, form.ProcessID = s.BillingOption, s.IgnoreRelatedProducts, u.id("ProcessID", s.ProcessID)
		for i, cl := range s.Lines {
			pre := "Lines[" + strconv.Itoa(i) + "]."
			var c views.LineChangeForm
			switch {
			case cl == nil:
				continue
			case cl.Disconnect != nil:
				c = views.LineChangeForm{LineID: u.id(pre+"Disconnect.LineID", cl.Disconnect.LineID), Disconnect: true}
			case cl.Change != nil:
				lc := cl.Change
				c = views.LineChangeForm{LineID: u.id(pre+"Change.LineID", lc.LineID), Add: lineProductForms(u, pre+"Change.Products.Add", lc.Products.Add)}
				for k, pc := range lc.Products.Change {
					key := pre + "Change.Products.Change[" + strconv.Itoa(k) + "]."
					c.Products = append(c.Products, views.ProductChangeForm{CustomerProductID: itoa64(pc.CustomerProductID), Action: "change",
						Rate: u.money(key+"Rate", pc.Rate), Quantity: u.quantity(key+"Quantity", pc.Quantity)})
				}
				for _, pr := range lc.Products.Remove {
					c.Products = append(c.Products, views.ProductChangeForm{CustomerProductID: itoa64(pr.CustomerProductID), Action: "remove"})
				}
			}
			form.LineIDs = append(form.LineIDs, c.LineID)
			form.Changes = append(form.Changes, c)
		}
		if err := h.syncChanges(ctx, form); err != nil {
			return nil, err
		}
	}
	return form, nil
}

// lineProductForms shows product rows of a draft: lineProductInputs' inverse.
func lineProductForms(u draftText, list string, in domain.LineProductList) []views.LineProductForm {
	var out []views.LineProductForm
	for j, p := range in {
		if p == nil {
			continue
		}
		pre := list + "[" + strconv.Itoa(j) + "]."
		out = append(out, views.LineProductForm{ProductID: u.id(pre+"ProductID", p.ProductID), Rate: u.money(pre+"Rate", p.Rate), Quantity: u.quantity(pre+"Quantity", p.Quantity)})
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
		out[""] = append(out[""], components.SayError(err))
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
		p.AddError(domain.FieldError{Message: components.SayError(err)})
	}
	if !p.Empty() {
		plan = nil
	}
	return changeServiceErrors(form, p.Err(), aliases, step), plan, nil
}

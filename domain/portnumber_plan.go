package domain

import (
	"errors"
	"fmt"
	"strings"
)

// PlanPortNumber checks in, a range to add to service svc (or to change:
// others are then the service's other ranges), with every rule of seed
// 002, and returns the range to store. Returns EFORBIDDEN when the service
// is not on a quote, has no PortingNumber control, or does not allow the
// PortAction, or for an associated number with a quantity over 1 or a range
// with a quantity below 1; otherwise EINVALID with a field error per
// failed check (digits, lengths, Quantity agreeing with the numbers, the
// per-range and whole-service maximum X, overlaps).
func PlanPortNumber(svc *OrderService, others []*PortNumber, in PortNumberInput) (*PortNumber, error) {
	return planPortNumber(svc, others, in, false)
}

// CheckPortNumberDraft is PlanPortNumber for a form still being typed: a
// field left empty is not yet a problem, so only what was typed is judged.
func CheckPortNumberDraft(svc *OrderService, others []*PortNumber, in PortNumberInput) error {
	_, err := planPortNumber(svc, others, in, true)
	return err
}

// CheckServiceOpen checks that svc's ranges may change: it is on a quote.
func CheckServiceOpen(svc *OrderService) error {
	return CheckQuoteOpen(&Quote{IsQuote: svc.IsQuote})
}

// CheckQuoteOpen checks that q may change: it is still a quote.
func CheckQuoteOpen(q *Quote) error {
	if !q.IsQuote {
		return forbidden(RuleQuoteOnly, nil, "Only quotes may be updated")
	}
	return nil
}

// PlanPortNumbers plans several ranges at once (a paste), each against the
// service's ranges and the ones before it, all or none. A field error of
// range i is named "[i].Field" when there are several.
func PlanPortNumbers(svc *OrderService, existing []*PortNumber, ins []PortNumberInput) ([]*PortNumber, error) {
	all := append([]*PortNumber(nil), existing...)
	out := make([]*PortNumber, 0, len(ins))
	for i, in := range ins {
		pn, err := PlanPortNumber(svc, all, in)
		if err != nil {
			if len(ins) > 1 {
				err = prefixFields(err, fmt.Sprintf("[%d].", i))
			}
			return nil, err
		}
		all = append(all, pn)
		out = append(out, pn)
	}
	return out, nil
}

func prefixFields(err error, prefix string) error {
	var e *Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	out := &Error{Code: e.Code, Message: e.Message}
	for _, f := range e.Fields {
		out.Fields = append(out.Fields, FieldError{Field: prefix + f.Field, Message: f.Message})
	}
	return out
}

func planPortNumber(svc *OrderService, others []*PortNumber, in PortNumberInput, draft bool) (*PortNumber, error) {
	if err := CheckServiceOpen(svc); err != nil {
		return nil, err
	}
	if !svc.Design.PortingNumberControl {
		return nil, forbidden(RuleNoPortControl, nil, "OrderServiceID %d must contain a PortingNumber control", svc.ID)
	}
	var p Problems
	pn := &PortNumber{OrderServiceID: svc.ID, PortAction: PortActionPort}
	if a := trimmed(in.PortAction); a != "" {
		pn.PortAction = a
	}
	if !OneOf(pn.PortAction, PortActions) {
		p.AddRule(FieldPortAction, RuleOneOf, nil, "PortAction must be Port or Cease")
	} else if !svc.Design.Allows(pn.PortAction) {
		return nil, forbidden(RulePortActionNotAllowed, kv("Action", pn.PortAction), "PortAction value is not valid in OrderServiceID %d", svc.ID)
	}

	assoc, first, last := trimmed(in.AssociatedNumber), trimmed(in.FirstNumber), trimmed(in.LastNumber)
	if assoc != "" {
		if in.Quantity != nil && *in.Quantity > 1 {
			return nil, forbidden(RuleAssociatedOne, nil, "When porting an associated number the maximum quantity allowed is 1")
		}
		a := checkNumber(&p, FieldAssociatedNumber, assoc, "AssociatedNumber")
		p.CheckRule(first == "" || first == assoc, FieldFirstNumber, RuleAssociatedSame, nil, "When porting an associated number the FirstNumber must be the same as the AssociatedNumber")
		p.CheckRule(last == "" || last == assoc, FieldLastNumber, RuleAssociatedSame, nil, "When porting an associated number the LastNumber must be the same as the AssociatedNumber")
		pn.AssociatedNumber, pn.FirstNumber, pn.LastNumber, pn.Quantity = &a, a, a, 1
	} else {
		if in.Quantity != nil && *in.Quantity < 1 {
			return nil, forbidden(RuleRange, kv("Min", "1"), "When porting a range the quantity must be 1 or greater")
		}
		planRange(&p, pn, first, last, in.Quantity, draft)
	}
	if err := p.Err(); err != nil || pn.FirstNumber == "" {
		return nil, err
	}
	checkCapacity(&p, svc, others, pn)
	return pn, p.Err()
}

// planRange fills pn's numbers and quantity from what was given: the one
// left out is computed from the others, and what was given must agree.
func planRange(p *Problems, pn *PortNumber, first, last string, qty *int64, draft bool) {
	if first != "" {
		first = checkNumber(p, FieldFirstNumber, first, "FirstNumber")
	}
	if last != "" {
		last = checkNumber(p, FieldLastNumber, last, "LastNumber")
	}
	if !p.Empty() {
		return
	}
	switch {
	case first != "" && last != "":
		if len(first) != len(last) {
			p.AddRule(FieldLastNumber, RuleRangeDigits, kv("Count", itoa(len(first))), "LastNumber must have as many digits as FirstNumber (%d)", len(first))
			return
		}
		f, l := numberValue(first), numberValue(last)
		if l < f {
			p.AddRule(FieldLastNumber, RuleRangeBackwards, nil, "LastNumber must not be lower than FirstNumber")
			return
		}
		if qty != nil && *qty != l-f+1 {
			p.AddRule(FieldQuantity, RuleRangeCount, kv("Count", itoa(l-f+1), "First", first, "Last", last), "Quantity must be %d, the count of numbers from %s to %s", l-f+1, first, last)
			return
		}
		pn.FirstNumber, pn.LastNumber, pn.Quantity = first, last, l-f+1
	case first != "":
		q := int64(1)
		if qty != nil {
			q = *qty
		}
		l, ok := formatNumber(numberValue(first)+q-1, len(first))
		if !ok {
			p.AddRule(FieldQuantity, RuleRangePastEnd, kv("Count", itoa(q), "First", first), "A range of %d numbers from %s runs past %s, the highest %d-digit number", q, first, strings.Repeat("9", len(first)), len(first))
			return
		}
		pn.FirstNumber, pn.LastNumber, pn.Quantity = first, l, q
	case last != "" && qty != nil:
		f, ok := formatNumber(numberValue(last)-*qty+1, len(last))
		if !ok {
			p.AddRule(FieldQuantity, RuleRangeBeforeZero, kv("Count", itoa(*qty), "Last", last), "A range of %d numbers cannot end at %s: it would start below %s", *qty, last, strings.Repeat("0", len(last)))
			return
		}
		pn.FirstNumber, pn.LastNumber, pn.Quantity = f, last, *qty
	case !draft:
		p.AddRule(FieldFirstNumber, RuleRequired, nil, "FirstNumber is required (or an AssociatedNumber)")
	}
}

// checkCapacity applies the service's maximum X, per range and for the
// whole service, and refuses a range overlapping another on the service.
func checkCapacity(p *Problems, svc *OrderService, others []*PortNumber, pn *PortNumber) {
	x := svc.Design.MaxPortQuantity
	if pn.Quantity < 1 || pn.Quantity > x {
		p.AddRule(FieldQuantity, RuleRange, kv("Min", "1", "Max", itoa(x)), "Quantity must be between 1 and %d", x)
	} else {
		total := pn.Quantity
		for _, o := range others {
			total += o.Quantity
		}
		p.CheckRule(total <= x, FieldQuantity, RuleServiceTotal, kv("Max", itoa(x), "Total", itoa(total)), "Quantity for the whole service may not be more than %d, including this operation it will be %d", x, total)
	}
	for _, o := range others {
		if pn.Overlaps(o) {
			p.AddRule(FieldPortNumberList, RuleRangeOverlap, nil, "The number range submitted overlaps with another range on the same service.")
			return
		}
	}
}

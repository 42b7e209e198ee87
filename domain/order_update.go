package domain

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// OrderUpdatePlan is what Orders_Update will write.
type OrderUpdatePlan struct {
	// Order is the order as it will be stored; the store bumps Version.
	// Items and products with ID 0 are new and must be inserted.
	Order *Order
	// Changes maps each changed field to its value before and after, for the
	// audit trail.
	Changes map[string]Change
	// Effects are performed in the same transaction: CompletionEffects when
	// the order becomes COMPLETE, CancelEffects when it becomes CANCELED.
	Effects []Effect
}

// Unchanged reports whether the plan changes nothing (every field given
// already had its value): the store then writes nothing, keeping the
// order's Version (its ETag) and its history as they are.
func (p *OrderUpdatePlan) Unchanged() bool { return len(p.Changes) == 0 && len(p.Effects) == 0 }

// PlanOrderUpdate checks Orders_Update's input against order o for a user
// of role, at time now, and returns the updated order with its changes.
// Rules: updating needs a rep; Status moves along the lifecycle (CheckMove;
// CANCELED is a supervisor's) and SENT needs a chosen route when the process
// requires one; StatusNote only with Status (a move without one clears the
// note); CompletionDate only when changing to COMPLETE, default today;
// ShippingStatus NOT_SHIPPED or SHIPPED; TrackingNumber at most 60
// characters; ProcessID 0 clears the process, another must exist and resets
// the route; ProcessRouteID is a supervisor's, must be a route of the
// order's process and ends the wait for a route decision (0 clears it);
// while the order awaits a route decision only a supervisor may clear or
// change its process or send it (CheckRouteDecisionHeld); Lines only
// before the order is sent. A COMPLETE or CANCELED order takes
// only TrackingNumber, ShippingStatus and StatusNote.
//
// It returns EFORBIDDEN when the role may not make a change, else one
// EINVALID with a field error per failed rule.
func PlanOrderUpdate(ctx context.Context, lk OrderLookup, o *Order, in *OrderUpdateInput, role Role, now time.Time) (*OrderUpdatePlan, error) {
	if in == nil {
		return nil, invalid("Request body is required")
	}
	if !role.AtLeast(RoleRep) {
		return nil, ErrorRule(EFORBIDDEN, RuleRoleMayNot, kv("Role", string(role), "Action", "update orders"), "Your role (%s) may not update orders", roleName(role))
	}
	if in.OrderID != nil && *in.OrderID != o.ID {
		return nil, FieldErrorf("OrderID", "OrderID %d in the body is not the order being updated (%d, in the path); leave it out or give the same ID", *in.OrderID, o.ID)
	}
	if in.Empty() {
		const msg = "Nothing to update: give at least one field to change"
		return nil, &Error{Code: EINVALID, Message: msg, Fields: []FieldError{{Message: msg, Rule: RuleNothingToChange}}}
	}
	pl := newPlanner(ctx, lk)
	n := cloneOrder(o)
	var forbidden error
	final := IsFinalStatus(o.Status)
	if final {
		for _, f := range []struct {
			name  string
			given bool
		}{{"FlowThroughFlag", in.FlowThroughFlag != nil}, {"ProcessID", in.ProcessID != nil}, {"ProcessRouteID", in.ProcessRouteID != nil}, {"Lines", len(in.Lines) > 0}} {
			pl.p.CheckRule(!f.given, f.name, RuleFinalFieldsOnly, kv("Status", o.Status), "Order %d is %s; only TrackingNumber, ShippingStatus and StatusNote can change", o.ID, o.Status)
		}
	}

	moving := in.Status != "" && in.Status != o.Status
	if moving {
		if err := CheckMove(o.Status, in.Status, role); ErrorCode(err) == EFORBIDDEN {
			forbidden = err
		} else if err != nil {
			pl.p.Merge(err)
		} else {
			n.Status = in.Status
		}
	}
	switch {
	case in.StatusNote != nil && in.Status == "":
		pl.p.CheckRule(strings.TrimSpace(*in.StatusNote) == "", "StatusNote", RuleNoteWithoutMove, nil, "StatusNote can only be set when updating the order status")
	case in.StatusNote != nil:
		n.StatusNote = strings.TrimSpace(*in.StatusNote)
		pl.p.CheckRule(len(n.StatusNote) <= MaxStatusNote, "StatusNote", RuleTooLong, kv("Max", itoa(MaxStatusNote)), "StatusNote must be at most %d characters", MaxStatusNote)
		CheckNoteChars(&pl.p, "StatusNote", "StatusNote", n.StatusNote)
	case moving:
		n.StatusNote = ""
	}

	toComplete := moving && in.Status == OrderComplete
	if toComplete {
		today := dayOf(now)
		n.CompletionDate = &today
	}
	if in.CompletionDate != "" {
		if !toComplete {
			pl.p.AddRule("CompletionDate", RuleDateWithoutComplete, nil, "CompletionDate can only be set when changing an order to COMPLETE")
		} else if d, dateOnly, ok := parseDate(in.CompletionDate, now.Location()); !ok {
			pl.p.AddRule("CompletionDate", RuleDate, nil, "CompletionDate must be a date (YYYY-MM-DD) or a date and time (RFC 3339)")
		} else if checkCompletionDate(&pl.p, d, dateOnly, o.CreatedAt, now) {
			n.CompletionDate = &d
		}
	}

	if in.FlowThroughFlag != nil && !final {
		n.FlowThrough = *in.FlowThroughFlag
	}
	if in.TrackingNumber != nil {
		n.TrackingNumber = strings.TrimSpace(*in.TrackingNumber)
		pl.checkText("TrackingNumber", "TrackingNumber", n.TrackingNumber, MaxTracking)
	}
	if in.ShippingStatus != "" {
		pl.p.CheckRule(in.ShippingStatus == ShippingNotShipped || in.ShippingStatus == ShippingShipped,
			"ShippingStatus", RuleOneOf, nil, "ShippingStatus must be NOT_SHIPPED or SHIPPED")
		n.ShippingStatus = in.ShippingStatus
	}

	if !final {
		if err := pl.updateProcess(n, o, in, role); err != nil {
			forbidden = err
		}
	}
	holdRoute(n, o, now, in.HoldRoute)
	if err := CheckRouteDecisionHeld(o, in, role); err != nil && forbidden == nil {
		forbidden = err
	}
	if IsFinalStatus(n.Status) {
		n.RequiresRouteDecision = false // a finished order waits for no route decision
	}
	if moving && in.Status == OrderSent && n.RequiresRouteDecision {
		pl.p.AddRule("Status", RuleRouteFirst, nil, "Choose a process route (ProcessRouteID) before sending order %d", o.ID)
	}

	var lines []string
	if len(in.Lines) > 0 && !final {
		switch o.Type {
		case TypeSuspend, TypeRestore, TypeDisconnect:
			pl.p.AddRule("Lines", RuleProductsOnType, kv("Type", o.Type), "Products cannot be changed on a %s order", o.Type)
		default:
			if !NotYetSent(o.Status) {
				pl.p.AddRule("Lines", RuleLinesAfterSent, kv("Status", o.Status), "Lines can only be changed before the order is sent; order %d is %s", o.ID, o.Status)
			} else {
				lines = pl.updateLines(n, within(pl, "Lines", in.Lines, MaxRequestLines))
			}
		}
	}

	if toComplete && pl.p.Empty() {
		pl.checkProductsThere(n)
	}
	if forbidden != nil {
		return nil, forbidden
	}
	if err := pl.result(); err != nil {
		return nil, err
	}
	plan := &OrderUpdatePlan{Order: n, Changes: orderChanges(o, n)}
	if len(lines) > 0 {
		plan.Changes["Lines"] = Change{nil, strings.Join(lines, "; ")}
	}
	switch {
	case toComplete:
		plan.Effects = CompletionEffects(n)
	case moving && in.Status == OrderCanceled:
		plan.Effects = CancelEffects(n)
	}
	return plan, nil
}

// CheckRouteDecisionHeld refuses, to anyone below a supervisor, what would
// get an order past its route decision while it awaits one: clearing or
// changing its process (a one-route process would pick its route) or
// sending it. Returns EFORBIDDEN, or nil.
func CheckRouteDecisionHeld(o *Order, in *OrderUpdateInput, role Role) error {
	if !o.RequiresRouteDecision || role.AtLeast(RoleSupervisor) || IsFinalStatus(o.Status) {
		return nil
	}
	processChanged := in.ProcessID != nil && (o.ProcessID == nil || *in.ProcessID != *o.ProcessID)
	sending := in.Status == OrderSent && o.Status != OrderSent
	if !processChanged && !sending {
		return nil
	}
	return ErrorRule(EFORBIDDEN, RuleAwaitsRoute, nil, "Order %d awaits a supervisor's route decision: only a supervisor can change its process or send it", o.ID)
}

// updateProcess applies ProcessID and ProcessRouteID to n. It returns an
// EFORBIDDEN error when the role may not choose a route.
func (pl *planner) updateProcess(n, o *Order, in *OrderUpdateInput, role Role) error {
	var proc *Process
	if in.ProcessID != nil {
		switch id := *in.ProcessID; {
		case id == 0:
			setProcess(n, nil)
		case o.ProcessID != nil && *o.ProcessID == id:
			proc = pl.process("ProcessID", id)
		default:
			if proc = pl.process("ProcessID", id); proc != nil {
				setProcess(n, proc)
			}
		}
	}
	if in.ProcessRouteID == nil {
		return nil
	}
	if !role.AtLeast(RoleSupervisor) {
		return ErrorRule(EFORBIDDEN, RuleSupervisorOnly, kv("Action", "choose a route"), "Only a supervisor can choose a process route")
	}
	if pl.p.Has("ProcessID") {
		return nil
	}
	rid := *in.ProcessRouteID
	if n.ProcessID == nil {
		pl.p.CheckRule(rid == 0, "ProcessRouteID", RuleRouteNoProcess, nil, "Order %d has no process; set ProcessID before choosing a route", o.ID)
		return nil
	}
	if proc == nil {
		if proc = pl.process("ProcessRouteID", *n.ProcessID); proc == nil {
			return nil
		}
	}
	switch {
	case rid == 0:
		n.ProcessRouteID = nil
		n.RequiresRouteDecision = proc.NeedsRouteDecision()
	case !proc.HasRoute(rid):
		pl.p.AddRule("ProcessRouteID", RuleRouteNotOfProcess, kv("Process", proc.Name), "Route %d is not a route of process %d (%s)", rid, proc.ID, proc.Name)
	default:
		n.ProcessRouteID = &rid
		n.RequiresRouteDecision = false
	}
	return nil
}

// updateLines adds Orders_Update's product changes to the order's items:
// each line must be the order's customer's, on the order's carrier account,
// not DISCONNECTED and not being disconnected by this order. It returns a
// description of each line's changes for the audit trail.
func (pl *planner) updateLines(n *Order, lines UpdateLineList) []string {
	var out []string
	for i, e := range lines {
		if e == nil {
			continue
		}
		lp := idx("Lines", i)
		if e.Change == nil {
			pl.p.Add(lp, "Each entry of Lines must be a Change")
			continue
		}
		cp := lp + ".Change"
		line, field := pl.lineRef(cp, e.Change.LineID, e.Change.TN, true)
		ops := pl.productChanges(cp+".Products", line, &e.Change.Products, n.IgnoreRelatedProducts, n.ID)
		if line == nil {
			continue
		}
		it := n.Item(line.ID)
		switch {
		case line.CustomerID != n.CustomerID:
			pl.p.AddRule(field, RuleLineOtherCustomer, kv("TN", line.TN), "Line %d belongs to customer %d, not to this order's customer %d", line.ID, line.CustomerID, n.CustomerID)
		case line.CarrierAccountID != n.CarrierAccountID:
			pl.p.AddRule(field, RuleAccountMismatch, kv("TN", line.TN), "Line %d is on carrier account %d, not on this order's (%d): an order goes to one provider",
				line.ID, line.CarrierAccountID, n.CarrierAccountID)
		case line.Status == LineDisconnected:
			pl.p.AddRule(field, RuleLineDisconnected, kv("TN", line.TN), "Line %d is DISCONNECTED; its products cannot change", line.ID)
		case it != nil && it.Action == ItemDisconnect:
			pl.p.AddRule(field, RuleLineLeaving, kv("TN", line.TN), "Line %d is being disconnected by this order; its products cannot change", line.ID)
		default:
			pl.checkOtherOpenOrders(field, line, ItemChange, n.ID)
		}
		if it != nil {
			pl.sameProductTwice(cp+".Products", it, ops)
		}
		if it == nil {
			it = &OrderItem{OrderID: n.ID, LineID: line.ID, TN: line.TN, Action: ItemChange, PackageID: line.PackageID}
			n.Items = append(n.Items, it)
		}
		for _, op := range ops {
			op.OrderItemID = it.ID
		}
		it.Products = append(it.Products, ops...)
		out = append(out, lineWords(line)+": "+describeOps(ops))
	}
	return out
}

// sameProductTwice refuses a change or removal of a customer product that
// the order already changes or removes on the line.
func (pl *planner) sameProductTwice(prefix string, it *OrderItem, ops []*OrderProduct) {
	done := map[int64]string{}
	for _, op := range it.Products {
		if op != nil && op.CustomerProductID != nil && op.Op != ProductAdd {
			done[*op.CustomerProductID] = op.Op
		}
	}
	for _, op := range ops {
		if op.CustomerProductID == nil || op.Op == ProductAdd {
			continue
		}
		if was, dup := done[*op.CustomerProductID]; dup {
			pl.p.AddRule(prefix, RuleProductTwice, kv("Product", op.Description), "Customer product %d is already in this order (%s); it cannot change twice", *op.CustomerProductID, strings.ToLower(was))
		}
	}
}

// lineWords names a line the way a rep knows it: by its number, or as a
// line still waiting for one.
func lineWords(l *Line) string {
	if l.TN != "" {
		return "line " + l.TN
	}
	return "line without a number yet"
}

// productWords names a product of an order by its description.
func productWords(op *OrderProduct) string {
	if op.Description != "" {
		return op.Description
	}
	return "a product"
}

// DescribeItems says what an order does to each line, for the audit
// trail: by the line's number, with its device or SIM and what it does to
// products by their names.
func DescribeItems(items []*OrderItem) string {
	parts := make([]string, 0, len(items))
	for _, it := range items {
		s := ItemActionLabel(it.Action) + " on " + lineWords(&Line{TN: it.TN})
		if len(it.InventoryIdentifiers) > 0 {
			s += " with " + strings.Join(it.InventoryIdentifiers, ", ")
		}
		if len(it.Products) > 0 {
			s += ": " + describeOps(it.Products)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func describeOps(ops []*OrderProduct) string {
	parts := make([]string, 0, len(ops))
	for _, op := range ops {
		switch op.Op {
		case ProductAdd:
			parts = append(parts, fmt.Sprintf("add %s ×%d at %s", productWords(op), op.Quantity, op.Rate))
		case ProductChange:
			parts = append(parts, fmt.Sprintf("change %s to ×%d at %s", productWords(op), op.Quantity, op.Rate))
		case ProductRemove:
			parts = append(parts, "remove "+productWords(op))
		}
	}
	return strings.Join(parts, ", ")
}

// orderChanges lists the fields Orders_Update may change that differ.
func orderChanges(o, n *Order) map[string]Change {
	ch := map[string]Change{}
	add := func(name string, before, after any) {
		if before != after {
			ch[name] = Change{before, after}
		}
	}
	add("Status", o.Status, n.Status)
	add("StatusNote", o.StatusNote, n.StatusNote)
	add("FlowThrough", o.FlowThrough, n.FlowThrough)
	add("CompletionDate", dateValue(o.CompletionDate), dateValue(n.CompletionDate))
	add("TrackingNumber", o.TrackingNumber, n.TrackingNumber)
	add("ShippingStatus", o.ShippingStatus, n.ShippingStatus)
	add("ProcessID", idValue(o.ProcessID), idValue(n.ProcessID))
	add("ProcessRouteID", idValue(o.ProcessRouteID), idValue(n.ProcessRouteID))
	add("RequiresRouteDecision", o.RequiresRouteDecision, n.RequiresRouteDecision)
	return ch
}

func idValue(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func dateValue(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.Format(time.RFC3339)
}

// dayOf is the start of now's day, the CompletionDate of an order
// completed at now.
func dayOf(now time.Time) time.Time {
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
}

// cloneOrder copies o deeply enough that changing the copy's fields, items
// and product lists leaves o as it was.
func cloneOrder(o *Order) *Order {
	n := *o
	n.Items = make([]*OrderItem, len(o.Items))
	for i, it := range o.Items {
		if it == nil {
			continue
		}
		c := *it
		c.Products = append([]*OrderProduct(nil), it.Products...)
		n.Items[i] = &c
	}
	return &n
}

package domain_test

import (
	"strings"
	"testing"
	"time"

	"switchboard/domain"
)

var now = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)

// storedOrder is a NEW change order on line 1 of customer 1 (account 10).
func storedOrder(change func(o *domain.Order)) *domain.Order {
	o := &domain.Order{ID: 50, PON: "CCCCCCCCCCCCCCCC", Type: domain.TypeChangeFeature, Status: domain.OrderNew, StatusNote: "old note",
		CustomerID: 1, CarrierID: 1, CarrierAccountID: 10, FlowThrough: true, ShippingStatus: domain.ShippingNotRequired, Version: 3,
		Items: []*domain.OrderItem{{ID: 500, OrderID: 50, LineID: 1, TN: "3125550101", Action: domain.ItemChange,
			Products: []*domain.OrderProduct{{ID: 5000, OrderItemID: 500, Op: domain.ProductAdd, ProductID: 102, Quantity: 1}}}}}
	if change != nil {
		change(o)
	}
	return o
}

func onProcess(id int64, route *int64) func(o *domain.Order) {
	return func(o *domain.Order) {
		o.ProcessID, o.ProcessRouteID = &id, route
		o.RequiresRouteDecision = id == 2 && route == nil
	}
}

func withStatus(s string) func(o *domain.Order) { return func(o *domain.Order) { o.Status = s } }

func planUpdate(t *testing.T, o *domain.Order, in *domain.OrderUpdateInput, role domain.Role) *domain.OrderUpdatePlan {
	t.Helper()
	plan, err := domain.PlanOrderUpdate(t.Context(), newFake(), o, in, role, now)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

func TestPlanOrderUpdate_Rules(t *testing.T) {
	addLine2 := domain.UpdateLineList{{Change: &domain.LineChange{LineID: 2, Products: addOf(102)}}}
	for _, tt := range []struct {
		name        string
		order       func(o *domain.Order)
		in          domain.OrderUpdateInput
		role        domain.Role
		code, field string
		message     string
	}{
		{name: "ErrSupport", in: domain.OrderUpdateInput{Status: "SENT"}, role: domain.RoleSupport,
			code: domain.EFORBIDDEN, message: "Your role (support) may not update orders"},
		{name: "ErrNothing", in: domain.OrderUpdateInput{},
			code: domain.EINVALID, message: "Nothing to update: give at least one field to change"},
		{name: "ErrStatusNotAllowed", order: withStatus("SENT"), in: domain.OrderUpdateInput{Status: "NEW"},
			code: domain.EINVALID, field: "Status", message: "Cannot move an order from SENT to NEW; allowed: CONFIRMED, PROVISIONED, COMPLETE, ERROR, FLOW_ERROR, JEOPARDY, HOLD, CANCELED"},
		{name: "ErrStatusUnknown", in: domain.OrderUpdateInput{Status: "DONE"},
			code: domain.EINVALID, field: "Status", message: "Status must be one of NEW, SENT"},
		{name: "ErrStatusFinal", order: withStatus("COMPLETE"), in: domain.OrderUpdateInput{Status: "NEW"},
			code: domain.EINVALID, field: "Status", message: "The order is COMPLETE, which is final"},
		{name: "ErrRepCancels", in: domain.OrderUpdateInput{Status: "CANCELED"},
			code: domain.EFORBIDDEN, message: "Only a supervisor can cancel an order"},
		{name: "ErrStatusNoteAlone", in: domain.OrderUpdateInput{StatusNote: strp("why")},
			code: domain.EINVALID, field: "StatusNote", message: "StatusNote can only be set when updating the order status"},
		{name: "ErrStatusNoteLong", in: domain.OrderUpdateInput{Status: "HOLD", StatusNote: strp(strings.Repeat("n", 1001))},
			code: domain.EINVALID, field: "StatusNote", message: "StatusNote must be at most 1000 characters"},
		{name: "ErrCompletionDateWithoutComplete", in: domain.OrderUpdateInput{Status: "SENT", CompletionDate: "2026-03-01"},
			code: domain.EINVALID, field: "CompletionDate", message: "CompletionDate can only be set when changing an order to COMPLETE"},
		{name: "ErrCompletionDateOnCompleteOrder", order: withStatus("COMPLETE"), in: domain.OrderUpdateInput{Status: "COMPLETE", CompletionDate: "2026-03-01"},
			code: domain.EINVALID, field: "CompletionDate", message: "CompletionDate can only be set when changing an order to COMPLETE"},
		{name: "ErrCompletionDateFormat", in: domain.OrderUpdateInput{Status: "COMPLETE", CompletionDate: "03/01/2026"},
			code: domain.EINVALID, field: "CompletionDate", message: "CompletionDate must be a date (YYYY-MM-DD) or a date and time (RFC 3339)"},
		{name: "ErrTrackingLong", in: domain.OrderUpdateInput{TrackingNumber: strp(strings.Repeat("1", 61))},
			code: domain.EINVALID, field: "TrackingNumber", message: "TrackingNumber must be at most 60 characters"},
		{name: "ErrShippingNotRequired", in: domain.OrderUpdateInput{ShippingStatus: "NOT_REQUIRED"},
			code: domain.EINVALID, field: "ShippingStatus", message: "ShippingStatus must be NOT_SHIPPED or SHIPPED"},
		{name: "ErrShippingUnknown", in: domain.OrderUpdateInput{ShippingStatus: "LOST"},
			code: domain.EINVALID, field: "ShippingStatus", message: "ShippingStatus must be NOT_SHIPPED or SHIPPED"},
		{name: "ErrProcessUnknown", in: domain.OrderUpdateInput{ProcessID: i64(9)},
			code: domain.EINVALID, field: "ProcessID", message: "Process 9 does not exist"},
		{name: "ErrRouteByRep", order: onProcess(2, nil), in: domain.OrderUpdateInput{ProcessRouteID: i64(21)},
			code: domain.EFORBIDDEN, message: "Only a supervisor can choose a process route"},
		{name: "ErrRouteOfAnotherProcess", order: onProcess(2, nil), in: domain.OrderUpdateInput{ProcessRouteID: i64(11)}, role: domain.RoleSupervisor,
			code: domain.EINVALID, field: "ProcessRouteID", message: "Route 11 is not a route of process 2 (Porting)"},
		{name: "ErrRouteOfOldProcess", order: onProcess(1, i64(11)), in: domain.OrderUpdateInput{ProcessID: i64(2), ProcessRouteID: i64(11)}, role: domain.RoleSupervisor,
			code: domain.EINVALID, field: "ProcessRouteID", message: "Route 11 is not a route of process 2 (Porting)"},
		{name: "ErrRouteWithoutProcess", in: domain.OrderUpdateInput{ProcessRouteID: i64(21)}, role: domain.RoleSupervisor,
			code: domain.EINVALID, field: "ProcessRouteID", message: "Order 50 has no process; set ProcessID before choosing a route"},
		{name: "ErrSendWithoutRoute", order: onProcess(2, nil), in: domain.OrderUpdateInput{Status: "SENT"}, role: domain.RoleSupervisor,
			code: domain.EINVALID, field: "Status", message: "Choose a process route (ProcessRouteID) before sending order 50"},
		{name: "ErrRepSendsAwaitingRoute", order: onProcess(2, nil), in: domain.OrderUpdateInput{Status: "SENT"},
			code: domain.EFORBIDDEN, message: "Order 50 awaits a supervisor's route decision: only a supervisor can change its process or send it"},
		{name: "ErrRepClearsProcessAndSends", order: onProcess(2, nil), in: domain.OrderUpdateInput{ProcessID: i64(0), Status: "SENT"},
			code: domain.EFORBIDDEN, message: "Order 50 awaits a supervisor's route decision"},
		{name: "ErrRepClearsProcess", order: onProcess(2, nil), in: domain.OrderUpdateInput{ProcessID: i64(0)},
			code: domain.EFORBIDDEN, message: "Order 50 awaits a supervisor's route decision"},
		{name: "ErrRepPicksOneRouteProcess", order: onProcess(2, nil), in: domain.OrderUpdateInput{ProcessID: i64(1)},
			code: domain.EFORBIDDEN, message: "Order 50 awaits a supervisor's route decision"},
		{name: "ErrRepOneRouteProcessAndSends", order: onProcess(2, nil), in: domain.OrderUpdateInput{ProcessID: i64(1), Status: "SENT"},
			code: domain.EFORBIDDEN, message: "Order 50 awaits a supervisor's route decision"},
		{name: "ErrFinalFlowThrough", order: withStatus("COMPLETE"), in: domain.OrderUpdateInput{FlowThroughFlag: boolp(false)},
			code: domain.EINVALID, field: "FlowThroughFlag", message: "Order 50 is COMPLETE; only TrackingNumber, ShippingStatus and StatusNote can change"},
		{name: "ErrFinalProcess", order: withStatus("CANCELED"), in: domain.OrderUpdateInput{ProcessID: i64(0)},
			code: domain.EINVALID, field: "ProcessID", message: "Order 50 is CANCELED; only TrackingNumber, ShippingStatus and StatusNote can change"},
		{name: "ErrLinesAfterSending", order: withStatus("SENT"), in: domain.OrderUpdateInput{Lines: addLine2},
			code: domain.EINVALID, field: "Lines", message: "Lines can only be changed before the order is sent; order 50 is SENT"},
		{name: "ErrLinesOnSuspend", order: func(o *domain.Order) { o.Type = domain.TypeSuspend }, in: domain.OrderUpdateInput{Lines: addLine2},
			code: domain.EINVALID, field: "Lines", message: "Products cannot be changed on a SUSPEND order"},
		{name: "ErrLinesNoChange", in: domain.OrderUpdateInput{Lines: domain.UpdateLineList{{}}},
			code: domain.EINVALID, field: "Lines[0]", message: "Each entry of Lines must be a Change"},
		{name: "ErrLinesBothRefs", in: domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{LineID: 1, TN: "3125550101", Products: addOf(102)}}}},
			code: domain.EINVALID, field: "Lines[0].Change.LineID", message: "TN and LineID cannot both be specified"},
		{name: "ErrLinesOtherCustomer", in: domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{LineID: 5, Products: domain.ProductChangesInput{Remove: domain.ProductRemoveList{{CustomerProductID: 1}}}}}}},
			code: domain.EINVALID, field: "Lines[0].Change.LineID", message: "Line 5 belongs to customer 2, not to this order's customer 1"},
		{name: "ErrLinesOtherAccount", in: domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{TN: "3125550104", Products: addOf(301)}}}},
			code: domain.EINVALID, field: "Lines[0].Change.TN", message: "Line 4 is on carrier account 30, not on this order's (10): an order goes to one provider"},
		{name: "ErrLinesDisconnected", in: domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{LineID: 3, Products: addOf(102)}}}},
			code: domain.EINVALID, field: "Lines[0].Change.LineID", message: "Line 3 is DISCONNECTED; its products cannot change"},
		{name: "ErrLinesBeingDisconnected", order: func(o *domain.Order) { o.Items[0].Action = domain.ItemDisconnect },
			in:   domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{LineID: 1, Products: addOf(102)}}}},
			code: domain.EINVALID, field: "Lines[0].Change.LineID", message: "Line 1 is being disconnected by this order; its products cannot change"},
		{name: "ErrLinesProductQuantity", in: domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{LineID: 1,
			Products: domain.ProductChangesInput{Add: domain.LineProductList{{ProductID: 102, Quantity: intp(0)}}}}}}},
			code: domain.EINVALID, field: "Lines[0].Change.Products.Add[0].Quantity", message: "Quantity must be greater than or equal to 1"},
		{name: "ErrLinesNoProducts", in: domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{LineID: 1}}}},
			code: domain.EINVALID, field: "Lines[0].Change.Products", message: "Products must add, change or remove at least one product"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			role := tt.role
			if role == "" {
				role = domain.RoleRep
			}
			o := storedOrder(tt.order)
			plan, err := domain.PlanOrderUpdate(t.Context(), newFake(), o, &tt.in, role, now)
			if plan != nil {
				t.Fatalf("plan=%+v, want none", plan)
			}
			if got := domain.ErrorCode(err); got != tt.code {
				t.Fatalf("code=%q, want %q (%v)", got, tt.code, err)
			}
			if tt.code == domain.EINVALID && tt.field != "" {
				wantFieldError(t, err, tt.field, tt.message)
			} else if got := domain.ErrorMessage(err); !strings.Contains(got, tt.message) {
				t.Fatalf("message=%q, want it to contain %q", got, tt.message)
			}
		})
	}
}

func TestPlanOrderUpdate(t *testing.T) {
	t.Run("Send", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(nil), &domain.OrderUpdateInput{Status: "SENT"}, domain.RoleRep)
		if got, want := plan.Order.Status, domain.OrderSent; got != want {
			t.Errorf("Status=%q, want %q", got, want)
		}
		if got := plan.Changes["Status"]; got != (domain.Change{"NEW", "SENT"}) {
			t.Errorf("Changes[Status]=%v", got)
		}
		if got := plan.Changes["StatusNote"]; got != (domain.Change{"old note", ""}) {
			t.Errorf("Changes[StatusNote]=%v, want the old note cleared", got)
		}
		if len(plan.Effects) != 0 {
			t.Errorf("effects=%v, want none", plan.Effects)
		}
	})
	t.Run("StatusWithNote", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(nil), &domain.OrderUpdateInput{Status: "HOLD", StatusNote: strp(" waiting on customer ")}, domain.RoleRep)
		if got, want := plan.Order.StatusNote, "waiting on customer"; got != want {
			t.Errorf("StatusNote=%q, want %q", got, want)
		}
	})
	t.Run("NoteOfTheSameStatus", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(nil), &domain.OrderUpdateInput{Status: "NEW", StatusNote: strp("new note")}, domain.RoleRep)
		if plan.Order.Status != "NEW" || plan.Order.StatusNote != "new note" {
			t.Errorf("Status=%q StatusNote=%q", plan.Order.Status, plan.Order.StatusNote)
		}
		if _, ok := plan.Changes["Status"]; ok {
			t.Error("Status recorded as changed")
		}
	})
	t.Run("CompleteDefaultsToToday", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(nil), &domain.OrderUpdateInput{Status: "COMPLETE"}, domain.RoleRep)
		d := plan.Order.CompletionDate
		if d == nil || !d.Equal(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("CompletionDate=%v, want 2026-03-14", d)
		}
		if got, want := describeEffects(plan.Effects), "ADD_PRODUCT line1 p102"; got != want {
			t.Errorf("effects=%q, want %q", got, want)
		}
		if got := plan.Changes["CompletionDate"]; got != (domain.Change{nil, "2026-03-14T00:00:00Z"}) {
			t.Errorf("Changes[CompletionDate]=%v", got)
		}
	})
	t.Run("CompleteOnDate", func(t *testing.T) {
		for _, s := range []string{"2026-03-01", "2026-03-01T00:00:00Z"} {
			plan := planUpdate(t, storedOrder(withStatus("SENT")), &domain.OrderUpdateInput{Status: "COMPLETE", CompletionDate: s}, domain.RoleRep)
			if d := plan.Order.CompletionDate; d == nil || d.Format("2006-01-02") != "2026-03-01" {
				t.Errorf("%s: CompletionDate=%v, want 2026-03-01", s, d)
			}
		}
	})
	t.Run("SupervisorCancelsNewService", func(t *testing.T) {
		o := storedOrder(func(o *domain.Order) { o.Type, o.Items[0].Action = domain.TypeNew, domain.ItemAdd })
		plan := planUpdate(t, o, &domain.OrderUpdateInput{Status: "CANCELED", StatusNote: strp("customer changed mind")}, domain.RoleSupervisor)
		if got, want := describeEffects(plan.Effects), "INVENTORY line1 AVAILABLE; LINE_STATUS line1 DISCONNECTED"; got != want {
			t.Errorf("effects=%q, want %q", got, want)
		}
	})
	t.Run("FlowThroughTrackingShipping", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(nil), &domain.OrderUpdateInput{FlowThroughFlag: boolp(false), TrackingNumber: strp(" 1Z999 "), ShippingStatus: "SHIPPED"}, domain.RoleRep)
		o := plan.Order
		if o.FlowThrough || o.TrackingNumber != "1Z999" || o.ShippingStatus != "SHIPPED" {
			t.Errorf("FlowThrough=%v TrackingNumber=%q ShippingStatus=%q", o.FlowThrough, o.TrackingNumber, o.ShippingStatus)
		}
		if got := plan.Changes["FlowThrough"]; got != (domain.Change{true, false}) {
			t.Errorf("Changes[FlowThrough]=%v", got)
		}
		if got, want := len(plan.Changes), 3; got != want {
			t.Errorf("changes=%v, want %d", plan.Changes, want)
		}
	})
	t.Run("TrackingClearedOnCompleteOrder", func(t *testing.T) {
		o := storedOrder(func(o *domain.Order) { o.Status, o.TrackingNumber = "COMPLETE", "1Z" })
		plan := planUpdate(t, o, &domain.OrderUpdateInput{TrackingNumber: strp(""), ShippingStatus: "NOT_SHIPPED"}, domain.RoleRep)
		if plan.Order.TrackingNumber != "" || plan.Order.ShippingStatus != "NOT_SHIPPED" {
			t.Errorf("order=%+v", plan.Order)
		}
	})
	t.Run("RepWhileAwaitingRoute", func(t *testing.T) {
		// Anything that does not get past the decision is still a rep's.
		for _, in := range []domain.OrderUpdateInput{
			{ProcessID: i64(2)}, {Status: "HOLD", StatusNote: strp("asking the customer")}, {TrackingNumber: strp("1Z")}, {FlowThroughFlag: boolp(false)},
		} {
			plan := planUpdate(t, storedOrder(onProcess(2, nil)), &in, domain.RoleRep)
			if !plan.Order.RequiresRouteDecision {
				t.Errorf("%+v: the order no longer awaits its route decision", in)
			}
		}
	})
	t.Run("SupervisorSendsPastDecision", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(onProcess(2, nil)), &domain.OrderUpdateInput{ProcessID: i64(1), Status: "SENT"}, domain.RoleSupervisor)
		if o := plan.Order; o.Status != "SENT" || o.ProcessRouteID == nil || *o.ProcessRouteID != 11 || o.RequiresRouteDecision {
			t.Errorf("order=%+v, want SENT on route 11", o)
		}
	})
	t.Run("RepClearsProcessNotAwaiting", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(onProcess(2, i64(21))), &domain.OrderUpdateInput{ProcessID: i64(0), Status: "SENT"}, domain.RoleRep)
		if o := plan.Order; o.ProcessID != nil || o.Status != "SENT" {
			t.Errorf("order=%+v, want SENT with no process (no decision was awaited)", o)
		}
	})
	t.Run("ProcessCleared", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(onProcess(2, nil)), &domain.OrderUpdateInput{ProcessID: i64(0)}, domain.RoleSupervisor)
		o := plan.Order
		if o.ProcessID != nil || o.ProcessRouteID != nil || o.RequiresRouteDecision {
			t.Errorf("ProcessID=%v ProcessRouteID=%v RequiresRouteDecision=%v, want none", o.ProcessID, o.ProcessRouteID, o.RequiresRouteDecision)
		}
		if got := plan.Changes["ProcessID"]; got != (domain.Change{int64(2), nil}) {
			t.Errorf("Changes[ProcessID]=%v", got)
		}
	})
	t.Run("ProcessChangedNeedsDecision", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(onProcess(1, i64(11))), &domain.OrderUpdateInput{ProcessID: i64(2)}, domain.RoleRep)
		o := plan.Order
		if *o.ProcessID != 2 || o.ProcessRouteID != nil || !o.RequiresRouteDecision {
			t.Errorf("ProcessID=%v ProcessRouteID=%v RequiresRouteDecision=%v", *o.ProcessID, o.ProcessRouteID, o.RequiresRouteDecision)
		}
	})
	t.Run("SameProcessKeepsRoute", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(onProcess(2, i64(22))), &domain.OrderUpdateInput{ProcessID: i64(2)}, domain.RoleRep)
		if r := plan.Order.ProcessRouteID; r == nil || *r != 22 {
			t.Errorf("ProcessRouteID=%v, want 22 kept", r)
		}
	})
	t.Run("SupervisorChoosesRoute", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(onProcess(2, nil)), &domain.OrderUpdateInput{ProcessRouteID: i64(22)}, domain.RoleSupervisor)
		o := plan.Order
		if o.ProcessRouteID == nil || *o.ProcessRouteID != 22 || o.RequiresRouteDecision {
			t.Errorf("ProcessRouteID=%v RequiresRouteDecision=%v, want 22 and false", o.ProcessRouteID, o.RequiresRouteDecision)
		}
		if got := plan.Changes["RequiresRouteDecision"]; got != (domain.Change{true, false}) {
			t.Errorf("Changes[RequiresRouteDecision]=%v", got)
		}
	})
	t.Run("RouteOfNewProcessAndSend", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(nil), &domain.OrderUpdateInput{ProcessID: i64(2), ProcessRouteID: i64(21), Status: "SENT"}, domain.RoleAdmin)
		if o := plan.Order; *o.ProcessRouteID != 21 || o.Status != "SENT" || o.RequiresRouteDecision {
			t.Errorf("order=%+v", o)
		}
	})
	t.Run("RouteCleared", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(onProcess(2, i64(21))), &domain.OrderUpdateInput{ProcessRouteID: i64(0)}, domain.RoleSupervisor)
		if o := plan.Order; o.ProcessRouteID != nil || !o.RequiresRouteDecision {
			t.Errorf("ProcessRouteID=%v RequiresRouteDecision=%v, want none and true", o.ProcessRouteID, o.RequiresRouteDecision)
		}
	})
	t.Run("LinesOnOrderLine", func(t *testing.T) {
		o := storedOrder(nil)
		plan := planUpdate(t, o, &domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{TN: "3125550101",
			Products: domain.ProductChangesInput{Add: domain.LineProductList{{ProductID: 102, Quantity: intp(2)}}, Remove: domain.ProductRemoveList{{CustomerProductID: 1002}}}}}}},
			domain.RoleRep)
		it := plan.Order.Items[0]
		if got, want := products(it.Products), "ADD  102; ADD REQUESTED 102; REMOVE REQUESTED 101 cp1002"; got != want {
			t.Errorf("products=%q, want %q", got, want)
		}
		if p := it.Products[1]; p.ID != 0 || p.OrderItemID != 500 {
			t.Errorf("new product=%+v, want ID 0 on item 500", p)
		}
		if got, want := len(o.Items[0].Products), 1; got != want {
			t.Errorf("the stored order changed: %d products, want %d", got, want)
		}
		if got, want := plan.Changes["Lines"], (domain.Change{nil, "line 3125550101: add Shipping fee ×2 at 9.99, remove Voicemail"}); got != want {
			t.Errorf("Changes[Lines]=%v, want %v", got, want)
		}
	})
	t.Run("LinesOnAnotherLineWithRelated", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(withStatus("HOLD")), &domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{LineID: 2, Products: addOf(103)}}}}, domain.RoleRep)
		items := plan.Order.Items
		if got, want := len(items), 2; got != want {
			t.Fatalf("items=%d, want %d", got, want)
		}
		if it := items[1]; it.ID != 0 || it.OrderID != 50 || it.LineID != 2 || it.Action != domain.ItemChange || products(it.Products) != "ADD REQUESTED 103; ADD RELATED 104" {
			t.Errorf("new item=%+v products %q", it, products(it.Products))
		}
	})
	t.Run("ErrEverythingAtOnce", func(t *testing.T) {
		_, err := domain.PlanOrderUpdate(t.Context(), newFake(), storedOrder(withStatus("SENT")),
			&domain.OrderUpdateInput{Status: "NEW", CompletionDate: "x", ShippingStatus: "LOST", TrackingNumber: strp(strings.Repeat("1", 70)), ProcessID: i64(9)},
			domain.RoleRep, now)
		got := fieldErrors(err)
		for _, f := range []string{"Status", "CompletionDate", "ShippingStatus", "TrackingNumber", "ProcessID"} {
			if _, ok := got[f]; !ok {
				t.Errorf("no error on %s; got %v", f, got)
			}
		}
	})
	t.Run("ErrStore", func(t *testing.T) {
		lk := newFake()
		lk.fail = errBoom
		if _, err := domain.PlanOrderUpdate(t.Context(), lk, storedOrder(nil), &domain.OrderUpdateInput{ProcessID: i64(2)}, domain.RoleRep, now); err != errBoom {
			t.Fatalf("err=%v, want the store's", err)
		}
	})
	t.Run("ErrNilInput", func(t *testing.T) {
		_, err := domain.PlanOrderUpdate(t.Context(), newFake(), storedOrder(nil), nil, domain.RoleRep, now)
		wantFieldError(t, err, "", "Request body is required")
	})
}

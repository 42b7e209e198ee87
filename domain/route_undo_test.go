package domain_test

import (
	"strings"
	"testing"
	"time"

	"switchboard/domain"
)

// chosenAt is an order on process 2 whose route 21 a supervisor chose at t.
func chosenAt(t time.Time) func(o *domain.Order) {
	return func(o *domain.Order) {
		route, send := int64(21), t.Add(domain.RouteUndoWindow)
		onProcess(2, &route)(o)
		o.RouteSendAt = &send
	}
}

func TestPlanOrderUpdate_RouteHeld(t *testing.T) {
	fast, manual := int64(21), int64(22)
	t.Run("ChoiceHeld", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(onProcess(2, nil)), &domain.OrderUpdateInput{ProcessRouteID: &fast, HoldRoute: true}, domain.RoleSupervisor)
		if got := plan.Order.RouteSendAt; got == nil || !got.Equal(now.Add(domain.RouteUndoWindow)) {
			t.Fatalf("RouteSendAt=%v, want %v", got, now.Add(domain.RouteUndoWindow))
		}
		if until, held := domain.RouteHeld(plan.Order, now); !held || !until.Equal(now.Add(domain.RouteUndoWindow)) {
			t.Fatalf("RouteHeld=%v, %v", until, held)
		}
	})
	t.Run("APIChoiceNotHeld", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(onProcess(2, nil)), &domain.OrderUpdateInput{ProcessRouteID: &fast}, domain.RoleSupervisor)
		if plan.Order.RouteSendAt != nil || plan.Order.RequiresRouteDecision {
			t.Fatalf("a choice through the API is held: RouteSendAt=%v", plan.Order.RouteSendAt)
		}
	})
	t.Run("APIChoiceWithinWindowEndsHold", func(t *testing.T) {
		plan := planUpdate(t, storedOrder(chosenAt(now)), &domain.OrderUpdateInput{ProcessRouteID: &manual}, domain.RoleSupervisor)
		if _, held := domain.RouteHeld(plan.Order, now); held {
			t.Fatal("a new choice through the API keeps the page's hold")
		}
	})
	t.Run("OtherUpdateKeepsHold", func(t *testing.T) {
		o := storedOrder(chosenAt(now))
		plan := planUpdate(t, o, &domain.OrderUpdateInput{TrackingNumber: new("1Z")}, domain.RoleRep)
		if plan.Order.RouteSendAt == nil || !plan.Order.RouteSendAt.Equal(*o.RouteSendAt) {
			t.Fatalf("RouteSendAt=%v, want %v kept", plan.Order.RouteSendAt, o.RouteSendAt)
		}
	})
	t.Run("ChangedWithinWindowHeldAgain", func(t *testing.T) {
		later := now.Add(30 * time.Second)
		plan, err := domain.PlanOrderUpdate(t.Context(), newFake(), storedOrder(chosenAt(now)), &domain.OrderUpdateInput{ProcessRouteID: &manual, HoldRoute: true}, domain.RoleSupervisor, later)
		if err != nil {
			t.Fatal(err)
		}
		if got := plan.Order.RouteSendAt; got == nil || !got.Equal(later.Add(domain.RouteUndoWindow)) {
			t.Fatalf("RouteSendAt=%v, want the window from the new choice", got)
		}
	})
	t.Run("OneRouteProcessNotHeld", func(t *testing.T) {
		one := int64(1)
		plan := planUpdate(t, storedOrder(nil), &domain.OrderUpdateInput{ProcessID: &one}, domain.RoleRep)
		if plan.Order.RouteSendAt != nil || plan.Order.ProcessRouteID == nil {
			t.Fatalf("a process that picks its own route is held: %+v", plan.Order)
		}
	})
	t.Run("SystemMayNotSendWhileHeld", func(t *testing.T) {
		_, err := domain.PlanSystemMove(storedOrder(chosenAt(now)), domain.OrderSent, "", now.Add(domain.RouteUndoWindow-time.Second))
		if domain.ErrorCode(err) != domain.EINVALID {
			t.Fatalf("err=%v, want EINVALID", err)
		}
		if _, err := domain.PlanSystemMove(storedOrder(chosenAt(now)), domain.OrderSent, "", now.Add(domain.RouteUndoWindow)); err != nil {
			t.Fatalf("after the window: %v", err)
		}
	})
}

func TestPlanRouteUndo(t *testing.T) {
	inWindow := now.Add(domain.RouteUndoWindow - time.Second)
	for _, tt := range []struct {
		name    string
		order   func(o *domain.Order)
		role    domain.Role
		at      time.Time
		code    string
		message string
	}{
		{name: "OK", order: chosenAt(now), role: domain.RoleSupervisor, at: inWindow},
		{name: "OKAdmin", order: chosenAt(now), role: domain.RoleAdmin, at: now},
		{name: "ErrRep", order: chosenAt(now), role: domain.RoleRep, at: now, code: domain.EFORBIDDEN, message: "Only a supervisor can undo a route choice"},
		{name: "ErrWindowPassed", order: chosenAt(now), role: domain.RoleSupervisor, at: now.Add(domain.RouteUndoWindow),
			code: domain.ECONFLICT, message: "The time to undo the route choice of order 50 ended at 15:10:26 UTC (1 minute after it was made)"},
		{name: "ErrSent", order: func(o *domain.Order) { chosenAt(now)(o); o.Status = domain.OrderSent }, role: domain.RoleSupervisor, at: now,
			code: domain.ECONFLICT, message: "already been sent to the provider"},
		{name: "ErrCanceled", order: func(o *domain.Order) { chosenAt(now)(o); o.Status = domain.OrderCanceled }, role: domain.RoleSupervisor, at: now,
			code: domain.ECONFLICT, message: "Order 50 is canceled"},
		{name: "ErrWaiting", order: onProcess(2, nil), role: domain.RoleSupervisor, at: now,
			code: domain.ECONFLICT, message: "it is waiting for a route decision"},
		{name: "ErrNotChosenByPerson", order: onProcess(1, new(int64(11))), role: domain.RoleSupervisor, at: now,
			code: domain.ECONFLICT, message: "was not chosen by a supervisor"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := storedOrder(tt.order)
			plan, err := domain.PlanRouteUndo(o, tt.role, tt.at)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				n := plan.Order
				if n.ProcessRouteID != nil || !n.RequiresRouteDecision || n.RouteSendAt != nil || !n.AwaitingRoute() {
					t.Fatalf("undone order %+v", n)
				}
				if _, ok := plan.Changes["ProcessRouteID"]; !ok {
					t.Errorf("changes %v do not record the route", plan.Changes)
				}
				if o.ProcessRouteID == nil {
					t.Error("the plan changed the stored order")
				}
				return
			}
			if domain.ErrorCode(err) != tt.code || !strings.Contains(domain.ErrorMessage(err), tt.message) {
				t.Fatalf("err=%v (%s), want %s containing %q", err, domain.ErrorCode(err), tt.code, tt.message)
			}
		})
	}
}

func TestWhatNext(t *testing.T) {
	for _, tt := range []struct {
		name  string
		order func(o *domain.Order)
		step  string
		auto  bool
	}{
		{"Automatic", nil, domain.NextAutomatic, true},
		{"ByHand", func(o *domain.Order) { o.FlowThrough = false }, domain.NextByHand, false},
		{"SendNow", func(o *domain.Order) { o.FlowThrough, o.SendNow = false, true }, domain.NextAutomatic, true},
		{"AwaitingRoute", onProcess(2, nil), domain.NextAwaitingRoute, true},
		{"AwaitingRouteByHand", func(o *domain.Order) { onProcess(2, nil)(o); o.FlowThrough = false }, domain.NextAwaitingRoute, false},
		{"RouteHeld", chosenAt(now), domain.NextRouteHeld, true},
		{"RouteHeldPassed", chosenAt(now.Add(-domain.RouteUndoWindow)), domain.NextAutomatic, true},
		{"OnHold", withStatus(domain.OrderHold), domain.NextOnHold, true},
		{"Error", withStatus(domain.OrderError), domain.NextCorrect, true},
		{"Sent", withStatus(domain.OrderSent), domain.NextWithProvider, true},
		{"Complete", withStatus(domain.OrderComplete), domain.NextFinished, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := domain.WhatNext(storedOrder(tt.order), now)
			if got.Step != tt.step || got.Automatic != tt.auto {
				t.Fatalf("WhatNext=%+v, want %s (automatic %v)", got, tt.step, tt.auto)
			}
		})
	}
	after := domain.WhatNextAfterRoute(storedOrder(onProcess(2, nil)), now)
	if after.Step != domain.NextRouteHeld || !after.At.Equal(now.Add(domain.RouteUndoWindow)) {
		t.Fatalf("WhatNextAfterRoute=%+v, want held until the window's end", after)
	}
}

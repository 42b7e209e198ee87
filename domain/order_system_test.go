package domain_test

import (
	"slices"
	"strings"
	"testing"

	"switchboard/domain"
)

// systemLifecycle is DESIGN.md's part of the lifecycle the system (the
// poller, the provider's answers) moves along, written out again.
var systemLifecycle = map[string]string{
	"NEW":         "SENT",
	"SENT":        "CONFIRMED PROVISIONED COMPLETE ERROR FLOW_ERROR JEOPARDY",
	"CONFIRMED":   "PROVISIONED COMPLETE ERROR JEOPARDY",
	"PROVISIONED": "COMPLETE ERROR",
	"JEOPARDY":    "CONFIRMED COMPLETE ERROR",
}

func TestCanSystemMove_EveryPair(t *testing.T) {
	for _, from := range domain.OrderStatuses {
		allowed := strings.Fields(systemLifecycle[from])
		if got := domain.SystemMoves(from); !slices.Equal(got, allowed) {
			t.Errorf("SystemMoves(%s)=%v, want %v", from, got, allowed)
		}
		for _, to := range domain.OrderStatuses {
			want := slices.Contains(allowed, to)
			if got := domain.CanSystemMove(from, to); got != want {
				t.Errorf("CanSystemMove(%s, %s)=%v, want %v", from, to, got, want)
			}
			if want && !domain.CanMove(from, to) {
				t.Errorf("the system may move %s to %s, which the lifecycle forbids", from, to)
			}
			_, err := domain.PlanSystemMove(storedOrder(withStatus(from)), to, "", now)
			if want && err != nil {
				t.Errorf("PlanSystemMove(%s→%s): %v, want no error", from, to, err)
			}
			if !want {
				if got := domain.ErrorFields(err); domain.ErrorCode(err) != domain.EINVALID || len(got) != 1 || got[0].Field != "Status" {
					t.Errorf("PlanSystemMove(%s→%s): %v, want one invalid error on Status", from, to, err)
				}
			}
		}
	}
}

func TestPlanSystemMove(t *testing.T) {
	route := int64(21)
	noFlow := func(o *domain.Order) { o.FlowThrough = false }
	for _, tt := range []struct {
		name     string
		order    *domain.Order
		to, note string
		message  string // the error's, "" when planned
		wantNote string
	}{
		{"Send", storedOrder(nil), "SENT", "", "", ""},
		{"SendNowWithoutFlowThrough", storedOrder(func(o *domain.Order) { o.FlowThrough, o.SendNow = false, true }), "SENT", "", "", ""},
		{"SendWithChosenRoute", storedOrder(onProcess(2, &route)), "SENT", "", "", ""},
		{"ConfirmWithProviderWords", storedOrder(withStatus("SENT")), "CONFIRMED", "  Order accepted, due 3/20  ", "", "Order accepted, due 3/20"},
		{"ErrorWithProviderWords", storedOrder(withStatus("CONFIRMED")), "ERROR", "Account number does not match", "", "Account number does not match"},
		{"NoteCleared", storedOrder(withStatus("SENT")), "JEOPARDY", "", "", ""},
		{"LongNoteCut", storedOrder(withStatus("SENT")), "ERROR", strings.Repeat("é", domain.MaxStatusNote), "", strings.Repeat("é", domain.MaxStatusNote/2)},
		{"BadTextMadeValid", storedOrder(withStatus("SENT")), "ERROR", "bad\x00 \xff byte", "", "bad \uFFFD byte"},
		{"ErrNotFlowThrough", storedOrder(noFlow), "SENT", "", "Order 50 is not flow-through: a person sends it", ""},
		{"ErrAwaitingRoute", storedOrder(onProcess(2, nil)), "SENT", "", "Order 50 waits for a route decision before it is sent", ""},
		{"ErrHold", storedOrder(withStatus("NEW")), "HOLD", "", "The system cannot move order 50 from NEW to HOLD; it may move it to: SENT", ""},
		{"ErrCancel", storedOrder(withStatus("SENT")), "CANCELED", "", "The system cannot move order 50 from SENT to CANCELED; it may move it to: CONFIRMED, PROVISIONED, COMPLETE, ERROR, FLOW_ERROR, JEOPARDY", ""},
		{"ErrResendAfterError", storedOrder(withStatus("ERROR")), "SENT", "", "The system cannot move order 50 from ERROR to SENT; it may move it to: none", ""},
		{"ErrFinal", storedOrder(withStatus("CANCELED")), "CONFIRMED", "", "Order 50 is CANCELED, which is final: its status cannot change", ""},
		{"ErrSame", storedOrder(withStatus("SENT")), "SENT", "", "Order 50 is already SENT", ""},
		{"ErrUnknown", storedOrder(withStatus("SENT")), "DONE", "", "Status must be one of NEW, SENT", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := *tt.order
			plan, err := domain.PlanSystemMove(tt.order, tt.to, tt.note, now)
			if tt.message != "" {
				if domain.ErrorCode(err) != domain.EINVALID || !strings.HasPrefix(domain.ErrorMessage(err), tt.message) {
					t.Fatalf("err=%v, want invalid %q", err, tt.message)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			n := plan.Order
			if n.Status != tt.to || n.StatusNote != tt.wantNote {
				t.Fatalf("Status=%s StatusNote=%q, want %s %q", n.Status, n.StatusNote, tt.to, tt.wantNote)
			}
			if got, want := plan.Changes["Status"], (domain.Change{before.Status, tt.to}); got != want {
				t.Errorf("Changes[Status]=%v, want %v", got, want)
			}
			if tt.order.Status != before.Status || tt.order.StatusNote != before.StatusNote {
				t.Errorf("the stored order changed: %s %q", tt.order.Status, tt.order.StatusNote)
			}
			if n.CompletionDate != nil || len(plan.Effects) != 0 {
				t.Errorf("CompletionDate=%v effects=%v, want none for %s", n.CompletionDate, plan.Effects, tt.to)
			}
		})
	}
}

// Completing by the system applies the order as a rep's COMPLETE does.
func TestPlanSystemMove_Complete(t *testing.T) {
	for _, from := range []string{"SENT", "CONFIRMED", "PROVISIONED", "JEOPARDY"} {
		t.Run(from, func(t *testing.T) {
			o := storedOrder(withStatus(from))
			plan, err := domain.PlanSystemMove(o, domain.OrderComplete, "Activated", now)
			if err != nil {
				t.Fatal(err)
			}
			rep := planUpdate(t, storedOrder(withStatus(from)), &domain.OrderUpdateInput{Status: domain.OrderComplete}, domain.RoleRep)
			if got, want := describeEffects(plan.Effects), describeEffects(rep.Effects); got != want || got == "" {
				t.Errorf("effects=%q, want the rep's %q", got, want)
			}
			if d := plan.Order.CompletionDate; d == nil || !d.Equal(*rep.Order.CompletionDate) {
				t.Errorf("CompletionDate=%v, want %v", d, rep.Order.CompletionDate)
			}
			if _, ok := plan.Changes["CompletionDate"]; !ok {
				t.Errorf("changes=%v, want CompletionDate among them", plan.Changes)
			}
		})
	}
}

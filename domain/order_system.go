package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// systemMoves are the moves the system makes on its own (DESIGN.md's
// lifecycle, the poller's part of it): it sends a NEW order, and records
// what the provider says of a sent one. Every one is also in orderMoves;
// holds, cancelling and sending again after an error stay with people.
var systemMoves = map[string][]string{
	OrderNew:         {OrderSent},
	OrderSent:        {OrderConfirmed, OrderProvisioned, OrderComplete, OrderError, OrderFlowError, OrderJeopardy},
	OrderConfirmed:   {OrderProvisioned, OrderComplete, OrderError, OrderJeopardy},
	OrderProvisioned: {OrderComplete, OrderError},
	OrderJeopardy:    {OrderConfirmed, OrderComplete, OrderError},
}

// CanSystemMove reports whether the system may move an order from one
// status to another.
func CanSystemMove(from, to string) bool { return OneOf(to, systemMoves[from]) }

// SystemMoves lists the statuses the system may move an order in status
// from to, in the lifecycle table's order; nil when it may not move it.
func SystemMoves(from string) []string {
	return append([]string(nil), systemMoves[from]...)
}

// PlanSystemMove plans the system's move of order o to status to, at time
// now, with note (the provider's words; "" clears the status note). It is
// recorded as the system's (ActionSystemMove), never as a person's
// Orders_Update. Rules: the move is one of SystemMoves(o.Status); sending
// (NEW → SENT) needs flow-through or SendOrders on, and a chosen route
// when the process requires one, no longer held for undoing (RouteHeld).
// Completing sets CompletionDate to now's
// day and plans CompletionEffects, as a rep's COMPLETE does. The note is
// the provider's and not checked: it is trimmed, cut to MaxStatusNote and
// made valid text.
//
// It returns one EINVALID error on "Status" when the system may not make
// the move (the order moved meanwhile: a job following it stops).
func PlanSystemMove(o *Order, to, note string, now time.Time) (*OrderUpdatePlan, error) {
	switch {
	case !OneOf(to, OrderStatuses):
		return nil, FieldErrorRule("Status", RuleOneOf, nil, "Status must be one of %s", strings.Join(OrderStatuses, ", "))
	case o.Status == to:
		return nil, FieldErrorRule("Status", RuleAlreadyStatus, kv("Status", to), "Order %d is already %s", o.ID, to)
	case IsFinalStatus(o.Status):
		return nil, FieldErrorRule("Status", RuleFinalStatus, kv("Status", o.Status), "Order %d is %s, which is final: its status cannot change", o.ID, o.Status)
	case !CanSystemMove(o.Status, to):
		allowed := "none"
		if m := systemMoves[o.Status]; len(m) > 0 {
			allowed = strings.Join(m, ", ")
		}
		return nil, FieldErrorRule("Status", RuleSystemMove, kv("From", o.Status, "To", to, "Allowed", strings.Join(systemMoves[o.Status], ", ")), "The system cannot move order %d from %s to %s; it may move it to: %s", o.ID, o.Status, to, allowed)
	case to == OrderSent && !o.FlowThrough && !o.SendNow:
		return nil, FieldErrorRule("Status", RuleNotFlowThrough, nil, "Order %d is not flow-through: a person sends it", o.ID)
	case to == OrderSent && o.RequiresRouteDecision:
		return nil, FieldErrorRule("Status", RuleAwaitsRoute, nil, "Order %d waits for a route decision before it is sent", o.ID)
	case to == OrderSent && isHeld(o, now):
		return nil, FieldErrorRule("Status", RuleRouteUndoWindow, nil, "Order %d's route choice can still be undone: it is sent when that time has passed", o.ID)
	}
	n := cloneOrder(o)
	n.Status, n.StatusNote = to, SystemNote(note)
	plan := &OrderUpdatePlan{Order: n}
	if to == OrderComplete {
		today := dayOf(now)
		n.CompletionDate = &today
		plan.Effects = CompletionEffects(n)
	}
	plan.Changes = orderChanges(o, n)
	return plan, nil
}

// SystemNote makes a provider's message a status note: valid UTF-8
// without NUL characters, trimmed, and at most MaxStatusNote bytes (cut
// at a character boundary).
func SystemNote(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", ""))
	if len(s) <= MaxStatusNote {
		return s
	}
	cut := MaxStatusNote
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.TrimSpace(s[:cut])
}

package domain

import (
	"fmt"
	"strings"
	"time"
)

// RouteUndoWindow is how long a supervisor's route choice can be undone.
// The choice is recorded at once (in the order's history, by whom and
// when), but the order is not sent to its provider before the window has
// passed; undoing it within the window puts the order back in the route
// queue, and after the window an undo is refused.
const RouteUndoWindow = time.Minute

// ActionRouteUndo is the audit action of a supervisor undoing a route choice.
const ActionRouteUndo = "route_undo"

// RouteHeld reports whether order o is held by a supervisor's route
// choice at time now, and until when: the choice can still be undone and
// the order is not sent before then. Only an order not sent yet is held.
func RouteHeld(o *Order, now time.Time) (time.Time, bool) {
	if o == nil || o.RouteSendAt == nil || o.ProcessRouteID == nil || o.RequiresRouteDecision || !NotYetSent(o.Status) {
		return time.Time{}, false
	}
	return *o.RouteSendAt, now.Before(*o.RouteSendAt)
}

func isHeld(o *Order, now time.Time) bool { _, held := RouteHeld(o, now); return held }

// holdRoute sets when n, the update of o at now, may be sent: a route a
// supervisor chose for an order waiting for that decision (or held by an
// earlier choice) on a page (hold) is held for RouteUndoWindow; a route or
// process changed otherwise holds nothing; an update leaving both alone
// keeps o's hold.
func holdRoute(n, o *Order, now time.Time, hold bool) {
	_, held := RouteHeld(o, now)
	changed := !sameID(o.ProcessRouteID, n.ProcessRouteID) || !sameID(o.ProcessID, n.ProcessID)
	switch {
	case hold && changed && (o.RequiresRouteDecision || held) && n.ProcessRouteID != nil && !n.RequiresRouteDecision:
		t := now.Add(RouteUndoWindow)
		n.RouteSendAt = &t
	case changed:
		n.RouteSendAt = nil
	}
}

func sameID(a, b *int64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// SendHeldError is OrderToSend's answer for an order whose route choice
// can still be undone: try again at Until.
type SendHeldError struct {
	OrderID int64
	Until   time.Time
}

func (e *SendHeldError) Error() string {
	return fmt.Sprintf("order %d is held until %s: its route choice can still be undone", e.OrderID, e.Until.UTC().Format(time.RFC3339))
}

// PlanRouteUndo plans a supervisor's undo, at time now, of the route
// chosen for order o: the route is cleared and the order waits for a route
// decision again, as it did before the choice. Rules: only a supervisor
// undoes; the order must hold a route a person chose (RouteHeld) and the
// window must not have passed.
//
// Returns EFORBIDDEN for a role below supervisor, ECONFLICT when there is
// nothing to undo any more (never chosen by a person, sent, canceled, or
// the window passed), each with a message saying why.
func PlanRouteUndo(o *Order, role Role, now time.Time) (*OrderUpdatePlan, error) {
	if !role.AtLeast(RoleSupervisor) {
		return nil, ErrorRule(EFORBIDDEN, RuleSupervisorOnly, kv("Action", "undo a route choice"), "Only a supervisor can undo a route choice")
	}
	until, held := RouteHeld(o, now)
	switch {
	case o.RequiresRouteDecision && o.Open():
		return nil, ErrorRule(ECONFLICT, RuleUndoNoRoute, nil, "Order %d has no route chosen: it is waiting for a route decision", o.ID)
	case IsFinalStatus(o.Status):
		return nil, ErrorRule(ECONFLICT, RuleFinalStatus, kv("Status", o.Status), "Order %d is %s, so its route choice can no longer be undone", o.ID, strings.ToLower(StatusLabel(o.Status)))
	case !NotYetSent(o.Status):
		return nil, ErrorRule(ECONFLICT, RuleUndoSent, nil, "Order %d has already been sent to the provider, so its route choice can no longer be undone", o.ID)
	case o.RouteSendAt == nil || o.ProcessRouteID == nil:
		return nil, ErrorRule(ECONFLICT, RuleUndoNotChosen, nil, "Order %d's route was not chosen by a supervisor, so there is no choice to undo", o.ID)
	case !held:
		return nil, ErrorRule(ECONFLICT, RuleUndoTooLate, kv("Ended", until.UTC().Format("15:04:05 UTC"), "Window", WindowWords(RouteUndoWindow)), "The time to undo the route choice of order %d ended at %s (%s after it was made); the order is on its way to the provider",
			o.ID, until.UTC().Format("15:04:05 UTC"), WindowWords(RouteUndoWindow))
	}
	n := cloneOrder(o)
	n.ProcessRouteID, n.RequiresRouteDecision, n.RouteSendAt = nil, true, nil
	return &OrderUpdatePlan{Order: n, Changes: orderChanges(o, n)}, nil
}

// WindowWords says a duration of whole seconds or minutes in words:
// "1 minute", "90 seconds", "2 minutes".
func WindowWords(d time.Duration) string {
	switch s := int64(d / time.Second); {
	case s%60 == 0 && s == 60:
		return "1 minute"
	case s%60 == 0:
		return fmt.Sprintf("%d minutes", s/60)
	case s == 1:
		return "1 second"
	default:
		return fmt.Sprintf("%d seconds", s)
	}
}

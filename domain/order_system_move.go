package domain

import (
	"strings"
	"time"
)

// PlanSystemMove plans a move the system makes (a reconnect port's step,
// the poller) of order o to status to with note, at now: it follows the
// lifecycle (CanMove) with no role, records the completion date of a
// COMPLETE order and the order's effects. Returns EINVALID on "Status"
// naming the allowed moves when the lifecycle forbids the move.
func PlanSystemMove(o *Order, to, note string, now time.Time) (*OrderUpdatePlan, error) {
	if !CanMove(o.Status, to) {
		return nil, FieldErrorf("Status", "Cannot move order %d from %s to %s; allowed: %s", o.ID, o.Status, to, strings.Join(orderMoves[o.Status], ", "))
	}
	n := cloneOrder(o)
	n.Status, n.StatusNote = to, strings.TrimSpace(note)
	plan := &OrderUpdatePlan{Order: n}
	switch to {
	case OrderComplete:
		today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
		n.CompletionDate = &today
		plan.Effects = CompletionEffects(n)
	case OrderCanceled:
		plan.Effects = CancelEffects(n)
	}
	plan.Changes = orderChanges(o, n)
	return plan, nil
}

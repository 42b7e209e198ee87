package domain

import (
	"strings"
	"time"
)

// systemMoves are the moves the system makes on its own (sending an order,
// recording the provider's answers, JEOPARDY, FLOW_ERROR); holds, a return
// to NEW and CANCELED are a person's.
var systemMoves = []string{OrderSent, OrderConfirmed, OrderProvisioned, OrderComplete, OrderError, OrderFlowError, OrderJeopardy}

// PlanSystemMove plans the system's move of order o to status to with note
// (cut to MaxStatusNote) at now: the lifecycle must allow it, and
// completing applies the order (CompletionEffects), dated today. Returns
// EINVALID on "Status" when the move is not the system's to make.
func PlanSystemMove(o *Order, to, note string, now time.Time) (*OrderUpdatePlan, error) {
	if !CanMove(o.Status, to) || !OneOf(to, systemMoves) {
		return nil, FieldErrorf("Status", "The system cannot move order %d from %s to %s", o.ID, o.Status, to)
	}
	n := cloneOrder(o)
	n.Status = to
	n.StatusNote = ProviderText(note, MaxStatusNote)
	plan := &OrderUpdatePlan{Order: n}
	if to == OrderComplete {
		today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
		n.CompletionDate = &today
		plan.Effects = CompletionEffects(n)
	}
	plan.Changes = orderChanges(o, n)
	return plan, nil
}

// ProviderText is text from a provider (or about one) fit to store and
// show: valid UTF-8 without NUL or control characters, at most max
// characters (cut with an ellipsis).
func ProviderText(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > max {
		s = string(r[:max-1]) + "…"
	}
	return s
}

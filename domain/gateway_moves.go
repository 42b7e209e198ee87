package domain

import "time"

// How long a provider has to finish an order once it is sent, before the
// order is in JEOPARDY: DESIGN.md expects wireless-to-wireless ports
// within 2.5 hours; other orders within a day.
const (
	PortDueAfter  = 150 * time.Minute
	OrderDueAfter = 24 * time.Hour
)

// OrderDueAt is when an order sent at sentAt should be complete.
func OrderDueAt(o *Order, sentAt time.Time) time.Time {
	if o.WirelessPort != nil {
		return sentAt.Add(PortDueAfter)
	}
	return sentAt.Add(OrderDueAfter)
}

// ProviderMove is the move the provider's answer s makes for an order in
// status from: the status to move to and the note to record, or to ""
// when the answer moves nothing (nothing new, or the lifecycle has no
// such move from here, as when a late answer repeats an older stage). A
// port answered R is an ERROR with its reason; the order completes when
// the provider says COMPLETE (for a port, once the number is activated).
func ProviderMove(from string, s *GatewayStatus) (to, note string) {
	switch {
	case s.Port != nil && s.Port.Response == PortResolutionRequired:
		to, note = OrderError, "Port needs resolution: "+s.Port.Reason
	case s.Status == GatewayError:
		to, note = OrderError, s.Message
		if note == "" {
			note = "The provider refused the order without saying why"
		}
	case s.Status == GatewayComplete:
		to = OrderComplete
	case s.Status == GatewayProvisioned:
		to = OrderProvisioned
	case s.Status == GatewayConfirmed:
		to = OrderConfirmed
	}
	if to == "" || to == from || !CanSystemMove(from, to) {
		return "", ""
	}
	if note == "" {
		note = "Provider: " + s.Summary()
	}
	return to, note
}

// Overdue reports whether an order in status, due at due, is past its due
// time at now and may move to JEOPARDY.
func Overdue(status string, due, now time.Time) bool {
	return !due.IsZero() && now.After(due) && CanSystemMove(status, OrderJeopardy)
}

// Following reports whether an order in status is with the provider, so
// the poller asks about it: sent and not final, not back with a rep.
func Following(status string) bool {
	switch status {
	case OrderSent, OrderConfirmed, OrderProvisioned, OrderJeopardy:
		return true
	}
	return false
}

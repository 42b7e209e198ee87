package demo

import (
	"fmt"
	"time"

	"switchboard/domain"
)

// The histories of the demo's orders: the moves along the lifecycle that
// bring each to its status, by the people and the system (the poller, the
// provider's answers) who would have made them, with their words in
// StatusNote.

// demoMove is one change of an order's history: an Orders_Update by a
// person of role, or for "" the system's move to in.Status with
// in.StatusNote (db.Loader.MoveOrderBySystem).
type demoMove struct {
	role domain.Role
	in   domain.OrderUpdateInput
}

func move(role domain.Role, status, note string) demoMove {
	m := demoMove{role: role, in: domain.OrderUpdateInput{Status: status}}
	if note != "" {
		m.in.StatusNote = &note
	}
	return m
}

// walk performs moves on order o one after the other, spread between its
// creation and the load, at most two days or so apart.
func (d *demoOrderer) walk(o *domain.Order, moves []demoMove) error {
	t := o.CreatedAt
	span := min(d.now.Add(-5*time.Minute).Sub(t)/time.Duration(len(moves)+1), 40*time.Hour)
	for _, m := range moves {
		t = t.Add(time.Duration((0.3 + 0.7*d.r.Float64()) * float64(span))).Truncate(time.Second)
		d.ld.SetNow(t)
		var err error
		if m.role == "" {
			note := ""
			if m.in.StatusNote != nil {
				note = *m.in.StatusNote
			}
			err = d.ld.MoveOrderBySystem(d.ctx, o.ID, m.in.Status, note)
		} else {
			in := m.in
			err = d.ld.UpdateOrder(d.as(m.role), o.ID, &in, m.role)
		}
		if err != nil {
			return fmt.Errorf("order %d (%s, %s): %+v: %w", o.ID, o.Type, o.Status, m.in, err)
		}
	}
	return nil
}

// path is how an order reaches status: sent by flow-through (or by a rep
// when flow-through is off), answered by the provider, held by a rep,
// canceled by a supervisor. The variant picks between believable paths.
func (d *demoOrderer) path(o *domain.Order, status string, variant int) []demoMove {
	send := move("", domain.OrderSent, "")
	if !o.FlowThrough {
		send = move(domain.RoleRep, domain.OrderSent, "")
	}
	confirm := move("", domain.OrderConfirmed, fmt.Sprintf("Carrier confirmation %s-%06d; due in 2 business days", d.carrierCode(o.CarrierID), d.r.IntN(1000000)))
	var ship []demoMove
	if o.ShippingStatus == domain.ShippingNotShipped {
		tracking := fmt.Sprintf("1Z%s%010d", []string{"A4R", "9W2", "X71"}[d.r.IntN(3)], d.r.IntN(10000000000))
		ship = []demoMove{{role: domain.RoleRep, in: domain.OrderUpdateInput{TrackingNumber: &tracking, ShippingStatus: domain.ShippingShipped}}}
	}
	note := func(list []string) string { return list[(variant+d.r.IntN(len(list)))%len(list)] }
	switch status {
	case domain.OrderSent:
		return []demoMove{send}
	case domain.OrderConfirmed:
		return append([]demoMove{send, confirm}, ship...)
	case domain.OrderProvisioned:
		return append(append([]demoMove{send, confirm}, ship...), move("", domain.OrderProvisioned, "Activated on the carrier network; billing starts at completion"))
	case domain.OrderComplete:
		done := append(append([]demoMove{send, confirm}, ship...), move("", domain.OrderComplete, ""))
		if variant%3 == 1 {
			return append([]demoMove{send, move("", domain.OrderError, note(demoErrorNotes)),
				move(domain.RoleRep, domain.OrderNew, "Corrected the account details with the customer; sending again")}, done...)
		}
		return done
	case domain.OrderError:
		return []demoMove{send, move("", domain.OrderError, note(demoErrorNotes))}
	case domain.OrderFlowError:
		return []demoMove{send, move("", domain.OrderFlowError, note(demoFlowErrorNotes))}
	case domain.OrderJeopardy:
		return []demoMove{send, confirm, move("", domain.OrderJeopardy, note(demoJeopardyNotes))}
	case domain.OrderHold:
		return []demoMove{move(domain.RoleRep, domain.OrderHold, note(demoHoldNotes))}
	case domain.OrderPaymentHold:
		return []demoMove{move(domain.RoleRep, domain.OrderPaymentHold, note(demoPaymentHoldNotes))}
	case domain.OrderLifelineHold:
		return []demoMove{move(domain.RoleRep, domain.OrderLifelineHold, "Waiting for Lifeline eligibility from the National Verifier (application LV-"+fmt.Sprint(400000+d.r.IntN(99999))+")")}
	case domain.OrderCanceled:
		cancel := move(domain.RoleSupervisor, domain.OrderCanceled, note(demoCancelNotes))
		if variant%2 == 1 {
			return []demoMove{send, cancel}
		}
		return []demoMove{cancel}
	}
	return nil
}

// The provider's and the people's words in StatusNote.
var (
	demoErrorNotes = []string{
		"Carrier rejected (error 4012): ICCID is not in the carrier's SIM inventory for this account",
		"Carrier rejected (error 2203): the billing account is past due; provisioning is blocked until it is paid",
		"Carrier rejected (PLN-217): the rate plan is not available for this device type",
		"Carrier rejected (error 7021): the line already has a pending change request at the carrier",
		"Carrier rejected (error 1180): service address could not be validated (no match in E911 database)",
	}
	demoFlowErrorNotes = []string{
		"Could not reach the carrier gateway: connection timed out after 30s (3 attempts)",
		"Carrier gateway answered 503 Service Unavailable; the order was not transmitted",
		"Carrier gateway refused the request: TLS certificate expired on the partner endpoint",
	}
	demoJeopardyNotes = []string{
		"Past due: the carrier committed 2 business days and has not completed after 5",
		"Carrier reports a backlog at its fulfillment center; the due date is at risk",
		"Carrier field technician missed the appointment window; rescheduling",
	}
	demoHoldNotes = []string{
		"Customer asked to hold until their new office opens",
		"Holding for the customer's IT contact to confirm the device model",
		"On hold: waiting for the signed service agreement",
	}
	demoPaymentHoldNotes = []string{
		"A deposit of $150.00 is required before activation",
		"Credit check referred: waiting for the customer's deposit",
	}
	demoCancelNotes = []string{
		"Customer withdrew the request",
		"Duplicate of an order entered the same day",
		"Customer chose to stay with the current plan",
	}
)

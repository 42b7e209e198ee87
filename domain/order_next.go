package domain

import "time"

// What happens next to an order (OrderNext.Step).
const (
	NextAwaitingRoute = "awaiting_route" // waits for a supervisor's route decision
	NextRouteHeld     = "route_held"     // route chosen, can be undone until At; not sent before
	NextAutomatic     = "automatic"      // the system sends it now (flow-through or SendOrders)
	NextByHand        = "by_hand"        // not flow-through: a rep sends it
	NextOnHold        = "on_hold"        // a hold status: a rep releases it
	NextCorrect       = "correct"        // ERROR or FLOW_ERROR: a rep corrects it or sends it again
	NextWithProvider  = "with_provider"  // sent: the jobs follow it at the provider
	NextFinished      = "finished"       // COMPLETE or CANCELED
)

// OrderNext says what happens next to an order: its Step, when (At, for a
// held route choice) and whether the system sends it on its own once
// nothing holds it (Automatic: flow-through or SendOrders on).
type OrderNext struct {
	Step      string
	At        time.Time
	Automatic bool
}

// WhatNext is what happens next to order o at time now. The pages say it
// in words from this one answer, so flow-through, the route and "sent
// automatically" never contradict each other.
func WhatNext(o *Order, now time.Time) OrderNext {
	n := OrderNext{Automatic: o.FlowThrough || o.SendNow}
	switch {
	case IsFinalStatus(o.Status):
		n.Step = NextFinished
	case Following(o.Status):
		n.Step = NextWithProvider
	case o.Status == OrderError || o.Status == OrderFlowError:
		n.Step = NextCorrect
	case o.RequiresRouteDecision:
		n.Step = NextAwaitingRoute
	case o.Status != OrderNew:
		n.Step = NextOnHold
	default:
		if at, held := RouteHeld(o, now); held {
			n.Step, n.At = NextRouteHeld, at
		} else if n.Automatic {
			n.Step = NextAutomatic
		} else {
			n.Step = NextByHand
		}
	}
	return n
}

// WhatNextAfterRoute is what happens next to order o, waiting for a route
// decision, once a supervisor chooses any of its routes at now.
func WhatNextAfterRoute(o *Order, now time.Time) OrderNext {
	n := *o
	n.RequiresRouteDecision = false
	if n.ProcessRouteID == nil {
		var any int64
		if len(o.Routes) > 0 {
			any = o.Routes[0].ID
		}
		n.ProcessRouteID = &any
	}
	holdRoute(&n, o, now, true) // chosen on a page: held for the undo window
	return WhatNext(&n, now)
}

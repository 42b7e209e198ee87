package views

import (
	"time"

	"switchboard/domain"
)

// NextWords says in one sentence what happens next to an order going to
// carrier (its name), from domain.WhatNext, at time now.
func NextWords(n domain.OrderNext, carrier string, now time.Time) string {
	to := carrier
	if to == "" {
		to = "the provider"
	}
	switch n.Step {
	case domain.NextAwaitingRoute:
		if n.Automatic {
			return "Waits for a supervisor to choose its route; once chosen, it is sent to " + to + " automatically (flow-through is on)."
		}
		return "Waits for a supervisor to choose its route; after that a rep sends it to " + to + " (flow-through is off)."
	case domain.NextRouteHeld:
		if n.Automatic {
			return "Sent to " + to + " automatically " + InWords(n.At.Sub(now)) + ", at " + ClockTime(n.At) + "; until then the route choice can be undone."
		}
		return "Flow-through is off, so a rep sends it to " + to + "; the route choice can be undone until " + ClockTime(n.At) + " (" + InWords(n.At.Sub(now)) + ")."
	case domain.NextAutomatic:
		return "Being sent to " + to + " automatically (flow-through is on)."
	case domain.NextByHand:
		return "Not sent automatically (flow-through is off): a rep sends it to " + to + " by moving it to Sent."
	case domain.NextOnHold:
		return "On hold: it is not sent until a rep takes it off hold."
	case domain.NextCorrect:
		return "Back with the reps: correct it and send it to " + to + " again."
	case domain.NextWithProvider:
		return "With " + to + ": the portal follows it there and records each answer."
	}
	return ""
}

// ClockTime is a time of day in UTC, to the second: "11:16:25 UTC".
func ClockTime(t time.Time) string { return t.UTC().Format("15:04:05 UTC") }

// InWords says a short wait in words, rounded up to the second: "in 1
// minute", "in 45 seconds", "now".
func InWords(d time.Duration) string {
	s := int64((d + time.Second - 1) / time.Second)
	switch {
	case s <= 0:
		return "now"
	case s == 60:
		return "in 1 minute"
	case s > 60 && s%60 == 0:
		return "in " + domain.WindowWords(d.Round(time.Minute))
	case s == 1:
		return "in 1 second"
	}
	return "in " + domain.WindowWords(time.Duration(s)*time.Second)
}

// ChoiceWords says what choosing a route leads to for an order going to
// carrier: n is domain.WhatNextAfterRoute; window the undo window in words.
func ChoiceWords(n domain.OrderNext, carrier, window string) string {
	to := carrier
	if to == "" {
		to = "the provider"
	}
	undo := " You can undo the choice for " + window + "."
	switch {
	case n.Step == domain.NextRouteHeld && n.Automatic:
		return "Whichever route you choose, the order is sent to " + to + " automatically " + window + " later (flow-through is on); until then you can undo the choice."
	case n.Step == domain.NextRouteHeld:
		return "Flow-through is off: after the choice, a rep sends the order to " + to + "." + undo
	case n.Step == domain.NextOnHold:
		return "The order is on hold: after the choice it stays on hold until a rep takes it off, and is not sent before." + undo
	}
	return NextWords(n, carrier, time.Time{})
}

package carrier

import (
	"strings"
	"sync"
	"time"

	"switchboard/domain"
)

// Sim is the simulated provider (API.md "The simulated provider"). It
// answers every order after Delay, by fixed rules:
//
//   - A wireless port request is answered R, with the reason as its
//     message, when its PINPassword is 0000 ("PIN or password invalid"),
//     its AccountNumber starts with 999 ("Account number does not match")
//     or its MDN ends in 13 ("Transfer restricted: port-out protection on
//     the losing account"). Otherwise it is delayed (D) after one Delay,
//     confirmed (C) after two, and activated after three, when its order
//     completes.
//   - Every other order is confirmed after one Delay and complete after two.
//
// The same PON sent again is the same order (counted in Duplicates); a
// higher Supplement replaces the port request and starts its answers
// again. Sim keeps its orders in memory. Serve it with Handler.
type Sim struct {
	Delay time.Duration
	Now   func() time.Time

	mu     sync.Mutex
	orders map[string]*simOrder
	stats  Stats
}

type simOrder struct {
	received   time.Time
	supplement int
	port       *wirePort
}

// NewSim is a simulated provider answering after delay.
func NewSim(delay time.Duration) *Sim {
	return &Sim{Delay: delay, Now: time.Now, orders: map[string]*simOrder{}}
}

// Receive takes an order and answers where it stands.
func (s *Sim) Receive(o wireOrder) domain.GatewayStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.Now()
	so, ok := s.orders[o.PON]
	switch {
	case !ok:
		so = &simOrder{received: now, supplement: o.Supplement, port: o.Port}
		s.orders[o.PON] = so
		s.stats.Received++
	case o.Supplement > so.supplement:
		so.received, so.supplement, so.port = now, o.Supplement, o.Port
	default:
		s.stats.Duplicates++
	}
	return s.status(o.PON, so, now)
}

// Status answers where the order with PON pon stands; false when the
// simulator never received it.
func (s *Sim) Status(pon string) (domain.GatewayStatus, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	so, ok := s.orders[pon]
	if !ok {
		return domain.GatewayStatus{}, false
	}
	return s.status(pon, so, s.Now()), true
}

// Stats counts the orders received and the repeated sends.
func (s *Sim) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// status applies the rules to so at now.
func (s *Sim) status(pon string, so *simOrder, now time.Time) domain.GatewayStatus {
	steps := 3
	if s.Delay > 0 {
		steps = int(now.Sub(so.received) / s.Delay)
	}
	st := domain.GatewayStatus{PON: pon, Status: domain.GatewayReceived}
	if so.port == nil {
		switch {
		case steps >= 2:
			st.Status, st.Message = domain.GatewayComplete, "Order complete"
		case steps == 1:
			st.Status, st.Message = domain.GatewayConfirmed, "Order confirmed"
		}
		return st
	}
	st.Port = &domain.PortAnswer{}
	switch reason := portTrouble(so.port); {
	case steps < 1:
	case reason != "":
		st.Status, st.Message = domain.GatewayError, reason
		st.Port.Response, st.Port.Reason = domain.PortResolutionRequired, reason
	case steps == 1:
		st.Port.Response, st.Message = domain.PortDelay, "Port delayed: the losing carrier has not worked it yet"
	case steps == 2:
		st.Status, st.Message = domain.GatewayConfirmed, "Port confirmed"
		st.Port.Response = domain.PortConfirmation
	default:
		st.Status, st.Message = domain.GatewayComplete, "Number activated"
		st.Port.Response, st.Port.Activated = domain.PortConfirmation, true
	}
	return st
}

// portTrouble is the reason the losing carrier refuses port p, "" when it
// accepts it.
func portTrouble(p *wirePort) string {
	switch {
	case p.PINPassword == "0000":
		return "PIN or password invalid"
	case strings.HasPrefix(p.AccountNumber, "999"):
		return "Account number does not match"
	case strings.HasSuffix(p.MDN, "13"):
		return "Transfer restricted: port-out protection on the losing account"
	}
	return ""
}

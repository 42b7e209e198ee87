package handlers

import (
	"context"
	"time"

	"switchboard/domain"
	"switchboard/views"
)

// providerVM is what the jobs know of order o at its provider, or nil for
// an order that was never sent and is not waiting to be.
func (h *Handlers) providerVM(ctx context.Context, o *domain.Order) (*views.ProviderVM, error) {
	p, err := h.Store.FindProviderState(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	if p.UpdatedAt.IsZero() && !domain.ReadyToSend(o) {
		return nil, nil
	}
	vm := &views.ProviderVM{Sent: optTime(p.SentAt), Due: optTime(p.DueAt), LastCheck: optTime(p.LastCheckAt),
		LastAnswer: p.LastAnswer, NextAttempt: optTime(p.NextAttemptAt), Failures: p.Failures, LastError: p.LastError,
		ErrorAt: optTime(p.LastErrorAt), Supplement: p.Supplement, PortAnswer: portWords(p)}
	if vm.NextAttempt == "" && domain.ReadyToSend(o) {
		vm.NextAttempt = "being sent now"
	}
	return vm, nil
}

// portWords says a port request's answer in a rep's words.
func portWords(p *domain.ProviderState) string {
	switch {
	case p.PortActivated:
		return "Confirmed (C); the number is activated"
	case p.PortResponse == domain.PortDelay:
		return "Delayed (D): the losing carrier has not worked it yet"
	case p.PortResponse == domain.PortConfirmation:
		return "Confirmed (C): completes when the number is activated"
	case p.PortResponse == domain.PortResolutionRequired:
		return "Resolution required (R): " + p.PortReason + ". Correct the request and send the order again."
	}
	return ""
}

// optTime shows a time of the provider's work, to the second, or "".
func optTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format("Jan 2, 2006 15:04:05 UTC")
}

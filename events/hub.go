// Package events fans the store's committed events out to subscribers in
// this process (the live boards). Publishing never waits for a
// subscriber: one that falls behind loses events and can tell (Dropped),
// so it reloads what it shows instead of holding up the writes.
package events

import (
	"context"
	"sync"
	"sync/atomic"

	"switchboard/domain"
)

// DefaultBuffer is how many events a subscription holds before it drops.
const DefaultBuffer = 64

// Hub is an in-process domain.EventPublisher with subscriptions. The zero
// Hub is ready to use.
type Hub struct {
	mu   sync.Mutex
	subs map[*Subscription]struct{}
}

var _ domain.EventPublisher = (*Hub)(nil)

// NewHub returns an empty hub.
func NewHub() *Hub { return &Hub{} }

// Subscription receives the events its filter matches, in the order they
// were published.
type Subscription struct {
	hub     *Hub
	ch      chan domain.Event
	match   func(domain.Event) bool
	dropped atomic.Int64
	closed  bool // guarded by hub.mu
}

// Subscribe starts a subscription holding up to buffer events
// (DefaultBuffer when buffer < 1) of those match accepts (every event when
// match is nil). match runs while events are published: keep it quick.
// End the subscription with Unsubscribe.
func (h *Hub) Subscribe(buffer int, match func(domain.Event) bool) *Subscription {
	if buffer < 1 {
		buffer = DefaultBuffer
	}
	s := &Subscription{hub: h, ch: make(chan domain.Event, buffer), match: match}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs == nil {
		h.subs = map[*Subscription]struct{}{}
	}
	h.subs[s] = struct{}{}
	return s
}

// Publish hands each event to every subscription that matches it, without
// waiting: a subscription whose buffer is full drops the event and counts it.
func (h *Hub) Publish(_ context.Context, evs []domain.Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		for _, ev := range evs {
			if s.match != nil && !s.match(ev) {
				continue
			}
			select {
			case s.ch <- ev:
			default:
				s.dropped.Add(1)
			}
		}
	}
}

// Subscribers is how many subscriptions are open.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// Events is the subscription's channel; it is closed by Unsubscribe.
func (s *Subscription) Events() <-chan domain.Event { return s.ch }

// Dropped is how many matching events the subscription lost because its
// buffer was full.
func (s *Subscription) Dropped() int64 { return s.dropped.Load() }

// Unsubscribe ends the subscription and closes its channel. Calling it
// again does nothing.
func (s *Subscription) Unsubscribe() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	delete(s.hub.subs, s)
	close(s.ch)
}

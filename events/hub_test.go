package events_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"switchboard/domain"
	"switchboard/events"
)

func order(id int64) domain.Event {
	return domain.Event{Kind: domain.EventChanged, Entity: domain.EntityOrder, ID: id}
}

func line(id int64) domain.Event {
	return domain.Event{Kind: domain.EventChanged, Entity: domain.EntityLine, ID: id}
}

// receive takes n events from s, failing if they do not come.
func receive(t *testing.T, s *events.Subscription, n int) []domain.Event {
	t.Helper()
	var got []domain.Event
	for range n {
		select {
		case ev := <-s.Events():
			got = append(got, ev)
		case <-time.After(2 * time.Second):
			t.Fatalf("got %d events, want %d", len(got), n)
		}
	}
	return got
}

func noMore(t *testing.T, s *events.Subscription) {
	t.Helper()
	select {
	case ev, ok := <-s.Events():
		if ok {
			t.Fatalf("unexpected event %+v", ev)
		}
	default:
	}
}

func TestHub(t *testing.T) {
	ctx := context.Background()
	t.Run("FanOut", func(t *testing.T) {
		h := events.NewHub()
		a, b := h.Subscribe(0, nil), h.Subscribe(0, nil)
		h.Publish(ctx, []domain.Event{order(1), line(2)})
		for _, s := range []*events.Subscription{a, b} {
			got := receive(t, s, 2)
			if got[0].ID != 1 || got[1].ID != 2 {
				t.Fatalf("got %+v, want order 1 then line 2", got)
			}
			noMore(t, s)
		}
	})
	t.Run("Filter", func(t *testing.T) {
		h := events.NewHub()
		s := h.Subscribe(0, func(ev domain.Event) bool { return ev.Entity == domain.EntityLine })
		h.Publish(ctx, []domain.Event{order(1), line(2), order(3)})
		if got := receive(t, s, 1); got[0].ID != 2 {
			t.Fatalf("got %+v, want line 2", got)
		}
		noMore(t, s)
	})
	t.Run("SlowSubscriberDropsAndNeverBlocks", func(t *testing.T) {
		h := events.NewHub()
		slow := h.Subscribe(2, nil)
		fast := h.Subscribe(10, nil)
		done := make(chan struct{})
		go func() {
			h.Publish(ctx, []domain.Event{order(1), order(2), order(3), order(4), order(5)})
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Fatal("Publish blocked on a slow subscriber")
		}
		if got, want := slow.Dropped(), int64(3); got != want {
			t.Errorf("slow Dropped=%d, want %d", got, want)
		}
		if got := receive(t, slow, 2); got[0].ID != 1 || got[1].ID != 2 {
			t.Errorf("slow kept %+v, want the first two", got)
		}
		if got := receive(t, fast, 5); got[4].ID != 5 || fast.Dropped() != 0 {
			t.Errorf("fast got %+v dropped %d, want all five", got, fast.Dropped())
		}
	})
	t.Run("Unsubscribe", func(t *testing.T) {
		h := events.NewHub()
		s := h.Subscribe(0, nil)
		if h.Subscribers() != 1 {
			t.Fatalf("Subscribers=%d, want 1", h.Subscribers())
		}
		s.Unsubscribe()
		s.Unsubscribe() // again: nothing
		if h.Subscribers() != 0 {
			t.Fatalf("Subscribers=%d after Unsubscribe, want 0", h.Subscribers())
		}
		h.Publish(ctx, []domain.Event{order(1)})
		if _, ok := <-s.Events(); ok {
			t.Fatal("an unsubscribed channel got an event; want it closed")
		}
	})
	t.Run("ConcurrentPublishAndUnsubscribe", func(t *testing.T) {
		var h events.Hub // the zero Hub works
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				s := h.Subscribe(1, nil)
				for j := range 50 {
					h.Publish(ctx, []domain.Event{order(int64(i*100 + j))})
				}
				s.Unsubscribe()
			})
		}
		wg.Wait()
		if h.Subscribers() != 0 {
			t.Fatalf("Subscribers=%d, want 0", h.Subscribers())
		}
	})
}

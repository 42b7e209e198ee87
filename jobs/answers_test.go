package jobs_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// scripted is a provider that answers each order's checks from a script,
// repeating its last answer.
type scripted struct {
	mu     sync.Mutex
	script []domain.GatewayStatus
	seen   map[string]int
}

func (s *scripted) next(pon string) *domain.GatewayStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen == nil {
		s.seen = map[string]int{}
	}
	i := min(s.seen[pon], len(s.script)-1)
	s.seen[pon]++
	st := s.script[i]
	st.PON = pon
	return &st
}

func (s *scripted) SendOrder(_ context.Context, o *domain.GatewayOrder) (*domain.GatewayStatus, error) {
	return s.next(o.PON), nil
}

func (s *scripted) OrderStatus(_ context.Context, pon string) (*domain.GatewayStatus, error) {
	return s.next(pon), nil
}

// TestProviderRefuses: the provider's refusal moves the order to ERROR
// with the provider's words in StatusNote.
func TestProviderRefuses(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := loadDemo(t, d)
		startInstance(t, d, &scripted{script: []domain.GatewayStatus{
			{Status: domain.GatewayReceived},
			{Status: domain.GatewayConfirmed},
			{Status: domain.GatewayError, Message: "TN is not on the account"},
		}}, "one")
		id := suspend(t, ctx, d, freeLines(t, d, 1)[0])
		waitStatus(t, d, []int64{id}, 30*time.Second, domain.OrderError)
		o, _ := d.FindOrderByID(ctx, id)
		if o.Status != domain.OrderError || o.StatusNote != "TN is not on the account" {
			t.Fatalf("order %s %q", o.Status, o.StatusNote)
		}
		if got, want := history(t, d, id), []string{"system:SENT", "system:CONFIRMED", "system:ERROR"}; !slices.Equal(got, want) {
			t.Fatalf("history=%v, want %v", got, want)
		}
	})
}

// TestProvisionedThenComplete: PROVISIONED is recorded on the way.
func TestProvisionedThenComplete(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := loadDemo(t, d)
		startInstance(t, d, &scripted{script: []domain.GatewayStatus{
			{Status: domain.GatewayConfirmed}, {Status: domain.GatewayProvisioned}, {Status: domain.GatewayComplete},
		}}, "one")
		id := suspend(t, ctx, d, freeLines(t, d, 1)[0])
		waitStatus(t, d, []int64{id}, 30*time.Second)
		if got, want := history(t, d, id), []string{"system:SENT", "system:CONFIRMED", "system:PROVISIONED", "system:COMPLETE"}; !slices.Equal(got, want) {
			t.Fatalf("history=%v, want %v", got, want)
		}
	})
}

// TestJeopardy: an order still not complete past its due time moves to
// JEOPARDY, and on when the provider answers.
func TestJeopardy(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := loadDemo(t, d)
		gw := &scripted{script: []domain.GatewayStatus{{Status: domain.GatewayReceived}}}
		startInstance(t, d, gw, "one")
		id := suspend(t, ctx, d, freeLines(t, d, 1)[0])
		deadline := time.Now().Add(30 * time.Second)
		for {
			ps, err := d.FindProviderState(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if ps.DueAt != nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("never sent")
			}
			time.Sleep(20 * time.Millisecond)
		}
		if _, err := d.W.ExecContext(ctx, d.W.Rebind(`UPDATE order_provider SET due_at = ? WHERE order_id = ?`), time.Now().Add(-time.Minute).UTC(), id); err != nil {
			t.Fatal(err)
		}
		waitStatus(t, d, []int64{id}, 30*time.Second, domain.OrderJeopardy)
		gw.mu.Lock()
		gw.script = []domain.GatewayStatus{{Status: domain.GatewayComplete}}
		gw.seen = nil
		gw.mu.Unlock()
		waitStatus(t, d, []int64{id}, 30*time.Second)
		if got, want := history(t, d, id), []string{"system:SENT", "system:JEOPARDY", "system:COMPLETE"}; !slices.Equal(got, want) {
			t.Fatalf("history=%v, want %v", got, want)
		}
	})
}

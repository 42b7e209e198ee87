package jobs_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"switchboard/carrier"
	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/jobs"
)

// every spoils every n-th answer with f.
func every(n int64, f carrier.Fault) func() carrier.Fault {
	var i atomic.Int64
	return func() carrier.Fault {
		if i.Add(1)%n == 0 {
			return f
		}
		return carrier.NoFault
	}
}

// slow is a gateway whose every answer takes d (within the timeout).
type slow struct {
	domain.Gateway
	d time.Duration
}

func (s slow) SendOrder(ctx context.Context, o *domain.GatewayOrder) (*domain.GatewayStatus, error) {
	time.Sleep(s.d)
	return s.Gateway.SendOrder(ctx, o)
}

func (s slow) OrderStatus(ctx context.Context, pon string) (*domain.GatewayStatus, error) {
	time.Sleep(s.d)
	return s.Gateway.OrderStatus(ctx, pon)
}

// TestFaultyProvider: timeouts, 5xx, garbage and slow answers slow the
// orders down but every order completes, reaches the provider once, and
// the failures were recorded on the order as they happened.
func TestFaultyProvider(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault func() carrier.Fault
		slow  time.Duration
	}{
		{"Timeouts", every(3, carrier.FaultTimeout), 0},
		{"5xx", every(2, carrier.Fault5xx), 0},
		{"Garbage", every(3, carrier.FaultGarbage), 0},
		{"Slow", nil, fast.timeout / 2},
		{"ThirtyPercentMixed", carrier.NewSimServer(nil, 0.3).Fault, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				ctx := loadDemo(t, d)
				sim, cl := newSim(tc.fault)
				var gw domain.Gateway = cl
				if tc.slow > 0 {
					gw = slow{cl, tc.slow}
				}
				cg := &counting{Gateway: gw}
				c := startInstance(t, d, cg, "one")
				var ids []int64
				for _, l := range freeLines(t, d, 8) {
					ids = append(ids, suspend(t, ctx, d, l))
				}
				for id, st := range waitStatus(t, d, ids, 60*time.Second) {
					if st != domain.OrderComplete {
						t.Fatalf("order %d is %s, want COMPLETE", id, st)
					}
				}
				if got, want := sim.Stats().Received, len(ids); got != want {
					t.Fatalf("Received=%d, want %d: each order reaches the provider once", got, want)
				}
				if tc.fault != nil && cg.failures.Load() == 0 {
					t.Fatal("no call failed: the fault was not injected")
				}
				if tc.fault != nil && failuresRecorded(t, c) == 0 {
					t.Fatal("River recorded no failed attempt")
				}
			})
		})
	}
}

// failuresRecorded counts the failed attempts River recorded on the jobs.
func failuresRecorded(t *testing.T, c *jobs.Client) int {
	t.Helper()
	res, err := c.River.JobList(context.Background(), river.NewJobListParams().
		Kinds(jobs.KindSendOrder, jobs.KindFollowOrder).States(rivertype.JobStates()...).First(10000))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, j := range res.Jobs {
		n += len(j.Errors)
	}
	return n
}

// TestFlowError: a provider that refuses every transmission makes the
// order FLOW_ERROR after SendOrder's attempts, with the provider's words.
func TestFlowError(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := loadDemo(t, d)
		_, gw := newSim(func() carrier.Fault { return carrier.Fault5xx })
		startInstance(t, d, gw, "one")
		id := suspend(t, ctx, d, freeLines(t, d, 1)[0])
		waitStatus(t, d, []int64{id}, 60*time.Second, domain.OrderFlowError)
		o, _ := d.FindOrderByID(ctx, id)
		if o.Status != domain.OrderFlowError || !strings.Contains(o.StatusNote, "503 Service Unavailable") ||
			!strings.Contains(o.StatusNote, "attempt 10 of 10") {
			t.Fatalf("order %s %q", o.Status, o.StatusNote)
		}
		ps, _ := d.FindProviderState(ctx, id)
		if ps.Failures != jobs.SendOrderAttempts || ps.NextAttemptAt != nil {
			t.Fatalf("state after giving up: %+v", ps)
		}
	})
}

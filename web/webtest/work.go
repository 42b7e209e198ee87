package webtest

import (
	"context"
	"errors"
	"testing"
	"time"

	"switchboard/carrier"
	"switchboard/jobs"
)

// StartWork runs the background jobs on the app's database, as serve does,
// against a simulated provider answering after delay, polling every poll;
// they stop at the end of the test. It returns the simulated provider.
func (a *App) StartWork(tb testing.TB, delay, poll time.Duration) *carrier.Sim {
	tb.Helper()
	sim := carrier.NewSim(delay)
	gw := carrier.NewInProcess(carrier.NewSimServer(sim, 0).Handler(), carrier.DefaultTimeout)
	c, err := jobs.NewClient(jobs.Config{Driver: a.DB.RiverDriver(), Store: a.DB, Ports: a.DB, Gateway: gw,
		PollInterval: poll, PortCheck: poll, Backoff: jobs.Backoff{Base: 50 * time.Millisecond, Max: time.Second}, ID: "webtest"})
	if err != nil {
		tb.Fatal(err)
	}
	a.DB.Jobs = c.Scheduler
	if err := c.River.Start(context.Background()); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := c.River.Stop(ctx); err != nil && !errors.Is(err, context.Canceled) {
			tb.Errorf("stop the jobs: %v", err)
		}
	})
	return sim
}

package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"

	"switchboard/domain"
)

// Config is what the background work needs.
type Config struct {
	Driver       riverdriver.Driver[*sql.Tx]
	Store        domain.ProviderStore
	Ports        PortStepper   // performs reconnect port steps
	PortCheck    time.Duration // between checks of an open port; DefaultPortCheckEvery when 0
	Gateway      domain.Gateway
	PollInterval time.Duration // between checks of an order; DefaultPollInterval when 0
	Workers      int           // jobs worked at once by this instance; 20 when 0
	Backoff      Backoff       // DefaultBackoff when zero
	// RescueAfter is how long a job may run before another instance takes
	// it as abandoned (its instance died); 25s when 0. JobTimeout, which
	// ends a job's context, is a little less.
	RescueAfter time.Duration
	Log         *slog.Logger
	ID          string   // the instance's name among River's clients; random when ""
	Sweeper     *Sweeper // the periodic sweep; none when nil
}

// Client is River working this instance's share of the jobs, and the
// scheduler that inserts jobs through it.
type Client struct {
	River     *river.Client[*sql.Tx]
	Scheduler *Scheduler
}

// NewClient builds the River client with every worker. Start it with
// River.Start and stop it with River.Stop.
func NewClient(cfg Config) (*Client, error) {
	if cfg.Store == nil || cfg.Ports == nil || cfg.Gateway == nil || cfg.Driver == nil {
		return nil, fmt.Errorf("jobs: a driver, the stores and a gateway are required")
	}
	if cfg.PortCheck <= 0 {
		cfg.PortCheck = DefaultPortCheckEvery
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 20
	}
	if cfg.Backoff == (Backoff{}) {
		cfg.Backoff = DefaultBackoff
	}
	if cfg.RescueAfter <= 0 {
		cfg.RescueAfter = 25 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	now := func() time.Time { return time.Now().UTC() }
	workers := river.NewWorkers()
	river.AddWorker(workers, &SendOrderWorker{Store: cfg.Store, Gateway: cfg.Gateway, Backoff: cfg.Backoff, Now: now, HeldCheck: cfg.PollInterval})
	river.AddWorker(workers, &AdvanceReconnectPortWorker{Store: cfg.Ports, CheckEvery: cfg.PortCheck})
	river.AddWorker(workers, &FollowOrderWorker{Store: cfg.Store, Gateway: cfg.Gateway, PollInterval: cfg.PollInterval, Backoff: cfg.Backoff, Now: now})
	var periodic []*river.PeriodicJob
	if cfg.Sweeper != nil {
		river.AddWorker(workers, &SweepWorker{Sweeper: cfg.Sweeper})
		periodic = append(periodic, cfg.Sweeper.periodic())
	}
	rc, err := river.NewClient(cfg.Driver, &river.Config{
		PeriodicJobs:         periodic,
		ID:                   cfg.ID,
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		RetryPolicy:          cfg.Backoff,
		JobTimeout:           cfg.RescueAfter * 4 / 5,
		RescueStuckJobsAfter: cfg.RescueAfter,
		FetchPollInterval:    250 * time.Millisecond,
		Logger:               slog.New(quiet{cfg.Log.Handler()}).With("part", "river"),
	})
	if err != nil {
		return nil, err
	}
	return &Client{River: rc, Scheduler: &Scheduler{client: rc, poll: cfg.PollInterval}}, nil
}

// quiet passes on only warnings and errors: River reports its routine at
// INFO every few seconds.
type quiet struct{ slog.Handler }

func (q quiet) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && q.Handler.Enabled(ctx, l)
}

func (q quiet) WithAttrs(as []slog.Attr) slog.Handler { return quiet{q.Handler.WithAttrs(as)} }
func (q quiet) WithGroup(name string) slog.Handler    { return quiet{q.Handler.WithGroup(name)} }

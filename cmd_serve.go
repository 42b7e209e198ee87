package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"switchboard/carrier"
	"switchboard/db"
	"switchboard/demo"
	"switchboard/domain"
	"switchboard/events"
	"switchboard/jobs"
	"switchboard/web"
	"switchboard/web/auth"
)

func cmdServe(ctx context.Context, args []string, log *slog.Logger) error {
	f := newFlagSet("serve")
	dbf := addDBFlags(f)
	addr := f.String("addr", "127.0.0.1:8080", "address to listen on")
	withDemo := f.Bool("demo", false, "fill an empty database with demo data and the users admin, supervisor, rep and support (password demo)")
	sessionKey := f.String("session-key", "", "session cookie keys, comma-separated, newest first")
	dataKey := f.String("data-key", "", "key that encrypts SSN, TaxID and PINPassword at rest")
	secure := f.Bool("secure-cookies", false, "mark cookies Secure (set it when a TLS proxy is in front)")
	carrierURL := f.String("carrier-url", "", "the provider gateway's URL (default: the simulated provider inside the binary)")
	poll := f.Duration("poll-interval", jobs.DefaultPollInterval, "how often an order at the provider is checked")
	simDelay := f.Duration("sim-delay", 3*time.Second, "how long the simulated provider takes to answer each step of an order")
	if err := f.Parse(args); err != nil {
		return err
	}
	gw, err := gateway(*carrierURL, *simDelay)
	if err != nil {
		return err
	}
	d, k, err := openDB(ctx, *dbf.DSN, *dbf.KeysFile, *sessionKey, *dataKey, log)
	if err != nil {
		return err
	}
	defer d.Close()
	hub := events.NewHub()
	d.Events = hub // what every write committed, for the parts that follow it
	if *withDemo {
		if err := loadDemo(ctx, d, log, *addr); err != nil {
			return err
		}
	}
	work, err := jobs.NewClient(jobs.Config{Driver: d.RiverDriver(), Store: d, Ports: d, Gateway: gw, PollInterval: *poll, Log: log,
		Sweeper: &jobs.Sweeper{Store: d, Now: d.Now, Log: log}})
	if err != nil {
		return err
	}
	d.Jobs = work.Scheduler
	if err := work.River.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start background jobs: %w", err)
	}
	defer stopJobs(work, log)
	srv := web.NewServer(web.Config{Store: d, Jobs: work.Admin(), SessionKeys: k.Session, SecureCookies: *secure, Log: log})
	// The live board hears of every reconnect port change: this instance's
	// once they commit, the other instances' through the database.
	d.PortEvents = srv.Board
	go srv.Board.Run(ctx)
	go func() {
		if err := d.ListenPortEvents(ctx); err != nil {
			log.Error("reconnect port events from the other instances stopped", "err", err)
		}
	}()
	if *withDemo {
		go demo.RunPorts(ctx, d, log)
	}
	hs := &http.Server{
		Addr:              *addr,
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second, // the CSV export and the board's event stream set their own deadlines
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	log.Info("Switchboard is listening", "url", "http://"+ln.Addr().String()+"/", "db", dbName(*dbf.DSN))
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// gateway is the provider gateway at url, or the simulated provider
// inside the binary when url is "".
func gateway(url string, simDelay time.Duration) (domain.Gateway, error) {
	if url == "" {
		return carrier.NewInProcess(carrier.NewSimServer(carrier.NewSim(simDelay), 0).Handler(), carrier.DefaultTimeout), nil
	}
	return carrier.NewClient(url, carrier.DefaultTimeout)
}

// stopJobs stops River: jobs running get 10 seconds to finish, then their
// contexts end (an interrupted job runs again, here or on another
// instance).
func stopJobs(work *jobs.Client, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := work.River.Stop(ctx); err != nil {
		log.Warn("background jobs did not stop in time; cancelling them", "err", err)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		work.River.StopAndCancel(ctx)
	}
	log.Info("background jobs stopped")
}

// openDB opens and migrates the database with the configured or kept keys.
func openDB(ctx context.Context, dsn, keysFile, sessionKey, dataKey string, log *slog.Logger) (*db.DB, *keys, error) {
	k, err := loadKeys(sessionKey, dataKey, keysFile, dsn)
	if err != nil {
		return nil, nil, err
	}
	d, err := db.Open(ctx, dsn, k.Data)
	if err != nil {
		return nil, nil, err
	}
	if err := d.Migrate(ctx); err != nil {
		d.Close()
		return nil, nil, fmt.Errorf("migrate: %w", err)
	}
	return d, k, nil
}

// loadDemo fills an empty database with the demo data set and says how to sign in.
func loadDemo(ctx context.Context, d *db.DB, log *slog.Logger, addr string) error {
	// The demo users' password "demo" is below the password rules on purpose
	// (it is a demonstration): it is hashed here, never through domain.ValidatePassword.
	hash, err := auth.Bcrypt{}.Hash("demo")
	if err != nil {
		return err
	}
	loaded, err := demo.Load(ctx, d, hash)
	if err != nil {
		return fmt.Errorf("load demo data: %w", err)
	}
	if loaded {
		log.Info("demo data loaded")
	} else {
		log.Info("demo data not loaded: the database already holds data")
	}
	log.Info("sign in at http://"+addr+"/login as admin, supervisor, rep or support, each with the password demo", "users", "admin supervisor rep support", "password", "demo")
	return nil
}

// dbName names the database for the log without any password in a URL.
func dbName(dsn string) string {
	if db.IsPostgresURL(dsn) {
		return "postgresql"
	}
	return dsn
}

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
)

// cmdCarrierSim serves the simulated provider over the gateway protocol.
func cmdCarrierSim(ctx context.Context, args []string, log *slog.Logger) error {
	f := newFlagSet("carrier-sim")
	addr := f.String("addr", "127.0.0.1:9090", "address to listen on")
	delay := f.Duration("sim-delay", 3*time.Second, "how long the simulated provider takes to answer each step of an order")
	failRate := f.Float64("fail-rate", 0, "share of answers (0 to 1) that fail: a timeout, a 5xx or garbage")
	if err := f.Parse(args); err != nil {
		return err
	}
	if *failRate < 0 || *failRate > 1 {
		return fmt.Errorf("--fail-rate must be between 0 and 1")
	}
	sim := carrier.NewSimServer(carrier.NewSim(*delay), *failRate)
	hs := &http.Server{
		Handler:           sim.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	log.Info("simulated provider is listening", "url", "http://"+ln.Addr().String()+"/", "sim-delay", *delay, "fail-rate", *failRate)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestCarrierSimCommand(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	t.Setenv("SWITCHBOARD_FAIL_RATE", "0")
	go func() {
		done <- run(ctx, []string{"carrier-sim", "--addr", addr, "--sim-delay", "1s"}, strings.NewReader(""), io.Discard, slog.New(slog.NewTextHandler(io.Discard, nil)))
	}()
	var body string
	for range 50 {
		resp, err := http.Get("http://" + addr + "/stats")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			body = string(b)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got, want := body, `{"Received":0,"Duplicates":0}`; got != want {
		t.Fatalf("GET /stats=%q, want %q", got, want)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("carrier-sim stopped with %v", err)
	}
	if err := run(context.Background(), []string{"carrier-sim", "--fail-rate", "2"}, strings.NewReader(""), io.Discard, slog.New(slog.NewTextHandler(io.Discard, nil))); err == nil {
		t.Fatal("--fail-rate 2 accepted")
	}
}

// Command switchboard is the provisioning portal: one binary that serves
// the web pages and JSON API, migrates its database, and manages users and
// API tokens.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

const usage = `Switchboard, the provisioning portal.

Usage:
  switchboard serve [--addr 127.0.0.1:8080] [--db switchboard.db | --db postgres://…] [--demo]
                    [--carrier-url URL] [--poll-interval 5s] [--sim-delay 3s]
  switchboard migrate [--db …]
  switchboard user add --name NAME --role support|rep|supervisor|admin   (password on stdin)
  switchboard token create --user NAME [--db …]                            (prints the token)
  switchboard carrier-sim [--addr 127.0.0.1:9090] [--sim-delay 3s] [--fail-rate 0]   (a provider gateway to test against)

Every flag also reads an environment variable: SWITCHBOARD_ADDR, SWITCHBOARD_DB,
SWITCHBOARD_SESSION_KEY, SWITCHBOARD_DATA_KEY, … (run a command with -h to see them).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: logLevel()}))
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, log); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "switchboard:", err)
		os.Exit(1)
	}
}

// run dispatches a command line; it is main without the process around it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, log *slog.Logger) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return flag.ErrHelp
	}
	switch cmd, rest := args[0], args[1:]; {
	case cmd == "serve":
		return cmdServe(ctx, rest, log)
	case cmd == "migrate":
		return cmdMigrate(ctx, rest, stdout, log)
	case cmd == "user" && len(rest) > 0 && rest[0] == "add":
		return cmdUserAdd(ctx, rest[1:], stdin, stdout, log)
	case cmd == "token" && len(rest) > 0 && rest[0] == "create":
		return cmdTokenCreate(ctx, rest[1:], stdout, log)
	case cmd == "carrier-sim":
		return cmdCarrierSim(ctx, rest, log)
	case cmd == "help" || cmd == "-h" || cmd == "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stdout, usage)
		return fmt.Errorf("unknown command %q", strings.Join(args, " "))
	}
}

func logLevel() slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(os.Getenv("SWITCHBOARD_LOG_LEVEL"))); err != nil {
		return slog.LevelInfo
	}
	return l
}

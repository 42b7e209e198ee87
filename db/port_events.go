package db

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"switchboard/domain"
)

// PortEventPublisher receives reconnect port changes once they commit.
// PublishPortChanged must not block: the web's SSE hub queues them.
type PortEventPublisher interface {
	PublishPortChanged(ev domain.ReconnectPortChanged)
}

// portChannel is the NOTIFY channel of reconnect port changes.
const portChannel = "reconnect_port_events"

// catchUpWindow is how many events before the last one seen a listener
// reads again after its connection dropped: on PostgreSQL event ids are
// taken in insert order but may commit out of order, and a port published
// twice costs the boards only one redraw.
const catchUpWindow = 200

func newInstanceID() string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// portPayload is a NOTIFY payload: seq, port and the sending instance.
func portPayload(ev domain.ReconnectPortChanged, instance string) string {
	return fmt.Sprintf("%d:%d:%s", ev.Seq, ev.PortID, instance)
}

func parsePortPayload(s string) (ev domain.ReconnectPortChanged, instance string, ok bool) {
	parts := strings.SplitN(s, ":", 3)
	if len(parts) != 3 {
		return ev, "", false
	}
	seq, err1 := strconv.ParseInt(parts[0], 10, 64)
	port, err2 := strconv.ParseInt(parts[1], 10, 64)
	if err1 != nil || err2 != nil {
		return ev, "", false
	}
	return domain.ReconnectPortChanged{PortID: port, Seq: seq}, parts[2], true
}

// ListenPortEvents publishes to PortEvents the reconnect port changes the
// other instances commit (PostgreSQL: LISTEN on a connection of its own;
// after the connection drops it connects again and publishes what it
// missed). It returns when ctx ends; on SQLite at once, as every change
// is this process's own.
func (db *DB) ListenPortEvents(ctx context.Context) error {
	var last int64
	if err := get(ctx, db.R, &last, "", `SELECT COALESCE(MAX(id), 0) FROM reconnect_port_events`); err != nil {
		return err
	}
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := db.Dialect.listen(ctx, db.dsn, portChannel, func() error {
			backoff = 100 * time.Millisecond
			return db.catchUpPortEvents(ctx, &last)
		}, func(payload string) {
			ev, from, ok := parsePortPayload(payload)
			if !ok {
				return
			}
			last = max(last, ev.Seq)
			if from != db.instance {
				db.publishPortChanged(ev)
			}
		})
		if err == nil || ctx.Err() != nil {
			return nil
		}
		slog.Warn("reconnect port events: listening failed; connecting again", "err", err, "in", backoff)
		select {
		case <-ctx.Done():
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
	return nil
}

// catchUpPortEvents publishes the changes after *last (less catchUpWindow).
func (db *DB) catchUpPortEvents(ctx context.Context, last *int64) error {
	var evs []struct {
		ID     int64 `db:"id"`
		PortID int64 `db:"port_id"`
	}
	if err := sel(ctx, db.R, &evs, `SELECT id, port_id FROM reconnect_port_events WHERE id > ? ORDER BY id`, *last-catchUpWindow); err != nil {
		return err
	}
	for _, e := range evs {
		if e.ID > *last {
			db.publishPortChanged(domain.ReconnectPortChanged{PortID: e.PortID, Seq: e.ID})
			*last = e.ID
		}
	}
	return nil
}

// PortChangesSince lists the changes after seq, oldest first, at most
// limit; more reports whether there were more (the board then reloads).
func (db *DB) PortChangesSince(ctx context.Context, seq int64, limit int) (evs []domain.ReconnectPortChanged, more bool, err error) {
	var rows []struct {
		ID     int64 `db:"id"`
		PortID int64 `db:"port_id"`
	}
	if err := sel(ctx, db.R, &rows, `SELECT id, port_id FROM reconnect_port_events WHERE id > ? ORDER BY id LIMIT ?`, seq, limit+1); err != nil {
		return nil, false, err
	}
	if len(rows) > limit {
		return nil, true, nil
	}
	for _, r := range rows {
		evs = append(evs, domain.ReconnectPortChanged{PortID: r.PortID, Seq: r.ID})
	}
	return evs, false, nil
}

// LastPortChange is the number of the newest change (0: none yet).
func (db *DB) LastPortChange(ctx context.Context) (int64, error) {
	var last int64
	err := get(ctx, db.R, &last, "", `SELECT COALESCE(MAX(id), 0) FROM reconnect_port_events`)
	return last, err
}

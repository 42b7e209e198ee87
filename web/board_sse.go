package web

import (
	"bufio"
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"

	"switchboard/domain"
	"switchboard/handlers"
)

// The board's event stream (GET /reconnect-ports/events).
// heartbeatEvery is how often an idle stream sends a comment, so proxies
// keep it open and a dead connection is noticed.
var heartbeatEvery = 15 * time.Second

const (
	// sseWriteTimeout bounds one write to a board; a board that takes
	// longer is dropped (its browser connects again).
	sseWriteTimeout = 10 * time.Second
	// catchUpLimit is how many missed changes a reconnecting board is sent
	// one by one; after more it reloads.
	catchUpLimit = 500
	// sseRetry is the browser's wait before it connects again (ms).
	sseRetry = 2000
)

// handleBoardEvents streams a board's updates as server-sent events:
// "port" events whose data are out-of-band swaps (cards and counts),
// "refresh" when the board must reload, comments as heartbeats. Each
// event's id is the change's Seq: a browser that connects again sends the
// last as Last-Event-ID (or the page's since), and first gets what it
// missed. The server's write timeout does not cut the stream: each write
// has a deadline of its own.
func (s *Server) handleBoardEvents(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f := handlers.ParseBoardFilter(r)
	u := domain.UserFromContext(ctx)
	editor := u != nil && u.Role.AtLeast(domain.RoleRep)
	since := int64(-1)
	for _, v := range []string{r.Header.Get("Last-Event-ID"), r.URL.Query().Get("since")} {
		if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && n >= 0 {
			since = n
			break
		}
	}

	sub := s.Board.subscribe(f, editor)
	defer s.Board.unsubscribe(sub)

	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	bw := bufio.NewWriterSize(w, 8<<10)
	send := func(write func()) bool {
		if err := rc.SetWriteDeadline(time.Now().Add(sseWriteTimeout)); err != nil {
			return false
		}
		write()
		return bw.Flush() == nil && rc.Flush() == nil
	}
	if !send(func() { bw.WriteString("retry: " + strconv.Itoa(sseRetry) + "\n\n") }) {
		return nil
	}

	// Catch up on what the board missed. The subscription is already
	// open, so a change made meanwhile comes (again) through it.
	if since >= 0 {
		changes, more, err := s.Store.PortChangesSince(ctx, since, catchUpLimit)
		if err != nil || more {
			sub.refresh.Store(true)
		}
		seen := map[int64]int64{}
		var order []int64
		for _, c := range changes {
			if _, ok := seen[c.PortID]; !ok {
				order = append(order, c.PortID)
			}
			seen[c.PortID] = c.Seq
		}
		for _, id := range order {
			up, err := s.H.RenderPortUpdate(ctx, id)
			if err != nil {
				sub.refresh.Store(true)
				break
			}
			if data := updateFor(up, sub, true); data != nil && !send(func() { writeEvent(bw, seen[id], "port", data) }) {
				return nil
			}
		}
	}

	beat := time.NewTicker(heartbeatEvery)
	defer beat.Stop()
	for {
		if sub.refresh.Swap(false) {
			drain(sub.ch)
			if !send(func() { writeEvent(bw, s.Board.last.Load(), "refresh", []byte("reload")) }) {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case m := <-sub.ch:
			if !send(func() { writeEvent(bw, m.id, m.event, m.data) }) {
				return nil
			}
		case <-beat.C:
			if !send(func() { bw.WriteString(": ping\n\n") }) {
				return nil
			}
		}
	}
}

// writeEvent writes one server-sent event: its id (when known), its name,
// and data line by line.
func writeEvent(bw *bufio.Writer, id int64, event string, data []byte) {
	if id > 0 {
		bw.WriteString("id: " + strconv.FormatInt(id, 10) + "\n")
	}
	bw.WriteString("event: " + event + "\n")
	for _, line := range bytes.Split(data, []byte("\n")) {
		bw.WriteString("data: ")
		bw.Write(bytes.TrimRight(line, "\r"))
		bw.WriteString("\n")
	}
	bw.WriteString("\n")
}

func drain(ch chan boardMsg) {
	for {
		select {
		case <-ch:
		default:
			return
		}
	}
}

package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"switchboard/domain"
	"switchboard/web"
	"switchboard/web/webtest"
)

// portBody is a ReconnectPort_Create body for line lineID.
func portBody(lineID int64, sim, mdn, pin string) string {
	return fmt.Sprintf(`{"LineID":%d,"Inventory":{"Identifier":%q,"Type":"SIM_Card"},"PortMDN":%q,
		"AccountNumber":"5550001","AuthorizedSigner":"Pat Doe","PINPassword":%q,"SSN":"123-45-6789","TaxID":"987654321"}`, lineID, sim, mdn, pin)
}

func TestAPIReconnectPorts(t *testing.T) {
	app := webtest.OpenDemo(t)
	lineID, _, sim := portMaterial(t, app, 0)
	body := portBody(lineID, sim, "7735554001", "4321")

	res := app.API(domain.RoleRep, "POST", "/api/reconnect-ports", body, "Idempotency-Key", "port-1")
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Text)
	}
	var created struct {
		Success         bool
		ReconnectPortID int64
	}
	if err := json.Unmarshal([]byte(res.Text), &created); err != nil || !created.Success || created.ReconnectPortID == 0 {
		t.Fatalf("create answered %s", res.Text)
	}
	t.Run("IdempotencyKeyAnswersAgain", func(t *testing.T) {
		again := app.API(domain.RoleRep, "POST", "/api/reconnect-ports", body, "Idempotency-Key", "port-1")
		if again.StatusCode != http.StatusCreated || again.Text != res.Text || again.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("replay: %d %s", again.StatusCode, again.Text)
		}
	})
	id := strconv.FormatInt(created.ReconnectPortID, 10)
	t.Run("Query", func(t *testing.T) {
		q := app.API(domain.RoleSupport, "GET", "/api/reconnect-ports/"+id, "")
		if q.StatusCode != http.StatusOK {
			t.Fatalf("query: %d %s", q.StatusCode, q.Text)
		}
		var got map[string]any
		json.Unmarshal([]byte(q.Text), &got)
		for _, k := range []string{"MDN", "CreatedDate", "StatusDate", "DisconnectOrderIDs", "ReconnectOrderIDs", "Completed", "Errored", "ErrorMessage"} {
			if _, ok := got[k]; !ok {
				t.Errorf("no %s in %s", k, q.Text)
			}
		}
		if got["MDN"] != "7735554001" || got["Completed"] != false || len(got["DisconnectOrderIDs"].([]any)) != 1 {
			t.Errorf("query %s", q.Text)
		}
		for _, secret := range []string{"4321", "123456789", "987654321", "PINPassword", "SSN", "TaxID"} {
			if strings.Contains(q.Text, secret) {
				t.Errorf("the answer shows %q: %s", secret, q.Text)
			}
		}
	})
	t.Run("List", func(t *testing.T) {
		l := app.API(domain.RoleSupport, "GET", "/api/reconnect-ports?Completed=false&Errored=false", "")
		if l.StatusCode != http.StatusOK || !strings.Contains(l.Text, `"ReconnectPortID":`+id) {
			t.Fatalf("list: %d %s", l.StatusCode, l.Text)
		}
		if l := app.API(domain.RoleSupport, "GET", "/api/reconnect-ports?Errored=maybe", ""); l.StatusCode != http.StatusBadRequest || !strings.Contains(l.Text, `"Field":"Errored"`) {
			t.Fatalf("bad filter: %d %s", l.StatusCode, l.Text)
		}
		if l := app.API(domain.RoleSupport, "GET", "/api/reconnect-ports?Colour=red", ""); l.StatusCode != http.StatusBadRequest {
			t.Fatalf("unknown parameter: %d %s", l.StatusCode, l.Text)
		}
	})
	for _, tc := range []struct {
		name, role, method, path, body string
		status                         int
		field                          string
	}{
		{"ErrSupportCreates", "support", "POST", "/api/reconnect-ports", body, 403, ""},
		{"ErrUnknownField", "rep", "POST", "/api/reconnect-ports", `{"LineID":1,"Colour":"red"}`, 400, "Colour"},
		{"ErrBadMDN", "rep", "POST", "/api/reconnect-ports", portBody(lineID, sim, "12", "4321"), 400, "PortMDN"},
		{"ErrBothLines", "rep", "POST", "/api/reconnect-ports", `{"LineID":1,"Line":{"CustomerID":1,"TN":"3125550101"}}`, 400, "LineID"},
		{"ErrNotFound", "support", "GET", "/api/reconnect-ports/999999", "", 404, ""},
		{"ErrResubmitNotRefused", "rep", "POST", "/api/reconnect-ports/" + id + "/resubmit", `{"PINPassword":"1111"}`, 409, ""},
		{"ErrResubmitAsSupport", "support", "POST", "/api/reconnect-ports/" + id + "/resubmit", `{}`, 403, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := app.API(domain.Role(tc.role), tc.method, tc.path, tc.body)
			if r.StatusCode != tc.status || (tc.field != "" && !strings.Contains(r.Text, `"Field":"`+tc.field+`"`)) {
				t.Fatalf("%d %s; want %d on %q", r.StatusCode, r.Text, tc.status, tc.field)
			}
		})
	}
}

// sseEvent is one server-sent event as read off the stream.
type sseEvent struct {
	ID, Event, Data string
}

// openStream opens the board's event stream as c on srv, sending
// lastEventID when given, and returns its events as they come.
func openStream(t *testing.T, c *http.Client, url, lastEventID string) (<-chan sseEvent, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	if lastEventID != "" {
		req.Header.Set("Last-Event-ID", lastEventID)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("stream: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	ch := make(chan sseEvent, 64)
	go func() {
		defer close(ch)
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "" && (ev.Event != "" || ev.Data != ""):
				ch <- ev
				ev = sseEvent{}
			case strings.HasPrefix(line, ": "):
				ch <- sseEvent{Event: "heartbeat"}
			case strings.HasPrefix(line, "id: "):
				ev.ID = line[4:]
			case strings.HasPrefix(line, "event: "):
				ev.Event = line[7:]
			case strings.HasPrefix(line, "data: "):
				ev.Data += line[6:] + "\n"
			}
		}
	}()
	t.Cleanup(cancel)
	return ch, cancel
}

// next waits for the next event named name.
func nextEvent(t *testing.T, ch <-chan sseEvent, name string, within time.Duration) sseEvent {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatalf("the stream ended before a %q event", name)
			}
			if ev.Event == name {
				return ev
			}
		case <-deadline:
			t.Fatalf("no %q event within %s", name, within)
		}
	}
}

// TestBoardEvents: a change to a port reaches an open board's stream
// within a second as an out-of-band card and counts; a board that
// connects again with Last-Event-ID first gets what it missed; heartbeats
// keep the stream open past the server's write timeout.
func TestBoardEvents(t *testing.T) {
	defer web.SetHeartbeat(100 * time.Millisecond)()
	app := webtest.OpenDemo(t)
	// A server with a short write timeout, as serve has a long one.
	srv := httptest.NewUnstartedServer(app.Server)
	srv.Config.WriteTimeout = 300 * time.Millisecond
	srv.Start()
	defer srv.Close()
	support := app.As(domain.RoleSupport).Client

	events, stop := openStream(t, support, srv.URL+"/reconnect-ports/events?since=0", "")
	lineID, _, sim := portMaterial(t, app, 0)
	start := time.Now()
	res := app.API(domain.RoleRep, "POST", "/api/reconnect-ports", portBody(lineID, sim, "7735554002", "4321"))
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Text)
	}
	var created struct{ ReconnectPortID int64 }
	json.Unmarshal([]byte(res.Text), &created)
	card := fmt.Sprintf(`id="port-%d"`, created.ReconnectPortID)

	ev := nextEvent(t, events, "port", time.Second)
	if !strings.Contains(ev.Data, card) || !strings.Contains(ev.Data, "afterbegin:#stage-disconnecting") || !strings.Contains(ev.Data, `id="board-counts"`) {
		t.Fatalf("event %+v", ev)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("the change took %s to reach the board", d)
	}
	if !strings.Contains(ev.Data, "(773) 555-4002") || strings.Contains(ev.Data, "4321") {
		t.Fatalf("card data %q", ev.Data)
	}
	// Past the write timeout the stream still beats.
	time.Sleep(500 * time.Millisecond)
	nextEvent(t, events, "heartbeat", time.Second)
	stop()

	// While the board is away the disconnect order is canceled.
	p, err := app.DB.FindReconnectPortByID(context.Background(), created.ReconnectPortID)
	if err != nil {
		t.Fatal(err)
	}
	if r := app.API(domain.RoleSupervisor, "PATCH", fmt.Sprintf("/api/orders/%d", p.DisconnectOrderIDs[0]), `{"Status":"CANCELED"}`); r.StatusCode != http.StatusOK {
		t.Fatalf("cancel: %d %s", r.StatusCode, r.Text)
	}
	again, stopAgain := openStream(t, support, srv.URL+"/reconnect-ports/events", ev.ID)
	defer stopAgain()
	missed := nextEvent(t, again, "port", time.Second)
	if !strings.Contains(missed.Data, card) || !strings.Contains(missed.Data, "Canceled") {
		t.Fatalf("catch-up %+v", missed)
	}
	if n, _ := strconv.ParseInt(missed.ID, 10, 64); n <= mustInt(t, ev.ID) {
		t.Fatalf("catch-up id %s after %s", missed.ID, ev.ID)
	}
}

func mustInt(t *testing.T, s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

package jobs_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/carrier"
	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// freeSIMs returns n AVAILABLE SIM cards of the demo.
func freeSIMs(t *testing.T, d *db.DB, n int) []string {
	t.Helper()
	var ids []string
	if err := d.R.SelectContext(context.Background(), &ids, d.R.Rebind(`SELECT identifier FROM inventory
		WHERE status = 'AVAILABLE' AND type = 'SIM_Card' ORDER BY id LIMIT ?`), n); err != nil {
		t.Fatal(err)
	}
	if len(ids) < n {
		t.Fatalf("%d free SIMs, want %d", len(ids), n)
	}
	return ids
}

// vzwLines returns n free ACTIVE Verizon Wireless lines of the demo.
func vzwLines(t *testing.T, d *db.DB, n int) []line {
	t.Helper()
	var ls []line
	err := d.R.SelectContext(context.Background(), &ls, d.R.Rebind(`SELECT l.id, l.tn FROM lines l JOIN carriers c ON c.id = l.carrier_id
		WHERE c.code = 'VZW' AND l.status = 'ACTIVE' AND l.tn <> ''
		AND NOT EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id
			WHERE i.line_id = l.id AND o.status NOT IN ('COMPLETE', 'CANCELED'))
		AND NOT EXISTS (SELECT 1 FROM reconnect_ports p WHERE p.line_id = l.id)
		ORDER BY l.id LIMIT ?`), n)
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) < n {
		t.Fatalf("%d free VZW lines, want %d", len(ls), n)
	}
	return ls
}

// startPort starts a reconnect port of line l onto sim, porting in mdn with pin.
func startPort(t *testing.T, ctx context.Context, d *db.DB, l line, sim, mdn, pin string) *domain.ReconnectPort {
	t.Helper()
	p, err := d.CreateReconnectPort(ctx, &domain.ReconnectPortInput{LineID: l.ID,
		Inventory: &domain.ReconnectInventoryInput{Identifier: sim, Type: domain.InventorySIM},
		PortMDN:   mdn, AccountNumber: "5550001", AuthorizedSigner: "Pat Doe", PINPassword: domain.NewSecret(pin)})
	if err != nil {
		t.Fatalf("start port of line %d: %v", l.ID, err)
	}
	return p
}

// waitStage waits until port id is in one of stages and returns it.
func waitStage(t *testing.T, d *db.DB, id int64, within time.Duration, stages ...string) *domain.ReconnectPort {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		p, err := d.FindReconnectPortByID(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if domain.OneOf(p.Stage, stages) {
			return p
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s port %d is %s (%q), orders %+v", within, id, p.Stage, p.ErrorMessage, p.Orders)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestReconnectPortsAtTheProvider: a port disconnects the line, reconnects
// on the SIM with the number ported in, and completes; one the losing
// carrier refuses (PIN 0000: R) waits for the rep, is resubmitted and
// completes. Each order reaches the provider once.
func TestReconnectPortsAtTheProvider(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := loadDemo(t, d)
		sim, gw := newSim(nil)
		startInstance(t, d, gw, "one")
		lines, sims := vzwLines(t, d, 2), freeSIMs(t, d, 2)

		good := startPort(t, ctx, d, lines[0], sims[0], "7735551001", "4321")
		refused := startPort(t, ctx, d, lines[1], sims[1], "7735551002", "0000")

		p := waitStage(t, d, good.ID, 60*time.Second, domain.StageCompleted, domain.StageErrored)
		if p.Stage != domain.StageCompleted || len(p.DisconnectOrderIDs) != 1 || len(p.ReconnectOrderIDs) != 1 || p.StatusDate == nil {
			t.Fatalf("port %+v", p)
		}
		l, err := d.FindLineByTN(context.Background(), "7735551001")
		if err != nil || l.Status != domain.LineActive {
			t.Fatalf("new line %+v %v", l, err)
		}

		r := waitStage(t, d, refused.ID, 60*time.Second, domain.StageResolution, domain.StageErrored, domain.StageCompleted)
		if r.Stage != domain.StageResolution || !strings.Contains(r.ErrorMessage, "PIN or password invalid") {
			t.Fatalf("refused port is %s: %q", r.Stage, r.ErrorMessage)
		}
		if _, err := d.ResubmitReconnectPort(ctx, r.ID, &domain.ResubmitInput{PINPassword: domain.NewSecret("2468")}); err != nil {
			t.Fatal(err)
		}
		r = waitStage(t, d, refused.ID, 60*time.Second, domain.StageCompleted, domain.StageErrored)
		if r.Stage != domain.StageCompleted || len(r.ReconnectOrderIDs) != 2 {
			t.Fatalf("resubmitted port %+v", r)
		}
		// 2 disconnects, 1 + 2 reconnect orders: each sent once.
		if got, want := sim.Stats(), (carrier.Stats{Received: 5}); got != want {
			t.Fatalf("Stats=%+v, want %+v", got, want)
		}
	})
}

// TestReconnectPortsOnTwoInstances: two instances on one PostgreSQL work a
// stream of ports while each one's board hears of every change (LISTEN /
// NOTIFY); one instance's jobs are stopped dead half way and the other
// finishes its ports. Every order reaches the provider once.
func TestReconnectPortsOnTwoInstances(t *testing.T) {
	if dbtest.PostgresURL() == "" {
		t.Skip("needs PostgreSQL (" + dbtest.EnvPostgres + ")")
	}
	dsn := dbtest.PostgresDSN(t)
	a, b := dbtest.OpenDSN(t, dsn), dbtest.OpenDSN(t, dsn)
	ctx := loadDemo(t, a)
	sim, gw := newSim(nil)
	boards := []*portBoard{listen(t, a), listen(t, b)}
	startInstance(t, a, gw, "a")
	stopB := startInstance(t, b, gw, "b")

	const n = 8
	lines, sims := vzwLines(t, a, n), freeSIMs(t, a, n)
	var ports []*domain.ReconnectPort
	for i := range n {
		d := a
		if i%2 == 1 {
			d = b
		}
		ports = append(ports, startPort(t, ctx, d, lines[i], sims[i], fmt.Sprintf("77355520%02d", i), "4321"))
		if i == n/2 {
			// b dies: its River client stops working without a word.
			stopB.River.StopAndCancel(context.Background())
		}
	}
	for _, p := range ports {
		if got := waitStage(t, a, p.ID, 90*time.Second, domain.StageCompleted, domain.StageErrored); got.Stage != domain.StageCompleted {
			t.Fatalf("port %d is %s: %q", p.ID, got.Stage, got.ErrorMessage)
		}
	}
	// Each order reached the provider once. A send the dead instance had
	// under way is sent again with its PON, which the provider knows
	// (Duplicates), never a second order.
	if got, want := sim.Stats().Received, 2*n; got != want {
		t.Fatalf("the provider received %d orders, want %d: each order once", got, want)
	}
	t.Logf("sends of a PON already received (the dead instance's): %d", sim.Stats().Duplicates)
	last, err := a.LastPortChange(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i, bd := range boards {
		bd.waitFor(t, last, 5*time.Second)
		for _, p := range ports {
			if !bd.saw(p.ID) {
				t.Fatalf("board %d never heard of port %d", i, p.ID)
			}
		}
	}
}

// portBoard stands in for one instance's live board: it hears what that
// instance publishes (its own commits, and the others' through LISTEN).
type portBoard struct {
	mu    sync.Mutex
	seqs  map[int64]bool
	ports map[int64]bool
}

func (b *portBoard) PublishPortChanged(ev domain.ReconnectPortChanged) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.seqs[ev.Seq], b.ports[ev.PortID] = true, true
}

func (b *portBoard) saw(port int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.ports[port]
}

// waitFor waits until the board heard of every change up to last.
func (b *portBoard) waitFor(t *testing.T, last int64, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		b.mu.Lock()
		var missing []int64
		for s := int64(1); s <= last; s++ {
			if !b.seqs[s] {
				missing = append(missing, s)
			}
		}
		b.mu.Unlock()
		if len(missing) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the board missed changes %v of 1..%d", missing, last)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func listen(t *testing.T, d *db.DB) *portBoard {
	b := &portBoard{seqs: map[int64]bool{}, ports: map[int64]bool{}}
	d.PortEvents = b
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); d.ListenPortEvents(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return b
}

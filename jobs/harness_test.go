package jobs_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"switchboard/carrier"
	"switchboard/db"
	"switchboard/demo"
	"switchboard/domain"
	"switchboard/jobs"
)

// demoHash stands in for the bcrypt hash of "demo".
const demoHash = "$2a$10$demo.demo.demo.demo.demo.demo.demo.demo.demo.demo.dem"

// loadDemo fills d with the demo data set, without the jobs it made due
// for its own orders, and returns a context signed in as its rep.
func loadDemo(t testing.TB, d *db.DB) context.Context {
	t.Helper()
	ctx := context.Background()
	if _, err := demo.Load(ctx, d, demoHash); err != nil {
		t.Fatal(err)
	}
	if _, err := d.W.ExecContext(ctx, `DELETE FROM river_job`); err != nil {
		t.Fatal(err)
	}
	u, err := d.FindUserByName(ctx, "rep")
	if err != nil {
		t.Fatal(err)
	}
	return domain.NewContextWithUser(ctx, u)
}

// line is a demo line.
type line struct {
	ID int64  `db:"id"`
	TN string `db:"tn"`
}

// freeLines returns n ACTIVE lines of the demo with no open order.
func freeLines(t *testing.T, d *db.DB, n int) []line {
	t.Helper()
	var ids []line
	err := d.R.SelectContext(context.Background(), &ids, d.R.Rebind(`SELECT l.id, l.tn FROM lines l WHERE l.status = 'ACTIVE' AND l.tn <> ''
		AND NOT EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id
			WHERE i.line_id = l.id AND o.status NOT IN ('COMPLETE', 'CANCELED'))
		ORDER BY l.id LIMIT ?`), n)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < n {
		t.Fatalf("%d free lines, want %d", len(ids), n)
	}
	return ids
}

// suspend opens a flow-through suspend order on line id and returns its id.
func suspend(t *testing.T, ctx context.Context, d *db.DB, l line) int64 {
	t.Helper()
	yes := true
	plan, err := d.CreateOrders(ctx, &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{TN: l.TN, SuspendType: domain.SuspendAll, FlowThrough: &yes}})
	if err != nil {
		t.Fatalf("suspend line %d: %v", l.ID, err)
	}
	return plan.Orders[0].ID
}

// counting is a gateway that counts its calls and their failures.
type counting struct {
	domain.Gateway
	calls, failures atomic.Int64
}

func (c *counting) SendOrder(ctx context.Context, o *domain.GatewayOrder) (*domain.GatewayStatus, error) {
	c.calls.Add(1)
	st, err := c.Gateway.SendOrder(ctx, o)
	if err != nil {
		c.failures.Add(1)
	}
	return st, err
}

func (c *counting) OrderStatus(ctx context.Context, pon string) (*domain.GatewayStatus, error) {
	c.calls.Add(1)
	st, err := c.Gateway.OrderStatus(ctx, pon)
	if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
		c.failures.Add(1)
	}
	return st, err
}

// fast is the timing of a test instance: quick polls, short backoff.
var fast = struct {
	poll    time.Duration
	backoff jobs.Backoff
	delay   time.Duration
	timeout time.Duration
}{poll: 50 * time.Millisecond, backoff: jobs.Backoff{Base: 20 * time.Millisecond, Max: 200 * time.Millisecond}, delay: 500 * time.Millisecond, timeout: 300 * time.Millisecond}

// startInstance starts a River client on d working with gw, as serve
// does, and stops it at the end of the test.
func startInstance(t *testing.T, d *db.DB, gw domain.Gateway, id string) *jobs.Client {
	t.Helper()
	c, err := jobs.NewClient(jobs.Config{Driver: d.RiverDriver(), Store: d, Ports: d, Gateway: gw, PollInterval: fast.poll,
		Backoff: fast.backoff, RescueAfter: 5 * time.Second, ID: id})
	if err != nil {
		t.Fatal(err)
	}
	d.Jobs = c.Scheduler
	if err := c.River.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	t.Cleanup(func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := c.River.Stop(ctx); err != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("stop River: %v", err)
			}
		})
	})
	return c
}

// newSim is a simulated provider answering after fast.delay, spoken to in
// process, spoiling answers as fault says (nil: never).
func newSim(fault func() carrier.Fault) (*carrier.Sim, *carrier.Client) {
	sim := carrier.NewSim(fast.delay)
	ss := carrier.NewSimServer(sim, 0)
	ss.Fault = fault
	return sim, carrier.NewInProcess(ss.Handler(), fast.timeout)
}

// waitStatus waits until every order in ids is in a final or given status,
// and returns their statuses.
func waitStatus(t *testing.T, d *db.DB, ids []int64, within time.Duration, done ...string) map[int64]string {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		got := map[int64]string{}
		all := true
		for _, id := range ids {
			o, err := d.FindOrderByID(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			got[id] = o.Status
			if !domain.IsFinalStatus(o.Status) && !domain.OneOf(o.Status, done) {
				all = false
			}
		}
		if all {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s the orders are %v", within, got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// history is the statuses order id moved through, with who moved it.
func history(t *testing.T, d *db.DB, id int64) []string {
	t.Helper()
	evs, err := d.FindAuditEvents(context.Background(), domain.EntityOrder, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if ch, ok := e.Changes["Status"]; ok && e.Action != "create" {
			out = append(out, e.UserName+":"+fmt.Sprint(ch[1]))
		}
	}
	return out
}

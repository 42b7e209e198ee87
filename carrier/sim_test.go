package carrier_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"switchboard/carrier"
	"switchboard/domain"
)

// clock is a settable time for the simulator.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

// newSim is a simulator with a 3s delay on a clock of the test's, spoken
// to through the HTTP client, as serve speaks to it.
func newSim(t *testing.T) (*carrier.Sim, *clock, *carrier.Client) {
	t.Helper()
	c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	sim := carrier.NewSim(3 * time.Second)
	sim.Now = c.now
	return sim, c, carrier.NewInProcess(carrier.NewSimServer(sim, 0).Handler(), time.Second)
}

func portOrder(pon string, p domain.GatewayPort) *domain.GatewayOrder {
	return &domain.GatewayOrder{PON: pon, Kind: domain.TypeNew, Lines: []domain.GatewayLine{{TN: p.MDN, Action: domain.ItemAdd}}, Port: &p}
}

func goodPort() domain.GatewayPort {
	return domain.GatewayPort{MDN: "3125550188", AccountNumber: "123456", PINPassword: domain.NewSecret("4321"), AuthorizedSigner: "Pat Lee"}
}

// step is what the test expects after advancing the clock.
type step struct {
	after    time.Duration
	status   string
	response string
	reason   string
	active   bool
}

func walk(t *testing.T, c *clock, cl *carrier.Client, pon string, steps []step) {
	t.Helper()
	for i, s := range steps {
		c.advance(s.after)
		st, err := cl.OrderStatus(context.Background(), pon)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if st.Status != s.status {
			t.Fatalf("step %d: Status=%s, want %s", i, st.Status, s.status)
		}
		var resp, reason string
		var active bool
		if st.Port != nil {
			resp, reason, active = st.Port.Response, st.Port.Reason, st.Port.Activated
		}
		if resp != s.response || reason != s.reason || active != s.active {
			t.Fatalf("step %d: Port=(%q, %q, %v), want (%q, %q, %v)", i, resp, reason, active, s.response, s.reason, s.active)
		}
		if s.reason != "" && st.Message != s.reason {
			t.Fatalf("step %d: Message=%q, want the reason %q", i, st.Message, s.reason)
		}
	}
}

func TestSimOrderConfirmedThenComplete(t *testing.T) {
	_, c, cl := newSim(t)
	st, err := cl.SendOrder(context.Background(), &domain.GatewayOrder{PON: "PONSUSPEND000001", Kind: domain.TypeSuspend})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := st.Status, domain.GatewayReceived; got != want {
		t.Fatalf("Status=%s, want %s", got, want)
	}
	if st.Port != nil {
		t.Fatalf("Port=%+v for an order without a port request", st.Port)
	}
	walk(t, c, cl, "PONSUSPEND000001", []step{
		{after: 2999 * time.Millisecond, status: domain.GatewayReceived},
		{after: time.Millisecond, status: domain.GatewayConfirmed},
		{after: 3 * time.Second, status: domain.GatewayComplete},
		{after: time.Hour, status: domain.GatewayComplete},
	})
}

func TestSimPortDelayedConfirmedActivated(t *testing.T) {
	_, c, cl := newSim(t)
	if _, err := cl.SendOrder(context.Background(), portOrder("PONPORT000000001", goodPort())); err != nil {
		t.Fatal(err)
	}
	walk(t, c, cl, "PONPORT000000001", []step{
		{after: time.Second, status: domain.GatewayReceived},
		{after: 2 * time.Second, status: domain.GatewayReceived, response: domain.PortDelay},
		{after: 3 * time.Second, status: domain.GatewayConfirmed, response: domain.PortConfirmation},
		{after: 3 * time.Second, status: domain.GatewayComplete, response: domain.PortConfirmation, active: true},
	})
}

func TestSimPortResolutionRequired(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*domain.GatewayPort)
		reason string
	}{
		{"PIN0000", func(p *domain.GatewayPort) { p.PINPassword = domain.NewSecret("0000") }, "PIN or password invalid"},
		{"AccountStarts999", func(p *domain.GatewayPort) { p.AccountNumber = "9991234" }, "Account number does not match"},
		{"MDNEnds13", func(p *domain.GatewayPort) { p.MDN = "3125550113" }, "Transfer restricted: port-out protection on the losing account"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, c, cl := newSim(t)
			p := goodPort()
			tc.change(&p)
			if _, err := cl.SendOrder(context.Background(), portOrder("PONPORTR00000001", p)); err != nil {
				t.Fatal(err)
			}
			walk(t, c, cl, "PONPORTR00000001", []step{
				{after: time.Second, status: domain.GatewayReceived},
				{after: 2 * time.Second, status: domain.GatewayError, response: domain.PortResolutionRequired, reason: tc.reason},
				{after: time.Hour, status: domain.GatewayError, response: domain.PortResolutionRequired, reason: tc.reason},
			})
		})
	}
	t.Run("AccountWith999Inside", func(t *testing.T) {
		_, c, cl := newSim(t)
		p := goodPort()
		p.AccountNumber = "1239990"
		cl.SendOrder(context.Background(), portOrder("PONPORTOK0000001", p))
		walk(t, c, cl, "PONPORTOK0000001", []step{{after: 3 * time.Second, status: domain.GatewayReceived, response: domain.PortDelay}})
	})
}

func TestSimSamePONIsTheSameOrder(t *testing.T) {
	sim, c, cl := newSim(t)
	ctx := context.Background()
	o := &domain.GatewayOrder{PON: "PONSAME000000001", Kind: domain.TypeDisconnect}
	cl.SendOrder(ctx, o)
	c.advance(4 * time.Second)
	st, err := cl.SendOrder(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := st.Status, domain.GatewayConfirmed; got != want {
		t.Fatalf("resend answered %s, want %s: the order's own progress, not a new order", got, want)
	}
	cl.SendOrder(ctx, &domain.GatewayOrder{PON: "PONOTHER00000001", Kind: domain.TypeDisconnect})
	if got, want := sim.Stats(), (carrier.Stats{Received: 2, Duplicates: 1}); got != want {
		t.Fatalf("Stats=%+v, want %+v", got, want)
	}
	got, err := cl.Stats(ctx)
	if err != nil || got != (carrier.Stats{Received: 2, Duplicates: 1}) {
		t.Fatalf("GET /stats=%+v, %v", got, err)
	}
}

func TestSimSupplementReplacesThePort(t *testing.T) {
	sim, c, cl := newSim(t)
	ctx := context.Background()
	p := goodPort()
	p.PINPassword = domain.NewSecret("0000")
	o := portOrder("PONSUPP000000001", p)
	cl.SendOrder(ctx, o)
	walk(t, c, cl, o.PON, []step{{after: 3 * time.Second, status: domain.GatewayError, response: "R", reason: "PIN or password invalid"}})
	fixed := portOrder(o.PON, goodPort())
	fixed.Supplement = 1
	if _, err := cl.SendOrder(ctx, fixed); err != nil {
		t.Fatal(err)
	}
	walk(t, c, cl, o.PON, []step{
		{after: 0, status: domain.GatewayReceived},
		{after: 3 * time.Second, status: domain.GatewayReceived, response: "D"},
		{after: 6 * time.Second, status: domain.GatewayComplete, response: "C", active: true},
	})
	if got, want := sim.Stats(), (carrier.Stats{Received: 1}); got != want {
		t.Fatalf("Stats=%+v, want %+v: a supplement is neither a new order nor a duplicate", got, want)
	}
}

func TestSimUnknownPON(t *testing.T) {
	_, _, cl := newSim(t)
	_, err := cl.OrderStatus(context.Background(), "PONNEVERSENT0001")
	if got, want := domain.ErrorCode(err), domain.ENOTFOUND; got != want {
		t.Fatalf("code=%s (%v), want %s", got, err, want)
	}
}

func TestSimServerOverHTTP(t *testing.T) {
	sim := carrier.NewSim(0)
	srv := httptest.NewServer(carrier.NewSimServer(sim, 0).Handler())
	defer srv.Close()
	cl, err := carrier.NewClient(srv.URL, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	st, err := cl.SendOrder(context.Background(), portOrder("PONHTTP000000001", goodPort()))
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != domain.GatewayComplete || !st.Port.Activated {
		t.Fatalf("with no delay the port is answered at once: %+v %+v", st, st.Port)
	}
}

func TestSimFaults(t *testing.T) {
	for _, tc := range []struct {
		name     string
		fault    carrier.Fault
		received int
	}{
		{"Timeout", carrier.FaultTimeout, 1},
		{"5xx", carrier.Fault5xx, 0},
		{"Garbage", carrier.FaultGarbage, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim := carrier.NewSim(0)
			ss := carrier.NewSimServer(sim, 0)
			ss.Fault = func() carrier.Fault { return tc.fault }
			cl := carrier.NewInProcess(ss.Handler(), 100*time.Millisecond)
			_, err := cl.SendOrder(context.Background(), &domain.GatewayOrder{PON: "PONFAULT00000001", Kind: domain.TypeSuspend})
			if err == nil {
				t.Fatal("a spoiled answer is an error")
			}
			if got := sim.Stats().Received; got != tc.received {
				t.Fatalf("Received=%d, want %d", got, tc.received)
			}
			ss.Fault = nil
			st, err := cl.SendOrder(context.Background(), &domain.GatewayOrder{PON: "PONFAULT00000001", Kind: domain.TypeSuspend})
			if err != nil || st.Status != domain.GatewayComplete {
				t.Fatalf("resend: %+v, %v", st, err)
			}
			if got, want := sim.Stats(), (carrier.Stats{Received: 1, Duplicates: tc.received}); got != want {
				t.Fatalf("Stats=%+v, want %+v", got, want)
			}
		})
	}
}

func TestSimFailRate(t *testing.T) {
	ss := carrier.NewSimServer(carrier.NewSim(0), 0.3)
	n := map[carrier.Fault]int{}
	for range 3000 {
		n[ss.Fault()]++
	}
	if n[carrier.NoFault] < 1950 || n[carrier.NoFault] > 2250 {
		t.Fatalf("%d of 3000 answers unspoiled at --fail-rate 0.3", n[carrier.NoFault])
	}
	for _, f := range []carrier.Fault{carrier.FaultTimeout, carrier.Fault5xx, carrier.FaultGarbage} {
		if n[f] < 200 {
			t.Fatalf("fault %d chosen %d times of 3000", f, n[f])
		}
	}
}

package demo

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"switchboard/domain"
)

// The demo's reconnect ports keep the board moving while serve --demo
// runs: a few ports at the start, one in every way a port can end, then a
// new port every PortEvery, and the rep correcting each port the losing
// carrier refused after a while. They go through the same store, jobs and
// simulated provider as a rep's.

// PortEvery is how often the demo starts another reconnect port.
const PortEvery = 20 * time.Second

// resubmitAfter is how long a refused demo port waits for the demo's rep.
const resubmitAfter = 90 * time.Second

// PortStore is what the demo's ports need of the store.
type PortStore interface {
	domain.ReconnectPortStore
	domain.LineStore
	domain.InventoryStore
	domain.UserStore
	domain.OrderStore
	FindCarrierByID(ctx context.Context, id int64) (*domain.Carrier, error)
}

// demoPort is how one demo port is started: its PIN and account decide
// what the simulated provider answers (API.md "The simulated provider").
type demoPort struct {
	pin, account string
	cancel       bool // the supervisor cancels its disconnect order: Errored
}

// demoPortMix is the order the demo's ports are started in: most complete,
// some are refused (R) and wait for the rep, one is canceled.
var demoPortMix = []demoPort{
	{pin: "4321", account: "5550001"},
	{pin: "0000", account: "5550002"},
	{pin: "2468", account: "5550003"},
	{pin: "1357", account: "99900004"},
	{pin: "8642", account: "5550005", cancel: true},
	{pin: "9753", account: "5550006"},
}

// RunPorts starts the demo's ports until ctx ends or no free Verizon
// Wireless line or SIM is left.
func RunPorts(ctx context.Context, s PortStore, log *slog.Logger) {
	r := &portRunner{s: s, log: log, next: 7735550100}
	if !r.signIn(ctx) {
		return
	}
	for i := range len(demoPortMix) - 1 {
		r.start(ctx, demoPortMix[i])
	}
	t := time.NewTicker(PortEvery)
	defer t.Stop()
	for n := len(demoPortMix) - 1; ; n++ {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		r.resubmitRefused(ctx)
		if !r.start(ctx, demoPortMix[n%len(demoPortMix)]) {
			log.Info("demo: no free Verizon Wireless line or SIM is left for more reconnect ports")
			return
		}
	}
}

type portRunner struct {
	s               PortStore
	log             *slog.Logger
	rep, supervisor context.Context
	next            int64 // the next MDN to try
	after           string
}

func (r *portRunner) signIn(ctx context.Context) bool {
	for _, u := range []struct {
		name string
		dst  *context.Context
	}{{"rep", &r.rep}, {"supervisor", &r.supervisor}} {
		user, err := r.s.FindUserByName(ctx, u.name)
		if err != nil {
			r.log.Warn("demo: no demo user for the reconnect ports", "user", u.name, "err", err)
			return false
		}
		*u.dst = domain.NewContextWithUser(ctx, user)
	}
	return true
}

// start starts one port on the next free Verizon Wireless line; false
// when none is left.
func (r *portRunner) start(ctx context.Context, how demoPort) bool {
	avail := domain.InventoryAvailable
	sim := domain.InventorySIM
	for ctx.Err() == nil {
		lines, next, err := r.s.FindLines(ctx, domain.LineFilter{Status: ptrTo(domain.LineActive), Page: domain.Page{Limit: 50, After: r.after}})
		if err != nil || len(lines) == 0 {
			return false
		}
		sims, _, err := r.s.FindInventory(ctx, domain.InventoryFilter{Status: &avail, Type: &sim, Page: domain.Page{Limit: 1}})
		if err != nil || len(sims) == 0 {
			return false
		}
		for _, l := range lines {
			c, err := r.s.FindCarrierByID(ctx, l.CarrierID)
			if err != nil || c.Code != domain.CarrierVerizonWireless {
				continue
			}
			in := &domain.ReconnectPortInput{LineID: l.ID, Inventory: &domain.ReconnectInventoryInput{Identifier: sims[0].Identifier, Type: sim},
				PortMDN: r.mdn(), AccountNumber: how.account, AuthorizedSigner: "Jordan Reyes",
				PINPassword: domain.NewSecret(how.pin), Remark: "Demo reconnect port"}
			if r.s.CheckReconnectPort(r.rep, in) != nil {
				continue
			}
			p, err := r.s.CreateReconnectPort(r.rep, in)
			if err != nil {
				continue
			}
			r.after = ""
			if how.cancel {
				r.cancelDisconnect(p)
			}
			return true
		}
		if next == "" {
			return false
		}
		r.after = next
	}
	return false
}

// cancelDisconnect has the supervisor cancel p's disconnect order.
func (r *portRunner) cancelDisconnect(p *domain.ReconnectPort) {
	for _, id := range p.DisconnectOrderIDs {
		note := "Customer changed their mind before the disconnect"
		if _, err := r.s.UpdateOrder(r.supervisor, id, &domain.OrderUpdateInput{Status: domain.OrderCanceled, StatusNote: &note}, nil); err != nil {
			r.log.Debug("demo: cancel a disconnect", "order", id, "err", err)
		}
	}
}

// resubmitRefused has the rep correct the ports refused a while ago.
func (r *portRunner) resubmitRefused(ctx context.Context) {
	ps, _, err := r.s.FindReconnectPorts(ctx, domain.ReconnectPortFilter{Stage: []string{domain.StageResolution}, Page: domain.Page{Limit: 20}})
	if err != nil {
		return
	}
	for _, p := range ps {
		if time.Since(p.StageDate) < resubmitAfter {
			continue
		}
		in := &domain.ResubmitInput{PINPassword: domain.NewSecret("4321"), AccountNumber: "5550100"}
		if _, err := r.s.ResubmitReconnectPort(r.rep, p.ID, in); err != nil {
			r.log.Debug("demo: resubmit a port", "port", p.ID, "err", err)
		}
	}
}

// mdn hands out the next number to port in, skipping those ending in 13
// (the simulated provider refuses them for good: port-out protection).
func (r *portRunner) mdn() string {
	if r.next%100 == 13 {
		r.next++
	}
	r.next++
	return fmt.Sprint(r.next - 1)
}

func ptrTo[T any](v T) *T { return &v }

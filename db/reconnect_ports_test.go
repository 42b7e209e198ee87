package db_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// eventRecorder is a PortEventPublisher that remembers what was published.
type eventRecorder struct {
	mu     sync.Mutex
	events []domain.ReconnectPortChanged
}

func (s *eventRecorder) PublishPortChanged(ev domain.ReconnectPortChanged) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.events = append(s.events, ev)
}

type portWorld struct {
	*orderWorld
	events *eventRecorder
}

func mustPortWorld(t *testing.T, d *db.DB) *portWorld {
	w := &portWorld{orderWorld: mustOrderWorld(t, d), events: &eventRecorder{}}
	d.PortEvents = w.events
	return w
}

// wake is port id's current wake; steps returns how many of its step jobs
// were inserted (River's table).
func (w *portWorld) wake(t *testing.T, d *db.DB, id int64) int64 {
	t.Helper()
	var n int64
	if err := d.R.GetContext(context.Background(), &n, d.R.Rebind(`SELECT wake FROM reconnect_ports WHERE id = ?`), id); err != nil {
		t.Fatal(err)
	}
	return n
}

func (w *portWorld) steps(t *testing.T, d *db.DB) int {
	return count(t, d, "river_job", "kind = ?", "advance_reconnect_port")
}

func (w *portWorld) input() *domain.ReconnectPortInput {
	return &domain.ReconnectPortInput{
		LineID: w.Active, Inventory: &domain.ReconnectInventoryInput{Identifier: "SIM-ON-ACTIVE", Type: domain.InventorySIM},
		PortMDN: "7735550199", AccountNumber: "A-100", AuthorizedSigner: "Dana Reyes",
		PINPassword: domain.NewSecret("4321"), SSN: domain.NewSecret("123-45-6789"), TaxID: domain.NewSecret("987654321"),
	}
}

// advance runs the due step of port id as its job would.
func (w *portWorld) advance(t *testing.T, d *db.DB, id int64) *domain.ReconnectPort {
	t.Helper()
	p, err := d.AdvanceReconnectPort(context.Background(), id, w.wake(t, d, id))
	if err != nil {
		t.Fatalf("AdvanceReconnectPort(%d): %v", id, err)
	}
	return p
}

// sent moves an order to SENT and then on to status as the provider would.
func (w *portWorld) moveOrder(t *testing.T, d *db.DB, id int64, statuses ...string) {
	t.Helper()
	for _, s := range statuses {
		mustUpdateOrder(t, d, asUser(w.Supervisor), id, &domain.OrderUpdateInput{Status: s})
	}
}

func TestReconnectPortJourney(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustPortWorld(t, d)
		ctx := asUser(w.Rep)
		p, err := d.CreateReconnectPort(ctx, w.input())
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(p.DisconnectOrderIDs), 1; got != want {
			t.Fatalf("%d disconnect orders, want %d", got, want)
		}
		if got := w.steps(t, d); got != 1 {
			t.Fatalf("creating the port made %d steps due, want 1", got)
		}
		disc := mustFindOrder(t, d, p.DisconnectOrderIDs[0])
		if disc.Type != domain.TypeDisconnect || disc.InventoryItemStatus != domain.InventoryAssigned {
			t.Fatalf("disconnect order %s, inventory status %s", disc.Type, disc.InventoryItemStatus)
		}

		t.Run("SecretsSealed", func(t *testing.T) {
			for _, col := range []string{"pin_password_enc", "ssn_enc", "tax_id_enc"} {
				var v string
				if err := d.R.GetContext(context.Background(), &v, d.R.Rebind(`SELECT `+col+` FROM reconnect_ports WHERE id = ?`), p.ID); err != nil {
					t.Fatal(err)
				}
				for _, clear := range []string{"4321", "123456789", "987654321"} {
					if v == "" || strings.Contains(v, clear) {
						t.Fatalf("%s = %q", col, v)
					}
				}
			}
		})
		t.Run("ErrSecondPortOnTheLine", func(t *testing.T) {
			in := w.input()
			in.PortMDN = "7735550200"
			_, err := d.CreateReconnectPort(ctx, in)
			// the open disconnect order clashes first; either way nothing is written
			if c := domain.ErrorCode(err); c != domain.EINVALID && c != domain.ECONFLICT {
				t.Fatalf("err=%v", err)
			}
		})

		// The step before the disconnect completes waits and records the check.
		p = w.advance(t, d, p.ID)
		if p.Stage != domain.StageDisconnecting || p.StatusDate == nil {
			t.Fatalf("stage %s, StatusDate %v", p.Stage, p.StatusDate)
		}
		w.moveOrder(t, d, disc.ID, domain.OrderSent, domain.OrderComplete)
		if got := w.steps(t, d); got != 3 {
			t.Fatalf("sending and completing the disconnect made %d steps due in all, want 3", got)
		}
		p = w.advance(t, d, p.ID)
		if p.Stage != domain.StagePorting || len(p.ReconnectOrderIDs) != 1 || p.NewLineID == nil {
			t.Fatalf("after the disconnect: stage %s, reconnect orders %v, message %q", p.Stage, p.ReconnectOrderIDs, p.ErrorMessage)
		}
		re := mustFindOrder(t, d, p.ReconnectOrderIDs[0])
		if re.Type != domain.TypeNew || !re.Reconnect || re.WirelessPort == nil || re.WirelessPort.MDN != "7735550199" ||
			re.WirelessPort.PINPassword.Clear() != "4321" || re.Items[0].TN != "7735550199" {
			t.Fatalf("reconnect order %+v", re)
		}
		if got := mustInventory(t, d, "SIM-ON-ACTIVE"); got.LineID != *p.NewLineID || got.Status != domain.InventoryAssigned {
			t.Fatalf("inventory %s, want on the new line %d", got, *p.NewLineID)
		}

		// The losing carrier answers R: resolution required.
		w.moveOrder(t, d, re.ID, domain.OrderSent)
		answer := &domain.GatewayStatus{PON: re.PON, Status: domain.GatewayReceived,
			Port: &domain.PortAnswer{Response: domain.PortResolutionRequired, Reason: "PIN or password invalid"}}
		if _, err := d.RecordAnswer(context.Background(), re.ID, answer, d.Now()); err != nil {
			t.Fatal(err)
		}
		p = w.advance(t, d, p.ID)
		if p.Stage != domain.StageResolution || !p.Errored() || p.Completed() || !strings.Contains(p.ErrorMessage, "PIN or password invalid") {
			t.Fatalf("after R: stage %s, message %q", p.Stage, p.ErrorMessage)
		}

		t.Run("ErrResubmitAsSupport", func(t *testing.T) {
			_, err := d.ResubmitReconnectPort(asUser(w.Support), p.ID, &domain.ResubmitInput{})
			wantCode(t, err, domain.EFORBIDDEN)
		})
		p, err = d.ResubmitReconnectPort(ctx, p.ID, &domain.ResubmitInput{PINPassword: domain.NewSecret("2468")})
		if err != nil {
			t.Fatal(err)
		}
		if p.Stage != domain.StagePorting || len(p.ReconnectOrderIDs) != 2 || p.Errored() {
			t.Fatalf("after resubmit: stage %s, orders %v", p.Stage, p.ReconnectOrderIDs)
		}
		if got := mustFindOrder(t, d, p.ReconnectOrderIDs[0]).Status; got != domain.OrderCanceled {
			t.Fatalf("refused order is %s, want CANCELED", got)
		}
		re2 := mustFindOrder(t, d, p.ReconnectOrderIDs[1])
		if re2.WirelessPort.PINPassword.Clear() != "2468" || re2.WirelessPort.AccountNumber != "A-100" {
			t.Fatalf("resubmitted request %+v", re2.WirelessPort)
		}
		if got := mustInventory(t, d, "SIM-ON-ACTIVE"); got.LineID != *p.NewLineID {
			t.Fatalf("inventory %s, want on the resubmitted line %d", got, *p.NewLineID)
		}

		w.moveOrder(t, d, re2.ID, domain.OrderSent, domain.OrderComplete)
		p = w.advance(t, d, p.ID)
		if p.Stage != domain.StageCompleted || !p.Completed() || p.Errored() {
			t.Fatalf("at the end: stage %s, message %q", p.Stage, p.ErrorMessage)
		}
		if got := mustLineState(t, d, *p.NewLineID).Status; got != domain.LineActive {
			t.Fatalf("new line is %s", got)
		}

		t.Run("Query", func(t *testing.T) {
			q, err := d.FindReconnectPortByID(context.Background(), p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if q.PortMDN != "7735550199" || q.CustomerName != "Acme Logistics" || len(q.Orders) != 3 || !q.PINPassword.IsZero() || !q.SSN.IsZero() {
				t.Fatalf("query %+v", q)
			}
		})
		t.Run("History", func(t *testing.T) {
			evs, err := d.FindAuditEvents(context.Background(), domain.EntityReconnectPort, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, e.UserName+" "+e.Action)
			}
			want := "rep create, system advance, system advance, rep resubmit, system advance"
			if strings.Join(got, ", ") != want {
				t.Fatalf("history %q, want %q", strings.Join(got, ", "), want)
			}
		})
		t.Run("List", func(t *testing.T) {
			ps, _, err := d.FindReconnectPorts(context.Background(), domain.ReconnectPortFilter{Completed: ptr(true), Errored: ptr(false)})
			if err != nil || len(ps) != 1 || ps[0].ID != p.ID {
				t.Fatalf("list %v %v", ps, err)
			}
			ps, _, err = d.FindReconnectPorts(context.Background(), domain.ReconnectPortFilter{Search: "773555"})
			if err != nil || len(ps) != 1 {
				t.Fatalf("search %v %v", ps, err)
			}
			counts, err := d.CountReconnectPorts(context.Background())
			if err != nil || counts[domain.StageCompleted] != 1 {
				t.Fatalf("counts %v %v", counts, err)
			}
		})
		if len(w.events.events) < 6 {
			t.Fatalf("%d events published", len(w.events.events))
		}
	})
}

func TestReconnectPortFailures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustPortWorld(t, d)
		ctx := asUser(w.Rep)
		t.Run("ErrSupportCannotCreate", func(t *testing.T) {
			_, err := d.CreateReconnectPort(asUser(w.Support), w.input())
			wantCode(t, err, domain.EFORBIDDEN)
		})
		t.Run("ErrBadInputWritesNothing", func(t *testing.T) {
			in := w.input()
			in.PortMDN = "12"
			_, err := d.CreateReconnectPort(ctx, in)
			wantField(t, err, "PortMDN")
			if n := count(t, d, "reconnect_ports", ""); n != 0 {
				t.Fatalf("%d ports written", n)
			}
			if n := count(t, d, "orders", ""); n != 0 {
				t.Fatalf("%d orders written", n)
			}
		})
		t.Run("CanceledDisconnect", func(t *testing.T) {
			p, err := d.CreateReconnectPort(ctx, w.input())
			if err != nil {
				t.Fatal(err)
			}
			w.moveOrder(t, d, p.DisconnectOrderIDs[0], domain.OrderCanceled)
			p = w.advance(t, d, p.ID)
			if p.Stage != domain.StageErrored || !p.Completed() || !strings.Contains(p.ErrorMessage, "was canceled") {
				t.Fatalf("stage %s message %q", p.Stage, p.ErrorMessage)
			}
			// A step made due before the last change does nothing.
			if _, err := d.AdvanceReconnectPort(context.Background(), p.ID, 1); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("InventoryTakenMeanwhile", func(t *testing.T) {
			in := w.input()
			in.LineID, in.Inventory, in.PortMDN = w.Second, &domain.ReconnectInventoryInput{Identifier: "SIM-1", Type: domain.InventorySIM}, "7735550300"
			p, err := d.CreateReconnectPort(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			mustExec(t, d, `UPDATE inventory SET status = 'UNAVAILABLE' WHERE identifier = 'SIM-1'`)
			w.moveOrder(t, d, p.DisconnectOrderIDs[0], domain.OrderSent, domain.OrderComplete)
			p = w.advance(t, d, p.ID)
			if p.Stage != domain.StageErrored || !strings.Contains(p.ErrorMessage, "cannot be reassigned") || len(p.ReconnectOrderIDs) != 0 {
				t.Fatalf("stage %s message %q orders %v", p.Stage, p.ErrorMessage, p.ReconnectOrderIDs)
			}
		})
		t.Run("ErrResubmitNotInResolution", func(t *testing.T) {
			in := w.input()
			in.LineID, in.Inventory, in.PortMDN = w.GlobexLine, &domain.ReconnectInventoryInput{Identifier: "DEV-1", Type: domain.InventoryDevice}, "7735550400"
			p, err := d.CreateReconnectPort(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			_, err = d.ResubmitReconnectPort(ctx, p.ID, &domain.ResubmitInput{})
			wantCode(t, err, domain.ECONFLICT)
			_, err = d.ResubmitReconnectPort(ctx, 9999, &domain.ResubmitInput{})
			wantCode(t, err, domain.ENOTFOUND)
		})
	})
}

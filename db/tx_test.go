package db

// An internal test: it runs inTx and inTxRetry, which the store does not
// export, with a dialect that calls one error retryable.

import (
	"context"
	"errors"
	"sync"
	"testing"

	"switchboard/domain"
)

// publisher keeps what was published, one batch per Publish.
type publisher struct {
	mu      sync.Mutex
	batches [][]domain.Event
}

func (p *publisher) Publish(_ context.Context, evs []domain.Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.batches = append(p.batches, append([]domain.Event(nil), evs...))
}

func (p *publisher) take() [][]domain.Event {
	p.mu.Lock()
	defer p.mu.Unlock()
	b := p.batches
	p.batches = nil
	return b
}

// errAgain is what retryOnce calls retryable, as PostgreSQL's deadlock is.
var errAgain = errors.New("deadlock: run again")

type retryOnce struct{ Dialect }

func (r retryOnce) IsRetryable(err error) bool {
	return errors.Is(err, errAgain) || r.Dialect.IsRetryable(err)
}

// openTxTestDB opens a fresh database with the user rita, publishing to p.
func openTxTestDB(t *testing.T) (d *DB, p *publisher, asRita context.Context) {
	t.Helper()
	ctx := context.Background()
	d, err := Open(ctx, t.TempDir()+"/tx.db", []byte("switchboard-test-data-key-32byte"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	rita := &domain.User{Name: "rita", Role: domain.RoleRep, PasswordHash: "x"}
	if err := d.CreateUser(ctx, rita); err != nil {
		t.Fatal(err)
	}
	p = &publisher{}
	d.Events, d.Dialect = p, retryOnce{d.Dialect}
	return d, p, domain.NewContextWithUser(ctx, rita)
}

// auditCount counts the audit events of entity "test".
func auditCount(t *testing.T, d *DB) int {
	t.Helper()
	var n int
	if err := d.R.Get(&n, `SELECT COUNT(*) FROM audit_events WHERE entity = 'test'`); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTxEventsAfterCommit(t *testing.T) {
	change := map[string]domain.Change{"Status": {"NEW", "SENT"}}

	t.Run("Commit", func(t *testing.T) {
		d, p, ctx := openTxTestDB(t)
		var seenInTx int
		ran := 0
		err := d.inTx(ctx, func(tx *Tx) error {
			if err := insertAudit(ctx, tx, "test", 1, domain.ActionUpdate, change); err != nil {
				return err
			}
			tx.AfterCommit(func(context.Context) {
				ran++
				seenInTx = auditCount(t, d) // through the read pool: only what is committed
			})
			if got := len(p.take()); got != 0 {
				t.Errorf("%d batches published before the commit", got)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		b := p.take()
		if len(b) != 1 || len(b[0]) != 1 {
			t.Fatalf("published %v, want one batch of one event", b)
		}
		ev := b[0][0]
		if ev.Kind != domain.EventMoved || ev.Entity != "test" || ev.ID != 1 || ev.From != "NEW" || ev.To != "SENT" || ev.By != "rita" || ev.BySystem {
			t.Errorf("event=%+v", ev)
		}
		if ran != 1 || seenInTx != 1 {
			t.Errorf("after-commit step ran %d times and saw %d committed rows, want 1 and 1", ran, seenInTx)
		}
	})

	t.Run("RollbackPublishesNothing", func(t *testing.T) {
		d, p, ctx := openTxTestDB(t)
		ran := false
		boom := errors.New("refused")
		err := d.inTx(ctx, func(tx *Tx) error {
			if err := insertAudit(ctx, tx, "test", 1, domain.ActionUpdate, change); err != nil {
				return err
			}
			tx.AfterCommit(func(context.Context) { ran = true })
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err=%v, want %v", err, boom)
		}
		if b := p.take(); len(b) != 0 || ran {
			t.Fatalf("published %v, after-commit ran=%v; want nothing after a rollback", b, ran)
		}
		if n := auditCount(t, d); n != 0 {
			t.Fatalf("audit events=%d after a rollback", n)
		}
	})

	t.Run("RetriedOnce", func(t *testing.T) {
		d, p, ctx := openTxTestDB(t)
		attempts := 0
		err := d.inTxRetry(ctx, func(tx *Tx) error {
			attempts++
			if err := insertAudit(ctx, tx, "test", int64(attempts), domain.ActionUpdate, change); err != nil {
				return err
			}
			if attempts == 1 {
				return errAgain
			}
			return nil
		})
		if err != nil || attempts != 2 {
			t.Fatalf("err=%v attempts=%d, want nil after 2", err, attempts)
		}
		b := p.take()
		if len(b) != 1 || len(b[0]) != 1 || b[0][0].ID != 2 {
			t.Fatalf("published %v, want only the committed attempt's event, once", b)
		}
		if n := auditCount(t, d); n != 1 {
			t.Fatalf("audit events=%d, want the committed attempt's one", n)
		}
	})

	t.Run("SystemActor", func(t *testing.T) {
		d, p, _ := openTxTestDB(t)
		sys := domain.NewContextWithSystem(context.Background())
		if err := d.inTx(sys, func(tx *Tx) error { return insertAudit(sys, tx, "test", 1, domain.ActionSystemMove, change) }); err != nil {
			t.Fatal(err)
		}
		if b := p.take(); len(b) != 1 || b[0][0].By != domain.SystemName || !b[0][0].BySystem {
			t.Fatalf("published %v, want one event by the system", b)
		}
	})

	t.Run("NoPublisher", func(t *testing.T) {
		d, _, ctx := openTxTestDB(t)
		d.Events = nil
		if err := d.inTx(ctx, func(tx *Tx) error { return insertAudit(ctx, tx, "test", 1, domain.ActionUpdate, change) }); err != nil {
			t.Fatal(err)
		}
	})
}

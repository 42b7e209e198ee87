package jobs_test

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/jobs"
)

// latent is a provider that answers every check after a fixed latency,
// with the order not worked yet (so each order stays open and one cycle
// checks each once).
type latent struct{ latency time.Duration }

func (l latent) SendOrder(ctx context.Context, o *domain.GatewayOrder) (*domain.GatewayStatus, error) {
	return l.OrderStatus(ctx, o.PON)
}

func (l latent) OrderStatus(ctx context.Context, pon string) (*domain.GatewayStatus, error) {
	select {
	case <-time.After(l.latency):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return &domain.GatewayStatus{PON: pon, Status: domain.GatewayReceived}, nil
}

// answered counts the answers recorded.
type answered struct {
	domain.ProviderStore
	n    atomic.Int64
	done chan struct{}
	want int64
}

func (a *answered) RecordAnswer(ctx context.Context, id int64, st *domain.GatewayStatus, next time.Time) (bool, error) {
	ok, err := a.ProviderStore.RecordAnswer(ctx, id, st, next)
	if err == nil && a.n.Add(1) == a.want {
		close(a.done)
	}
	return ok, err
}

// BenchmarkFollowCycle times one cycle of FollowOrder over 10,000 open
// orders (each checked once) against a provider answering after a fixed
// latency, beside the bound N × latency / workers for the same run:
//
//	go test -run '^$' -bench BenchmarkFollowCycle -benchtime 1x ./jobs/
//	SWITCHBOARD_BENCH_ENGINE=postgres … (with SWITCHBOARD_TEST_POSTGRES set)
func BenchmarkFollowCycle(b *testing.B) {
	const n, workers, latency = 10000, 100, 20 * time.Millisecond
	var d *db.DB
	if os.Getenv("SWITCHBOARD_BENCH_ENGINE") == "postgres" {
		d = dbtest.OpenPostgres(b)
	} else {
		d = dbtest.Open(b)
	}
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		ids := openOrders(b, d, n)
		store := &answered{ProviderStore: d, done: make(chan struct{}), want: int64(len(ids))}
		c, err := jobs.NewClient(jobs.Config{Driver: d.RiverDriver(), Store: store, Ports: d, Gateway: latent{latency},
			PollInterval: time.Hour, Workers: workers, Log: quiet})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if err := c.River.Start(ctx); err != nil {
			b.Fatal(err)
		}
		select {
		case <-store.done:
		case <-time.After(10 * time.Minute):
			b.Fatalf("%d of %d answers after 10 minutes", store.n.Load(), n)
		}
		took := time.Since(start)
		b.StopTimer()
		c.River.Stop(ctx)
		bound := time.Duration(n) * latency / workers
		b.ReportMetric(took.Seconds(), "cycle-s")
		b.ReportMetric(bound.Seconds(), "bound-s")
		b.ReportMetric(took.Seconds()/bound.Seconds(), "×bound")
		b.Logf("%s: %d orders, %d workers, latency %s: cycle %s, bound N×latency/workers %s", d.Dialect.Name(), n, workers, latency, took.Round(time.Millisecond), bound)
	}
}

// openOrders adds n SENT orders (copies of one demo-free fixture order)
// with their FollowOrder jobs, and returns their ids.
func openOrders(tb testing.TB, d *db.DB, n int) []int64 {
	tb.Helper()
	loadDemo(tb, d)
	var tmpl int64
	if err := d.R.Get(&tmpl, `SELECT MIN(id) FROM orders`); err != nil {
		tb.Fatal(err)
	}
	tx, err := d.BeginTx(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	ids := make([]int64, n)
	for i := range ids {
		if err := tx.GetContext(context.Background(), &ids[i], tx.Rebind(`INSERT INTO orders (pon, order_type, status, status_note,
			customer_id, carrier_id, carrier_account_id, flow_through, send_now, created_at, created_by, updated_at, shipping_status,
			requires_route_decision, billing_option, reconnect, suspend_type, inventory_item_status, ignore_related_products, prorate, version)
			SELECT ?, order_type, 'SENT', '', customer_id, carrier_id, carrier_account_id, TRUE, FALSE, created_at, created_by, updated_at,
			shipping_status, FALSE, billing_option, reconnect, suspend_type, inventory_item_status, ignore_related_products, prorate, 1
			FROM orders WHERE id = ? RETURNING id`), fmt.Sprintf("BENCH%011d", i), tmpl); err != nil {
			tb.Fatal(err)
		}
		if err := d.Jobs.FollowOrder(context.Background(), tx.SQLTx(), ids[i]); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	return ids
}

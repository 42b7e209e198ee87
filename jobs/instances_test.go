package jobs_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"switchboard/carrier"
	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/jobs"
)

// TestTwoInstances: two instances (two River clients, each with its own
// pools) on one database work a stream of orders; each order reaches the
// provider once and both instances did part of the work.
func TestTwoInstances(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		d1, d2 := dbtest.OpenDSN(t, dsn), dbtest.OpenDSN(t, dsn)
		ctx := loadDemo(t, d1)
		sim, gw := newSim(nil)
		g1, g2 := &counting{Gateway: gw}, &counting{Gateway: gw}
		startInstance(t, d1, g1, "first")
		startInstance(t, d2, g2, "second")
		var ids []int64
		for i, l := range freeLines(t, d1, 30) {
			d := []*db.DB{d1, d2}[i%2]
			ids = append(ids, suspend(t, ctx, d, l))
			time.Sleep(20 * time.Millisecond)
		}
		for id, st := range waitStatus(t, d1, ids, 90*time.Second) {
			if st != domain.OrderComplete {
				t.Fatalf("order %d is %s", id, st)
			}
		}
		if got, want := sim.Stats(), (carrier.Stats{Received: len(ids)}); got != want {
			t.Fatalf("Stats=%+v, want %+v: each order sent once", got, want)
		}
		if g1.calls.Load() == 0 || g2.calls.Load() == 0 {
			t.Fatalf("calls by instance: %d and %d; both should work", g1.calls.Load(), g2.calls.Load())
		}
	})
}

// Environment of the instance TestKilledInstance starts and kills.
const (
	envChildDSN = "SWITCHBOARD_JOBS_TEST_CHILD_DSN"
	envChildURL = "SWITCHBOARD_JOBS_TEST_CHILD_GATEWAY"
)

// TestChildInstance is the instance TestKilledInstance kills: it works
// jobs against the gateway it is given until it is killed.
func TestChildInstance(t *testing.T) {
	dsn := os.Getenv(envChildDSN)
	if dsn == "" {
		t.Skip("started by TestKilledInstance only")
	}
	d := dbtest.OpenDSN(t, dsn)
	gw, err := carrier.NewClient(os.Getenv(envChildURL), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	startInstance(t, d, gw, "doomed")
	select {}
}

// TestKilledInstance: an instance is killed (SIGKILL) while it holds
// orders' jobs at the provider; another instance rescues them within a
// minute and finishes the orders, resending with the same PONs, so the
// provider still counts each order once.
func TestKilledInstance(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for River's rescuer (up to a minute)")
	}
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		d := dbtest.OpenDSN(t, dsn)
		ctx := loadDemo(t, d)
		sim := carrier.NewSim(fast.delay)
		// The doomed instance's provider takes its orders and never answers.
		hang := carrier.NewSimServer(sim, 0)
		hang.Fault, hang.Hang = func() carrier.Fault { return carrier.FaultTimeout }, 10*time.Minute
		srv := httptest.NewServer(hang.Handler())
		defer srv.Close()
		defer srv.CloseClientConnections()

		child := exec.Command(os.Args[0], "-test.run=^TestChildInstance$", "-test.timeout=10m")
		child.Env = append(os.Environ(), envChildDSN+"="+dsn, envChildURL+"="+srv.URL)
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		defer child.Process.Kill()

		var ids []int64
		for _, l := range freeLines(t, d, 6) {
			ids = append(ids, suspend(t, ctx, d, l))
		}
		for deadline := time.Now().Add(60 * time.Second); sim.Stats().Received < len(ids); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the doomed instance sent %d orders of %d", sim.Stats().Received, len(ids))
			}
		}
		waitJobs(t, d, rivertype.JobStateRunning, len(ids), 10*time.Second)
		if err := child.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		child.Wait()
		killed := time.Now()
		if got := sim.Stats().Received; got != len(ids) {
			t.Fatalf("Received=%d before the kill, want %d", got, len(ids))
		}

		gw := carrier.NewInProcess(carrier.NewSimServer(sim, 0).Handler(), fast.timeout)
		startInstance(t, d, gw, "survivor")
		for id, st := range waitStatus(t, d, ids, 90*time.Second) {
			if st != domain.OrderComplete {
				t.Fatalf("order %d is %s", id, st)
			}
		}
		took := time.Since(killed)
		t.Logf("orders of the killed instance finished %s after the kill", took.Round(time.Second))
		if took > time.Minute {
			t.Fatalf("rescue took %s, want within a minute", took)
		}
		if got, want := sim.Stats(), (carrier.Stats{Received: len(ids), Duplicates: len(ids)}); got != want {
			t.Fatalf("Stats=%+v, want %+v: the resends carry the same PONs", got, want)
		}
	})
}

// waitJobs waits until n jobs are in state.
func waitJobs(t *testing.T, d *db.DB, state rivertype.JobState, n int, within time.Duration) {
	t.Helper()
	c, err := river.NewClient(d.RiverDriver(), &river.Config{})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(within)
	for {
		res, err := c.JobList(context.Background(), river.NewJobListParams().States(state).Kinds(jobs.KindSendOrder))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Jobs) >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d jobs %s after %s, want %d", len(res.Jobs), state, within, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

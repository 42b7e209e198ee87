package jobs

import (
	"context"
	"database/sql"
	"time"

	"github.com/riverqueue/river"

	"switchboard/domain"
)

// KindAdvanceReconnectPort is the reconnect port step's job kind.
const KindAdvanceReconnectPort = "advance_reconnect_port"

// AdvanceReconnectPortAttempts bounds the failed tries of one step (a
// snooze between checks uses none).
const AdvanceReconnectPortAttempts = 25

// DefaultPortCheckEvery is how often an open port is checked when none of
// its orders moved meanwhile: a backstop, as each move of its orders makes
// its step due at once.
const DefaultPortCheckEvery = 30 * time.Second

// AdvanceReconnectPortArgs performs the due step of port PortID. Wake is
// the port's wake when the step fell due: each change that makes a step
// due (the port created, one of its orders moving, a resubmission) bumps
// it in its transaction and inserts this job, unique by its args, so a
// retried request or a crash never doubles a step, and a job whose wake
// was superseded ends at once: one job follows a port at a time.
type AdvanceReconnectPortArgs struct {
	PortID int64 `json:"port_id"`
	Wake   int64 `json:"wake"`
}

func (AdvanceReconnectPortArgs) Kind() string { return KindAdvanceReconnectPort }

func (AdvanceReconnectPortArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: AdvanceReconnectPortAttempts, UniqueOpts: uniqueOpen}
}

// PortStepper performs a port's due step (*db.DB does).
type PortStepper interface {
	AdvanceReconnectPort(ctx context.Context, id, wake int64) (*domain.ReconnectPort, error)
}

// AdvanceReconnectPortWorker performs a port's step, then checks the port
// again every CheckEvery while it is open (snoozing), until a newer step
// supersedes it or the port is done. Its writes are the system's (no
// person in ctx).
type AdvanceReconnectPortWorker struct {
	river.WorkerDefaults[AdvanceReconnectPortArgs]
	Store      PortStepper
	CheckEvery time.Duration
}

func (w *AdvanceReconnectPortWorker) Work(ctx context.Context, job *river.Job[AdvanceReconnectPortArgs]) error {
	p, err := w.Store.AdvanceReconnectPort(ctx, job.Args.PortID, job.Args.Wake)
	switch {
	case domain.ErrorCode(err) == domain.ENOTFOUND:
		return river.JobCancel(err)
	case err != nil:
		return err
	case p.Wake != job.Args.Wake || !p.Open():
		return nil
	case p.Stage == domain.StageResolution:
		// Waiting for the rep: check again when it would be given up.
		return river.JobSnooze(max(time.Until(p.StageDate.Add(domain.PortAbandonAfter)), w.CheckEvery))
	}
	return river.JobSnooze(w.CheckEvery)
}

// ScheduleReconnectPortTx makes the step of port portID at wake due now,
// in tx.
func (s *Scheduler) ScheduleReconnectPortTx(ctx context.Context, tx *sql.Tx, portID, wake int64) error {
	_, err := s.client.InsertTx(ctx, tx, AdvanceReconnectPortArgs{PortID: portID, Wake: wake}, nil)
	return err
}

package db

import (
	"context"
	"database/sql"
	"time"

	"github.com/jmoiron/sqlx"

	"switchboard/domain"
)

// Tx is a write transaction. Now is fixed at its start, so every row it
// writes carries the same time. What it makes happen beyond the database
// waits for its commit: Publish registers events and AfterCommit any other
// step, and Commit runs them once it has committed. A transaction rolled
// back, or an attempt inTxRetry runs again, runs none of them.
type Tx struct {
	*sqlx.Tx
	db          *DB
	ctx         context.Context
	Now         time.Time
	events      []domain.Event
	afterCommit []func(ctx context.Context)
}

// BeginTx starts a write transaction.
func (db *DB) BeginTx(ctx context.Context) (*Tx, error) {
	tx, err := db.W.BeginTxx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &Tx{Tx: tx, db: db, ctx: ctx, Now: db.Now()}, nil
}

// SQLTx is the database/sql transaction under tx, for a library that
// writes in the same transaction (River's InsertTx).
func (tx *Tx) SQLTx() *sql.Tx { return tx.Tx.Tx }

// Publish registers events to hand to the DB's Events publisher, in one
// call, after tx commits.
func (tx *Tx) Publish(evs ...domain.Event) {
	if len(tx.events) == 0 && len(evs) > 0 {
		tx.AfterCommit(func(ctx context.Context) {
			if tx.db.Events != nil {
				tx.db.Events.Publish(ctx, tx.events)
			}
		})
	}
	tx.events = append(tx.events, evs...)
}

// Events returns the events registered on tx so far, in order.
func (tx *Tx) Events() []domain.Event { return tx.events }

// AfterCommit registers fn to run once tx has committed, after the steps
// registered before it. fn gets the transaction's context without its
// cancellation: what it reports has happened, even if the request that
// made it is gone.
func (tx *Tx) AfterCommit(fn func(ctx context.Context)) {
	tx.afterCommit = append(tx.afterCommit, fn)
}

// Commit commits tx, then runs its after-commit steps.
func (tx *Tx) Commit() error {
	if err := tx.Tx.Commit(); err != nil {
		return err
	}
	ctx := context.WithoutCancel(tx.ctx)
	for _, fn := range tx.afterCommit {
		fn(ctx)
	}
	return nil
}

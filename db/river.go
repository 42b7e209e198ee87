package db

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// RiverDriver is the River driver for this database, on the write pool:
// on SQLite its single connection (River's work queues behind the
// portal's writes instead of failing with "database is locked"), on
// PostgreSQL the shared pool. Its transactions are *sql.Tx, so a job is
// inserted in the transaction of the rows that make it due (Tx.SQL).
func (db *DB) RiverDriver() riverdriver.Driver[*sql.Tx] {
	return db.Dialect.riverDriver(db.W.DB)
}

func (sqliteDialect) riverDriver(d *sql.DB) riverdriver.Driver[*sql.Tx] { return riversqlite.New(d) }

func (postgresDialect) riverDriver(d *sql.DB) riverdriver.Driver[*sql.Tx] {
	return riverdatabasesql.New(d)
}

// migrateRiver brings River's own tables (jobs, leaders, queues) up to
// date, each of its migrations in a transaction; instances starting at
// once on PostgreSQL take turns under goose's advisory lock.
func (db *DB) migrateRiver(ctx context.Context) error {
	m, err := rivermigrate.New(db.RiverDriver(), nil)
	if err != nil {
		return err
	}
	return db.Dialect.whileMigrating(ctx, db.W.DB, func() error {
		if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
			return fmt.Errorf("River's tables: %w", err)
		}
		return nil
	})
}

// SQLite has one writer at a time.
func (sqliteDialect) whileMigrating(_ context.Context, _ *sql.DB, fn func() error) error { return fn() }

func (postgresDialect) whileMigrating(ctx context.Context, d *sql.DB, fn func() error) error {
	conn, err := d.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := (pgMigrationLock{}).SessionLock(ctx, conn); err != nil {
		return err
	}
	defer (pgMigrationLock{}).SessionUnlock(context.WithoutCancel(ctx), conn)
	return fn()
}

package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
	"github.com/mattn/go-sqlite3"
	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver"
)

// Dialect holds what differs between the engines. Everything else is one
// set of SQL.
type Dialect interface {
	// Name is the engine's name and its migration folder.
	Name() string
	// IsUniqueViolation reports a unique-constraint error, by driver error code.
	IsUniqueViolation(err error) bool
	// IsForeignKeyViolation reports a foreign-key error, by driver error code.
	IsForeignKeyViolation(err error) bool
	// IsCheckViolation reports a CHECK-constraint error, by driver error code.
	IsCheckViolation(err error) bool
	// ForUpdateSkipLocked is the clause that claims rows no other instance
	// holds ("" where one writer at a time makes it needless).
	ForUpdateSkipLocked() string
	// ForUpdate is the clause that locks rows read in a write transaction.
	ForUpdate() string
	// ForUpdateOf is ForUpdate for the rows of one table of a join.
	ForUpdateOf(table string) string
	// IsRetryable reports an error after which the whole transaction may
	// simply run again: the engine broke a deadlock or a serialization
	// conflict by aborting it.
	IsRetryable(err error) bool
	migrate(ctx context.Context, db *sql.DB, fsys fs.FS) error
	// notify sends payload on channel to every instance's listener when
	// tx commits (PostgreSQL's NOTIFY); a no-op where one process holds
	// the database and publishes in process.
	notify(ctx context.Context, tx *Tx, channel, payload string) error
	// listen receives the payloads sent on channel by every instance until
	// ctx ends (nil) or the connection fails (the error); connected runs
	// once it listens. Where there is nothing to listen to it returns nil.
	listen(ctx context.Context, dsn, channel string, connected func() error, got func(payload string)) error
	riverDriver(db *sql.DB) riverdriver.Driver[*sql.Tx]
	whileMigrating(ctx context.Context, db *sql.DB, fn func() error) error
}

type sqliteDialect struct{}

func (sqliteDialect) Name() string { return "sqlite" }

func (sqliteDialect) IsUniqueViolation(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && (e.ExtendedCode == sqlite3.ErrConstraintUnique || e.ExtendedCode == sqlite3.ErrConstraintPrimaryKey)
}

func (sqliteDialect) IsForeignKeyViolation(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && e.ExtendedCode == sqlite3.ErrConstraintForeignKey
}

func (sqliteDialect) IsCheckViolation(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && e.ExtendedCode == sqlite3.ErrConstraintCheck
}

// SQLite has one writer at a time: a write transaction already owns what it reads.
func (sqliteDialect) ForUpdateSkipLocked() string { return "" }
func (sqliteDialect) ForUpdate() string           { return "" }
func (sqliteDialect) ForUpdateOf(string) string   { return "" }

// SQLite is one process's database: its changes are published in process.
func (sqliteDialect) notify(context.Context, *Tx, string, string) error { return nil }
func (sqliteDialect) listen(context.Context, string, string, func() error, func(string)) error {
	return nil
}

// SQLite queues writers (busy timeout, immediate transactions): no deadlocks to retry.
func (sqliteDialect) IsRetryable(error) bool { return false }

func (sqliteDialect) migrate(ctx context.Context, db *sql.DB, fsys fs.FS) error {
	p, err := goose.NewProvider(goose.DialectSQLite3, db, fsys)
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

type postgresDialect struct{}

func (postgresDialect) Name() string { return "postgres" }

func (postgresDialect) IsUniqueViolation(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23505"
}

func (postgresDialect) IsForeignKeyViolation(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23503"
}

func (postgresDialect) IsCheckViolation(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23514"
}

func (postgresDialect) ForUpdateSkipLocked() string { return " FOR UPDATE SKIP LOCKED" }
func (postgresDialect) ForUpdate() string           { return " FOR UPDATE" }
func (postgresDialect) ForUpdateOf(t string) string { return " FOR UPDATE OF " + t }

// notify is pg_notify: PostgreSQL delivers it when the transaction commits
// and drops it when it rolls back.
func (postgresDialect) notify(ctx context.Context, tx *Tx, channel, payload string) error {
	_, err := exec(ctx, tx, `SELECT pg_notify(?, ?)`, channel, payload)
	return err
}

// IsRetryable: deadlock_detected (40P01) and serialization_failure (40001).
func (postgresDialect) IsRetryable(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && (e.Code == "40P01" || e.Code == "40001")
}

func (postgresDialect) migrate(ctx context.Context, db *sql.DB, fsys fs.FS) error {
	p, err := goose.NewProvider(goose.DialectPostgres, db, fsys, goose.WithSessionLocker(pgMigrationLock{}))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// listen holds a connection of its own in LISTEN (a pooled one would be
// handed to other work).
func (postgresDialect) listen(ctx context.Context, dsn, channel string, connected func() error, got func(string)) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
		return err
	}
	if err := connected(); err != nil {
		return err
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		got(n.Payload)
	}
}

// openPostgres opens a pgx pool through database/sql. Every connection
// works in UTC and scans timestamptz values as UTC times, as SQLite does,
// so times read back compare equal to what was written on either engine.
func openPostgres(dsn string) (*sqlx.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse PostgreSQL URL: %w", err)
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["timezone"] = "UTC"
	sqldb := stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(func(_ context.Context, c *pgx.Conn) error {
		c.TypeMap().RegisterType(&pgtype.Type{Name: "timestamptz", OID: pgtype.TimestamptzOID,
			Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC}})
		return nil
	}))
	return sqlx.NewDb(sqldb, "pgx"), nil
}

// pgMigrationLock makes instances starting at once on one database migrate
// one after the other: each waits on a session advisory lock (goose's own
// locker polls every few seconds; this one is handed over at once).
type pgMigrationLock struct{}

// migrationLockID is goose's default advisory lock id.
const migrationLockID int64 = 4097083626

func (pgMigrationLock) SessionLock(ctx context.Context, conn *sql.Conn) error {
	_, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLockID)
	return err
}

func (pgMigrationLock) SessionUnlock(ctx context.Context, conn *sql.Conn) error {
	_, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, migrationLockID)
	return err
}

// Package db implements domain's store interfaces with sqlx over SQLite
// (the default) or PostgreSQL. One set of SQL serves both engines: queries
// are written with ? placeholders and rebound; what differs lives in
// dialect.go and in the per-engine migration folders.
package db

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"switchboard/domain"
	"switchboard/jobs"
)

//go:embed migrations
var migrations embed.FS

// DB is an open database: a write pool and a read pool (the same pool on
// PostgreSQL), the engine's dialect and the cipher for secrets.
type DB struct {
	W       *sqlx.DB // writes; on SQLite a single connection taking immediate transactions
	R       *sqlx.DB // reads; on SQLite read-only connections
	Dialect Dialect
	Cipher  *Cipher
	Now     func() time.Time
	// PortEvents receives every reconnect port change after it commits,
	// from this instance and (PostgreSQL, ListenPortEvents) from the others.
	PortEvents PortEventPublisher

	dsn      string
	instance string // tells this instance's NOTIFY payloads from the others'

	// Events receives the events of every write transaction once it has
	// committed (Tx.Publish); nil publishes nothing. Set it before the
	// first write.
	Events domain.EventPublisher
	// Jobs inserts the jobs writes make due, in their transactions: an
	// insert-only River client until serve sets its working one.
	Jobs Jobs
}

// Open connects to dsn: a postgres:// or postgresql:// URL, or a SQLite file
// path. dataKey (32 bytes) encrypts secrets at rest.
func Open(ctx context.Context, dsn string, dataKey []byte) (*DB, error) {
	cipher, err := NewCipher(dataKey)
	if err != nil {
		return nil, err
	}
	db := &DB{Cipher: cipher, Now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		dsn: dsn, instance: newInstanceID()}
	if IsPostgresURL(dsn) {
		db.Dialect = postgresDialect{}
		if db.W, err = openPostgres(dsn); err != nil {
			return nil, err
		}
		db.W.SetMaxOpenConns(20)
		db.W.SetMaxIdleConns(10)
		db.W.SetConnMaxIdleTime(5 * time.Minute)
		db.R = db.W
	} else {
		db.Dialect = sqliteDialect{}
		path := strings.TrimPrefix(dsn, "file:")
		if path == "" {
			return nil, fmt.Errorf("empty database path")
		}
		common := "_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_synchronous=NORMAL"
		if db.W, err = sqlx.Open("sqlite3", "file:"+path+"?"+common+"&_txlock=immediate"); err != nil {
			return nil, err
		}
		db.W.SetMaxOpenConns(1)
		db.W.SetConnMaxIdleTime(0)
		if db.R, err = sqlx.Open("sqlite3", "file:"+path+"?"+common+"&_query_only=true"); err != nil {
			return nil, err
		}
		db.R.SetMaxOpenConns(max(4, 2*runtime.NumCPU()))
		db.R.SetMaxIdleConns(max(4, 2*runtime.NumCPU()))
	}
	if err := db.W.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	if db.Jobs, err = jobs.NewScheduler(db.RiverDriver(), jobs.DefaultPollInterval); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// IsPostgresURL reports whether dsn names a PostgreSQL database.
func IsPostgresURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Close closes both pools.
func (db *DB) Close() error {
	var err error
	if db.R != nil && db.R != db.W {
		err = db.R.Close()
	}
	if db.W != nil {
		if e := db.W.Close(); e != nil {
			err = e
		}
	}
	return err
}

// Ping reports whether the database answers.
func (db *DB) Ping(ctx context.Context) error {
	return db.R.PingContext(ctx)
}

// Migrate applies every embedded migration not yet applied, then River's
// (the background jobs' tables). Several instances starting at once on
// PostgreSQL take turns (a session lock).
func (db *DB) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations/"+db.Dialect.Name())
	if err != nil {
		return err
	}
	if err := db.Dialect.migrate(ctx, db.W.DB, sub); err != nil {
		return err
	}
	return db.migrateRiver(ctx)
}

// inTx runs fn in a write transaction, committing when it returns nil.
func (db *DB) inTx(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := db.BeginTx(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// queryer is what read helpers need: a pool or a transaction.
type queryer interface {
	sqlx.QueryerContext
	sqlx.ExecerContext
	Rebind(string) string
}

// get scans one row into dest; sql.ErrNoRows becomes ENOTFOUND with msg.
// Clock is the database's time now: the time its writes record and its
// rules (an undo window, a due time) are judged by.
func (db *DB) Clock() time.Time { return db.Now() }

func get(ctx context.Context, q queryer, dest any, msg string, query string, args ...any) error {
	err := sqlx.GetContext(ctx, q, dest, q.Rebind(query), args...)
	if err == sql.ErrNoRows {
		return domain.Errorf(domain.ENOTFOUND, "%s", msg)
	}
	return err
}

// sel scans every row into dest (a pointer to a slice).
func sel(ctx context.Context, q queryer, dest any, query string, args ...any) error {
	return sqlx.SelectContext(ctx, q, dest, q.Rebind(query), args...)
}

// exec runs a statement.
func exec(ctx context.Context, q queryer, query string, args ...any) (sql.Result, error) {
	return q.ExecContext(ctx, q.Rebind(query), args...)
}

// insert runs an INSERT … RETURNING id and returns the id.
func insert(ctx context.Context, q queryer, query string, args ...any) (int64, error) {
	var id int64
	err := sqlx.GetContext(ctx, q, &id, q.Rebind(query+" RETURNING id"), args...)
	return id, err
}

// in expands a query's IN (?) lists and rebinds it.
func in(q queryer, query string, args ...any) (string, []any, error) {
	query, args, err := sqlx.In(query, args...)
	if err != nil {
		return "", nil, err
	}
	return q.Rebind(query), args, nil
}

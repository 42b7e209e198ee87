// Package dbtest opens fresh, migrated databases for tests, on SQLite always
// and on PostgreSQL when SWITCHBOARD_TEST_POSTGRES holds a server URL.
//
//	func TestThing(t *testing.T) {
//		dbtest.Each(t, func(t *testing.T, d *db.DB) {
//			// runs as subtests "sqlite" and "postgres", each on its own empty database
//		})
//	}
//
// Every PostgreSQL database is created with a unique name and dropped when
// the test ends, so tests (and test binaries) run in parallel without
// seeing each other's rows. With CI set, a missing SWITCHBOARD_TEST_POSTGRES
// fails the PostgreSQL subtests instead of skipping them.
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver for the server connection

	"switchboard/db"
)

// EnvPostgres names the environment variable holding the PostgreSQL server
// URL tests create their databases on (any database on it will do; the
// user must be allowed to create databases).
const EnvPostgres = "SWITCHBOARD_TEST_POSTGRES"

// DataKey is the 32-byte key test databases encrypt secrets with.
var DataKey = []byte("switchboard-test-data-key-32byte")

// Engines are the names Each gives its subtests.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Each runs fn once per engine, as the parallel subtests "sqlite" and
// "postgres", each with a fresh migrated database closed (and, on
// PostgreSQL, dropped) when the subtest ends. fn must not call t.Setenv
// or t.Parallel (the subtests already run in parallel).
func Each(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	EachDSN(t, func(t *testing.T, dsn string) {
		fn(t, OpenDSN(t, dsn))
	})
}

// EachDSN runs fn once per engine like Each, with the DSN of a fresh empty
// (unmigrated) database instead of an open one: a SQLite file path under
// t.TempDir() that does not exist yet, or the URL of a new PostgreSQL
// database. Use it to open several instances on one database, or to test
// what opens and migrates a database itself.
func EachDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run(SQLite, func(t *testing.T) {
		t.Parallel()
		fn(t, SQLitePath(t))
	})
	t.Run(Postgres, func(t *testing.T) {
		t.Parallel()
		fn(t, PostgresDSN(t))
	})
}

// Open returns a fresh migrated SQLite database in t.TempDir().
func Open(tb testing.TB) *db.DB {
	tb.Helper()
	return OpenDSN(tb, SQLitePath(tb))
}

// OpenFile is Open that also returns the database file's path.
func OpenFile(tb testing.TB) (*db.DB, string) {
	tb.Helper()
	path := SQLitePath(tb)
	return OpenDSN(tb, path), path
}

// OpenPostgres returns a fresh migrated PostgreSQL database; it skips tb
// when no server is configured (and fails it when CI is set).
func OpenPostgres(tb testing.TB) *db.DB {
	tb.Helper()
	return OpenDSN(tb, PostgresDSN(tb))
}

// OpenDSN opens and migrates dsn with DataKey, closing it at cleanup.
func OpenDSN(tb testing.TB, dsn string) *db.DB {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := db.Open(ctx, dsn, DataKey)
	if err != nil {
		tb.Fatalf("open test database: %v", err)
	}
	tb.Cleanup(func() { d.Close() })
	if err := d.Migrate(ctx); err != nil {
		tb.Fatalf("migrate test database: %v", err)
	}
	return d
}

// SQLitePath returns the path of a database file under tb.TempDir() that
// does not exist yet.
func SQLitePath(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(tb.TempDir(), "switchboard.db")
}

// PostgresURL is the configured server URL, or "".
func PostgresURL() string { return os.Getenv(EnvPostgres) }

// PostgresDSN creates an empty database with a unique name on the
// configured server and returns its URL; the database is dropped at
// cleanup (after the cleanups registered later, such as closing pools on
// it). It skips tb when no server is configured, unless CI is set.
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	server := PostgresURL()
	if server == "" {
		if os.Getenv("CI") != "" {
			tb.Fatalf("CI is set but %s is empty: the PostgreSQL tests must run in CI", EnvPostgres)
		}
		tb.Skipf("PostgreSQL not configured: set %s to a server URL (scripts/test.sh starts one)", EnvPostgres)
	}
	admin, err := adminDB(server)
	if err != nil {
		tb.Fatalf("PostgreSQL test server %s: %v", redact(server), err)
	}
	name := uniqueName()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		tb.Fatalf("create test database %s: %v", name, err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			tb.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("%s: %v", EnvPostgres, err)
	}
	u.Path = "/" + name
	return u.String()
}

var admins struct {
	sync.Mutex
	byURL map[string]*sql.DB
}

// adminDB is one small pool per server, shared by a test binary's tests,
// for creating and dropping databases.
func adminDB(server string) (*sql.DB, error) {
	admins.Lock()
	defer admins.Unlock()
	if d := admins.byURL[server]; d != nil {
		return d, nil
	}
	d, err := sql.Open("pgx", server)
	if err != nil {
		return nil, err
	}
	d.SetMaxOpenConns(4)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := d.PingContext(ctx); err != nil {
		d.Close()
		return nil, err
	}
	if admins.byURL == nil {
		admins.byURL = map[string]*sql.DB{}
	}
	admins.byURL[server] = d
	return d, nil
}

// uniqueName is a database name no other test, here or in another test
// binary, will choose.
func uniqueName() string {
	b := make([]byte, 8)
	rand.Read(b)
	return fmt.Sprintf("sbtest_%d_%s", os.Getpid(), hex.EncodeToString(b))
}

// redact hides a password in a URL for messages.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

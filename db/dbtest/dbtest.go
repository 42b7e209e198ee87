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
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
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
	t.Run(SQLite, func(t *testing.T) {
		t.Parallel()
		fn(t, Open(t))
	})
	t.Run(Postgres, func(t *testing.T) {
		t.Parallel()
		fn(t, OpenPostgres(t))
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
// when no server is configured (and fails it when CI is set). The database
// is a copy of a template migrated once per set of migrations, which is
// several times faster than migrating each test's database.
func OpenPostgres(tb testing.TB) *db.DB {
	tb.Helper()
	return OpenDSN(tb, newPostgresDatabase(tb, true))
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
	return newPostgresDatabase(tb, false)
}

func newPostgresDatabase(tb testing.TB, migrated bool) string {
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
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	create := `CREATE DATABASE %s`
	if migrated {
		tpl, err := migratedTemplate(ctx, server, admin)
		if err != nil {
			tb.Fatalf("migrated template database: %v", err)
		}
		if tpl != "" {
			create += ` TEMPLATE ` + tpl
		}
	}
	name := uniqueName("sbtest")
	if _, err := admin.ExecContext(ctx, fmt.Sprintf(create, name)); err != nil {
		tb.Fatalf("create test database %s: %v", name, err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			tb.Errorf("drop test database %s: %v", name, err)
		}
	})
	return databaseURL(tb, server, name)
}

func databaseURL(tb testing.TB, server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("%s: %v", EnvPostgres, err)
	}
	u.Path = "/" + name
	return u.String()
}

var templates struct {
	sync.Mutex
	byServer map[string]string
}

// migratedTemplate returns the name of a database on the server holding
// every migration and nothing else, made once per set of migration files
// and shared by every test binary (an advisory lock makes them take
// turns). It is built under a temporary name and renamed when complete,
// so a killed run never leaves a half-built template behind. It returns
// "" when the migration files cannot be read (then each test migrates).
func migratedTemplate(ctx context.Context, server string, admin *sql.DB) (string, error) {
	templates.Lock()
	defer templates.Unlock()
	if tpl, ok := templates.byServer[server]; ok {
		return tpl, nil
	}
	sum, ok := migrationsSum()
	if !ok {
		return "", nil
	}
	tpl := "sbtpl_" + sum
	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	const lockID = 7353218402 // "switchboard test template"
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockID); err != nil {
		return "", err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockID)
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_database WHERE datname = $1`, tpl).Scan(&n); err != nil {
		return "", err
	}
	if n == 0 {
		// Templates of other migration sets are left alone: another test
		// run (another branch of the code) may be copying one right now, and
		// the test server is thrown away with its clusters.
		build := uniqueName("sbtplbuild")
		if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+build); err != nil {
			return "", err
		}
		u, err := url.Parse(server)
		if err != nil {
			return "", err
		}
		u.Path = "/" + build
		d, err := db.Open(ctx, u.String(), DataKey)
		if err != nil {
			return "", err
		}
		err = d.Migrate(ctx)
		d.Close()
		if err != nil {
			conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+build+` WITH (FORCE)`)
			return "", fmt.Errorf("migrate: %w", err)
		}
		if _, err := conn.ExecContext(ctx, `ALTER DATABASE `+build+` RENAME TO `+tpl); err != nil {
			return "", err
		}
	}
	if templates.byServer == nil {
		templates.byServer = map[string]string{}
	}
	templates.byServer[server] = tpl
	return tpl, nil
}

// migrationsSum is a digest of the PostgreSQL migration files, read from
// the source tree beside this file.
func migrationsSum() (string, bool) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", false
	}
	dir := filepath.Join(filepath.Dir(file), "..", "migrations", "postgres")
	files, err := filepath.Glob(filepath.Join(dir, "*.sql"))
	if err != nil || len(files) == 0 {
		return "", false
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", false
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(f), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], true
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
func uniqueName(prefix string) string {
	b := make([]byte, 8)
	rand.Read(b)
	return fmt.Sprintf("%s_%d_%s", prefix, os.Getpid(), hex.EncodeToString(b))
}

// redact hides a password in a URL for messages.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

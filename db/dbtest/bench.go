package dbtest

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"switchboard/db"
)

// The benchmarks on a million orders read their size and their database
// from these variables.
const (
	EnvBenchOrders = "SWITCHBOARD_BENCH_ORDERS" // how many orders (default 1,000,000)
	EnvBenchDB     = "SWITCHBOARD_BENCH_DB"     // a SQLite file to keep, or a postgres:// database
)

// BenchOrders is how many orders a benchmark builds.
func BenchOrders(tb testing.TB) int {
	tb.Helper()
	s := os.Getenv(EnvBenchOrders)
	if s == "" {
		return 1_000_000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1000 {
		tb.Fatalf("%s=%q: want a number of at least 1000", EnvBenchOrders, s)
	}
	return n
}

// OpenBench opens a benchmark's database: the one EnvBenchDB names, or a
// new SQLite file called name. built reports whether it holds orders
// already, from an earlier run, to be reused as it is.
func OpenBench(tb testing.TB, name string) (d *db.DB, path string, built bool) {
	tb.Helper()
	path = os.Getenv(EnvBenchDB)
	if path == "" {
		path = filepath.Join(tb.TempDir(), name)
	}
	d = OpenDSN(tb, path)
	var n int
	if err := d.R.GetContext(context.Background(), &n, `SELECT COUNT(*) FROM (SELECT 1 FROM orders LIMIT 1) t`); err != nil {
		tb.Fatal(err)
	}
	return d, path, n > 0
}

package db_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestOpen(t *testing.T) {
	t.Run("ErrBadKey", func(t *testing.T) {
		if _, err := db.Open(context.Background(), dbtest.SQLitePath(t), []byte("short")); err == nil {
			t.Fatal("opened with a 5-byte data key")
		}
	})
	t.Run("ErrEmptyPath", func(t *testing.T) {
		if _, err := db.Open(context.Background(), "", dbtest.DataKey); err == nil {
			t.Fatal("opened an empty path")
		}
	})
	t.Run("IsPostgresURL", func(t *testing.T) {
		for dsn, want := range map[string]bool{
			"postgres://u@h/db": true, "postgresql://h/db": true, "switchboard.db": false, "file:x.db": false, "/tmp/postgres.db": false,
		} {
			if got := db.IsPostgresURL(dsn); got != want {
				t.Fatalf("IsPostgresURL(%q)=%v, want %v", dsn, got, want)
			}
		}
	})
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		d, err := db.Open(ctx, dsn, dbtest.DataKey)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if got, want := d.Dialect.Name(), map[bool]string{true: "postgres", false: "sqlite"}[db.IsPostgresURL(dsn)]; got != want {
			t.Fatalf("dialect=%s, want %s", got, want)
		}
		t.Run("MigrateTwice", func(t *testing.T) {
			for i := 0; i < 2; i++ {
				if err := d.Migrate(ctx); err != nil {
					t.Fatalf("migration %d: %v", i+1, err)
				}
			}
			if err := d.Ping(ctx); err != nil {
				t.Fatal(err)
			}
			if got := count(t, d, "users", ""); got != 0 {
				t.Fatalf("users=%d on a new database", got)
			}
		})
		t.Run("ReopenKeepsData", func(t *testing.T) {
			mustCreateUser(t, d, "kept", domain.RoleSupport)
			d2, err := db.Open(ctx, dsn, dbtest.DataKey)
			if err != nil {
				t.Fatal(err)
			}
			defer d2.Close()
			if err := d2.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := d2.FindUserByName(ctx, "kept"); err != nil {
				t.Fatal(err)
			}
		})
	})
}

// TestMigrateAtOnce starts several instances on one empty PostgreSQL
// database at the same moment: they take turns, and all of them start.
func TestMigrateAtOnce(t *testing.T) {
	t.Parallel()
	dsn := dbtest.PostgresDSN(t)
	ctx := context.Background()
	const instances = 4
	var wg sync.WaitGroup
	errs := make([]error, instances)
	for i := 0; i < instances; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := db.Open(ctx, dsn, dbtest.DataKey)
			if err != nil {
				errs[i] = err
				return
			}
			defer d.Close()
			errs[i] = d.Migrate(ctx)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
	}
	d := dbtest.OpenDSN(t, dsn)
	mustCreateUser(t, d, "after", domain.RoleAdmin)
}

// TestTimesUTC checks that times come back as the same instant in UTC on
// both engines, whatever the machine's time zone.
func TestTimesUTC(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		at := time.Date(2026, 7, 1, 23, 59, 58, 999999000, time.FixedZone("CDT", -5*3600))
		d.Now = func() time.Time { return at.UTC() }
		u := mustCreateUser(t, d, "timed", domain.RoleRep)
		got, err := d.FindUserByID(context.Background(), u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.CreatedAt.Equal(at) {
			t.Fatalf("CreatedAt=%v, want %v", got.CreatedAt, at)
		}
		if got, want := got.CreatedAt.Location(), time.UTC; got != want {
			t.Fatalf("CreatedAt location=%v, want %v", got, want)
		}
	})
}

// TestConcurrentWrites has 50 goroutines write and read at once. On SQLite
// the writes queue on the one write connection; none fails with "database
// is locked", nor with anything else, on either engine.
func TestConcurrentWrites(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		r := mustSeedRef(t, d)
		admin := mustCreateUser(t, d, "admin", domain.RoleAdmin)
		mustCreateInventory(t, d, "SIM-SEED", domain.InventorySIM, "")
		const workers = 50
		start := make(chan struct{})
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for i := 0; i < workers; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs <- func() error {
					actx := asUser(admin)
					c := newCustomer(fmt.Sprintf("Concurrent %02d", i), r.BillProfile)
					c.SSN = domain.NewSecret(clearSSN)
					if err := d.CreateCustomer(actx, c); err != nil {
						return fmt.Errorf("CreateCustomer: %w", err)
					}
					items := []*domain.InventoryItem{{Identifier: fmt.Sprintf("SIM-%02d", i), Type: domain.InventorySIM}, {Identifier: fmt.Sprintf("DEV-%02d", i), Type: domain.InventoryDevice}}
					if err := d.CreateInventory(actx, items); err != nil {
						return fmt.Errorf("CreateInventory: %w", err)
					}
					u := &domain.User{Name: fmt.Sprintf("user%02d", i), Role: domain.RoleRep, PasswordHash: "h"}
					if err := d.CreateUser(actx, u); err != nil {
						return fmt.Errorf("CreateUser: %w", err)
					}
					if _, err := d.UpdateUser(actx, u.ID, domain.UserUpdate{Disabled: ptr(true)}); err != nil {
						return fmt.Errorf("UpdateUser: %w", err)
					}
					if _, err := d.TakeSignInAttempt(ctx, domain.SignInKey{Key: "ip:shared", Limit: 1000}); err != nil {
						return fmt.Errorf("TakeSignInAttempt: %w", err)
					}
					if _, _, err := d.FindCustomers(ctx, domain.CustomerFilter{Search: "concurrent"}); err != nil {
						return fmt.Errorf("FindCustomers: %w", err)
					}
					if _, err := d.FindCustomerByID(ctx, c.ID); err != nil {
						return fmt.Errorf("FindCustomerByID: %w", err)
					}
					// A conflict is an answer, not a failure of the database.
					err := d.CreateInventory(actx, []*domain.InventoryItem{{Identifier: "SIM-SEED", Type: domain.InventorySIM}})
					if domain.ErrorCode(err) != domain.ECONFLICT {
						return fmt.Errorf("duplicate CreateInventory: %w", err)
					}
					return nil
				}()
			}()
		}
		began := time.Now()
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				if strings.Contains(err.Error(), "locked") {
					t.Errorf("database locked: %v", err)
				} else {
					t.Error(err)
				}
			}
		}
		if t.Failed() {
			return
		}
		t.Logf("%d workers in %v", workers, time.Since(began).Round(time.Millisecond))
		for _, tt := range []struct {
			table string
			want  int
		}{{"customers", workers}, {"inventory", 2*workers + 1}, {"users", workers + 1}} {
			if got := count(t, d, tt.table, ""); got != tt.want {
				t.Fatalf("%s=%d, want %d", tt.table, got, tt.want)
			}
		}
		if got, want := count(t, d, "login_failures", "key = ? AND failures = ?", "ip:shared", workers), 1; got != want {
			t.Fatalf("failures on ip:shared counted wrong: rows with %d failures=%d, want %d", workers, got, want)
		}
	})
}

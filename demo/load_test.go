package demo_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/demo"
	"switchboard/domain"
)

func TestLoadDemo_SecretsSealed(t *testing.T) {
	ctx := context.Background()
	d, path := dbtest.OpenFile(t)
	mustLoadDemo(t, d)
	cs, _, err := d.FindCustomers(ctx, domain.CustomerFilter{Page: domain.Page{Limit: domain.MaxPageLimit}})
	if err != nil {
		t.Fatal(err)
	}
	var secrets []string
	for _, c := range cs {
		for _, s := range []domain.Secret{c.SSN, c.TaxID} {
			if !s.IsZero() {
				secrets = append(secrets, s.Clear())
			}
		}
	}
	if got, want := len(secrets), len(cs); got < want {
		t.Fatalf("%d secrets for %d customers, want one each at least", got, want)
	}
	var file []byte
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		file = append(file, b...)
	}
	for _, s := range secrets {
		for _, form := range []string{s, s[:3] + "-" + s[3:5] + "-" + s[5:], s[:2] + "-" + s[2:]} {
			if bytes.Contains(file, []byte(form)) {
				t.Errorf("secret •••••%s is in the database file in clear", s[5:])
			}
		}
	}
}

func TestLoadDemo_NotOnData(t *testing.T) {
	ctx := context.Background()
	d := dbtest.Open(t)
	if err := d.CreateUser(ctx, &domain.User{Name: "alice", Role: domain.RoleAdmin, PasswordHash: demoHash}); err != nil {
		t.Fatal(err)
	}
	before := demoCounts(t, d)
	loaded, err := demo.Load(ctx, d, demoHash)
	if err != nil {
		t.Fatal(err)
	}
	if loaded {
		t.Fatal("LoadDemo loaded into a database that has a user")
	}
	after := demoCounts(t, d)
	for _, tbl := range demoTables {
		if got, want := after[tbl], before[tbl]; got != want {
			t.Errorf("%s: %d rows, want %d", tbl, got, want)
		}
	}
}

func TestLoadDemo_Concurrent(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		// Two instances on one database, as two servers started at once.
		a, b := dbtest.OpenDSN(t, dsn), dbtest.OpenDSN(t, dsn)
		var wg sync.WaitGroup
		results := make([]bool, 2)
		errs := make([]error, 2)
		for i, d := range []*db.DB{a, b} {
			wg.Go(func() { results[i], errs[i] = demo.Load(context.Background(), d, demoHash) })
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if results[0] == results[1] {
			t.Fatalf("loaded = %v, want exactly one load", results)
		}
		if got, want := demoN(t, a, `SELECT COUNT(*) FROM users WHERE name = 'admin'`), 1; got != want {
			t.Errorf("%d admin users, want %d", got, want)
		}
		if got, want := demoN(t, a, `SELECT COUNT(*) FROM carriers WHERE code = 'VZW'`), 1; got != want {
			t.Errorf("%d VZW carriers, want %d", got, want)
		}
	})
}

func TestLoadDemo_Deterministic(t *testing.T) {
	snapshot := func(d *db.DB) string {
		var rows []string
		q := `SELECT c.name || '|' || l.tn || '|' || l.status || '|' || l.description FROM lines l JOIN customers c ON c.id = l.customer_id ORDER BY l.id`
		if err := d.R.SelectContext(context.Background(), &rows, q); err != nil {
			t.Fatal(err)
		}
		var ids []string
		if err := d.R.SelectContext(context.Background(), &ids, `SELECT identifier FROM inventory ORDER BY id`); err != nil {
			t.Fatal(err)
		}
		return strings.Join(rows, "\n") + strings.Join(ids, "\n")
	}
	a, b := dbtest.Open(t), dbtest.Open(t)
	mustLoadDemo(t, a)
	mustLoadDemo(t, b)
	if snapshot(a) != snapshot(b) {
		t.Error("two loads made different data")
	}
}

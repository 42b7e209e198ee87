package db_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// TestAuditEvents checks that every create and update writes an event
// naming the user from the context (or "system"), at the transaction's time.
func TestAuditEvents(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		at := time.Date(2026, 5, 4, 13, 14, 15, 123456000, time.UTC)
		d.Now = func() time.Time { return at }
		r := mustSeedRef(t, d)
		admin := mustCreateUser(t, d, "admin", domain.RoleAdmin) // by "system"
		ctx := asUser(admin)

		events := func(t *testing.T, entity string, id int64) []*domain.AuditEvent {
			t.Helper()
			evs, err := d.FindAuditEvents(context.Background(), entity, id)
			if err != nil {
				t.Fatal(err)
			}
			return evs
		}
		// check compares the entity's events with want: action, user and changed fields.
		type ev struct {
			action, user string
			changes      map[string][2]any
		}
		check := func(t *testing.T, entity string, id int64, want []ev) {
			t.Helper()
			got := events(t, entity, id)
			if len(got) != len(want) {
				t.Fatalf("%s %d events=%d, want %d", entity, id, len(got), len(want))
			}
			for i, w := range want {
				g := got[i]
				if g.Action != w.action || g.UserName != w.user || g.Entity != entity || g.EntityID != id {
					t.Fatalf("event %d=%+v, want %s by %s", i, g, w.action, w.user)
				}
				if w.user == "system" && g.UserID != nil {
					t.Fatalf("event %d UserID=%d, want none", i, *g.UserID)
				}
				if w.user == admin.Name && (g.UserID == nil || *g.UserID != admin.ID) {
					t.Fatalf("event %d UserID=%v, want %d", i, g.UserID, admin.ID)
				}
				if !g.At.Equal(at) || g.At.Location() != time.UTC {
					t.Fatalf("event %d At=%v, want %v in UTC", i, g.At, at)
				}
				for field, change := range w.changes {
					c, ok := g.Changes[field]
					if !ok {
						t.Fatalf("event %d has no change of %s: %v", i, field, g.Changes)
					}
					if c[0] != change[0] || c[1] != change[1] {
						t.Fatalf("event %d %s=%v, want %v", i, field, c, change)
					}
				}
			}
		}

		t.Run("User", func(t *testing.T) {
			check(t, domain.EntityUser, admin.ID, []ev{{"create", "system", map[string][2]any{"Name": {nil, "admin"}, "Role": {nil, "admin"}}}})
			u := mustCreateUserCtx(t, d, ctx, "rep1", domain.RoleRep)
			if _, err := d.UpdateUser(ctx, u.ID, domain.UserUpdate{Role: ptr(domain.RoleSupervisor), Disabled: ptr(true)}); err != nil {
				t.Fatal(err)
			}
			if _, err := d.UpdateUser(ctx, u.ID, domain.UserUpdate{PasswordHash: ptr("$2a$10$secret-hash")}); err != nil {
				t.Fatal(err)
			}
			if _, err := d.UpdateUser(ctx, u.ID, domain.UserUpdate{Role: ptr(domain.RoleSupervisor)}); err != nil { // no change, no event
				t.Fatal(err)
			}
			check(t, domain.EntityUser, u.ID, []ev{
				{"create", "admin", map[string][2]any{"Name": {nil, "rep1"}, "Role": {nil, "rep"}, "Disabled": {nil, false}}},
				{"update", "admin", map[string][2]any{"Role": {"rep", "supervisor"}, "Disabled": {false, true}}},
				{"update", "admin", map[string][2]any{"Password": {"(hidden)", "(changed)"}}},
			})
			for _, e := range events(t, domain.EntityUser, u.ID) {
				for _, c := range e.Changes {
					for _, v := range c {
						if s, _ := v.(string); strings.Contains(s, "secret-hash") {
							t.Fatal("a password hash is in the audit trail")
						}
					}
				}
			}
		})
		t.Run("Token", func(t *testing.T) {
			tok := &domain.APIToken{UserID: admin.ID, Name: "nightly export", Hash: "h1"}
			if err := d.CreateAPIToken(ctx, tok); err != nil {
				t.Fatal(err)
			}
			if err := d.RevokeAPIToken(ctx, tok.ID); err != nil {
				t.Fatal(err)
			}
			check(t, domain.EntityToken, tok.ID, []ev{
				{"create", "admin", map[string][2]any{"User": {nil, "admin"}, "Name": {nil, "nightly export"}}},
				{"revoke", "admin", map[string][2]any{"Revoked": {false, true}}},
			})
		})
		t.Run("Customer", func(t *testing.T) {
			c := newCustomer("Audited Co", r.BillProfile)
			c.SSN = domain.NewSecret(clearSSN)
			if err := d.CreateCustomer(ctx, c); err != nil {
				t.Fatal(err)
			}
			check(t, domain.EntityCustomer, c.ID, []ev{{"create", "admin", map[string][2]any{
				"Name": {nil, "Audited Co"}, "Status": {nil, "ACTIVE"}, "SSN": {nil, domain.NewSecret(clearSSN).Masked()},
				"ServiceAddress": {nil, "100 N Main St, Suite 4, Springfield, IL 62701-1234"}}}})
		})
		t.Run("Inventory", func(t *testing.T) {
			items := []*domain.InventoryItem{{Identifier: "SIM-A1", Type: domain.InventorySIM}, {Identifier: "DEV-B2", Type: domain.InventoryDevice}}
			if err := d.CreateInventory(ctx, items); err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				check(t, domain.EntityInventory, it.ID, []ev{{"create", "admin", map[string][2]any{
					"Identifier": {nil, it.Identifier}, "Type": {nil, it.Type}, "Status": {nil, "AVAILABLE"}}}})
			}
		})
		t.Run("NoEventOnFailure", func(t *testing.T) {
			before := count(t, d, "audit_events", "")
			mustCreateInventory(t, d, "SIM-DUP", domain.InventorySIM, "")
			_ = d.CreateInventory(ctx, []*domain.InventoryItem{{Identifier: "SIM-NEW", Type: domain.InventorySIM}, {Identifier: "SIM-DUP", Type: domain.InventorySIM}})
			_ = d.CreateUser(ctx, &domain.User{Name: "admin", Role: domain.RoleAdmin, PasswordHash: "x"})
			if got, want := count(t, d, "audit_events", ""), before+1; got != want {
				t.Fatalf("audit events=%d, want %d (only the first item's create)", got, want)
			}
		})
		t.Run("Empty", func(t *testing.T) {
			if evs := events(t, domain.EntityOrder, 424242); len(evs) != 0 {
				t.Fatalf("events=%v, want none", evs)
			}
		})
	})
}

func mustCreateUserCtx(tb testing.TB, d *db.DB, ctx context.Context, name string, role domain.Role) *domain.User {
	tb.Helper()
	u := &domain.User{Name: name, Role: role, PasswordHash: "$2a$10$hash-of-" + name}
	if err := d.CreateUser(ctx, u); err != nil {
		tb.Fatalf("CreateUser(%q): %v", name, err)
	}
	return u
}

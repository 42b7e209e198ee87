package db_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestCreateUser(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		t.Run("OK", func(t *testing.T) {
			u := &domain.User{Name: "  dana.reyes ", Role: domain.RoleRep, PasswordHash: "$2a$10$x"}
			if err := d.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			if u.ID == 0 {
				t.Fatal("ID not set")
			}
			got, err := d.FindUserByID(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != "dana.reyes" || got.Role != domain.RoleRep || got.PasswordHash != "$2a$10$x" || got.Disabled {
				t.Fatalf("user=%+v", got)
			}
			if !got.CreatedAt.Equal(u.CreatedAt) || got.CreatedAt.Location() != time.UTC {
				t.Fatalf("CreatedAt=%v, want %v in UTC", got.CreatedAt, u.CreatedAt)
			}
			byName, err := d.FindUserByName(ctx, "dana.reyes")
			if err != nil {
				t.Fatal(err)
			}
			if got, want := byName.ID, u.ID; got != want {
				t.Fatalf("FindUserByName ID=%d, want %d", got, want)
			}
		})
		t.Run("ErrConflict", func(t *testing.T) {
			mustCreateUser(t, d, "taken", domain.RoleSupport)
			err := d.CreateUser(ctx, &domain.User{Name: "taken", Role: domain.RoleAdmin, PasswordHash: "h"})
			wantCode(t, err, domain.ECONFLICT)
			if got, want := domain.ErrorMessage(err), "A user named taken already exists."; got != want {
				t.Fatalf("message=%q, want %q", got, want)
			}
			if got, want := count(t, d, "users", "name = ?", "taken"), 1; got != want {
				t.Fatalf("users named taken=%d, want %d", got, want)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			for _, u := range []domain.User{
				{Name: "", Role: domain.RoleRep},
				{Name: "has space", Role: domain.RoleRep},
				{Name: "ok", Role: "owner"},
			} {
				wantCode(t, d.CreateUser(ctx, &u), domain.EINVALID)
			}
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := d.FindUserByID(ctx, 999999)
			wantCode(t, err, domain.ENOTFOUND)
			_, err = d.FindUserByName(ctx, "nobody")
			wantCode(t, err, domain.ENOTFOUND)
			_, err = d.DeleteUserSessions(ctx, 999999)
			wantCode(t, err, domain.ENOTFOUND)
		})
	})
}

func TestFindUsers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		for _, n := range []string{"carol", "alice", "bob"} {
			mustCreateUser(t, d, n, domain.RoleSupport)
		}
		us, err := d.FindUsers(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range us {
			got = append(got, u.Name)
		}
		if want := []string{"alice", "bob", "carol"}; !equal(got, want) {
			t.Fatalf("names=%v, want %v", got, want)
		}
	})
}

func TestUpdateUser(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		admin := mustCreateUser(t, d, "admin", domain.RoleAdmin)
		u := mustCreateUser(t, d, "rep1", domain.RoleRep)
		signIn := func() {
			t.Helper()
			if err := d.CreateSession(ctx, &domain.Session{ID: fmt.Sprintf("session-%d", time.Now().UnixNano()), UserID: u.ID, CreatedAt: time.Now()}); err != nil {
				t.Fatal(err)
			}
		}
		for _, tt := range []struct {
			name      string
			upd       domain.UserUpdate
			wantEnd   bool
			wantCheck func(*domain.User) bool
		}{
			{"Role", domain.UserUpdate{Role: ptr(domain.RoleSupervisor)}, true, func(u *domain.User) bool { return u.Role == domain.RoleSupervisor }},
			{"SameRole", domain.UserUpdate{Role: ptr(domain.RoleSupervisor)}, false, func(u *domain.User) bool { return u.Role == domain.RoleSupervisor }},
			{"Disabled", domain.UserUpdate{Disabled: ptr(true)}, true, func(u *domain.User) bool { return u.Disabled }},
			{"Enabled", domain.UserUpdate{Disabled: ptr(false)}, true, func(u *domain.User) bool { return !u.Disabled }},
			{"Password", domain.UserUpdate{PasswordHash: ptr("$2a$10$new")}, true, func(u *domain.User) bool { return u.PasswordHash == "$2a$10$new" }},
			{"Nothing", domain.UserUpdate{}, false, func(u *domain.User) bool { return true }},
		} {
			t.Run(tt.name, func(t *testing.T) {
				signIn()
				got, err := d.UpdateUser(asUser(admin), u.ID, tt.upd)
				if err != nil {
					t.Fatal(err)
				}
				if !tt.wantCheck(got) {
					t.Fatalf("returned user=%+v", got)
				}
				stored, err := d.FindUserByID(ctx, u.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !tt.wantCheck(stored) {
					t.Fatalf("stored user=%+v", stored)
				}
				if got, want := count(t, d, "sessions", "user_id = ?", u.ID) == 0, tt.wantEnd; got != want {
					t.Fatalf("sessions ended=%v, want %v", got, want)
				}
			})
		}
		t.Run("ErrInvalid", func(t *testing.T) {
			_, err := d.UpdateUser(ctx, u.ID, domain.UserUpdate{Role: ptr(domain.Role("owner"))})
			wantCode(t, err, domain.EINVALID)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := d.UpdateUser(ctx, 999999, domain.UserUpdate{Disabled: ptr(true)})
			wantCode(t, err, domain.ENOTFOUND)
		})
	})
}

func TestAPITokens(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		admin := mustCreateUser(t, d, "admin", domain.RoleAdmin)
		rep := mustCreateUser(t, d, "rep", domain.RoleRep)
		newToken := func(t *testing.T, u *domain.User, hash string) *domain.APIToken {
			t.Helper()
			tok := &domain.APIToken{UserID: u.ID, Name: "script " + hash, Hash: hash}
			if err := d.CreateAPIToken(asUser(admin), tok); err != nil {
				t.Fatal(err)
			}
			return tok
		}
		t.Run("OK", func(t *testing.T) {
			tok := newToken(t, rep, "hash-ok")
			if tok.ID == 0 || tok.UserName != "rep" {
				t.Fatalf("token=%+v", tok)
			}
			u, err := d.FindUserByTokenHash(ctx, "hash-ok")
			if err != nil {
				t.Fatal(err)
			}
			if got, want := u.ID, rep.ID; got != want {
				t.Fatalf("user ID=%d, want %d", got, want)
			}
			if got, want := u.Role, domain.RoleRep; got != want {
				t.Fatalf("role=%s, want %s", got, want)
			}
		})
		t.Run("DefaultName", func(t *testing.T) {
			tok := &domain.APIToken{UserID: rep.ID, Hash: "hash-default-name"}
			if err := d.CreateAPIToken(ctx, tok); err != nil {
				t.Fatal(err)
			}
			if got, want := tok.Name, "token"; got != want {
				t.Fatalf("Name=%q, want %q", got, want)
			}
		})
		t.Run("ErrConflict", func(t *testing.T) {
			newToken(t, rep, "hash-dup")
			err := d.CreateAPIToken(ctx, &domain.APIToken{UserID: admin.ID, Name: "again", Hash: "hash-dup"})
			wantCode(t, err, domain.ECONFLICT)
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			long := string(make([]byte, 61))
			err := d.CreateAPIToken(ctx, &domain.APIToken{UserID: rep.ID, Name: long, Hash: "hash-long"})
			wantCode(t, err, domain.EINVALID)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			err := d.CreateAPIToken(ctx, &domain.APIToken{UserID: 999999, Hash: "hash-nouser"})
			wantCode(t, err, domain.ENOTFOUND)
			wantCode(t, d.RevokeAPIToken(ctx, 999999), domain.ENOTFOUND)
		})
		t.Run("ErrUnauthorized", func(t *testing.T) {
			_, err := d.FindUserByTokenHash(ctx, "no-such-hash")
			wantCode(t, err, domain.EUNAUTHORIZED)

			revoked := newToken(t, rep, "hash-revoked")
			if err := d.RevokeAPIToken(asUser(admin), revoked.ID); err != nil {
				t.Fatal(err)
			}
			_, err = d.FindUserByTokenHash(ctx, "hash-revoked")
			wantCode(t, err, domain.EUNAUTHORIZED)
			wantCode(t, d.RevokeAPIToken(ctx, revoked.ID), domain.ENOTFOUND) // already revoked

			sup := mustCreateUser(t, d, "soon-disabled", domain.RoleSupervisor)
			newToken(t, sup, "hash-disabled-user")
			if _, err := d.FindUserByTokenHash(ctx, "hash-disabled-user"); err != nil {
				t.Fatal(err)
			}
			if _, err := d.UpdateUser(ctx, sup.ID, domain.UserUpdate{Disabled: ptr(true)}); err != nil {
				t.Fatal(err)
			}
			_, err = d.FindUserByTokenHash(ctx, "hash-disabled-user")
			wantCode(t, err, domain.EUNAUTHORIZED)

			// Enabled again, the user's old tokens stay revoked; a new one works.
			if _, err := d.UpdateUser(ctx, sup.ID, domain.UserUpdate{Disabled: ptr(false)}); err != nil {
				t.Fatal(err)
			}
			_, err = d.FindUserByTokenHash(ctx, "hash-disabled-user")
			wantCode(t, err, domain.EUNAUTHORIZED)
			if got, want := count(t, d, "api_tokens", "user_id = ? AND revoked = TRUE", sup.ID), 1; got != want {
				t.Fatalf("revoked tokens of the re-enabled user=%d, want %d", got, want)
			}
			if got, want := count(t, d, "audit_events", "entity = ? AND action = ?", domain.EntityToken, "revoke"), 2; got != want {
				t.Fatalf("token revoke audit records=%d, want %d (one by hand, one by disabling)", got, want)
			}
			newToken(t, sup, "hash-after-enable")
			if _, err := d.FindUserByTokenHash(ctx, "hash-after-enable"); err != nil {
				t.Fatalf("a token made after enabling: %v", err)
			}
		})
		t.Run("FindAPITokens", func(t *testing.T) {
			ts, err := d.FindAPITokens(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(ts) < 2 {
				t.Fatalf("tokens=%d, want several", len(ts))
			}
			for i, tok := range ts {
				if i > 0 && tok.ID >= ts[i-1].ID {
					t.Fatalf("tokens not newest first: %d after %d", tok.ID, ts[i-1].ID)
				}
				if tok.UserName == "" || tok.CreatedAt.IsZero() {
					t.Fatalf("token=%+v", tok)
				}
				if tok.Hash == "hash-revoked" && !tok.Revoked {
					t.Fatal("revoked token listed as live")
				}
			}
		})
	})
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

package db_test

import (
	"context"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestSessions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
		d.Now = clk.Now
		admin := mustCreateUser(t, d, "admin", domain.RoleAdmin)
		u := mustCreateUser(t, d, "rep1", domain.RoleRep)
		create := func(t *testing.T, id string, userID int64) *domain.Session {
			t.Helper()
			s := &domain.Session{ID: id, UserID: userID, CreatedAt: clk.Now()}
			if err := d.CreateSession(ctx, s); err != nil {
				t.Fatal(err)
			}
			return s
		}
		t.Run("CreateFind", func(t *testing.T) {
			s := create(t, "hash-a", u.ID)
			if !s.CreatedAt.Equal(clk.Now()) || !s.SeenAt.Equal(clk.Now()) {
				t.Fatalf("session=%+v, want both times now", s)
			}
			got, gu, err := d.FindSession(ctx, "hash-a")
			if err != nil {
				t.Fatal(err)
			}
			if got.UserID != u.ID || !got.CreatedAt.Equal(s.CreatedAt) || gu.ID != u.ID || gu.Name != "rep1" || gu.Role != domain.RoleRep || gu.Disabled {
				t.Fatalf("session=%+v user=%+v", got, gu)
			}
		})
		t.Run("Touch", func(t *testing.T) {
			create(t, "hash-touch", u.ID)
			clk.Add(5 * time.Minute)
			if err := d.TouchSession(ctx, "hash-touch", clk.Now()); err != nil {
				t.Fatal(err)
			}
			got, _, err := d.FindSession(ctx, "hash-touch")
			if err != nil {
				t.Fatal(err)
			}
			if !got.SeenAt.Equal(clk.Now()) || got.CreatedAt.Equal(got.SeenAt) {
				t.Fatalf("session=%+v, want SeenAt moved to now", got)
			}
		})
		t.Run("Delete", func(t *testing.T) {
			create(t, "hash-del", u.ID)
			if err := d.DeleteSession(ctx, "hash-del"); err != nil {
				t.Fatal(err)
			}
			_, _, err := d.FindSession(ctx, "hash-del")
			wantCode(t, err, domain.ENOTFOUND)
			if err := d.DeleteSession(ctx, "hash-never"); err != nil {
				t.Fatalf("deleting an unknown session: %v", err)
			}
		})
		t.Run("DeleteUserSessions", func(t *testing.T) {
			other := mustCreateUser(t, d, "rep2", domain.RoleRep)
			create(t, "hash-other", other.ID)
			n0 := count(t, d, "sessions", "user_id = ?", u.ID)
			n, err := d.DeleteUserSessions(asUser(admin), u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if n != n0 || n == 0 {
				t.Fatalf("ended %d sessions, want %d", n, n0)
			}
			if got := count(t, d, "sessions", "user_id = ?", u.ID); got != 0 {
				t.Fatalf("%d sessions left", got)
			}
			if _, _, err := d.FindSession(ctx, "hash-other"); err != nil {
				t.Fatalf("another user's session ended too: %v", err)
			}
			if got := count(t, d, "audit_events", "entity = ? AND entity_id = ? AND action = ? AND user_name = ?", domain.EntityUser, u.ID, "end sessions", "admin"); got != 1 {
				t.Fatalf("audit records=%d, want 1", got)
			}
		})
		t.Run("ExpiredForgottenAtSignIn", func(t *testing.T) {
			create(t, "hash-old", u.ID)
			clk.Add(domain.SessionIdle + time.Minute)
			create(t, "hash-new", u.ID)
			_, _, err := d.FindSession(ctx, "hash-old")
			wantCode(t, err, domain.ENOTFOUND)
		})
		t.Run("ErrNoUser", func(t *testing.T) {
			err := d.CreateSession(ctx, &domain.Session{ID: "hash-nouser", UserID: 999999, CreatedAt: clk.Now()})
			wantCode(t, err, domain.ENOTFOUND)
		})
	})
}

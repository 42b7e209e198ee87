package domain_test

import (
	"context"
	"testing"

	"switchboard/domain"
)

func TestActorFromContext(t *testing.T) {
	rep := &domain.User{ID: 7, Name: "rita", Role: domain.RoleRep}
	for _, tt := range []struct {
		name            string
		ctx             context.Context
		person, system  bool
		wantName        string
		wantRole        domain.Role
		wantUserFromCtx *domain.User
	}{
		{"Nobody", context.Background(), false, false, domain.SystemName, "", nil},
		{"Person", domain.NewContextWithUser(context.Background(), rep), true, false, "rita", domain.RoleRep, rep},
		{"System", domain.NewContextWithSystem(context.Background()), false, true, domain.SystemName, "", nil},
		// The system acting on a request's context is the system, not the person.
		{"SystemOverPerson", domain.NewContextWithSystem(domain.NewContextWithUser(context.Background(), rep)), false, true, domain.SystemName, "", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := domain.ActorFromContext(tt.ctx)
			if a.IsPerson() != tt.person || a.IsSystem() != tt.system {
				t.Fatalf("IsPerson=%v IsSystem=%v, want %v %v", a.IsPerson(), a.IsSystem(), tt.person, tt.system)
			}
			if got, want := a.Name(), tt.wantName; got != want {
				t.Errorf("Name=%q, want %q", got, want)
			}
			if got, want := a.Role(), tt.wantRole; got != want {
				t.Errorf("Role=%q, want %q", got, want)
			}
			if got, want := domain.UserFromContext(tt.ctx), tt.wantUserFromCtx; got != want {
				t.Errorf("UserFromContext=%v, want %v", got, want)
			}
		})
	}
}

func TestActorMayCreateOrders(t *testing.T) {
	for _, tt := range []struct {
		name    string
		actor   domain.Actor
		message string // "" when allowed
	}{
		{"Rep", domain.PersonActor(&domain.User{Role: domain.RoleRep}), ""},
		{"Supervisor", domain.PersonActor(&domain.User{Role: domain.RoleSupervisor}), ""},
		{"Admin", domain.PersonActor(&domain.User{Role: domain.RoleAdmin}), ""},
		{"ErrSupport", domain.PersonActor(&domain.User{Role: domain.RoleSupport}), "Your role (support) may not create orders"},
		{"ErrNobody", domain.Actor{}, "Your role (none) may not create orders"},
		{"ErrSystem", domain.SystemActor, "The system may not create orders"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.actor.MayCreateOrders()
			if tt.message == "" {
				if err != nil {
					t.Fatalf("MayCreateOrders = %v, want nil", err)
				}
				return
			}
			if got, want := domain.ErrorCode(err), domain.EFORBIDDEN; got != want {
				t.Fatalf("code=%s, want %s (%v)", got, want, err)
			}
			if got, want := domain.ErrorMessage(err), tt.message; got != want {
				t.Errorf("message=%q, want %q", got, want)
			}
		})
	}
}

func TestUserValidateReservesSystemName(t *testing.T) {
	for _, name := range []string{"system", "System", "SYSTEM"} {
		u := &domain.User{Name: name, Role: domain.RoleRep}
		if err := u.Validate(); domain.ErrorCode(err) != domain.EINVALID || !hasField(err, "Name") {
			t.Errorf("Validate(%q) = %v, want a Name error", name, err)
		}
	}
	if err := (&domain.User{Name: "systems", Role: domain.RoleRep}).Validate(); err != nil {
		t.Errorf("Validate(systems) = %v, want nil", err)
	}
}

func hasField(err error, field string) bool {
	for _, f := range domain.ErrorFields(err) {
		if f.Field == field {
			return true
		}
	}
	return false
}

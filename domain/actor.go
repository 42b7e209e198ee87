package domain

import "context"

// SystemName is how the history and the logs name the system. No person
// may take it (User.Validate).
const SystemName = "system"

// Actor is who does something: a signed-in person (User is set) or the
// system (the provider's answers and the background jobs, which act on
// their own and are no user). The zero Actor is nobody.
type Actor struct {
	User   *User
	system bool
}

// SystemActor is the system acting on its own.
var SystemActor = Actor{system: true}

// PersonActor is the person u acting.
func PersonActor(u *User) Actor { return Actor{User: u} }

// IsSystem reports whether the actor is the system.
func (a Actor) IsSystem() bool { return a.system }

// IsPerson reports whether the actor is a signed-in person.
func (a Actor) IsPerson() bool { return a.User != nil }

// Role is the person's role; "" for the system and for nobody, so no
// rule that needs a role lets the system through.
func (a Actor) Role() Role {
	if a.User == nil {
		return ""
	}
	return a.User.Role
}

// Name names the actor in the history: the person's user name, or
// SystemName for the system (and for a change made with no actor, such
// as loading the demo data).
func (a Actor) Name() string {
	if a.User != nil {
		return a.User.Name
	}
	return SystemName
}

// MayCreateOrders is the actor rule of NewOrders_Create and Orders_Create:
// a rep, a supervisor or an admin opens orders; support does not, and
// neither does the system (it moves orders people opened). Returns
// EFORBIDDEN otherwise.
func (a Actor) MayCreateOrders() error {
	if a.system {
		return ErrorRule(EFORBIDDEN, RuleRoleMayNot, kv("Role", "system", "Action", "create orders"), "The system may not create orders")
	}
	if !a.Role().AtLeast(RoleRep) {
		return ErrorRule(EFORBIDDEN, RuleRoleMayNot, kv("Role", string(a.Role()), "Action", "create orders"), "Your role (%s) may not create orders", roleName(a.Role()))
	}
	return nil
}

type ctxKey int

const actorKey ctxKey = 1

// NewContextWithActor returns ctx carrying the actor a, in place of any
// actor ctx carried.
func NewContextWithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey, a)
}

// NewContextWithUser returns ctx carrying the signed-in user u as its actor.
func NewContextWithUser(ctx context.Context, u *User) context.Context {
	return NewContextWithActor(ctx, PersonActor(u))
}

// NewContextWithSystem returns ctx with the system as its actor: what a
// background job or the provider's answer does.
func NewContextWithSystem(ctx context.Context) context.Context {
	return NewContextWithActor(ctx, SystemActor)
}

// ActorFromContext returns the actor ctx carries; the zero Actor if none.
func ActorFromContext(ctx context.Context) Actor {
	a, _ := ctx.Value(actorKey).(Actor)
	return a
}

// UserFromContext returns the signed-in user, or nil (also when the
// system acts).
func UserFromContext(ctx context.Context) *User {
	return ActorFromContext(ctx).User
}

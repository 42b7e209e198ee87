package domain

import "fmt"

// Role is what a user may do. Each role has every right of the roles below it.
type Role string

const (
	RoleSupport    Role = "support"
	RoleRep        Role = "rep"
	RoleSupervisor Role = "supervisor"
	RoleAdmin      Role = "admin"
)

// Roles lists the roles from least to most rights.
var Roles = []Role{RoleSupport, RoleRep, RoleSupervisor, RoleAdmin}

func (r Role) rank() int {
	for i, x := range Roles {
		if x == r {
			return i + 1
		}
	}
	return 0
}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return r.rank() > 0 }

// AtLeast reports whether r has every right of min.
func (r Role) AtLeast(min Role) bool { return r.Valid() && r.rank() >= min.rank() }

// ParseRole checks s against the known roles.
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if !r.Valid() {
		return "", FieldErrorRule("Role", RuleOneOf, nil, "Role must be one of support, rep, supervisor, admin; got %q", s)
	}
	return r, nil
}

func (r Role) String() string { return string(r) }

// Title is the role as shown on pages.
func (r Role) Title() string {
	switch r {
	case RoleSupport:
		return "Support"
	case RoleRep:
		return "Provisioning rep"
	case RoleSupervisor:
		return "Supervisor"
	case RoleAdmin:
		return "Administrator"
	}
	return fmt.Sprintf("Unknown (%s)", string(r))
}

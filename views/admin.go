package views

import (
	"strconv"

	"switchboard/domain"
	"switchboard/views/components"
)

// Element ids of the users page.
const (
	IDAdminUsers  = "admin-users"  // the users section
	IDNewUser     = "new-user"     // the form that creates a user
	IDNewToken    = "new-token"    // the form that creates an API token
	IDTokenSecret = "token-secret" // the new token, shown once
)

// AdminUsersVM is the users and API tokens page.
type AdminUsersVM struct {
	Users    []UserRow
	Tokens   []TokenRow
	NewUser  NewUserForm
	NewToken NewTokenForm
}

// UserRow is one user with the forms that change it. Errors are the
// messages of a failed change to this user, by form field.
type UserRow struct {
	ID       int64
	Name     string
	Role     domain.Role
	Disabled bool
	Created  string
	Me       bool // the signed-in administrator
	Errors   components.Errors
}

// NewUserForm is the create-user form as entered (never the password).
type NewUserForm struct {
	Name   string
	Role   string
	Errors components.Errors
}

// NewTokenForm is the create-token form as entered.
type NewTokenForm struct {
	UserID int64
	Name   string
	Errors components.Errors
}

// TokenRow is one API token (never its value: only a hash is kept).
type TokenRow struct {
	ID       int64
	User     string
	Name     string
	Created  string
	LastUsed string
	Revoked  bool
}

// TokenCreatedVM is the page that shows a new token, once.
type TokenCreatedVM struct {
	Token string
	User  string
	Name  string
}

// roleOptions lists the roles for a select, with selected chosen.
func roleOptions(selected string) []components.Option {
	out := make([]components.Option, 0, len(domain.Roles))
	for _, r := range domain.Roles {
		out = append(out, components.Option{Value: string(r), Label: r.Title(), Selected: string(r) == selected})
	}
	return out
}

// tokenUserOptions lists the enabled users a token can be made for.
func tokenUserOptions(users []UserRow, selected int64) []components.Option {
	out := []components.Option{{Value: "", Label: "Choose a user…"}}
	for _, u := range users {
		if u.Disabled {
			continue
		}
		out = append(out, components.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name + " (" + u.Role.Title() + ")", Selected: u.ID == selected})
	}
	return out
}

// userFieldID is the id of a field of one user's row form.
func userFieldID(field string, id int64) string {
	return field + "-" + strconv.FormatInt(id, 10)
}

// userAction is the address a user's row forms post to.
func userAction(id int64) string {
	return "/admin/users/" + strconv.FormatInt(id, 10)
}

// tokenRevokeAction is the address that revokes a token.
func tokenRevokeAction(id int64) string {
	return "/admin/tokens/" + strconv.FormatInt(id, 10) + "/revoke"
}

// rowMessages are a user row's errors that belong to no field shown in the
// row: the general ones, and for the signed-in admin (whose row has no role
// or disable controls) those about role and disabling.
func rowMessages(u UserRow) []string {
	msgs := append([]string(nil), u.Errors[""]...)
	if u.Me {
		msgs = append(msgs, u.Errors["role"]...)
		msgs = append(msgs, u.Errors["disabled"]...)
	}
	return msgs
}

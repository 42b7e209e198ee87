package domain

import (
	"context"
	"strings"
	"time"
)

// User is a person who signs in.
type User struct {
	ID           int64     `db:"id"`
	Name         string    `db:"name"`
	Role         Role      `db:"role"`
	PasswordHash string    `db:"password_hash"`
	Disabled     bool      `db:"disabled"`
	CreatedAt    time.Time `db:"created_at"`
}

// Validate checks the user's name and role.
func (u *User) Validate() error {
	var p Problems
	u.Name = strings.TrimSpace(u.Name)
	p.CheckRule(u.Name != "", "Name", RuleRequired, nil, "Name is required")
	p.CheckRule(len(u.Name) <= 40, "Name", RuleTooLong, kv("Max", "40"), "Name must be at most 40 characters")
	p.CheckRule(!strings.EqualFold(u.Name, SystemName), "Name", RuleNameReserved, kv("Name", SystemName), "The name %s is the history's name for Switchboard itself; choose another", SystemName)
	for _, c := range u.Name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			p.AddRule("Name", RuleNameChars, nil, "Name may hold only letters, digits, '.', '_' and '-'")
			break
		}
	}
	p.CheckRule(u.Role.Valid(), "Role", RuleOneOf, nil, "Role must be one of support, rep, supervisor, admin")
	return p.Err()
}

// APIToken lets a script act as a user. Only a hash of it is stored.
type APIToken struct {
	ID        int64      `db:"id"`
	UserID    int64      `db:"user_id"`
	UserName  string     `db:"user_name"`
	Name      string     `db:"name"`
	Hash      string     `db:"hash"`
	CreatedAt time.Time  `db:"created_at"`
	LastUsed  *time.Time `db:"last_used_at"`
	Revoked   bool       `db:"revoked"`
}

// UserUpdate changes a user; nil fields are left as they are.
type UserUpdate struct {
	Role         *Role
	Disabled     *bool
	PasswordHash *string
}

// UserStore keeps users and API tokens.
type UserStore interface {
	// FindUserByID returns ENOTFOUND if there is no such user.
	FindUserByID(ctx context.Context, id int64) (*User, error)
	// FindUserByName returns ENOTFOUND if there is no such user.
	FindUserByName(ctx context.Context, name string) (*User, error)
	// FindUsers lists every user by name.
	FindUsers(ctx context.Context) ([]*User, error)
	// CreateUser returns ECONFLICT if the name is taken.
	CreateUser(ctx context.Context, u *User) error
	// UpdateUser returns ENOTFOUND if there is no such user.
	UpdateUser(ctx context.Context, id int64, upd UserUpdate) (*User, error)
	// CreateAPIToken stores t (its Hash set by the caller).
	CreateAPIToken(ctx context.Context, t *APIToken) error
	// FindUserByTokenHash returns EUNAUTHORIZED for an unknown or revoked token or a disabled user.
	FindUserByTokenHash(ctx context.Context, hash string) (*User, error)
	// FindAPITokens lists tokens, newest first.
	FindAPITokens(ctx context.Context) ([]*APIToken, error)
	// RevokeAPIToken returns ENOTFOUND if there is no such token.
	RevokeAPIToken(ctx context.Context, id int64) error
}

package domain

import (
	_ "embed"
	"strings"
)

// Password rules: a new password (set on the users page, reset by an
// administrator, or given to `switchboard user add`) is long enough, is not
// one of the most common passwords and is not the user's name.
const (
	PasswordMinLength = 8
	PasswordMaxBytes  = 72 // what bcrypt reads
	// passwordNameMin is the shortest user name a password may not contain.
	passwordNameMin = 3
)

//go:embed common_passwords.txt
var commonPasswordList string

// commonPasswords are the most common passwords, lowercased.
var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonPasswordList, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}()

// ValidatePassword checks a new password for the user named name. The demo
// data set's users keep the password "demo": the demo loader hashes it
// without this check.
func ValidatePassword(name, pw string) error {
	lower, lowerName := strings.ToLower(pw), strings.ToLower(strings.TrimSpace(name))
	switch {
	case len([]rune(pw)) < PasswordMinLength:
		return FieldErrorRule("Password", RulePasswordShort, kv("Min", itoa(PasswordMinLength)), "Password must be at least %d characters", PasswordMinLength)
	case len(pw) > PasswordMaxBytes:
		return FieldErrorRule("Password", RulePasswordLong, kv("Max", itoa(PasswordMaxBytes)), "Password must be at most %d bytes", PasswordMaxBytes)
	case commonPasswords[lower]:
		return FieldErrorRule("Password", RulePasswordCommon, nil, "This password is one of the most common ones and easily guessed; choose another")
	case lowerName != "" && (lower == lowerName || len(lowerName) >= passwordNameMin && strings.Contains(lower, lowerName)):
		return FieldErrorRule("Password", RulePasswordHasName, nil, "Password must not be or contain the user name")
	}
	return nil
}

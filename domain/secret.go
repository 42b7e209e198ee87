package domain

import (
	"encoding/json"
	"log/slog"
	"strings"
)

// Secret holds a value that is never shown, logged or stored in clear
// (SSN, TaxID, PINPassword). Stores encrypt it; views show Masked.
type Secret struct{ v string }

// NewSecret wraps s.
func NewSecret(s string) Secret { return Secret{v: s} }

// Clear is the value itself, for the carrier gateway and the store's cipher only.
func (s Secret) Clear() string { return s.v }

// IsZero reports whether no value is held.
func (s Secret) IsZero() bool { return s.v == "" }

// Masked shows at most the last four characters ("•••••1234"), or "" when empty.
func (s Secret) Masked() string {
	if s.v == "" {
		return ""
	}
	n := len(s.v)
	if n <= 4 {
		return strings.Repeat("•", n)
	}
	return strings.Repeat("•", 5) + s.v[n-4:]
}

// String never reveals the value.
func (s Secret) String() string { return s.Masked() }

// GoString never reveals the value.
func (s Secret) GoString() string { return "domain.Secret{…}" }

// LogValue never reveals the value.
func (s Secret) LogValue() slog.Value { return slog.StringValue("[redacted]") }

// MarshalJSON never reveals the value: secrets are input only.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`null`), nil }

// UnmarshalJSON reads a string.
func (s *Secret) UnmarshalJSON(b []byte) error {
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	s.v = v
	return nil
}

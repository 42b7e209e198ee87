package domain_test

import (
	"strings"
	"testing"

	"switchboard/domain"
)

func TestValidatePassword(t *testing.T) {
	for _, tt := range []struct {
		name, user, pw string
		wantErr        string // part of the message; "" for no error
	}{
		{"OK", "dana", "correct-horse-battery", ""},
		{"OKEightChars", "dana", "k9#vTq2z", ""},
		{"OKMultibyte", "dana", "éèêëēėęě", ""},
		{"OKShortNameInside", "al", "royal-blue-kettle", ""},
		{"ErrShort", "dana", "abc", "at least 8"},
		{"ErrSeven", "dana", "k9#vTq2", "at least 8"},
		{"ErrDemo", "admin", "demo", "at least 8"},
		{"ErrLong", "dana", strings.Repeat("x", 73), "at most 72"},
		{"ErrCommon", "dana", "password", "most common"},
		{"ErrCommonCase", "dana", "PassWord1", "most common"},
		{"ErrCommonDigits", "dana", "12345678", "most common"},
		{"ErrCommonWord", "dana", "iloveyou", "most common"},
		{"ErrCommonQwerty", "dana", "qwerty123", "most common"},
		{"ErrName", "jordan.lee", "jordan.lee", "user name"},
		{"ErrNameCase", "jordan.lee", "JORDAN.LEE", "user name"},
		{"ErrContainsName", "supervisor", "supervisor2026", "user name"},
		{"ErrContainsNameInside", "dana", "my-dana-pass", "user name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := domain.ValidatePassword(tt.user, tt.pw)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ValidatePassword(%q, %q) = %v, want nil", tt.user, tt.pw, err)
				}
				return
			}
			if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), tt.wantErr) {
				t.Fatalf("ValidatePassword(%q, %q) = %v, want EINVALID saying %q", tt.user, tt.pw, err, tt.wantErr)
			}
			if fe := domain.ErrorFields(err); len(fe) != 1 || fe[0].Field != "Password" {
				t.Fatalf("fields=%+v, want one on Password", fe)
			}
		})
	}
}

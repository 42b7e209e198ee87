package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestNewPasswordRules: a new user's password and an administrator's reset
// are refused beside the field when short, common, or the user's name.
func TestNewPasswordRules(t *testing.T) {
	app := webtest.Open(t, nil)
	admin := app.As(domain.RoleAdmin)
	rep := app.Users[domain.RoleRep]
	for _, tt := range []struct {
		name, pw, want string
	}{
		{"Short", "demo", "at least 8"},
		{"Common", "password1", "most common"},
		{"CommonCase", "Sunshine", "most common"},
		{"Name", "test-rep", "user name"},
		{"ContainsName", "my-test-rep-pw", "user name"},
	} {
		t.Run("Create"+tt.name, func(t *testing.T) {
			pw := strings.ReplaceAll(tt.pw, "test-rep", "new.person")
			res := admin.PostForm("/admin/users", url.Values{"name": {"new.person"}, "role": {"rep"}, "password": {pw}})
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if msg, ok := res.Doc().Find("#e-password"); !ok || !strings.Contains(msg.Text(), tt.want) {
				t.Fatalf("error beside the password %q, want it to say %q", msg.Text(), tt.want)
			}
			if _, err := app.DB.FindUserByName(t.Context(), "new.person"); domain.ErrorCode(err) != domain.ENOTFOUND {
				t.Fatalf("user created despite the refused password: %v", err)
			}
		})
		t.Run("Reset"+tt.name, func(t *testing.T) {
			id := strconv.FormatInt(rep.ID, 10)
			res := admin.PostForm("/admin/users/"+id, url.Values{"action": {"password"}, "password": {tt.pw}})
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if msg, ok := res.Doc().Find("#e-password-" + id); !ok || !strings.Contains(msg.Text(), tt.want) {
				t.Fatalf("error beside the password %q, want it to say %q", msg.Text(), tt.want)
			}
			if res := app.Anonymous().PostForm("/login", url.Values{"name": {rep.Name}, "password": {webtest.Password}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("the old password no longer signs in: status %d", res.StatusCode)
			}
		})
	}
}

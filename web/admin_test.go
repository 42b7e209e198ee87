package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/auth"
	"switchboard/web/webtest"
)

func userPath(u *domain.User) string { return "/admin/users/" + strconv.FormatInt(u.ID, 10) }

// followFlash follows a 303 and returns the text of the flash messages on the page it leads to.
func followFlash(t *testing.T, c *webtest.Client, res *webtest.Response) string {
	t.Helper()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303: %.500s", res.StatusCode, res.Text)
	}
	loc := res.Header.Get("Location")
	if loc != "/admin/users" {
		t.Fatalf("Location %q, want /admin/users", loc)
	}
	var msgs []string
	for _, f := range c.Get(loc).Doc().FindAll("#flash .sb-flash") {
		msgs = append(msgs, f.Text())
	}
	return strings.Join(msgs, " | ")
}

func TestAdminUsersPage(t *testing.T) {
	app := webtest.Open(t, nil)
	admin := app.As(domain.RoleAdmin)

	t.Run("Plain", func(t *testing.T) {
		res := admin.Get("/admin/users")
		if res.StatusCode != http.StatusOK || isFragment(res) {
			t.Fatalf("status %d, fragment %v", res.StatusCode, isFragment(res))
		}
		doc := res.Doc()
		rows := doc.FindAll("#user-rows tr")
		if got, want := len(rows), len(domain.Roles); got != want {
			t.Fatalf("%d user rows, want %d", got, want)
		}
		me := app.Users[domain.RoleAdmin]
		var mine webtest.Node
		for _, r := range rows {
			if r.Attr("id") == "user-"+strconv.FormatInt(me.ID, 10) {
				mine = r
			}
		}
		if !strings.Contains(mine.Text(), "(you)") {
			t.Error("the signed-in admin's row is not marked")
		}
		if mine.Has("input[name=action][value=disabled]") || mine.Has("select[name=role]") {
			t.Error("the admin is offered to disable themself or change their own role")
		}
		rep := app.Users[domain.RoleRep]
		action := userPath(rep)
		for _, sel := range []string{
			"form[action='" + action + "'] input[name=action][value=role]",
			"form[action='" + action + "'] select[name=role]",
			"form[action='" + action + "'] input[name=action][value=password]",
			"form[action='" + action + "'] input[type=password][name=password]",
			"form[action='" + action + "'][data-confirm] input[name=action][value=disabled]",
			"form[action='/admin/users'][method=post] input[name=name]",
			"form[action='/admin/users'] select[name=role]",
			"form[action='/admin/users'] input[type=password][name=password]",
			"form[action='/admin/tokens'][method=post] select[name=user_id]",
			"form[action='/admin/tokens'] input[name=token_name]",
			"#token-list form[data-confirm][action$='/revoke'] button",
		} {
			if !doc.Has(sel) {
				t.Errorf("no %s", sel)
			}
		}
		// The test tokens are listed, by user and name, never by value.
		if got := len(doc.FindAll("#token-list tbody tr")); got != len(domain.Roles) {
			t.Errorf("%d tokens listed, want %d", got, len(domain.Roles))
		}
		for _, tok := range app.Tokens {
			if strings.Contains(res.Text, tok) {
				t.Error("a token's value is on the page")
			}
		}
		for _, u := range app.Users {
			if strings.Contains(res.Text, u.PasswordHash) {
				t.Error("a password hash is on the page")
			}
		}
	})

	t.Run("HTMX", func(t *testing.T) {
		res := admin.Get("/admin/users", "HX-Request", "true")
		if res.StatusCode != http.StatusOK || !isFragment(res) {
			t.Fatalf("status %d, fragment %v", res.StatusCode, isFragment(res))
		}
		if doc := res.Doc(); !doc.Has("#user-rows") || !doc.Has("#token-list") || doc.Has("header.sb-top") {
			t.Error("fragment is not the users and tokens sections alone")
		}
	})

	t.Run("ErrNotAdmin", func(t *testing.T) {
		for _, role := range []domain.Role{domain.RoleSupport, domain.RoleRep, domain.RoleSupervisor} {
			c := app.As(role)
			if res := c.Get("/admin/users"); res.StatusCode != http.StatusForbidden {
				t.Errorf("GET as %s: status %d, want 403", role, res.StatusCode)
			}
			res := c.PostForm("/admin/users", url.Values{"name": {"sneaky"}, "role": {"admin"}, "password": {"sneaky-pass"}})
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("POST as %s: status %d, want 403", role, res.StatusCode)
			}
		}
		if _, err := app.DB.FindUserByName(context.Background(), "sneaky"); domain.ErrorCode(err) != domain.ENOTFOUND {
			t.Error("a non-admin created a user")
		}
	})
}

func TestUserCreate(t *testing.T) {
	app := webtest.Open(t, nil)
	admin := app.As(domain.RoleAdmin)
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		res := admin.PostForm("/admin/users", url.Values{"name": {"jane.doe"}, "role": {"rep"}, "password": {"s3cret-pw"}})
		if flash := followFlash(t, admin, res); !strings.Contains(flash, "jane.doe") {
			t.Errorf("flash %q does not name the user", flash)
		}
		u, err := app.DB.FindUserByName(ctx, "jane.doe")
		if err != nil {
			t.Fatal(err)
		}
		if u.Role != domain.RoleRep || u.Disabled {
			t.Errorf("role %s disabled %v", u.Role, u.Disabled)
		}
		if !(auth.Bcrypt{}).Check(u.PasswordHash, "s3cret-pw") || strings.Contains(u.PasswordHash, "s3cret-pw") {
			t.Error("the password is not stored as a bcrypt hash")
		}
		// The new user can sign in.
		c := app.Anonymous()
		if res := c.PostForm("/login", url.Values{"name": {"jane.doe"}, "password": {"s3cret-pw"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("new user's sign-in: status %d", res.StatusCode)
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		before := fxCount(t, app, "users", "")
		res := admin.PostForm("/admin/users", url.Values{"name": {hostileScript}, "role": {"emperor"}, "password": {"abc"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		assertNoInjectedMarkup(t, "create user", res)
		doc := res.Doc()
		for _, f := range []string{"name", "role", "password"} {
			in, ok := doc.Find("#f-" + f)
			if !ok {
				t.Fatalf("no field %s", f)
			}
			if in.Attr("aria-invalid") != "true" || in.Attr("aria-describedby") != "e-"+f {
				t.Errorf("field %s is not marked invalid: %s", f, in.HTML())
			}
			if msg, ok := doc.Find("#e-" + f + ".sb-field-error"); !ok || msg.Text() == "" {
				t.Errorf("no error message beside %s", f)
			}
		}
		if in, _ := doc.Find("#f-name"); in.Attr("value") != hostileScript {
			t.Errorf("the name typed is not kept: %q", in.Attr("value"))
		}
		if in, _ := doc.Find("#f-password"); in.Attr("value") != "" {
			t.Error("the password is echoed back into the form")
		}
		if strings.Contains(res.Text, "abc\"") {
			t.Error("the password appears in the answer")
		}
		if d, ok := doc.Find("details#new-user"); !ok || !d.HasAttr("open") {
			t.Error("the create form with errors is not open")
		}
		if got := fxCount(t, app, "users", ""); got != before {
			t.Errorf("%d users, want %d: bad input created one", got, before)
		}
	})

	t.Run("ErrMissing", func(t *testing.T) {
		res := admin.PostForm("/admin/users", url.Values{"role": {"rep"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		doc := res.Doc()
		if !doc.Has("#e-name") || !doc.Has("#e-password") || doc.Has("#e-role") {
			t.Error("want errors beside name and password only")
		}
		if sel, _ := doc.Find("#f-role option[selected]"); sel.Attr("value") != "rep" {
			t.Error("the role chosen is not kept")
		}
	})

	t.Run("ErrConflict", func(t *testing.T) {
		res := admin.PostForm("/admin/users", url.Values{"name": {"test-rep"}, "role": {"rep"}, "password": {"another-pw"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		if msg, ok := res.Doc().Find("#e-name"); !ok || !strings.Contains(msg.Text(), "already exists") {
			t.Error("no 'already exists' beside the name")
		}
		if u, _ := app.DB.FindUserByName(ctx, "test-rep"); !(auth.Bcrypt{}).Check(u.PasswordHash, webtest.Password) {
			t.Error("the existing user's password changed")
		}
	})
}

func TestUserUpdate(t *testing.T) {
	app := webtest.Open(t, nil)
	admin := app.As(domain.RoleAdmin)
	ctx := context.Background()
	me := app.Users[domain.RoleAdmin]
	rep := app.Users[domain.RoleRep]
	reload := func(u *domain.User) *domain.User {
		t.Helper()
		got, err := app.DB.FindUserByID(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	t.Run("ChangeRole", func(t *testing.T) {
		repSession := app.As(domain.RoleRep)
		flash := followFlash(t, admin, admin.PostForm(userPath(rep), url.Values{"action": {"role"}, "role": {"supervisor"}}))
		if !strings.Contains(flash, "Supervisor") {
			t.Errorf("flash %q", flash)
		}
		if got := reload(rep).Role; got != domain.RoleSupervisor {
			t.Errorf("role %s, want supervisor", got)
		}
		if res := repSession.Get("/customers"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("the user's old session still works after a role change: %d", res.StatusCode)
		}
		followFlash(t, admin, admin.PostForm(userPath(rep), url.Values{"action": {"role"}, "role": {"rep"}}))
	})

	t.Run("DisableAndEnable", func(t *testing.T) {
		flash := followFlash(t, admin, admin.PostForm(userPath(rep), url.Values{"action": {"disabled"}, "disabled": {"true"}}))
		if !strings.Contains(flash, "disabled") {
			t.Errorf("flash %q", flash)
		}
		if !reload(rep).Disabled {
			t.Fatal("not disabled")
		}
		if res := app.API(domain.RoleRep, http.MethodGet, "/api/carriers", ""); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("a disabled user's token still works: %d", res.StatusCode)
		}
		row, _ := admin.Get("/admin/users").Doc().Find("#user-" + strconv.FormatInt(rep.ID, 10))
		if !row.Has(".sb-badge-bad") || !row.Has("input[name=disabled][value=false]") {
			t.Error("a disabled user's row shows no badge or no Enable button")
		}
		followFlash(t, admin, admin.PostForm(userPath(rep), url.Values{"action": {"disabled"}, "disabled": {"false"}}))
		if reload(rep).Disabled {
			t.Error("not enabled again")
		}
	})

	t.Run("ResetPassword", func(t *testing.T) {
		flash := followFlash(t, admin, admin.PostForm(userPath(rep), url.Values{"action": {"password"}, "password": {"brand-new-pw"}}))
		if !strings.Contains(flash, "reset") {
			t.Errorf("flash %q", flash)
		}
		if !(auth.Bcrypt{}).Check(reload(rep).PasswordHash, "brand-new-pw") {
			t.Error("password not changed")
		}
		if res := app.Anonymous().PostForm("/login", url.Values{"name": {rep.Name}, "password": {"brand-new-pw"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("sign-in with the new password: %d", res.StatusCode)
		}
	})

	t.Run("ResetOwnPasswordKeepsThisSession", func(t *testing.T) {
		c := app.As(domain.RoleAdmin)
		followFlash(t, c, c.PostForm(userPath(me), url.Values{"action": {"password"}, "password": {webtest.Password}}))
		if res := c.Get("/admin/users"); res.StatusCode != http.StatusOK {
			t.Errorf("after changing their own password the admin is signed out here: %d", res.StatusCode)
		}
		if res := admin.Get("/admin/users"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("the admin's other session survives a password change: %d", res.StatusCode)
		}
		admin = c
	})

	t.Run("ErrDisableSelf", func(t *testing.T) {
		res := admin.PostForm(userPath(me), url.Values{"action": {"disabled"}, "disabled": {"true"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		if msg, ok := res.Doc().Find("#user-" + strconv.FormatInt(me.ID, 10) + " .sb-field-error"); !ok || !strings.Contains(msg.Text(), "cannot disable your own") {
			t.Errorf("no clear error in the admin's row: %q", msg.Text())
		}
		if reload(me).Disabled {
			t.Error("the admin disabled themself")
		}
	})

	t.Run("ErrRemoveOwnAdmin", func(t *testing.T) {
		res := admin.PostForm(userPath(me), url.Values{"action": {"role"}, "role": {"rep"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		if !strings.Contains(res.Doc().Text(), "cannot remove your own administrator role") {
			t.Error("no clear error")
		}
		if reload(me).Role != domain.RoleAdmin {
			t.Error("the admin removed their own admin role")
		}
	})

	t.Run("ErrBadInput", func(t *testing.T) {
		before := reload(rep)
		for name, form := range map[string]url.Values{
			"role":     {"action": {"role"}, "role": {"king"}},
			"password": {"action": {"password"}, "password": {"ab"}},
			"disabled": {"action": {"disabled"}, "disabled": {"maybe"}},
		} {
			res := admin.PostForm(userPath(rep), form)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d, want 422", name, res.StatusCode)
				continue
			}
			id := "e-" + name + "-" + strconv.FormatInt(rep.ID, 10)
			if msg, ok := res.Doc().Find("#" + id); !ok || msg.Text() == "" {
				t.Errorf("%s: no error beside the field (#%s)", name, id)
			}
			if name != "disabled" {
				if in, _ := res.Doc().Find("#f-" + name + "-" + strconv.FormatInt(rep.ID, 10)); in.Attr("aria-invalid") != "true" {
					t.Errorf("%s: field not marked invalid", name)
				}
			}
			if strings.Contains(res.Text, `value="ab"`) {
				t.Error("the password is echoed back")
			}
		}
		res := admin.PostForm(userPath(rep), url.Values{"action": {"promote"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("unknown action: status %d, want 422", res.StatusCode)
		}
		after := reload(rep)
		if after.Role != before.Role || after.Disabled != before.Disabled || after.PasswordHash != before.PasswordHash {
			t.Error("bad input changed the user")
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		if res := admin.PostForm("/admin/users/999999", url.Values{"action": {"disabled"}, "disabled": {"true"}}); res.StatusCode != http.StatusNotFound {
			t.Errorf("status %d, want 404", res.StatusCode)
		}
	})
}

func TestAPITokens(t *testing.T) {
	app := webtest.Open(t, nil)
	admin := app.As(domain.RoleAdmin)
	ctx := context.Background()
	support := app.Users[domain.RoleSupport]

	var token string
	t.Run("CreateShownOnce", func(t *testing.T) {
		before := fxCount(t, app, "api_tokens", "")
		res := admin.PostForm("/admin/tokens", url.Values{"user_id": {strconv.FormatInt(support.ID, 10)}, "token_name": {"nightly export"}})
		// Post/redirect/get: the token is not in the answer to the post, nor in the address it redirects to.
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/tokens/created" {
			t.Fatalf("status %d to %q, want 303 to /admin/tokens/created", res.StatusCode, res.Header.Get("Location"))
		}
		res = admin.Get("/admin/tokens/created")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %.500s", res.StatusCode, res.Text)
		}
		if !res.Doc().Has("button#token-copy[data-copy=token-secret]") {
			t.Error("no copy button")
		}
		if got := res.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("Cache-Control %q, want no-store", got)
		}
		doc := res.Doc()
		box, ok := doc.Find(".sb-secret#token-secret")
		if !ok {
			t.Fatal("no .sb-secret box")
		}
		token = box.Text()
		if !strings.HasPrefix(token, auth.TokenPrefix) || len(token) < 40 {
			t.Fatalf("token %q", token)
		}
		if !strings.Contains(doc.Text(), "Copy it now, it will not be shown again") {
			t.Error("no warning that the token is shown once")
		}
		if got := fxCount(t, app, "api_tokens", ""); got != before+1 {
			t.Fatalf("%d tokens, want %d", got, before+1)
		}
		// Only the hash is stored.
		if n := fxCount(t, app, "api_tokens", "hash = ?", auth.HashToken(token)); n != 1 {
			t.Error("the token's hash is not stored")
		}
		if n := fxCount(t, app, "api_tokens", "hash = ? OR name = ?", token, token); n != 0 {
			t.Error("the token is stored in clear")
		}
		u, err := app.DB.FindUserByTokenHash(ctx, auth.HashToken(token))
		if err != nil || u.ID != support.ID {
			t.Fatalf("token acts as %v (%v), want %s", u, err, support.Name)
		}
		// It works, with the user's role.
		if res := app.Anonymous().Do(http.MethodGet, "/api/carriers", nil, "Authorization", "Bearer "+token); res.StatusCode != http.StatusOK {
			t.Errorf("the new token is refused: %d", res.StatusCode)
		}
		// A reload shows it no more, and makes no second token.
		again := admin.Get("/admin/tokens/created")
		if again.StatusCode != http.StatusSeeOther || strings.Contains(again.Text, token) {
			t.Errorf("reload: status %d, want 303 back to the list, without the token", again.StatusCode)
		}
		if got := fxCount(t, app, "api_tokens", ""); got != before+1 {
			t.Errorf("after a reload %d tokens, want %d", got, before+1)
		}
		// It is never shown again.
		list := admin.Get("/admin/users")
		if !strings.Contains(list.Doc().Text(), "shown only once") {
			t.Error("the list does not say why the token is not shown again")
		}
		if strings.Contains(list.Text, token) {
			t.Error("the token is shown again on the users page")
		}
		if !strings.Contains(list.Doc().Text(), "nightly export") {
			t.Error("the token is not listed by name")
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		before := fxCount(t, app, "api_tokens", "")
		res := admin.PostForm("/admin/tokens", url.Values{"user_id": {""}, "token_name": {""}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		doc := res.Doc()
		if !doc.Has("#e-user_id") || !doc.Has("#e-token_name") || doc.Has(".sb-secret") {
			t.Error("want errors beside user and name, and no token")
		}
		if d, _ := doc.Find("details#new-token"); !d.HasAttr("open") {
			t.Error("the token form with errors is not open")
		}
		res = admin.PostForm("/admin/tokens", url.Values{"user_id": {"999999"}, "token_name": {hostileImg}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("unknown user: status %d, want 422", res.StatusCode)
		}
		assertNoInjectedMarkup(t, "token form", res)
		if in, _ := res.Doc().Find("#f-token_name"); in.Attr("value") != hostileImg {
			t.Error("the name typed is not kept")
		}
		if got := fxCount(t, app, "api_tokens", ""); got != before {
			t.Error("bad input created a token")
		}
	})

	t.Run("ErrDisabledUser", func(t *testing.T) {
		sup := app.Users[domain.RoleSupervisor]
		disabled := true
		if _, err := app.DB.UpdateUser(ctx, sup.ID, domain.UserUpdate{Disabled: &disabled}); err != nil {
			t.Fatal(err)
		}
		res := admin.PostForm("/admin/tokens", url.Values{"user_id": {strconv.FormatInt(sup.ID, 10)}, "token_name": {"x"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Doc().Text(), "is disabled") {
			t.Errorf("status %d, want 422 saying the user is disabled", res.StatusCode)
		}
	})

	t.Run("HostileNameEscaped", func(t *testing.T) {
		res := admin.PostForm("/admin/tokens", url.Values{"user_id": {strconv.FormatInt(support.ID, 10)}, "token_name": {hostileScript}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		assertNoInjectedMarkup(t, "token created", admin.Get("/admin/tokens/created"))
		assertNoInjectedMarkup(t, "users page", admin.Get("/admin/users"))
	})

	t.Run("Revoke", func(t *testing.T) {
		ts, _ := app.DB.FindAPITokens(ctx)
		var id int64
		for _, tk := range ts {
			if tk.Name == "nightly export" {
				id = tk.ID
			}
		}
		path := "/admin/tokens/" + strconv.FormatInt(id, 10) + "/revoke"
		if !admin.Get("/admin/users").Doc().Has("form[action='" + path + "'][data-confirm]") {
			t.Error("no revoke form with a confirmation")
		}
		flash := followFlash(t, admin, admin.PostForm(path, nil))
		if !strings.Contains(flash, "nightly export") || !strings.Contains(flash, "revoked") {
			t.Errorf("flash %q", flash)
		}
		if res := app.Anonymous().Do(http.MethodGet, "/api/carriers", nil, "Authorization", "Bearer "+token); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("a revoked token still works: %d", res.StatusCode)
		}
		if admin.Get("/admin/users").Doc().Has("form[action='" + path + "']") {
			t.Error("a revoked token still offers Revoke")
		}
		// Again: a clear message, not an error page.
		if flash := followFlash(t, admin, admin.PostForm(path, nil)); !strings.Contains(flash, "revoked already") {
			t.Errorf("second revoke flash %q", flash)
		}
	})

	t.Run("ErrNotAdmin", func(t *testing.T) {
		rep := app.As(domain.RoleRep)
		if res := rep.PostForm("/admin/tokens", url.Values{"user_id": {strconv.FormatInt(app.Users[domain.RoleRep].ID, 10)}, "token_name": {"mine"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("rep creates a token: %d", res.StatusCode)
		}
	})
}

// TestPromoteToAdminAsks: making a user an administrator asks first, as
// disabling one does (static/app.js reads data-confirm on the chosen option).
func TestPromoteToAdminAsks(t *testing.T) {
	app := webtest.Open(t, nil)
	u := app.Users[domain.RoleRep]
	doc := app.As(domain.RoleAdmin).Get("/admin/users").Doc()
	row, ok := doc.Find("tr#user-" + strconv.FormatInt(u.ID, 10))
	if !ok {
		t.Fatal("no row for the rep")
	}
	if o, ok := row.Find("select[name=role] option[value=admin][data-confirm]"); !ok || !strings.Contains(o.Attr("data-confirm"), "administrator") {
		t.Errorf("choosing administrator does not ask first: %s", row.HTML())
	}
	if row.Has("select[name=role] option[value=rep][data-confirm]") {
		t.Error("keeping the role asks for confirmation")
	}
}

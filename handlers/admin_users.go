package handlers

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
	"switchboard/web/auth"
)

// The users page's form field names, and the domain fields they stand for.
const (
	fieldUserName  = "name"
	fieldUserRole  = "role"
	fieldPassword  = "password"
	fieldDisabled  = "disabled"
	fieldTokenUser = "user_id"
	fieldTokenName = "token_name"
)

// HandleAdminUsers lists users and API tokens with the forms that change them.
func (h *Handlers) HandleAdminUsers(w http.ResponseWriter, r *http.Request) error {
	vm, err := h.adminUsersVM(r.Context())
	if err != nil {
		return err
	}
	return h.renderAdminUsers(w, r, http.StatusOK, vm)
}

// HandleUserCreate adds a user. Bad input shows the form again with the
// errors beside the fields (422) and creates nothing.
func (h *Handlers) HandleUserCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	ctx := r.Context()
	form := views.NewUserForm{Name: strings.TrimSpace(r.PostForm.Get(fieldUserName)), Role: r.PostForm.Get(fieldUserRole)}
	pw := r.PostForm.Get(fieldPassword)
	u := &domain.User{Name: form.Name, Role: domain.Role(form.Role)}
	var p domain.Problems
	if err := p.Merge(u.Validate()); err != nil {
		return err
	}
	if pw == "" {
		p.AddRule("Password", domain.RuleRequired, nil, "Password is required")
	} else if err := p.Merge(domain.ValidatePassword(u.Name, pw)); err != nil {
		return err
	}
	err := p.Err()
	if err == nil {
		var hash string
		if hash, err = h.Passwords.Hash(pw); err != nil {
			return err
		}
		u.PasswordHash = hash
		err = h.Store.CreateUser(ctx, u)
	}
	if err != nil {
		form.Errors = formErrors(err, map[string]string{"Name": fieldUserName, "Role": fieldUserRole, "Password": fieldPassword}, fieldUserName)
		if form.Errors == nil {
			return err
		}
		return h.renderAdminRefused(w, r, func(vm *views.AdminUsersVM) { vm.NewUser = form })
	}
	h.Log.InfoContext(ctx, "user created", "user", u.Name, "role", u.Role, "by", actorName(ctx))
	h.flash(w, r, "ok", "User "+u.Name+" added as "+u.Role.Title()+".")
	return redirect(w, r, "/admin/users")
}

// HandleUserUpdate changes one thing about a user, named by the form's
// action field: its role, whether it is disabled, its password, or its
// sessions (signed out everywhere). An
// administrator cannot disable themself or give up their own admin role.
func (h *Handlers) HandleUserUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := postedTo(r, "User")
	if err != nil {
		return err
	}
	ctx := r.Context()
	target, err := h.Store.FindUserByID(ctx, id)
	if err != nil {
		return err
	}
	me := domain.UserFromContext(ctx)
	self := me != nil && me.ID == target.ID

	var upd domain.UserUpdate
	var msg string
	fail := func(field, format string, args ...any) error {
		return domain.FieldErrorf(field, format, args...)
	}
	switch action := r.PostForm.Get("action"); action {
	case "role":
		role, perr := domain.ParseRole(r.PostForm.Get(fieldUserRole))
		switch {
		case perr != nil:
			err = fail(fieldUserRole, "Choose one of the roles: support, rep, supervisor, admin.")
		case self && role != domain.RoleAdmin:
			err = fail(fieldUserRole, "You cannot remove your own administrator role. Ask another administrator to do it.")
		default:
			upd.Role = &role
			msg = target.Name + " is now " + role.Title() + "."
			if role != target.Role {
				msg += " They were signed out and sign in again with the new role."
			}
		}
	case "disabled":
		disabled, perr := strconv.ParseBool(r.PostForm.Get(fieldDisabled))
		switch {
		case perr != nil:
			err = fail(fieldDisabled, "Say whether the user is disabled: true or false.")
		case self && disabled:
			err = fail(fieldDisabled, "You cannot disable your own account. Ask another administrator to do it.")
		default:
			upd.Disabled = &disabled
			if disabled {
				msg = target.Name + " is disabled: signed out everywhere, and their API tokens no longer work."
			} else {
				msg = target.Name + " is enabled again and can sign in. Their old API tokens stay revoked: make a new one if a script needs it."
			}
		}
	case "password":
		pw := r.PostForm.Get(fieldPassword)
		if pw == "" {
			err = fail(fieldPassword, "Enter the new password.")
		} else if verr := domain.ValidatePassword(target.Name, pw); verr != nil {
			err = fail(fieldPassword, "%s", components.SayError(verr))
		} else {
			hash, herr := h.Passwords.Hash(pw)
			if herr != nil {
				return herr
			}
			upd.PasswordHash = &hash
			msg = "The password of " + target.Name + " was reset; they were signed out everywhere."
			if self {
				msg = "Your password was changed. Your other sessions were signed out."
			}
		}
	case "sessions":
		n, serr := h.Store.DeleteUserSessions(ctx, id)
		if serr != nil {
			return serr
		}
		h.Log.InfoContext(ctx, "sessions ended", "user", target.Name, "sessions", n, "by", actorName(ctx))
		if self {
			if err := h.Sessions.SignOut(w, r); err != nil {
				return err
			}
			return redirect(w, r, "/login")
		}
		h.flash(w, r, "ok", target.Name+" is signed out everywhere ("+plural(n, "session")+" ended). They can sign in again.")
		return redirect(w, r, "/admin/users")
	default:
		err = fail("", "Choose what to change: role, disabled, password or sessions.")
	}
	if err == nil {
		var updated *domain.User
		if updated, err = h.Store.UpdateUser(ctx, id, upd); err == nil {
			if self && upd.PasswordHash != nil {
				// A new password ends every session, this one too; start a fresh one here.
				if err := h.Sessions.SignIn(w, r, updated); err != nil {
					return err
				}
			}
			h.Log.InfoContext(ctx, "user changed", "user", target.Name, "action", r.PostForm.Get("action"), "by", actorName(ctx))
			h.flash(w, r, "ok", msg)
			return redirect(w, r, "/admin/users")
		}
	}
	errs := formErrors(err, map[string]string{"Role": fieldUserRole, "Disabled": fieldDisabled, "Password": fieldPassword}, "")
	if errs == nil {
		return err
	}
	return h.renderAdminRefused(w, r, func(vm *views.AdminUsersVM) {
		for i := range vm.Users {
			if vm.Users[i].ID == id {
				vm.Users[i].Errors = errs
			}
		}
	})
}

// HandleTokenCreate makes an API token for a user and shows it once. Only
// its hash is stored, so the answer is the one time it can be copied.
func (h *Handlers) HandleTokenCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	ctx := r.Context()
	form := views.NewTokenForm{Name: strings.TrimSpace(r.PostForm.Get(fieldTokenName))}
	var p domain.Problems
	var owner *domain.User
	if s := strings.TrimSpace(r.PostForm.Get(fieldTokenUser)); s == "" {
		p.Add(fieldTokenUser, "Choose the user the token acts as.")
	} else if id, err := strconv.ParseInt(s, 10, 64); err != nil || id <= 0 {
		p.Add(fieldTokenUser, "Choose the user the token acts as.")
	} else {
		form.UserID = id
		u, err := h.Store.FindUserByID(ctx, id)
		switch {
		case domain.ErrorCode(err) == domain.ENOTFOUND:
			p.Add(fieldTokenUser, "That user does not exist (any more).")
		case err != nil:
			return err
		case u.Disabled:
			p.Add(fieldTokenUser, "%s is disabled; enable the user before making a token for them.", u.Name)
		default:
			owner = u
		}
	}
	p.Check(form.Name != "", fieldTokenName, "Name the token: say what will use it.")
	p.Check(len(form.Name) <= 60, fieldTokenName, "The name must be at most 60 characters.")
	err := p.Err()
	var token string
	if err == nil {
		var hash string
		token, hash = auth.NewToken()
		err = h.Store.CreateAPIToken(ctx, &domain.APIToken{UserID: owner.ID, Name: form.Name, Hash: hash})
	}
	if err != nil {
		form.Errors = formErrors(err, map[string]string{"Name": fieldTokenName, "User": fieldTokenUser}, "")
		if form.Errors == nil {
			return err
		}
		return h.renderAdminRefused(w, r, func(vm *views.AdminUsersVM) { vm.NewToken = form })
	}
	h.Log.InfoContext(ctx, "api token created", "user", owner.Name, "name", form.Name, "by", actorName(ctx))
	// Post/redirect/get: a reload of the next page makes no second token.
	h.Sessions.Flash(w, r, Flash{Kind: "token", Token: &NewToken{Value: token, User: owner.Name, Name: form.Name}})
	return redirect(w, r, tokenCreatedPath)
}

const tokenCreatedPath = "/admin/tokens/created"

// HandleTokenCreated shows the token just created, once: it came over the
// redirect in the session, which forgets it now. A reload finds it gone
// and goes back to the list.
func (h *Handlers) HandleTokenCreated(w http.ResponseWriter, r *http.Request) error {
	var vm *views.TokenCreatedVM
	var rest []Flash
	for _, f := range h.Sessions.Flashes(w, r) {
		if f.Token != nil {
			vm = &views.TokenCreatedVM{Token: f.Token.Value, User: f.Token.User, Name: f.Token.Name}
		} else if f.Message != "" {
			rest = append(rest, f)
		}
	}
	if vm == nil {
		h.flash(w, r, "info", "A new token is shown only once, just after it is made. Make another if it was not copied, and revoke the old one.")
		return redirect(w, r, "/admin/users#"+views.IDTokenList)
	}
	for _, f := range rest {
		h.flash(w, r, f.Kind, f.Message)
	}
	// The token is in this answer only: never cache it, never keep it.
	w.Header().Set("Cache-Control", "no-store")
	return h.render(w, r, http.StatusOK, views.TokenCreatedPage(h.shell(w, r, "API token created"), *vm), views.TokenCreated(*vm))
}

// HandleTokenRevoke revokes an API token: requests with it are refused from now on.
func (h *Handlers) HandleTokenRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Token")
	if err != nil {
		return err
	}
	ctx := r.Context()
	what := "The token"
	if ts, err := h.Store.FindAPITokens(ctx); err == nil {
		for _, t := range ts {
			if t.ID == id {
				what = "The token “" + t.Name + "” of " + t.UserName
			}
		}
	}
	if err := h.Store.RevokeAPIToken(ctx, id); err != nil {
		if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		h.flash(w, r, "error", "That token does not exist or was revoked already.")
		return redirect(w, r, "/admin/users")
	}
	h.Log.InfoContext(ctx, "api token revoked", "token_id", id, "by", actorName(ctx))
	h.flash(w, r, "ok", what+" is revoked; requests with it are refused from now on.")
	return redirect(w, r, "/admin/users")
}

// renderAdminRefused shows the page again (422) for a change it refused,
// with show putting the form and its errors in place.
func (h *Handlers) renderAdminRefused(w http.ResponseWriter, r *http.Request, show func(*views.AdminUsersVM)) error {
	vm, err := h.adminUsersVM(r.Context())
	if err != nil {
		return err
	}
	show(&vm)
	return h.renderAdminUsers(w, r, http.StatusUnprocessableEntity, vm)
}

// adminUsersVM loads the users and tokens the page lists.
func (h *Handlers) adminUsersVM(ctx context.Context) (views.AdminUsersVM, error) {
	var vm views.AdminUsersVM
	us, err := h.Store.FindUsers(ctx)
	if err != nil {
		return vm, err
	}
	me := domain.UserFromContext(ctx)
	for _, u := range us {
		vm.Users = append(vm.Users, views.UserRow{ID: u.ID, Name: u.Name, Role: u.Role, Disabled: u.Disabled,
			Created: u.CreatedAt.UTC().Format("Jan 2, 2006"), Me: me != nil && me.ID == u.ID})
	}
	ts, err := h.Store.FindAPITokens(ctx)
	if err != nil {
		return vm, err
	}
	for _, t := range ts {
		row := views.TokenRow{ID: t.ID, User: t.UserName, Name: t.Name, Created: shortTime(t.CreatedAt), Revoked: t.Revoked}
		if t.LastUsed != nil {
			row.LastUsed = shortTime(*t.LastUsed)
		}
		vm.Tokens = append(vm.Tokens, row)
	}
	vm.NewUser.Role = string(domain.RoleSupport)
	return vm, nil
}

func (h *Handlers) renderAdminUsers(w http.ResponseWriter, r *http.Request, status int, vm views.AdminUsersVM) error {
	return h.render(w, r, status, views.AdminUsersPage(h.shell(w, r, "Users and API tokens"), vm), views.AdminUsersBody(vm))
}

// formErrors turns an EINVALID or ECONFLICT error into messages by form
// field (the domain's field names renamed by names); a conflict goes to
// conflictField. Any other error gives nil: the caller returns it.
func formErrors(err error, names map[string]string, conflictField string) components.Errors {
	switch domain.ErrorCode(err) {
	case domain.EINVALID:
	case domain.ECONFLICT:
		return components.Errors{conflictField: {components.SayError(err)}}
	default:
		return nil
	}
	out := components.Errors{}
	fs := domain.ErrorFields(err)
	if len(fs) == 0 {
		out[""] = append(out[""], components.SayError(err))
	}
	for _, f := range fs {
		name, ok := names[f.Field]
		if !ok {
			name = f.Field
		}
		out[name] = append(out[name], components.Say(f))
	}
	return out
}

// actorName is the signed-in user's name, for logs.
func actorName(ctx context.Context) string { return domain.ActorFromContext(ctx).Name() }

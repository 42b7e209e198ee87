package handlers

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"switchboard/domain"
	"switchboard/views"
)

// HandleLoginForm shows the sign-in form.
func (h *Handlers) HandleLoginForm(w http.ResponseWriter, r *http.Request) error {
	vm := views.LoginVM{Next: safeNext(r.URL.Query().Get("next"))}
	return h.render(w, r, http.StatusOK, views.LoginPage(h.shell(w, r, "Sign in"), vm), nil)
}

// HandleLogin checks a name and password and starts a session. Failures
// are counted per name and per client address: past a few they are
// answered slowly, and past the limit refused for a while with 429.
func (h *Handlers) HandleLogin(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read.")
	}
	ctx := r.Context()
	vm := views.LoginVM{Name: strings.TrimSpace(r.PostForm.Get("name")), Next: safeNext(r.PostForm.Get("next"))}
	pw := r.PostForm.Get("password")
	show := func(status int, msg string) error {
		vm.Error = msg
		return h.render(w, r, status, views.LoginPage(h.shell(w, r, "Sign in"), vm), nil)
	}
	if vm.Name == "" || pw == "" {
		return show(http.StatusUnprocessableEntity, "Enter your user name and password.")
	}
	if len(vm.Name) > 100 || len(pw) > 200 {
		return show(http.StatusUnprocessableEntity, "User name or password is incorrect.")
	}
	userKey := domain.SignInKey{Key: "user:" + strings.ToLower(vm.Name), Limit: domain.SignInUserLimit}
	clientKey := domain.SignInKey{Key: "client:" + clientIP(r), Limit: domain.SignInClientLimit}
	keys := []domain.SignInKey{userKey, clientKey}
	tooMany := func(until time.Time) error {
		left := time.Until(until)
		w.Header().Set("Retry-After", itoa64(int64(left.Seconds())+1))
		return show(http.StatusTooManyRequests, "Too many failed sign-ins. Try again in "+plural(int(left.Minutes())+1, "minute")+", or ask an administrator to reset your password.")
	}
	// The attempt is counted before the password is checked, so guesses
	// sent at once are held to the limit as if sent one by one.
	turn, err := h.Store.TakeSignInAttempt(ctx, keys...)
	if err != nil {
		return err
	}
	if !turn.LockedUntil.IsZero() {
		return tooMany(turn.LockedUntil)
	}
	u, err := h.Store.FindUserByName(ctx, vm.Name)
	good := false
	if err == nil {
		good = h.Passwords.Check(u.PasswordHash, pw) && !u.Disabled
	} else if domain.ErrorCode(err) == domain.ENOTFOUND {
		dummyCheck(h.Passwords, pw)
	} else {
		return err
	}
	if !good {
		sleep(ctx, domain.SignInDelay(turn.Counts[0]))
		if turn.AtLimit(keys) {
			return tooMany(time.Now().Add(domain.SignInLockFor))
		}
		return show(http.StatusUnauthorized, "User name or password is incorrect.")
	}
	if err := h.Store.ClearSignInFailures(ctx, userKey.Key); err != nil {
		return err
	}
	if err := h.Store.TakeBackSignInAttempt(ctx, clientKey); err != nil {
		return err
	}
	if err := h.Sessions.SignIn(w, r, u); err != nil {
		return err
	}
	h.Log.InfoContext(ctx, "signed in", "user", u.Name, "role", u.Role)
	return redirect(w, r, vm.Next)
}

// HandleLogout ends the session.
func (h *Handlers) HandleLogout(w http.ResponseWriter, r *http.Request) error {
	if err := h.Sessions.SignOut(w, r); err != nil {
		return err
	}
	return redirect(w, r, "/login")
}

// HandleSignOutEverywhere ends every session of the signed-in user, in every
// browser and on every instance, this one too.
func (h *Handlers) HandleSignOutEverywhere(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	me := domain.UserFromContext(ctx)
	n, err := h.Store.DeleteUserSessions(ctx, me.ID)
	if err != nil {
		return err
	}
	if err := h.Sessions.SignOut(w, r); err != nil {
		return err
	}
	h.Log.InfoContext(ctx, "signed out everywhere", "user", me.Name, "sessions", n)
	return redirect(w, r, "/login")
}

// safeNext keeps a post-sign-in destination only when it is a path on this
// site; anything else is "/". Browsers drop tabs and newlines inside a URL
// and read a backslash as a slash, so next itself must be visible ASCII with
// no backslash, begin with one slash and not two, and name no scheme or host;
// and so must every percent-decoding of it (%2F%2F, %5C, %09 are refused).
func safeNext(next string) string {
	if !sitePath(next, false) {
		return "/"
	}
	s := next
	for range 3 {
		u, err := url.PathUnescape(s)
		if err != nil || !sitePath(u, true) {
			return "/"
		}
		if u == s {
			break
		}
		s = u
	}
	if p, _, _ := strings.Cut(next, "?"); p == "/login" || p == "/logout" {
		return "/"
	}
	return next
}

// sitePath reports whether s is a path on this site: it begins with one
// slash, holds no control character or backslash, and names no scheme or
// host. decoded allows the spaces and other characters a decoding yields.
func sitePath(s string, decoded bool) bool {
	if len(s) == 0 || s[0] != '/' || len(s) > 1 && (s[1] == '/' || s[1] == '\\') {
		return false
	}
	for _, c := range s {
		if c < ' ' || c == 0x7f || c >= 0x80 && c < 0xa0 || c == '\\' || !decoded && (c == ' ' || c >= 0x7f) {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil
}

// clientIP is the address the request came from (proxies are not trusted).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// dummyCheck spends the time of a password check, so unknown names answer as slowly as wrong passwords.
func dummyCheck(p Passwords, pw string) {
	dummyOnce.Do(func() { dummyHash, _ = p.Hash("no such user") })
	p.Check(dummyHash, pw)
}

var (
	dummyOnce sync.Once
	dummyHash string
)

func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

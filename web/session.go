package web

import (
	"context"
	"crypto/sha256"
	"encoding/gob"
	"net/http"
	"time"

	"github.com/gorilla/sessions"

	"switchboard/domain"
	"switchboard/handlers"
)

// Session lifetimes: a session ends after IdleTimeout without a request, and
// AbsoluteTimeout after sign-in whatever happens.
const (
	IdleTimeout     = 2 * time.Hour
	AbsoluteTimeout = 12 * time.Hour
	cookieName      = "switchboard_session"
	touchEvery      = time.Minute // how stale "last seen" may get before the cookie is rewritten
)

func init() { gob.Register(handlers.Flash{}) }

// SessionStore keeps sign-in state in a signed, encrypted cookie, so any
// instance sharing the keys can read it.
type SessionStore struct {
	cookies *sessions.CookieStore
	now     func() time.Time
	epochOf func(ctx context.Context, userID int64) (int64, error)
}

// NewSessionStore derives a hash and a block key from each key; the first
// key signs new cookies and the others still read old ones (rotation).
func NewSessionStore(keys [][]byte, secure bool, epochOf func(ctx context.Context, userID int64) (int64, error)) *SessionStore {
	var pairs [][]byte
	for _, k := range keys {
		h := sha256.Sum256(append([]byte("switchboard session hash:"), k...))
		b := sha256.Sum256(append([]byte("switchboard session block:"), k...))
		pairs = append(pairs, h[:], b[:])
	}
	cs := sessions.NewCookieStore(pairs...)
	// MaxAge also bounds the signed timestamp inside the cookie.
	cs.MaxAge(int(AbsoluteTimeout / time.Second))
	cs.Options = &sessions.Options{Path: "/", MaxAge: int(AbsoluteTimeout / time.Second), HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode}
	return &SessionStore{cookies: cs, now: time.Now, epochOf: epochOf}
}

// sessionState is what a signed-in session holds.
type sessionState struct {
	UserID int64
	Epoch  int64
	Start  time.Time
	Seen   time.Time
}

func (s *SessionStore) get(r *http.Request) *sessions.Session {
	sess, _ := s.cookies.Get(r, cookieName) // a bad or old cookie gives a fresh, empty session
	if !sess.Options.Secure && (r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https") {
		// Served over TLS (directly or by a proxy that says so): the cookie never travels in clear.
		opts := *sess.Options
		opts.Secure = true
		sess.Options = &opts
	}
	return sess
}

// state reads the session; ok is false when nobody is signed in or the
// session has run out.
func (s *SessionStore) state(r *http.Request) (st sessionState, ok bool) {
	sess := s.get(r)
	id, _ := sess.Values["uid"].(int64)
	epoch, _ := sess.Values["epoch"].(int64)
	start, _ := sess.Values["start"].(int64)
	seen, _ := sess.Values["seen"].(int64)
	if id == 0 {
		return st, false
	}
	st = sessionState{UserID: id, Epoch: epoch, Start: time.Unix(start, 0), Seen: time.Unix(seen, 0)}
	now := s.now()
	if now.Sub(st.Start) > AbsoluteTimeout || now.Sub(st.Seen) > IdleTimeout {
		return st, false
	}
	return st, true
}

// touch records activity, rewriting the cookie at most once a minute.
func (s *SessionStore) touch(w http.ResponseWriter, r *http.Request, st sessionState) {
	if s.now().Sub(st.Seen) < touchEvery {
		return
	}
	sess := s.get(r)
	sess.Values["seen"] = s.now().Unix()
	sess.Save(r, w)
}

// SignIn starts a new session for u: every old value is dropped.
func (s *SessionStore) SignIn(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	epoch, err := s.epochOf(r.Context(), u.ID)
	if err != nil {
		return err
	}
	sess := s.get(r)
	sess.Values = map[any]any{}
	sess.IsNew = true
	now := s.now().Unix()
	sess.Values["uid"], sess.Values["epoch"], sess.Values["start"], sess.Values["seen"] = u.ID, epoch, now, now
	return sess.Save(r, w)
}

// SignOut ends the session and deletes the cookie.
func (s *SessionStore) SignOut(w http.ResponseWriter, r *http.Request) {
	sess := s.get(r)
	sess.Values = map[any]any{}
	opts := *sess.Options
	opts.MaxAge = -1
	sess.Options = &opts
	sess.Save(r, w)
}

// Flash keeps a message for the next page.
func (s *SessionStore) Flash(w http.ResponseWriter, r *http.Request, f handlers.Flash) {
	sess := s.get(r)
	sess.AddFlash(f)
	sess.Save(r, w)
}

// Flashes returns and forgets the kept messages.
func (s *SessionStore) Flashes(w http.ResponseWriter, r *http.Request) []handlers.Flash {
	sess := s.get(r)
	raw := sess.Flashes()
	if len(raw) == 0 {
		return nil
	}
	sess.Save(r, w)
	out := make([]handlers.Flash, 0, len(raw))
	for _, x := range raw {
		if f, ok := x.(handlers.Flash); ok {
			out = append(out, f)
		}
	}
	return out
}

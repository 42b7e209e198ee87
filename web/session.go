package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/gob"
	"encoding/hex"
	"net/http"
	"time"

	"github.com/gorilla/sessions"

	"switchboard/domain"
	"switchboard/handlers"
)

// Session lifetimes: a session ends after IdleTimeout without a request, and
// AbsoluteTimeout after sign-in whatever happens.
const (
	IdleTimeout     = domain.SessionIdle
	AbsoluteTimeout = domain.SessionAbsolute
	cookieName      = "switchboard_session"
	touchEvery      = time.Minute // how stale a session's "last seen" may get before it is written again
)

func init() { gob.Register(handlers.Flash{}) }

// SessionStore keeps sign-in state: a signed, encrypted cookie carries a
// random session id, and the session's record in the database says whether
// it is still live, so any instance can check it and signing out ends it
// everywhere at once.
type SessionStore struct {
	cookies *sessions.CookieStore
	store   domain.SessionStore
	now     func() time.Time
}

// NewSessionStore derives a hash and a block key from each key; the first
// key signs new cookies and the others still read old ones (rotation).
func NewSessionStore(keys [][]byte, secure bool, store domain.SessionStore) *SessionStore {
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
	return &SessionStore{cookies: cs, store: store, now: time.Now}
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

// sessionHash is the stored form of a session id.
func sessionHash(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:])
}

// cookieSession returns the hash of the session id r's cookie carries, or "".
func (s *SessionStore) cookieSession(r *http.Request) string {
	id, _ := s.get(r).Values["sid"].(string)
	if id == "" {
		return ""
	}
	return sessionHash(id)
}

// User returns the signed-in user of r, or nil when nobody is: no cookie,
// a session that was ended or has run out, or a disabled user. It is one
// read of the session's row by primary key, and a write at most once a
// minute to record that the session is in use.
func (s *SessionStore) User(r *http.Request) (*domain.User, error) {
	id := s.cookieSession(r)
	if id == "" {
		return nil, nil
	}
	sess, u, err := s.store.FindSession(r.Context(), id)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	now := s.now()
	if !sess.Live(now) || u.Disabled {
		return nil, nil
	}
	if now.Sub(sess.SeenAt) >= touchEvery {
		if err := s.store.TouchSession(r.Context(), id, now); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// SignIn starts a new session for u: a new id, and every old cookie value dropped.
func (s *SessionStore) SignIn(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	b := make([]byte, 32)
	rand.Read(b)
	id := base64.RawURLEncoding.EncodeToString(b)
	if err := s.store.CreateSession(r.Context(), &domain.Session{ID: sessionHash(id), UserID: u.ID, CreatedAt: s.now()}); err != nil {
		return err
	}
	sess := s.get(r)
	sess.Values = map[any]any{"sid": id}
	sess.IsNew = true
	return sess.Save(r, w)
}

// SignOut ends the session on the server and deletes the cookie: a copy of
// the cookie taken before no longer signs anyone in.
func (s *SessionStore) SignOut(w http.ResponseWriter, r *http.Request) error {
	if id := s.cookieSession(r); id != "" {
		if err := s.store.DeleteSession(r.Context(), id); err != nil {
			return err
		}
	}
	sess := s.get(r)
	sess.Values = map[any]any{}
	opts := *sess.Options
	opts.MaxAge = -1
	sess.Options = &opts
	return sess.Save(r, w)
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

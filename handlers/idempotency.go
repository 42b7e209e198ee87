package handlers

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"time"

	"switchboard/domain"
)

// Idempotency-Key handling (API.md "Conventions").
const (
	// HeaderIdempotencyKey names the request header.
	HeaderIdempotencyKey = "Idempotency-Key"
	// HeaderIdempotentReplayed is set on an answer given again for a key.
	HeaderIdempotentReplayed = "Idempotent-Replayed"
	// idempotencyWait is how long a request waits for another request with
	// its key to answer (well under the server's write timeout).
	idempotencyWait = 30 * time.Second
)

// Idempotent makes a creating API handler honour the Idempotency-Key
// header. Without the header fn simply runs. With it, the key (the user's
// own) is claimed in the database before fn runs, so across instances and
// restarts:
//   - the first request runs fn; a success (2xx) answer is recorded;
//   - the same key with the same method, path and body answers the recorded
//     answer again (with Idempotent-Replayed: true) and runs nothing; one
//     sent while the first still runs waits for its answer;
//   - the same key with another body (or endpoint) is a 409;
//   - a failed request (an error, or any answer that is not 2xx) created
//     nothing, so its key is released and may be sent again, corrected.
func (h *Handlers) Idempotent(fn HandlerFunc) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		keys := r.Header.Values(HeaderIdempotencyKey)
		if len(keys) == 0 {
			return fn(w, r)
		}
		if len(keys) > 1 {
			return domain.Errorf(domain.EINVALID, "Send one Idempotency-Key header, not %d", len(keys))
		}
		ctx := r.Context()
		u := domain.UserFromContext(ctx)
		if u == nil {
			return domain.Errorf(domain.EUNAUTHORIZED, "An API token is required: Authorization: Bearer <token>.")
		}
		body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return domain.Errorf(domain.EINVALID, "Request body is larger than %d bytes", maxBody)
			}
			return domain.Errorf(domain.EINVALID, "The request body could not be read")
		}
		sum := sha256.Sum256(body)
		req := domain.IdempotencyRequest{UserID: u.ID, Key: keys[0], Method: r.Method, Path: r.URL.Path, BodyHash: hex.EncodeToString(sum[:])}
		if err := req.Validate(); err != nil {
			return domain.Errorf(domain.EINVALID, "%s", domain.ErrorMessage(err))
		}

		claim, err := h.Store.ClaimIdempotencyKey(ctx, req, idempotencyWait)
		if err != nil {
			return err
		}
		if ans := claim.Answer; ans != nil {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set(HeaderIdempotentReplayed, "true")
			w.WriteHeader(ans.Status)
			w.Write(ans.Body)
			return nil
		}

		// This request holds the key: run it, record a success, release
		// the key otherwise (also when fn panics).
		bg := context.WithoutCancel(ctx)
		settled := false
		defer func() {
			if !settled {
				h.releaseIdempotencyKey(bg, req, claim.Token)
			}
		}()
		r.Body = io.NopCloser(bytes.NewReader(body))
		rec := &answerRecorder{header: http.Header{}}
		err = fn(rec, r)
		settled = true
		if err != nil || rec.status < 200 || rec.status > 299 {
			h.releaseIdempotencyKey(bg, req, claim.Token)
			if err != nil {
				return err
			}
			return rec.writeTo(w)
		}
		if err := h.Store.CompleteIdempotencyKey(bg, req, claim.Token, domain.IdempotentAnswer{Status: rec.status, Body: rec.body.Bytes()}); err != nil {
			// What was created stays created; the caller still gets its answer.
			h.Log.ErrorContext(ctx, "record idempotent answer", "method", r.Method, "path", r.URL.Path, "err", err)
		}
		return rec.writeTo(w)
	}
}

func (h *Handlers) releaseIdempotencyKey(ctx context.Context, req domain.IdempotencyRequest, token string) {
	if err := h.Store.ReleaseIdempotencyKey(ctx, req, token); err != nil {
		h.Log.ErrorContext(ctx, "release idempotency key", "method", req.Method, "path", req.Path, "err", err)
	}
}

// answerRecorder keeps a handler's answer so it can be recorded before it
// is sent.
type answerRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (a *answerRecorder) Header() http.Header { return a.header }

func (a *answerRecorder) WriteHeader(status int) {
	if a.status == 0 {
		a.status = status
	}
}

func (a *answerRecorder) Write(b []byte) (int, error) {
	if a.status == 0 {
		a.status = http.StatusOK
	}
	return a.body.Write(b)
}

// writeTo sends the kept answer.
func (a *answerRecorder) writeTo(w http.ResponseWriter) error {
	for k, v := range a.header {
		w.Header()[k] = v
	}
	if a.status == 0 {
		a.status = http.StatusOK
	}
	w.WriteHeader(a.status)
	if _, err := a.body.WriteTo(w); err != nil {
		return errWritten
	}
	return nil
}

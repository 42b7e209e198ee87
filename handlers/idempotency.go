package handlers

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"switchboard/domain"
)

// Idempotency-Key handling (API.md "Conventions").
const (
	// HeaderIdempotencyKey names the request header.
	HeaderIdempotencyKey = "Idempotency-Key"
	// HeaderIdempotentReplayed is set on an answer given again for a key.
	HeaderIdempotentReplayed = "Idempotent-Replayed"
)

// idempotentCall is what Idempotent hands the creating handler it wraps:
// the key's request, and the record the handler gives its store method.
type idempotentCall struct {
	req domain.IdempotencyRequest
	rec *domain.CreateRecord
}

type idempotentCallKey struct{}

// Idempotent makes a creating API handler honour the Idempotency-Key
// header. Without the header fn simply runs. With it (the user's own key):
//   - a key answered already replays its answer (Idempotent-Replayed:
//     true) for the same method, path and body, and runs nothing; another
//     body or endpoint is a 409;
//   - otherwise fn runs and gives the key to its store method
//     (createContext), which writes the answer in the transaction of what
//     it creates. A request with a key that another one is using waits in
//     that method for the other to commit and then replays its answer;
//   - a failed request created nothing and recorded nothing, so the key
//     may be sent again, corrected.
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

		ans, err := h.Store.FindIdempotentAnswer(ctx, req)
		if err == nil {
			return replay(w, ans)
		} else if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		call := &idempotentCall{req: req}
		r.Body = io.NopCloser(bytes.NewReader(body))
		err = fn(w, r.WithContext(context.WithValue(ctx, idempotentCallKey{}, call)))
		var done *domain.AlreadyCreated
		if errors.As(err, &done) && done.Answer != nil {
			return replay(w, done.Answer)
		}
		if err == nil && (call.rec == nil || !call.rec.Recorded) {
			h.Log.ErrorContext(ctx, "a creating request with an Idempotency-Key answered without recording it", "method", r.Method, "path", r.URL.Path)
		}
		return err
	}
}

// createContext is the context a creating API handler gives its store
// method: with an Idempotency-Key, it carries the record that answers the
// key, in the transaction that creates, with fields(what was created) as
// ok writes them with status. The handler answers fields itself after.
func createContext(r *http.Request, status int, fields func(domain.Created) map[string]any) context.Context {
	ctx := r.Context()
	call, _ := ctx.Value(idempotentCallKey{}).(*idempotentCall)
	if call == nil {
		return ctx
	}
	call.rec = &domain.CreateRecord{Key: &call.req, Answer: func(c domain.Created) (domain.IdempotentAnswer, error) {
		b, err := successBody(fields(c))
		return domain.IdempotentAnswer{Status: status, Body: b}, err
	}}
	return domain.WithCreateRecord(ctx, call.rec)
}

// replay answers a key's recorded answer again.
func replay(w http.ResponseWriter, ans *domain.IdempotentAnswer) error {
	ct := "application/json; charset=utf-8"
	if bytes.HasPrefix(ans.Body, []byte("<")) { // an XML answer (PortNumberView)
		ct = "application/xml; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set(HeaderIdempotentReplayed, "true")
	w.WriteHeader(ans.Status)
	if _, err := w.Write(ans.Body); err != nil {
		return errWritten
	}
	return nil
}

// successBody is ok's body: fields plus "Success": true.
func successBody(fields map[string]any) ([]byte, error) {
	fields["Success"] = true
	b, err := json.Marshal(fields)
	return append(b, '\n'), err
}

package handlers

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/a-h/templ"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
	"switchboard/views/layout"
)

// statusOf maps a domain error code to its HTTP status: the one table.
func statusOf(code string) int {
	switch code {
	case domain.EINVALID:
		return http.StatusBadRequest
	case domain.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case domain.EFORBIDDEN:
		return http.StatusForbidden
	case domain.ENOTFOUND:
		return http.StatusNotFound
	case domain.ECONFLICT:
		return http.StatusConflict
	case domain.ESTALE:
		return http.StatusPreconditionFailed
	case domain.ETOOMANY:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// StatusOf is the HTTP status for err.
func StatusOf(err error) int { return statusOf(domain.ErrorCode(err)) }

// Page adapts a page handler: a returned error becomes an error page with
// its status. Field errors are the handler's own to show beside its form.
func (h *Handlers) Page(fn HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			h.pageError(w, r, err)
		}
	})
}

func (h *Handlers) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status := StatusOf(err)
	if status == http.StatusInternalServerError {
		h.Log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if errors.Is(err, errWritten) {
		return
	}
	vm := views.ErrorVM{Status: status, Title: http.StatusText(status), Message: components.SayError(err), Fields: domain.ErrorFields(err)}
	var le *linkedError
	if errors.As(err, &le) {
		vm.Link, vm.LinkText = le.Link, le.LinkText
	}
	if isFragmentRequest(r) {
		// htmx does not swap error answers by default; show the message where the page expects it.
		w.Header().Set("HX-Retarget", "#"+views.IDFlash)
		w.Header().Set("HX-Reswap", "innerHTML")
		h.write(w, r, status, views.ErrorFlash(vm))
		return
	}
	h.write(w, r, status, views.ErrorPage(h.shell(w, r, vm.Heading()), vm))
}

// linkedError is an error whose page offers the way on: a link to Link
// reading LinkText ("Start again").
type linkedError struct {
	err            error
	Link, LinkText string
}

func (e *linkedError) Error() string { return e.err.Error() }
func (e *linkedError) Unwrap() error { return e.err }

// errWritten tells the adapter that the handler already wrote its answer.
var errWritten = errors.New("answer already written")

// isFragmentRequest reports whether r wants only the swapped part of a page:
// an htmx request that is neither boosted nor a history restore.
func isFragmentRequest(r *http.Request) bool {
	return r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Boosted") != "true" &&
		r.Header.Get("HX-History-Restore-Request") != "true"
}

// render answers with the whole page, or with fragment alone for an htmx request.
func (h *Handlers) render(w http.ResponseWriter, r *http.Request, status int, page, fragment templ.Component) error {
	w.Header().Add("Vary", "HX-Request")
	c := page
	if fragment != nil && isFragmentRequest(r) {
		c = fragment
	}
	return h.write(w, r, status, c)
}

// write renders c into a buffer first, so a failed render never sends half a page.
func (h *Handlers) write(w http.ResponseWriter, r *http.Request, status int, c templ.Component) error {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	if err != nil {
		return errWritten
	}
	return nil
}

// redirect answers a successful form post: 303 to url, or HX-Redirect for htmx.
func redirect(w http.ResponseWriter, r *http.Request, url string) error {
	if r.Header.Get("HX-Request") == "true" {
		w.Header().Set("HX-Redirect", url)
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	http.Redirect(w, r, url, http.StatusSeeOther)
	return nil
}

// shell is the page frame's data for r: who is signed in, where, and the flashes.
func (h *Handlers) shell(w http.ResponseWriter, r *http.Request, title string) layout.Shell {
	s := layout.Shell{Title: title, Path: r.URL.Path, User: domain.UserFromContext(r.Context())}
	if h.Sessions != nil && s.User != nil {
		for _, f := range h.Sessions.Flashes(w, r) {
			if f.Token != nil {
				continue
			}
			s.Flashes = append(s.Flashes, layout.Flash{Kind: f.Kind, Message: f.Message})
		}
	}
	return s
}

// flash keeps a message for the next page.
func (h *Handlers) flash(w http.ResponseWriter, r *http.Request, kind, msg string) {
	h.Sessions.Flash(w, r, Flash{Kind: kind, Message: msg})
}

package handlers

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"switchboard/domain"
)

// HandleHealth answers 200 while the database answers.
func (h *Handlers) HandleHealth(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := h.Store.Ping(ctx); err != nil {
		h.Log.ErrorContext(ctx, "health check failed", "err", err)
		return writeJSON(w, http.StatusServiceUnavailable, map[string]any{"Success": false, "Status": "database unavailable"})
	}
	return ok(w, http.StatusOK, map[string]any{"Status": "ok"})
}

// HandleNotFound answers a path no route serves.
func (h *Handlers) HandleNotFound(w http.ResponseWriter, r *http.Request) error {
	return domain.Errorf(domain.ENOTFOUND, "There is no page at %s.", r.URL.Path)
}

// HandleAPINotFound answers an API path no route serves.
func (h *Handlers) HandleAPINotFound(w http.ResponseWriter, r *http.Request) error {
	return domain.Errorf(domain.ENOTFOUND, "No API endpoint %s %s.", r.Method, r.URL.Path)
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// plural writes "1 minute" or "3 minutes".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

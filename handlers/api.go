package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"switchboard/domain"
)

// maxBody bounds every request body.
const maxBody = 1 << 20

// API adapts a JSON API handler: a returned error becomes the error body of
// API.md with the status its code maps to.
func (h *Handlers) API(fn HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			h.apiError(w, r, err)
		}
	})
}

// ErrorBody is the JSON error answer.
type ErrorBody struct {
	Success bool            `json:"Success"`
	Errors  []ErrorBodyItem `json:"Errors"`
}

// ErrorBodyItem is one failed check.
type ErrorBodyItem struct {
	Field   string `json:"Field"`
	Message string `json:"Message"`
}

func (h *Handlers) apiError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errWritten) {
		return
	}
	status := StatusOf(err)
	if status == http.StatusInternalServerError {
		h.Log.ErrorContext(r.Context(), "api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	WriteAPIError(w, status, err)
}

// WriteAPIError writes the JSON error body for err with status.
func WriteAPIError(w http.ResponseWriter, status int, err error) {
	body := ErrorBody{Errors: []ErrorBodyItem{}}
	for _, f := range domain.ErrorFields(err) {
		body.Errors = append(body.Errors, ErrorBodyItem{Field: f.Field, Message: f.Message})
	}
	if len(body.Errors) == 0 {
		body.Errors = append(body.Errors, ErrorBodyItem{Message: domain.ErrorMessage(err)})
	}
	writeJSON(w, status, body)
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
	return nil
}

// ok writes a success body: fields plus "Success": true.
func ok(w http.ResponseWriter, status int, fields map[string]any) error {
	b, err := successBody(fields)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	return nil
}

// decodeJSON reads the request body strictly into v, a pointer to an input
// struct: JSON only (no Content-Type, application/json or text/json), one
// object, unknown fields refused, the seed's wrapped lists accepted. It is
// domain.DecodeStrict, the one decoder, so every problem is its own
// EINVALID field error with its path ("AddLine.Lines[0].Products[1].Rate").
func decodeJSON(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && mt != "text/json") {
			return domain.Errorf(domain.EINVALID, "Content-Type must be application/json")
		}
	}
	return domain.DecodeStrict(http.MaxBytesReader(nil, r.Body, maxBody), v)
}

// queryInts reads a repeated integer query parameter (?CustomerID=4&CustomerID=5).
func queryInts(r *http.Request, name string, p *domain.Problems) []int64 {
	var out []int64
	for i, s := range r.URL.Query()[name] {
		for _, part := range strings.Split(s, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			n, err := strconv.ParseInt(part, 10, 64)
			if err != nil || n <= 0 {
				p.Add(fmt.Sprintf("%s[%d]", name, i), "%s must be a positive whole number", name)
				continue
			}
			out = append(out, n)
		}
	}
	return out
}

// queryInt reads an optional integer query parameter.
func queryInt(r *http.Request, name string, p *domain.Problems) *int64 {
	s := strings.TrimSpace(r.URL.Query().Get(name))
	if s == "" {
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		p.Add(name, "%s must be a positive whole number", name)
		return nil
	}
	return &n
}

// queryString reads an optional text query parameter.
func queryString(r *http.Request, name string) *string {
	if !r.URL.Query().Has(name) {
		return nil
	}
	s := strings.TrimSpace(r.URL.Query().Get(name))
	if s == "" {
		return nil
	}
	return &s
}

// queryBool reads an optional true/false query parameter.
func queryBool(r *http.Request, name string, p *domain.Problems) *bool {
	s := strings.TrimSpace(r.URL.Query().Get(name))
	if s == "" {
		return nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.Add(name, "%s must be true or false", name)
		return nil
	}
	return &b
}

// queryPage reads Limit and After.
func queryPage(r *http.Request, p *domain.Problems) domain.Page {
	pg := domain.Page{Limit: domain.ParseLimit(r.URL.Query().Get("Limit"), p)}
	pg.After = r.URL.Query().Get("After")
	pg.Normalize(p)
	return pg
}

// pathID reads a positive integer path value; a bad one is ENOTFOUND, as no such record exists.
func pathID(r *http.Request, name, what string) (int64, error) {
	n, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || n <= 0 {
		return 0, domain.Errorf(domain.ENOTFOUND, "%s not found.", what)
	}
	return n, nil
}

// parseForm reads a posted form; one that cannot be read is bad input.
func parseForm(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read.")
	}
	return nil
}

// postedTo reads the form posted to the page of the what whose id is the
// path's {id}.
func postedTo(r *http.Request, what string) (int64, error) {
	id, err := pathID(r, "id", what)
	if err != nil {
		return 0, err
	}
	return id, parseForm(r)
}

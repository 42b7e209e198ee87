package handlers

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/a-h/templ"

	"switchboard/domain"
	"switchboard/views"
)

// ParseBoardFilter reads the board's filter from the query: Stage
// (repeated; unknown stages are left out) and Search.
func ParseBoardFilter(r *http.Request) views.BoardFilter {
	var f views.BoardFilter
	for _, s := range r.URL.Query()["Stage"] {
		if domain.OneOf(s, domain.PortStages) && !slices.Contains(f.Stages, s) {
			f.Stages = append(f.Stages, s)
		}
	}
	f.Search = strings.TrimSpace(r.URL.Query().Get("Search"))
	if !domain.CheckChars(&domain.Problems{}, "Search", "Search", f.Search) || len(f.Search) > 100 {
		f.Search = ""
	}
	return f
}

// StoreFilter is the board's filter as the store's.
func StoreFilter(f views.BoardFilter) domain.ReconnectPortFilter {
	return domain.ReconnectPortFilter{Stage: f.Stages, Search: f.Search}
}

// HandleReconnectBoard shows the live board (GET /reconnect-ports); an
// htmx request (the board reloading itself after a gap) gets the board alone.
func (h *Handlers) HandleReconnectBoard(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f := ParseBoardFilter(r)
	// The stream starts after the last change read before the ports: a
	// change committed in between is sent again, never missed.
	since, err := h.Store.LastPortChange(ctx)
	if err != nil {
		return err
	}
	ports, next, err := h.Store.FindReconnectPorts(ctx, domain.ReconnectPortFilter{Stage: f.Stages, Search: f.Search,
		Page: domain.Page{Limit: domain.MaxBoardPorts}})
	if err != nil {
		return err
	}
	counts, err := h.Store.CountReconnectPorts(ctx)
	if err != nil {
		return err
	}
	u := domain.UserFromContext(ctx)
	canEdit := u != nil && u.Role.AtLeast(domain.RoleRep)
	now := time.Now()
	vm := views.BoardVM{Filter: f, Since: since, CanCreate: canEdit, Now: now, Limited: next != "", Counts: stageCounts(counts)}
	slices.SortStableFunc(ports, func(a, b *domain.ReconnectPort) int { return b.StageDate.Compare(a.StageDate) })
	for _, st := range domain.PortStages {
		if !f.Shows(st) {
			continue
		}
		col := views.BoardColumn{Stage: st}
		for _, p := range ports {
			if p.Stage == st {
				col.Cards = append(col.Cards, views.NewPortCard(p, now, canEdit))
			}
		}
		vm.Columns = append(vm.Columns, col)
	}
	w.Header().Set("Cache-Control", "no-store")
	return h.render(w, r, http.StatusOK, views.ReconnectBoardPage(h.shell(w, r, "Reconnect ports"), vm), views.ReconnectBoard(vm))
}

func stageCounts(m map[string]int) []views.StageCount {
	out := make([]views.StageCount, len(domain.PortStages))
	for i, s := range domain.PortStages {
		out[i] = views.StageCount{Stage: s, N: m[s]}
	}
	return out
}

// PortUpdate is one port's change drawn once for every board: its card
// swapped in place, moved to its column, or taken off, for a viewer who
// may resubmit (Editor) and one who may not, and the counts.
type PortUpdate struct {
	Port    *domain.ReconnectPort
	Replace [2][]byte // [viewer, editor]
	Move    [2][]byte
	Delete  []byte
	Counts  []byte
}

// RenderPortUpdate reads port id as it is now and draws its update.
func (h *Handlers) RenderPortUpdate(ctx context.Context, id int64) (*PortUpdate, error) {
	p, err := h.Store.FindReconnectPortByID(ctx, id)
	if err != nil {
		return nil, err
	}
	counts, err := h.Store.CountReconnectPorts(ctx)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	up := &PortUpdate{Port: p}
	render := func(c templ.Component) ([]byte, error) {
		var buf bytes.Buffer
		err := c.Render(ctx, &buf)
		return buf.Bytes(), err
	}
	for i, editor := range []bool{false, true} {
		card := views.NewPortCard(p, now, editor)
		if up.Replace[i], err = render(views.PortCardReplace(card)); err != nil {
			return nil, err
		}
		if up.Move[i], err = render(views.PortCardMove(card)); err != nil {
			return nil, err
		}
	}
	if up.Delete, err = render(views.PortCardDelete(p.ID)); err != nil {
		return nil, err
	}
	if up.Counts, err = render(views.BoardCounts(stageCounts(counts), true)); err != nil {
		return nil, err
	}
	return up, nil
}

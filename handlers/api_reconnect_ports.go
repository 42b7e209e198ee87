package handlers

import (
	"fmt"
	"net/http"
	"time"

	"switchboard/domain"
)

// The reconnect ports JSON API (API.md "Reconnect ports (seed 000)").

// HandleAPIReconnectPortCreate performs ReconnectPort_Create:
// POST /api/reconnect-ports → 201 {"Success":true,"ReconnectPortID":int}.
func (h *Handlers) HandleAPIReconnectPortCreate(w http.ResponseWriter, r *http.Request) error {
	var in domain.ReconnectPortInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	p, err := h.Store.CreateReconnectPort(createContext(r, http.StatusCreated, reconnectPortAnswer), &in)
	if err != nil {
		return err
	}
	return ok(w, http.StatusCreated, reconnectPortAnswer(domain.Created{ReconnectPortID: p.ID}))
}

// apiReconnectPort is ReconnectPort_Query's answer: the seed's outputs,
// with the port's id, customer, line and stage beside them. PINPassword,
// SSN and TaxID are never part of it.
type apiReconnectPort struct {
	Success            bool       `json:"Success,omitempty"`
	ReconnectPortID    int64      `json:"ReconnectPortID"`
	CustomerID         int64      `json:"CustomerID"`
	LineID             int64      `json:"LineID"`
	TN                 string     `json:"TN"`
	MDN                string     `json:"MDN"`
	Stage              string     `json:"Stage"`
	CreatedDate        time.Time  `json:"CreatedDate"`
	StatusDate         *time.Time `json:"StatusDate"`
	DisconnectOrderIDs []int64    `json:"DisconnectOrderIDs"`
	ReconnectOrderIDs  []int64    `json:"ReconnectOrderIDs"`
	Completed          bool       `json:"Completed"`
	Errored            bool       `json:"Errored"`
	ErrorMessage       string     `json:"ErrorMessage"`
}

func apiReconnectPortOf(p *domain.ReconnectPort) apiReconnectPort {
	return apiReconnectPort{
		ReconnectPortID: p.ID, CustomerID: p.CustomerID, LineID: p.LineID, TN: p.TN, MDN: p.PortMDN, Stage: p.Stage,
		CreatedDate: p.CreatedAt, StatusDate: p.StatusDate,
		DisconnectOrderIDs: nonNil(p.DisconnectOrderIDs), ReconnectOrderIDs: nonNil(p.ReconnectOrderIDs),
		Completed: p.Completed(), Errored: p.Errored(), ErrorMessage: p.ErrorMessage,
	}
}

// HandleAPIReconnectPort performs ReconnectPort_Query:
// GET /api/reconnect-ports/{ReconnectPortID} → 200.
func (h *Handlers) HandleAPIReconnectPort(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "ReconnectPortID", "Reconnect port")
	if err != nil {
		return err
	}
	p, err := h.Store.FindReconnectPortByID(r.Context(), id)
	if err != nil {
		return err
	}
	ans := apiReconnectPortOf(p)
	ans.Success = true
	w.Header().Set("Cache-Control", "no-store")
	return writeJSON(w, http.StatusOK, ans)
}

// HandleAPIReconnectPorts lists ports, newest first:
// GET /api/reconnect-ports?Completed=false&Errored=true&Stage=…&Search=…
// → 200 {"Success":true,"ReconnectPorts":[…],"Next":"…"}.
func (h *Handlers) HandleAPIReconnectPorts(w http.ResponseWriter, r *http.Request) error {
	var p domain.Problems
	f := domain.ReconnectPortFilter{Page: listParams(r, &p, "Completed", "Errored", "Stage", "Search")}
	f.Completed = queryBool(r, "Completed", &p)
	f.Errored = queryBool(r, "Errored", &p)
	for i, s := range r.URL.Query()["Stage"] {
		if !domain.OneOf(s, domain.PortStages) {
			p.Add(fmt.Sprintf("Stage[%d]", i), "Stage must be one of disconnecting, porting, resolution_required, completed, errored")
		}
		f.Stage = append(f.Stage, s)
	}
	f.Search = r.URL.Query().Get("Search")
	if err := p.Err(); err != nil {
		return err
	}
	ps, next, err := h.Store.FindReconnectPorts(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]apiReconnectPort, len(ps))
	for i, port := range ps {
		out[i] = apiReconnectPortOf(port)
	}
	return listAnswer(w, "ReconnectPorts", out, next)
}

// HandleAPIReconnectPortResubmit corrects a port after the losing
// carrier's R answer: POST /api/reconnect-ports/{ReconnectPortID}/resubmit
// with AccountNumber, PINPassword, AuthorizedSigner, AddressID (each
// optional: what is left out stays) → 200 {"Success":true,"ReconnectOrderIDs":[the new order]}.
func (h *Handlers) HandleAPIReconnectPortResubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "ReconnectPortID", "Reconnect port")
	if err != nil {
		return err
	}
	var in domain.ResubmitInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	p, err := h.Store.ResubmitReconnectPort(createContext(r, http.StatusOK, resubmitAnswer), id, &in)
	if err != nil {
		return err
	}
	return ok(w, http.StatusOK, resubmitAnswer(domain.Created{OrderIDs: []int64{p.CurrentReconnectOrderID()}}))
}

func reconnectPortAnswer(c domain.Created) map[string]any {
	return map[string]any{"ReconnectPortID": c.ReconnectPortID}
}

func resubmitAnswer(c domain.Created) map[string]any {
	return map[string]any{"ReconnectOrderIDs": nonNil(c.OrderIDs)}
}

package carrier

import (
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// Fault is how the simulated provider spoils an answer (--fail-rate).
type Fault int

const (
	NoFault      Fault = iota
	FaultTimeout       // holds the request without answering until the caller gives up
	Fault5xx           // answers 503 Service Unavailable
	FaultGarbage       // answers 200 with a body that is not the protocol's JSON
)

// SimServer serves a Sim over the gateway protocol, spoiling a share of
// its answers. A send spoiled by a timeout or garbage was received (its
// answer is lost on the way back), so resending it is a duplicate; a 5xx
// send was not received.
type SimServer struct {
	Sim *Sim
	// Fault picks the fault for each answer; nil never spoils one.
	Fault func() Fault
	// Hang is how long a timeout holds a request (the caller's own
	// timeout ends it sooner).
	Hang time.Duration
}

// NewSimServer serves sim, spoiling about failRate of its answers, split
// evenly between timeouts, 5xx and garbage.
func NewSimServer(sim *Sim, failRate float64) *SimServer {
	s := &SimServer{Sim: sim, Hang: 2 * time.Minute}
	if failRate > 0 {
		var mu sync.Mutex
		rnd := rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
		s.Fault = func() Fault {
			mu.Lock()
			defer mu.Unlock()
			if rnd.Float64() >= failRate {
				return NoFault
			}
			return Fault(1 + rnd.IntN(3))
		}
	}
	return s
}

// Handler is the gateway protocol's routes.
func (s *SimServer) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+pathOrders, s.handleSend)
	mux.HandleFunc("GET "+pathOrders+"/{pon}", s.handleStatus)
	mux.HandleFunc("GET "+pathStats, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Sim.Stats())
	})
	return mux
}

func (s *SimServer) fault() Fault {
	if s.Fault == nil {
		return NoFault
	}
	return s.Fault()
}

func (s *SimServer) handleSend(w http.ResponseWriter, r *http.Request) {
	f := s.fault()
	if f == Fault5xx {
		writeJSON(w, http.StatusServiceUnavailable, wireError{"Service temporarily unavailable"})
		return
	}
	var o wireOrder
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	err := dec.Decode(&o)
	io.Copy(io.Discard, r.Body) // so a client leaving ends the request's context
	if err != nil {
		writeJSON(w, http.StatusBadRequest, wireError{"The body is not an order: " + err.Error()})
		return
	}
	if o.PON == "" {
		writeJSON(w, http.StatusBadRequest, wireError{"PON is required"})
		return
	}
	st := s.Sim.Receive(o)
	if s.spoil(w, r, f) {
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *SimServer) handleStatus(w http.ResponseWriter, r *http.Request) {
	f := s.fault()
	if f == Fault5xx {
		writeJSON(w, http.StatusBadGateway, wireError{"Upstream provider unavailable"})
		return
	}
	st, ok := s.Sim.Status(r.PathValue("pon"))
	if s.spoil(w, r, f) {
		return
	}
	if !ok {
		writeJSON(w, http.StatusNotFound, wireError{"No order with this PON"})
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// garbage is what a spoiled answer says instead of JSON.
var garbage = []string{
	`<html><body><h1>502 Bad Gateway</h1></body></html>`,
	`{"PON": "`,
	`{"Status": 7}`,
	"\x00\x01\x02",
}

// spoil answers with fault f and reports whether it did.
func (s *SimServer) spoil(w http.ResponseWriter, r *http.Request, f Fault) bool {
	switch f {
	case FaultTimeout:
		t := time.NewTimer(s.Hang)
		defer t.Stop()
		select {
		case <-r.Context().Done():
		case <-t.C:
			w.WriteHeader(http.StatusGatewayTimeout)
		}
		return true
	case FaultGarbage:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(garbage[rand.IntN(len(garbage))]))
		return true
	}
	return false
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		code, b = http.StatusInternalServerError, []byte(`{"Error":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	w.Write(b)
}

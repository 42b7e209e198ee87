package handlers

import (
	"bytes"
	"context"
	"encoding/xml"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"switchboard/domain"
)

// apiPortNumber is PortNumberView.
type apiPortNumber struct {
	PortNumberID int64  `json:"PortNumberID"`
	Quantity     int64  `json:"Quantity"`
	FirstNumber  string `json:"FirstNumber"`
	LastNumber   string `json:"LastNumber"`
	PortAction   string `json:"PortAction"`
}

func apiPortNumberOf(pn *domain.PortNumber) apiPortNumber {
	return apiPortNumber{PortNumberID: pn.ID, Quantity: pn.Quantity, FirstNumber: pn.FirstNumber, LastNumber: pn.LastNumber, PortAction: pn.PortAction}
}

// orderServiceID reads {OrderServiceID}: the seed's 404 for one that is not a positive whole number.
func orderServiceID(r *http.Request) (int64, error) {
	n, err := strconv.ParseInt(r.PathValue("OrderServiceID"), 10, 64)
	if err != nil || n <= 0 {
		return 0, domain.Errorf(domain.ENOTFOUND, "Error retrieving the Order Service with ID %s.", strconv.Quote(r.PathValue("OrderServiceID")))
	}
	return n, nil
}

// decodePortNumber reads a PortNumberCreate body: JSON (no Content-Type,
// application/json or text/json) or XML (application/xml or text/xml).
func decodePortNumber(r *http.Request) (domain.PortNumberInput, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err == nil && (mt == "application/xml" || mt == "text/xml") {
			return domain.DecodePortNumberXML(http.MaxBytesReader(nil, r.Body, maxBody))
		}
		if err != nil || (mt != "application/json" && mt != "text/json") {
			return domain.PortNumberInput{}, domain.Errorf(domain.EINVALID, "Content-Type must be application/json, text/json, application/xml or text/xml")
		}
	}
	var in domain.PortNumberInput
	err := domain.DecodeStrict(http.MaxBytesReader(nil, r.Body, maxBody), &in)
	return in, err
}

// wantsXML reports whether the request's Accept prefers XML to JSON: a
// higher q, or the same q and listed first.
func wantsXML(r *http.Request) bool {
	type pref struct {
		q     float64
		index int
	}
	best := map[bool]pref{}
	for i, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if s, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(s, 64); err != nil {
				continue
			}
		}
		var isXML bool
		switch mt {
		case "application/xml", "text/xml":
			isXML = true
		case "application/json", "text/json", "*/*", "application/*":
		default:
			continue
		}
		if b, ok := best[isXML]; !ok || q > b.q {
			best[isXML] = pref{q, i}
		}
	}
	x, hasX := best[true]
	j, hasJ := best[false]
	return hasX && x.q > 0 && (!hasJ || x.q > j.q || (x.q == j.q && x.index < j.index))
}

// portNumberXML writes PortNumberView elements as the seed shows them.
func portNumberXML(b *bytes.Buffer, v apiPortNumber, ns bool) {
	b.WriteString("<PortNumberView")
	if ns {
		b.WriteString(` xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="` + domain.DataContractNS + `"`)
	}
	b.WriteString(">")
	for _, f := range [][2]string{{"FirstNumber", v.FirstNumber}, {"LastNumber", v.LastNumber}, {"PortAction", v.PortAction},
		{"Quantity", strconv.FormatInt(v.Quantity, 10)}, {"PortNumberID", strconv.FormatInt(v.PortNumberID, 10)}} {
		b.WriteString("<" + f[0] + ">")
		xml.EscapeText(b, []byte(f[1]))
		b.WriteString("</" + f[0] + ">")
	}
	b.WriteString("</PortNumberView>")
}

// portNumbersBody is the answer of one PortNumberView (one true) or the
// list, in XML when Accept asks for it, else JSON with "Success": true.
func portNumbersBody(r *http.Request, pns []*domain.PortNumber, one bool) (body []byte, contentType string, err error) {
	views := make([]apiPortNumber, len(pns))
	for i, pn := range pns {
		views[i] = apiPortNumberOf(pn)
	}
	if !wantsXML(r) {
		fields := map[string]any{"PortNumbers": views}
		if one {
			v := views[0]
			fields = map[string]any{"PortNumberID": v.PortNumberID, "Quantity": v.Quantity, "FirstNumber": v.FirstNumber, "LastNumber": v.LastNumber, "PortAction": v.PortAction}
		}
		b, err := successBody(fields)
		return b, "application/json; charset=utf-8", err
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	if one {
		portNumberXML(&b, views[0], true)
	} else {
		b.WriteString(`<ArrayOfPortNumberView xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="` + domain.DataContractNS + `">`)
		for _, v := range views {
			portNumberXML(&b, v, false)
		}
		b.WriteString("</ArrayOfPortNumberView>")
	}
	return b.Bytes(), "application/xml; charset=utf-8", nil
}

// writePortNumbers answers portNumbersBody with status.
func writePortNumbers(w http.ResponseWriter, r *http.Request, status int, pns []*domain.PortNumber, one bool) error {
	b, ct, err := portNumbersBody(r, pns, one)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(status)
	w.Write(b)
	return nil
}

// portNumberCreateContext is createContext for an addition: with an
// Idempotency-Key, the key is answered with the PortNumberView the request
// gets (in XML when Accept asks), in the transaction that stores the range.
func portNumberCreateContext(r *http.Request) context.Context {
	ctx := r.Context()
	call, _ := ctx.Value(idempotentCallKey{}).(*idempotentCall)
	if call == nil {
		return ctx
	}
	call.rec = &domain.CreateRecord{Key: &call.req, Answer: func(made domain.Created) (domain.IdempotentAnswer, error) {
		b, _, err := portNumbersBody(r, made.PortNumbers, true)
		return domain.IdempotentAnswer{Status: http.StatusCreated, Body: b}, err
	}}
	return domain.WithCreateRecord(ctx, call.rec)
}

// HandleAPIPortNumberAdd adds a range: POST /api/order/Service/{OrderServiceID}/PortNumber → 201 PortNumberView.
func (h *Handlers) HandleAPIPortNumberAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := orderServiceID(r)
	if err != nil {
		return err
	}
	in, err := decodePortNumber(r)
	if err != nil {
		return err
	}
	pns, err := h.Store.AddPortNumbers(portNumberCreateContext(r), id, []domain.PortNumberInput{in})
	if err != nil {
		return err
	}
	return writePortNumbers(w, r, http.StatusCreated, pns, true)
}

// HandleAPIPortNumbers lists a service's ranges: GET /api/order/Service/{OrderServiceID}/PortNumber.
func (h *Handlers) HandleAPIPortNumbers(w http.ResponseWriter, r *http.Request) error {
	id, err := orderServiceID(r)
	if err != nil {
		return err
	}
	svc, err := h.Store.FindOrderService(r.Context(), id)
	if err != nil {
		return err
	}
	return writePortNumbers(w, r, http.StatusOK, svc.PortNumbers, false)
}

// portNumberID reads {PortNumberID}: the seed's "Error saving numbers." for one that is not a positive whole number.
func portNumberID(r *http.Request) (int64, error) {
	n, err := strconv.ParseInt(r.PathValue("PortNumberID"), 10, 64)
	if err != nil || n <= 0 {
		return 0, domain.ErrSavingNumbers()
	}
	return n, nil
}

// HandleAPIPortNumberChange changes a range: PUT …/PortNumber/{PortNumberID} → 200 PortNumberView.
func (h *Handlers) HandleAPIPortNumberChange(w http.ResponseWriter, r *http.Request) error {
	id, err := orderServiceID(r)
	if err != nil {
		return err
	}
	pid, err := portNumberID(r)
	if err != nil {
		return err
	}
	in, err := decodePortNumber(r)
	if err != nil {
		return err
	}
	pn, err := h.Store.UpdatePortNumber(r.Context(), id, pid, in)
	if err != nil {
		return err
	}
	return writePortNumbers(w, r, http.StatusOK, []*domain.PortNumber{pn}, true)
}

// HandleAPIPortNumberRemove removes a range: DELETE …/PortNumber/{PortNumberID} → 200.
func (h *Handlers) HandleAPIPortNumberRemove(w http.ResponseWriter, r *http.Request) error {
	id, err := orderServiceID(r)
	if err != nil {
		return err
	}
	pid, err := portNumberID(r)
	if err != nil {
		return err
	}
	if err := h.Store.RemovePortNumber(r.Context(), id, pid); err != nil {
		return err
	}
	return ok(w, http.StatusOK, map[string]any{})
}

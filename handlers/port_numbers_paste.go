package handlers

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// pasteVM reads a paste and checks its ranges against service svc.
func pasteVM(svc *domain.OrderService, text, action string) (views.PasteVM, domain.Paste) {
	p := domain.ParsePaste(text)
	vm := views.PasteVM{Text: text, Action: action, Shown: true, Problems: p.Problems, Count: p.Quantity()}
	byRange, err := domain.CheckPaste(svc, &p, action)
	if err != nil {
		vm.General = append(vm.General, components.SayError(err))
	}
	for i, r := range p.Ranges {
		var problems []string
		for _, f := range byRange[i] {
			problems = append(problems, components.Say(f))
		}
		vm.Ranges = append(vm.Ranges, views.PasteRangeRow{First: r.FirstNumber, Last: r.LastNumber, Quantity: r.Quantity,
			Lines: lineSpans(r.Lines), Problems: problems})
	}
	return vm, p
}

// lineSpans writes line numbers as spans: "1–150, 152".
func lineSpans(lines []int) string {
	var parts []string
	for i := 0; i < len(lines); {
		j := i
		for j+1 < len(lines) && lines[j+1] == lines[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", lines[i], lines[j]))
		} else {
			parts = append(parts, strconv.Itoa(lines[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func pasteForm(r *http.Request) (text, action string) {
	return r.PostFormValue("Numbers"), strings.TrimSpace(r.PostFormValue("PortAction"))
}

// HandlePasteSave saves a pasted list, all or none: POST /order-services/{id}/port-numbers/paste.
func (h *Handlers) HandlePasteSave(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "id", "Order service")
	if err != nil {
		return err
	}
	text, action := pasteForm(r)
	vm, svc, err := h.portNumbersVM(ctx, id)
	if err != nil {
		return err
	}
	pv, p := pasteVM(svc, text, action)
	if len(p.Ranges) == 0 && len(p.Problems) == 0 {
		pv.General = append(pv.General, "Paste at least one number.")
	}
	if pv.OK() {
		pns, saveErr := h.Store.AddPortNumbers(ctx, id, p.Inputs(action))
		if saveErr == nil {
			return h.editorDone(w, r, id, fmt.Sprintf("Added %s in %s.", plural(int(p.Quantity()), "number"), plural(len(pns), "range")))
		}
		if c := domain.ErrorCode(saveErr); c != domain.EINVALID && c != domain.EFORBIDDEN {
			return saveErr
		}
		// Another change came first: check again against what is stored now.
		if vm, svc, err = h.portNumbersVM(ctx, id); err != nil {
			return err
		}
		if pv, _ = pasteVM(svc, text, action); pv.OK() {
			pv.General = append(pv.General, components.SayError(saveErr))
		}
	}
	if !vm.CanEdit && len(pv.General) > 0 {
		return domain.Errorf(domain.EFORBIDDEN, "%s", pv.General[0])
	}
	vm.Paste = pv
	return h.renderEditor(w, r, http.StatusUnprocessableEntity, vm)
}

// HandlePastePreview shows a paste compacted into ranges with its problems:
// POST /order-services/{id}/port-numbers/paste/preview. Nothing is saved.
func (h *Handlers) HandlePastePreview(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Order service")
	if err != nil {
		return err
	}
	svc, err := h.Store.FindOrderService(r.Context(), id)
	if err != nil {
		return err
	}
	text, action := pasteForm(r)
	pv, _ := pasteVM(svc, text, action)
	return h.write(w, r, http.StatusOK, views.PastePreview(pv))
}

// HandlePortNumbersCSV exports a service's ranges: GET /order-services/{id}/port-numbers.csv.
func (h *Handlers) HandlePortNumbersCSV(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Order service")
	if err != nil {
		return err
	}
	svc, err := h.Store.FindOrderService(r.Context(), id)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.Write([]string{"PortNumberID", "FirstNumber", "LastNumber", "Quantity", "PortAction", "AssociatedNumber"})
	for _, pn := range svc.PortNumbers {
		assoc := ""
		if pn.AssociatedNumber != nil {
			assoc = *pn.AssociatedNumber
		}
		cw.Write([]string{itoa64(pn.ID), pn.FirstNumber, pn.LastNumber, itoa64(pn.Quantity), pn.PortAction, assoc})
	}
	cw.Flush()
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="service-%d-port-numbers.csv"`, id))
	_, err = b.WriteTo(w)
	return err
}

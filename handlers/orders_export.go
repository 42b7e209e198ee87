package handlers

import (
	"context"
	"encoding/csv"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"switchboard/domain"
)

// exportPageSize is how many orders the export asks the store for at a time.
const exportPageSize = domain.MaxPageLimit

// exportWriteWindow is how long writing one page of the export may take;
// the write deadline moves on by this much before each page, so a long
// export never meets the server's WriteTimeout.
const exportWriteWindow = 30 * time.Second

// exportColumns are the CSV's columns, named in one style: Orders_Search's
// output fields with the customer's name beside its ID, then the rest of
// the order. Values are as the API gives them (status and type codes,
// RFC 3339 times in UTC).
var exportColumns = []string{
	"Order ID", "PON", "Order type", "Status", "Status note", "Customer ID", "Customer", "Carrier", "Carrier ID",
	"Carrier account", "Carrier account ID", "Created", "Completed", "Tracking number",
	"Shipping status", "Flow-through", "Process ID", "Route ID", "Waiting for a route", "TNs",
}

// HandleOrderExport answers every order matching the search's filters as
// CSV, newest first. It reads the store a page at a time and flushes each
// page to the client, so neither memory nor time grows with the result.
// Filters that cannot be used answer 400 before anything is written.
func (h *Handlers) HandleOrderExport(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	s, err := h.parseOrderSearch(ctx, r.URL.Query())
	if err != nil {
		return err
	}
	if s.errs.Any() {
		var p domain.Problems
		for _, name := range sortedKeys(s.errs) {
			for _, m := range s.errs[name] {
				p.Add(name, "%s", m)
			}
		}
		return p.Err()
	}
	st := h.Store
	f := s.filter
	// Newest first whatever the page's sort: creation times never change,
	// so a long export meets every order once even while orders change.
	f.Limit, f.Sort = exportPageSize, domain.SortNewest
	// The first page is read before the answer starts, so a store failure
	// can still be an error page.
	orders, next, err := st.FindOrders(ctx, f)
	if err != nil {
		return err
	}
	names, err := h.exportNames(ctx, orders)
	if err != nil {
		return err
	}

	hd := w.Header()
	hd.Set("Content-Type", "text/csv; charset=utf-8")
	hd.Set("Content-Disposition", `attachment; filename="orders-`+time.Now().UTC().Format("20060102-1504")+`.csv"`)
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)

	rc := http.NewResponseController(w)
	cw := csv.NewWriter(w)
	row := make([]string, len(exportColumns))
	cw.Write(exportColumns)
	for n := 0; ; n++ {
		_ = rc.SetWriteDeadline(time.Now().Add(exportWriteWindow)) // not every writer has deadlines
		for _, o := range orders {
			exportRow(row, o, names[o.CustomerID], f.ShowServiceDetails)
			cw.Write(row)
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return errWritten // the client went away
		}
		if err := rc.Flush(); err != nil && n == 0 {
			h.Log.WarnContext(ctx, "order export cannot flush; the answer is buffered", "err", err)
		}
		if next == "" {
			return nil
		}
		f.After = next
		if orders, next, err = st.FindOrders(ctx, f); err == nil {
			names, err = h.exportNames(ctx, orders)
		}
		if err != nil {
			// Half an answer is out: end the connection without finishing the
			// body, so the client knows the file is incomplete.
			h.Log.ErrorContext(ctx, "order export failed midway", "err", err, "pages", n+1)
			panic(http.ErrAbortHandler)
		}
	}
}

// exportNames reads the names of the customers of a page of orders.
func (h *Handlers) exportNames(ctx context.Context, orders []*domain.Order) (map[int64]string, error) {
	ids := make([]int64, len(orders))
	for i, o := range orders {
		ids[i] = o.CustomerID
	}
	return h.customerNames(ctx, ids)
}

// exportRow fills row with o's cells (customer is its customer's name),
// each safe to open in a spreadsheet.
func exportRow(row []string, o *domain.Order, customer string, tns bool) {
	idOrEmpty := func(p *int64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatInt(*p, 10)
	}
	completion := ""
	if o.CompletionDate != nil {
		completion = o.CompletionDate.UTC().Format(time.RFC3339)
	}
	lines := ""
	if tns {
		lines = strings.Join(o.TNs(), " ")
	}
	vals := [...]string{
		strconv.FormatInt(o.ID, 10), o.PON, o.Type, o.Status, o.StatusNote, strconv.FormatInt(o.CustomerID, 10), customer,
		o.CarrierName, strconv.FormatInt(o.CarrierID, 10), o.CarrierAccountName, strconv.FormatInt(o.CarrierAccountID, 10),
		o.CreatedAt.UTC().Format(time.RFC3339), completion, o.TrackingNumber, o.ShippingStatus,
		strconv.FormatBool(o.FlowThrough), idOrEmpty(o.ProcessID), idOrEmpty(o.ProcessRouteID),
		strconv.FormatBool(o.AwaitingRoute()), lines,
	}
	for i, v := range vals {
		row[i] = csvSafe(v)
	}
}

// csvSafe keeps a spreadsheet from reading a cell as a formula: a cell
// starting with = + - @ (or a tab or carriage return, which some
// spreadsheets skip) gets a leading single quote.
func csvSafe(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

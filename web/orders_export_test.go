package web_test

import (
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// flushCounter records an answer and counts its flushes.
type flushCounter struct {
	*httptest.ResponseRecorder
	flushes int
}

func (f *flushCounter) Flush() { f.flushes++; f.ResponseRecorder.Flush() }

// readCSV parses an export, failing the test unless it is CSV.
func readCSV(t *testing.T, res *webtest.Response) [][]string {
	t.Helper()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, res.Text)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Fatalf("Content-Type %q, want text/csv", ct)
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, ".csv") {
		t.Errorf("Content-Disposition %q, want an attachment named .csv", cd)
	}
	rows, err := csv.NewReader(strings.NewReader(res.Text)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	return rows
}

func TestOrderExport(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	// More than two of the export's pages of 500, all Acme's, newest last.
	const many = 1060
	var want []string
	for i := 0; i < many; i++ {
		want = append(want, strconv.FormatInt(fxNewService(t, app, fx, fx.acme.ID, 0, "").ID, 10))
	}
	slices.Reverse(want)
	hostile := fxSuspend(t, app, "3125550201") // Blue's, with formulas in its text
	hostile = fxUpdate(t, app, hostile, &domain.OrderUpdateInput{Status: "SENT", StatusNote: ptrTo("=HYPERLINK(\"http://x\",\"click\")"), TrackingNumber: ptrTo("+1-555")})
	support := app.As(domain.RoleSupport)

	t.Run("EveryMatchingRow", func(t *testing.T) {
		rows := readCSV(t, support.Get("/orders/export.csv?Customer="+strconv.FormatInt(fx.acme.ID, 10)))
		if got := rows[0]; got[0] != "Order ID" || !slices.Contains(got, "PON") || !slices.Contains(got, "Status") || !slices.Contains(got, "Carrier") {
			t.Fatalf("header %v", got)
		}
		// One style: words separated by spaces, never Snake_Case or CamelCase.
		for _, h := range rows[0] {
			if !regexp.MustCompile(`^[A-Z][A-Za-z-]*( [A-Za-z-]+)*$`).MatchString(h) || regexp.MustCompile(`[a-z][A-Z]`).MatchString(h) {
				t.Errorf("header %q is not in the headers' style (words: \"Order type\", \"Customer ID\")", h)
			}
		}
		// The customer's name beside its ID.
		id, name := slices.Index(rows[0], "Customer ID"), slices.Index(rows[0], "Customer")
		if id < 0 || name != id+1 {
			t.Fatalf("header %v: want Customer right after Customer ID", rows[0])
		}
		for _, r := range rows[1:] {
			if r[id] != strconv.FormatInt(fx.acme.ID, 10) || r[name] != "Acme Freight" {
				t.Fatalf("row %v: customer %q %q, want %d Acme Freight", r, r[id], r[name], fx.acme.ID)
			}
		}
		var got []string
		for _, r := range rows[1:] {
			got = append(got, r[0])
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%d rows, want %d, newest first", len(got), len(want))
		}
	})

	t.Run("SameFiltersAsTheSearch", func(t *testing.T) {
		rows := readCSV(t, support.Get("/orders/export.csv?Status=SENT&TN="+url.QueryEscape("(312) 555-0201")+"&ShowServiceDetails=true"))
		if len(rows) != 2 || rows[1][0] != strconv.FormatInt(hostile.ID, 10) {
			t.Fatalf("rows %v, want the one SENT order on that TN", rows)
		}
		tns := slices.Index(rows[0], "TNs")
		if tns < 0 || rows[1][tns] != "3125550201" {
			t.Errorf("TNs column %v", rows[1])
		}
	})

	t.Run("CSVInjectionSafe", func(t *testing.T) {
		rows := readCSV(t, support.Get("/orders/export.csv?OrderID="+strconv.FormatInt(hostile.ID, 10)))
		row := rows[1]
		note, track := row[slices.Index(rows[0], "Status note")], row[slices.Index(rows[0], "Tracking number")]
		if note != `'=HYPERLINK("http://x","click")` || track != "'+1-555" {
			t.Errorf("Status note %q, Tracking number %q: want each prefixed with a quote", note, track)
		}
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
		}
	})

	t.Run("StreamedPageByPage", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodGet, "/orders/export.csv", nil)
		u, _ := url.Parse(app.HTTP.URL)
		for _, c := range support.Jar.Cookies(u) {
			req.AddCookie(c)
		}
		rec := &flushCounter{ResponseRecorder: httptest.NewRecorder()}
		app.Server.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
		if rec.flushes < 3 {
			t.Errorf("%d flushes for %d orders: want one per page of 500", rec.flushes, many+1)
		}
		if n := strings.Count(rec.Body.String(), "\n"); n != many+2 {
			t.Errorf("%d lines, want %d", n, many+2)
		}
	})

	t.Run("ErrBadFilter", func(t *testing.T) {
		res := support.Get("/orders/export.csv?TN=12")
		if res.StatusCode != http.StatusBadRequest || strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
			t.Errorf("status %d, %s: want a 400 page", res.StatusCode, res.Header.Get("Content-Type"))
		}
	})

	t.Run("Anonymous", func(t *testing.T) {
		if res := app.Anonymous().Get("/orders/export.csv"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("status %d, want a redirect to sign in", res.StatusCode)
		}
	})
}

package web_test

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestAPIPortNumberSeedFailures: every failure seed 002 lists, through the
// router, with its status, Field and message word for word.
func TestAPIPortNumberSeedFailures(t *testing.T) {
	app := webtest.Open(t, nil)
	w := seedQuoteWorld(t, app)
	// 5 numbers already on the trunk (of 10).
	if res := app.API(domain.RoleRep, "POST", pnPath(w.Trunk), `{"FirstNumber":"3125550100","LastNumber":"3125550104","PortAction":"Port"}`); res.StatusCode != 201 {
		t.Fatalf("first range: %d %s", res.StatusCode, res.Text)
	}
	tests := []struct {
		name    string
		service int64
		body    string
		status  int
		field   string
		message string
	}{
		{"UnknownOrderService", 987654, `{"FirstNumber":"3125550100"}`, 404, "OrderServices.OrderServiceID", "Error retrieving the Order Service with ID 987654."},
		{"OnlyQuotes", w.Closed, `{"FirstNumber":"3125550100"}`, 403, "", "Only quotes may be updated"},
		{"PortActionNotValid", w.PortOnly, `{"FirstNumber":"3125550100","PortAction":"Cease"}`, 403, "", fmt.Sprintf("PortAction value is not valid in OrderServiceID %d", w.PortOnly)},
		{"NoPortingNumberControl", w.NoControl, `{"FirstNumber":"3125550100"}`, 403, "", fmt.Sprintf("OrderServiceID %d must contain a PortingNumber control", w.NoControl)},
		{"Overlap", w.Trunk, `{"FirstNumber":"3125550103","Quantity":2}`, 400, "Order.PortNumber", "The number range submitted overlaps with another range on the same service."},
		{"QuantityOverX", w.Trunk, `{"FirstNumber":"3125550200","Quantity":11}`, 400, "PortNumber.Quantity", "Quantity must be between 1 and 10"},
		{"ServiceTotalOverX", w.Trunk, `{"FirstNumber":"3125550200","LastNumber":"3125550205"}`, 400, "PortNumber.Quantity", "Quantity for the whole service may not be more than 10, including this operation it will be 11"},
		{"AssociatedQuantity", w.Trunk, `{"AssociatedNumber":"3125550300","Quantity":2}`, 403, "", "When porting an associated number the maximum quantity allowed is 1"},
		{"AssociatedFirstNumber", w.Trunk, `{"AssociatedNumber":"3125550300","FirstNumber":"3125550301"}`, 400, "PortNumber.FirstNumber", "When porting an associated number the FirstNumber must be the same as the AssociatedNumber"},
		{"RangeQuantityBelowOne", w.Trunk, `{"FirstNumber":"3125550300","LastNumber":"3125550301","Quantity":0}`, 403, "", "When porting a range the quantity must be 1 or greater"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := app.API(domain.RoleRep, "POST", pnPath(tt.service), tt.body)
			errs := errorEntries(t, res, tt.status)
			if len(errs) != 1 || errs[tt.field] != tt.message {
				t.Fatalf("errors %v, want {%q: %q}", errs, tt.field, tt.message)
			}
		})
	}
	t.Run("ErrorSavingNumbers", func(t *testing.T) {
		for _, m := range []string{"PUT", "DELETE"} {
			res := app.API(domain.RoleRep, m, pnPath(w.Trunk)+"/424242", `{"FirstNumber":"3125550100"}`)
			if errs := errorEntries(t, res, 400); errs["PortNumbers.ID"] != "Error saving numbers." {
				t.Fatalf("%s: errors %v", m, errs)
			}
		}
	})
	t.Run("NothingStoredByRefusals", func(t *testing.T) {
		if n := fxCount(t, app, "port_numbers", ""); n != 1 {
			t.Fatalf("%d ranges stored, want the first one only", n)
		}
	})
}

// TestAPIPortNumbers: add, list, change and remove, JSON and XML, the
// associated-number rule, roles and malformed bodies.
func TestAPIPortNumbers(t *testing.T) {
	app := webtest.Open(t, nil)
	w := seedQuoteWorld(t, app)

	t.Run("AssociatedNumberAloneIsQuantityOne", func(t *testing.T) {
		m := apiJSON(t, app.API(domain.RoleRep, "POST", pnPath(w.Trunk), `{"AssociatedNumber":"3125550900","PortAction":"Cease"}`), 201)
		if m["Success"] != true || m["Quantity"] != 1.0 || m["FirstNumber"] != "3125550900" || m["LastNumber"] != "3125550900" || m["PortAction"] != "Cease" || num(t, m["PortNumberID"]) == 0 {
			t.Fatalf("answer %v", m)
		}
	})
	t.Run("XMLInAndOut", func(t *testing.T) {
		body := `<PortNumberCreate xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/aBILLity.API.Models"> <FirstNumber>0312555010</FirstNumber> <LastNumber i:nil="true"/> <PortAction>Port</PortAction> <Quantity>3</Quantity> <AssociatedNumber i:nil="true"/> </PortNumberCreate>`
		for _, ct := range []string{"application/xml", "text/xml; charset=utf-8"} {
			res := app.Anonymous().Do("POST", pnPath(w.PortOnly), strings.NewReader(body), "Authorization", "Bearer "+app.Tokens[domain.RoleRep], "Content-Type", ct, "Accept", "application/xml")
			if ct == "application/xml" {
				if res.StatusCode != 201 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/xml") {
					t.Fatalf("%s: %d %s %s", ct, res.StatusCode, res.Header.Get("Content-Type"), res.Text)
				}
				var v struct {
					XMLName      xml.Name `xml:"http://schemas.datacontract.org/2004/07/aBILLity.API.Models PortNumberView"`
					FirstNumber  string
					LastNumber   string
					PortAction   string
					Quantity     int
					PortNumberID int64
				}
				if err := xml.Unmarshal([]byte(res.Text), &v); err != nil {
					t.Fatalf("answer is not PortNumberView: %v: %s", err, res.Text)
				}
				if v.FirstNumber != "0312555010" || v.LastNumber != "0312555012" || v.Quantity != 3 || v.PortNumberID == 0 {
					t.Fatalf("view %+v", v)
				}
				continue
			}
			// The same range again, as text/xml: refused, overlap.
			if errs := errorEntries(t, res, 400); errs["Order.PortNumber"] == "" {
				t.Fatalf("text/xml again: %v", errs)
			}
		}
	})
	t.Run("MalformedBodies", func(t *testing.T) {
		for _, c := range []struct{ ct, body, field string }{
			{"application/json", `{"FirstNumber":`, ""},
			{"application/json", `{"FirstNumber":"1","Colour":"red"}`, "Colour"},
			{"application/json", `{"Quantity":"5"}`, "Quantity"},
			{"application/json", `[1]`, ""},
			{"application/xml", `<PortNumberCreate><FirstNumber>1</PortNumberCreate>`, ""},
			{"text/xml", `not xml at all`, ""},
			{"application/xml", `<PortNumberCreate><Colour>red</Colour></PortNumberCreate>`, "Colour"},
			{"text/plain", `FirstNumber=1`, ""},
		} {
			res := app.Anonymous().Do("POST", pnPath(w.Trunk), strings.NewReader(c.body), "Authorization", "Bearer "+app.Tokens[domain.RoleRep], "Content-Type", c.ct)
			errs := errorEntries(t, res, 400)
			if _, ok := errs[c.field]; !ok {
				t.Errorf("%s %q: errors %v, want one on %q", c.ct, c.body, errs, c.field)
			}
		}
	})
	t.Run("ListChangeRemove", func(t *testing.T) {
		m := apiJSON(t, app.API(domain.RoleRep, "POST", pnPath(w.Trunk), `{"FirstNumber":"3125550100","Quantity":2}`), 201)
		id := num(t, m["PortNumberID"])
		m = apiJSON(t, app.API(domain.RoleRep, "PUT", fmt.Sprintf("%s/%d", pnPath(w.Trunk), id), `{"FirstNumber":"3125550100","LastNumber":"3125550103"}`), 200)
		if m["Quantity"] != 4.0 || m["LastNumber"] != "3125550103" {
			t.Fatalf("changed %v", m)
		}
		// Changing it to overlap the associated number is refused like an addition.
		errs := errorEntries(t, app.API(domain.RoleRep, "PUT", fmt.Sprintf("%s/%d", pnPath(w.Trunk), id), `{"FirstNumber":"3125550899","Quantity":2}`), 400)
		if errs["Order.PortNumber"] == "" {
			t.Fatalf("overlapping change: %v", errs)
		}
		list := apiJSON(t, app.API(domain.RoleSupport, "GET", pnPath(w.Trunk), ""), 200)
		if got := fmt.Sprint(list["PortNumbers"]); !strings.Contains(got, "3125550103") || !strings.Contains(got, "3125550900") {
			t.Fatalf("list %s", got)
		}
		res := app.Anonymous().Do("GET", pnPath(w.Trunk), nil, "Authorization", "Bearer "+app.Tokens[domain.RoleSupport], "Accept", "text/xml")
		if res.StatusCode != 200 || !strings.Contains(res.Text, "<ArrayOfPortNumberView") || strings.Count(res.Text, "<PortNumberView>") != 2 {
			t.Fatalf("XML list: %s", res.Text)
		}
		apiJSON(t, app.API(domain.RoleRep, "DELETE", fmt.Sprintf("%s/%d", pnPath(w.Trunk), id), ""), 200)
		if n := fxCount(t, app, "port_numbers", "order_service_id = ?", w.Trunk); n != 1 {
			t.Fatalf("%d ranges left", n)
		}
	})
	t.Run("Roles", func(t *testing.T) {
		if res := app.API(domain.RoleSupport, "POST", pnPath(w.Trunk), `{"FirstNumber":"3125551000"}`); res.StatusCode != 403 {
			t.Fatalf("support adding: %d", res.StatusCode)
		}
		if res := app.API("", "GET", pnPath(w.Trunk), ""); res.StatusCode != 401 {
			t.Fatalf("no token: %d", res.StatusCode)
		}
	})
	t.Run("Quotes", func(t *testing.T) {
		q := apiJSON(t, app.API(domain.RoleRep, "POST", "/api/quotes", fmt.Sprintf(`{"CustomerID":%d}`, w.Customer.ID)), 201)
		qid := num(t, q["QuoteID"])
		s := apiJSON(t, app.API(domain.RoleRep, "POST", fmt.Sprintf("/api/quotes/%d/services", qid), fmt.Sprintf(`{"ServiceDesignID":%d}`, w.TrunkDesign.ID)), 201)
		sid := num(t, s["OrderServiceID"])
		apiJSON(t, app.API(domain.RoleRep, "POST", pnPath(sid), `{"FirstNumber":"6305550100","Quantity":10}`), 201)
		got := apiJSON(t, app.API(domain.RoleSupport, "GET", fmt.Sprintf("/api/quotes/%d", qid), ""), 200)
		if got["IsQuote"] != true || len(list(t, got["OrderServices"])) != 1 {
			t.Fatalf("quote %v", got)
		}
		apiJSON(t, app.API(domain.RoleRep, "POST", fmt.Sprintf("/api/quotes/%d/convert", qid), ""), 200)
		if errs := errorEntries(t, app.API(domain.RoleRep, "POST", pnPath(sid), `{"FirstNumber":"1"}`), 403); errs[""] != "Only quotes may be updated" {
			t.Fatalf("after convert: %v", errs)
		}
		if res := app.API(domain.RoleRep, "POST", "/api/quotes", `{"CustomerID":99999}`); res.StatusCode != 400 {
			t.Fatalf("unknown customer: %d", res.StatusCode)
		}
		designs := apiJSON(t, app.API(domain.RoleSupport, "GET", "/api/service-designs?Limit=2", ""), 200)
		if len(list(t, designs["ServiceDesigns"])) != 2 || designs["Next"] == "" {
			t.Fatalf("designs page %v", designs)
		}
		d0 := obj(t, list(t, designs["ServiceDesigns"])[0])
		for _, k := range []string{"ServiceDesignID", "Name", "PortingNumberControl", "PortActions", "MaxPortQuantity"} {
			if _, ok := d0[k]; !ok {
				t.Fatalf("design %v lacks %s", d0, k)
			}
		}
	})
}

// TestAPIPortNumbersConcurrent: many overlapping additions to one service
// at once through the API: no overlap stored, never more than X.
func TestAPIPortNumbersConcurrent(t *testing.T) {
	app := webtest.Open(t, nil)
	w := seedQuoteWorld(t, app)
	var wg sync.WaitGroup
	statuses := make([]int, 16)
	for i := range statuses {
		wg.Go(func() {
			statuses[i], _, _, _ = rawAPI(app, domain.RoleRep, "POST", pnPath(w.Trunk), fmt.Sprintf(`{"FirstNumber":"31255501%02d","Quantity":3}`, i))
		})
	}
	wg.Wait()
	created := 0
	for _, s := range statuses {
		switch s {
		case http.StatusCreated:
			created++
		case http.StatusBadRequest:
		default:
			t.Fatalf("status %d", s)
		}
	}
	svc, err := app.DB.FindOrderService(t.Context(), w.Trunk)
	if err != nil {
		t.Fatal(err)
	}
	if svc.PortQuantity() > 10 || created != len(svc.PortNumbers) {
		t.Fatalf("%d numbers in %d ranges after %d additions", svc.PortQuantity(), len(svc.PortNumbers), created)
	}
	for i, a := range svc.PortNumbers {
		for _, b := range svc.PortNumbers[i+1:] {
			if a.Overlaps(b) {
				t.Fatalf("%s overlaps %s", a.Range(), b.Range())
			}
		}
	}
}

// TestAPIPortNumbersAccept: XML is answered when Accept prefers it to JSON.
func TestAPIPortNumbersAccept(t *testing.T) {
	app := webtest.Open(t, nil)
	w := seedQuoteWorld(t, app)
	for accept, xml := range map[string]bool{
		"":                                  false,
		"application/json":                  false,
		"application/xml":                   true,
		"text/xml":                          true,
		"*/*":                               false,
		"application/xml, application/json": true,
		"application/json, application/xml": false,
		"application/json;q=0.5, text/xml":  true,
		"application/xml;q=0.2, */*":        false,
		"application/xml;q=0":               false,
		"text/html, application/xml;q=0.9":  true,
		"application/xml;q=bad, text/json":  false,
	} {
		res := app.Anonymous().Do("GET", pnPath(w.Trunk), nil, "Authorization", "Bearer "+app.Tokens[domain.RoleSupport], "Accept", accept)
		if got := strings.HasPrefix(res.Header.Get("Content-Type"), "application/xml"); res.StatusCode != 200 || got != xml {
			t.Errorf("Accept %q: %d %s, want XML %v", accept, res.StatusCode, res.Header.Get("Content-Type"), xml)
		}
	}
}

// TestAPIPortNumbersIdempotencyKey: an addition sent twice with one key
// stores one range and answers the first answer again, XML as XML.
func TestAPIPortNumbersIdempotencyKey(t *testing.T) {
	app := webtest.Open(t, nil)
	w := seedQuoteWorld(t, app)
	body := `<PortNumberCreate xmlns="http://schemas.datacontract.org/2004/07/aBILLity.API.Models"><FirstNumber>3125550100</FirstNumber><Quantity>2</Quantity></PortNumberCreate>`
	var first string
	for i := range 2 {
		res := app.Anonymous().Do("POST", pnPath(w.Trunk), strings.NewReader(body), "Authorization", "Bearer "+app.Tokens[domain.RoleRep],
			"Content-Type", "application/xml", "Accept", "application/xml", "Idempotency-Key", "pn-once")
		if res.StatusCode != 201 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/xml") {
			t.Fatalf("send %d: %d %s %s", i, res.StatusCode, res.Header.Get("Content-Type"), res.Text)
		}
		if i == 0 {
			first = res.Text
		} else if res.Text != first || res.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("second answer %q (replayed %q), want %q", res.Text, res.Header.Get("Idempotent-Replayed"), first)
		}
	}
	if n := fxCount(t, app, "port_numbers", "order_service_id = ?", w.Trunk); n != 1 {
		t.Fatalf("%d ranges stored", n)
	}
	q := apiJSON(t, app.API(domain.RoleRep, "POST", "/api/quotes", fmt.Sprintf(`{"CustomerID":%d}`, w.Customer.ID), "Idempotency-Key", "q-once"), 201)
	again := apiJSON(t, app.API(domain.RoleRep, "POST", "/api/quotes", fmt.Sprintf(`{"CustomerID":%d}`, w.Customer.ID), "Idempotency-Key", "q-once"), 201)
	if q["QuoteID"] != again["QuoteID"] {
		t.Fatalf("two quotes for one key: %v %v", q, again)
	}
}

package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// customerWithout finds an ACTIVE customer with lines, none of them of
// status, and says whether any customer has a line of status.
func customerWithout(t *testing.T, app *webtest.App, status string) (*domain.Customer, map[int64]bool) {
	t.Helper()
	ctx := context.Background()
	cs, _, err := app.DB.FindCustomers(ctx, domain.CustomerFilter{Page: domain.Page{Limit: 500}})
	if err != nil {
		t.Fatal(err)
	}
	var found *domain.Customer
	has := map[int64]bool{} // the customers with a line of status
	for _, c := range cs {
		ls, err := app.DB.FindCustomerLines(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			has[c.ID] = has[c.ID] || l.Status == status
		}
		if found == nil && len(ls) > 0 && !has[c.ID] && c.Status == domain.CustomerActive {
			found = c
		}
	}
	if found == nil { // none in the demo data: one with a line of another status
		other := domain.LineSuspended
		if status == other {
			other = domain.LineActive
		}
		found = customerWithOnly(t, app, cs[0], other)
	}
	return found, has
}

// customerWithOnly adds a customer like model with one line, of status.
func customerWithOnly(t *testing.T, app *webtest.App, model *domain.Customer, status string) *domain.Customer {
	t.Helper()
	ctx := context.Background()
	c := &domain.Customer{Name: "Quill & Anvil Works", BillProfileID: model.BillProfileID, ServiceAddress: model.ServiceAddress}
	c.ServiceAddress.ID = 0
	if err := app.DB.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	ls, err := app.DB.FindCustomerLines(ctx, model.ID)
	if err != nil || len(ls) == 0 {
		t.Fatalf("customer %d has no lines to copy: %v", model.ID, err)
	}
	l := ls[0]
	fxInsert(t, app, `INSERT INTO lines (customer_id, tn, package_id, carrier_id, carrier_account_id, description, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)`, c.ID, "6125550177", l.PackageID, l.CarrierID, l.CarrierAccountID, "Front desk", status)
	return c
}

// TestChangeServiceNoLineCanTakeIt: a restore for a customer with no
// suspended line, or a suspend for one with no active line, says why it
// cannot go on and offers the ways on: another customer (the customer step
// lists only those with such a line) or another order.
func TestChangeServiceNoLineCanTakeIt(t *testing.T) {
	app := webtest.OpenDemo(t)
	rep := app.As(domain.RoleRep)
	for _, tt := range []struct {
		kind, status, why, listed, without string
	}{
		{"Restore", domain.LineSuspended, " is suspended: only a suspended line can be restored.", "Only customers with a suspended line are listed", "No suspended line"},
		{"Suspend", domain.LineActive, " is active: only an active line can be suspended.", "Only customers with an active line are listed", "No active line"},
	} {
		t.Run(tt.kind, func(t *testing.T) {
			cust, has := customerWithout(t, app, tt.status)
			base := startOrders(t, rep, tt.kind, cust.ID)
			res := rep.Get(base + "/lines")
			doc := res.Doc()
			box, ok := doc.Find(".sb-stuck")
			if want := "No line of " + cust.Name + tt.why; !ok || !strings.Contains(box.Text(), want) {
				t.Fatalf("the lines step does not say %q: %q", want, box.Text())
			}
			links := map[string]bool{}
			for _, a := range box.FindAll("a") {
				links[a.Attr("href")] = true
			}
			if !links[base+"/customer"] || !links[base+"/kind"] {
				t.Errorf("the way out links %v, want %s/customer and %s/kind", links, base, base)
			}
			if doc.Has("input[name=LineID]:not([disabled])") {
				t.Error("a line is offered all the same")
			}
			if doc.Has("button[name=action][value=next]") {
				t.Error("the step offers Next when it cannot go on")
			}

			// The customer step lists only customers with such a line (the one chosen first, as chosen).
			doc = rep.Get(base + "/customer").Doc()
			if !strings.Contains(doc.Text(), tt.listed) {
				t.Errorf("the customer step does not say which customers it lists")
			}
			radios := doc.FindAll("input[name=CustomerID]")
			if len(radios) < 2 {
				t.Fatalf("the customer step offers %d customers", len(radios))
			}
			if first, _ := doc.Find("#wizard-customers label"); !strings.Contains(first.Text(), cust.Name) || !strings.Contains(first.Text(), tt.without) {
				t.Errorf("the chosen customer is not first and marked %q: %q", tt.without, first.Text())
			}
			for _, r := range radios {
				if id := r.Attr("value"); id != itoa(cust.ID) && !has[parseInt(t, id)] {
					t.Errorf("customer %s is offered for a %s but has no %s line", id, tt.kind, tt.status)
				}
			}
			// The search keeps to them too.
			res = rep.Get(base+"/customer?Search="+cust.Name[:3], "HX-Request", "true", "HX-Target", "wizard-customers")
			for _, r := range res.Doc().FindAll("input[name=CustomerID]") {
				if id := r.Attr("value"); id != itoa(cust.ID) && !has[parseInt(t, id)] {
					t.Errorf("the search offers customer %s for a %s, with no %s line", id, tt.kind, tt.status)
				}
			}
		})
	}
}

func parseInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("%q is not an id", s)
	}
	return n
}

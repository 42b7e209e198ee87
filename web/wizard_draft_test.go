package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// shown is what a page's form shows for the field name: the values of its
// text inputs, checked boxes and radios, chosen options and text areas.
func shown(doc webtest.Node, name string) []string {
	var out []string
	for _, n := range doc.FindAll("input") {
		if n.Attr("name") != name {
			continue
		}
		switch n.Attr("type") {
		case "checkbox", "radio":
			if n.HasAttr("checked") {
				out = append(out, n.Attr("value"))
			}
		case "submit", "button":
		default:
			out = append(out, n.Attr("value"))
		}
	}
	for _, n := range doc.FindAll("select") {
		if n.Attr("name") == name {
			for _, o := range n.FindAll("option") {
				if o.HasAttr("selected") {
					out = append(out, o.Attr("value"))
				}
			}
		}
	}
	for _, n := range doc.FindAll("textarea") {
		if n.Attr("name") == name {
			out = append(out, n.Text())
		}
	}
	return out
}

// draftStep is one step of a wizard walk: what is entered on it.
type draftStep struct {
	step string
	form url.Values
}

// walkDraft enters each step's values with a button that only saves, checks
// that a reload shows every value entered, then goes on with Next.
func walkDraft(t *testing.T, c *webtest.Client, base string, steps []draftStep) {
	t.Helper()
	for i, s := range steps {
		res := c.PostForm(base+"/"+s.step, with(s.form, "action", "refresh"))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("save %s: status %d: %s", s.step, res.StatusCode, errorsIn(res))
		}
		doc := c.Get(base + "/" + s.step).Doc()
		for name, vs := range s.form {
			if v := vs[0]; v != "" && !strings.Contains(name, "PINPassword") && !slices.Contains(shown(doc, name), v) {
				t.Errorf("%s: %s shows %q after a reload, want %q", s.step, name, shown(doc, name), v)
			}
		}
		if i+1 < len(steps) {
			step(t, c, base, s.step, s.form, steps[i+1].step)
		}
	}
}

// draftData is what the draft at base keeps.
func draftData(t *testing.T, app *webtest.App, base string) string {
	t.Helper()
	var data string
	id := base[strings.LastIndexByte(base, '/')+1:]
	if err := app.DB.R.GetContext(context.Background(), &data, app.DB.R.Rebind(`SELECT data FROM order_drafts WHERE id = ?`), id); err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDraftsKeepEveryStep: every step of both wizards, saved, shows the
// same values after a reload; what does not parse yet is kept as typed and
// shown with its error; the draft keeps the order input, by version.
func TestDraftsKeepEveryStep(t *testing.T) {
	app := webtest.OpenDemo(t)
	rep := app.As(domain.RoleRep)
	ctx := context.Background()

	t.Run("NewService", func(t *testing.T) {
		fx := newWizardFixture(t, app)
		res := rep.PostForm("/orders/new", url.Values{"CustomerID": {itoa(fx.CustomerID)}, "action": {"next"}})
		base := strings.TrimSuffix(res.Header.Get("Location"), "/package")
		shipping := url.Values{"Ship": {"true"}, "ShippingAddress.FirstName": {"Dana"}, "ShippingAddress.LastName": {"Whitfield"},
			"ShippingAddress.Address1": {"100 Main St"}, "ShippingAddress.City": {"Springfield"}, "ShippingAddress.State": {"IL"},
			"ShippingAddress.Zip": {"62701"}, "AdditionalProducts[0].ProductID": {itoa(fx.ProductID)}, "AdditionalProducts[0].Rate": {"-5.00"},
			"AdditionalProducts[0].Quantity": {"2"}, "AdditionalProducts[0].Description": {"Spare"}}
		walkDraft(t, rep, base, []draftStep{
			{"customer", url.Values{"CustomerID": {itoa(fx.CustomerID)}}},
			{"package", url.Values{"PackageID": {itoa(fx.PackageID)}}},
			{"service", url.Values{"Description": {"Warehouse scanner 3"}}},
			{"device", url.Values{"ESN": {fx.Device}, "WirelessICCID": {fx.SIM}}},
			{"number", fx.portForm()},
			{"shipping", shipping},
			{"review", url.Values{"SendOrders": {"true"}}},
		})
		var kept domain.NewServiceDraft
		if err := json.Unmarshal([]byte(draftData(t, app, base)), &kept); err != nil || kept.Version != domain.DraftVersion ||
			kept.Input.CustomerID != fx.CustomerID || !kept.Input.SendOrders || kept.Answers.NumberMode != "port" {
			t.Fatalf("the draft does not keep the input: %v %+v", err, kept)
		}

		// A rate not read yet: refused beside its field, kept as typed.
		bad := with(shipping, "AdditionalProducts[0].Rate", "4,99", "AdditionalProducts[0].Quantity", "two", "action", "next")
		res = rep.PostForm(base+"/shipping", bad)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("a rate of 4,99: status %d", res.StatusCode)
		}
		if err := json.Unmarshal([]byte(draftData(t, app, base)), &kept); err != nil {
			t.Fatal(err)
		}
		if p := kept.Input.AdditionalProducts; len(p) != 1 || p[0].Rate != nil || p[0].Quantity != nil ||
			kept.Unparsed["AdditionalProducts[0].Rate"] != "4,99" || kept.Unparsed["AdditionalProducts[0].Quantity"] != "two" {
			t.Fatalf("the draft does not keep the typing: %+v %v", kept.Input.AdditionalProducts, kept.Unparsed)
		}
		doc := rep.Get(base + "/shipping").Doc()
		for name, want := range map[string]string{"AdditionalProducts[0].Rate": "4,99", "AdditionalProducts[0].Quantity": "two"} {
			if got := shown(doc, name); !slices.Contains(got, want) {
				t.Errorf("%s shows %q after a reload, want %q", name, got, want)
			}
		}
		if n, ok := byAttr(doc, "small", "id", "e-AdditionalProducts[0].Rate"); !ok || !strings.Contains(n.Text(), "4.99") {
			t.Errorf("the rate kept as typed shows no error: %q", n.Text())
		}
		step(t, rep, base, "shipping", with(bad, "AdditionalProducts[0].Rate", "4.99", "AdditionalProducts[0].Quantity", "1"), "review")
		if strings.Contains(draftData(t, app, base), "Unparsed") {
			t.Error("corrected typing is still kept as unparsed")
		}
	})

	t.Run("ChangeService", func(t *testing.T) {
		used := map[int64]bool{}
		cust, line := activeWirelessLine(t, app, used)
		used[cust.ID] = true
		pkgs, err := app.DB.FindPackages(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var other *domain.Package
		for _, p := range pkgs {
			if p.CarrierID == line.CarrierID && p.ID != line.PackageID && other == nil {
				other = p
			}
		}
		ps, err := app.DB.FindProducts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var plain *domain.Product
		for _, p := range ps {
			if p.CarrierID != nil && *p.CarrierID == line.CarrierID && !p.Provisionable && plain == nil {
				plain = p
			}
		}
		if other == nil || plain == nil {
			t.Fatalf("demo data: no other package (%v) or plain product (%v) of carrier %d", other, plain, line.CarrierID)
		}
		cp := "Lines[0].Product." + itoa(line.Products[0].ID) + "."
		lineID := itoa(line.ID)
		for _, tc := range []struct {
			kind    string
			lines   url.Values
			details url.Values
		}{
			{"Suspend", url.Values{"LineID": {lineID}}, url.Values{"SuspendType": {"ALL"}, "FlowThrough": {"true"}}},
			{"Disconnect", url.Values{"LineID": {lineID}}, url.Values{"InventoryItemStatus": {"AVAILABLE"}}},
			{"PackageChange", url.Values{"LineID": {lineID}}, url.Values{"PackageID": {itoa(other.ID)}, "Prorate": {"true"}, "OneTimeCharges": {"true"}}},
			{"Change", url.Values{"LineIDs": {lineID}}, url.Values{"BillingOption": {"PRORATE"}, "Lines[0].Mode": {"change"},
				cp + "Action": {"change"}, cp + "Rate": {"12.50"}, cp + "Quantity": {"3"},
				"Lines[0].Change.Products.Add[0].ProductID": {itoa(plain.ID)}, "Lines[0].Change.Products.Add[0].Quantity": {"2"}}},
			{"AddLine", nil, url.Values{"BillingOption": {"NEXT_CYCLE"}, "Lines[0].PackageID": {itoa(line.PackageID)},
				"Lines[0].Description": {"Front desk"}, "Lines[0].PBXMake": {"Avaya"},
				"Lines[0].Products[0].ProductID": {itoa(plain.ID)}, "Lines[0].Products[0].Rate": {"-2.50"}}},
		} {
			t.Run(tc.kind, func(t *testing.T) {
				base := startOrders(t, rep, tc.kind, cust.ID)
				steps := []draftStep{{"kind", url.Values{"Kind": {tc.kind}}}, {"customer", url.Values{"CustomerID": {itoa(cust.ID)}}}}
				if tc.lines != nil {
					steps = append(steps, draftStep{"lines", tc.lines})
				}
				walkDraft(t, rep, base, append(steps, draftStep{"details", tc.details}))
				var kept domain.ChangeServiceDraft
				if err := json.Unmarshal([]byte(draftData(t, app, base)), &kept); err != nil || kept.Version != domain.DraftVersion ||
					!slices.Equal(kept.Input.Kinds(), []string{tc.kind}) || kept.Answers.CustomerID != cust.ID {
					t.Fatalf("the draft does not keep the %s input: %v %+v", tc.kind, err, kept)
				}
			})
		}

		t.Run("ChangeUnparsed", func(t *testing.T) {
			base := startOrders(t, rep, "Change", cust.ID)
			step(t, rep, base, "lines", url.Values{"LineIDs": {lineID}}, "details")
			res := rep.PostForm(base+"/details", url.Values{"BillingOption": {"PRORATE"}, "Lines[0].Mode": {"change"},
				cp + "Action": {"change"}, cp + "Rate": {"4,99"}, "action": {"next"}})
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("a rate of 4,99: status %d", res.StatusCode)
			}
			var kept domain.ChangeServiceDraft
			if err := json.Unmarshal([]byte(draftData(t, app, base)), &kept); err != nil {
				t.Fatal(err)
			}
			if got := kept.Unparsed["Change.Lines[0].Change.Products.Change[0].Rate"]; got != "4,99" {
				t.Errorf("the draft keeps %v, want the rate as typed", kept.Unparsed)
			}
			doc := rep.Get(base + "/details").Doc()
			if got := shown(doc, cp+"Rate"); !slices.Contains(got, "4,99") {
				t.Errorf("the rate shows %q after a reload", got)
			}
			if n, ok := byAttr(doc, "small", "id", "e-"+cp+"Rate"); !ok || !strings.Contains(n.Text(), "4.99") {
				t.Errorf("the rate kept as typed shows no error: %q", n.Text())
			}
		})
	})
}

package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// walkToNumber takes a new draft from the customer step to the number
// step with plain form posts, and returns the draft's address.
func walkToNumber(t *testing.T, c *webtest.Client, fx wizardFixture) string {
	t.Helper()
	res := c.PostForm("/orders/new", url.Values{"CustomerID": {itoa(fx.CustomerID)}, "action": {"next"}})
	base := strings.TrimSuffix(res.Header.Get("Location"), "/package")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(base, "/orders/new/") {
		t.Fatalf("customer step: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	step(t, c, base, "package", url.Values{"PackageID": {itoa(fx.PackageID)}}, "service")
	step(t, c, base, "service", url.Values{"ProcessID": {""}, "Description": {""}}, "device")
	step(t, c, base, "device", url.Values{"ESN": {fx.Device}, "WirelessICCID": {fx.SIM}}, "number")
	return base
}

// numberFields says which kinds' fields a number step answer draws.
func numberFields(t *testing.T, res *webtest.Response) (port, reconnect bool) {
	t.Helper()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("number step: status %d: %s", res.StatusCode, errorsIn(res))
	}
	doc := res.Doc()
	return doc.Has("input[name='WirelessPort.MDN']") || doc.Has("input[name='WirelessPort.PINPassword']"), doc.Has("input[name=ReconnectTN]")
}

// TestNewServiceNumberStep: the number step draws only the fields of the
// kind of number chosen (none before a choice), a choice brings its fields
// in (a round trip: htmx swaps them, without it a button asks), and what was
// typed for another kind stays in the draft.
func TestNewServiceNumberStep(t *testing.T) {
	app := webtest.OpenDemo(t)
	fx := newWizardFixture(t, app)
	rep := app.As(domain.RoleRep)
	var b bodies
	base := walkToNumber(t, rep, fx)

	res := b.keep(rep.Get(base + "/number"))
	if port, rec := numberFields(t, res); port || rec {
		t.Errorf("before a choice the step draws port fields %v, reconnect fields %v; want neither", port, rec)
	}
	doc := res.Doc()
	radio, ok := doc.Find("input[name=NumberMode][value=port]")
	if !ok || radio.Attr("hx-post") != base+"/number" || radio.Attr("hx-select") != "#wizard-number-fields" || !strings.Contains(radio.Attr("hx-vals"), `"refresh"`) {
		t.Errorf("the port-in choice does not fetch its fields with htmx: %s", radio.HTML())
	}
	if ns := res.Text[strings.Index(res.Text, "<noscript>")+1:]; !strings.Contains(res.Text, "<noscript>") || !strings.Contains(ns[:strings.Index(ns, "</noscript>")], `value="refresh"`) {
		t.Error("without JavaScript there is no button that shows the chosen kind's fields")
	}

	// Port: its fields and no reconnect field, as a whole page and as htmx.
	res = b.keep(rep.PostForm(base+"/number", url.Values{"NumberMode": {"port"}, "action": {"refresh"}}))
	if port, rec := numberFields(t, res); !port || rec {
		t.Errorf("port chosen: port fields %v, reconnect fields %v; want only the port's", port, rec)
	}
	res = b.keep(rep.PostForm(base+"/number", url.Values{"NumberMode": {"port"}, "action": {"refresh"}}, "HX-Request", "true"))
	if port, rec := numberFields(t, res); !port || rec || !res.Doc().Has("#wizard-number-fields") {
		t.Errorf("port chosen with htmx: port fields %v, reconnect fields %v", port, rec)
	}

	// Typed in the port's fields, then a new number: no fields of either kind.
	typed := with(fx.portForm(), "action", "refresh", "NumberMode", "new")
	delete(typed, "ReconnectTN")
	res = b.keep(rep.PostForm(base+"/number", typed))
	if port, rec := numberFields(t, res); port || rec {
		t.Errorf("new number chosen: port fields %v, reconnect fields %v; want neither", port, rec)
	}
	// Reconnect: its field alone (the form posts no port field now).
	res = b.keep(rep.PostForm(base+"/number", url.Values{"NumberMode": {"reconnect"}, "action": {"refresh"}}))
	if port, rec := numberFields(t, res); port || !rec {
		t.Errorf("reconnect chosen: port fields %v, reconnect fields %v; want only the reconnect's", port, rec)
	}
	// Port again: what was typed for it is all there, the PIN kept hidden.
	res = b.keep(rep.PostForm(base+"/number", url.Values{"NumberMode": {"port"}, "ReconnectTN": {"3125550199"}, "action": {"refresh"}}))
	doc = res.Doc()
	for name, want := range map[string]string{"WirelessPort.MDN": fx.MDN, "WirelessPort.AccountNumber": "55501234",
		"WirelessPort.AuthorizedSigner": "Dana Whitfield", "WirelessPort.Address.Zip": "62701"} {
		if in, _ := doc.Find("input[name='" + name + "']"); in.Attr("value") != want {
			t.Errorf("back on a port-in %s = %q, want %q", name, in.Attr("value"), want)
		}
	}
	if !strings.Contains(doc.Text(), "A PIN is saved") {
		t.Error("the PIN typed before the new number was chosen is not kept")
	}
	// And the reconnect number typed in between is kept too.
	res = b.keep(rep.PostForm(base+"/number", url.Values{"NumberMode": {"reconnect"}, "action": {"refresh"}}))
	if in, _ := res.Doc().Find("input[name=ReconnectTN]"); in.Attr("value") != "3125550199" {
		t.Errorf("back on a reconnect the number is %q", in.Attr("value"))
	}

	// A new number goes on; the review asks for no port.
	step(t, rep, base, "number", url.Values{"NumberMode": {"new"}}, "shipping")
	step(t, rep, base, "shipping", url.Values{"Ship": {"true"}, "ShippingAddress.FirstName": {"Dana"}, "ShippingAddress.LastName": {"Whitfield"},
		"ShippingAddress.Address1": {"100 Main St"}, "ShippingAddress.City": {"Springfield"}, "ShippingAddress.State": {"IL"},
		"ShippingAddress.Zip": {"62701"}}, "review")
	text := b.keep(rep.Get(base + "/review")).Doc().Text()
	if !strings.Contains(text, "A new number from the carrier") || strings.Contains(text, "Port in") || strings.Contains(text, "Address on the old account") {
		t.Errorf("the review of a new number: %s", text)
	}
	b.checkNoPIN(t)
}

// TestNewServiceServiceTypeFollowsPackage: choosing a package sets the
// service type to the package's own and offers no other; a type that does
// not suit the package is refused by the rules, beside the field.
func TestNewServiceServiceTypeFollowsPackage(t *testing.T) {
	app := webtest.OpenDemo(t)
	fx := newWizardFixture(t, app)
	rep := app.As(domain.RoleRep)
	ctx := context.Background()
	sts, err := app.DB.FindServiceTypes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	name := map[int64]string{}
	var wireline int64
	for _, s := range sts {
		name[s.ID] = s.Name
		if !s.Wireless {
			wireline = s.ID
		}
	}
	pkgs, err := app.DB.FindPackages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Two packages of the carrier with different service types.
	var first, second *domain.Package
	for _, p := range pkgs {
		if p.CarrierID != fx.Carrier.ID || p.LineTypeID == nil {
			continue
		}
		if first == nil {
			first = p
		} else if *p.LineTypeID != *first.LineTypeID && second == nil {
			second = p
		}
	}
	if first == nil || second == nil || wireline == 0 {
		t.Fatal("the demo data lacks two Verizon packages of different service types, or a wireline type")
	}

	res := rep.PostForm("/orders/new", url.Values{"CustomerID": {itoa(fx.CustomerID)}, "action": {"next"}})
	base := strings.TrimSuffix(res.Header.Get("Location"), "/package")
	for _, pkg := range []*domain.Package{first, second} {
		step(t, rep, base, "package", url.Values{"PackageID": {itoa(pkg.ID)}}, "service")
		doc := rep.Get(base + "/service").Doc()
		// Nothing to choose: the package's type is kept and said, not offered in a list.
		ins := doc.FindAll("[name=LineTypeID]")
		if len(ins) != 1 || ins[0].Attr("type") != "hidden" || ins[0].Attr("value") != itoa(*pkg.LineTypeID) {
			t.Errorf("package %s: LineTypeID fields %d, first %s; want one hidden %d", pkg.Name, len(ins), ins[0].HTML(), *pkg.LineTypeID)
		}
		set, _ := doc.Find(".sb-set-by")
		if !strings.Contains(set.Text(), name[*pkg.LineTypeID]) || !strings.Contains(set.Text(), "Set by the package") {
			t.Errorf("package %s: the service type is not said and explained: %q", pkg.Name, set.Text())
		}
	}
	// A type that does not fit, posted anyway, is refused by the rules.
	res = rep.PostForm(base+"/service", url.Values{"LineTypeID": {itoa(wireline)}, "ProcessID": {""}, "Description": {""}, "action": {"next"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a wireline service type on a wireless package: status %d, want 422", res.StatusCode)
	}
	if n, ok := res.Doc().Find("[id=e-LineTypeID]"); !ok || !strings.Contains(n.Text(), "The package's lines are "+name[*second.LineTypeID]) {
		t.Errorf("LineTypeID error %q", n.Text())
	}
	// Choosing the package again puts its own type back.
	step(t, rep, base, "package", url.Values{"PackageID": {itoa(first.ID)}}, "service")
	step(t, rep, base, "service", url.Values{"LineTypeID": {itoa(*first.LineTypeID)}, "ProcessID": {""}, "Description": {""}}, "device")
}

// TestNewServiceInventoryPicker: each device and SIM offered names its
// model and the carrier it is for, and only the package carrier's (or an
// unlocked device) are offered.
func TestNewServiceInventoryPicker(t *testing.T) {
	app := webtest.OpenDemo(t)
	fx := newWizardFixture(t, app)
	rep := app.As(domain.RoleRep)
	ctx := context.Background()
	avail := domain.InventoryAvailable
	item := func(id string) *domain.InventoryItem {
		items, _, err := app.DB.FindInventory(ctx, domain.InventoryFilter{Status: &avail, Identifier: &id})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if it.Identifier == id {
				return it
			}
		}
		return nil
	}
	res := rep.PostForm("/orders/new", url.Values{"CustomerID": {itoa(fx.CustomerID)}, "action": {"next"}})
	base := strings.TrimSuffix(res.Header.Get("Location"), "/package")
	step(t, rep, base, "package", url.Values{"PackageID": {itoa(fx.PackageID)}}, "service")
	step(t, rep, base, "service", url.Values{"ProcessID": {""}, "Description": {""}}, "device")
	for _, list := range []string{"wizard-devices", "wizard-sims"} {
		doc := rep.Get(base + "/device").Doc()
		rows := doc.FindAll("#" + list + " li")
		if len(rows) == 0 {
			t.Fatalf("%s offers nothing", list)
		}
		for _, row := range rows {
			use, _ := row.Find("button[data-fill-value]")
			it := item(use.Attr("data-fill-value"))
			if it == nil {
				t.Fatalf("%s offers %q, not an AVAILABLE item", list, use.Attr("data-fill-value"))
			}
			text := row.Text()
			if it.Model == "" || !strings.Contains(text, it.Model) {
				t.Errorf("%s: the row of %s does not name its model %q: %q", list, it.Identifier, it.Model, text)
			}
			switch {
			case it.CarrierID == nil && it.Type == domain.InventoryDevice:
				if !strings.Contains(text, "Unlocked") {
					t.Errorf("%s: the unlocked %s is not said to be: %q", list, it.Identifier, text)
				}
			case it.CarrierID == nil || *it.CarrierID != fx.Carrier.ID:
				t.Errorf("%s offers %s of another carrier on a %s package", list, it.Identifier, fx.Carrier.Name)
			case !strings.Contains(text, "For "+fx.Carrier.Name):
				t.Errorf("%s: the row of %s does not name its carrier: %q", list, it.Identifier, text)
			}
			if !strings.Contains(use.Attr("aria-label"), it.Model) {
				t.Errorf("%s: the Use button of %s does not say what it uses: %q", list, it.Identifier, use.Attr("aria-label"))
			}
		}
	}
}

package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// pinSecret is the port-in PIN the tests type; no answer may ever hold it.
const pinSecret = "Zq7PIN8842"

// wizardFixture is what a new-service wizard run needs from the demo data.
type wizardFixture struct {
	CustomerID int64
	PackageID  int64 // a Verizon Wireless package
	Carrier    *domain.Carrier
	ProductID  int64 // a product of that carrier
	SIM        string
	Device     string
	MDN        string // a number no live line holds
	sims, devs []string
	next       *int
}

// fresh is the fixture with a SIM, a device and an MDN no other run used.
func (fx wizardFixture) fresh() wizardFixture {
	i := *fx.next
	*fx.next++
	fx.SIM, fx.Device = fx.sims[i], fx.devs[i]
	fx.MDN = "84755599" + strconv.Itoa(10+i)
	return fx
}

func newWizardFixture(t *testing.T, app *webtest.App) wizardFixture {
	t.Helper()
	ctx := context.Background()
	var fx wizardFixture
	cs, _, err := app.DB.FindCustomers(ctx, domain.CustomerFilter{Page: domain.Page{Limit: 50}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Status == domain.CustomerActive {
			fx.CustomerID = c.ID
			break
		}
	}
	carriers, err := app.DB.FindCarriers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range carriers {
		if c.Code == domain.CarrierVerizon {
			fx.Carrier = c
		}
	}
	pkgs, err := app.DB.FindPackages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		if p.CarrierID == fx.Carrier.ID {
			fx.PackageID = p.ID
			break
		}
	}
	ps, err := app.DB.FindProducts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.CarrierID != nil && *p.CarrierID == fx.Carrier.ID {
			fx.ProductID = p.ID
		}
	}
	avail := domain.InventoryAvailable
	for _, typ := range []string{domain.InventorySIM, domain.InventoryDevice} {
		typ := typ
		items, _, err := app.DB.FindInventory(ctx, domain.InventoryFilter{Status: &avail, Type: &typ, ForCarrier: &fx.Carrier.ID, Page: domain.Page{Limit: 20}})
		if err != nil || len(items) < 20 {
			t.Fatalf("too little AVAILABLE %s in the demo data: %v", typ, err)
		}
		for _, it := range items {
			if typ == domain.InventorySIM {
				fx.sims = append(fx.sims, it.Identifier)
			} else {
				fx.devs = append(fx.devs, it.Identifier)
			}
		}
	}
	fx.next = new(int)
	fx = fx.fresh()
	if fx.CustomerID == 0 || fx.PackageID == 0 || fx.ProductID == 0 {
		t.Fatalf("demo data lacks a customer, package or product: %+v", fx)
	}
	return fx
}

// portForm is a complete, valid number step with a port-in.
func (fx wizardFixture) portForm() url.Values {
	return url.Values{
		"NumberMode":                     {"port"},
		"WirelessPort.MDN":               {fx.MDN},
		"WirelessPort.AccountNumber":     {"55501234"},
		"WirelessPort.AuthorizedSigner":  {"Dana Whitfield"},
		"WirelessPort.PINPassword":       {pinSecret},
		"WirelessPort.Remark":            {"Port before Friday"},
		"WirelessPort.ExternalProvider":  {"VZW"},
		"WirelessPort.Address.FirstName": {"Dana"},
		"WirelessPort.Address.LastName":  {"Whitfield"},
		"WirelessPort.Address.Address1":  {"100 Main St"},
		"WirelessPort.Address.City":      {"Springfield"},
		"WirelessPort.Address.State":     {"IL"},
		"WirelessPort.Address.Zip":       {"62701"},
		"WirelessPort.Address.Zip4":      {""},
		"WirelessPort.Address.Country":   {""},
		"ReconnectTN":                    {""},
		"WirelessPort.Address.Address2":  {""},
	}
}

// bodies collects every answer's body, to search them for the PIN.
type bodies struct {
	mu  sync.Mutex
	all []string
}

func (b *bodies) keep(res *webtest.Response) *webtest.Response {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.all = append(b.all, res.Text)
	return res
}

func (b *bodies) checkNoPIN(t *testing.T) {
	t.Helper()
	for i, s := range b.all {
		if strings.Contains(s, pinSecret) {
			t.Fatalf("answer %d holds the PIN in clear", i)
		}
	}
}

func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = vs
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

// walkToReview takes a new draft from the customer step to the review
// with plain form posts, and returns the draft's address.
func walkToReview(t *testing.T, c *webtest.Client, fx wizardFixture, b *bodies) string {
	t.Helper()
	res := b.keep(c.PostForm("/orders/new", url.Values{"CustomerID": {itoa(fx.CustomerID)}, "action": {"next"}}))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("customer step: status %d: %s", res.StatusCode, res.Text)
	}
	loc := res.Header.Get("Location")
	base := strings.TrimSuffix(loc, "/package")
	if base == loc || !strings.HasPrefix(base, "/orders/new/") {
		t.Fatalf("after the customer step the wizard went to %q", loc)
	}
	steps := []struct {
		step string
		form url.Values
		next string
	}{
		{"package", url.Values{"PackageID": {itoa(fx.PackageID)}}, "service"},
		{"service", url.Values{"LineTypeID": {""}, "ProcessID": {""}, "Description": {"Warehouse scanner 3"}}, "device"},
		{"device", url.Values{"ESN": {fx.Device}, "WirelessICCID": {fx.SIM}}, "number"},
		{"number", fx.portForm(), "shipping"},
		{"shipping", url.Values{"Ship": {"true"}, "ShippingAddress.FirstName": {"Dana"}, "ShippingAddress.LastName": {"Whitfield"},
			"ShippingAddress.Address1": {"100 Main St"}, "ShippingAddress.City": {"Springfield"}, "ShippingAddress.State": {"IL"},
			"ShippingAddress.Zip": {"62701"}, "AdditionalProducts[0].ProductID": {itoa(fx.ProductID)}, "AdditionalProducts[0].Rate": {"-5"},
			"AdditionalProducts[0].Quantity": {"2"}, "AdditionalProducts[0].Description": {""}}, "review"},
	}
	for _, s := range steps {
		if res := b.keep(c.Get(base + "/" + s.step)); res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", s.step, res.StatusCode)
		}
		res := b.keep(c.PostForm(base+"/"+s.step, with(s.form, "action", "next")))
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != base+"/"+s.next {
			t.Fatalf("POST %s: status %d to %q, want 303 to %s: %s", s.step, res.StatusCode, res.Header.Get("Location"), s.next, errorsIn(res))
		}
	}
	return base
}

// errorsIn lists the field errors of an answer, for failure messages.
func errorsIn(res *webtest.Response) string {
	var out []string
	for _, n := range res.Doc().FindAll(".sb-field-error") {
		out = append(out, n.Attr("id")+": "+n.Text())
	}
	for _, n := range res.Doc().FindAll(".sb-review-errors li") {
		out = append(out, n.Text())
	}
	return strings.Join(out, "; ")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func countOrders(t *testing.T, app *webtest.App, customerID int64) int {
	t.Helper()
	return fxCount(t, app, "orders", "customer_id = ?", customerID)
}

func TestNewServiceWizard(t *testing.T) {
	app := webtest.OpenDemo(t)
	fx := newWizardFixture(t, app)
	rep := app.As(domain.RoleRep)
	var b bodies

	t.Run("OK", func(t *testing.T) {
		before := countOrders(t, app, fx.CustomerID)
		base := walkToReview(t, rep, fx, &b)
		res := b.keep(rep.Get(base + "/review"))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("review: status %d", res.StatusCode)
		}
		doc := res.Doc()
		if got := doc.Text(); !strings.Contains(got, "••••••") || !strings.Contains(got, fx.SIM) || !strings.Contains(got, "Dana Whitfield") {
			t.Errorf("the review lacks the masked PIN, the SIM or the signer: %s", got)
		}
		if n := len(doc.FindAll(".sb-review-errors li")); n != 0 {
			t.Fatalf("the review finds %d problems: %s", n, errorsIn(res))
		}
		if cur, ok := doc.Find("nav a[aria-current=step]"); !ok || !strings.Contains(cur.Text(), "Review") {
			t.Errorf("the step indicator does not mark the review current: %s", cur.HTML())
		}
		if got := countOrders(t, app, fx.CustomerID); got != before {
			t.Fatalf("%d orders before submitting, want %d", got, before)
		}
		res = b.keep(rep.PostForm(base+"/submit", url.Values{"SendOrders": {"true"}}))
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != base+"/result" {
			t.Fatalf("submit: status %d to %q: %s", res.StatusCode, res.Header.Get("Location"), errorsIn(res))
		}
		res = b.keep(rep.Get(base + "/result"))
		doc = res.Doc()
		orders := doc.FindAll("#wizard article a[href^='/orders/']")
		lines := doc.FindAll("#wizard a[href*='#line-']")
		if len(orders) != 1 || len(lines) != 1 {
			t.Fatalf("the result links %d orders and %d lines, want 1 and 1: %s", len(orders), len(lines), doc.Text())
		}
		if got := countOrders(t, app, fx.CustomerID); got != before+1 {
			t.Fatalf("%d orders after submitting, want %d", got, before+1)
		}
		// Reloading the result, or submitting again, creates nothing more.
		b.keep(rep.Get(base + "/result"))
		again := b.keep(rep.PostForm(base+"/submit", url.Values{}))
		if again.StatusCode != http.StatusSeeOther || again.Header.Get("Location") != base+"/result" {
			t.Errorf("a second submit answered %d to %q, want 303 to the result", again.StatusCode, again.Header.Get("Location"))
		}
		if res := b.keep(rep.Get(base + "/number")); res.StatusCode != http.StatusOK || !strings.Contains(res.Text, orders[0].Attr("href")) {
			t.Errorf("a step of a submitted draft does not show its result")
		}
		if got := countOrders(t, app, fx.CustomerID); got != before+1 {
			t.Fatalf("%d orders after submitting twice, want %d", got, before+1)
		}
		// The PIN is kept sealed, not in clear.
		if n := fxCount(t, app, "order_drafts", "secrets LIKE ?", "%"+pinSecret+"%"); n != 0 {
			t.Error("the draft keeps the PIN in clear")
		}
	})

	t.Run("ConcurrentSubmit", func(t *testing.T) {
		fx := fx.fresh()
		before := countOrders(t, app, fx.CustomerID)
		base := walkToReview(t, rep, fx, &b)
		var wg sync.WaitGroup
		codes := make([]int, 6)
		for i := range codes {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				res := b.keep(rep.PostForm(base+"/submit", url.Values{}))
				codes[i] = res.StatusCode
			}(i)
		}
		wg.Wait()
		for i, c := range codes {
			if c != http.StatusSeeOther {
				t.Errorf("submit %d: status %d, want 303", i, c)
			}
		}
		if got := countOrders(t, app, fx.CustomerID); got != before+1 {
			t.Fatalf("%d concurrent submits made %d orders, want 1", len(codes), got-before)
		}
	})

	t.Run("ErrFieldsNothingWritten", func(t *testing.T) {
		fx := fx.fresh()
		before := countOrders(t, app, fx.CustomerID)
		base := walkToReview(t, rep, fx, &b)
		bad := with(fx.portForm(), "action", "next", "WirelessPort.Address.Zip", "6270", "WirelessPort.AccountNumber", "", "WirelessPort.PINPassword", "")
		res := b.keep(rep.PostForm(base+"/number", bad))
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("bad number step: status %d, want 422", res.StatusCode)
		}
		doc := res.Doc()
		for id, want := range map[string]string{
			"e-WirelessPort.Address.Zip":   "Enter the ZIP code as 5 digits.",
			"e-WirelessPort.AccountNumber": "Enter the account number at the old provider.",
		} {
			n, ok := doc.Find("[id='" + id + "']")
			if !ok || !strings.Contains(n.Text(), want) {
				t.Errorf("%s: %q, want %q", id, n.Text(), want)
			}
		}
		in, _ := doc.Find("input[name='WirelessPort.Address.Zip']")
		if in.Attr("aria-invalid") != "true" || in.Attr("value") != "6270" {
			t.Errorf("the Zip field is not marked invalid with what was typed: %s", in.HTML())
		}
		if pin, _ := doc.Find("input[name='WirelessPort.PINPassword']"); pin.Attr("value") != "" || pin.Attr("type") != "password" {
			t.Errorf("the PIN field is drawn with a value: %s", pin.HTML())
		}
		// A PIN left blank keeps the one saved before.
		if doc.Has("[id='e-WirelessPort.PINPassword']") {
			t.Error("a blank PIN field dropped the saved PIN")
		}
		// The review now lists the problem and the submit is refused.
		res = b.keep(rep.PostForm(base+"/submit", url.Values{}))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorsIn(res), "Enter the ZIP code as 5 digits.") {
			t.Fatalf("submitting a draft with a bad Zip: status %d, errors %q", res.StatusCode, errorsIn(res))
		}
		if got := countOrders(t, app, fx.CustomerID); got != before {
			t.Fatalf("bad input wrote %d orders", got-before)
		}
	})

	t.Run("BackKeepsData", func(t *testing.T) {
		fx := fx.fresh()
		base := walkToReview(t, rep, fx, &b)
		form := with(fx.portForm(), "action", "back", "WirelessPort.Remark", "Changed my mind", "WirelessPort.Address.Zip", "bad")
		res := b.keep(rep.PostForm(base+"/number", form))
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != base+"/device" {
			t.Fatalf("back: status %d to %q, want 303 to the device step", res.StatusCode, res.Header.Get("Location"))
		}
		doc := b.keep(rep.Get(base + "/device")).Doc()
		if in, _ := doc.Find("input[name=WirelessICCID]"); in.Attr("value") != fx.SIM {
			t.Errorf("the device step lost the SIM: %s", in.HTML())
		}
		doc = b.keep(rep.Get(base + "/number")).Doc()
		for name, want := range map[string]string{"WirelessPort.Remark": "Changed my mind", "WirelessPort.Address.Zip": "bad", "WirelessPort.MDN": fx.MDN} {
			if in, _ := doc.Find("input[name='" + name + "']"); in.Attr("value") != want {
				t.Errorf("%s = %q after going back, want %q", name, in.Attr("value"), want)
			}
		}
		if in, _ := doc.Find("input[name=NumberMode][value=port]"); !in.HasAttr("checked") {
			t.Error("the port-in choice is no longer checked")
		}
	})

	t.Run("HTMX", func(t *testing.T) {
		fx := fx.fresh()
		hx := []string{"HX-Request", "true", "HX-Target", "wizard"}
		res := b.keep(rep.PostForm("/orders/new", url.Values{"CustomerID": {itoa(fx.CustomerID)}, "action": {"next"}}, hx...))
		if res.StatusCode != http.StatusOK || !isFragment(res) {
			t.Fatalf("htmx customer step: status %d, fragment %v", res.StatusCode, isFragment(res))
		}
		push := res.Header.Get("HX-Push-Url")
		if !strings.HasSuffix(push, "/package") {
			t.Fatalf("HX-Push-Url = %q, want the package step", push)
		}
		doc := res.Doc()
		if !doc.Has("#wizard input[name=PackageID]") || !doc.Has("a[aria-current=step]") {
			t.Fatal("the htmx answer is not the package step")
		}
		base := strings.TrimSuffix(push, "/package")
		res = b.keep(rep.PostForm(base+"/package", url.Values{"action": {"next"}}, hx...))
		if res.StatusCode != http.StatusUnprocessableEntity || !isFragment(res) {
			t.Fatalf("htmx package step without a package: status %d", res.StatusCode)
		}
		if n, ok := res.Doc().Find("[id=e-PackageID]"); !ok || n.Text() != "Choose a package." {
			t.Errorf("package error %q", n.Text())
		}
		if !res.Doc().Has("input[name=PackageID][aria-invalid=true]") {
			t.Error("the package choice is not marked invalid")
		}
		// Plain GETs of every step answer whole pages; htmx list searches answer the list alone.
		res = b.keep(rep.PostForm(base+"/package", url.Values{"action": {"next"}, "PackageID": {itoa(fx.PackageID)}}, hx...))
		if !strings.HasSuffix(res.Header.Get("HX-Push-Url"), "/service") {
			t.Fatalf("package step: HX-Push-Url %q", res.Header.Get("HX-Push-Url"))
		}
		b.keep(rep.PostForm(base+"/service", url.Values{"action": {"next"}}, hx...))
		res = b.keep(rep.Get(base+"/device?SIMSearch="+url.QueryEscape(fx.SIM[:len(fx.SIM)-2]), "HX-Request", "true", "HX-Target", "wizard-sims"))
		if res.StatusCode != http.StatusOK || !isFragment(res) || !res.Doc().Has("#wizard-sims") || res.Doc().Has("#wizard-devices") {
			t.Fatalf("SIM search: status %d: %s", res.StatusCode, res.Text)
		}
		if !strings.Contains(res.Text, fx.SIM) {
			t.Errorf("SIM search does not offer %s", fx.SIM)
		}
		res = b.keep(rep.Get("/orders/new?Search=a", "HX-Request", "true", "HX-Target", "wizard-customers"))
		if !isFragment(res) || !res.Doc().Has("#wizard-customers input[name=CustomerID]") {
			t.Fatalf("customer search: %s", res.Text)
		}
		res = b.keep(rep.Get(base + "/device"))
		if isFragment(res) || !res.Doc().Has("input[name=ESN]") {
			t.Fatal("a plain GET of a step is not the whole page")
		}
		// The other steps with htmx, each answering the next step alone.
		for _, s := range []struct {
			step string
			form url.Values
			next string
		}{
			{"device", url.Values{"WirelessICCID": {fx.SIM}}, "number"},
			{"number", fx.portForm(), "shipping"},
			{"shipping", url.Values{"Ship": {"true"}, "ShippingAddress.FirstName": {"Dana"}, "ShippingAddress.LastName": {"Whitfield"},
				"ShippingAddress.Address1": {"100 Main St"}, "ShippingAddress.City": {"Springfield"}, "ShippingAddress.State": {"IL"},
				"ShippingAddress.Zip": {"62701"}}, "review"},
		} {
			if s.step == "shipping" {
				// The SIM comes from inventory: it is sent, so an address is needed.
				res := b.keep(rep.PostForm(base+"/shipping", with(url.Values{"Ship": {""}}, "action", "next"), hx...))
				if e, _ := res.Doc().Find("[id='e-ShippingAddress']"); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(e.Text(), "Enter a shipping address: SIM card "+fx.SIM+" is sent to the customer.") {
					t.Fatalf("shipping nothing for a SIM from inventory: status %d, error %q", res.StatusCode, e.Text())
				}
			}
			res := b.keep(rep.PostForm(base+"/"+s.step, with(s.form, "action", "next"), hx...))
			if res.StatusCode != http.StatusOK || !isFragment(res) || res.Header.Get("HX-Push-Url") != base+"/"+s.next {
				t.Fatalf("htmx %s: status %d, push %q: %s", s.step, res.StatusCode, res.Header.Get("HX-Push-Url"), errorsIn(res))
			}
			if h, _ := res.Doc().Find("#wizard-step-title"); h.Attr("data-step-heading") == "" && !h.HasAttr("data-step-heading") {
				t.Errorf("htmx %s: the next step has no heading to focus", s.step)
			}
		}
		res = b.keep(rep.PostForm(base+"/review", url.Values{"action": {"next"}}, hx...))
		if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != base+"/result" {
			t.Fatalf("htmx submit: status %d, HX-Redirect %q: %s", res.StatusCode, res.Header.Get("HX-Redirect"), errorsIn(res))
		}
		res = b.keep(rep.Get(base+"/result", "HX-Request", "true"))
		if !isFragment(res) || !res.Doc().Has("#wizard article a[href^='/orders/']") {
			t.Fatalf("htmx result: %s", res.Text)
		}
	})

	t.Run("StepsInOrder", func(t *testing.T) {
		res := rep.PostForm("/orders/new", url.Values{"CustomerID": {itoa(fx.CustomerID)}, "action": {"next"}})
		base := strings.TrimSuffix(res.Header.Get("Location"), "/package")
		res = rep.Get(base + "/review")
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != base+"/package" {
			t.Errorf("skipping to the review: status %d to %q, want the package step", res.StatusCode, res.Header.Get("Location"))
		}
		if res := rep.Get(base + "/nonsense"); res.StatusCode != http.StatusNotFound {
			t.Errorf("an unknown step: status %d", res.StatusCode)
		}
		// Another user does not see the draft; support may not open the wizard.
		if res := app.As(domain.RoleSupervisor).Get(base + "/package"); res.StatusCode != http.StatusNotFound {
			t.Errorf("another user's draft: status %d, want 404", res.StatusCode)
		}
		if res := app.As(domain.RoleSupport).Get("/orders/new"); res.StatusCode != http.StatusForbidden {
			t.Errorf("support: status %d, want 403", res.StatusCode)
		}
	})

	t.Run("InterruptedSubmitNotRepeated", func(t *testing.T) {
		fx := fx.fresh()
		before := countOrders(t, app, fx.CustomerID)
		base := walkToReview(t, rep, fx, &b)
		id := strings.TrimPrefix(base, "/orders/new/")
		// A submission that took the draft and never finished (its instance stopped).
		if _, err := app.DB.W.ExecContext(context.Background(), app.DB.W.Rebind(
			`UPDATE order_drafts SET state = 'SUBMITTING', submitting_since = ? WHERE id = ?`), time.Now().UTC().Add(-10*time.Minute), id); err != nil {
			t.Fatal(err)
		}
		res := b.keep(rep.PostForm(base+"/submit", url.Values{}))
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != base+"/result" {
			t.Fatalf("submit of an interrupted draft: %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		if got := b.keep(rep.Get(base + "/result")).Doc().Text(); !strings.Contains(got, "submission interrupted") {
			t.Errorf("the result does not say the submission was interrupted: %s", got)
		}
		if got := countOrders(t, app, fx.CustomerID); got != before {
			t.Fatalf("an interrupted draft was submitted again: %d orders", got-before)
		}
	})

	t.Run("OlderDraftSaysStartAgain", func(t *testing.T) {
		fx := fx.fresh()
		base := walkToReview(t, rep, fx, &b)
		id := strings.TrimPrefix(base, "/orders/new/")
		var data string
		if err := app.DB.R.GetContext(context.Background(), &data, app.DB.R.Rebind(`SELECT data FROM order_drafts WHERE id = ?`), id); err != nil {
			t.Fatal(err)
		}
		// The draft keeps NewOrders_Create's input, never the PIN in clear.
		var kept struct {
			Version int
			Input   domain.NewOrdersInput
		}
		if err := json.Unmarshal([]byte(data), &kept); err != nil {
			t.Fatalf("the draft is not a NewOrdersInput: %v: %s", err, data)
		}
		if in := kept.Input; kept.Version != domain.DraftVersion || in.CustomerID != fx.CustomerID || in.PackageID != fx.PackageID ||
			in.ESN != fx.Device || in.WirelessPort == nil || in.WirelessPort.MDN != fx.MDN || len(in.AdditionalProducts) != 1 ||
			in.AdditionalProducts[0].Rate == nil || *in.AdditionalProducts[0].Rate != -50000 || in.ShippingAddress == nil {
			t.Errorf("the draft does not keep the input entered: %s", data)
		}
		if strings.Contains(data, pinSecret) {
			t.Error("the draft keeps the PIN in clear")
		}
		setDraft := func(query string, args ...any) {
			t.Helper()
			if _, err := app.DB.W.ExecContext(context.Background(), app.DB.W.Rebind(query), append(args, id)...); err != nil {
				t.Fatal(err)
			}
		}
		// What drafts of the first versions kept: the page form's values,
		// versioned (1) and before that unversioned.
		for _, older := range []string{`{"Version":1,"Values":{"CustomerID":"%d","PackageID":"1"}}`, `{"CustomerID":"%d","PackageID":"1"}`} {
			setDraft(`UPDATE order_drafts SET data = ? WHERE id = ?`, fmt.Sprintf(older, fx.CustomerID))
			res := b.keep(rep.Get(base + "/review"))
			if res.StatusCode != http.StatusConflict || !strings.Contains(res.Doc().Text(), "started with an older form") {
				t.Fatalf("an older draft %s: status %d: %s", older, res.StatusCode, res.Doc().Text())
			}
		}
		if res := b.keep(rep.PostForm(base+"/submit", url.Values{})); res.StatusCode != http.StatusConflict {
			t.Fatalf("submitting an older draft: status %d", res.StatusCode)
		}
		// One submitted by the older form still shows its result.
		setDraft(`UPDATE order_drafts SET state = 'SUBMITTED' WHERE id = ?`)
		if res := b.keep(rep.Get(base + "/result")); res.StatusCode != http.StatusOK || !strings.Contains(res.Doc().Text(), "submitted") {
			t.Fatalf("an older submitted draft's result: status %d: %s", res.StatusCode, res.Doc().Text())
		}
	})

	t.Run("Escaped", func(t *testing.T) {
		fx := fx.fresh()
		base := walkToReview(t, rep, fx, &b)
		hostile := `<script>alert("x")</script>`
		res := b.keep(rep.PostForm(base+"/service", url.Values{"Description": {hostile}, "action": {"next"}}))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("service step: %d: %s", res.StatusCode, errorsIn(res))
		}
		res = b.keep(rep.Get(base + "/review"))
		if strings.Contains(res.Text, hostile) || !strings.Contains(res.Text, "&lt;script&gt;") {
			t.Fatal("a hostile description is not escaped on the review")
		}
	})

	t.Run("PreselectedCustomer", func(t *testing.T) {
		doc := rep.Get("/orders/new?CustomerID=" + itoa(fx.CustomerID)).Doc()
		in, ok := doc.Find("input[name=CustomerID][value='" + itoa(fx.CustomerID) + "']")
		if !ok || !in.HasAttr("checked") {
			t.Error("?CustomerID= does not choose the customer")
		}
		if !doc.Has("fieldset legend") || !doc.Has("form[method=post][action='/orders/new']") {
			t.Error("the first step is not a plain post form with a fieldset")
		}
	})

	b.checkNoPIN(t)
}

package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/web/webtest"
)

func find(t *testing.T, res *webtest.Response, sel string) webtest.Node {
	t.Helper()
	n, ok := res.Doc().Find(sel)
	if !ok {
		t.Fatalf("no %s in the answer (status %d): %.2000s", sel, res.StatusCode, res.Text)
	}
	return n
}

// TestPortNumberEditor: the range editor through the router, as a plain
// form and as htmx, for a rep and for support.
func TestPortNumberEditor(t *testing.T) {
	app := webtest.Open(t, nil)
	w := seedQuoteWorld(t, app)
	rep, support := app.As(domain.RoleRep), app.As(domain.RoleSupport)
	editor := views.PortNumbersURL(w.Trunk)
	htmx := []string{"HX-Request", "true"}

	t.Run("AddAsAForm", func(t *testing.T) {
		res := rep.PostForm(editor, url.Values{"FirstNumber": {"3125550100"}, "Quantity": {"5"}, "PortAction": {"Port"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != editor {
			t.Fatalf("add: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		page := rep.Get(editor)
		if got := find(t, page, "#pn-capacity").Text(); !strings.Contains(got, "5 of 10 numbers used") {
			t.Fatalf("capacity %q", got)
		}
		if n := len(page.Doc().FindAll("#pn-rows tr")); n != 1 {
			t.Fatalf("%d rows", n)
		}
	})
	t.Run("ErrorsBesideTheFields", func(t *testing.T) {
		res := rep.PostForm(editor, url.Values{"FirstNumber": {"3125550200"}, "Quantity": {"11"}}, htmx...)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		if got := find(t, res, "#pn-new-Quantity-msg").Text(); got != "The quantity must be from 1 to 10." {
			t.Fatalf("Quantity message %q", got)
		}
		if v := find(t, res, "#pn-new-FirstNumber").Attr("value"); v != "3125550200" {
			t.Fatalf("the typed number is gone: %q", v)
		}
		res = rep.PostForm(editor, url.Values{"FirstNumber": {"3125550104"}}, htmx...)
		if got := find(t, res, "#pn-new-range-msg").Text(); got != "This range overlaps another range on the same service." {
			t.Fatalf("range message %q", got)
		}
		res = rep.PostForm(editor, url.Values{"FirstNumber": {"3125550300"}, "Quantity": {"three"}}, htmx...)
		if got := find(t, res, "#pn-new-Quantity-msg").Text(); got != "Quantity must be a whole number" {
			t.Fatalf("Quantity message %q", got)
		}
	})
	t.Run("CheckAsTyped", func(t *testing.T) {
		res := rep.PostForm(editor+"/check", url.Values{"FirstNumber": {"31255x"}}, htmx...)
		msg := find(t, res, "#pn-new-FirstNumber-msg")
		if msg.Attr("hx-swap-oob") != "true" || msg.Text() != "Enter the first number in digits only, with no spaces or punctuation." {
			t.Fatalf("check answer %s", msg.HTML())
		}
		// Nothing typed yet in the other fields: no "required" messages, just their help.
		if got := find(t, res, "#pn-new-LastNumber-msg").Text(); got != "Leave empty for one number, or give a quantity" {
			t.Fatalf("LastNumber slot %q", got)
		}
		res = rep.PostForm(editor+"/check", url.Values{"FirstNumber": {"3125550200"}, "Quantity": {"6"}}, htmx...)
		if got := find(t, res, "#pn-new-Quantity-msg").Text(); got != "This service may hold at most 10 numbers; with this range it would hold 11." {
			t.Fatalf("Quantity slot %q", got)
		}
		if n := fxCount(t, app, "port_numbers", "order_service_id = ?", w.Trunk); n != 1 {
			t.Fatalf("a check stored something: %d ranges", n)
		}
	})
	t.Run("EditInline", func(t *testing.T) {
		svc, _ := app.DB.FindOrderService(t.Context(), w.Trunk)
		id := svc.PortNumbers[0].ID
		res := rep.Get(fmt.Sprintf("%s?edit=%d", editor, id), htmx...)
		if v := find(t, res, fmt.Sprintf("#pn-%d-LastNumber", id)).Attr("value"); v != "3125550104" {
			t.Fatalf("edit row LastNumber %q", v)
		}
		if res.Doc().Has("html") && res.Doc().Has("header nav") {
			t.Fatal("an htmx request got the whole page")
		}
		// Checked against the others, not itself: growing it by one is fine.
		res = rep.PostForm(fmt.Sprintf("%s/check?PortNumberID=%d", editor, id), url.Values{"FirstNumber": {"3125550100"}, "LastNumber": {"3125550105"}}, htmx...)
		if got := find(t, res, fmt.Sprintf("#pn-%d-range-msg", id)).Text(); got != "" {
			t.Fatalf("range slot %q", got)
		}
		res = rep.PostForm(fmt.Sprintf("%s/%d", editor, id), url.Values{"FirstNumber": {"3125550100"}, "LastNumber": {"3125550105"}, "PortAction": {"Cease"}}, htmx...)
		if res.StatusCode != 200 || !strings.Contains(find(t, res, "#pn-capacity").Text(), "6 of 10") {
			t.Fatalf("save: %d %s", res.StatusCode, res.Text)
		}
		res = rep.PostForm(fmt.Sprintf("%s/%d", editor, id), url.Values{"FirstNumber": {"3125550100"}, "Quantity": {"11"}}, htmx...)
		if got := find(t, res, fmt.Sprintf("#pn-%d-Quantity-msg", id)).Text(); got != "The quantity must be from 1 to 10." {
			t.Fatalf("edit error %q", got)
		}
	})
	t.Run("PasteAllOrNone", func(t *testing.T) {
		res := rep.PostForm(editor+"/paste/preview", url.Values{"Numbers": {"630-555-0100\n630.555.0101, 6305550102\nnope\n6305550200 to 6305550210"}, "PortAction": {"Port"}}, htmx...)
		if got := find(t, res, "#pn-paste-ranges").Text(); !strings.Contains(got, "6305550100 to 6305550102") || !strings.Contains(got, "The quantity must be from 1 to 10.") {
			t.Fatalf("preview ranges %q", got)
		}
		if got := find(t, res, "#pn-paste-problems").Text(); !strings.Contains(got, "Line 3") {
			t.Fatalf("preview problems %q", got)
		}
		res = rep.PostForm(editor+"/paste", url.Values{"Numbers": {"6305550100\n6305550101\nnope"}, "PortAction": {"Port"}})
		if res.StatusCode != http.StatusUnprocessableEntity || fxCount(t, app, "port_numbers", "order_service_id = ?", w.Trunk) != 1 {
			t.Fatalf("a paste with a problem: %d", res.StatusCode)
		}
		res = rep.PostForm(editor+"/paste", url.Values{"Numbers": {"6305550100\n6305550101\n7735550000-7735550001"}, "PortAction": {"Cease"}})
		if res.StatusCode != http.StatusSeeOther || fxCount(t, app, "port_numbers", "order_service_id = ? AND port_action = 'Cease'", w.Trunk) != 3 {
			t.Fatalf("a good paste: %d %s", res.StatusCode, res.Text)
		}
	})
	t.Run("CSV", func(t *testing.T) {
		res := support.Get(editor + ".csv")
		lines := strings.Split(strings.TrimSpace(res.Text), "\n")
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") || len(lines) != 4 ||
			lines[0] != "PortNumberID,FirstNumber,LastNumber,Quantity,PortAction,AssociatedNumber" || !strings.Contains(res.Text, ",3125550100,3125550105,6,Cease,") {
			t.Fatalf("CSV %d: %s", res.StatusCode, res.Text)
		}
	})
	t.Run("SupportReads", func(t *testing.T) {
		res := support.Get(editor)
		if res.StatusCode != 200 || res.Doc().Has("#pn-editor form") || res.Doc().Has("#pn-add") {
			t.Fatalf("support's editor: %d, forms shown", res.StatusCode)
		}
		if res := support.PostForm(editor, url.Values{"FirstNumber": {"1"}}); res.StatusCode != http.StatusForbidden {
			t.Fatalf("support adding: %d", res.StatusCode)
		}
	})
	t.Run("ClosedAndNoControl", func(t *testing.T) {
		res := rep.Get(views.PortNumbersURL(w.Closed))
		if !strings.Contains(find(t, res, "#pn-editor").Text(), "converted to an order") || res.Doc().Has("#pn-add") {
			t.Fatal("a converted quote's editor offers changes")
		}
		res = rep.PostForm(views.PortNumbersURL(w.Closed), url.Values{"FirstNumber": {"1"}})
		if res.StatusCode != http.StatusForbidden || !strings.Contains(res.Text, "This quote became an order: its numbers can no longer change.") {
			t.Fatalf("add to a converted quote: %d", res.StatusCode)
		}
		res = rep.Get(views.PortNumbersURL(w.NoControl))
		if !strings.Contains(find(t, res, "#pn-editor").Text(), "no porting number control") || res.Doc().Has("#pn-add") {
			t.Fatal("a service without a control offers the add form")
		}
		if res := rep.Get(views.PortNumbersURL(987654)); res.StatusCode != 404 {
			t.Fatalf("unknown service: %d", res.StatusCode)
		}
	})
}

// TestQuotePages: start a quote from the customer page, add services,
// convert with a confirmation; the history is on the quote page.
func TestQuotePages(t *testing.T) {
	app := webtest.Open(t, nil)
	w := seedQuoteWorld(t, app)
	rep, support := app.As(domain.RoleRep), app.As(domain.RoleSupport)
	customer := fmt.Sprintf("/customers/%d", w.Customer.ID)

	if !rep.Get(customer).Doc().Has("#customer-quotes form button") {
		t.Fatal("the customer page offers a rep no Start a quote")
	}
	cp := support.Get(customer)
	if cp.Doc().Has("#customer-quotes form") || !strings.Contains(find(t, cp, "#customer-quotes").Text(), "Quote 1") {
		t.Fatal("support's customer page: a Start a quote button, or no quotes listed")
	}
	res := rep.PostForm(customer+"/quotes", nil)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/quotes/") {
		t.Fatalf("start a quote: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	quote := res.Header.Get("Location")
	if res := support.PostForm(customer+"/quotes", nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("support starting a quote: %d", res.StatusCode)
	}
	res = rep.PostForm(quote+"/services", url.Values{"ServiceDesignID": {""}})
	if res.StatusCode != http.StatusUnprocessableEntity || find(t, res, "#e-ServiceDesignID").Text() != "Choose a service design" {
		t.Fatalf("no design chosen: %d", res.StatusCode)
	}
	if res := rep.PostForm(quote+"/services", url.Values{"ServiceDesignID": {fmt.Sprint(w.TrunkDesign.ID)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add service: %d %s", res.StatusCode, res.Text)
	}
	page := rep.Get(quote)
	if got := find(t, page, "#quote-services").Text(); !strings.Contains(got, "0 of 10 numbers used") || !strings.Contains(got, "SIP trunk") {
		t.Fatalf("services %q", got)
	}
	confirm := rep.Get(quote + "/convert")
	if got := find(t, confirm, "#convert-closes").Text(); !strings.Contains(got, "has no port numbers and will take none") || !strings.Contains(got, "No services can be added") {
		t.Fatalf("confirmation %q", got)
	}
	if res := rep.PostForm(quote+"/convert", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("convert: %d", res.StatusCode)
	}
	page = rep.Get(quote)
	if page.Doc().Has("form") && strings.Contains(page.Text, "Add service") {
		t.Fatal("a converted quote offers Add service")
	}
	hist := find(t, page, "#quote-history").Text()
	for _, want := range []string{"quote started", "service added", "converted to order", "test-rep", "Northwind Logistics"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %q: %s", want, hist)
		}
	}
	if res := rep.PostForm(quote+"/convert", nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("converting twice: %d", res.StatusCode)
	}
}

// TestServiceDesignsAdmin: an admin lists, adds and changes designs; a
// hostile name comes back escaped; others may not.
func TestServiceDesignsAdmin(t *testing.T) {
	app := webtest.Open(t, nil)
	seedQuoteWorld(t, app)
	admin := app.As(domain.RoleAdmin)
	if res := app.As(domain.RoleRep).Get("/admin/service-designs"); res.StatusCode != http.StatusForbidden {
		t.Fatalf("rep: %d", res.StatusCode)
	}
	res := admin.PostForm("/admin/service-designs", url.Values{"sd-0-Name": {""}, "PortingNumberControl": {"true"}, "sd-0-MaxPortQuantity": {"0"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad design: %d", res.StatusCode)
	}
	for _, id := range []string{"#e-sd-0-Name", "#e-sd-0-PortActions", "#e-sd-0-MaxPortQuantity"} {
		if !res.Doc().Has(id) {
			t.Errorf("no message %s", id)
		}
	}
	res = admin.PostForm("/admin/service-designs", url.Values{"sd-0-Name": {"<script>x</script> trunk"}, "PortingNumberControl": {"true"}, "PortActions": {"Cease"}, "sd-0-MaxPortQuantity": {"250"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add: %d %s", res.StatusCode, res.Text)
	}
	page := admin.Get("/admin/service-designs")
	if strings.Contains(page.Text, "<script>x</script>") || !strings.Contains(find(t, page, "#service-designs").Text(), "<script>x</script> trunk") {
		t.Fatal("the design's name is not shown escaped")
	}
	ds, _ := app.DB.FindServiceDesigns(t.Context())
	var id int64
	for _, d := range ds {
		if d.MaxPortQuantity == 250 {
			id = d.ID
		}
	}
	edit := admin.Get(fmt.Sprintf("/admin/service-designs?edit=%d", id))
	if v := find(t, edit, fmt.Sprintf("#f-sd-%d-MaxPortQuantity", id)).Attr("value"); v != "250" {
		t.Fatalf("edit form value %q", v)
	}
	res = admin.PostForm(fmt.Sprintf("/admin/service-designs/%d", id), url.Values{fmt.Sprintf("sd-%d-Name", id): {"Trunk"}, "PortingNumberControl": {"true"}, "PortActions": {"Port", "Cease"}, fmt.Sprintf("sd-%d-MaxPortQuantity", id): {"300"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("change: %d", res.StatusCode)
	}
	d, _ := app.DB.FindServiceDesignByID(t.Context(), id)
	if d.Name != "Trunk" || d.MaxPortQuantity != 300 || !d.Allows("Port") || !d.Allows("Cease") {
		t.Fatalf("changed design %+v", d)
	}
}

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

// draftCard is the card of the draft at base on My drafts, if listed.
func draftCard(doc webtest.Node, base string) (webtest.Node, bool) {
	return doc.Find("[id='draft-" + base[strings.LastIndexByte(base, '/')+1:] + "']")
}

// TestMyDrafts: a rep sees their own open drafts, each resuming at its
// step, and discards one after a confirmation; submitted drafts and other
// reps' drafts are not listed.
func TestMyDrafts(t *testing.T) {
	app := webtest.OpenDemo(t)
	rep, sup := app.As(domain.RoleRep), app.As(domain.RoleSupervisor)
	fx := newWizardFixture(t, app)
	var b bodies
	cust, err := app.DB.FindCustomerByID(context.Background(), fx.CustomerID)
	if err != nil {
		t.Fatal(err)
	}

	if doc := rep.Get("/drafts").Doc(); !doc.Has("#drafts-none") || !doc.Has("a[href='/drafts']") {
		t.Fatalf("no drafts yet: %s", doc.Text())
	}
	res := rep.PostForm("/orders/new", url.Values{"CustomerID": {itoa(fx.CustomerID)}, "action": {"next"}})
	newBase := strings.TrimSuffix(res.Header.Get("Location"), "/package")
	step(t, rep, newBase, "package", url.Values{"PackageID": {itoa(fx.PackageID)}}, "service")
	changeBase := startOrders(t, rep, "Suspend", fx.CustomerID)
	supBase := startOrders(t, sup, "Restore", fx.CustomerID)
	submitted := fx.fresh()
	doneBase := walkToReview(t, rep, submitted, &b)
	if res := rep.PostForm(doneBase+"/submit", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("submit: %d: %s", res.StatusCode, errorsIn(res))
	}

	doc := rep.Get("/drafts").Doc()
	for _, tc := range []struct{ base, title, step, resume string }{
		{newBase, "New service", "Step 3 of 7: Service type and process", newBase + "/service"},
		{changeBase, "Change service: Suspend a line", "Step 3 of 5: Lines", changeBase + "/lines"},
	} {
		card, ok := draftCard(doc, tc.base)
		if !ok {
			t.Fatalf("%s is not listed: %s", tc.title, doc.Text())
		}
		text := card.Text()
		for _, want := range []string{tc.title, "For " + cust.Name, tc.step, "Last saved", "Kept until"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s's card does not say %q: %s", tc.title, want, text)
			}
		}
		if a, _ := card.Find("a[role=button]"); a.Attr("href") != tc.resume {
			t.Errorf("%s resumes at %q, want %q", tc.title, a.Attr("href"), tc.resume)
		}
		if res := rep.Get(tc.resume); res.StatusCode != http.StatusOK {
			t.Errorf("resuming %s: status %d", tc.title, res.StatusCode)
		}
	}
	if _, ok := draftCard(doc, supBase); ok {
		t.Error("another user's draft is listed")
	}
	if _, ok := draftCard(doc, doneBase); ok {
		t.Error("a submitted draft is listed")
	}
	if n := len(doc.FindAll("#drafts article")); n != 2 {
		t.Errorf("%d drafts listed, want 2", n)
	}
	if got, _ := rep.Get("/").Doc().Find("#dash-drafts"); !strings.Contains(got.Text(), "2 unfinished wizards") || !got.Has("a[href='/drafts']") {
		t.Errorf("the dashboard does not count the drafts: %s", got.Text())
	}

	t.Run("Discard", func(t *testing.T) {
		id := changeBase[strings.LastIndexByte(changeBase, '/')+1:]
		confirm := rep.Get("/drafts/" + id + "/discard")
		if confirm.StatusCode != http.StatusOK || !strings.Contains(confirm.Doc().Text(), "Discard this draft?") ||
			!strings.Contains(confirm.Doc().Text(), "Suspend a line") {
			t.Fatalf("confirmation: status %d: %s", confirm.StatusCode, confirm.Doc().Text())
		}
		if _, ok := rep.Get("/drafts").Doc().Find("[id='draft-" + id + "']"); !ok {
			t.Fatal("asking to discard discarded the draft")
		}
		res := rep.PostForm("/drafts/"+id+"/discard", url.Values{})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/drafts" {
			t.Fatalf("discard: status %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		doc := rep.Get("/drafts").Doc()
		if _, ok := draftCard(doc, changeBase); ok || !strings.Contains(doc.Text(), "The draft was discarded.") {
			t.Errorf("after discarding: %s", doc.Text())
		}
		if res := rep.Get(changeBase + "/lines"); res.StatusCode != http.StatusNotFound {
			t.Errorf("a discarded draft's step: status %d", res.StatusCode)
		}
		if res := rep.PostForm("/drafts/"+id+"/discard", url.Values{}); res.StatusCode != http.StatusNotFound {
			t.Errorf("discarding twice: status %d", res.StatusCode)
		}
		// Another user's draft cannot be discarded, nor a submitted one.
		supID := supBase[strings.LastIndexByte(supBase, '/')+1:]
		if res := rep.PostForm("/drafts/"+supID+"/discard", url.Values{}); res.StatusCode != http.StatusNotFound {
			t.Errorf("discarding another user's draft: status %d", res.StatusCode)
		}
		if res := sup.Get(supBase + "/lines"); res.StatusCode != http.StatusOK {
			t.Errorf("the other user's draft: status %d", res.StatusCode)
		}
		doneID := doneBase[strings.LastIndexByte(doneBase, '/')+1:]
		if res := rep.PostForm("/drafts/"+doneID+"/discard", url.Values{}); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != doneBase+"/result" {
			t.Errorf("discarding a submitted draft: status %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
	})

	t.Run("Older", func(t *testing.T) {
		id := newBase[strings.LastIndexByte(newBase, '/')+1:]
		if _, err := app.DB.W.ExecContext(context.Background(), app.DB.W.Rebind(`UPDATE order_drafts SET data = ? WHERE id = ?`),
			`{"Version":1,"Values":{"CustomerID":"1"}}`, id); err != nil {
			t.Fatal(err)
		}
		card, ok := draftCard(rep.Get("/drafts").Doc(), newBase)
		if !ok || !strings.Contains(card.Text(), "older form") {
			t.Fatalf("an older draft's card: %s", card.Text())
		}
		if a, _ := card.Find("a[role=button]"); a.Attr("href") != "/orders/new" {
			t.Errorf("an older draft starts again at %q", a.Attr("href"))
		}
	})

	t.Run("Roles", func(t *testing.T) {
		support := app.As(domain.RoleSupport)
		if res := support.Get("/drafts"); res.StatusCode != http.StatusForbidden {
			t.Errorf("support opens My drafts: status %d", res.StatusCode)
		}
		doc := support.Get("/").Doc()
		if doc.Has("a[href='/drafts']") {
			t.Error("support is offered My drafts")
		}
	})
}

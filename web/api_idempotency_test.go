package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/handlers"
	"switchboard/web"
	"switchboard/web/webtest"
)

// TestAPIIdempotencyKey checks every creating endpoint: the same key and
// body answer the first answer again and create nothing; another body is a
// 409; concurrent requests with one key create once.
func TestAPIIdempotencyKey(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedOrderWorld(t, webtest.Open(t, d))
		app := w.app
		countOrders := func() int { return len(walkList(t, app, domain.RoleSupport, "/api/orders", "Orders", 500)) }
		customerBody := func(name string) string {
			return fmt.Sprintf(`{"Name":%q,"BillProfileID":%d,"ServiceAddress":{"FirstName":"Pat","LastName":"Lee","Address1":"1 Main St","City":"Chicago","State":"IL","Zip":"60601"}}`,
				name, w.ref.Business)
		}
		endpoints := []struct {
			path         string
			role         domain.Role
			body, other  string
			count        func() int
			createsAgain bool // sending the body again without a key creates again
		}{
			{"/api/customers", domain.RoleRep, customerBody("Idem Co"), customerBody("Other Co"),
				func() int { return fxCount(t, app, "customers", "") }, true},
			{"/api/inventory", domain.RoleAdmin, `{"Items":[{"Identifier":"SIM-IDEM-1","Type":"SIM_Card"}]}`, `{"Items":[{"Identifier":"SIM-IDEM-2","Type":"SIM_Card"}]}`,
				func() int { return fxCount(t, app, "inventory", "") }, false},
			{"/api/new-orders", domain.RoleRep, w.newOrderBody(""), w.newOrderBody(`"Description":"other"`), countOrders, true},
			{"/api/orders", domain.RoleRep, `{"Suspend":{"TN":"3125550111","SuspendType":"ALL"}}`,
				`{"Suspend":{"TN":"3125550111","SuspendType":"INCOMING"}}`, countOrders, false},
		}
		for _, ep := range endpoints {
			t.Run(strings.TrimPrefix(ep.path, "/api/"), func(t *testing.T) {
				key := "key-" + ep.path
				before := ep.count()
				first := app.API(ep.role, http.MethodPost, ep.path, ep.body, "Idempotency-Key", key)
				apiJSON(t, first, http.StatusCreated)
				if first.Header.Get(handlers.HeaderIdempotentReplayed) != "" {
					t.Error("the first answer says it is replayed")
				}
				if got := ep.count(); got != before+1 {
					t.Fatalf("count %d after the first request, want %d", got, before+1)
				}
				for range 2 {
					again := app.API(ep.role, http.MethodPost, ep.path, ep.body, "Idempotency-Key", key)
					apiJSON(t, again, http.StatusCreated)
					if again.Text != first.Text {
						t.Errorf("replayed answer %s, want the first %s", again.Text, first.Text)
					}
					if again.Header.Get(handlers.HeaderIdempotentReplayed) != "true" {
						t.Errorf("replayed answer lacks %s: true", handlers.HeaderIdempotentReplayed)
					}
				}
				if got := ep.count(); got != before+1 {
					t.Fatalf("count %d after replays, want %d: a replay created something", got, before+1)
				}
				res := app.API(ep.role, http.MethodPost, ep.path, ep.other, "Idempotency-Key", key)
				got := errorEntries(t, res, http.StatusConflict)
				if !strings.Contains(got[""], "different request body") {
					t.Errorf("409 message %v: want it to say the body differs", got)
				}
				if got := ep.count(); got != before+1 {
					t.Fatalf("count %d after a conflicting key, want %d", got, before+1)
				}
				if ep.createsAgain {
					apiJSON(t, app.API(ep.role, http.MethodPost, ep.path, ep.body), http.StatusCreated)
					if got := ep.count(); got != before+2 {
						t.Fatalf("count %d after a request without a key, want %d", got, before+2)
					}
				}
			})
		}

		t.Run("FailedRequestReleasesTheKey", func(t *testing.T) {
			bad := `{"Restore":{"TN":"3125550109"}}` // an ACTIVE line: refused
			apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/orders", bad, "Idempotency-Key", "fix-me"), http.StatusBadRequest)
			good := `{"Suspend":{"TN":"3125550109","SuspendType":"ALL"}}`
			first := app.API(domain.RoleRep, http.MethodPost, "/api/orders", good, "Idempotency-Key", "fix-me")
			apiJSON(t, first, http.StatusCreated)
			again := app.API(domain.RoleRep, http.MethodPost, "/api/orders", good, "Idempotency-Key", "fix-me")
			if again.Text != first.Text || again.Header.Get(handlers.HeaderIdempotentReplayed) != "true" {
				t.Errorf("after the corrected request: %d %s, want the replay of %s", again.StatusCode, again.Text, first.Text)
			}
		})

		t.Run("KeysArePerUser", func(t *testing.T) {
			before := countOrders()
			body := w.newOrderBody(`"Description":"per user"`)
			a := app.API(domain.RoleRep, http.MethodPost, "/api/new-orders", body, "Idempotency-Key", "shared")
			b := app.API(domain.RoleSupervisor, http.MethodPost, "/api/new-orders", body, "Idempotency-Key", "shared")
			apiJSON(t, a, http.StatusCreated)
			apiJSON(t, b, http.StatusCreated)
			if a.Text == b.Text || countOrders() != before+2 {
				t.Errorf("two users' requests with one key: %s and %s; want two orders", a.Text, b.Text)
			}
		})

		t.Run("ErrBadKey", func(t *testing.T) {
			before := countOrders()
			for _, key := range []string{strings.Repeat("k", 256), "tab\tkey", "naïve"} {
				apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/new-orders", w.newOrderBody(""), "Idempotency-Key", key), http.StatusBadRequest)
			}
			req, _ := http.NewRequest(http.MethodPost, app.HTTP.URL+"/api/new-orders", strings.NewReader(w.newOrderBody("")))
			req.Header.Set("Authorization", "Bearer "+app.Tokens[domain.RoleRep])
			req.Header.Add("Idempotency-Key", "one")
			req.Header.Add("Idempotency-Key", "two")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("two Idempotency-Key headers: status %d, want 400", res.StatusCode)
			}
			if got := countOrders(); got != before {
				t.Errorf("bad keys created %d orders", got-before)
			}
		})

		t.Run("ConcurrentSameKeyCreatesOnce", func(t *testing.T) {
			for _, ep := range []struct{ path, body string }{
				{"/api/new-orders", w.newOrderBody(`"Description":"concurrent"`)},
				{"/api/orders", `{"Restore":{"TN":"3125550112"}}`},
			} {
				before := countOrders()
				const n = 8
				var wg sync.WaitGroup
				status := make([]int, n)
				bodies := make([]string, n)
				errs := make([]error, n)
				start := make(chan struct{})
				for i := range n {
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						status[i], bodies[i], _, errs[i] = rawAPI(app, domain.RoleRep, http.MethodPost, ep.path, ep.body, "Idempotency-Key", "race-"+ep.path)
					}()
				}
				close(start)
				wg.Wait()
				for i := range n {
					if errs[i] != nil {
						t.Fatal(errs[i])
					}
					if status[i] != http.StatusCreated || bodies[i] != bodies[0] {
						t.Errorf("%s request %d: %d %s, want 201 %s", ep.path, i, status[i], bodies[i], bodies[0])
					}
				}
				if got := countOrders(); got != before+1 {
					t.Errorf("%s: %d concurrent requests with one key created %d orders, want 1", ep.path, n, got-before)
				}
			}
		})
	})
}

// TestAPICreatingRoutesHonourIdempotencyKey sends every POST route of the
// JSON API a key that is too long: a route behind the Idempotency-Key
// wrapper refuses it before doing anything, so a creating route added
// without the wrapper fails here.
func TestAPICreatingRoutesHonourIdempotencyKey(t *testing.T) {
	app := webtest.Open(t, nil)
	n := 0
	for _, rt := range app.Server.Routes {
		if rt.Kind != web.KindAPI || !strings.HasPrefix(rt.Pattern, "POST /api/") {
			continue
		}
		n++
		method, path := concrete(rt.Pattern)
		res := app.API(domain.RoleAdmin, method, path, "{}", "Idempotency-Key", strings.Repeat("k", domain.MaxIdempotencyKey+1))
		got := errorEntries(t, res, http.StatusBadRequest)
		if !strings.Contains(got[""], "Idempotency-Key") {
			t.Errorf("%s does not check Idempotency-Key (answer %v): wrap its handler in h.Idempotent", rt.Pattern, got)
		}
	}
	if n < 4 {
		t.Fatalf("found %d POST API routes, want at least the 4 creating ones", n)
	}
}

package web_test

import (
	"crypto/rand"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/web"
	"switchboard/web/auth"
	"switchboard/web/webtest"
)

// TestTwoInstancesShareSessionsTokensAndSecrets runs two servers on one
// database with the same keys, as behind a load balancer: a session begun
// on one is valid on the other, a token works on both, and a secret sealed
// by one is read by the other.
func TestTwoInstancesShareSessionsTokensAndSecrets(t *testing.T) {
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := t.Context()
		d1, d2 := dbtest.OpenDSN(t, dsn), dbtest.OpenDSN(t, dsn)
		key := make([]byte, 32)
		rand.Read(key)
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		s1 := httptest.NewServer(web.NewServer(web.Config{Store: d1, Jobs: webtest.JobAdmin(t, d1), SessionKeys: [][]byte{key}, Log: log}))
		defer s1.Close()
		s2 := httptest.NewServer(web.NewServer(web.Config{Store: d2, Jobs: webtest.JobAdmin(t, d2), SessionKeys: [][]byte{key}, Log: log}))
		defer s2.Close()

		hash, _ := bcrypt.GenerateFromPassword([]byte("pw-pw-pw"), bcrypt.MinCost)
		u := &domain.User{Name: "shared", Role: domain.RoleAdmin, PasswordHash: string(hash)}
		if err := d1.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		token, th := auth.NewToken()
		if err := d1.CreateAPIToken(ctx, &domain.APIToken{UserID: u.ID, Name: "shared", Hash: th}); err != nil {
			t.Fatal(err)
		}
		// A customer with an SSN, sealed by instance 1.
		bps, _ := d1.FindBillProfiles(ctx)
		if len(bps) == 0 {
			if _, err := d1.W.ExecContext(ctx, d1.W.Rebind(`INSERT INTO bill_profiles (name) VALUES (?)`), "Standard"); err != nil {
				t.Fatal(err)
			}
			bps, _ = d1.FindBillProfiles(ctx)
		}
		c := &domain.Customer{Name: "Shared Co", BillProfileID: bps[0].ID, SSN: domain.NewSecret("900123456"),
			ServiceAddress: domain.Address{FirstName: "A", LastName: "B", Address1: "1 Main St", City: "Austin", State: "TX", Zip: "78701"}}
		if err := d1.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}

		// Sign in on instance 1 …
		jar, _ := cookiejar.New(nil)
		client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := client.PostForm(s1.URL+"/login", url.Values{"name": {"shared"}, "password": {"pw-pw-pw"}})
		if err != nil || res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign in on instance 1: %v %v", err, res.StatusCode)
		}
		// … and carry the cookie to instance 2.
		u1, _ := url.Parse(s1.URL)
		u2, _ := url.Parse(s2.URL)
		jar.SetCookies(u2, jar.Cookies(u1))
		res, err = client.Get(s2.URL + "/customers/" + strconv.FormatInt(c.ID, 10))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("instance 2 with instance 1's session: status %d", res.StatusCode)
		}
		if !strings.Contains(string(body), "3456") || strings.Contains(string(body), "900123456") {
			t.Fatalf("instance 2 should show the SSN masked to its last four")
		}
		// The token works on both.
		for i, s := range []string{s1.URL, s2.URL} {
			req, _ := http.NewRequest(http.MethodGet, s+"/api/carriers", nil)
			req.Header.Set("Authorization", "Bearer "+token)
			res, err := http.DefaultClient.Do(req)
			if err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("token on instance %d: %v %v", i+1, err, res.StatusCode)
			}
			res.Body.Close()
		}
		got, err := d2.FindCustomerByID(ctx, c.ID)
		if err != nil || got.SSN.Clear() != "900123456" {
			t.Fatalf("instance 2 reads the SSN instance 1 sealed: %v", err)
		}
	})
}

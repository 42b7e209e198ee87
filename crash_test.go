package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
)

// TestCrashDuringCreates kills the real server (kill -9) in the middle of
// hundreds of concurrent creates with Idempotency-Keys, on /api/new-orders
// and /api/orders, starts it again and sends every key again: each key
// either replays the answer it had (same body) or creates now, and every
// order of the customer belongs to exactly one key: none twice, none
// without a key that answers it.
func TestCrashDuringCreates(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server")
	}
	bin := filepath.Join(t.TempDir(), "switchboard")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dbtest.EachDSN(t, func(t *testing.T, dsn string) {
		keysFile := filepath.Join(t.TempDir(), "crash.keys")
		srv := startServer(t, bin, dsn, keysFile, "--demo")
		tokenOut, err := exec.Command(bin, "token", "create", "--db", dsn, "--keys-file", keysFile, "--user", "rep").CombinedOutput()
		if err != nil {
			t.Fatalf("token create: %v %s", err, tokenOut)
		}
		c := &apiClient{base: srv.url, token: strings.TrimSpace(string(tokenOut))}
		customer, pkg := c.firstCustomerAndPackage(t)
		store := openStore(t, dsn, keysFile)
		ordersBefore := countRows(t, store, "orders", customer)
		linesBefore := countRows(t, store, "lines", customer)

		const n = 240
		reqs := make([]crashRequest, n)
		for i := range reqs {
			reqs[i] = crashRequest{key: fmt.Sprintf("crash-%d", i), path: "/api/new-orders",
				body: fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d,"Description":"crash %d"}`, customer, pkg, i)}
			if i%2 == 1 {
				reqs[i].path = "/api/orders"
				reqs[i].body = fmt.Sprintf(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"Description":"crash %d"}]}}`, customer, pkg, i)
			}
		}

		// Fire them 24 at a time; kill the server once a third have answered.
		answered := make(chan struct{}, n)
		var wg sync.WaitGroup
		work := make(chan int)
		for range 24 {
			wg.Go(func() {
				for i := range work {
					if a, err := c.send(reqs[i]); err == nil {
						reqs[i].before = a
						answered <- struct{}{}
					}
				}
			})
		}
		go func() {
			for i := range reqs {
				work <- i
			}
			close(work)
		}()
		for range n / 3 {
			<-answered
		}
		srv.kill(t)
		wg.Wait()

		srv = startServer(t, bin, dsn, keysFile)
		defer srv.kill(t)
		c.base = srv.url
		cutOff, replays := 0, 0
		owner := map[int64]string{}
		for i := range reqs {
			r := &reqs[i]
			a, err := c.send(*r)
			if err != nil {
				t.Fatalf("%s after the restart: %v", r.key, err)
			}
			if a.status != http.StatusCreated {
				t.Fatalf("%s after the restart: %d %s, want 201 (a replay or a create)", r.key, a.status, a.body)
			}
			if r.before != nil {
				if !a.replayed || a.body != r.before.body {
					t.Fatalf("%s answered %s before the crash, then %s (replayed %v)", r.key, r.before.body, a.body, a.replayed)
				}
			} else if a.replayed {
				replays++ // created before the crash; its answer was cut off
			} else {
				cutOff++
			}
			for _, id := range a.orderIDs(t) {
				if other, ok := owner[id]; ok {
					t.Fatalf("order %d answers both %s and %s", id, other, r.key)
				}
				owner[id] = r.key
			}
		}
		t.Logf("%d keys answered before the kill, %d created but cut off (replayed), %d created only after the restart", n-cutOff-replays, replays, cutOff)
		if got := countRows(t, store, "orders", customer) - ordersBefore; got != n || len(owner) != n {
			t.Fatalf("%d orders created and %d answered for %d keys, want one each", got, len(owner), n)
		}
		if got := countRows(t, store, "lines", customer) - linesBefore; got != n {
			t.Fatalf("%d lines created for %d keys, want one each", got, n)
		}
	})
}

type crashRequest struct {
	key, path, body string
	before          *apiAnswer // the answer got before the kill, if any
}

type apiAnswer struct {
	status   int
	body     string
	replayed bool
}

// orderIDs reads the created orders out of either endpoint's answer.
func (a *apiAnswer) orderIDs(t *testing.T) []int64 {
	var v struct{ Orders, OrderIDs []int64 }
	if err := json.Unmarshal([]byte(a.body), &v); err != nil {
		t.Fatalf("answer %s: %v", a.body, err)
	}
	return append(v.Orders, v.OrderIDs...)
}

type apiClient struct{ base, token string }

var crashHTTP = &http.Client{Timeout: 60 * time.Second}

func (c *apiClient) do(method, path, key, body string) (*apiAnswer, error) {
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	res, err := crashHTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	return &apiAnswer{status: res.StatusCode, body: string(b), replayed: res.Header.Get("Idempotent-Replayed") == "true"}, nil
}

func (c *apiClient) send(r crashRequest) (*apiAnswer, error) {
	return c.do("POST", r.path, r.key, r.body)
}

// firstCustomerAndPackage picks an active demo customer and a package.
func (c *apiClient) firstCustomerAndPackage(t *testing.T) (int64, int64) {
	t.Helper()
	var cs struct {
		Customers []struct {
			CustomerID int64
			Status     string
		}
	}
	var ps struct{ Packages []struct{ PackageID int64 } }
	for path, v := range map[string]any{"/api/customers?Limit=50": &cs, "/api/packages": &ps} {
		a, err := c.do("GET", path, "", "")
		if err != nil || a.status != http.StatusOK {
			t.Fatalf("GET %s: %v %+v", path, err, a)
		}
		if err := json.Unmarshal([]byte(a.body), v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
	if len(ps.Packages) == 0 {
		t.Fatal("the demo has no package")
	}
	for _, cu := range cs.Customers {
		if cu.Status == "ACTIVE" {
			return cu.CustomerID, ps.Packages[0].PackageID
		}
	}
	t.Fatal("the demo has no active customer")
	return 0, 0
}

type server struct {
	cmd *exec.Cmd
	url string
	log *bytes.Buffer
}

// startServer runs `switchboard serve` on a free port and waits until it answers.
func startServer(t *testing.T, bin, dsn, keysFile string, extra ...string) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s := &server{url: "http://" + addr, log: &bytes.Buffer{}}
	s.cmd = exec.Command(bin, append([]string{"serve", "--db", dsn, "--keys-file", keysFile, "--addr", addr}, extra...)...)
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	s.cmd.Env = append(os.Environ(), "SWITCHBOARD_LOG_LEVEL=WARN")
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if res, err := http.Get(s.url + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s
			}
		}
	}
	s.kill(t)
	t.Fatalf("the server did not start: %s", s.log)
	return nil
}

// kill ends the server at once (SIGKILL): nothing it holds is finished.
func (s *server) kill(t *testing.T) {
	if s.cmd.ProcessState != nil {
		return
	}
	if err := s.cmd.Process.Kill(); err != nil {
		t.Errorf("kill: %v", err)
	}
	s.cmd.Wait()
}

func openStore(t *testing.T, dsn, keysFile string) *db.DB {
	t.Helper()
	k, err := loadKeys("", "", keysFile, dsn)
	if err != nil {
		t.Fatal(err)
	}
	d, err := db.Open(context.Background(), dsn, k.Data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func countRows(t *testing.T, d *db.DB, table string, customer int64) int {
	t.Helper()
	var n int
	if err := d.R.Get(&n, d.R.Rebind(`SELECT COUNT(*) FROM `+table+` WHERE customer_id = ?`), customer); err != nil {
		t.Fatal(err)
	}
	return n
}

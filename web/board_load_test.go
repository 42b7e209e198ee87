package web_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestBoardLoad measures how many open boards one instance holds with a
// change reaching every one of them soon after its commit. It runs only
// when SWITCHBOARD_BOARD_LOAD names the switchboard binary to measure
// (scripts/load-board.sh builds it): a serve --demo on a fresh SQLite file
// as its own process, so its resident memory is its own. For each count
// of boards (SWITCHBOARD_BOARD_COUNTS, default "1,100,500,1000"; the first
// is the baseline) it opens that many event streams as support, starts
// ports through the API as the rep, and takes each board's delay from
// sending the request that commits the change to the board reading it.
func TestBoardLoad(t *testing.T) {
	bin := os.Getenv("SWITCHBOARD_BOARD_LOAD")
	if bin == "" {
		t.Skip("set SWITCHBOARD_BOARD_LOAD to the switchboard binary to measure the board")
	}
	counts := []int{1, 100, 500, 1000}
	if s := os.Getenv("SWITCHBOARD_BOARD_COUNTS"); s != "" {
		counts = nil
		for _, f := range strings.Split(s, ",") {
			n, _ := strconv.Atoi(f)
			counts = append(counts, n)
		}
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "load.db")
	addr := "127.0.0.1:18999"
	base := "http://" + addr
	srv := exec.Command(bin, "serve", "--demo", "--db", dbPath, "--addr", addr, "--sim-delay", "1s")
	srv.Env = append(os.Environ(), "SWITCHBOARD_LOG_LEVEL=WARN")
	srv.Stdout, srv.Stderr = io.Discard, os.Stderr
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Process.Kill(); srv.Wait() }()
	loadPid = srv.Process.Pid
	for i := 0; ; i++ {
		if res, err := http.Get(base + "/healthz"); err == nil && res.StatusCode == 200 {
			res.Body.Close()
			break
		}
		if i > 300 {
			t.Fatal("the server did not start")
		}
		time.Sleep(100 * time.Millisecond)
	}
	out, err := exec.Command(bin, "token", "create", "--user", "rep", "--db", dbPath).Output()
	if err != nil {
		t.Fatalf("token: %v", err)
	}
	token := strings.TrimSpace(string(out))
	support := loadSignIn(t, base, "support")
	material := loadMaterial(t, base, token)

	t.Logf("| boards | changes | deliveries | p50 after commit | p99 after commit | max | p99 after request sent | resident memory |")
	t.Logf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	t.Logf("| 0 (idle) | | | | | | | %.0f MB |", rssMB(t, srv.Process.Pid))
	for _, n := range counts {
		lat, upper, got, want, rss := measureBoards(t, base, support, token, n, &material, 10)
		slices.Sort(lat)
		slices.Sort(upper)
		q := func(l []time.Duration, p float64) time.Duration { return l[min(len(l)-1, int(p*float64(len(l))))] }
		t.Logf("| %d | %d | %d of %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.0f MB |", n, 10, got, want,
			ms(q(lat, 0.5)), ms(q(lat, 0.99)), ms(lat[len(lat)-1]), ms(q(upper, 0.99)), rss)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// rssMB is the resident memory of process pid.
func rssMB(t *testing.T, pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			kb, _ := strconv.ParseFloat(strings.Fields(line)[1], 64)
			return kb / 1024
		}
	}
	return 0
}

func loadSignIn(t *testing.T, base, name string) *http.Client {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{MaxIdleConnsPerHost: 2000}}
	req, _ := http.NewRequest("POST", base+"/login", strings.NewReader(url.Values{"name": {name}, "password": {"demo"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	res, err := c.Do(req)
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in as %s: %v %v", name, err, res)
	}
	res.Body.Close()
	return c
}

// loadMaterial is what ports can be started on: Verizon Wireless lines and AVAILABLE SIMs.
type loadMaterialSet struct {
	lines []int64
	sims  []string
	mdn   int
}

func loadMaterial(t *testing.T, base, token string) loadMaterialSet {
	get := func(path string, v any) {
		req, _ := http.NewRequest("GET", base+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		json.NewDecoder(res.Body).Decode(v)
	}
	var carriers struct {
		Carriers []struct {
			CarrierID int64
			Code      string
		}
	}
	get("/api/carriers", &carriers)
	var vzw int64
	for _, c := range carriers.Carriers {
		if c.Code == "VZW" {
			vzw = c.CarrierID
		}
	}
	var m loadMaterialSet
	for after := ""; ; {
		var lines struct {
			Lines []struct {
				LineID, CarrierID int64
				Status            string
			}
			Next string
		}
		get("/api/lines?Status=ACTIVE&Limit=500&After="+url.QueryEscape(after), &lines)
		for _, l := range lines.Lines {
			if l.CarrierID == vzw {
				m.lines = append(m.lines, l.LineID)
			}
		}
		if after = lines.Next; after == "" {
			break
		}
	}
	var inv struct{ Inventory []struct{ Identifier string } }
	get("/api/inventory?Status=AVAILABLE&Type=SIM_Card&Limit=500", &inv)
	for _, it := range inv.Inventory {
		m.sims = append(m.sims, it.Identifier)
	}
	m.mdn = 7085550100
	return m
}

// startLoadPort starts one port; it returns its id, when the request was
// sent and when its answer came (the change committed in between).
func startLoadPort(t *testing.T, base, token string, m *loadMaterialSet) (int64, time.Time, time.Time) {
	for len(m.lines) > 0 && len(m.sims) > 0 {
		line, sim := m.lines[0], m.sims[0]
		m.mdn++
		body := fmt.Sprintf(`{"LineID":%d,"Inventory":{"Identifier":%q,"Type":"SIM_Card"},"PortMDN":"%d","AccountNumber":"5550001","AuthorizedSigner":"Pat Doe","PINPassword":"4321"}`, line, sim, m.mdn)
		req, _ := http.NewRequest("POST", base+"/api/reconnect-ports", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		sent := time.Now()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		answered := time.Now()
		var ans struct {
			ReconnectPortID int64
			Errors          []struct{ Field string }
		}
		json.NewDecoder(res.Body).Decode(&ans)
		res.Body.Close()
		if res.StatusCode == http.StatusCreated {
			m.lines, m.sims = m.lines[1:], m.sims[1:]
			return ans.ReconnectPortID, sent, answered
		}
		if len(ans.Errors) > 0 && strings.HasPrefix(ans.Errors[0].Field, "Inventory") {
			m.sims = m.sims[1:]
		} else {
			m.lines = m.lines[1:]
		}
	}
	t.Fatal("no material left for more ports")
	return 0, time.Time{}, time.Time{}
}

// measureBoards opens n boards, starts changes ports one after the other
// and returns each board's delay for each port's first event after the
// answer that says it committed (0 when the board had it first) and after
// the request was sent (an upper bound), how many arrived of how many
// expected, and the server's resident memory with the boards open.
func measureBoards(t *testing.T, base string, c *http.Client, token string, n int, m *loadMaterialSet, changes int) ([]time.Duration, []time.Duration, int, int, float64) {
	var mu sync.Mutex
	seen := map[int64][]time.Time{} // port -> when each board read its first event
	var ready sync.WaitGroup
	var stops []func()
	for range n {
		ready.Add(1)
		req, _ := http.NewRequest("GET", base+"/reconnect-ports/events", nil)
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		stops = append(stops, func() { res.Body.Close() })
		go func() {
			ready.Done()
			br := bufio.NewReaderSize(res.Body, 64<<10)
			got := map[int64]bool{}
			needle := []byte(`<article id="port-`)
			for {
				line, err := br.ReadSlice('\n')
				if err != nil && err != bufio.ErrBufferFull {
					return
				}
				i := bytes.Index(line, needle)
				if i < 0 {
					continue
				}
				rest := line[i+len(needle):]
				j := bytes.IndexByte(rest, '"')
				id, _ := strconv.ParseInt(string(rest[:j]), 10, 64)
				if got[id] {
					continue
				}
				got[id] = true
				now := time.Now()
				mu.Lock()
				seen[id] = append(seen[id], now)
				mu.Unlock()
			}
		}()
	}
	ready.Wait()
	time.Sleep(500 * time.Millisecond)
	rss := rssMB(t, loadPid)
	var lat, upper []time.Duration
	want := 0
	for range changes {
		id, sent, answered := startLoadPort(t, base, token, m)
		want += n
		time.Sleep(300 * time.Millisecond)
		deadline := time.Now().Add(5 * time.Second)
		for {
			mu.Lock()
			k := len(seen[id])
			mu.Unlock()
			if k >= n || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		mu.Lock()
		for _, at := range seen[id] {
			lat = append(lat, max(0, at.Sub(answered)))
			upper = append(upper, at.Sub(sent))
		}
		mu.Unlock()
	}
	if r := rssMB(t, loadPid); r > rss {
		rss = r
	}
	for _, stop := range stops {
		stop()
	}
	time.Sleep(300 * time.Millisecond)
	return lat, upper, len(lat), want, rss
}

// loadPid is the measured server's process.
var loadPid int

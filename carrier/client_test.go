package carrier_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"switchboard/carrier"
	"switchboard/domain"
)

// TestClientFaults runs the client against a gateway that misbehaves in
// each way, over real HTTP: each call ends within the timeout with an
// error that says what happened, or succeeds when the answer is only slow.
func TestClientFaults(t *testing.T) {
	const timeout = 200 * time.Millisecond
	ok := `{"PON":"PONCLIENT0000001","Status":"CONFIRMED","Message":"Order confirmed"}`
	for _, tc := range []struct {
		name    string
		handler http.HandlerFunc
		want    string // in the error; "" for success
		code    string
	}{
		{"OK", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(ok)) }, "", ""},
		{"SlowButInTime", func(w http.ResponseWriter, r *http.Request) { time.Sleep(timeout / 4); w.Write([]byte(ok)) }, "", ""},
		{"NoAnswer", func(w http.ResponseWriter, r *http.Request) { hang(r) }, "no answer within 200ms", ""},
		{"HeadersThenStalls", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(200)
			w.Write([]byte(`{"PON":`))
			w.(http.Flusher).Flush()
			hang(r)
		}, "no answer within 200ms", ""},
		{"503", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(503)
			w.Write([]byte(`{"Error":"Service temporarily unavailable"}`))
		}, "answered 503 Service Unavailable: Service temporarily unavailable", ""},
		{"500WithHTML", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(500)
			w.Write([]byte(`<html>oops</html>`))
		}, "answered 500 Internal Server Error", ""},
		{"404", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(404) }, "does not know this order", domain.ENOTFOUND},
		{"HTMLWith200", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`<html>502 Bad Gateway</html>`)) }, "not the protocol's JSON", ""},
		{"TruncatedJSON", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"PON": "`)) }, "not the protocol's JSON", ""},
		{"TrailingJunk", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(ok + `{}`)) }, "not the protocol's JSON", ""},
		{"WrongTypes", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"Status": 7}`)) }, "not the protocol's JSON", ""},
		{"UnknownStatus", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"PON":"PONCLIENT0000001","Status":"MAYBE"}`))
		}, `unknown order status "MAYBE"`, ""},
		{"OtherPON", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"PON":"PONSOMEONEELSE01","Status":"COMPLETE"}`))
		}, `not "PONCLIENT0000001"`, ""},
		{"Huge", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"PON":"` + strings.Repeat("x", 2<<20) + `"}`))
		}, "larger than", ""},
		{"HangsUp", func(w http.ResponseWriter, r *http.Request) {
			c, _, _ := w.(http.Hijacker).Hijack()
			c.Close()
		}, "could not reach the gateway", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.handler)
			defer srv.Close()
			cl, err := carrier.NewClient(srv.URL+"/", timeout)
			if err != nil {
				t.Fatal(err)
			}
			for _, call := range []func() (*domain.GatewayStatus, error){
				func() (*domain.GatewayStatus, error) {
					return cl.SendOrder(context.Background(), &domain.GatewayOrder{PON: "PONCLIENT0000001", Kind: domain.TypeSuspend})
				},
				func() (*domain.GatewayStatus, error) { return cl.OrderStatus(context.Background(), "PONCLIENT0000001") },
			} {
				start := time.Now()
				st, err := call()
				if took := time.Since(start); took > timeout+time.Second {
					t.Fatalf("took %s with a timeout of %s", took, timeout)
				}
				if tc.want == "" {
					if err != nil || st.Status != domain.GatewayConfirmed {
						t.Fatalf("got %+v, %v", st, err)
					}
					continue
				}
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err=%v, want one saying %q", err, tc.want)
				}
				if tc.code != "" && domain.ErrorCode(err) != tc.code {
					t.Fatalf("code=%s, want %s", domain.ErrorCode(err), tc.code)
				}
				var ce *carrier.CallError
				if tc.code == "" && !errors.As(err, &ce) {
					t.Fatalf("err=%T, want a *carrier.CallError", err)
				}
			}
		})
	}
}

// hang holds the request until the client gives up (the server notices
// a client leaving once the request's body is read).
func hang(r *http.Request) {
	io.Copy(io.Discard, r.Body)
	select {
	case <-r.Context().Done():
	case <-time.After(10 * time.Second):
	}
}

func TestClientNoGateway(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cl, _ := carrier.NewClient("http://"+addr, time.Second)
	_, err = cl.OrderStatus(context.Background(), "PONCLIENT0000001")
	if err == nil || !strings.Contains(err.Error(), "could not reach the gateway") {
		t.Fatalf("err=%v", err)
	}
}

func TestClientBadURL(t *testing.T) {
	for _, u := range []string{"", "localhost:9090", "ftp://x", "http://"} {
		if _, err := carrier.NewClient(u, time.Second); err == nil {
			t.Errorf("NewClient(%q) accepted", u)
		}
	}
}

func TestClientSendsThePINToTheProviderOnly(t *testing.T) {
	var body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := make([]byte, 4096)
		n, _ := r.Body.Read(b)
		body = string(b[:n])
		w.Write([]byte(`{"PON":"PONPIN0000000001","Status":"RECEIVED","Port":{"Response":""}}`))
	}))
	defer srv.Close()
	cl, _ := carrier.NewClient(srv.URL, time.Second)
	p := goodPort()
	if _, err := cl.SendOrder(context.Background(), portOrder("PONPIN0000000001", p)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, `"PINPassword":"4321"`) {
		t.Fatalf("the provider needs the PIN; body %s", body)
	}
}

// TestInProcessTimeout: the in-process provider ends a call at the timeout too.
func TestInProcessTimeout(t *testing.T) {
	cl := carrier.NewInProcess(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }), 50*time.Millisecond)
	_, err := cl.OrderStatus(context.Background(), "PONCLIENT0000001")
	if err == nil || !strings.Contains(err.Error(), "no answer within 50ms") {
		t.Fatalf("err=%v", err)
	}
}

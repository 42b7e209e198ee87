package carrier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"switchboard/domain"
)

// DefaultTimeout bounds each call to the gateway, answer included.
const DefaultTimeout = 10 * time.Second

// maxAnswer bounds an answer's body.
const maxAnswer = 1 << 20

// Client speaks the gateway protocol to a gateway at a URL. Every call
// ends within Timeout, whatever the gateway does.
type Client struct {
	base    string
	http    *http.Client
	Timeout time.Duration
}

var _ domain.Gateway = (*Client)(nil)

// NewClient is a client for the gateway at baseURL (http or https).
func NewClient(baseURL string, timeout time.Duration) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("carrier URL %q must be an http:// or https:// URL", baseURL)
	}
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   5 * time.Second,
		ResponseHeaderTimeout: timeout,
		MaxIdleConnsPerHost:   32,
		IdleConnTimeout:       90 * time.Second,
	}
	return newClient(strings.TrimRight(u.String(), "/"), tr, timeout), nil
}

// NewInProcess is a client for a gateway handler in this process (the
// simulated provider): the same protocol, without the network.
func NewInProcess(h http.Handler, timeout time.Duration) *Client {
	return newClient("http://in-process", handlerTransport{h}, timeout)
}

func newClient(base string, tr http.RoundTripper, timeout time.Duration) *Client {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Client{base: base, http: &http.Client{Transport: tr}, Timeout: timeout}
}

// CallError is a call to the gateway that gave no usable answer.
type CallError struct {
	Call   string // "send order P…", "order status P…"
	Reason string // what went wrong, in a rep's words
}

func (e *CallError) Error() string { return "provider gateway: " + e.Call + ": " + e.Reason }

// SendOrder posts o to /orders. See domain.Gateway.
func (c *Client) SendOrder(ctx context.Context, o *domain.GatewayOrder) (*domain.GatewayStatus, error) {
	body, err := json.Marshal(toWire(o))
	if err != nil {
		return nil, err
	}
	var st domain.GatewayStatus
	if err := c.call(ctx, "send order "+o.PON, http.MethodPost, pathOrders, body, &st); err != nil {
		return nil, err
	}
	if err := st.Validate(o.PON); err != nil {
		return nil, &CallError{"send order " + o.PON, "the answer is not the protocol's: " + err.Error()}
	}
	return &st, nil
}

// OrderStatus gets /orders/{pon}. See domain.Gateway.
func (c *Client) OrderStatus(ctx context.Context, pon string) (*domain.GatewayStatus, error) {
	var st domain.GatewayStatus
	call := "order status " + pon
	if err := c.call(ctx, call, http.MethodGet, pathOrders+"/"+url.PathEscape(pon), nil, &st); err != nil {
		return nil, err
	}
	if err := st.Validate(pon); err != nil {
		return nil, &CallError{call, "the answer is not the protocol's: " + err.Error()}
	}
	return &st, nil
}

// Stats gets /stats (the simulated provider's counts).
func (c *Client) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	err := c.call(ctx, "stats", http.MethodGet, pathStats, nil, &s)
	return s, err
}

// call makes one request within c.Timeout and decodes a 200 answer into
// out. A 404 is ENOTFOUND; anything else that is not a 200 with the
// protocol's JSON is a CallError.
func (c *Client) call(ctx context.Context, call, method, path string, body []byte, out any) error {
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	var rd io.Reader = http.NoBody
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return &CallError{call, err.Error()}
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return c.transportError(ctx, call, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err != nil {
		return c.transportError(ctx, call, err)
	}
	if len(b) > maxAnswer {
		return &CallError{call, fmt.Sprintf("the answer is larger than %d bytes", maxAnswer)}
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return domain.Errorf(domain.ENOTFOUND, "The provider does not know this order (%s)", call)
	case resp.StatusCode != http.StatusOK:
		var we wireError
		if json.Unmarshal(b, &we) == nil && we.Error != "" {
			return &CallError{call, fmt.Sprintf("answered %s: %s", resp.Status, we.Error)}
		}
		return &CallError{call, "answered " + resp.Status}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(out); err != nil || dec.More() {
		return &CallError{call, "the answer is not the protocol's JSON"}
	}
	return nil
}

func (c *Client) transportError(ctx context.Context, call string, err error) error {
	var ne net.Error
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return &CallError{call, fmt.Sprintf("no answer within %s", c.Timeout)}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &CallError{call, "could not reach the gateway: " + err.Error()}
}

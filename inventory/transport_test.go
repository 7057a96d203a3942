package inventory

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRouteTemplateHidesIDs(t *testing.T) {
	for path, want := range map[string]string{
		"/v2/droplets":                   "/v2/droplets",
		"/v2/droplets/3164444":           "/v2/droplets/{id}",
		"/prefix/v2/kubernetes/clusters": "/v2/kubernetes/clusters",
		"/v2/databases/9cc10173-e9ea-4176-9dbc-a4cee4c4ff30/firewall": "/v2/databases/{id}/firewall",
		"/v2/domains":                              "/v2/domains",
		"/v2/domains/example.com/records":          "/v2/domains/{id}/records",
		"/v2/registries":                           "/v2/registries",
		"/v2/registries/storefront/repositoriesV2": "/v2/registries/{id}/repositoriesV2",
	} {
		if got := routeTemplate(path); got != want {
			t.Errorf("routeTemplate(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestRateLimitOfHeaders(t *testing.T) {
	h := http.Header{}
	h.Set("ratelimit-limit", "5000")
	h.Set("ratelimit-remaining", "4816")
	h.Set("ratelimit-reset", "1444931833")
	got, ok := rateLimitOf(h)
	want := RateLimit{Limit: 5000, Remaining: 4816, Reset: time.Unix(1444931833, 0), Seen: true}
	if !ok || got != want {
		t.Errorf("got %+v, %v; want %+v", got, ok, want)
	}
	if _, ok := rateLimitOf(http.Header{}); ok {
		t.Error("no headers should give no rate limit")
	}
}

// recordingNext is the RoundTripper behind the transport under test.
type recordingNext struct{ methods []string }

func (n *recordingNext) RoundTrip(req *http.Request) (*http.Response, error) {
	n.methods = append(n.methods, req.Method)
	return &http.Response{StatusCode: http.StatusOK, Body: http.NoBody, Request: req}, nil
}

// closeTracker is a request body that knows whether it was closed.
type closeTracker struct {
	io.Reader
	closed bool
}

func (c *closeTracker) Close() error { c.closed = true; return nil }

func TestReadOnlyTransportRefusesEveryWrite(t *testing.T) {
	next := &recordingNext{}
	transport := readOnlyTransport{next: next}
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, "PURGE", "get"} {
		body := &closeTracker{Reader: strings.NewReader(`{"name":"x"}`)}
		req := httptest.NewRequest(method, "http://127.0.0.1/v2/droplets", body)
		resp, err := transport.RoundTrip(req)
		if err == nil || resp != nil {
			t.Errorf("%s passed: %v, %v", method, resp, err)
		} else if !strings.Contains(err.Error(), "read-only exporter refuses "+method+" /v2/droplets") {
			t.Errorf("%s: error %q does not say why", method, err)
		}
		if !body.closed {
			t.Errorf("%s: the refused request's body was left open", method)
		}
	}
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		if _, err := transport.RoundTrip(httptest.NewRequest(method, "http://127.0.0.1/v2/droplets", nil)); err != nil {
			t.Errorf("%s refused: %v", method, err)
		}
	}
	if want := []string{http.MethodGet, http.MethodHead}; !slices.Equal(next.methods, want) {
		t.Errorf("sent %v on, want only %v", next.methods, want)
	}
}

// TestClientDoesNotFollowRedirects: an API (or a proxy) that redirects gets
// no second request from us, so the token cannot follow it to another host.
func TestClientDoesNotFollowRedirects(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		w.Write([]byte(`{"account":{"uuid":"stolen"}}`))
	}))
	defer other.Close()
	for _, status := range []int{http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other.URL+r.URL.Path, status)
		}))
		client, err := newClient(ClientOptions{BaseURL: api.URL, Token: func() string { return "dop_v1_redirect_test" },
			Timeout: 5 * time.Second}, newAPIRecorder())
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, resp, err := client.Account.Get(ctx)
		cancel()
		api.Close()
		if err == nil || resp == nil || resp.StatusCode != status {
			t.Errorf("%d: got %v, %v; want the redirect itself as a failed answer", status, resp, err)
		}
	}
	if n := elsewhere.Load(); n != 0 {
		t.Errorf("%d requests followed a redirect to another server", n)
	}
}

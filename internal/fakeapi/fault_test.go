package fakeapi

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

func TestStatusFaultAnswersTheAPIsError(t *testing.T) {
	for _, tc := range []struct {
		status int
		id     string
	}{
		{403, "forbidden"}, {404, "not_found"}, {429, "too_many_requests"}, {500, "server_error"}, {503, "service_unavailable"},
	} {
		s := newTestServer(t, Examples())
		s.SetFault("/v2/databases", Fault{Status: tc.status})
		wantError(t, get(t, s, "/v2/databases"), tc.status, tc.id)
		if r := get(t, s, "/v2/droplets"); r.status != http.StatusOK {
			t.Errorf("a fault on /v2/databases broke /v2/droplets: %d", r.status)
		}
	}
}

func TestGodoSeesStatusFault(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetFault("/v2/databases", Fault{Status: http.StatusForbidden})
	_, _, err := newGodo(t, s).Databases.List(context.Background(), nil)
	var e *godo.ErrorResponse
	if !errors.As(err, &e) || e.Response.StatusCode != 403 || e.Message == "" || e.RequestID == "" {
		t.Errorf("got %v, want a godo 403 error with a message and request id", err)
	}
}

func TestRateLimitFault(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetFault("/v2/droplets", Fault{Status: http.StatusTooManyRequests, RetryAfter: 30})
	r := get(t, s, "/v2/droplets")
	wantError(t, r, http.StatusTooManyRequests, "too_many_requests")
	if r.header.Get("retry-after") != "30" || r.header.Get("ratelimit-remaining") != "0" || r.header.Get("ratelimit-reset") == "" {
		t.Errorf("headers %v", r.header)
	}
	if r := get(t, s, "/v2/account"); r.header.Get("retry-after") != "" || r.header.Get("ratelimit-remaining") == "0" {
		t.Errorf("another route looks rate limited: %v", r.header)
	}
}

func TestBodyFaultSendsTheBodyAsIs(t *testing.T) {
	for _, f := range []Fault{
		{Body: "<html>maintenance</html>"},
		{Body: `{"databases":[{"id":"9cc1`},
		{Status: http.StatusBadGateway, Body: "<html><body>Bad Gateway</body></html>"},
	} {
		s := newTestServer(t, Examples())
		s.SetFault("/v2/databases", f)
		r := get(t, s, "/v2/databases")
		if want := max(f.Status, 200); r.status != want || string(r.body) != f.Body {
			t.Errorf("got %d %q, want %d %q", r.status, r.body, want, f.Body)
		}
	}
}

func TestHangIsReleasedWhenTheClientGivesUp(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetFault("*", Fault{Hang: true})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, _, err := newGodo(t, s).Kubernetes.List(ctx, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the client's deadline", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("waited %v", waited)
	}
	if reqs := s.Requests(); len(reqs) != 1 || reqs[0].Status != 0 {
		t.Errorf("requests %+v, want one unanswered", reqs)
	}
}

func TestCloseReturnsWithHungRequests(t *testing.T) {
	s, err := NewServer(testToken, Examples())
	if err != nil {
		t.Fatal(err)
	}
	s.SetFault("/v2/apps", Fault{Hang: true})
	client := newGodo(t, s)
	failed := make(chan error, 3)
	for range 3 {
		go func() {
			_, _, err := client.Apps.List(context.Background(), nil)
			failed <- err
		}()
	}
	for s.Count("", "/v2/apps") < 3 {
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	s.Close()
	if took := time.Since(start); took > time.Second {
		t.Errorf("Close took %v", took)
	}
	for range 3 {
		if err := <-failed; err == nil {
			t.Error("a hung request succeeded")
		}
	}
}

func TestFaultTimesCountsDown(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetFault("/v2/apps", Fault{Status: 500, Times: 2})
	var got []int
	for range 3 {
		got = append(got, get(t, s, "/v2/apps").status)
	}
	if got[0] != 500 || got[1] != 500 || got[2] != 200 {
		t.Errorf("statuses %v, want 500 500 200", got)
	}
}

func TestRouteFaultComesBeforeAnyRouteFault(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetFault("*", Fault{Status: 503})
	s.SetFault("/v2/apps", Fault{Status: 500})
	if a, d := get(t, s, "/v2/apps").status, get(t, s, "/v2/droplets").status; a != 500 || d != 503 {
		t.Errorf("apps %d droplets %d, want 500 and 503", a, d)
	}
	s.ClearFaults()
	if a, d := get(t, s, "/v2/apps").status, get(t, s, "/v2/droplets").status; a != 200 || d != 200 {
		t.Errorf("after ClearFaults: apps %d droplets %d", a, d)
	}
}

func TestFaultShareHitsThatShareEvenly(t *testing.T) {
	f := armedFault{Fault: Fault{Status: 500, Share: 0.3}}
	hits := 0
	for range 100 {
		if f.hits("/v2/droplets") {
			hits++
		}
	}
	if hits != 30 {
		t.Errorf("share 0.3 hit %d of 100 requests", hits)
	}
}

func TestFaultOnceSparesARequestItHit(t *testing.T) {
	f := armedFault{Fault: Fault{Status: 503, Once: true}}
	if !f.hits("/v2/droplets?page=2") || f.hits("/v2/droplets?page=2") {
		t.Error("a retry of the request it hit is hit again")
	}
	if !f.hits("/v2/droplets?page=3") {
		t.Error("another request is spared")
	}
}

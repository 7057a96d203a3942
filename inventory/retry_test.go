package inventory

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// scripted answers each request with the next status of its script, then 200.
func scripted(statuses ...int) (*httptest.Server, func() int) {
	var mu sync.Mutex
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if n < len(statuses) {
			if statuses[n] == http.StatusServiceUnavailable {
				w.Header().Set("Retry-After", "7")
			}
			w.WriteHeader(statuses[n])
		}
		n++
	}))
	return srv, func() int { mu.Lock(); defer mu.Unlock(); return n }
}

// transportTo retries with the policy and records the waits instead of
// sleeping them.
func transportTo(policy RetryPolicy, waits *[]time.Duration) retryTransport {
	return retryTransport{policy: policy, next: http.DefaultTransport, wait: func(_ context.Context, d time.Duration) error {
		*waits = append(*waits, d)
		return nil
	}}
}

func TestRetryTransportRetriesServerErrorsAndHonoursRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		name     string
		statuses []int
		want     int // the final status
		sent     int
	}{
		{"two failures then success", []int{500, 503}, 200, 3},
		{"every attempt fails", []int{502, 500, 504, 500, 500}, 500, 4},
		{"a 429 is not retried: it pauses the account", []int{429}, 429, 1},
		{"a 404 is not retried", []int{404}, 404, 1},
		{"a 501 is not retried", []int{501}, 501, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, sent := scripted(tc.statuses...)
			defer srv.Close()
			var waits []time.Duration
			policy := RetryPolicy{Attempts: 4, Base: time.Second, Max: 5 * time.Second}
			req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
			resp, err := transportTo(policy, &waits).RoundTrip(req)
			if err != nil || resp.StatusCode != tc.want || sent() != tc.sent || len(waits) != tc.sent-1 {
				t.Fatalf("got %v (%v) after %d requests and %d waits; want %d after %d", resp, err, sent(), len(waits), tc.want, tc.sent)
			}
			resp.Body.Close()
			for i, w := range waits {
				if w > policy.Max || w <= 0 {
					t.Errorf("wait %d is %s, want within (0, %s]", i, w, policy.Max)
				}
				if i < len(tc.statuses) && tc.statuses[i] == 503 && w != policy.Max {
					t.Errorf("after a 503 asking 7s the wait is %s, want Retry-After capped at %s", w, policy.Max)
				}
			}
		})
	}
}

func TestRetryTransportGivesUpWhenTheDeadlineIsTooClose(t *testing.T) {
	srv, sent := scripted(500, 500)
	defer srv.Close()
	var waits []time.Duration
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
	resp, err := transportTo(RetryPolicy{Attempts: 4, Base: time.Minute, Max: time.Minute}, &waits).RoundTrip(req)
	if err != nil || resp.StatusCode != 500 || sent() != 1 || len(waits) != 0 {
		t.Fatalf("got %v (%v) after %d requests; want the first 500, with no wait past the deadline", resp, err, sent())
	}
	resp.Body.Close()
}

func TestRetryTransportRetriesAFailedConnection(t *testing.T) {
	srv, _ := scripted()
	url := srv.URL
	srv.Close() // nothing listens there any more
	var waits []time.Duration
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	_, err := transportTo(RetryPolicy{Attempts: 3, Base: time.Millisecond, Max: time.Millisecond}, &waits).RoundTrip(req)
	if err == nil || len(waits) != 2 {
		t.Errorf("got %v after %d waits; want the connection error after 3 attempts", err, len(waits))
	}
	var paused *pausedError
	if errors.As(err, &paused) {
		t.Error("a connection error reads as a pause")
	}
}

// TestAFlakyAPIStillListsALargeAccount: with 10% of requests failing with
// 503 (each request at most once: which ones depends on the order the
// concurrent details arrive in), the first refresh of 10,000 Droplets
// lists every one of them.
func TestAFlakyAPIStillListsALargeAccount(t *testing.T) {
	size := fakeapi.Size{fakeapi.Droplets: 10000, fakeapi.Databases: 20, fakeapi.Clusters: 20}
	steady := newTestAPIOf(t, fakeapi.Generate(size), ListedKinds())
	steady.refresh(t)
	needed := len(steady.Requests())

	api := newTestAPIOf(t, fakeapi.Generate(size), ListedKinds())
	api.SetFault("*", fakeapi.Fault{Status: 503, Share: 0.1, Once: true})
	s := api.refresh(t)
	for kind, st := range s.Status {
		if !st.Succeeded() {
			t.Errorf("%s failed (%s) although each request is tried %d times", kind, st.Reason, testRetry.Attempts)
		}
	}
	if n := len(Droplets.Of(s)); n != 10000 {
		t.Errorf("listed %d droplets, want 10000", n)
	}
	failed := 0
	for _, r := range api.Requests() {
		if r.Status == 503 {
			failed++
		}
	}
	sent := len(api.Requests())
	t.Logf("a refresh of every kind needs %d requests; with a tenth of them failing it sent %d, %d of them answered 503 and sent again",
		needed, sent, failed)
	if failed == 0 || sent != needed+failed {
		t.Errorf("%d requests, %d failed; want the %d needed plus one more for each failure", sent, failed, needed)
	}
	if got := s.API.Requests[RequestKey{"/v2/droplets", "503"}]; got == 0 {
		t.Error("the failed attempts are not counted in the request metrics")
	}
}

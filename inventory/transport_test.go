package inventory

import (
	"net/http"
	"testing"
	"time"
)

func TestRouteTemplateHidesIDs(t *testing.T) {
	for path, want := range map[string]string{
		"/v2/droplets":                   "/v2/droplets",
		"/v2/droplets/3164444":           "/v2/droplets/{id}",
		"/prefix/v2/kubernetes/clusters": "/v2/kubernetes/clusters",
		"/v2/databases/9cc10173-e9ea-4176-9dbc-a4cee4c4ff30/firewall": "/v2/databases/{id}/firewall",
		"/v2/domains":                     "/v2/domains",
		"/v2/domains/example.com/records": "/v2/domains/{id}/records",
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

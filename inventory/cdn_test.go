package inventory

import (
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapCDNEndpointsFromExamples(t *testing.T) {
	e := mapExample(t, "cdn_endpoints.json", "endpoints", eachValue(mapCDNEndpoint), 1)[0]
	if e.ID != "19f06b6a-3ace-4315-b086-499a0e521b76" || e.Origin != "static-images.nyc3.digitaloceanspaces.com" ||
		e.Endpoint != "static-images.nyc3.cdn.digitaloceanspaces.com" || e.CustomDomain != "static.example.com" ||
		e.CertificateID != "892071a0-bb95-49bc-8021-3afd67a210bf" || e.TTLSeconds != 3600 ||
		!e.Created.Equal(time.Date(2018, 7, 19, 15, 4, 16, 0, time.UTC)) {
		t.Errorf("CDN endpoint: %+v", e)
	}
}

// TestCDNRefreshSendsOneRequest: the endpoints' own limit is 5 requests in
// 10 seconds; a refresh of an account of fewer than 200 sends one.
func TestCDNRefreshSendsOneRequest(t *testing.T) {
	api := newTestAPI(t, fakeapi.Demo())
	for range 3 {
		api.refresh(t)
	}
	if n := api.Count("GET", "/v2/cdn/endpoints"); n != 3 {
		t.Errorf("%d requests in 3 refreshes, want 3", n)
	}
}

func TestCDNEndpointsAsWorkloads(t *testing.T) {
	s := NewSnapshot("default", time.Now(), CDNEndpoints.With([]CDNEndpoint{
		{ID: "1", Origin: "a.nyc3.digitaloceanspaces.com", Endpoint: "a.nyc3.cdn.digitaloceanspaces.com", TTLSeconds: 60},
		{ID: "2", Origin: "b.nyc3.digitaloceanspaces.com"},
	}))
	w := CDNEndpoints.Workloads(s)
	if len(w) != 2 || w[0].Name != "a.nyc3.cdn.digitaloceanspaces.com" || w[1].Name != "b.nyc3.digitaloceanspaces.com" ||
		w[0].Attributes["ttl_seconds"] != 60 || w[0].Attributes["origin"] != "a.nyc3.digitaloceanspaces.com" {
		t.Errorf("workloads %+v, want each named by its endpoint, or its origin when it has none", w)
	}
}

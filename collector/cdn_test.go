package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestCDNValuesFromExamples checks the CDN families against the example
// response itself (cdn_endpoints.json), not against a golden file, with a
// second endpoint that has no custom domain.
func TestCDNValuesFromExamples(t *testing.T) {
	acct := fakeapi.Examples()
	plain := map[string]any{"id": "2b5a7c1e-0000-4000-8000-000000000002", "origin": "media.ams3.digitaloceanspaces.com",
		"endpoint": "media.ams3.cdn.digitaloceanspaces.com", "created_at": "2019-01-02T03:04:05Z", "ttl": 86400}
	acct.Lists[fakeapi.CDNEndpoints] = append(acct.Lists[fakeapi.CDNEndpoints], plain)
	c := newCDNCollector(refreshedSource(t, acct))
	want := `
# HELP digitalocean_cdn_endpoint_info Descriptive labels of each CDN endpoint, as of the last refresh; value 1. custom_domain and certificate_id are empty when it has no custom domain.
# TYPE digitalocean_cdn_endpoint_info gauge
digitalocean_cdn_endpoint_info{account="default",certificate_id="892071a0-bb95-49bc-8021-3afd67a210bf",custom_domain="static.example.com",endpoint="static-images.nyc3.cdn.digitaloceanspaces.com",id="19f06b6a-3ace-4315-b086-499a0e521b76",origin="static-images.nyc3.digitaloceanspaces.com"} 1
digitalocean_cdn_endpoint_info{account="default",certificate_id="",custom_domain="",endpoint="media.ams3.cdn.digitaloceanspaces.com",id="2b5a7c1e-0000-4000-8000-000000000002",origin="media.ams3.digitaloceanspaces.com"} 1
# HELP digitalocean_cdn_endpoint_ttl_seconds How long each CDN endpoint's edge caches content, in seconds, as of the last refresh.
# TYPE digitalocean_cdn_endpoint_ttl_seconds gauge
digitalocean_cdn_endpoint_ttl_seconds{account="default",id="19f06b6a-3ace-4315-b086-499a0e521b76"} 3600
digitalocean_cdn_endpoint_ttl_seconds{account="default",id="2b5a7c1e-0000-4000-8000-000000000002"} 86400
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}

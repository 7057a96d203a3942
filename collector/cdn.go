package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	cdnEndpointInfo = newDesc("cdn_endpoint", "info",
		"Descriptive labels of each CDN endpoint, as of the last refresh; value 1. "+
			"custom_domain and certificate_id are empty when it has no custom domain.",
		"id", "origin", "endpoint", "custom_domain", "certificate_id")
	cdnEndpointTTL = newDesc("cdn_endpoint", "ttl_seconds",
		"How long each CDN endpoint's edge caches content, in seconds, as of the last refresh.", "id")
)

func newCDNCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindCDN, src, collectCDNEndpoints, cdnEndpointInfo, cdnEndpointTTL)
}

func collectCDNEndpoints(out emit, s *inventory.Snapshot) {
	for _, e := range inventory.CDNEndpoints.Of(s) {
		gauge(out, cdnEndpointInfo, 1, s.Account, e.ID, e.Origin, e.Endpoint, e.CustomDomain, e.CertificateID)
		gauge(out, cdnEndpointTTL, float64(e.TTLSeconds), s.Account, e.ID)
	}
}

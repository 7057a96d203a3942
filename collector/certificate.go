package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	certificateInfo = newDesc("certificate", "info",
		"Descriptive labels of each TLS certificate, as of the last refresh; value 1. type is custom or lets_encrypt, "+
			"state pending, verified or error.",
		"id", "name", "type", "state")
	certificateExpiry = newDesc("certificate", "expiry_timestamp_seconds",
		"When each certificate expires (not_after), in Unix seconds, as of the last refresh; absent before it is issued.", "id")
	certificateDNSNames = newDesc("certificate", "dns_names",
		"Number of DNS names each certificate covers, as of the last refresh.", "id")
)

func newCertificateCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindCertificates, src, collectCertificates,
		certificateInfo, certificateExpiry, certificateDNSNames)
}

func collectCertificates(out emit, s *inventory.Snapshot) {
	list := inventory.Certificates.Of(s)
	for i := range list {
		c := &list[i]
		gauge(out, certificateInfo, 1, s.Account, c.ID, c.Name, c.Type, c.State)
		timestamp(out, certificateExpiry, c.NotAfter, s.Account, c.ID)
		gauge(out, certificateDNSNames, float64(len(c.DNSNames)), s.Account, c.ID)
	}
}

package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	domainInfo = newDesc("domain", "info",
		"Each DNS zone DigitalOcean serves for the account, as of the last refresh; value 1.", "name")
	domainTTL = newDesc("domain", "ttl_seconds",
		"Default TTL of each DNS zone in seconds, as of the last refresh.", "name")
	domainRecords = newDesc("domain", "records",
		"Number of records of each DNS zone by record type, as of the last refresh of records.", "name", "type")
)

func newDomainCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindDomains, src, collectDomains, domainInfo, domainTTL, domainRecords)
}

func collectDomains(out emit, s *inventory.Snapshot) {
	records := inventory.DomainRecords.Of(s)
	for _, d := range inventory.Domains.Of(s) {
		gauge(out, domainInfo, 1, s.Account, d.Name)
		gauge(out, domainTTL, float64(d.TTLSeconds), s.Account, d.Name)
		for recordType, n := range records[d.Name] {
			gauge(out, domainRecords, float64(n), s.Account, d.Name, recordType)
		}
	}
}

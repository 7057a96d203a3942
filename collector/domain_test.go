package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestDomainValuesFromExamples checks the domain families against the
// example responses themselves (domains.json, domain_records.json), not
// against a golden file; the zone file the domain comes with shows nowhere.
func TestDomainValuesFromExamples(t *testing.T) {
	src := refreshedSource(t, fakeapi.Examples())
	c := newDomainCollector(src)
	want := `
# HELP digitalocean_domain_info Each DNS zone DigitalOcean serves for the account, as of the last refresh; value 1.
# TYPE digitalocean_domain_info gauge
digitalocean_domain_info{account="default",name="example.com"} 1
# HELP digitalocean_domain_records Number of records of each DNS zone by record type, as of the last refresh of records.
# TYPE digitalocean_domain_records gauge
digitalocean_domain_records{account="default",name="example.com",type="A"} 1
digitalocean_domain_records{account="default",name="example.com",type="NS"} 3
# HELP digitalocean_domain_ttl_seconds Default TTL of each DNS zone in seconds, as of the last refresh.
# TYPE digitalocean_domain_ttl_seconds gauge
digitalocean_domain_ttl_seconds{account="default",name="example.com"} 1800
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
	for _, collector := range Collectors(src, func(string) bool { return true }) {
		text := collectText(t, collector)
		for _, zoneFile := range []string{"$ORIGIN", "hostmaster", "1415982609"} {
			if strings.Contains(text, zoneFile) {
				t.Errorf("the metrics hold the zone file's %q", zoneFile)
			}
		}
	}
}

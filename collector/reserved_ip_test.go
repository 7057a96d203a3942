package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestReservedIPValuesFromExamples checks the reserved IP families against
// the example responses (reserved_ips.json, reserved_ipv6.json), with the
// IPv4 address assigned to the example droplet, not against a golden file.
func TestReservedIPValuesFromExamples(t *testing.T) {
	acct := fakeapi.Examples()
	acct.Lists[fakeapi.ReservedIPs][0]["droplet"] = acct.Lists[fakeapi.Droplets][0]
	c := newReservedIPCollector(refreshedSource(t, acct))
	want := `
# HELP digitalocean_reserved_ip_info Descriptive labels of each reserved IPv4 and IPv6 address, as of the last refresh; value 1. droplet_id is empty when unassigned.
# TYPE digitalocean_reserved_ip_info gauge
digitalocean_reserved_ip_info{account="default",droplet_id="3164444",ip="45.55.96.47",region="nyc3",version="4"} 1
digitalocean_reserved_ip_info{account="default",droplet_id="",ip="fd53:616d:6d60::dc9:c001",region="nyc3",version="6"} 1
digitalocean_reserved_ip_info{account="default",droplet_id="",ip="fd53:616d:6d60::dc9:c002",region="nyc1",version="6"} 1
# HELP digitalocean_reserved_ip_assigned 1 when the reserved address is assigned to a Droplet, 0 when unassigned (and still billed), as of the last refresh.
# TYPE digitalocean_reserved_ip_assigned gauge
digitalocean_reserved_ip_assigned{account="default",ip="45.55.96.47"} 1
digitalocean_reserved_ip_assigned{account="default",ip="fd53:616d:6d60::dc9:c001"} 0
digitalocean_reserved_ip_assigned{account="default",ip="fd53:616d:6d60::dc9:c002"} 0
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}

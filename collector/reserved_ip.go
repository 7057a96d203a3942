package collector

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	reservedIPInfo = newDesc("reserved_ip", "info",
		"Descriptive labels of each reserved IPv4 and IPv6 address, as of the last refresh; value 1. droplet_id is empty when unassigned.",
		"ip", "version", "region", "droplet_id")
	reservedIPAssigned = newDesc("reserved_ip", "assigned",
		"1 when the reserved address is assigned to a Droplet, 0 when unassigned (and still billed), as of the last refresh.", "ip")
)

func newReservedIPCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindReservedIPs, src, collectReservedIPs, reservedIPInfo, reservedIPAssigned)
}

func collectReservedIPs(out emit, s *inventory.Snapshot) {
	list := inventory.ReservedIPs.Of(s)
	for i := range list {
		r := &list[i]
		droplet := ""
		if r.DropletID != 0 {
			droplet = strconv.Itoa(r.DropletID)
		}
		gauge(out, reservedIPInfo, 1, s.Account, r.IP, strconv.Itoa(r.Version), r.Region, droplet)
		gauge(out, reservedIPAssigned, boolValue(r.DropletID != 0), s.Account, r.IP)
	}
}

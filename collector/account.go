package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	accountInfo = newDesc("account", "info",
		"The account's UUID, status (active, warning or locked) and team, as of the last refresh; value 1.",
		"uuid", "status", "team_uuid", "team_name")
	accountDropletLimit = newDesc("account", "droplet_limit",
		"The most Droplets the account may have, as the API says; absent when it does not.")
	accountVolumeLimit = newDesc("account", "volume_limit",
		"The most volumes the account may have, as the API says; absent when it does not.")
	accountReservedIPLimit = newDesc("account", "reserved_ip_limit",
		"The most reserved IPs the account may have, as the API says; absent when it does not.")
)

func newAccountCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindAccount, src, collectAccount,
		accountInfo, accountDropletLimit, accountVolumeLimit, accountReservedIPLimit)
}

func collectAccount(out emit, s *inventory.Snapshot) {
	a := s.Info()
	if a == nil {
		return
	}
	gauge(out, accountInfo, 1, s.Account, a.UUID, a.Status, a.TeamUUID, a.TeamName)
	for desc, limit := range map[*prometheus.Desc]inventory.Limit{
		accountDropletLimit: a.DropletLimit, accountVolumeLimit: a.VolumeLimit, accountReservedIPLimit: a.ReservedIPLimit,
	} {
		if limit.Known {
			gauge(out, desc, float64(limit.N), s.Account)
		}
	}
}

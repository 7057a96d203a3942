package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var accountInfo = newDesc("account", "info",
	"The account's UUID, status (active, warning or locked) and team, as of the last refresh; value 1.",
	"uuid", "status", "team_uuid", "team_name")

func newAccountCollector(src inventory.Source) prometheus.Collector {
	return kindCollector{
		kind:  inventory.KindAccount,
		descs: []*prometheus.Desc{accountInfo},
		src:   src,
		collect: func(ch chan<- prometheus.Metric, s *inventory.Snapshot) {
			if a := s.Info; a != nil {
				gauge(ch, accountInfo, 1, s.Account, a.UUID, a.Status, a.TeamUUID, a.TeamName)
			}
		},
	}
}

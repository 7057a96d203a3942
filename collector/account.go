package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var accountInfo = newDesc("account", "info",
	"The account's UUID, status (active, warning or locked) and team, as of the last refresh; value 1.",
	"uuid", "status", "team_uuid", "team_name")

func newAccountCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindAccount, src, collectAccount, accountInfo)
}

func collectAccount(out emit, s *inventory.Snapshot) {
	if a := s.Info(); a != nil {
		gauge(out, accountInfo, 1, s.Account, a.UUID, a.Status, a.TeamUUID, a.TeamName)
	}
}

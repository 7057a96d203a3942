package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	uptimeCheckInfo = newDesc("uptime_check", "info",
		"Descriptive labels of each uptime check, as of the last refresh; value 1.", "id", "name", "type", "target", "enabled")
	uptimeCheckRegionUp = newDesc("uptime_check", "region_up",
		"1 when the region sees the check's target up, 0 when down, as of the last refresh of check states.", "id", "region")
	uptimeCheckUptimeRatio = newDesc("uptime_check", "uptime_ratio",
		"Share of the last 30 days the check's target was up, 0-1, as the API gives it, in the region that saw it least; "+
			"as of the last refresh of check states.", "id")
)

func newUptimeCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindUptime, src, collectUptime, uptimeCheckInfo, uptimeCheckRegionUp, uptimeCheckUptimeRatio)
}

func collectUptime(out emit, s *inventory.Snapshot) {
	states := inventory.UptimeCheckStates.Of(s)
	for _, c := range inventory.UptimeChecks.Of(s) {
		gauge(out, uptimeCheckInfo, 1, s.Account, c.ID, c.Name, c.Type, c.Target, boolLabel(c.Enabled))
		regions := states[c.ID]
		for _, r := range regions {
			if up, known := r.Up(); known {
				gauge(out, uptimeCheckRegionUp, boolValue(up), s.Account, c.ID, r.Region)
			}
		}
		if ratio, known := inventory.WorstRatio(regions); known {
			gauge(out, uptimeCheckUptimeRatio, ratio, s.Account, c.ID)
		}
	}
}

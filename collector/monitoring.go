package collector

import (
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// How much of each monitored kind the exporter reads, and how fresh it is:
// part of its own health, whichever monitored collectors run.
var (
	monitoringResources = newDesc("monitoring", "resources",
		"Resources of each kind the Monitoring API is read for: selected, and of those covered in the last round, "+
			"skipped_no_agent (no samples: asked again on the detail cadence) or skipped_budget (read in a later round).",
		"kind", "state")
	monitoringSampled = newDesc("monitoring", "sample_timestamp_seconds",
		"When the newest sample of each resource read from the Monitoring API was taken, in Unix seconds.", "kind", "id")
)

func collectMonitoring(out emit, s *inventory.Snapshot) {
	for _, m := range inventory.Monitoring(s) {
		c := m.Coverage
		for state, n := range map[string]int{"selected": c.Selected, "covered": c.Covered,
			"skipped_no_agent": c.SkippedNoAgent, "skipped_budget": c.SkippedBudget} {
			gauge(out, monitoringResources, float64(n), s.Account, m.Kind, state)
		}
		for id, t := range m.Sampled {
			timestamp(out, monitoringSampled, t, s.Account, m.Kind, id)
		}
	}
}

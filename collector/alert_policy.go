package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var monitoringAlertPolicyInfo = newDesc("monitoring_alert_policy", "info",
	"Each alert policy of DigitalOcean Monitoring with the metric it watches (type), as of the last refresh; value 1. "+
		"Where it sends alerts is never read.", "uuid", "type", "description", "enabled")

func newAlertPolicyCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindAlertPolicies, src, collectAlertPolicies, monitoringAlertPolicyInfo)
}

func collectAlertPolicies(out emit, s *inventory.Snapshot) {
	policies := counts{}
	for _, p := range inventory.AlertPolicies.Of(s) {
		policies.add(p.UUID, p.Type, p.Description, boolLabel(p.Enabled))
	}
	policies.sendOnes(out, monitoringAlertPolicyInfo, s.Account)
}

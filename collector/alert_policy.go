package collector

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	monitoringAlertPolicyInfo = newDesc("monitoring_alert_policy", "info",
		"Each alert policy of DigitalOcean Monitoring with the metric it watches (type), as of the last refresh; value 1. "+
			"Where it sends alerts is never read.", "uuid", "type", "description", "enabled")
	dropletAlertPolicies = newDesc("droplet", "alert_policies",
		"Number of enabled alert policies of a Droplet metric that watch each Droplet, by ID or through a tag; 0: none does. "+
			"As of the last refresh of alert policies and Droplets.", "id")
)

func newAlertPolicyCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindAlertPolicies, src, collectAlertPolicies, monitoringAlertPolicyInfo, dropletAlertPolicies)
}

func collectAlertPolicies(out emit, s *inventory.Snapshot) {
	policies := counts{}
	for _, p := range inventory.AlertPolicies.Of(s) {
		policies.add(p.UUID, p.Type, p.Description, boolLabel(p.Enabled))
	}
	policies.sendOnes(out, monitoringAlertPolicyInfo, s.Account)
	watchers := inventory.NewDropletWatchers(inventory.AlertPolicies.Of(s))
	for _, d := range inventory.Droplets.Of(s) {
		gauge(out, dropletAlertPolicies, float64(watchers.Count(&d)), s.Account, strconv.Itoa(d.ID))
	}
}

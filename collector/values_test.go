package collector

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestValuesFromExamples checks numeric families against values read by
// hand from the API's example responses (droplets.json, kubernetes_clusters.json,
// databases.json, apps.json, firewalls.json, load_balancers.json,
// apps_instance_sizes.json, balance.json, billing_insights.json), so that
// a mistake in a mapping cannot hide in a golden file the code wrote.
func TestValuesFromExamples(t *testing.T) {
	src := refreshedSource(t, fakeapi.Examples())
	const (
		droplet    = "3164444"
		gpuDroplet = "448543583"
		cluster    = "bd5f5959-5e1e-4205-a714-a914373942af"
		fixedPool  = "cdda885e-7663-40c8-bc74-3a036c66545d"
		autoPool   = "f49f4379-7e7f-4af5-aeb6-0354bd840778"
		database   = "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30"
		app        = "4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf"
		firewall   = "fb6045f1-cf1d-4ca3-bfac-18832663025b"
		lbByID     = "4de7ac8b-495b-4884-9a69-1050c6793cd6"
		lbByTag    = "56775c3f-04ab-4fb3-a7ed-40ef9bc8eece"
	)
	for _, tc := range []struct {
		collector prometheus.Collector
		metric    string
		labels    map[string]string
		want      float64
	}{
		{newAccountCollector(src), "digitalocean_account_droplet_limit", nil, 25},
		// The example policy watches Droplet 192018292 and the tag production_droplets: neither is in droplets.json.
		{newAlertPolicyCollector(src), "digitalocean_droplet_alert_policies", map[string]string{"id": droplet}, 0},
		{newAccountCollector(src), "digitalocean_account_reserved_ip_limit", nil, 5}, // the example's floating_ip_limit
		{newDropletCollector(src), "digitalocean_droplet_vcpus", map[string]string{"id": droplet}, 1},
		{newDropletCollector(src), "digitalocean_droplet_vcpus", map[string]string{"id": gpuDroplet}, 20},
		{newDropletCollector(src), "digitalocean_droplet_memory_bytes", map[string]string{"id": droplet}, 1024 << 20},
		{newDropletCollector(src), "digitalocean_droplet_memory_bytes", map[string]string{"id": gpuDroplet}, 245760 << 20},
		{newDropletCollector(src), "digitalocean_droplet_disk_bytes", map[string]string{"id": droplet}, 25 << 30},
		{newDropletCollector(src), "digitalocean_droplet_disk_bytes", map[string]string{"id": gpuDroplet}, 720 << 30},
		{newDropletCollector(src), "digitalocean_droplet_created_timestamp_seconds", map[string]string{"id": droplet}, 1595356664},
		{newDropletCollector(src), "digitalocean_droplet_created_timestamp_seconds", map[string]string{"id": gpuDroplet}, 1727709816},
		{newDropletCollector(src), "digitalocean_droplet_public", map[string]string{"id": droplet}, 1},
		{newDropletCollector(src), "digitalocean_droplet_backups_enabled", map[string]string{"id": droplet}, 1},
		{newDropletCollector(src), "digitalocean_droplet_backups_enabled", map[string]string{"id": "3164459"}, 0},
		{newDropletCollector(src), "digitalocean_droplet_monitoring_agent", map[string]string{"id": droplet}, 0},
		{newDropletCollector(src), "digitalocean_droplet_price_monthly_dollars", map[string]string{"id": droplet}, 5},
		{newDropletCollector(src), "digitalocean_droplet_price_hourly_dollars", map[string]string{"id": droplet}, 0.00743999984115362},
		{newDropletCollector(src), "digitalocean_droplet_price_monthly_dollars", map[string]string{"id": gpuDroplet}, 4529.3},
		{newDropletCollector(src), "digitalocean_droplet_price_hourly_dollars", map[string]string{"id": gpuDroplet}, 6.74},
		{newKubernetesCollector(src), "digitalocean_kubernetes_cluster_created_timestamp_seconds", map[string]string{"id": cluster}, 1542297611},
		{newKubernetesCollector(src), "digitalocean_kubernetes_node_pool_nodes", map[string]string{"id": fixedPool}, 3},
		{newKubernetesCollector(src), "digitalocean_kubernetes_node_pool_nodes", map[string]string{"id": autoPool}, 2},
		{newKubernetesCollector(src), "digitalocean_kubernetes_node_pool_min_nodes", map[string]string{"id": autoPool}, 2},
		{newKubernetesCollector(src), "digitalocean_kubernetes_node_pool_max_nodes", map[string]string{"id": autoPool}, 5},
		{newKubernetesCollector(src), "digitalocean_kubernetes_nodes", map[string]string{"pool_id": fixedPool, "state": "provisioning"}, 3},
		{newKubernetesCollector(src), "digitalocean_kubernetes_nodes", map[string]string{"pool_id": autoPool, "state": "provisioning"}, 2},
		{newKubernetesCollector(src), "digitalocean_kubernetes_clusters", map[string]string{"region": "nyc1", "status": "provisioning"}, 1},
		{newKubernetesCollector(src), "digitalocean_kubernetes_clusterlint_diagnostics",
			map[string]string{"cluster_id": cluster, "check": "unused-config-map", "severity": "warning"}, 1},
		{newDatabaseCollector(src), "digitalocean_database_nodes", map[string]string{"id": database}, 1},
		{newDatabaseCollector(src), "digitalocean_database_storage_bytes", map[string]string{"id": database}, 61440 << 20},
		{newDatabaseCollector(src), "digitalocean_database_created_timestamp_seconds", map[string]string{"id": database}, 1547231856},
		{newDatabaseCollector(src), "digitalocean_database_version_end_of_life_timestamp_seconds", map[string]string{"id": database}, 1699488000},
		{newDatabaseCollector(src), "digitalocean_database_trusted_sources", map[string]string{"id": database}, 4},
		{newDatabaseCollector(src), "digitalocean_database_maintenance_pending", map[string]string{"id": database}, 1},
		{newAppCollector(src), "digitalocean_app_created_timestamp_seconds", map[string]string{"id": app}, 1605817638},
		{newAppCollector(src), "digitalocean_app_component_instances",
			map[string]string{"app_id": app, "component": "sample-php", "instance_size": "apps-s-1vcpu-0.5gb"}, 1},
		// apps_instance_sizes.json: apps-s-1vcpu-0.5gb is "5.00" a month.
		{newAppCollector(src), "digitalocean_app_price_monthly_dollars", map[string]string{"id": app}, 5},
		// balance.json is served with the fake's month to date: its account balance stays.
		{newBillingCollector(src), "digitalocean_balance_account_balance_dollars", nil, 12.23},
		// billing_insights.json's data points, once a day from 1 to 20 January.
		{newBillingCollector(src), "digitalocean_billing_month_to_date_dollars", map[string]string{"sku": "1-DO-DROP-0109"}, 20 * 0.86},
		{newBillingCollector(src), "digitalocean_billing_month_to_date_by_group_dollars",
			map[string]string{"group": "kubernetes cluster name"}, 20 * 2.57},
		{newFirewallCollector(src), "digitalocean_firewall_droplets", map[string]string{"id": firewall}, 1},
		{newFirewallCollector(src), "digitalocean_firewall_pending_changes", map[string]string{"id": firewall}, 0},
		{newLoadBalancerCollector(src), "digitalocean_load_balancer_droplets", map[string]string{"id": lbByID}, 2},
		{newLoadBalancerCollector(src), "digitalocean_load_balancer_droplets", map[string]string{"id": lbByTag}, 0}, // no droplet is tagged prod:web
		{newLoadBalancerCollector(src), "digitalocean_load_balancer_redirect_http_to_https", map[string]string{"id": lbByID}, 0},
		{newLoadBalancerCollector(src), "digitalocean_load_balancer_redirect_http_to_https", map[string]string{"id": lbByTag}, 1},
		{newLoadBalancerCollector(src), "digitalocean_load_balancer_forwarding_rule_info",
			map[string]string{"id": lbByTag, "entry_port": "443", "certificate_id": "892071a0-bb95-49bc-8021-3afd67a210bf"}, 1},
	} {
		got, ok := sampleOf(t, tc.collector, tc.metric, tc.labels)
		if !ok {
			t.Errorf("%s%v: no sample", tc.metric, tc.labels)
		} else if got != tc.want {
			t.Errorf("%s%v = %v, want %v", tc.metric, tc.labels, got, tc.want)
		}
	}
}

// sampleOf is the value of the one sample of metric whose labels include
// labels.
func sampleOf(t *testing.T, c prometheus.Collector, metric string, labels map[string]string) (float64, bool) {
	t.Helper()
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(c)
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var found []float64
	for _, mf := range families {
		if mf.GetName() != metric {
			continue
		}
		for _, m := range mf.GetMetric() {
			if hasLabels(m, labels) {
				found = append(found, m.GetGauge().GetValue()+m.GetCounter().GetValue())
			}
		}
	}
	if len(found) > 1 {
		t.Fatalf("%s%v matches %d samples", metric, labels, len(found))
	}
	if len(found) == 0 {
		return 0, false
	}
	return found[0], true
}

func hasLabels(m *dto.Metric, want map[string]string) bool {
	matched := 0
	for _, l := range m.GetLabel() {
		if v, ok := want[l.GetName()]; ok {
			if v != l.GetValue() {
				return false
			}
			matched++
		}
	}
	return matched == len(want)
}

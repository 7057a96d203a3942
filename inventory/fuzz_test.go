package inventory

import (
	"reflect"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// FuzzRefreshBodies answers every request of a refresh with one arbitrary
// body, through godo and the real client. Each input starts from its own
// fake, refreshed once with the API's examples: a refresh may fail, but
// must not panic, and every kind whose refresh failed still holds exactly
// its last good list.
func FuzzRefreshBodies(f *testing.F) {
	for _, name := range []string{"droplets.json", "kubernetes_clusters.json", "databases.json", "apps.json",
		"firewalls.json", "load_balancers.json", "account.json", "vpcs.json", "vpc_nat_gateways.json",
		"vpc_peerings.json", "domains.json", "domain_records.json", "cdn_endpoints.json", "certificates.json",
		"images.json", "snapshots.json", "volumes.json", "reserved_ips.json", "projects.json", "project_resources.json",
		"registries.json", "registry_repositories_v2.json", "uptime_checks.json", "uptime_check_state.json",
		"monitoring_alert_policies.json", "droplet_autoscale_pools.json", "ssh_keys.json", "spaces_keys.json",
		"security_scan_latest.json", "kubernetes_clusterlint.json", "nfs.json", "genai_agents.json",
		"functions_namespaces.json", "sizes.json", "balance.json", "billing_insights.json"} {
		f.Add(fakeapi.ExampleFile(name))
	}
	f.Add([]byte(`{"droplets":[{"id":1,"networks":{"v4":[{"ip_address":"x","type":"public"}]}}],"links":{"pages":{"next":"http://x/?page=9"}}}`))
	f.Add([]byte(`{"kubernetes_clusters":[{"node_pools":[null,{"nodes":[null]}]}]}`))
	f.Add([]byte(`{"apps":[null,{"spec":{"services":[null]}}]}`))
	f.Add([]byte(`<html>`))
	f.Add([]byte(`{"meta":{"total":1}}`))
	f.Add([]byte(`{"domains":[{"name":7}],"meta":{"total":1}}`))
	f.Add([]byte(`{"policies":[{"entities":[1,"2",null,{}]}],"meta":{"total":1}}`))
	f.Add([]byte(`{"scan":{"status":"CSPM_NOT_ENABLED","findings":null}}`))
	f.Add([]byte(`{"repositories":[],"links":{"pages":{"next":"://no?page_token="}},"meta":{"total":9}}`))
	f.Add([]byte(`{"databases":[{"version_end_of_life":"soon","storage_size_mib":-1}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		api := newTestAPI(t, fakeapi.Examples())
		good := api.refresh(t)
		for kind, status := range good.Status {
			if !status.Succeeded() {
				t.Fatalf("the examples did not refresh: %s failed (%s)", kind, status.Reason)
			}
		}
		api.SetFault("*", fakeapi.Fault{Body: string(body)})
		s := api.refresh(t)
		for kind, status := range s.Status {
			if status.Succeeded() {
				continue
			}
			if !reflect.DeepEqual(s.lists[kind], good.lists[kind]) {
				t.Errorf("%s failed (%s) and its list changed", kind, status.Reason)
			}
		}
	})
}

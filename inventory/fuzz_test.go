package inventory

import (
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// FuzzRefreshBodies feeds arbitrary answer bodies for every list to a real
// refresh through godo: a refresh may fail, but must not panic, and a
// failure keeps the last good lists.
func FuzzRefreshBodies(f *testing.F) {
	for _, name := range []string{"droplets.json", "kubernetes_clusters.json", "databases.json", "apps.json",
		"firewalls.json", "load_balancers.json", "account.json",
		"vpcs.json", "vpc_nat_gateways.json", "vpc_peerings.json", "domains.json", "domain_records.json",
		"cdn_endpoints.json", "projects.json", "project_resources.json", "registries.json", "registry_repositories_v2.json",
		"uptime_checks.json", "uptime_check_state.json", "monitoring_alert_policies.json", "droplet_autoscale_pools.json",
		"ssh_keys.json", "spaces_keys.json", "security_scan_latest.json", "kubernetes_clusterlint.json", "nfs.json",
		"genai_agents.json", "functions_namespaces.json"} {
		f.Add(fakeapi.ExampleFile(name))
	}
	f.Add([]byte(`{"droplets":[{"id":1,"networks":{"v4":[{"ip_address":"x","type":"public"}]}}],"links":{"pages":{"next":"http://x/?page=9"}}}`))
	f.Add([]byte(`{"kubernetes_clusters":[{"node_pools":[null,{"nodes":[null]}]}]}`))
	f.Add([]byte(`{"apps":[null,{"spec":{"services":[null]}}]}`))
	f.Add([]byte(`<html>`))
	f.Add([]byte(`{"domains":[{"name":7}],"meta":{"total":1}}`))
	f.Add([]byte(`{"policies":[{"entities":[1,"2",null,{}]}],"meta":{"total":1}}`))
	f.Add([]byte(`{"scan":{"status":"CSPM_NOT_ENABLED","findings":null}}`))
	f.Add([]byte(`{"repositories":[],"links":{"pages":{"next":"://no?page_token="}},"meta":{"total":9}}`))
	f.Add([]byte(`{"databases":[{"version_end_of_life":"soon","storage_size_mib":-1}]}`))
	api := newTestAPI(f, fakeapi.Examples())
	api.refresh(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		good := api.refresher.Snapshot()
		api.ClearFaults()
		api.SetFault("*", fakeapi.Fault{Body: string(body)})
		s := api.refresh(t)
		for kind, status := range s.Status {
			if !status.Succeeded() && !status.Known() {
				t.Errorf("%s lost its last good data", kind)
			}
		}
		if !s.Status[KindDroplets].Succeeded() && len(Droplets.Of(s)) != len(Droplets.Of(good)) {
			t.Errorf("a failed refresh changed the droplets")
		}
	})
}

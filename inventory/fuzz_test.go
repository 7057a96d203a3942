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
		"cdn_endpoints.json"} {
		f.Add(fakeapi.ExampleFile(name))
	}
	f.Add([]byte(`{"droplets":[{"id":1,"networks":{"v4":[{"ip_address":"x","type":"public"}]}}],"links":{"pages":{"next":"http://x/?page=9"}}}`))
	f.Add([]byte(`{"kubernetes_clusters":[{"node_pools":[null,{"nodes":[null]}]}]}`))
	f.Add([]byte(`{"apps":[null,{"spec":{"services":[null]}}]}`))
	f.Add([]byte(`<html>`))
	f.Add([]byte(`{"domains":[{"name":7}],"meta":{"total":1}}`))
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

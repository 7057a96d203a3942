package collector

import (
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// costSnapshot: two priced Droplets tagged web, one of them also
// production, a third that is a node of the cluster, a cluster of two
// pools, and an app.
func costSnapshot() *inventory.Snapshot {
	s := inventory.NewSnapshot("default", time.Now(),
		inventory.Droplets.With([]inventory.Droplet{
			{ID: 1, Region: "nyc1", Status: "active", Tags: []string{"production", "web"}, PriceMonthly: 12},
			{ID: 2, Region: "nyc1", Status: "off", Tags: []string{"web"}, PriceMonthly: 6},
			{ID: 3, Region: "fra1", Status: "off", Tags: []string{"k8s"}, PriceMonthly: 24},
		}),
		inventory.Clusters.With([]inventory.Cluster{{ID: "c1", Region: "fra1", Tags: []string{"k8s", "production"},
			NodePools: []inventory.NodePool{{Size: "s-2vcpu-4gb", Count: 2, Nodes: []inventory.Node{{DropletID: "3"}}}}}}),
		inventory.Sizes.With([]inventory.Size{{Slug: "s-2vcpu-4gb", PriceMonthly: 24}}),
		inventory.Apps.With([]inventory.App{{ID: "a1", Region: "nyc", Components: []inventory.Component{
			{Name: "web", InstanceSize: "apps-s-1vcpu-1gb", Instances: 3}}}}),
		inventory.AppInstanceSizes.With([]inventory.AppInstanceSize{{Slug: "apps-s-1vcpu-1gb", PriceMonthly: inventory.Amount{Dollars: 12, Known: true}}}),
	)
	return s
}

func TestCostEstimates(t *testing.T) {
	want := `
# HELP digitalocean_cost_estimate_monthly_dollars List price a month in dollars of the workloads of each kind in each region whose price the API gives (Droplets, Kubernetes node pools, apps), each counted once: a Droplet that is a node of a listed cluster counts under kubernetes. What the API does not price is not included.
# TYPE digitalocean_cost_estimate_monthly_dollars gauge
digitalocean_cost_estimate_monthly_dollars{account="default",kind="apps",region="nyc"} 36
digitalocean_cost_estimate_monthly_dollars{account="default",kind="droplets",region="nyc1"} 18
digitalocean_cost_estimate_monthly_dollars{account="default",kind="kubernetes",region="fra1"} 48
# HELP digitalocean_tag_cost_estimate_monthly_dollars List price a month in dollars of the priced workloads that carry each tag. A workload with several tags counts fully under each, so the tags' sums add up to more than the account's.
# TYPE digitalocean_tag_cost_estimate_monthly_dollars gauge
digitalocean_tag_cost_estimate_monthly_dollars{account="default",tag="k8s"} 48
digitalocean_tag_cost_estimate_monthly_dollars{account="default",tag="production"} 60
digitalocean_tag_cost_estimate_monthly_dollars{account="default",tag="web"} 18
`
	err := testutil.CollectAndCompare(newCostCollector(staticSource{costSnapshot()}), strings.NewReader(want),
		"digitalocean_cost_estimate_monthly_dollars", "digitalocean_tag_cost_estimate_monthly_dollars")
	if err != nil {
		t.Error(err)
	}
}

// TestWasteDollarsNeverPartial: Droplets off are priced, and their dollars
// add up; one without a price makes the sum unknown.
func TestWasteDollarsNeverPartial(t *testing.T) {
	s := costSnapshot()
	text := collectText(t, newCostCollector(staticSource{s}), "digitalocean_waste_monthly_dollars", "digitalocean_waste_resources")
	if !strings.Contains(text, `digitalocean_waste_monthly_dollars{account="default",kind="droplets",reason="droplet_off"} 30`) ||
		!strings.Contains(text, `digitalocean_waste_resources{account="default",kind="droplets",reason="droplet_off"} 2`) {
		t.Errorf("two Droplets off, $6 and $24:\n%s", text)
	}
	unpriced := inventory.NewSnapshot("default", time.Now(), inventory.Droplets.With([]inventory.Droplet{
		{ID: 1, Status: "off", PriceMonthly: 12}, {ID: 2, Status: "off"}}))
	text = collectText(t, newCostCollector(staticSource{unpriced}))
	if strings.Contains(text, "digitalocean_waste_monthly_dollars{") ||
		!strings.Contains(text, `digitalocean_waste_resources{account="default",kind="droplets",reason="droplet_off"} 2`) {
		t.Errorf("one of two Droplets off has no price:\n%s", text)
	}
	if !strings.Contains(text, `digitalocean_cost_unpriced_workloads{account="default",kind="droplets"} 1`) {
		t.Errorf("the unpriced Droplet is not counted:\n%s", text)
	}
}

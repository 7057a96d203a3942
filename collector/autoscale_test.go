package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestAutoscaleValuesFromExamples checks the autoscale families against
// droplet_autoscale_pools.json: a dynamic pool of 1 to 5, running 1.
func TestAutoscaleValuesFromExamples(t *testing.T) {
	src := refreshedSource(t, fakeapi.Examples())
	want := `
# HELP digitalocean_droplet_autoscale_pool_info Descriptive labels of each Droplet autoscale pool, as of the last refresh; value 1.
# TYPE digitalocean_droplet_autoscale_pool_info gauge
digitalocean_droplet_autoscale_pool_info{account="default",id="0d3db13e-a604-4944-9827-7ec2642d32ac",name="test-autoscaler-group-01",region="tor1",size="c-2",status="active"} 1
# HELP digitalocean_droplet_autoscale_pool_instances Droplets of each autoscale pool: the bounds of a dynamic pool (min, max), the size of a static one (target), and those it runs (active), as of the last refresh.
# TYPE digitalocean_droplet_autoscale_pool_instances gauge
digitalocean_droplet_autoscale_pool_instances{account="default",bound="active",id="0d3db13e-a604-4944-9827-7ec2642d32ac"} 1
digitalocean_droplet_autoscale_pool_instances{account="default",bound="max",id="0d3db13e-a604-4944-9827-7ec2642d32ac"} 5
digitalocean_droplet_autoscale_pool_instances{account="default",bound="min",id="0d3db13e-a604-4944-9827-7ec2642d32ac"} 1
`
	if err := testutil.CollectAndCompare(newAutoscaleCollector(src), strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}

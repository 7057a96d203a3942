package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	autoscalePoolInfo = newDesc("droplet_autoscale_pool", "info",
		"Descriptive labels of each Droplet autoscale pool, as of the last refresh; value 1.", "id", "name", "region", "size", "status")
	autoscalePoolInstances = newDesc("droplet_autoscale_pool", "instances",
		"Droplets of each autoscale pool: the bounds of a dynamic pool (min, max), the size of a static one (target), "+
			"and those it runs (active), as of the last refresh.", "id", "bound")
)

func newAutoscaleCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindAutoscale, src, collectAutoscale, autoscalePoolInfo, autoscalePoolInstances)
}

func collectAutoscale(out emit, s *inventory.Snapshot) {
	for _, p := range inventory.AutoscalePools.Of(s) {
		gauge(out, autoscalePoolInfo, 1, s.Account, p.ID, p.Name, p.Region, p.Size, p.Status)
		gauge(out, autoscalePoolInstances, float64(p.Active), s.Account, p.ID, "active")
		for bound, n := range map[string]inventory.Limit{"min": p.Min, "max": p.Max, "target": p.Target} {
			if n.Known {
				gauge(out, autoscalePoolInstances, float64(n.N), s.Account, p.ID, bound)
			}
		}
	}
}

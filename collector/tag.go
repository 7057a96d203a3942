package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var tagResources = newDesc("tag", "resources",
	"Number of resources of each kind that carry each tag, as of the last refresh.", "kind", "tag")

func newTagCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector("", src, collectTags, tagResources)
}

// collectTags counts tags over the workloads of every kind whose list is known.
func collectTags(out emit, s *inventory.Snapshot) {
	byTag := counts{}
	for _, kind := range inventory.WorkloadKinds() {
		for _, w := range kind.Workloads(s) {
			for _, t := range w.Tags {
				byTag.add(kind.Name(), t)
			}
		}
	}
	byTag.send(out, tagResources, s.Account)
}

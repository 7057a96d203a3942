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

// collectTags counts tags over the kinds whose lists are known.
func collectTags(out emit, s *inventory.Snapshot) {
	byTag := counts{}
	tally := func(kind string, tags []string) {
		for _, t := range tags {
			byTag.add(kind, t)
		}
	}
	for _, d := range s.Droplets {
		tally(inventory.KindDroplets, d.Tags)
	}
	for _, c := range s.Clusters {
		tally(inventory.KindKubernetes, c.Tags)
	}
	for _, d := range s.Databases {
		tally(inventory.KindDatabases, d.Tags)
	}
	byTag.send(out, tagResources, s.Account)
}

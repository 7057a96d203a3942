package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Factory describes one collector that can be switched on or off with
// --[no-]collector.<Name>.
type Factory struct {
	Name             string
	EnabledByDefault bool
	Help             string
	// Kind is the inventory kind the collector needs refreshed; "" if none.
	Kind string
	New  func(inventory.Source) prometheus.Collector
}

// TagsName is the collector of tag counts; it reads the other kinds' lists.
const TagsName = "tags"

// Factories lists every switchable collector. Nothing changes it at run time.
var Factories = []Factory{
	{inventory.KindAccount, true, "the account and its team", inventory.KindAccount, newAccountCollector},
	{inventory.KindDroplets, true, "Droplets, GPU Droplets included", inventory.KindDroplets, newDropletCollector},
	{inventory.KindKubernetes, true, "Kubernetes clusters, node pools and nodes", inventory.KindKubernetes, newKubernetesCollector},
	{inventory.KindDatabases, true, "managed database clusters", inventory.KindDatabases, newDatabaseCollector},
	{inventory.KindApps, true, "App Platform apps and their components", inventory.KindApps, newAppCollector},
	{TagsName, true, "resources per tag, over the enabled kinds", "", newTagCollector},
}

// Collectors returns the health collector and every enabled collector.
func Collectors(src inventory.Source, enabled func(name string) bool) []prometheus.Collector {
	collectors := []prometheus.Collector{newHealthCollector(src)}
	for _, f := range Factories {
		if enabled(f.Name) {
			collectors = append(collectors, f.New(src))
		}
	}
	return collectors
}

// reads lists the inventory kinds the collector's metrics depend on; the
// tags collector reads every list.
func (f Factory) reads() []string {
	if f.Kind != "" {
		return []string{f.Kind}
	}
	return inventory.Kinds()
}

package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var functionsNamespaceInfo = newDesc("functions_namespace", "info",
	"Each Functions namespace, as of the last refresh; value 1. Its key is never read.", "id", "label", "region")

func newFunctionsCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindFunctions, src, collectFunctions, functionsNamespaceInfo)
}

func collectFunctions(out emit, s *inventory.Snapshot) {
	namespaces := counts{}
	for _, n := range inventory.FunctionsNamespaces.Of(s) {
		namespaces.add(n.ID, n.Label, n.Region)
	}
	namespaces.sendOnes(out, functionsNamespaceInfo, s.Account)
}

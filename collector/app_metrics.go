package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	appComponentCPU = newDesc("app_component", "cpu_ratio",
		"Share of its CPU allowance each instance of an app component uses (0-1), at the newest sample.",
		"app_id", "component", "component_instance")
	appComponentCPUMax = newDesc("app_component", "cpu_ratio_max",
		"The largest share of its CPU allowance each instance of an app component used (0-1) in the window last read.",
		"app_id", "component", "component_instance")
	appComponentMemory = newDesc("app_component", "memory_ratio",
		"Share of its memory each instance of an app component uses (0-1), at the newest sample.",
		"app_id", "component", "component_instance")
	appComponentMemoryMax = newDesc("app_component", "memory_ratio_max",
		"The largest share of its memory each instance of an app component used (0-1) in the window last read.",
		"app_id", "component", "component_instance")
	appComponentRestarts = newDesc("app_component", "restarts",
		"Restarts of each instance of an app component, as the Monitoring API last reported its restart count.",
		"app_id", "component", "component_instance")
)

func newAppMetricsCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindAppMetrics, src, collectAppMetrics,
		appComponentCPU, appComponentCPUMax, appComponentMemory, appComponentMemoryMax, appComponentRestarts)
}

func collectAppMetrics(out emit, s *inventory.Snapshot) {
	for id, reading := range inventory.AppMetrics.Of(s).ByID {
		for _, i := range reading.Values.Instances {
			windowed(out, appComponentCPU, appComponentCPUMax, i.CPU, s.Account, id, i.Component, i.Instance)
			windowed(out, appComponentMemory, appComponentMemoryMax, i.Memory, s.Account, id, i.Component, i.Instance)
			windowed(out, appComponentRestarts, nil, i.Restarts, s.Account, id, i.Component, i.Instance)
		}
	}
}

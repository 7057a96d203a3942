package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	loadBalancerConnections = newDesc("load_balancer", "connections",
		"Connections open on the load balancer's frontend, at the newest sample.", "id")
	loadBalancerResponses = newDesc("load_balancer", "http_responses_per_second",
		"HTTP responses per second the load balancer's frontend sends, by class (2xx, 5xx...), at the newest sample.",
		"id", "class")
	loadBalancerBackends = newDesc("load_balancer", "backends",
		"Backend Droplets of the load balancer whose last health check passed (healthy) or did not (unhealthy).",
		"id", "health")
)

func newLoadBalancerMetricsCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindLoadBalancerMetrics, src, collectLoadBalancerMetrics,
		loadBalancerConnections, loadBalancerResponses, loadBalancerBackends)
}

func collectLoadBalancerMetrics(out emit, s *inventory.Snapshot) {
	for id, reading := range inventory.LoadBalancerMetrics.Of(s).ByID {
		t := &reading.Values
		windowed(out, loadBalancerConnections, nil, t.Connections, s.Account, id)
		for class, w := range t.Responses {
			windowed(out, loadBalancerResponses, nil, w, s.Account, id, class)
		}
		if b := t.Backends; b != nil {
			gauge(out, loadBalancerBackends, float64(b.Healthy), s.Account, id, "healthy")
			gauge(out, loadBalancerBackends, float64(b.Unhealthy), s.Account, id, "unhealthy")
		}
	}
}

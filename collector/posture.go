package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/digitalocean-exporter/digitalocean_exporter/posture"
)

var postureFindings = newDesc("posture", "findings",
	"Number of resources that fail each security posture check, as of the last refresh of the lists it reads; "+
		"absent while one of those lists is unknown.", "check", "severity")

func newPostureCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector("", src, collectPosture, postureFindings)
}

func collectPosture(out emit, s *inventory.Snapshot) {
	for _, r := range posture.Evaluate(s) {
		gauge(out, postureFindings, float64(r.Failures), s.Account, r.Name, r.Severity)
	}
}

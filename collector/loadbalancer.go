package collector

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/digitalocean-exporter/digitalocean_exporter/posture"
)

var (
	loadBalancerInfo = newDesc("load_balancer", "info",
		"Descriptive labels of each load balancer, as of the last refresh; value 1.",
		"id", "name", "region", "status", "ip", "size_unit", "type")
	loadBalancerDroplets = newDesc("load_balancer", "droplets",
		"Number of Droplets each load balancer targets, by ID or by tag, as of the last refresh.", "id")
	loadBalancerForwardingRule = newDesc("load_balancer", "forwarding_rule_info",
		"Each forwarding rule of each load balancer, as of the last refresh; value 1. certificate_id is the certificate "+
			"an HTTPS rule terminates TLS with.",
		"id", "entry_protocol", "entry_port", "target_protocol", "target_port", "tls_passthrough", "certificate_id")
	loadBalancerRedirect = newDesc("load_balancer", "redirect_http_to_https",
		"1 when the load balancer redirects HTTP to HTTPS, 0 otherwise, as of the last refresh.", "id")
)

func newLoadBalancerCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindLoadBalancers, src, collectLoadBalancers,
		loadBalancerInfo, loadBalancerDroplets, loadBalancerForwardingRule, loadBalancerRedirect)
}

func collectLoadBalancers(out emit, s *inventory.Snapshot) {
	droplets := inventory.Droplets.Of(s)
	lbs := inventory.LoadBalancers.Of(s)
	for i := range lbs {
		lb := &lbs[i]
		gauge(out, loadBalancerInfo, 1, s.Account, lb.ID, lb.Name, lb.Region, lb.Status, lb.IP, sizeUnitLabel(lb.SizeUnit), lb.Type)
		gauge(out, loadBalancerDroplets, float64(posture.LoadBalancerTargets(lb, droplets)), s.Account, lb.ID)
		gauge(out, loadBalancerRedirect, boolValue(lb.RedirectHTTPToHTTPS), s.Account, lb.ID)
		rules := counts{}
		for _, r := range lb.ForwardingRules {
			rules.add(lb.ID, r.EntryProtocol, strconv.Itoa(r.EntryPort), r.TargetProtocol, strconv.Itoa(r.TargetPort),
				boolLabel(r.TLSPassthrough), r.CertificateID)
		}
		rules.sendOnes(out, loadBalancerForwardingRule, s.Account)
	}
}

// sizeUnitLabel is "" for load balancers sized by the older size slug.
func sizeUnitLabel(units int) string {
	if units == 0 {
		return ""
	}
	return strconv.Itoa(units)
}

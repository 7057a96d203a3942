// Package posture answers security questions about an account from its
// snapshot: which Droplets a firewall covers, which rules are open to the
// world, and which resources fail each posture check. It is pure: no I/O,
// no clock.
package posture

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Coverage tells which Droplets each firewall covers, directly or through
// a tag.
type Coverage struct {
	byFirewall map[string][]int // firewall ID → covered droplet IDs, sorted, distinct
	protected  map[int]bool
}

// NewCoverage matches every firewall of s against its Droplets.
func NewCoverage(s *inventory.Snapshot) Coverage {
	c := Coverage{byFirewall: map[string][]int{}, protected: map[int]bool{}}
	byTag := dropletsByTag(inventory.Droplets.Of(s))
	for _, f := range inventory.Firewalls.Of(s) {
		covered := slices.Clone(f.DropletIDs)
		for _, tag := range f.Tags {
			covered = append(covered, byTag[tag]...)
		}
		slices.Sort(covered)
		covered = slices.Compact(covered)
		c.byFirewall[f.ID] = covered
		for _, id := range covered {
			c.protected[id] = true
		}
	}
	return c
}

// Droplets is the number of Droplets the firewall covers.
func (c Coverage) Droplets(firewallID string) int { return len(c.byFirewall[firewallID]) }

// Protected tells whether at least one firewall covers the Droplet.
func (c Coverage) Protected(dropletID int) bool { return c.protected[dropletID] }

func dropletsByTag(droplets []inventory.Droplet) map[string][]int {
	byTag := map[string][]int{}
	for _, d := range droplets {
		for _, t := range d.Tags {
			byTag[t] = append(byTag[t], d.ID)
		}
	}
	return byTag
}

// Public tells whether the Droplet has an address on the internet.
func Public(d *inventory.Droplet) bool { return d.PublicIPv4 != "" || d.PublicIPv6 != "" }

// OpenToWorld tells whether an inbound rule accepts any address, over IPv4
// (0.0.0.0/0) or IPv6 (::/0).
func OpenToWorld(r inventory.FirewallRule) bool {
	return slices.ContainsFunc(r.Addresses, func(address string) bool {
		prefix, err := netip.ParsePrefix(address)
		return err == nil && prefix.Bits() == 0
	})
}

// AdminPorts are ports that should never be open to the world: remote
// shells and desktops, and the usual database servers.
var AdminPorts = []int{
	22,    // SSH
	3389,  // RDP
	1433,  // Microsoft SQL Server
	3306,  // MySQL
	5432,  // PostgreSQL
	6379,  // Redis and Valkey
	9200,  // Elasticsearch and OpenSearch
	25060, // DigitalOcean managed databases
	27017, // MongoDB
}

// OpensAdminPort tells whether an inbound rule opens one of AdminPorts.
func OpensAdminPort(r inventory.FirewallRule) bool {
	if r.Protocol != "tcp" && r.Protocol != "udp" {
		return false
	}
	low, high, ok := portRange(r.Ports)
	return ok && slices.ContainsFunc(AdminPorts, func(p int) bool { return low <= p && p <= high })
}

// portRange reads "22", "8000-9000", or "all", "0" and "" (every port).
func portRange(ports string) (low, high int, ok bool) {
	switch ports {
	case "", "0", "all":
		return 1, 65535, true
	}
	lowText, highText, isRange := strings.Cut(ports, "-")
	if !isRange {
		highText = lowText
	}
	low, errLow := strconv.Atoi(strings.TrimSpace(lowText))
	high, errHigh := strconv.Atoi(strings.TrimSpace(highText))
	return low, high, errLow == nil && errHigh == nil && low <= high
}

// LoadBalancerTargets is the number of Droplets a load balancer sends
// traffic to: those it names, or those carrying its tag.
func LoadBalancerTargets(lb *inventory.LoadBalancer, droplets []inventory.Droplet) int {
	if lb.Tag == "" {
		return len(lb.DropletIDs)
	}
	n := 0
	for _, d := range droplets {
		if slices.Contains(d.Tags, lb.Tag) {
			n++
		}
	}
	return n
}

// ServesPlainHTTP tells whether a load balancer accepts HTTP without
// redirecting it to HTTPS.
func ServesPlainHTTP(lb *inventory.LoadBalancer) bool {
	return !lb.RedirectHTTPToHTTPS && slices.ContainsFunc(lb.ForwardingRules, func(r inventory.ForwardingRule) bool {
		return r.EntryProtocol == "http" || r.EntryProtocol == "http2" || r.EntryProtocol == "http3"
	})
}

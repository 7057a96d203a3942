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

// OpenToWorld tells whether an inbound rule accepts any address: whether
// its sources together cover every IPv4 address or every IPv6 address,
// however they are written (0.0.0.0/0; 0.0.0.0/1 and 128.0.0.0/1; 0.0.0.0
// or :: with no mask, which the API reads as any; ::ffff:0.0.0.0/96, every
// IPv4 address mapped into IPv6). Sources that do not parse cover nothing.
func OpenToWorld(r inventory.FirewallRule) bool {
	var v4, v6 []netip.Prefix
	for _, address := range r.Addresses {
		prefix, ok := parseSource(address)
		if !ok {
			continue
		}
		if prefix.Addr().Is4() {
			v4 = append(v4, prefix)
			continue
		}
		v6 = append(v6, prefix)
		if mapped, ok := mappedIPv4(prefix); ok {
			v4 = append(v4, mapped)
		}
	}
	return coversAll(v4, netip.IPv4Unspecified()) || coversAll(v6, netip.IPv6Unspecified())
}

// parseSource reads an address or a CIDR block. An address alone is a
// block of one, but for the unspecified addresses, which mean any.
func parseSource(address string) (netip.Prefix, bool) {
	address = strings.TrimSpace(address)
	if prefix, err := netip.ParsePrefix(address); err == nil {
		return prefix.Masked(), true
	}
	addr, err := netip.ParseAddr(address)
	if err != nil || addr.Zone() != "" {
		return netip.Prefix{}, false
	}
	if addr.IsUnspecified() {
		return netip.PrefixFrom(addr, 0), true
	}
	return netip.PrefixFrom(addr, addr.BitLen()), true
}

// ipv4Mapped is every IPv4 address as written in IPv6 (::ffff:a.b.c.d).
var ipv4Mapped = netip.MustParsePrefix("::ffff:0.0.0.0/96")

// mappedIPv4 is the IPv4 block an IPv6 block covers through ::ffff:0:0/96.
func mappedIPv4(p netip.Prefix) (netip.Prefix, bool) {
	switch {
	case p.Bits() <= ipv4Mapped.Bits() && p.Contains(ipv4Mapped.Addr()):
		return netip.PrefixFrom(netip.IPv4Unspecified(), 0), true
	case p.Bits() > ipv4Mapped.Bits() && ipv4Mapped.Contains(p.Addr()):
		return netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-ipv4Mapped.Bits()), true
	}
	return netip.Prefix{}, false
}

// coversAll tells whether the blocks, all of first's family, cover every
// address from first on.
func coversAll(blocks []netip.Prefix, first netip.Addr) bool {
	slices.SortFunc(blocks, func(a, b netip.Prefix) int { return a.Addr().Compare(b.Addr()) })
	next := first // the lowest address not covered yet
	for _, b := range blocks {
		if next.Less(b.Addr()) {
			return false // a gap before this block
		}
		last := lastAddr(b)
		if !last.Less(next) {
			next = last.Next()
			if !next.IsValid() {
				return true // covered up to the family's last address
			}
		}
	}
	return false
}

// lastAddr is the highest address of a masked block.
func lastAddr(p netip.Prefix) netip.Addr {
	bytes := p.Addr().AsSlice()
	for bit := p.Bits(); bit < len(bytes)*8; bit++ {
		bytes[bit/8] |= 0x80 >> (bit % 8)
	}
	last, _ := netip.AddrFromSlice(bytes)
	return last
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
	if !strings.EqualFold(r.Protocol, "tcp") && !strings.EqualFold(r.Protocol, "udp") {
		return false
	}
	low, high, ok := portRange(r.Ports)
	return ok && slices.ContainsFunc(AdminPorts, func(p int) bool { return low <= p && p <= high })
}

// portRange reads "22", "8000-9000", or "all", "0" and "" (every port).
func portRange(ports string) (low, high int, ok bool) {
	switch strings.ToLower(strings.TrimSpace(ports)) {
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
		return slices.Contains([]string{"http", "http2", "http3"}, strings.ToLower(r.EntryProtocol))
	})
}

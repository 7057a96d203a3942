package inventory

import (
	"github.com/digitalocean/godo"
)

// KindFirewalls are Cloud Firewalls.
const KindFirewalls = "firewalls"

// Firewall is one Cloud Firewall with its inbound rules.
type Firewall struct {
	ID           string
	Name         string
	Status       string
	Tags         []string // droplets with any of these tags are covered
	DropletIDs   []int    // droplets covered directly
	InboundRules []FirewallRule
	// PendingChanges are the changes not yet applied to its Droplets.
	PendingChanges int
}

// FirewallRule is one inbound rule; Addresses are its source CIDRs and IPs.
type FirewallRule struct {
	Protocol  string
	Ports     string // "22", "8000-9000", "all", or "" for protocols without ports
	Addresses []string
}

// Firewalls lists the Cloud Firewalls with their inbound rules.
var Firewalls = newList(listSpec[[]godo.Firewall, Firewall]{
	Name: KindFirewalls, Label: "Firewalls", Scope: "firewall:read",
	Fetch: paged("firewalls", func(c *godo.Client) listFunc[godo.Firewall] { return c.Firewalls.List }),
	Map:   eachValue(mapFirewall),
	ID:    func(f *Firewall) string { return f.ID },
})

func mapFirewall(f *godo.Firewall) Firewall {
	return Firewall{
		ID:             f.ID,
		Name:           f.Name,
		Status:         f.Status,
		Tags:           sortedTags(f.Tags),
		DropletIDs:     f.DropletIDs,
		InboundRules:   eachValue(mapInboundRule)(f.InboundRules),
		PendingChanges: len(f.PendingChanges),
	}
}

func mapInboundRule(r *godo.InboundRule) FirewallRule {
	rule := FirewallRule{Protocol: r.Protocol, Ports: r.PortRange}
	if r.Sources != nil {
		rule.Addresses = r.Sources.Addresses
	}
	return rule
}

package inventory

import (
	"context"
	"fmt"

	"github.com/digitalocean/godo"
)

func fetchFirewalls(ctx context.Context, c *godo.Client) ([]godo.Firewall, error) {
	firewalls, err := listAll(ctx, c.Firewalls.List)
	if err != nil {
		return nil, fmt.Errorf("list firewalls: %w", err)
	}
	return firewalls, nil
}

func mapFirewalls(in []godo.Firewall) []Firewall {
	firewalls := make([]Firewall, 0, len(in))
	for _, f := range in {
		firewalls = append(firewalls, Firewall{
			ID:           f.ID,
			Name:         f.Name,
			Status:       f.Status,
			Tags:         sortedTags(f.Tags),
			DropletIDs:   f.DropletIDs,
			InboundRules: mapInboundRules(f.InboundRules),
		})
	}
	return firewalls
}

func mapInboundRules(in []godo.InboundRule) []FirewallRule {
	rules := make([]FirewallRule, 0, len(in))
	for _, r := range in {
		rule := FirewallRule{Protocol: r.Protocol, Ports: r.PortRange}
		if r.Sources != nil {
			rule.Addresses = r.Sources.Addresses
		}
		rules = append(rules, rule)
	}
	return rules
}

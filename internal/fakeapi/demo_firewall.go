package fakeapi

import (
	"fmt"
	"slices"
)

// inboundRule lets TCP traffic to ports in from addresses.
type inboundRule struct {
	ports     string
	addresses []string
}

// firewallPolicy is what a firewall lets in, and which droplets it covers:
// those with its tags, and by id those of one role in its first rounds.
type firewallPolicy struct {
	name, status string
	tags         []string
	role         string // "" to cover none by id
	rounds       int
	inbound      []inboundRule
}

var anyAddress = []string{"0.0.0.0/0", "::/0"}

// firewallPolicies are the demo's firewalls. web-public and db-private are
// sound; ssh-open opens SSH to the world, and legacy-admin a range that
// holds RDP (3389) to every IPv6 address. The web and staging droplets are
// covered only through their tag. Only the bastions of the first three
// rounds have a firewall: the other bastions are public and have none.
var firewallPolicies = []firewallPolicy{
	{name: "web-public", status: "succeeded", tags: []string{"web"},
		inbound: []inboundRule{{"80", anyAddress}, {"443", anyAddress}}},
	{name: "ssh-open", status: "succeeded", role: "bastion", rounds: 3,
		inbound: []inboundRule{{"22", []string{"0.0.0.0/0"}}}},
	{name: "db-private", status: "succeeded", tags: []string{"db", "k8s:worker"},
		inbound: []inboundRule{{"5432", []string{"10.0.0.0/8"}}}},
	{name: "legacy-admin", status: "waiting", tags: []string{"team-b"}, role: "api", rounds: 2,
		inbound: []inboundRule{{"3000-4000", []string{"::/0"}}}},
}

// firewall i follows the policies in turn; each later round of them covers
// the next droplets of its role.
func (b builder) firewall(i int) map[string]any {
	p := firewallPolicies[i%len(firewallPolicies)]
	round := i / len(firewallPolicies)
	droplets := b.roleDroplets(p.role, round*p.rounds, p.rounds)

	f := cloneObject(b.template(Firewalls, 0))
	f["id"] = fakeUUID("firewall", i)
	f["name"] = numbered(p.name, round)
	f["status"] = p.status
	f["created_at"] = stamp(createdAt(i, b.size[Firewalls]))
	f["tags"] = append([]string{}, p.tags...)
	f["droplet_ids"] = droplets // null when it covers none by id
	f["inbound_rules"] = inboundRules(p.inbound)
	f["outbound_rules"] = outboundRules()
	f["pending_changes"] = pendingChanges(p.status, droplets)
	return f
}

// numbered names the objects of later rounds apart: "ssh-open",
// "ssh-open-02", ...
func numbered(name string, round int) string {
	if round == 0 {
		return name
	}
	return fmt.Sprintf("%s-%02d", name, round+1)
}

func inboundRules(rules []inboundRule) []any {
	out := make([]any, len(rules))
	for i, r := range rules {
		out[i] = map[string]any{
			"protocol": "tcp", "ports": r.ports,
			"sources": map[string]any{"addresses": slices.Clone(r.addresses)},
		}
	}
	return out
}

// outboundRules let everything out; "0" is every port.
func outboundRules() []any {
	var out []any
	for _, protocol := range []string{"tcp", "udp", "icmp"} {
		out = append(out, map[string]any{
			"protocol": protocol, "ports": "0",
			"destinations": map[string]any{"addresses": slices.Clone(anyAddress)},
		})
	}
	return out
}

// pendingChanges: a firewall still being applied waits on its droplets.
func pendingChanges(status string, droplets []int) []any {
	changes := []any{}
	if status != "waiting" {
		return changes
	}
	for _, id := range droplets {
		changes = append(changes, map[string]any{"droplet_id": id, "removing": false, "status": "waiting"})
	}
	return changes
}

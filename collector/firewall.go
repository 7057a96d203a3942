package collector

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/digitalocean-exporter/digitalocean_exporter/posture"
)

var (
	firewallInfo = newDesc("firewall", "info",
		"Descriptive labels of each Cloud Firewall, as of the last refresh; value 1.", "id", "name", "status", "tags")
	firewallDroplets = newDesc("firewall", "droplets",
		"Number of Droplets each firewall covers, directly or through a tag, as of the last refresh.", "id")
	firewallOpenToWorld = newDesc("firewall", "inbound_rule_open_to_world",
		"1 for each inbound rule whose sources cover every IPv4 or every IPv6 address, by protocol and ports, as of the last refresh.",
		"firewall_id", "protocol", "ports")
	firewallAdminPortOpenToWorld = newDesc("firewall", "inbound_rule_admin_port_open_to_world",
		"1 for each inbound rule open to the world whose ports include SSH, RDP or a database port, as of the last refresh.",
		"firewall_id", "protocol", "ports")
	firewallPendingChanges = newDesc("firewall", "pending_changes",
		"Number of changes of each firewall not yet applied to its Droplets, as of the last refresh.", "id")
	dropletFirewallProtected = newDesc("droplet", "firewall_protected",
		"1 when at least one firewall covers the Droplet, directly or through a tag, 0 otherwise, as of the last refresh.", "id")
)

func newFirewallCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindFirewalls, src, collectFirewalls,
		firewallInfo, firewallDroplets, firewallOpenToWorld, firewallAdminPortOpenToWorld, firewallPendingChanges,
		dropletFirewallProtected)
}

func collectFirewalls(out emit, s *inventory.Snapshot) {
	coverage := posture.NewCoverage(s)
	firewalls := inventory.Firewalls.Of(s)
	for i := range firewalls {
		f := &firewalls[i]
		gauge(out, firewallInfo, 1, s.Account, f.ID, f.Name, f.Status, tagsLabel(f.Tags))
		gauge(out, firewallDroplets, float64(coverage.Droplets(f.ID)), s.Account, f.ID)
		gauge(out, firewallPendingChanges, float64(f.PendingChanges), s.Account, f.ID)
		open, admin := counts{}, counts{}
		for _, r := range f.InboundRules {
			if posture.OpenToWorld(r) {
				open.add(f.ID, r.Protocol, r.Ports)
				if posture.OpensAdminPort(r) {
					admin.add(f.ID, r.Protocol, r.Ports)
				}
			}
		}
		open.sendOnes(out, firewallOpenToWorld, s.Account)
		admin.sendOnes(out, firewallAdminPortOpenToWorld, s.Account)
	}
	if s.Status[inventory.KindDroplets].Known() {
		for _, d := range inventory.Droplets.Of(s) {
			id := d.ID
			gauge(out, dropletFirewallProtected, boolValue(coverage.Protected(id)), s.Account, strconv.Itoa(id))
		}
	}
}

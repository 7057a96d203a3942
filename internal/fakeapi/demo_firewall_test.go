package fakeapi

import (
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/digitalocean/godo"
)

func TestDemoFirewalls(t *testing.T) {
	a := readWithGodo(t, Demo())
	names, statuses := []string{}, map[string]int{}
	for _, f := range a.firewalls {
		names = append(names, f.Name)
		statuses[f.Status]++
		if f.Status == "waiting" && len(f.PendingChanges) == 0 {
			t.Errorf("%s is waiting on no changes", f.Name)
		}
	}
	if want := []string{"web-public", "ssh-open", "db-private", "legacy-admin"}; !slices.Equal(names, want) {
		t.Errorf("firewalls %v, want %v", names, want)
	}
	if statuses["waiting"] != 1 || statuses["succeeded"] != len(a.firewalls)-1 {
		t.Errorf("statuses %v, want one waiting and the others succeeded", statuses)
	}
}

// TestDemoFirewallCoverage: some public droplets have no firewall, and some
// have one only through a tag.
func TestDemoFirewallCoverage(t *testing.T) {
	a := readWithGodo(t, Demo())
	byID, byTag := firewallCoverage(a)
	var unprotected, onlyByTag []string
	for _, d := range dropletsByID(a) {
		switch {
		case !isPublic(d):
		case !byID[d.ID] && !byTag[d.ID]:
			unprotected = append(unprotected, d.Name)
		case !byID[d.ID]:
			onlyByTag = append(onlyByTag, d.Name)
		}
	}
	slices.Sort(unprotected)
	if want := []string{"bastion-fra1-01", "bastion-lon1-01", "bastion-sfo3-01", "bastion-sgp1-01"}; !slices.Equal(unprotected, want) {
		t.Errorf("public droplets without a firewall: %v, want %v", unprotected, want)
	}
	if !slices.ContainsFunc(onlyByTag, func(name string) bool { return strings.HasPrefix(name, "staging-") }) {
		t.Errorf("public droplets covered only by a tag: %v, want the staging ones among them", onlyByTag)
	}
	coveredBastions := 0
	for id := range byID {
		if strings.HasPrefix(dropletsByID(a)[id].Name, "bastion-") {
			coveredBastions++
		}
	}
	if coveredBastions != 3 {
		t.Errorf("%d bastions covered by id, want 3", coveredBastions)
	}
}

// firewallCoverage tells which droplets some firewall covers by id, and
// which through a tag.
func firewallCoverage(a godoAccount) (byID, byTag map[int]bool) {
	byID, byTag = map[int]bool{}, map[int]bool{}
	for _, f := range a.firewalls {
		for _, id := range f.DropletIDs {
			byID[id] = true
		}
		for _, d := range dropletsByID(a) {
			if slices.ContainsFunc(f.Tags, func(tag string) bool { return slices.Contains(d.Tags, tag) }) {
				byTag[d.ID] = true
			}
		}
	}
	return byID, byTag
}

func isPublic(d *godo.Droplet) bool {
	v4, _ := d.PublicIPv4()
	v6, _ := d.PublicIPv6()
	return v4 != "" || v6 != ""
}

// TestDemoAdminPortsOpenToTheWorld: SSH open over IPv4, and a range that
// holds RDP open over IPv6 only. The web ports are open to the world and
// the database port to the VPC, as they should be.
func TestDemoAdminPortsOpenToTheWorld(t *testing.T) {
	a := readWithGodo(t, Demo())
	open := map[string]string{} // firewall name → its admin ports open to the world, and to which addresses
	for _, f := range a.firewalls {
		for _, r := range f.InboundRules {
			if world := worldAddresses(r.Sources.Addresses); len(world) > 0 && opensAdminPort(r) {
				open[f.Name] = fmt.Sprint(r.PortRange, world)
			}
		}
	}
	want := map[string]string{"ssh-open": "22[0.0.0.0/0]", "legacy-admin": "3000-4000[::/0]"}
	if !maps.Equal(open, want) {
		t.Errorf("admin ports open to the world: %v, want %v", open, want)
	}
}

func worldAddresses(addresses []string) []string {
	return slices.DeleteFunc(slices.Clone(addresses), func(address string) bool {
		p, err := netip.ParsePrefix(address)
		return err != nil || p.Bits() != 0
	})
}

// opensAdminPort: SSH, RDP or PostgreSQL, alone or in a range.
func opensAdminPort(r godo.InboundRule) bool {
	lowText, highText, isRange := strings.Cut(r.PortRange, "-")
	if !isRange {
		highText = lowText
	}
	low, _ := strconv.Atoi(lowText)
	high, _ := strconv.Atoi(highText)
	return r.Protocol == "tcp" && slices.ContainsFunc([]int{22, 3389, 5432}, func(p int) bool { return low <= p && p <= high })
}

func TestDemoLoadBalancers(t *testing.T) {
	a := readWithGodo(t, Demo())
	regions := map[string]bool{}
	for _, d := range a.droplets {
		regions[d.Region.Slug] = true
	}
	kinds := map[string]string{}
	for _, lb := range a.loadBalancers {
		kinds[lbKind(lb)] = lb.Name
		if lb.SizeUnit < 1 || lb.SizeUnit > 3 || !regions[lb.Region.Slug] || lb.IP == "" {
			t.Errorf("%s: size unit %d, region %s, IP %q", lb.Name, lb.SizeUnit, lb.Region.Slug, lb.IP)
		}
		if lb.Type != "REGIONAL" && lb.Type != "REGIONAL_NETWORK" || lb.Status != "active" && lb.Status != "new" {
			t.Errorf("%s: type %s status %s", lb.Name, lb.Type, lb.Status)
		}
	}
	if len(a.loadBalancers) != 3 || len(kinds) != 3 || kinds["plain http"] == "" || kinds["https only"] == "" || kinds["by tag"] == "" {
		t.Errorf("load balancers %v, want one serving plain HTTP, one HTTPS only, one by tag", kinds)
	}
}

// lbKind is what the demo's load balancers are meant to show.
func lbKind(lb godo.LoadBalancer) string {
	http := slices.ContainsFunc(lb.ForwardingRules, func(r godo.ForwardingRule) bool { return r.EntryProtocol == "http" })
	https := slices.ContainsFunc(lb.ForwardingRules, func(r godo.ForwardingRule) bool { return r.EntryProtocol == "https" })
	switch {
	case lb.Tag == "web" && len(lb.DropletIDs) == 0:
		return "by tag"
	case http && !lb.RedirectHttpToHttps:
		return "plain http"
	case https && !http && lb.RedirectHttpToHttps:
		return "https only"
	}
	return "other"
}

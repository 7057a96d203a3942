package inventory

import (
	"slices"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

func TestMapFirewallsFromExamples(t *testing.T) {
	var body struct{ Firewalls []godo.Firewall }
	decodeExample(t, "firewalls.json", &body)
	got := eachValue(mapFirewall)(body.Firewalls)
	if len(got) != 1 {
		t.Fatalf("got %d firewalls", len(got))
	}
	f := got[0]
	if f.ID != "fb6045f1-cf1d-4ca3-bfac-18832663025b" || f.Status != "succeeded" || !slices.Equal(f.DropletIDs, []int{8043964}) {
		t.Errorf("firewall: %+v", f)
	}
	want := []FirewallRule{{Protocol: "tcp", Ports: "80"}, {Protocol: "tcp", Ports: "22", Addresses: []string{"18.0.0.0/8"}}}
	if len(f.InboundRules) != 2 || f.InboundRules[0].Ports != want[0].Ports ||
		!slices.Equal(f.InboundRules[1].Addresses, want[1].Addresses) {
		t.Errorf("inbound rules: %+v, want %+v", f.InboundRules, want)
	}
}

func TestMapLoadBalancersFromExamples(t *testing.T) {
	var body struct {
		LoadBalancers []godo.LoadBalancer `json:"load_balancers"`
	}
	decodeExample(t, "load_balancers.json", &body)
	got := eachValue(mapLoadBalancer)(body.LoadBalancers)
	if len(got) < 2 {
		t.Fatalf("got %d load balancers", len(got))
	}
	first := got[0]
	if first.Name != "example-lb-01" || first.Region != "nyc3" || first.IP != "104.131.186.241" ||
		first.RedirectHTTPToHTTPS || !slices.Equal(first.DropletIDs, []int{3164444, 3164445}) {
		t.Errorf("load balancer: %+v", first)
	}
	wantRules := []ForwardingRule{
		{EntryProtocol: "http", EntryPort: 80, TargetProtocol: "http", TargetPort: 80},
		{EntryProtocol: "https", EntryPort: 443, TargetProtocol: "https", TargetPort: 443, TLSPassthrough: true},
	}
	if !slices.Equal(first.ForwardingRules, wantRules) {
		t.Errorf("rules: %+v, want %+v", first.ForwardingRules, wantRules)
	}
}

func TestMapDatabaseEndOfLifeFromExamples(t *testing.T) {
	var body struct{ Databases []databaseWire }
	decodeExample(t, "databases.json", &body)
	got := eachValue(mapDatabase)(body.Databases)[0].VersionEndOfLife
	if want := time.Date(2023, 11, 9, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("end of life %v, want %v", got, want)
	}
}

func TestMapPerObjectDetails(t *testing.T) {
	var rules struct{ Rules []godo.DatabaseFirewallRule }
	decodeExample(t, "databases_firewall.json", &rules)
	if counts := trustedSourceCount(rules.Rules); counts != 4 {
		t.Errorf("trusted sources: %d, want the example's 4", counts)
	}
	if counts := trustedSourceCount(nil); counts != 0 {
		t.Errorf("trusted sources of a database without rules: %d", counts)
	}
	var upgrades struct {
		Versions []*godo.KubernetesVersion `json:"available_upgrade_versions"`
	}
	decodeExample(t, "kubernetes_upgrades.json", &upgrades)
	if got := mapUpgrades(upgrades.Versions); !slices.Equal(got, []string{"1.16.13-do.0"}) {
		t.Errorf("upgrades: %v", got)
	}
	if got := mapUpgrades(nil); got != nil {
		t.Errorf("upgrades of a current cluster: %v", got)
	}
}

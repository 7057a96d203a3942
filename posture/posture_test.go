package posture

import (
	"fmt"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var listedAt = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

// known is a snapshot of lists in which every kind is listed at listedAt:
// the kinds not given are empty.
func known(lists ...inventory.Listing) *inventory.Snapshot {
	s := inventory.NewSnapshot("", listedAt, lists...)
	for _, kind := range inventory.Kinds() {
		s.Status[kind] = inventory.Status{Refreshes: 1, LastSuccess: listedAt}
	}
	return s
}

func lists(l ...inventory.Listing) []inventory.Listing { return l }

func failuresOf(t *testing.T, s *inventory.Snapshot, check string) int {
	t.Helper()
	for _, r := range Evaluate(s) {
		if r.Name == check {
			return r.Failures
		}
	}
	t.Fatalf("check %s gave no result", check)
	return 0
}

func rule(protocol, ports string, addresses ...string) inventory.FirewallRule {
	return inventory.FirewallRule{Protocol: protocol, Ports: ports, Addresses: addresses}
}

func TestEachCheckFailsAndPasses(t *testing.T) {
	public := inventory.Droplet{ID: 1, PublicIPv4: "198.18.0.1", Tags: []string{"web"}}
	private := inventory.Droplet{ID: 2, PrivateIPv4: "10.0.0.2"}
	ipv6Only := inventory.Droplet{ID: 3, PublicIPv6: "2604:a880::1"}
	byTag := inventory.Firewall{ID: "fw-tag", Tags: []string{"web"}}
	byID := inventory.Firewall{ID: "fw-id", DropletIDs: []int{3}}
	soon, later := listedAt.Add(30*24*time.Hour), listedAt.Add(400*24*time.Hour)
	certificates := inventory.Certificates.With([]inventory.Certificate{
		{ID: "soon", State: "verified", NotAfter: listedAt.Add(29 * 24 * time.Hour)},
		{ID: "expired", State: "verified", NotAfter: listedAt.Add(-time.Hour)},
		{ID: "later", State: "verified", NotAfter: listedAt.Add(31 * 24 * time.Hour)},
		{ID: "pending", State: "pending"},
		{ID: "broken", State: "error"},
	})

	for _, tc := range []struct {
		check string
		s     []inventory.Listing
		want  int
	}{
		{"droplet_public_without_firewall", lists(inventory.Droplets.With([]inventory.Droplet{public, private, ipv6Only})), 2},
		{"droplet_public_without_firewall", lists(inventory.Droplets.With([]inventory.Droplet{public, private, ipv6Only}),
			inventory.Firewalls.With([]inventory.Firewall{byTag, byID})), 0}, // droplet 1 covered only through its tag
		{"firewall_admin_port_open_to_world", lists(inventory.Firewalls.With([]inventory.Firewall{
			{ID: "a", InboundRules: []inventory.FirewallRule{rule("tcp", "22", "0.0.0.0/0")}},
			{ID: "b", InboundRules: []inventory.FirewallRule{rule("tcp", "3000-4000", "::/0")}}, // RDP in a range, IPv6 only
			{ID: "c", InboundRules: []inventory.FirewallRule{rule("tcp", "1-65535", "10.0.0.0/8"), rule("tcp", "443", "0.0.0.0/0")}},
			{ID: "d", InboundRules: []inventory.FirewallRule{rule("icmp", "", "0.0.0.0/0")}},
			{ID: "e", InboundRules: []inventory.FirewallRule{rule("tcp", "all", "::/0")}},
		})), 3},
		{"database_open_to_any_address", lists(
			inventory.Databases.With([]inventory.Database{{ID: "open"}, {ID: "guarded"}, {ID: "unknown"}}),
			inventory.DatabaseTrustedSources.With(map[string]int{"open": 0, "guarded": 2}),
		), 1},
		{"kubernetes_upgrade_available", lists(
			inventory.Clusters.With([]inventory.Cluster{{ID: "old"}, {ID: "current"}}),
			inventory.KubernetesUpgrades.With(map[string][]string{"old": {"1.30.5-do.0"}, "current": nil}),
		), 1},
		{"database_version_end_of_life_within_90d", lists(inventory.Databases.With([]inventory.Database{
			{ID: "past", VersionEndOfLife: listedAt.Add(-time.Hour)},
			{ID: "soon", VersionEndOfLife: soon},
			{ID: "later", VersionEndOfLife: later},
			{ID: "unsaid"},
		})), 2},
		{"load_balancer_http_without_redirect", lists(inventory.LoadBalancers.With([]inventory.LoadBalancer{
			{ID: "plain", ForwardingRules: []inventory.ForwardingRule{{EntryProtocol: "http", EntryPort: 80}}},
			{ID: "redirected", RedirectHTTPToHTTPS: true, ForwardingRules: []inventory.ForwardingRule{{EntryProtocol: "http", EntryPort: 80}}},
			{ID: "tls-only", ForwardingRules: []inventory.ForwardingRule{{EntryProtocol: "https", EntryPort: 443}}},
		})), 1},
		{"droplet_backups_disabled", lists(inventory.Droplets.With([]inventory.Droplet{
			{ID: 1, Backups: true}, {ID: 2}, {ID: 3},
		})), 2},
		{"droplet_without_monitoring_agent", lists(inventory.Droplets.With([]inventory.Droplet{
			{ID: 1, MonitoringAgent: true}, {ID: 2},
		})), 1},
		{"certificate_expires_within_30d", lists(certificates), 2},
		{"certificate_error", lists(certificates), 1},
		{"load_balancer_certificate_expires_within_30d", lists(certificates, inventory.LoadBalancers.With([]inventory.LoadBalancer{
			{ID: "shop", ForwardingRules: []inventory.ForwardingRule{{EntryProtocol: "http"}, {EntryProtocol: "https", CertificateID: "soon"}}},
			{ID: "old", ForwardingRules: []inventory.ForwardingRule{{EntryProtocol: "https", CertificateID: "expired"}}},
			{ID: "fine", ForwardingRules: []inventory.ForwardingRule{{EntryProtocol: "https", CertificateID: "later"}}},
			{ID: "plain", ForwardingRules: []inventory.ForwardingRule{{EntryProtocol: "http"}}},
		})), 2},
		{"droplet_without_alert_policy", lists(inventory.Droplets.With([]inventory.Droplet{
			{ID: 1, Tags: []string{"production"}}, {ID: 2}, {ID: 3, Tags: []string{"staging"}}, {ID: 4}, {ID: 5},
		}), inventory.AlertPolicies.With([]inventory.AlertPolicy{
			{Type: "v1/insights/droplet/cpu", Enabled: true, Tags: []string{"production"}},                  // watches 1
			{Type: "v1/insights/droplet/load_5", Enabled: true, Entities: []string{"2"}},                    // watches 2
			{Type: "v1/insights/droplet/cpu", Tags: []string{"staging"}},                                    // disabled: watches nothing
			{Type: "v1/insights/lbaas/avg_cpu_utilization_percent", Enabled: true, Entities: []string{"4"}}, // not a Droplet metric
		})), 3},
		{"spaces_key_full_access", lists(inventory.SpacesKeys.With([]inventory.SpacesKey{
			{Name: "admin", Grants: []inventory.SpacesGrant{{Permission: "fullaccess"}}},
			{Name: "assets", Grants: []inventory.SpacesGrant{{Bucket: "assets", Permission: "readwrite"}}},
			{Name: "none"},
		})), 1},
		{"database_backup_older_than_36h", lists(
			inventory.Databases.With([]inventory.Database{{ID: "fresh"}, {ID: "stale"}, {ID: "never"}, {ID: "cache", Engine: "valkey"}}),
			inventory.DatabaseBackups.With(map[string]inventory.Backups{
				"fresh": {Count: 3, Newest: listedAt.Add(-35 * time.Hour)},
				"stale": {Count: 7, Newest: listedAt.Add(-37 * time.Hour)},
				"never": {},
			}),
		), 2},
		{"project_default_holds_resources", lists(
			inventory.Projects.With([]inventory.Project{{ID: "shop"}, {ID: "default", IsDefault: true}}),
			inventory.ProjectResources.With(map[string][]inventory.ProjectResource{
				"shop":    {{URNType: "droplet", ID: "1"}},
				"default": {{URNType: "droplet", ID: "2"}, {URNType: "space", ID: "assets"}},
			}),
		), 2},
		{"genai_agent_public", lists(inventory.GenAIAgents.With([]inventory.GenAIAgent{
			{UUID: "a", Visibility: "VISIBILITY_PUBLIC"}, {UUID: "b", Visibility: "VISIBILITY_PRIVATE"}, {UUID: "c"},
		})), 1},
	} {
		if got := failuresOf(t, known(tc.s...), tc.check); got != tc.want {
			t.Errorf("%s on %+v: %d failures, want %d", tc.check, tc.s, got, tc.want)
		}
	}
}

// TestFindingsNameTheirWorkloads: the objects behind a finding are named
// by the kind and ID their workloads have, and by name; a resource of the
// default project the exporter does not list keeps its ID as its name.
func TestFindingsNameTheirWorkloads(t *testing.T) {
	s := known(
		inventory.Droplets.With([]inventory.Droplet{{ID: 7, Name: "web-01", PublicIPv4: "198.18.0.7"}}),
		inventory.Projects.With([]inventory.Project{{ID: "default", IsDefault: true}}),
		inventory.ProjectResources.With(map[string][]inventory.ProjectResource{
			"default": {{URNType: "droplet", ID: "7"}, {URNType: "space", ID: "assets"}},
		}),
	)
	want := map[string]string{
		"droplet_public_without_firewall": "[{droplets 7 web-01}]",
		"project_default_holds_resources": "[{droplets 7 web-01} {space assets assets}]",
	}
	for _, r := range Evaluate(s) {
		if w, ok := want[r.Name]; ok && fmt.Sprint(r.Failing) != w {
			t.Errorf("%s: %v, want %s", r.Name, r.Failing, w)
		}
		if r.Failures != len(r.Failing) {
			t.Errorf("%s: %d failures, %d named", r.Name, r.Failures, len(r.Failing))
		}
	}
}

func TestNoVerdictWithoutTheLists(t *testing.T) {
	s := known(inventory.Droplets.With([]inventory.Droplet{{ID: 1, PublicIPv4: "198.18.0.1"}}))
	delete(s.Status, inventory.KindFirewalls)
	for _, r := range Evaluate(s) {
		if r.Name == "droplet_public_without_firewall" {
			t.Errorf("a verdict on droplets without the firewall list: %+v", r)
		}
	}
}

func TestCoverageCountsEachDropletOnce(t *testing.T) {
	s := known(
		inventory.Droplets.With([]inventory.Droplet{{ID: 1, Tags: []string{"web", "prod"}}, {ID: 2, Tags: []string{"web"}}, {ID: 3}}),
		inventory.Firewalls.With([]inventory.Firewall{{ID: "f", Tags: []string{"web", "prod"}, DropletIDs: []int{1}}}),
	)
	c := NewCoverage(s)
	if c.Droplets("f") != 2 || !c.Protected(1) || !c.Protected(2) || c.Protected(3) {
		t.Errorf("coverage: %d droplets; protected 1=%v 2=%v 3=%v", c.Droplets("f"), c.Protected(1), c.Protected(2), c.Protected(3))
	}
}

func TestPortRanges(t *testing.T) {
	for ports, want := range map[string]bool{"22": true, "20-23": true, "23-100": false, "all": true, "0": true, "": true, "8080": false, "junk": false} {
		if got := OpensAdminPort(rule("tcp", ports)); got != want {
			t.Errorf("ports %q: %v, want %v", ports, got, want)
		}
	}
}

func TestLoadBalancerTargetsByTag(t *testing.T) {
	droplets := []inventory.Droplet{{ID: 1, Tags: []string{"web"}}, {ID: 2, Tags: []string{"web"}}, {ID: 3}}
	if n := LoadBalancerTargets(&inventory.LoadBalancer{Tag: "web"}, droplets); n != 2 {
		t.Errorf("tag-targeted load balancer: %d droplets, want 2", n)
	}
	if n := LoadBalancerTargets(&inventory.LoadBalancer{DropletIDs: []int{1, 3, 9}}, droplets); n != 3 {
		t.Errorf("id-targeted load balancer: %d droplets, want 3", n)
	}
}

// TestOpenToWorldCannotBeDodged: sources open a rule to the world when
// together they cover every IPv4 or every IPv6 address, however written.
func TestOpenToWorldCannotBeDodged(t *testing.T) {
	for _, tc := range []struct {
		name      string
		addresses []string
		want      bool
	}{
		{"IPv4 any", []string{"0.0.0.0/0"}, true},
		{"IPv6 any", []string{"::/0"}, true},
		{"IPv4 in two halves", []string{"0.0.0.0/1", "128.0.0.0/1"}, true},
		{"IPv4 halves in the other order, with a private block", []string{"128.0.0.0/1", "10.0.0.0/8", "0.0.0.0/1"}, true},
		{"IPv4 in quarters and overlaps", []string{"0.0.0.0/2", "64.0.0.0/2", "96.0.0.0/3", "128.0.0.0/1"}, true},
		{"IPv6 in two halves", []string{"::/1", "8000::/1"}, true},
		{"0.0.0.0 with no mask", []string{"0.0.0.0"}, true},
		{":: with no mask", []string{"::"}, true},
		{"every IPv4 address mapped into IPv6", []string{"::ffff:0.0.0.0/96"}, true},
		{"mapped halves", []string{"::ffff:0.0.0.0/97", "128.0.0.0/1"}, true},
		{"an IPv6 block that holds the mapped range", []string{"::/64"}, true},
		{"an unmasked host bit", []string{"1.2.3.4/0"}, true},
		{"surrounding spaces", []string{" 0.0.0.0/0 "}, true},
		{"one half only", []string{"0.0.0.0/1"}, false},
		{"halves with a gap", []string{"0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3"}, false},
		{"many blocks up to the last address", []string{"0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3", "224.0.0.0/4", "240.0.0.0/5",
			"248.0.0.0/6", "252.0.0.0/7", "254.0.0.0/8", "255.0.0.0/9", "255.128.0.0/9"}, true},
		{"many blocks short of the end", []string{"0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3", "224.0.0.0/4", "240.0.0.0/5",
			"248.0.0.0/6", "252.0.0.0/7", "254.0.0.0/8", "255.0.0.0/9", "255.128.0.0/10"}, false},
		{"one mapped address", []string{"::ffff:0.0.0.0"}, false},
		{"a single address", []string{"203.0.113.7"}, false},
		{"private ranges", []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fd00::/8"}, false},
		{"half of IPv4 and the half of IPv6 without it", []string{"0.0.0.0/1", "8000::/1"}, false},
		{"garbage", []string{"anywhere", "0.0.0.0/33", ""}, false},
		{"nothing", nil, false},
	} {
		if got := OpenToWorld(rule("tcp", "22", tc.addresses...)); got != tc.want {
			t.Errorf("%s %q: open to the world = %v, want %v", tc.name, tc.addresses, got, tc.want)
		}
	}
}

func TestProtocolsCompareWithoutCase(t *testing.T) {
	for protocol, want := range map[string]bool{"tcp": true, "TCP": true, "Udp": true, "icmp": false, "ICMP": false} {
		if got := OpensAdminPort(rule(protocol, "22")); got != want {
			t.Errorf("protocol %q: opens an admin port = %v, want %v", protocol, got, want)
		}
	}
	if !OpensAdminPort(rule("tcp", "ALL")) {
		t.Error(`ports "ALL" should mean every port`)
	}
	for protocol, want := range map[string]bool{"http": true, "HTTP": true, "Http2": true, "https": false, "HTTPS": false} {
		lb := &inventory.LoadBalancer{ForwardingRules: []inventory.ForwardingRule{{EntryProtocol: protocol, EntryPort: 80}}}
		if got := ServesPlainHTTP(lb); got != want {
			t.Errorf("entry protocol %q: serves plain HTTP = %v, want %v", protocol, got, want)
		}
	}
}

func TestAdminPortCheckCountsWorldCoverageAndCase(t *testing.T) {
	s := known(inventory.Firewalls.With([]inventory.Firewall{
		{ID: "halves", InboundRules: []inventory.FirewallRule{rule("TCP", "22", "0.0.0.0/1", "128.0.0.0/1")}},
		{ID: "mapped", InboundRules: []inventory.FirewallRule{rule("tcp", "3306", "::ffff:0.0.0.0/96")}},
		{ID: "unmasked", InboundRules: []inventory.FirewallRule{rule("Udp", "3389", "0.0.0.0")}},
		{ID: "half", InboundRules: []inventory.FirewallRule{rule("tcp", "22", "0.0.0.0/1")}},
	}))
	if got := failuresOf(t, s, "firewall_admin_port_open_to_world"); got != 3 {
		t.Errorf("%d firewalls fail, want 3 (all but the one open to half the world)", got)
	}
}

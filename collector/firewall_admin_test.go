package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestAdminPortRulesAreMarked: of the rules open to the world, only those
// that reach an admin or database port are in
// digitalocean_firewall_inbound_rule_admin_port_open_to_world, the series
// the critical alert lists.
func TestAdminPortRulesAreMarked(t *testing.T) {
	acct := fakeapi.Examples()
	rule := func(protocol, ports string, addresses ...any) map[string]any {
		return map[string]any{"protocol": protocol, "ports": ports, "sources": map[string]any{"addresses": addresses}}
	}
	acct.Lists[fakeapi.Firewalls][0]["inbound_rules"] = []any{
		rule("tcp", "22", "0.0.0.0/1", "128.0.0.0/1"), // the world in two halves
		rule("TCP", "3000-4000", "::/0"),              // RDP in a range, upper-case protocol
		rule("tcp", "443", "0.0.0.0/0"),               // open, but not an admin port
		rule("tcp", "5432", "10.0.0.0/8"),             // an admin port, but private
	}
	src := refreshedSource(t, acct)
	const id = `account="default",firewall_id="fb6045f1-cf1d-4ca3-bfac-18832663025b"`
	want := `
# HELP digitalocean_firewall_inbound_rule_admin_port_open_to_world 1 for each inbound rule open to the world whose ports include SSH, RDP or a database port, as of the last refresh.
# TYPE digitalocean_firewall_inbound_rule_admin_port_open_to_world gauge
digitalocean_firewall_inbound_rule_admin_port_open_to_world{` + id + `,ports="22",protocol="tcp"} 1
digitalocean_firewall_inbound_rule_admin_port_open_to_world{` + id + `,ports="3000-4000",protocol="TCP"} 1
# HELP digitalocean_firewall_inbound_rule_open_to_world 1 for each inbound rule whose sources cover every IPv4 or every IPv6 address, by protocol and ports, as of the last refresh.
# TYPE digitalocean_firewall_inbound_rule_open_to_world gauge
digitalocean_firewall_inbound_rule_open_to_world{` + id + `,ports="22",protocol="tcp"} 1
digitalocean_firewall_inbound_rule_open_to_world{` + id + `,ports="3000-4000",protocol="TCP"} 1
digitalocean_firewall_inbound_rule_open_to_world{` + id + `,ports="443",protocol="tcp"} 1
`
	if err := testutil.CollectAndCompare(newFirewallCollector(src), strings.NewReader(want),
		"digitalocean_firewall_inbound_rule_admin_port_open_to_world", "digitalocean_firewall_inbound_rule_open_to_world"); err != nil {
		t.Error(err)
	}
}

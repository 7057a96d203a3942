package collector

import (
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

const exampleDatabase = "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30"
const exampleCluster = "bd5f5959-5e1e-4205-a714-a914373942af"

// passingExamples changes the API's example account until it passes every
// check: each public Droplet covered (one only through its tag), admin
// ports open to a private range only, trusted sources set, the cluster
// current, the database version supported, HTTP redirected, every Droplet
// backed up and watched by the monitoring agent, every certificate issued
// and valid for years; and nothing wasted: every volume attached, every
// reserved IP assigned, snapshots taken yesterday, every load balancer
// with a Droplet behind it.
func passingExamples() fakeapi.Account {
	a := fakeapi.Examples()
	for _, v := range a.Lists[fakeapi.Volumes] {
		v["droplet_ids"] = []any{3164444}
	}
	for _, ip := range append(a.Lists[fakeapi.ReservedIPs], a.Lists[fakeapi.ReservedIPv6s]...) {
		ip["droplet"] = map[string]any{"id": 3164444, "name": "example.com"}
	}
	for _, s := range a.Lists[fakeapi.Snapshots] {
		s["created_at"] = time.Now().Add(-24 * time.Hour).UTC().Format(time.RFC3339)
	}
	a.Lists[fakeapi.LoadBalancers][1]["tag"] = "web"
	for _, c := range a.Lists[fakeapi.Certificates] {
		c["not_after"] = "2099-01-01T00:00:00Z"
	}
	watched := []any{}
	for _, d := range append(a.Lists[fakeapi.Droplets], a.Lists[fakeapi.GPUDroplets]...) {
		d["features"] = []any{"backups", "monitoring", "private_networking"}
		watched = append(watched, d["id"])
	}
	a.Lists[fakeapi.AlertPolicies][0]["entities"] = watched
	a.ByID[fakeapi.DatabaseBackups] = map[string][]map[string]any{ // backed up an hour ago
		exampleDatabase: {{"created_at": time.Now().Add(-time.Hour).UTC().Format(time.RFC3339), "size_gigabytes": 0.5}},
	}
	a.Lists[fakeapi.Firewalls][0]["droplet_ids"] = []any{3164444, 3164459, 448543583}
	a.Lists[fakeapi.Firewalls][0]["tags"] = []any{"env:stage"} // covers 3164412 only through its tag
	a.ByID[fakeapi.KubernetesUpgrades] = map[string][]map[string]any{}
	a.Lists[fakeapi.Databases][0]["version_end_of_life"] = "2099-01-01T00:00:00Z"
	for _, lb := range a.Lists[fakeapi.LoadBalancers] {
		lb["redirect_http_to_https"] = true
	}
	return a
}

// failingExamples breaks each check once, in the ways that are easy to miss.
func failingExamples() fakeapi.Account {
	a := passingExamples()
	a.Lists[fakeapi.Firewalls][0]["tags"] = []any{}
	a.Lists[fakeapi.Firewalls][0]["inbound_rules"] = []any{
		map[string]any{"protocol": "tcp", "ports": "20-30", "sources": map[string]any{"addresses": []any{"::/0"}}},
	}
	a.ByID[fakeapi.DatabaseFirewalls] = map[string][]map[string]any{exampleDatabase: {}}
	a.ByID[fakeapi.KubernetesUpgrades] = fakeapi.Examples().ByID[fakeapi.KubernetesUpgrades]
	a.Lists[fakeapi.Databases][0]["version_end_of_life"] = "2020-01-01T00:00:00Z"
	a.Lists[fakeapi.LoadBalancers][0]["redirect_http_to_https"] = false
	a.Lists[fakeapi.Droplets][0]["features"] = []any{"private_networking"}
	a.Lists[fakeapi.Certificates][0]["not_after"] = "2020-01-01T00:00:00Z" // the certificate of a load balancer's HTTPS rule
	a.Lists[fakeapi.Certificates][1]["state"] = "error"
	a.Lists[fakeapi.Volumes][0]["droplet_ids"] = []any{}
	a.Lists[fakeapi.ReservedIPs][0]["droplet"] = nil
	a.Lists[fakeapi.Snapshots][0]["created_at"] = "2020-07-28T16:47:44Z"
	a.Lists[fakeapi.Droplets][1]["status"] = "off"
	a.Lists[fakeapi.LoadBalancers][1]["tag"] = "prod:web" // no Droplet has it
	policy := a.Lists[fakeapi.AlertPolicies][0]
	policy["entities"] = policy["entities"].([]any)[1:]
	a.Lists[fakeapi.SpacesKeys][0]["grants"] = []any{map[string]any{"bucket": "", "permission": "fullaccess"}}
	a.ByID[fakeapi.DatabaseBackups] = map[string][]map[string]any{exampleDatabase: {}}
	a.Lists[fakeapi.GenAIAgents][0]["deployment"].(map[string]any)["visibility"] = "VISIBILITY_PUBLIC"
	defaultProject := a.Lists[fakeapi.Projects][1]["id"].(string)
	a.ByID[fakeapi.ProjectResources][defaultProject] = []map[string]any{{"urn": "do:droplet:3164444", "status": "ok"}}
	a.ByID[fakeapi.ProjectResources]["4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679"] = nil // the other project held it
	return a
}

func TestPostureChecksThroughTheAPI(t *testing.T) {
	for _, tc := range []struct {
		name     string
		account  fakeapi.Account
		failures string
	}{
		{"every check passes", passingExamples(), "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"},
		{"every check fails", failingExamples(), "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := refreshedSource(t, tc.account)
			want := `
# HELP digitalocean_posture_findings Number of resources that fail each security posture check, as of the last refresh of the lists it reads; absent while one of those lists is unknown.
# TYPE digitalocean_posture_findings gauge
`
			values := strings.Fields(tc.failures)
			for i, check := range []string{
				`check="certificate_error",severity="high"`,
				`check="certificate_expires_within_30d",severity="high"`,
				`check="database_backup_older_than_36h",severity="high"`,
				`check="database_open_to_any_address",severity="critical"`,
				`check="database_version_end_of_life_within_90d",severity="medium"`,
				`check="droplet_backups_disabled",severity="medium"`,
				`check="droplet_public_without_firewall",severity="high"`,
				`check="droplet_without_alert_policy",severity="low"`,
				`check="droplet_without_monitoring_agent",severity="low"`,
				`check="firewall_admin_port_open_to_world",severity="critical"`,
				`check="genai_agent_public",severity="medium"`,
				`check="kubernetes_upgrade_available",severity="low"`,
				`check="load_balancer_certificate_expires_within_30d",severity="high"`,
				`check="load_balancer_http_without_redirect",severity="medium"`,
				`check="project_default_holds_resources",severity="low"`,
				`check="spaces_key_full_access",severity="medium"`,
				`check="waste_droplet_off",severity="low"`,
				`check="waste_load_balancer_without_targets",severity="low"`,
				`check="waste_reserved_ip_unassigned",severity="low"`,
				`check="waste_snapshot_old",severity="low"`,
				`check="waste_volume_unattached",severity="low"`,
			} {
				want += `digitalocean_posture_findings{account="default",` + check + `} ` + values[i] + "\n"
			}
			if err := testutil.CollectAndCompare(newPostureCollector(src), strings.NewReader(want)); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestPostureNeedsItsLists disables firewalls: the checks that read them
// give no verdict rather than a false all-clear.
func TestPostureNeedsItsLists(t *testing.T) {
	src := refreshedSource(t, failingExamples())
	s := *src.Snapshots()[0]
	s.Status = map[string]inventory.Status{}
	for kind, status := range src.Snapshots()[0].Status {
		if kind != inventory.KindFirewalls {
			s.Status[kind] = status
		}
	}
	text := collectText(t, newPostureCollector(staticSource{&s}))
	for _, check := range []string{"droplet_public_without_firewall", "firewall_admin_port_open_to_world"} {
		if strings.Contains(text, check) {
			t.Errorf("%s has a verdict without the firewall list", check)
		}
	}
	if !strings.Contains(text, "database_open_to_any_address") {
		t.Error("checks that do not read firewalls disappeared too")
	}
}

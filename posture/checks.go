package posture

import (
	"slices"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Check is one posture check: the resources that fail it are findings.
type Check struct {
	Name     string
	Severity string   // critical, high, medium or low
	Needs    []string // the inventory kinds it reads; unknown lists mean no verdict
	failures func(s *inventory.Snapshot) int
}

// EndOfLifeWarning is how close to its end of life a database version
// counts as a finding; ExpiryWarning, how close to its expiry a
// certificate; BackupAge, how old the newest backup of a database may be.
const (
	EndOfLifeWarning = 90 * 24 * time.Hour
	ExpiryWarning    = 30 * 24 * time.Hour
	BackupAge        = 36 * time.Hour
)

// Checks lists every check, in the order the README explains them.
var Checks = []Check{
	{"droplet_public_without_firewall", "high",
		[]string{inventory.KindDroplets, inventory.KindFirewalls}, publicWithoutFirewall},
	{"firewall_admin_port_open_to_world", "critical",
		[]string{inventory.KindFirewalls}, adminPortOpenToWorld},
	{"database_open_to_any_address", "critical",
		[]string{inventory.KindDatabases, inventory.KindDatabaseTrustedSources}, databaseOpenToAnyAddress},
	{"kubernetes_upgrade_available", "low",
		[]string{inventory.KindKubernetes, inventory.KindKubernetesUpgrades}, kubernetesUpgradeAvailable},
	{"database_version_end_of_life_within_90d", "medium",
		[]string{inventory.KindDatabases}, databaseEndOfLifeSoon},
	{"load_balancer_http_without_redirect", "medium",
		[]string{inventory.KindLoadBalancers}, loadBalancerHTTPWithoutRedirect},
	{"droplet_backups_disabled", "medium",
		[]string{inventory.KindDroplets}, dropletBackupsDisabled},
	{"droplet_without_monitoring_agent", "low",
		[]string{inventory.KindDroplets}, dropletWithoutMonitoringAgent},
	{"certificate_expires_within_30d", "high",
		[]string{inventory.KindCertificates}, certificateExpiresSoon},
	{"certificate_error", "high",
		[]string{inventory.KindCertificates}, certificateError},
	{"load_balancer_certificate_expires_within_30d", "high",
		[]string{inventory.KindLoadBalancers, inventory.KindCertificates}, loadBalancerCertificateExpiresSoon},
	{"droplet_without_alert_policy", "low",
		[]string{inventory.KindDroplets, inventory.KindAlertPolicies}, dropletWithoutAlertPolicy},
	{"spaces_key_full_access", "medium",
		[]string{inventory.KindSpacesKeys}, spacesKeyFullAccess},
	{"database_backup_older_than_36h", "high",
		[]string{inventory.KindDatabases, inventory.KindDatabaseBackups}, databaseBackupStale},
	{"genai_agent_public", "medium",
		[]string{inventory.KindGenAI}, genAIAgentPublic},
}

// Result is how many resources fail one check.
type Result struct {
	Check
	Failures int
}

// Evaluate runs every check whose lists are known in s.
func Evaluate(s *inventory.Snapshot) []Result {
	var results []Result
	for _, c := range Checks {
		if slices.ContainsFunc(c.Needs, func(kind string) bool { return !s.Status[kind].Known() }) {
			continue
		}
		results = append(results, Result{Check: c, Failures: c.failures(s)})
	}
	return results
}

func publicWithoutFirewall(s *inventory.Snapshot) int {
	coverage := NewCoverage(s)
	return countFunc(inventory.Droplets.Of(s), func(d *inventory.Droplet) bool { return Public(d) && !coverage.Protected(d.ID) })
}

func adminPortOpenToWorld(s *inventory.Snapshot) int {
	return countFunc(inventory.Firewalls.Of(s), func(f *inventory.Firewall) bool {
		return slices.ContainsFunc(f.InboundRules, func(r inventory.FirewallRule) bool {
			return OpenToWorld(r) && OpensAdminPort(r)
		})
	})
}

func databaseOpenToAnyAddress(s *inventory.Snapshot) int {
	trustedSources := inventory.DatabaseTrustedSources.Of(s)
	return countFunc(inventory.Databases.Of(s), func(d *inventory.Database) bool {
		n, known := trustedSources[d.ID]
		return known && n == 0
	})
}

func kubernetesUpgradeAvailable(s *inventory.Snapshot) int {
	upgrades := inventory.KubernetesUpgrades.Of(s)
	return countFunc(inventory.Clusters.Of(s), func(c *inventory.Cluster) bool { return len(upgrades[c.ID]) > 0 })
}

// databaseEndOfLifeSoon counts versions past or within EndOfLifeWarning of
// their end of life, as of when the databases were listed.
func databaseEndOfLifeSoon(s *inventory.Snapshot) int {
	deadline := s.Status[inventory.KindDatabases].LastSuccess.Add(EndOfLifeWarning)
	return countFunc(inventory.Databases.Of(s), func(d *inventory.Database) bool {
		return !d.VersionEndOfLife.IsZero() && d.VersionEndOfLife.Before(deadline)
	})
}

func loadBalancerHTTPWithoutRedirect(s *inventory.Snapshot) int {
	return countFunc(inventory.LoadBalancers.Of(s), ServesPlainHTTP)
}

func dropletBackupsDisabled(s *inventory.Snapshot) int {
	return countFunc(inventory.Droplets.Of(s), func(d *inventory.Droplet) bool { return !d.Backups })
}

// dropletWithoutMonitoringAgent counts the Droplets whose list entry does
// not name the monitoring feature: no metrics, no alert policy will fire.
func dropletWithoutMonitoringAgent(s *inventory.Snapshot) int {
	return countFunc(inventory.Droplets.Of(s), func(d *inventory.Droplet) bool { return !d.MonitoringAgent })
}

// dropletWithoutAlertPolicy counts the Droplets that no enabled alert
// policy of a Droplet metric watches, by ID or through a tag.
func dropletWithoutAlertPolicy(s *inventory.Snapshot) int {
	policies := inventory.AlertPolicies.Of(s)
	return countFunc(inventory.Droplets.Of(s), func(d *inventory.Droplet) bool {
		return !slices.ContainsFunc(policies, func(p inventory.AlertPolicy) bool { return p.WatchesDroplet(d) })
	})
}

// spacesKeyFullAccess counts the Spaces keys that may do anything to every
// bucket, where a key limited to the buckets it needs would do.
func spacesKeyFullAccess(s *inventory.Snapshot) int {
	return countFunc(inventory.SpacesKeys.Of(s), (*inventory.SpacesKey).HasFullAccess)
}

// databaseBackupStale counts the databases whose newest backup was taken
// more than BackupAge before their backups were read, or that have none;
// a Caching cluster, which is not backed up, is not counted.
func databaseBackupStale(s *inventory.Snapshot) int {
	backups := inventory.DatabaseBackups.Of(s)
	oldest := s.Status[inventory.KindDatabaseBackups].LastSuccess.Add(-BackupAge)
	return countFunc(inventory.Databases.Of(s), func(d *inventory.Database) bool {
		b, known := backups[d.ID]
		return known && b.Newest.Before(oldest)
	})
}

// genAIAgentPublic counts the GenAI agents anyone may reach.
func genAIAgentPublic(s *inventory.Snapshot) int {
	return countFunc(inventory.GenAIAgents.Of(s), func(a *inventory.GenAIAgent) bool {
		return a.Visibility == inventory.PublicVisibility
	})
}

// certificateExpiresSoon counts certificates that expire within
// ExpiryWarning of when they were listed, or have expired.
func certificateExpiresSoon(s *inventory.Snapshot) int {
	return len(expiringCertificates(s))
}

func certificateError(s *inventory.Snapshot) int {
	return countFunc(inventory.Certificates.Of(s), func(c *inventory.Certificate) bool { return c.State == "error" })
}

// loadBalancerCertificateExpiresSoon counts load balancers with a rule
// that terminates TLS with a certificate expiring soon, or expired.
func loadBalancerCertificateExpiresSoon(s *inventory.Snapshot) int {
	expiring := expiringCertificates(s)
	return countFunc(inventory.LoadBalancers.Of(s), func(lb *inventory.LoadBalancer) bool {
		return slices.ContainsFunc(lb.ForwardingRules, func(r inventory.ForwardingRule) bool { return expiring[r.CertificateID] })
	})
}

// expiringCertificates are the IDs of the certificates that expire within
// ExpiryWarning of when the certificates were listed, or have expired.
func expiringCertificates(s *inventory.Snapshot) map[string]bool {
	deadline := s.Status[inventory.KindCertificates].LastSuccess.Add(ExpiryWarning)
	expiring := map[string]bool{}
	for _, c := range inventory.Certificates.Of(s) {
		if !c.NotAfter.IsZero() && c.NotAfter.Before(deadline) {
			expiring[c.ID] = true
		}
	}
	return expiring
}

func countFunc[T any](items []T, f func(*T) bool) int {
	n := 0
	for i := range items {
		if f(&items[i]) {
			n++
		}
	}
	return n
}

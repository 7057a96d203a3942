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
	failing  func(s *inventory.Snapshot) []Ref
}

// EndOfLifeWarning is how close to its end of life a database version
// counts as a finding; ExpiryWarning, how close to its expiry a
// certificate; BackupAge, how old the newest backup of a database may be.
const (
	EndOfLifeWarning = 90 * 24 * time.Hour
	ExpiryWarning    = 30 * 24 * time.Hour
	BackupAge        = 36 * time.Hour
)

// Checks lists every check, in the order docs/posture.md explains them: the
// security checks, then the waste reasons.
var Checks = append([]Check{
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
	{"project_default_holds_resources", "low",
		[]string{inventory.KindProjects, inventory.KindProjectResources}, defaultProjectHoldsResources},
}, wasteChecks()...)

// Result is which resources fail one check, and how many.
type Result struct {
	Check
	Failures int
	Failing  []Ref
}

// Evaluate runs every check whose lists are known in s.
func Evaluate(s *inventory.Snapshot) []Result {
	var results []Result
	for _, c := range Checks {
		if slices.ContainsFunc(c.Needs, func(kind string) bool { return !s.Status[kind].Known() }) {
			continue
		}
		failing := c.failing(s)
		results = append(results, Result{Check: c, Failures: len(failing), Failing: failing})
	}
	return results
}

func publicWithoutFirewall(s *inventory.Snapshot) []Ref {
	coverage := NewCoverage(s)
	return failing(inventory.Droplets.Of(s), dropletRef, func(d *inventory.Droplet) bool { return Public(d) && !coverage.Protected(d.ID) })
}

func adminPortOpenToWorld(s *inventory.Snapshot) []Ref {
	return failing(inventory.Firewalls.Of(s), firewallRef, func(f *inventory.Firewall) bool {
		return slices.ContainsFunc(f.InboundRules, func(r inventory.FirewallRule) bool {
			return OpenToWorld(r) && OpensAdminPort(r)
		})
	})
}

func databaseOpenToAnyAddress(s *inventory.Snapshot) []Ref {
	trustedSources := inventory.DatabaseTrustedSources.Of(s)
	return failing(inventory.Databases.Of(s), databaseRef, func(d *inventory.Database) bool {
		n, known := trustedSources[d.ID]
		return known && n == 0
	})
}

func kubernetesUpgradeAvailable(s *inventory.Snapshot) []Ref {
	upgrades := inventory.KubernetesUpgrades.Of(s)
	return failing(inventory.Clusters.Of(s), clusterRef, func(c *inventory.Cluster) bool { return len(upgrades[c.ID]) > 0 })
}

// databaseEndOfLifeSoon finds the databases whose versions are past or
// within EndOfLifeWarning of their end of life, as of when the databases
// were listed.
func databaseEndOfLifeSoon(s *inventory.Snapshot) []Ref {
	deadline := s.Status[inventory.KindDatabases].LastSuccess.Add(EndOfLifeWarning)
	return failing(inventory.Databases.Of(s), databaseRef, func(d *inventory.Database) bool {
		return !d.VersionEndOfLife.IsZero() && d.VersionEndOfLife.Before(deadline)
	})
}

func loadBalancerHTTPWithoutRedirect(s *inventory.Snapshot) []Ref {
	return failing(inventory.LoadBalancers.Of(s), loadBalancerRef, ServesPlainHTTP)
}

func dropletBackupsDisabled(s *inventory.Snapshot) []Ref {
	return failing(inventory.Droplets.Of(s), dropletRef, func(d *inventory.Droplet) bool { return !d.Backups })
}

// dropletWithoutMonitoringAgent finds the Droplets whose list entry does
// not name the monitoring feature: no metrics, no alert policy will fire.
func dropletWithoutMonitoringAgent(s *inventory.Snapshot) []Ref {
	return failing(inventory.Droplets.Of(s), dropletRef, func(d *inventory.Droplet) bool { return !d.MonitoringAgent })
}

// dropletWithoutAlertPolicy finds the Droplets that no enabled alert
// policy of a Droplet metric watches, by ID or through a tag.
func dropletWithoutAlertPolicy(s *inventory.Snapshot) []Ref {
	watchers := inventory.NewDropletWatchers(inventory.AlertPolicies.Of(s))
	return failing(inventory.Droplets.Of(s), dropletRef, func(d *inventory.Droplet) bool { return watchers.Count(d) == 0 })
}

// spacesKeyFullAccess finds the Spaces keys that may do anything to every
// bucket, where a key limited to the buckets it needs would do.
func spacesKeyFullAccess(s *inventory.Snapshot) []Ref {
	return failing(inventory.SpacesKeys.Of(s), spacesKeyRef, (*inventory.SpacesKey).HasFullAccess)
}

// databaseBackupStale finds the databases whose newest backup was taken
// more than BackupAge before their backups were read, or that have none;
// a Caching cluster, which is not backed up, is not counted.
func databaseBackupStale(s *inventory.Snapshot) []Ref {
	backups := inventory.DatabaseBackups.Of(s)
	oldest := s.Status[inventory.KindDatabaseBackups].LastSuccess.Add(-BackupAge)
	return failing(inventory.Databases.Of(s), databaseRef, func(d *inventory.Database) bool {
		b, known := backups[d.ID]
		return known && b.Newest.Before(oldest)
	})
}

// genAIAgentPublic finds the GenAI agents anyone may reach.
func genAIAgentPublic(s *inventory.Snapshot) []Ref {
	return failing(inventory.GenAIAgents.Of(s), genAIAgentRef, func(a *inventory.GenAIAgent) bool {
		return a.Visibility == inventory.PublicVisibility
	})
}

// defaultProjectHoldsResources finds the resources the default project
// holds: nobody assigned them to a project, so nobody is known to own
// them. They are named as their workloads are, where the exporter lists
// their kind.
func defaultProjectHoldsResources(s *inventory.Snapshot) []Ref {
	project := inventory.DefaultProject(s)
	if project == nil {
		return nil
	}
	var refs []Ref
	names := workloadNames(s)
	for _, r := range inventory.ProjectResources.Of(s)[project.ID] {
		ref := Ref{Kind: r.Kind(), ID: r.ID, Name: r.ID}
		if name, ok := names(ref.Kind, ref.ID); ok {
			ref.Name = name
		}
		refs = append(refs, ref)
	}
	return refs
}

// certificateExpiresSoon finds certificates that expire within
// ExpiryWarning of when they were listed, or have expired.
func certificateExpiresSoon(s *inventory.Snapshot) []Ref {
	expiring := expiringCertificates(s)
	return failing(inventory.Certificates.Of(s), certificateRef, func(c *inventory.Certificate) bool { return expiring[c.ID] })
}

func certificateError(s *inventory.Snapshot) []Ref {
	return failing(inventory.Certificates.Of(s), certificateRef, func(c *inventory.Certificate) bool { return c.State == "error" })
}

// loadBalancerCertificateExpiresSoon finds load balancers with a rule
// that terminates TLS with a certificate expiring soon, or expired.
func loadBalancerCertificateExpiresSoon(s *inventory.Snapshot) []Ref {
	expiring := expiringCertificates(s)
	return failing(inventory.LoadBalancers.Of(s), loadBalancerRef, func(lb *inventory.LoadBalancer) bool {
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

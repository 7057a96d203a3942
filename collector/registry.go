package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Factory describes one collector that can be switched on or off with
// --[no-]collector.<Name>.
type Factory struct {
	Name             string
	EnabledByDefault bool
	Help             string
	// Kinds are the inventory kinds the collector reads and needs kept
	// listed; none for a collector that reads whatever is listed.
	Kinds []string
	New   func(inventory.Source) prometheus.Collector
}

// Names of the collectors that read other collectors' lists.
const (
	TagsName    = "tags"
	PostureName = "posture"
)

// Factories lists every switchable collector. Nothing changes it at run time.
var Factories = []Factory{
	{inventory.KindAccount, true, "the account and its team",
		[]string{inventory.KindAccount}, newAccountCollector},
	{inventory.KindDroplets, true, "Droplets, GPU Droplets included",
		[]string{inventory.KindDroplets}, newDropletCollector},
	{inventory.KindKubernetes, true, "Kubernetes clusters, node pools, nodes, available upgrades, node pool prices " +
		"and clusterlint diagnostics", []string{inventory.KindKubernetes, inventory.KindKubernetesUpgrades,
		inventory.KindKubernetesClusterlint, inventory.KindSizes}, newKubernetesCollector},
	{inventory.KindDatabases, true, "managed database clusters, their trusted sources, end of life, backups and replicas",
		[]string{inventory.KindDatabases, inventory.KindDatabaseTrustedSources, inventory.KindDatabaseBackups,
			inventory.KindDatabaseReplicas}, newDatabaseCollector},
	{inventory.KindApps, true, "App Platform apps, their components and prices",
		[]string{inventory.KindApps, inventory.KindAppInstanceSizes}, newAppCollector},
	{inventory.KindFirewalls, true, "Cloud Firewalls, the Droplets they cover and rules open to the world",
		[]string{inventory.KindFirewalls, inventory.KindDroplets}, newFirewallCollector},
	{inventory.KindLoadBalancers, true, "load balancers and their forwarding rules",
		[]string{inventory.KindLoadBalancers, inventory.KindDroplets}, newLoadBalancerCollector},
	{inventory.KindVolumes, true, "block storage volumes and the Droplets they are attached to",
		[]string{inventory.KindVolumes}, newVolumeCollector},
	{inventory.KindSnapshots, true, "snapshots of Droplets and volumes",
		[]string{inventory.KindSnapshots}, newSnapshotCollector},
	{inventory.KindImages, true, "the account's own images: snapshots, backups and custom images",
		[]string{inventory.KindImages}, newImageCollector},
	{inventory.KindReservedIPs, true, "reserved IPv4 and IPv6 addresses and the Droplets they are assigned to",
		[]string{inventory.KindReservedIPs}, newReservedIPCollector},
	{inventory.KindCertificates, true, "TLS certificates, their state and expiry",
		[]string{inventory.KindCertificates}, newCertificateCollector},
	{inventory.KindVPCs, true, "VPCs, their NAT gateways and peerings",
		[]string{inventory.KindVPCs, inventory.KindVPCNATGateways, inventory.KindVPCPeerings}, newVPCCollector},
	{inventory.KindDomains, true, "DNS zones and their records by type",
		[]string{inventory.KindDomains, inventory.KindDomainRecords}, newDomainCollector},
	{inventory.KindCDN, true, "CDN endpoints in front of Spaces buckets",
		[]string{inventory.KindCDN}, newCDNCollector},
	{inventory.KindDropletMetrics, false, "Droplet CPU, memory, filesystem, load and bandwidth from the Monitoring API, " +
		"one request per metric per Droplet (see --monitoring.*)", []string{inventory.KindDropletMetrics}, newDropletMetricsCollector},
	{inventory.KindAppMetrics, false, "CPU, memory and restarts of app components from the Monitoring API, three requests an app",
		[]string{inventory.KindAppMetrics}, newAppMetricsCollector},
	{inventory.KindLoadBalancerMetrics, false, "connections, HTTP responses and backend health of load balancers from the " +
		"Monitoring API, three requests a load balancer", []string{inventory.KindLoadBalancerMetrics}, newLoadBalancerMetricsCollector},
	{inventory.KindProjects, true, "projects and the resources each holds",
		[]string{inventory.KindProjects, inventory.KindProjectResources}, newProjectCollector},
	{inventory.KindRegistry, true, "container registries, their storage against the tier, and their repositories",
		[]string{inventory.KindRegistry, inventory.KindRegistryRepositories}, newRegistryCollector},
	{inventory.KindUptime, false, "uptime checks and their state in each region (one request per check)",
		[]string{inventory.KindUptime, inventory.KindUptimeCheckStates}, newUptimeCollector},
	{inventory.KindAlertPolicies, true, "alert policies of DigitalOcean Monitoring, and the Droplets none watches",
		[]string{inventory.KindAlertPolicies, inventory.KindDroplets}, newAlertPolicyCollector},
	{inventory.KindAutoscale, true, "Droplet autoscale pools against their bounds",
		[]string{inventory.KindAutoscale}, newAutoscaleCollector},
	{KeysName, true, "SSH keys and Spaces access keys (never a secret)",
		[]string{inventory.KindSSHKeys, inventory.KindSpacesKeys}, newKeyCollector},
	{inventory.KindSecurityScan, true, "DigitalOcean's own security scan: its latest findings, or that scanning is not enabled",
		[]string{inventory.KindSecurityScan}, newSecurityScanCollector},
	{inventory.KindNFS, false, "NFS shares (one request per region with a VPC)",
		[]string{inventory.KindNFS}, newNFSCollector},
	{inventory.KindGenAI, false, "GenAI agents, their models and visibility",
		[]string{inventory.KindGenAI}, newGenAICollector},
	{inventory.KindFunctions, false, "Functions namespaces (never their keys)",
		[]string{inventory.KindFunctions}, newFunctionsCollector},
	{TagsName, true, "resources per tag, over the enabled kinds", nil, newTagCollector},
	{PostureName, true, "security posture findings, over the enabled kinds", nil, newPostureCollector},
	{CostName, true, "list prices by kind, region and tag, and waste, over the enabled kinds", nil, newCostCollector},
	{BillingName, true, "the balance, what was billed this month by SKU, region and group, and the budget",
		[]string{inventory.KindBalance, inventory.KindBillingInsights}, newBillingCollector},
}

// Collectors returns the health collector and every enabled collector.
func Collectors(src inventory.Source, enabled func(name string) bool) []prometheus.Collector {
	collectors := []prometheus.Collector{newHealthCollector(src)}
	for _, f := range Factories {
		if enabled(f.Name) {
			collectors = append(collectors, f.New(src))
		}
	}
	return collectors
}

// reads lists the inventory kinds the collector's metrics depend on: for
// one that reads whatever is listed, every kind but the monitored ones,
// which publish after each resource they read.
func (f Factory) reads() []string {
	if len(f.Kinds) > 0 {
		return f.Kinds
	}
	return inventory.ListedKinds()
}

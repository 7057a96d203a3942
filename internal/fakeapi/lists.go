package fakeapi

// The names of the lists an Account holds, the routes that serve them and
// the sizes Generate makes them in.
const (
	Droplets      = "droplets"     // GET /v2/droplets: the plain list, without GPU droplets
	GPUDroplets   = "gpu_droplets" // GET /v2/droplets?type=gpus
	Clusters      = "kubernetes_clusters"
	Databases     = "databases" // not paginated
	Apps          = "apps"
	Firewalls     = "firewalls"
	LoadBalancers = "load_balancers"
	Volumes       = "volumes"
	Snapshots     = "snapshots"
	Images        = "images" // GET /v2/images?private=true: the account's own images only
	ReservedIPs   = "reserved_ips"
	ReservedIPv6s = "reserved_ipv6s"
	Certificates  = "certificates"

	VPCs           = "vpcs"
	VPCNATGateways = "vpc_nat_gateways"
	VPCPeerings    = "vpc_peerings"
	Domains        = "domains"
	CDNEndpoints   = "cdn_endpoints"

	// Lists per object of another list, by that object's id.
	DatabaseFirewalls  = "database_firewalls"  // GET /v2/databases/{id}/firewall: "rules"
	KubernetesUpgrades = "kubernetes_upgrades" // GET /v2/kubernetes/clusters/{id}/upgrades: null for none

	DomainRecords = "domain_records" // GET /v2/domains/{name}/records, paged

	// The platform's price lists: the same for every account, whatever it holds.
	Sizes            = "sizes"              // GET /v2/sizes: Droplet and node sizes with their prices
	AppInstanceSizes = "app_instance_sizes" // GET /v2/apps/tiers/instance_sizes, not paginated

	// Billing, served by routes of their own that read the clock (billing.go).
	Balance         = "balance"          // GET /v2/customers/my/balance: one object, the whole body
	BillingInsights = "billing_insights" // one day's data points, served for each day asked

	DatabaseBackups       = "database_backups"       // GET /v2/databases/{id}/backups: "backups", not paginated
	KubernetesClusterlint = "kubernetes_clusterlint" // GET /v2/kubernetes/clusters/{id}/clusterlint: the latest run's "diagnostics"
	DatabaseReplicas      = "database_replicas"      // GET /v2/databases/{id}/replicas: "replicas", not paginated

	Projects         = "projects"
	ProjectResources = "project_resources" // GET /v2/projects/{id}/resources, paged; after every list a project holds

	Registries           = "registries"            // GET /v2/registries, not paginated
	RegistryRepositories = "registry_repositories" // GET /v2/registries/{name}/repositoriesV2, paged by page_token; Generate's size is per registry
	UptimeChecks         = "uptime_checks"
	UptimeCheckStates    = "uptime_check_states" // GET /v2/uptime/checks/{id}/state: one object
	AlertPolicies        = "alert_policies"      // GET /v2/monitoring/alerts
	AutoscalePools       = "autoscale_pools"     // GET /v2/droplets/autoscale
	SSHKeys              = "ssh_keys"            // GET /v2/account/keys
	SpacesKeys           = "spaces_keys"
	SecurityScans        = "security_scans" // GET /v2/security/scans/latest: the first, one object; 404 when there is none
	NFSShares            = "nfs_shares"     // GET /v2/nfs?region=: the shares of one region, not paginated
	GenAIAgents          = "genai_agents"
	FunctionsNamespaces  = "functions_namespaces" // not paginated
)

// list is one list the fake serves: its route, how it answers, where its
// example objects come from, and how Demo and Generate make its objects.
// A list of a parent is served per object of the parent list, at a path
// with {id}, and Account.ByID holds it by the parent object's id.
type list struct {
	name  string
	path  string // such as /v2/volumes, or /v2/databases/{id}/firewall
	key   string // the JSON key of the list in the body
	query string // key=value: serve this list to requests that have it; another of the path otherwise, or none
	whole bool   // not paginated: every item, with no links or meta
	// tokens names the pages past the first by a page_token in the next
	// link, which a request for them must give.
	tokens bool
	// object serves the list's first item alone, {"key": {...}}, as the API
	// serves a single object (a subscription, the state of a check); not
	// found when the list is empty.
	object bool
	// pages is the field of a single object whose items page and per_page
	// select, as the latest security scan pages its findings.
	pages string
	// filter is a query parameter the request must have, and that selects
	// the objects whose field of that name has its value (NFS shares by
	// region).
	filter string
	// nullWhenNone sends null for a parent object the fake holds no list
	// for, where the API does so; an empty list otherwise.
	nullWhenNone bool
	parent       string // the list whose objects this one belongs to; "" for a list of its own
	parentKey    string // the field of a parent object its path names; "id" when ""
	example      string // the API's example response it comes from, if any
	demo         int    // how many objects the --demo account has; a list of a parent has one per parent object
	// make builds object i (for a list of a parent, the list of parent
	// object i; nil for none).
	make    func(b builder, i int) map[string]any
	makeFor func(b builder, i int) []map[string]any
	// makeAll builds the whole list at once, from the lists before it in
	// the table, for a list that follows from the account (its bill) or is
	// the platform's (a price list) rather than a number of objects.
	makeAll func(b builder, a Account) []map[string]any
}

// lists are every list the fake serves. Adding a kind is a file with its
// builder, and a line here.
var lists = []list{
	{name: Droplets, path: "/v2/droplets", key: "droplets", example: "droplets.json", demo: 42, make: builder.droplet},
	{name: GPUDroplets, path: "/v2/droplets", key: "droplets", query: "type=gpus", example: "droplets.gpu_droplets.json",
		demo: 1, make: builder.gpuDroplet},
	{name: Clusters, path: "/v2/kubernetes/clusters", key: "kubernetes_clusters", example: "kubernetes_clusters.json",
		demo: 3, make: builder.cluster},
	{name: Databases, path: "/v2/databases", key: "databases", whole: true, example: "databases.json", demo: 5,
		make: builder.database},
	{name: Apps, path: "/v2/apps", key: "apps", example: "apps.json", demo: 6, make: builder.app},
	{name: Firewalls, path: "/v2/firewalls", key: "firewalls", example: "firewalls.json", demo: len(firewallPolicies),
		make: builder.firewall},
	{name: LoadBalancers, path: "/v2/load_balancers", key: "load_balancers", example: "load_balancers.json",
		demo: len(lbPolicies), make: builder.loadBalancer},
	{name: Volumes, path: "/v2/volumes", key: "volumes", example: "volumes.json", demo: 2 * len(volumePurposes),
		make: builder.volume},
	{name: Snapshots, path: "/v2/snapshots", key: "snapshots", example: "snapshots.json", demo: 2 * len(snapshotPlans),
		make: builder.snapshot},
	{name: Images, path: "/v2/images", key: "images", query: "private=true", example: "images.json",
		demo: len(imagePlans), make: builder.image},
	{name: ReservedIPs, path: "/v2/reserved_ips", key: "reserved_ips", example: "reserved_ips.json",
		demo: 2 * len(reservedIPv4Plans), make: builder.reservedIPv4},
	{name: ReservedIPv6s, path: "/v2/reserved_ipv6", key: "reserved_ipv6s", example: "reserved_ipv6.json",
		demo: len(reservedIPv6Plans), make: builder.reservedIPv6},
	{name: Certificates, path: "/v2/certificates", key: "certificates", example: "certificates.json",
		demo: len(certificatePlans), make: builder.certificate},

	{name: VPCs, path: "/v2/vpcs", key: "vpcs", example: "vpcs.json", demo: len(regions) + len(customVPCs), make: builder.vpc},
	{name: VPCNATGateways, path: "/v2/vpc_nat_gateways", key: "vpc_nat_gateways", example: "vpc_nat_gateways.json",
		demo: len(natPolicies), make: builder.natGateway},
	{name: VPCPeerings, path: "/v2/vpc_peerings", key: "vpc_peerings", example: "vpc_peerings.json",
		demo: len(peeringPolicies), make: builder.vpcPeering},
	{name: Domains, path: "/v2/domains", key: "domains", example: "domains.json", demo: len(demoZones), make: builder.domain},
	{name: CDNEndpoints, path: "/v2/cdn/endpoints", key: "endpoints", example: "cdn_endpoints.json", demo: len(cdnPolicies),
		make: builder.cdnEndpoint},

	{name: DatabaseFirewalls, path: "/v2/databases/{id}/firewall", key: "rules", whole: true, parent: Databases,
		example: "databases_firewall.json", makeFor: builder.trustedSources},
	{name: KubernetesUpgrades, path: "/v2/kubernetes/clusters/{id}/upgrades", key: "available_upgrade_versions",
		whole: true, nullWhenNone: true, parent: Clusters, example: "kubernetes_upgrades.json", makeFor: builder.upgrades},

	{name: DomainRecords, path: "/v2/domains/{id}/records", key: "domain_records", parent: Domains, parentKey: "name",
		example: "domain_records.json", makeFor: builder.domainRecords},

	{name: Sizes, path: "/v2/sizes", key: "sizes", example: "sizes.json", makeAll: builder.sizes},
	{name: AppInstanceSizes, path: "/v2/apps/tiers/instance_sizes", key: "instance_sizes", whole: true,
		example: "apps_instance_sizes.json", makeAll: builder.appInstanceSizes},
	// No path: billing.go serves them. The balance example is the body itself.
	{name: Balance, example: "balance.json", makeAll: builder.balance},
	{name: BillingInsights, key: "data_points", example: "billing_insights.json", makeAll: builder.billingDay},

	{name: KubernetesClusterlint, path: "/v2/kubernetes/clusters/{id}/clusterlint", key: "diagnostics", whole: true,
		parent: Clusters, example: "kubernetes_clusterlint.json", makeFor: builder.clusterlint},
	{name: DatabaseBackups, path: "/v2/databases/{id}/backups", key: "backups", whole: true, parent: Databases,
		makeFor: builder.backups},
	{name: DatabaseReplicas, path: "/v2/databases/{id}/replicas", key: "replicas", whole: true, parent: Databases,
		makeFor: builder.replicas},

	{name: Projects, path: "/v2/projects", key: "projects", example: "projects.json", demo: len(demoProjects), make: builder.project},
	{name: ProjectResources, path: "/v2/projects/{id}/resources", key: "resources", parent: Projects,
		example: "project_resources.json", makeFor: builder.projectResources},
	{name: Registries, path: "/v2/registries", key: "registries", whole: true, example: "registries.json",
		demo: len(demoRegistries), make: builder.registry},
	{name: RegistryRepositories, path: "/v2/registries/{id}/repositoriesV2", key: "repositories", tokens: true,
		parent: Registries, parentKey: "name", example: "registry_repositories_v2.json", makeFor: builder.repositories},
	{name: UptimeChecks, path: "/v2/uptime/checks", key: "checks", example: "uptime_checks.json", demo: len(uptimePlans),
		make: builder.uptimeCheck},
	{name: UptimeCheckStates, path: "/v2/uptime/checks/{id}/state", key: "state", object: true, parent: UptimeChecks,
		example: "uptime_check_state.json", makeFor: builder.uptimeState},
	{name: AlertPolicies, path: "/v2/monitoring/alerts", key: "policies", example: "monitoring_alert_policies.json",
		demo: len(alertPolicyPlans), make: builder.alertPolicy},
	{name: AutoscalePools, path: "/v2/droplets/autoscale", key: "autoscale_pools", example: "droplet_autoscale_pools.json",
		demo: len(autoscalePlans), make: builder.autoscalePool},
	{name: SSHKeys, path: "/v2/account/keys", key: "ssh_keys", example: "ssh_keys.json", demo: len(demoSSHKeys), make: builder.sshKey},
	{name: SpacesKeys, path: "/v2/spaces/keys", key: "keys", example: "spaces_keys.json", demo: len(spacesKeyPlans),
		make: builder.spacesKey},
	{name: SecurityScans, path: "/v2/security/scans/latest", key: "scan", object: true, pages: "findings", example: "security_scan_latest.json",
		demo: 1, make: builder.securityScan},
	{name: NFSShares, path: "/v2/nfs", key: "shares", whole: true, filter: "region", example: "nfs.json", demo: len(nfsPlans),
		make: builder.nfsShare},
	{name: GenAIAgents, path: "/v2/gen-ai/agents", key: "agents", example: "genai_agents.json", demo: len(genAIPlans),
		make: builder.genAIAgent},
	{name: FunctionsNamespaces, path: "/v2/functions/namespaces", key: "namespaces", whole: true,
		example: "functions_namespaces.json", demo: len(functionsPlans), make: builder.functionsNamespace},
}

// listNamed returns the list called name.
func listNamed(name string) *list {
	for i := range lists {
		if lists[i].name == name {
			return &lists[i]
		}
	}
	panic("fakeapi: no list " + name)
}

// idOfParent is what a parent object's path names: its id, or the field
// the list says.
func (l *list) idOfParent(object map[string]any) string {
	if l.parentKey == "" {
		return idOf(object)
	}
	id, _ := object[l.parentKey].(string)
	return id
}

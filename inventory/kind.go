package inventory

import (
	"context"
	"slices"

	"github.com/digitalocean/godo"
)

// Kind describes one resource kind once: how the refresher lists it, and
// how pages, drift and tag counts see its objects. Each kind's file
// declares its descriptor (a List or a Detail); collectors read the typed
// list through the descriptor's Of method, everyone else through Workloads.
type Kind struct {
	name    string
	label   string  // how a person calls its objects: "Droplets"
	scope   string  // the read scope a custom-scoped token needs for it
	parent  string  // read with one request per object of this kind
	detail  bool    // refreshed on the slower detail cadence
	columns Columns // the common workload fields its objects fill
	// urn is the type the API's URNs give its objects (droplet in
	// do:droplet:123); "" for a kind no URN names.
	urn string
	// load fetches the kind and maps it; it may read the current snapshot,
	// which it must not change.
	load func(context.Context, *godo.Client, *Snapshot) (any, error)
	// project turns a loaded list into workloads; nil for kinds that are
	// not workloads (the account, per-object details).
	project func(list any) []Workload
	// unique keeps the first object of each ID and tells how many it
	// dropped; nil for a kind whose objects have no ID (the account).
	unique     func(list any) (any, int)
	attributes []string // the keys of Workload.Attributes, in column order
	compared   []string // the attributes whose change drift counts
	// monitor reads a monitored kind, on its own cadence, in place of load.
	monitor monitorKind
}

// Name is the kind's name: the collector flag, the resource label and the
// kind label alike.
func (k *Kind) Name() string { return k.name }

// Label is how a person calls the kind's objects, such as "Droplets".
func (k *Kind) Label() string { return k.label }

// Scope is the read scope a custom-scoped token needs for the kind.
func (k *Kind) Scope() string { return k.scope }

// Parent is the kind whose objects this one is read for, one request each;
// "" for a kind listed on its own.
func (k *Kind) Parent() string { return k.parent }

// IsDetail tells whether the kind is refreshed on the slower detail
// cadence (--refresh.detail-interval).
func (k *Kind) IsDetail() bool { return k.detail }

// IsWorkload tells whether the kind's objects are workloads: shown on the
// page and in /inventory, followed by drift and counted by tag.
func (k *Kind) IsWorkload() bool { return k.project != nil }

// URNType is the type the API's URNs give the kind's objects (droplet
// in do:droplet:123), or "".
func (k *Kind) URNType() string { return k.urn }

// Has tells whether the kind's workloads fill all of the columns c.
func (k *Kind) Has(c Columns) bool { return k.columns&c == c }

// AttributeKeys are the keys the kind's workloads may have in Attributes,
// in the order a table shows them.
func (k *Kind) AttributeKeys() []string { return k.attributes }

// Compared tells whether drift counts a change of the attribute key.
func (k *Kind) Compared(key string) bool { return slices.Contains(k.compared, key) }

// Workloads is the projection of the kind's list in s, shared by every
// reader, who must not change it; nil when the kind is not a workload or
// was never listed.
func (k *Kind) Workloads(s *Snapshot) []Workload { return s.workloads[k.name] }

// kinds lists every kind the refresher knows, in the order pages show
// them; the account comes first because digitalocean_up depends on it.
// Adding a kind is a file declaring its descriptor, and a line here.
var kinds = []*Kind{
	Account.Kind,
	Droplets.Kind,
	Clusters.Kind,
	Databases.Kind,
	Apps.Kind,
	Firewalls.Kind,
	LoadBalancers.Kind,
	Volumes.Kind,
	ResourceSnapshots.Kind,
	Images.Kind,
	ReservedIPs.Kind,
	Certificates.Kind,
	VPCs.Kind,
	VPCNATGateways.Kind,
	VPCPeerings.Kind,
	Domains.Kind,
	CDNEndpoints.Kind,
	Sizes.Kind,
	AppInstanceSizes.Kind,
	Balances.Kind,
	DatabaseTrustedSources.Kind,
	DatabaseBackups.Kind,
	DatabaseReplicas.Kind,
	KubernetesUpgrades.Kind,
	KubernetesClusterlint.Kind,

	DomainRecords.Kind,
	BillingInsights.Kind,

	DropletMetrics.Kind,
	AppMetrics.Kind,
	LoadBalancerMetrics.Kind,

	Projects.Kind,
	ProjectResources.Kind,
	Registries.Kind,
	RegistryRepositories.Kind,
	UptimeChecks.Kind,
	UptimeCheckStates.Kind,
	AlertPolicies.Kind,
	AutoscalePools.Kind,
	SSHKeys.Kind,
	SpacesKeys.Kind,
	SecurityScans.Kind,
	NFSShares.Kind,
	GenAIAgents.Kind,
	FunctionsNamespaces.Kind,
}

// Kinds names every kind that can be refreshed, in order.
func Kinds() []string { return Names(kinds) }

// Names lists the names of kinds, in their order.
func Names(kinds []*Kind) []string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.name
	}
	return names
}

// WorkloadKinds are the kinds whose objects are workloads, in the order pages
// show them.
func WorkloadKinds() []*Kind {
	var workloads []*Kind
	for _, k := range kinds {
		if k.IsWorkload() {
			workloads = append(workloads, k)
		}
	}
	return workloads
}

// KindOfURNType is the kind that declares a URN type (droplets for
// droplet, as in do:droplet:123); a type no kind declares is its own kind
// (space, for a Spaces bucket).
func KindOfURNType(urnType string) string {
	if i := slices.IndexFunc(kinds, func(k *Kind) bool { return k.urn == urnType }); i >= 0 {
		return kinds[i].name
	}
	return urnType
}

// KindNamed returns the kind called name, or nil.
func KindNamed(name string) *Kind {
	if i := slices.IndexFunc(kinds, func(k *Kind) bool { return k.name == name }); i >= 0 {
		return kinds[i]
	}
	return nil
}

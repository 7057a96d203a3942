package inventory

import (
	"context"

	"github.com/digitalocean/godo"
)

// resource is one kind of workload the refresher keeps listed.
type resource struct {
	kind  string
	scope string // the read scope a custom-scoped token needs for it
	// parent is set for kinds read with one request per object of the
	// parent kind; they wait for the parent's list and refresh more slowly.
	parent string
	// load fetches the kind and returns how to put it in a snapshot; it
	// may read the current snapshot, which it must not change.
	load func(context.Context, *godo.Client, *Snapshot) (apply func(*Snapshot), err error)
}

// resources lists every kind the refresher knows; the account comes first
// because digitalocean_up depends on it.
var resources = []resource{
	{KindAccount, "account:read", "", loader(fromList(fetchAccount), mapAccount, func(s *Snapshot, a *AccountInfo) { s.Info = a })},
	{KindDroplets, "droplet:read", "", loader(fromList(fetchDroplets), mapDroplets, func(s *Snapshot, d []Droplet) { s.Droplets = d })},
	{KindKubernetes, "kubernetes:read", "", loader(fromList(fetchClusters), mapClusters, func(s *Snapshot, c []Cluster) { s.Clusters = c })},
	{KindDatabases, "database:read", "", loader(fromList(fetchDatabases), mapDatabases, func(s *Snapshot, d []Database) { s.Databases = d })},
	{KindApps, "app:read", "", loader(fromList(fetchApps), mapApps, func(s *Snapshot, a []App) { s.Apps = a })},
	{KindFirewalls, "firewall:read", "", loader(fromList(fetchFirewalls), mapFirewalls, func(s *Snapshot, f []Firewall) { s.Firewalls = f })},
	{KindLoadBalancers, "load_balancer:read", "", loader(fromList(fetchLoadBalancers), mapLoadBalancers, func(s *Snapshot, l []LoadBalancer) { s.LoadBalancers = l })},
	{KindDatabaseTrustedSources, "database:read", KindDatabases, loader(fetchTrustedSources, mapTrustedSources, func(s *Snapshot, t map[string]int) { s.TrustedSources = t })},
	{KindKubernetesUpgrades, "kubernetes:read", KindKubernetes, loader(fetchUpgrades, mapUpgrades, func(s *Snapshot, u map[string][]string) { s.Upgrades = u })},
}

// Kinds lists the resource kinds that can be refreshed.
func Kinds() []string {
	kinds := make([]string, len(resources))
	for i, r := range resources {
		kinds[i] = r.kind
	}
	return kinds
}

type fetchFunc[Raw any] func(context.Context, *godo.Client, *Snapshot) (Raw, error)

// fromList adapts the fetch of a list, which needs no snapshot.
func fromList[Raw any](fetch func(context.Context, *godo.Client) (Raw, error)) fetchFunc[Raw] {
	return func(ctx context.Context, c *godo.Client, _ *Snapshot) (Raw, error) { return fetch(ctx, c) }
}

// loader joins a kind's I/O half and its pure mapping half.
func loader[Raw, Mapped any](fetch fetchFunc[Raw], mapping func(Raw) Mapped, set func(*Snapshot, Mapped),
) func(context.Context, *godo.Client, *Snapshot) (func(*Snapshot), error) {
	return func(ctx context.Context, c *godo.Client, current *Snapshot) (func(*Snapshot), error) {
		raw, err := fetch(ctx, c, current)
		if err != nil {
			return nil, err
		}
		mapped := mapping(raw)
		return func(s *Snapshot) { set(s, mapped) }, nil
	}
}

package inventory

import (
	"context"

	"github.com/digitalocean/godo"
)

// resource is one kind of workload the refresher keeps listed.
type resource struct {
	kind string
	// load fetches the kind's list and returns how to put it in a snapshot.
	load func(context.Context, *godo.Client) (apply func(*Snapshot), err error)
}

// resources lists every kind the refresher knows; the account comes first
// because digitalocean_up depends on it.
var resources = []resource{
	{KindAccount, loader(fetchAccount, mapAccount, func(s *Snapshot, a *AccountInfo) { s.Info = a })},
	{KindDroplets, loader(fetchDroplets, mapDroplets, func(s *Snapshot, d []Droplet) { s.Droplets = d })},
	{KindKubernetes, loader(fetchClusters, mapClusters, func(s *Snapshot, c []Cluster) { s.Clusters = c })},
	{KindDatabases, loader(fetchDatabases, mapDatabases, func(s *Snapshot, d []Database) { s.Databases = d })},
	{KindApps, loader(fetchApps, mapApps, func(s *Snapshot, a []App) { s.Apps = a })},
}

// Kinds lists the resource kinds that can be refreshed.
func Kinds() []string {
	kinds := make([]string, len(resources))
	for i, r := range resources {
		kinds[i] = r.kind
	}
	return kinds
}

// loader joins a kind's I/O half and its pure mapping half.
func loader[Raw, Mapped any](
	fetch func(context.Context, *godo.Client) (Raw, error),
	mapping func(Raw) Mapped,
	set func(*Snapshot, Mapped),
) func(context.Context, *godo.Client) (func(*Snapshot), error) {
	return func(ctx context.Context, c *godo.Client) (func(*Snapshot), error) {
		raw, err := fetch(ctx, c)
		if err != nil {
			return nil, err
		}
		mapped := mapping(raw)
		return func(s *Snapshot) { set(s, mapped) }, nil
	}
}

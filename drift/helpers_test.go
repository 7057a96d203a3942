package drift

import (
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var listedAt = time.Date(2025, time.June, 1, 12, 0, 0, 0, time.UTC)

// snapshot is one account with every drift kind listed (known), holding
// the given objects.
func snapshot(account string, droplets []inventory.Droplet, clusters []inventory.Cluster,
	databases []inventory.Database, apps []inventory.App) *inventory.Snapshot {
	return inventory.NewSnapshot(account, listedAt, inventory.Droplets.With(droplets), inventory.Clusters.With(clusters),
		inventory.Databases.With(databases), inventory.Apps.With(apps))
}

// fixtureKinds are the kinds snapshot lists, in the order of Kinds.
var fixtureKinds = []string{inventory.KindDroplets, inventory.KindKubernetes, inventory.KindDatabases, inventory.KindApps}

// droplets makes a snapshot of Droplets only.
func droplets(account string, ds ...inventory.Droplet) *inventory.Snapshot {
	return snapshot(account, ds, nil, nil, nil)
}

// unlisted is a snapshot whose kinds have never been listed.
func unlisted(account string) *inventory.Snapshot {
	status := map[string]inventory.Status{}
	for _, kind := range Kinds {
		status[kind] = inventory.Status{}
	}
	return &inventory.Snapshot{Account: account, Status: status}
}

var (
	web1 = inventory.Droplet{ID: 1, Name: "web-nyc1-01", Region: "nyc1", Size: "s-1vcpu-2gb", Status: "active",
		Tags: []string{"production", "web"}}
	web2 = inventory.Droplet{ID: 2, Name: "web-nyc1-02", Region: "nyc1", Size: "s-1vcpu-2gb", Status: "active",
		Tags: []string{"production", "web"}}
	prod = inventory.Cluster{ID: "c1", Name: "prod-nyc1-01", Region: "nyc1", Version: "1.31.1-do.0", Status: "running",
		NodePools: []inventory.NodePool{{Count: 3}, {Count: 2}}}
	orders = inventory.Database{ID: "9daf34e4", Name: "orders-pg-01", Region: "nyc3", Size: "db-s-2vcpu-4gb",
		Status: "online", Engine: "pg", Version: "16", Nodes: 2, Tags: []string{"production"}}
	shop = inventory.App{ID: "a1", Name: "storefront-01", Region: "nyc", Phase: "ACTIVE", Tier: "basic"}
)

// with returns a copy of d changed by f.
func with[T any](d T, f func(*T)) T {
	f(&d)
	return d
}

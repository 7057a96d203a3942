package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	refreshedAt = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	createdAt   = time.Date(2025, 6, 7, 8, 9, 10, 0, time.UTC)
)

const hostileName = `<script>alert(1)</script>`

// fleetSnapshot is an account with two droplets (one named to attack the
// page), a cluster, a database and an app, and more lists if given, every
// kind refreshed once.
func fleetSnapshot(account string, more ...inventory.Listing) *inventory.Snapshot {
	s := inventory.NewSnapshot(account, refreshedAt, append([]inventory.Listing{
		inventory.Droplets.With([]inventory.Droplet{
			{ID: 2, Name: "web-1", Region: "nyc1", Size: "s-1vcpu-2gb", Status: "active", Image: "ubuntu-24-04-x64",
				VPCUUID: "vpc-1", PublicIPv4: "198.18.0.1", PublicIPv6: "2604:a880::1", PrivateIPv4: "10.0.0.1",
				Tags: []string{"production", "web"}, VCPUs: 1, MemoryBytes: 2 << 30, DiskBytes: 50 << 30, Created: createdAt,
				PriceMonthly: 12},
			{ID: 1, Name: hostileName, Region: "ams3", Size: "s-1vcpu-1gb", Status: "off",
				Tags: []string{`"><img src=x onerror=alert(2)>`}, VCPUs: 1},
		}),
		inventory.Clusters.With([]inventory.Cluster{{
			ID: "c-1", Name: "prod", Region: "nyc1", Version: "1.31.1-do.0", Status: "running", HA: true,
			Tags: []string{"production"}, Created: createdAt,
			NodePools: []inventory.NodePool{{ID: "p-1", Count: 3}, {ID: "p-2", Count: 2}},
		}}),
		inventory.Databases.With([]inventory.Database{{
			ID: "d-1", Name: "orders", Engine: "pg", Version: "16", Region: "nyc3", Size: "db-s-1vcpu-1gb",
			Status: "online", Nodes: 2, StorageBytes: 10 << 30, Tags: []string{"production"},
		}}),
		inventory.Apps.With([]inventory.App{{
			ID: "a-1", Name: "shop", Region: "nyc", Tier: "basic", Phase: "ACTIVE", Created: createdAt,
			Components: []inventory.Component{{Name: "web", Instances: 2}, {Name: "site"}},
		}}),
	}, more...)...)
	s.Status[inventory.KindAccount] = inventory.Status{Refreshes: 1, LastSuccess: refreshedAt}
	return s
}

// withUnknown marks kind as never listed: its last refresh failed and none worked.
func withUnknown(s *inventory.Snapshot, kind string, reason inventory.Reason) *inventory.Snapshot {
	s.Status[kind] = inventory.Status{Refreshes: 1, Reason: reason}
	return s
}

// untaggedNote is the note a tag filter over every kind gets: it names the
// workload kinds whose objects carry no tags (apps, reserved IPs...).
func untaggedNote() string {
	var untagged []string
	for _, k := range inventory.WorkloadKinds() {
		if !k.Has(inventory.HasTags) {
			untagged = append(untagged, k.Name())
		}
	}
	return strings.Join(untagged, ", ") + " carry no tags: the tag filter does not apply to them"
}

// inventoryOf serves /inventory of src, as main does.
func inventoryOf(src inventory.Source) http.Handler { return NewPages(src, PagesConfig{}).Inventory() }

// landingOf serves the landing page of src, as main does.
func landingOf(src inventory.Source, cfg LandingConfig) http.Handler {
	return NewPages(src, PagesConfig{Landing: cfg}).Landing()
}

package web

import (
	"reflect"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

func TestNewFleetFlattensEveryKind(t *testing.T) {
	fleet := newFleet([]*inventory.Snapshot{fleetSnapshot("prod")})
	byID := map[string]Row{}
	for _, r := range fleet.Workloads {
		byID[r.ID] = r
	}
	created, price := createdAt, 12.0
	for _, want := range []Row{
		{Kind: "droplets", Account: "prod", ID: "2", Name: "web-1", Region: "nyc1", Geography: "nyc", Status: "active",
			Size: "s-1vcpu-2gb", Tags: []string{"production", "web"}, Created: &created,
			PublicAddresses: []string{"198.18.0.1", "2604:a880::1"},
			Attributes: map[string]any{"vcpus": 1, "memory_bytes": int64(2 << 30), "disk_bytes": int64(50 << 30),
				"image": "ubuntu-24-04-x64", "vpc_uuid": "vpc-1", "private_ipv4": "10.0.0.1", "gpu": false,
				"backups": false, "monitoring_agent": false},
			MonthlyPrice: &price},
		{Kind: "kubernetes", Account: "prod", ID: "c-1", Name: "prod", Region: "nyc1", Geography: "nyc", Status: "running",
			Version: "1.31.1-do.0", Tags: []string{"production"}, Created: &created, PublicAddresses: []string{},
			Attributes: map[string]any{"node_pools": 2, "nodes": 5, "ha": true, "auto_upgrade": false,
				"surge_upgrade": false, "vpc_uuid": ""}},
		{Kind: "databases", Account: "prod", ID: "d-1", Name: "orders", Region: "nyc3", Geography: "nyc", Status: "online",
			Size: "db-s-1vcpu-1gb", Version: "16", Engine: "pg", Tags: []string{"production"},
			PublicAddresses: []string{}, Attributes: map[string]any{"nodes": 2, "storage_bytes": int64(10 << 30)}},
		{Kind: "apps", Account: "prod", ID: "a-1", Name: "shop", Region: "nyc", Geography: "nyc", Status: "ACTIVE",
			Tags: []string{}, Created: &created, PublicAddresses: []string{},
			Attributes: map[string]any{"tier": "basic", "components": 2, "instances": int64(2)}},
	} {
		if got := byID[want.ID]; !reflect.DeepEqual(got, want) {
			t.Errorf("row %s:\n got %+v\nwant %+v", want.ID, got, want)
		}
	}
}

func TestNewFleetOrdersByAccountKindAndName(t *testing.T) {
	fleet := newFleet([]*inventory.Snapshot{fleetSnapshot("b"), fleetSnapshot("a")})
	var got []string
	for _, r := range fleet.Workloads {
		got = append(got, r.Account+"/"+r.Kind+"/"+r.Name)
	}
	want := []string{
		"b/droplets/" + hostileName, "b/droplets/web-1", "b/kubernetes/prod", "b/databases/orders", "b/apps/shop",
		"a/droplets/" + hostileName, "a/droplets/web-1", "a/kubernetes/prod", "a/databases/orders", "a/apps/shop",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order:\n got %q\nwant %q", got, want)
	}
}

func TestNewFleetLeavesOutKindsNeverListed(t *testing.T) {
	s := withUnknown(fleetSnapshot("prod"), inventory.KindDatabases, inventory.ReasonForbidden)
	delete(s.Status, inventory.KindApps) // not enabled
	fleet := newFleet([]*inventory.Snapshot{s})
	for _, r := range fleet.Workloads {
		if r.Kind == inventory.KindDatabases || r.Kind == inventory.KindApps {
			t.Errorf("row of a kind never listed or disabled: %+v", r)
		}
	}
	var kinds []string
	for _, r := range fleet.Refreshes {
		kinds = append(kinds, r.Kind)
		if r.Kind == inventory.KindDatabases && (r.LastSuccess != nil || r.Succeeded || r.Reason != "forbidden") {
			t.Errorf("databases refresh = %+v, want no last success and reason forbidden", r)
		}
		if r.Kind == inventory.KindDroplets && (r.LastSuccess == nil || !r.LastSuccess.Equal(refreshedAt) || !r.Succeeded) {
			t.Errorf("droplets refresh = %+v, want succeeded at %s", r, refreshedAt)
		}
	}
	if want := []string{"droplets", "kubernetes", "databases"}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("refreshes of %q, want %q (the account is no workload; apps are disabled)", kinds, want)
	}
}

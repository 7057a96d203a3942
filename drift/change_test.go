package drift

import (
	"reflect"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

func TestWorkloadsFlattenEachKind(t *testing.T) {
	s := snapshot("default", []inventory.Droplet{web1}, []inventory.Cluster{prod},
		[]inventory.Database{orders}, []inventory.App{shop})
	for _, tc := range []struct {
		kind string
		want Workload
	}{
		{inventory.KindDroplets, Workload{Kind: "droplets", ID: "1", Name: "web-nyc1-01", Region: "nyc1", Geography: "nyc",
			Status: "active", Size: "s-1vcpu-2gb", Tags: []string{"production", "web"},
			Attributes: map[string]any{"backups": false}}},
		{inventory.KindKubernetes, Workload{Kind: "kubernetes", ID: "c1", Name: "prod-nyc1-01", Region: "nyc1", Geography: "nyc",
			Status: "running", Version: "1.31.1-do.0", Attributes: map[string]any{"nodes": 5}}},
		{inventory.KindDatabases, Workload{Kind: "databases", ID: "9daf34e4", Name: "orders-pg-01", Region: "nyc3",
			Geography: "nyc", Status: "online", Size: "db-s-2vcpu-4gb", Version: "16", Engine: "pg",
			Tags: []string{"production"}, Attributes: map[string]any{"nodes": 2}}},
		{inventory.KindApps, Workload{Kind: "apps", ID: "a1", Name: "storefront-01", Region: "nyc", Geography: "nyc",
			Status: "ACTIVE"}},
	} {
		got := Workloads(s, tc.kind)
		if len(got) != 1 {
			t.Fatalf("%s: %d workloads, want 1", tc.kind, len(got))
		}
		if compared := comparedOnly(got[0]); !reflect.DeepEqual(compared, tc.want) {
			t.Errorf("%s: what drift compares\n got %+v\nwant %+v", tc.kind, compared, tc.want)
		}
	}
	if got := Workloads(s, inventory.KindFirewalls); got != nil {
		t.Errorf("firewalls are not followed, got %+v", got)
	}
}

// comparedOnly keeps of w the attributes drift compares.
func comparedOnly(w Workload) Workload {
	k := inventory.KindNamed(w.Kind)
	attributes := w.Attributes
	w.Attributes = nil
	for key, v := range attributes {
		if k.Compared(key) {
			if w.Attributes == nil {
				w.Attributes = map[string]any{}
			}
			w.Attributes[key] = v
		}
	}
	return w
}

func TestCompare(t *testing.T) {
	dropletsOf := func(ds ...inventory.Droplet) []Workload { return Workloads(droplets("default", ds...), "droplets") }
	one := func(w []Workload) Workload { return w[0] }
	for _, tc := range []struct {
		name          string
		before, after []Workload
		want          []Change
	}{
		{"nothing changed", dropletsOf(web1, web2), dropletsOf(web1, web2), nil},
		{"added", dropletsOf(web1), dropletsOf(web1, web2),
			[]Change{{Type: Added, Workload: one(dropletsOf(web2))}}},
		{"removed", dropletsOf(web1, web2), dropletsOf(web2),
			[]Change{{Type: Removed, Workload: one(dropletsOf(web1))}}},
		{"resized and powered off", dropletsOf(web1),
			dropletsOf(with(web1, func(d *inventory.Droplet) { d.Size, d.Status = "s-2vcpu-4gb", "off" })),
			[]Change{{Type: Modified,
				Workload: one(dropletsOf(with(web1, func(d *inventory.Droplet) { d.Size, d.Status = "s-2vcpu-4gb", "off" }))),
				Fields:   []FieldChange{{"size", "s-1vcpu-2gb", "s-2vcpu-4gb"}, {"status", "active", "off"}}}}},
		{"moved and retagged", dropletsOf(web1),
			dropletsOf(with(web1, func(d *inventory.Droplet) { d.Region, d.Tags = "fra1", []string{"web"} })),
			[]Change{{Type: Modified,
				Workload: one(dropletsOf(with(web1, func(d *inventory.Droplet) { d.Region, d.Tags = "fra1", []string{"web"} }))),
				Fields:   []FieldChange{{"region", "nyc1", "fra1"}, {"tags", "production,web", "web"}}}}},
		{"renamed only: not a change", dropletsOf(web1),
			dropletsOf(with(web1, func(d *inventory.Droplet) { d.Name = "web-renamed" })), nil},
		{"cluster upgraded and scaled",
			Workloads(snapshot("default", nil, []inventory.Cluster{prod}, nil, nil), "kubernetes"),
			Workloads(snapshot("default", nil, []inventory.Cluster{with(prod, func(c *inventory.Cluster) {
				c.Version, c.NodePools = "1.32.2-do.0", []inventory.NodePool{{Count: 3}, {Count: 4}}
			})}, nil, nil), "kubernetes"),
			[]Change{{Type: Modified,
				Workload: one(Workloads(snapshot("default", nil, []inventory.Cluster{with(prod, func(c *inventory.Cluster) {
					c.Version, c.NodePools = "1.32.2-do.0", []inventory.NodePool{{Count: 3}, {Count: 4}}
				})}, nil, nil), "kubernetes")),
				Fields: []FieldChange{{"version", "1.31.1-do.0", "1.32.2-do.0"}, {"nodes", "5", "7"}}}}},
		{"everything replaced", dropletsOf(web1), dropletsOf(web2), []Change{
			{Type: Removed, Workload: one(dropletsOf(web1))}, {Type: Added, Workload: one(dropletsOf(web2))}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Compare(tc.before, tc.after); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestFieldNames(t *testing.T) {
	c := Change{Type: Modified, Fields: []FieldChange{{Name: "size"}, {Name: "tags"}}}
	if got := c.FieldNames(); got != "size,tags" {
		t.Errorf("FieldNames() = %q", got)
	}
}

package fakeapi

import (
	"encoding/json"
	"maps"
	"net/netip"
	"strings"
	"testing"

	"github.com/digitalocean/godo"
)

func TestGenerateMakesTheGivenSize(t *testing.T) {
	size := Size{Droplets: 150, GPUDroplets: 3, Clusters: 23, Databases: 12, Apps: 13, Firewalls: 9, LoadBalancers: 7}
	a := readWithGodo(t, Generate(size))
	got := Size{
		Droplets: len(a.droplets), GPUDroplets: len(a.gpus), Clusters: len(a.clusters), Databases: len(a.databases),
		Apps: len(a.apps), Firewalls: len(a.firewalls), LoadBalancers: len(a.loadBalancers),
	}
	if !maps.Equal(got, size) {
		t.Fatalf("got %+v, want %+v", got, size)
	}
	if upgradable := withUpgrades(a); len(upgradable) != 3 || len(a.trustedSources) != size[Databases] {
		t.Errorf("%d clusters with upgrades, want 3 of 23; rules for %d databases, want all %d",
			len(upgradable), len(a.trustedSources), size[Databases])
	}
	for _, c := range a.clusters {
		if len(c.NodePools) != 3 {
			t.Errorf("%s: %d pools, want 3", c.Name, len(c.NodePools))
		}
		for _, p := range c.NodePools {
			if p.Count != 3 || len(p.Nodes) != 3 {
				t.Errorf("%s/%s: count %d with %d nodes, want 3", c.Name, p.Name, p.Count, len(p.Nodes))
			}
		}
	}
	for _, app := range a.apps {
		s := app.Spec
		if n := len(s.Services) + len(s.Workers) + len(s.Jobs) + len(s.StaticSites); n != 3 {
			t.Errorf("%s: %d components, want 3", s.Name, n)
		}
	}
	for _, d := range append(a.droplets, a.gpus...) {
		for _, addr := range dropletAddresses(d) {
			if _, err := netip.ParseAddr(addr); err != nil {
				t.Errorf("%s: %v", d.Name, err)
			}
		}
	}
	wantUnique(t, "droplet id", append(a.droplets, a.gpus...), func(d godo.Droplet) any { return d.ID })
	wantUnique(t, "droplet name", a.droplets, func(d godo.Droplet) any { return d.Name })
	wantUnique(t, "public IPv4", a.droplets, func(d godo.Droplet) any { ip, _ := d.PublicIPv4(); return ip + d.Name })
	wantUnique(t, "cluster id", a.clusters, func(c *godo.KubernetesCluster) any { return c.ID })
	wantUnique(t, "database id", a.databases, func(d godo.Database) any { return d.ID })
	wantUnique(t, "database name", a.databases, func(d godo.Database) any { return d.Name })
	wantUnique(t, "app id", a.apps, func(a *godo.App) any { return a.ID })
	wantUnique(t, "app name", a.apps, func(a *godo.App) any { return a.Spec.Name })
	wantUnique(t, "firewall id", a.firewalls, func(f godo.Firewall) any { return f.ID })
	wantUnique(t, "firewall name", a.firewalls, func(f godo.Firewall) any { return f.Name })
	wantUnique(t, "load balancer id", a.loadBalancers, func(lb godo.LoadBalancer) any { return lb.ID })
	wantUnique(t, "load balancer IP", a.loadBalancers, func(lb godo.LoadBalancer) any { return lb.IP })
	wantTargetsExist(t, a)
}

// wantTargetsExist: every droplet a firewall or load balancer names is in
// the account.
func wantTargetsExist(t *testing.T, a godoAccount) {
	t.Helper()
	droplets := dropletsByID(a)
	var named []int
	for _, f := range a.firewalls {
		named = append(named, f.DropletIDs...)
	}
	for _, lb := range a.loadBalancers {
		named = append(named, lb.DropletIDs...)
	}
	for _, id := range named {
		if droplets[id] == nil {
			t.Errorf("droplet %d is named but not listed", id)
		}
	}
}

func dropletAddresses(d godo.Droplet) []string {
	var addrs []string
	for _, n := range d.Networks.V4 {
		addrs = append(addrs, n.IPAddress)
	}
	for _, n := range d.Networks.V6 {
		addrs = append(addrs, n.IPAddress)
	}
	return addrs
}

func wantUnique[T any](t *testing.T, what string, items []T, key func(T) any) {
	t.Helper()
	seen := map[any]bool{}
	for _, item := range items {
		k := key(item)
		if seen[k] {
			t.Errorf("%s %v is not unique", what, k)
		}
		seen[k] = true
	}
}

// TestLargeAccountDecodesWithGodo decodes without HTTP, past one page.
func TestLargeAccountDecodesWithGodo(t *testing.T) {
	a := Generate(Size{Droplets: 2000, GPUDroplets: 10, Clusters: 50, Databases: 100, Apps: 300, Firewalls: 450, LoadBalancers: 250})
	decodeAs[godo.Droplet](t, a.Lists[Droplets], 2000)
	decodeAs[godo.Droplet](t, a.Lists[GPUDroplets], 10)
	decodeAs[*godo.KubernetesCluster](t, a.Lists[Clusters], 50)
	decodeAs[godo.Database](t, a.Lists[Databases], 100)
	decodeAs[*godo.App](t, a.Lists[Apps], 300)
	decodeAs[godo.Firewall](t, a.Lists[Firewalls], 450)
	decodeAs[godo.LoadBalancer](t, a.Lists[LoadBalancers], 250)
	var rules map[string][]godo.DatabaseFirewallRule
	remarshal(t, a.ByID[DatabaseFirewalls], &rules)
	var upgrades map[string][]*godo.KubernetesVersion
	remarshal(t, a.ByID[KubernetesUpgrades], &upgrades)
	if len(rules) != 100 || len(upgrades) != 5 {
		t.Errorf("rules of %d databases and upgrades of %d clusters, want 100 and 5", len(rules), len(upgrades))
	}
	var info godo.Account
	remarshal(t, a.Info, &info)
	if info.UUID == "" || info.DropletLimit < 2010 {
		t.Errorf("account %+v", info)
	}
}

func decodeAs[T any](t *testing.T, objects []map[string]any, want int) {
	t.Helper()
	var got []T
	remarshal(t, objects, &got)
	if len(got) != want {
		t.Errorf("%T: %d, want %d", got, len(got), want)
	}
}

func remarshal(t *testing.T, from, to any) {
	t.Helper()
	b, err := json.Marshal(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, to); err != nil {
		t.Fatalf("%T: %v", to, err)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	size := Size{Droplets: 30, GPUDroplets: 2, Clusters: 14, Databases: 6, Apps: 8, Firewalls: 9, LoadBalancers: 7}
	a, _ := json.Marshal(Generate(size))
	b, _ := json.Marshal(Generate(size))
	if string(a) != string(b) {
		t.Error("two calls of Generate differ")
	}
}

// TestGeneratedObjectsShareNothing: changing one object changes no other
// object and no later result.
func TestGeneratedObjectsShareNothing(t *testing.T) {
	size := Size{Droplets: 2, Clusters: 2, Apps: 2, Databases: 6, Firewalls: 5, LoadBalancers: 4}
	a := Generate(size)
	object(a.Lists[Droplets][0], "region")["slug"] = "changed"
	object(a.Lists[Apps][0], "region")["data_centers"].([]string)[0] = "changed"
	a.Lists[Databases][0]["tags"].([]string)[0] = "changed"
	a.Lists[Firewalls][0]["tags"].([]string)[0] = "changed"
	first(a.Lists[Firewalls][0], "inbound_rules")["ports"] = "changed"
	object(a.Lists[LoadBalancers][0], "health_check")["path"] = "changed"
	a.ByID[DatabaseFirewalls][databaseID(0)][0]["value"] = "changed"
	others, _ := json.Marshal([]any{
		a.Lists[Droplets][1], a.Lists[Apps][1], a.Lists[Databases][1], a.Lists[Firewalls][4], a.Lists[LoadBalancers][3],
		a.ByID[DatabaseFirewalls][databaseID(5)], Generate(size),
	})
	if strings.Contains(string(others), "changed") {
		t.Error("a change to one object showed in another")
	}
}

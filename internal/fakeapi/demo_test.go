package fakeapi

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

var demoTags = []string{"production", "staging", "team-a", "team-b", "web", "db", "k8s:worker", "env:prod"}

func TestDemoDroplets(t *testing.T) {
	a := readWithGodo(t, Demo())
	if len(a.droplets) < 40 || len(a.gpus) != 1 || a.gpus[0].Size.GPUInfo == nil {
		t.Fatalf("%d droplets and %d GPU droplets, want at least 40 and one", len(a.droplets), len(a.gpus))
	}
	regions, statuses := map[string]bool{}, map[string]int{}
	privateOnly, untagged := 0, 0
	for _, d := range a.droplets {
		regions[d.Region.Slug] = true
		statuses[d.Status]++
		if ip, _ := d.PublicIPv4(); ip == "" {
			privateOnly++
		}
		if ip, _ := d.PrivateIPv4(); ip == "" {
			t.Errorf("%s has no private address", d.Name)
		}
		if len(d.Tags) == 0 {
			untagged++
		}
		for _, tag := range d.Tags {
			if !slices.Contains(demoTags, tag) {
				t.Errorf("%s: tag %q is not one of %v", d.Name, tag, demoTags)
			}
		}
		if d.Size.Slug != d.SizeSlug || d.Size.Vcpus != d.Vcpus || d.Size.Memory != d.Memory || d.Size.Disk != d.Disk {
			t.Errorf("%s: size %+v does not match vcpus %d memory %d disk %d", d.Name, d.Size, d.Vcpus, d.Memory, d.Disk)
		}
		if strings.ContainsAny(d.Name, "<>\" ") {
			t.Errorf("droplet name %q is not a hostname", d.Name)
		}
	}
	if len(regions) < 4 || privateOnly == 0 || untagged == 0 || untagged == len(a.droplets) {
		t.Errorf("%d regions, %d private-only, %d untagged droplets", len(regions), privateOnly, untagged)
	}
	if statuses["off"] == 0 || statuses["new"] != 1 || statuses["active"] < len(a.droplets)/2 {
		t.Errorf("statuses %v, want some off, one new, mostly active", statuses)
	}
}

func TestDemoClusters(t *testing.T) {
	a := readWithGodo(t, Demo())
	if len(a.clusters) != 3 {
		t.Fatalf("%d clusters, want 3", len(a.clusters))
	}
	regions, versions, states := map[string]bool{}, map[string]bool{}, map[godo.KubernetesClusterStatusState]int{}
	nodeStates := map[string]int{}
	for _, c := range a.clusters {
		regions[c.RegionSlug], versions[c.VersionSlug] = true, true
		states[c.Status.State]++
		if len(c.NodePools) < 2 || len(c.NodePools) > 3 {
			t.Errorf("%s has %d node pools, want 2 or 3", c.Name, len(c.NodePools))
		}
		for _, p := range c.NodePools {
			if len(p.Nodes) != p.Count {
				t.Errorf("%s/%s: %d nodes, count %d", c.Name, p.Name, len(p.Nodes), p.Count)
			}
			for _, n := range p.Nodes {
				nodeStates[n.Status.State]++
			}
		}
	}
	if len(regions) != 3 || len(versions) != 3 {
		t.Errorf("regions %v versions %v, want three of each", regions, versions)
	}
	if states["running"] != 2 || states["upgrading"]+states["degraded"] != 1 {
		t.Errorf("cluster states %v, want two running and one upgrading or degraded", states)
	}
	if nodeStates["provisioning"] == 0 || nodeStates["running"] < 3*nodeStates["provisioning"] {
		t.Errorf("node states %v, want mostly running and a few provisioning", nodeStates)
	}
}

func TestDemoDatabases(t *testing.T) {
	a := readWithGodo(t, Demo())
	engines := map[string]bool{}
	regions, versions, sizes := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, db := range a.databases {
		engines[db.EngineSlug], regions[db.RegionSlug] = true, true
		versions[db.VersionSlug], sizes[db.SizeSlug] = true, true
		if db.NumNodes < 1 || db.NumNodes > 3 {
			t.Errorf("%s: %d nodes", db.Name, db.NumNodes)
		}
		if db.Connection != nil || db.PrivateConnection != nil || len(db.Users) != 0 {
			t.Errorf("%s has credentials", db.Name)
		}
	}
	want := []string{"kafka", "mongodb", "mysql", "pg", "valkey"}
	if len(a.databases) != 5 || !slices.Equal(slices.Sorted(maps.Keys(engines)), want) {
		t.Errorf("%d databases of engines %v, want %v", len(a.databases), slices.Sorted(maps.Keys(engines)), want)
	}
	if len(regions) < 3 || len(versions) < 3 || len(sizes) < 3 {
		t.Errorf("regions %v versions %v sizes %v are too alike", regions, versions, sizes)
	}
	var raw []map[string]any
	json.Unmarshal(get(t, newTestServer(t, Demo()), "/v2/databases").body, &struct{ Databases *[]map[string]any }{&raw})
	if nulls(raw, "storage_size_mib") != 1 || nulls(raw, "tags") != 1 {
		t.Errorf("%d null storage sizes and %d null tags, want one of each", nulls(raw, "storage_size_mib"), nulls(raw, "tags"))
	}
}

func nulls(objects []map[string]any, key string) int {
	n := 0
	for _, o := range objects {
		if v, ok := o[key]; ok && v == nil {
			n++
		}
	}
	return n
}

func TestDemoHasNoCredentials(t *testing.T) {
	body, _ := json.Marshal(Demo())
	for _, word := range []string{"password", "connection", "postgres://", "doadmin", `"users"`} {
		if strings.Contains(string(body), word) {
			t.Errorf("the demo account contains %q", word)
		}
	}
}

func TestDemoApps(t *testing.T) {
	a := readWithGodo(t, Demo())
	kinds, regions, tiers, phases := map[string]int{}, map[string]bool{}, map[string]bool{}, map[string]int{}
	for _, app := range a.apps {
		regions[app.Region.Slug], tiers[app.TierSlug] = true, true
		phases[demoAppPhase(app)]++
		if (app.ActiveDeployment != nil) == app.LastDeploymentActiveAt.IsZero() {
			t.Errorf("%s: last_deployment_active_at %v with active deployment %v", app.Spec.Name, app.LastDeploymentActiveAt, app.ActiveDeployment != nil)
		}
		s := app.Spec
		kinds["service"] += len(s.Services)
		kinds["worker"] += len(s.Workers)
		kinds["job"] += len(s.Jobs)
		kinds["static_site"] += len(s.StaticSites)
		for _, c := range s.Services {
			wantInstances(t, c.Name, c.InstanceSizeSlug, c.InstanceCount)
		}
		for _, c := range s.Workers {
			wantInstances(t, c.Name, c.InstanceSizeSlug, c.InstanceCount)
		}
		for _, c := range s.Jobs {
			wantInstances(t, c.Name, c.InstanceSizeSlug, c.InstanceCount)
		}
	}
	if len(a.apps) != 6 || len(kinds) != 4 || len(regions) < 3 || !tiers["basic"] || !tiers["professional"] {
		t.Errorf("%d apps, components %v, regions %v, tiers %v", len(a.apps), kinds, regions, tiers)
	}
	if phases["ACTIVE"] < 3 || phases["DEPLOYING"] != 1 || phases["ERROR"]+phases["PENDING_BUILD"] != 1 {
		t.Errorf("phases %v, want mostly ACTIVE, one DEPLOYING and one ERROR or PENDING_BUILD", phases)
	}
	var raw []map[string]any
	json.Unmarshal(get(t, newTestServer(t, Demo()), "/v2/apps").body, &struct{ Apps *[]map[string]any }{&raw})
	for _, app := range raw {
		for _, site := range asList(app["spec"].(map[string]any)["static_sites"]) {
			if _, ok := site.(map[string]any)["instance_count"]; ok {
				t.Errorf("a static site has an instance count: %v", site)
			}
		}
	}
}

// demoAppPhase is the phase of the app's newest deployment.
func demoAppPhase(app *godo.App) string {
	for _, d := range []*godo.Deployment{app.InProgressDeployment, app.PendingDeployment, app.ActiveDeployment} {
		if d != nil {
			return string(d.Phase)
		}
	}
	return ""
}

func wantInstances(t *testing.T, name, size string, count int64) {
	t.Helper()
	if size == "" || count < 1 {
		t.Errorf("component %s: size %q count %d", name, size, count)
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func TestDemoIsDeterministic(t *testing.T) {
	a, _ := json.Marshal(Demo())
	b, _ := json.Marshal(Demo())
	if string(a) != string(b) {
		t.Error("two calls of Demo differ")
	}
}

// TestTimestampsAreRFC3339: godo fails a whole list on one bad time.
func TestTimestampsAreRFC3339(t *testing.T) {
	generated := Generate(Size{Droplets: 3, GPUDroplets: 2, Clusters: 3, Databases: 5, Apps: 7, Firewalls: 5, LoadBalancers: 4})
	for name, acct := range map[string]Account{"demo": Demo(), "generated": generated} {
		body, _ := json.Marshal(acct)
		var v any
		json.Unmarshal(body, &v)
		walk(v, "", func(key string, value any) {
			if !strings.HasSuffix(key, "_at") && key != "start" && key != "end" && !strings.HasPrefix(key, "version_end_of") {
				return
			}
			s, ok := value.(string)
			if value == nil || ok && isRFC3339(s) {
				return
			}
			t.Errorf("%s: %s is %#v", name, key, value)
		})
	}
}

func isRFC3339(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

func walk(v any, key string, visit func(key string, value any)) {
	visit(key, v)
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			walk(x, k, visit)
		}
	case []any:
		for _, x := range v {
			walk(x, key, visit)
		}
	}
}

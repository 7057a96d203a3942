package fakeapi

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestExampleFileIsTheSharedFile(t *testing.T) {
	names, err := filepath.Glob("examples/*.json")
	if err != nil || len(names) < 20 {
		t.Fatalf("%d example files (%v)", len(names), err)
	}
	for _, path := range names {
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := ExampleFile(filepath.Base(path)); !bytes.Equal(got, want) {
			t.Errorf("%s: embedded copy differs", path)
		}
	}
	if ExampleFile("no_such_file.json") != nil {
		t.Error("an unknown file has content")
	}
}

// TestExamplesAreTheFilesObjects: ids stay exact and nothing is added.
func TestExamplesAreTheFilesObjects(t *testing.T) {
	a := Examples()
	for _, tc := range []struct {
		file, key string
		objects   []map[string]any
	}{
		{"droplets.json", "droplets", a.Lists[Droplets]},
		{"droplets.gpu_droplets.json", "droplets", a.Lists[GPUDroplets]},
		{"kubernetes_clusters.json", "kubernetes_clusters", a.Lists[Clusters]},
		{"databases.json", "databases", a.Lists[Databases]},
		{"apps.json", "apps", a.Lists[Apps]},
		{"firewalls.json", "firewalls", a.Lists[Firewalls]},
		{"load_balancers.json", "load_balancers", a.Lists[LoadBalancers]},
		{"databases_firewall.json", "rules", a.ByID[DatabaseFirewalls][exampleDatabase]},
		{"kubernetes_upgrades.json", "available_upgrade_versions", a.ByID[KubernetesUpgrades][exampleCluster]},
		{"account.json", "account", []map[string]any{a.Info}},
	} {
		var file map[string]json.RawMessage
		json.Unmarshal(ExampleFile(tc.file), &file)
		want := file[tc.key]
		if tc.key == "account" {
			want = append(append([]byte("["), want...), ']')
		}
		if !sameJSON(t, tc.objects, want) {
			t.Errorf("%s: Examples differ from the file", tc.file)
		}
	}
	if id := a.Lists[Droplets][0]["id"]; id != json.Number("3164444") {
		t.Errorf("droplet id %#v, want json.Number 3164444", id)
	}
	if len(a.ByID[DatabaseFirewalls]) != 1 || len(a.ByID[KubernetesUpgrades]) != 1 {
		t.Errorf("rules for %d databases and upgrades for %d clusters, want the example's one each",
			len(a.ByID[DatabaseFirewalls]), len(a.ByID[KubernetesUpgrades]))
	}
}

// The ids of the example database and cluster.
const (
	exampleDatabase = "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30"
	exampleCluster  = "bd5f5959-5e1e-4205-a714-a914373942af"
)

// sameJSON compares values after a round trip, ignoring layout and key order.
func sameJSON(t *testing.T, v any, raw []byte) bool {
	t.Helper()
	a, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var x, y any
	if decode(a, &x) != nil || decode(raw, &y) != nil {
		t.Fatal("undecodable JSON")
	}
	b1, _ := json.Marshal(x)
	b2, _ := json.Marshal(y)
	return bytes.Equal(b1, b2)
}

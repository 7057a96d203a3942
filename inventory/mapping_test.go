package inventory

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean/godo"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// decodeExample reads one of the API's example responses into v.
func decodeExample(t *testing.T, name string, v any) {
	t.Helper()
	if err := json.Unmarshal(fakeapi.ExampleFile(name), v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// mapExample maps the list under key in one of the API's example responses,
// and fails unless it holds want objects.
func mapExample[Raw, T any](t *testing.T, file, key string, mapList func([]Raw) []T, want int) []T {
	t.Helper()
	var body map[string]json.RawMessage
	decodeExample(t, file, &body)
	var raw []Raw
	if err := json.Unmarshal(body[key], &raw); err != nil {
		t.Fatalf("%s: %s: %v", file, key, err)
	}
	got := mapList(raw)
	if len(got) != want {
		t.Fatalf("%s: mapped %d objects, want the example's %d", file, len(got), want)
	}
	return got
}

func TestMapDropletsFromExamples(t *testing.T) {
	var plain, gpu struct{ Droplets []godo.Droplet }
	decodeExample(t, "droplets.json", &plain)
	decodeExample(t, "droplets.gpu_droplets.json", &gpu)
	got := mapDroplets(dropletLists{first: plain.Droplets, second: gpu.Droplets})

	if len(got) != 4 {
		t.Fatalf("got %d droplets, want 3 plain + 1 GPU", len(got))
	}
	first := got[slices.IndexFunc(got, func(d Droplet) bool { return d.ID == 3164444 })]
	want := Droplet{
		ID: 3164444, Name: "example.com", Region: "nyc3", Size: "s-1vcpu-1gb", Status: "active",
		Image: "ubuntu-20-04-x64", VPCUUID: "760e09ef-dc84-11e8-981e-3cfdfeaae000",
		PublicIPv4: "192.241.165.154", PrivateIPv4: "10.128.192.124", PublicIPv6: "2604:a880:0:1010::18a:a001",
		Tags: []string{"env:prod", "web"}, VCPUs: 1, MemoryBytes: 1024 << 20, DiskBytes: 25 << 30,
		Created: time.Date(2020, 7, 21, 18, 37, 44, 0, time.UTC), Backups: true,
		PriceMonthly: 5, PriceHourly: 0.00743999984115362, // the example's size.price_monthly and price_hourly
	}
	if fmt.Sprint(first) != fmt.Sprint(want) {
		t.Errorf("droplet 3164444:\n got %+v\nwant %+v", first, want)
	}
	if !slices.IsSortedFunc(got, func(a, b Droplet) int { return a.ID - b.ID }) {
		t.Error("droplets are not sorted by ID")
	}
	if n := countFunc(got, func(d Droplet) bool { return d.GPU }); n != 1 {
		t.Errorf("got %d GPU droplets, want 1", n)
	}
}

func TestMapDropletsMergesByID(t *testing.T) {
	d := godo.Droplet{ID: 7, Name: "both", Status: "active"}
	list, _ := Droplets.unique(mapDroplets(dropletLists{first: []godo.Droplet{d}, second: []godo.Droplet{d}}))
	if got := list.([]Droplet); len(got) != 1 || !got[0].GPU {
		t.Errorf("a droplet in both lists: got %+v, want one GPU droplet", list)
	}
}

func TestMapClustersFromExamples(t *testing.T) {
	var body struct {
		Clusters []clusterWire `json:"kubernetes_clusters"`
	}
	decodeExample(t, "kubernetes_clusters.json", &body)
	got := eachValue(mapCluster)(body.Clusters)
	if len(got) != 1 {
		t.Fatalf("got %d clusters, want 1", len(got))
	}
	c := got[0]
	if c.ID != "bd5f5959-5e1e-4205-a714-a914373942af" || c.Region != "nyc1" || c.Version != "1.18.6-do.0" ||
		c.Status != "provisioning" || c.HA || c.AutoUpgrade {
		t.Errorf("cluster: %+v", c)
	}
	if len(c.NodePools) != 2 || c.NodePools[0].Count != 3 || len(c.NodePools[0].Nodes) != 3 ||
		c.NodePools[1].Name != "backend-pool" || !c.NodePools[1].AutoScale || c.NodePools[1].MaxNodes != 5 {
		t.Errorf("node pools: %+v", c.NodePools)
	}
	if c.NodePools[0].Nodes[0].State != "provisioning" || c.NodePools[0].Nodes[0].DropletID != "205545370" {
		t.Errorf("node: %+v", c.NodePools[0].Nodes[0])
	}
	if !slices.IsSorted(c.Tags) || !slices.Contains(c.Tags, "k8s") {
		t.Errorf("tags: %q", c.Tags)
	}
}

func TestMapDatabasesDropsCredentials(t *testing.T) {
	var body struct{ Databases []databaseWire }
	decodeExample(t, "databases.json", &body)
	got := eachValue(mapDatabase)(body.Databases)
	want := Database{
		ID: "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30", Name: "backend", Engine: "pg", Version: "10",
		Region: "nyc3", Size: "db-s-2vcpu-4gb", Status: "online", Nodes: 1, StorageBytes: 61440 << 20,
		Tags: []string{"production"}, Created: time.Date(2019, 1, 11, 18, 37, 36, 0, time.UTC),
		VersionEndOfLife: time.Date(2023, 11, 9, 0, 0, 0, 0, time.UTC), MaintenancePending: true,
	}
	if len(got) != 1 || fmt.Sprint(got[0]) != fmt.Sprint(want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	for _, secret := range []string{"wv78n3zpz42xezdk", "doadmin", "postgres://"} {
		if strings.Contains(fmt.Sprintf("%#v", body.Databases)+fmt.Sprintf("%#v", got), secret) {
			t.Errorf("%q survived decoding", secret)
		}
	}
}

func TestMapDatabaseWithoutOptionalFields(t *testing.T) {
	var body struct{ Databases []databaseWire }
	if err := json.Unmarshal([]byte(`{"databases":[{"id":"x","tags":null,"storage_size_mib":null}]}`), &body); err != nil {
		t.Fatal(err)
	}
	got := eachValue(mapDatabase)(body.Databases)[0]
	if got.StorageBytes != 0 || got.Tags != nil || !got.Created.IsZero() {
		t.Errorf("null fields should be absent: %+v", got)
	}
}

func TestMapAppsFromExamples(t *testing.T) {
	var body struct{ Apps []*godo.App }
	decodeExample(t, "apps.json", &body)
	got := each(mapApp)(body.Apps)
	if len(got) != 1 {
		t.Fatalf("got %d apps, want 1", len(got))
	}
	a := got[0]
	if a.Name != "sample-php" || a.Region != "fra" || a.Tier != "basic" || a.Phase != "ACTIVE" {
		t.Errorf("app: %+v", a)
	}
	wantComponents := []Component{{Name: "sample-php", Type: "service", InstanceSize: "apps-s-1vcpu-0.5gb", Instances: 1}}
	if !slices.Equal(a.Components, wantComponents) {
		t.Errorf("components: %+v, want %+v", a.Components, wantComponents)
	}
}

func TestAppPhaseFollowsNewestDeployment(t *testing.T) {
	active := &godo.Deployment{Phase: godo.DeploymentPhase_Active}
	for _, tc := range []struct {
		name string
		app  godo.App
		want string
	}{
		{"no deployment", godo.App{}, "UNKNOWN"},
		{"active only", godo.App{ActiveDeployment: active}, "ACTIVE"},
		{"active without phase", godo.App{ActiveDeployment: &godo.Deployment{}}, "ACTIVE"},
		{"rolling out", godo.App{ActiveDeployment: active, InProgressDeployment: &godo.Deployment{Phase: godo.DeploymentPhase_Deploying}}, "DEPLOYING"},
		{"pending build", godo.App{PendingDeployment: &godo.Deployment{Phase: godo.DeploymentPhase_PendingBuild}}, "PENDING_BUILD"},
	} {
		if got := appPhase(&tc.app); got != tc.want {
			t.Errorf("%s: phase %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestAppComponentsOfEveryType(t *testing.T) {
	spec := &godo.AppSpec{
		Services:    []*godo.AppServiceSpec{{Name: "api", InstanceSizeSlug: "apps-s-1vcpu-1gb", InstanceCount: 2}},
		Workers:     []*godo.AppWorkerSpec{{Name: "queue", InstanceSizeSlug: "apps-d-1vcpu-2gb", Autoscaling: &godo.AppAutoscalingSpec{MinInstanceCount: 3, MaxInstanceCount: 6}}},
		Jobs:        []*godo.AppJobSpec{{Name: "migrate", InstanceSizeSlug: "apps-s-1vcpu-0.5gb", InstanceCount: 1}},
		StaticSites: []*godo.AppStaticSiteSpec{{Name: "docs"}},
	}
	want := []Component{
		{"api", "service", "apps-s-1vcpu-1gb", 2},
		{"queue", "worker", "apps-d-1vcpu-2gb", 3},
		{"migrate", "job", "apps-s-1vcpu-0.5gb", 1},
		{"docs", "static_site", "", 0},
	}
	if got := appComponents(spec); !slices.Equal(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestMapAccountLeavesEmailOut(t *testing.T) {
	var body struct{ Account *accountWire }
	decodeExample(t, "account.json", &body)
	got := mapAccount(body.Account)
	// The example gives droplet_limit and floating_ip_limit (the reserved
	// IPs' older name), and no volume_limit.
	want := AccountInfo{UUID: "b6fr89dbf6d9156cace5f3c78dc9851d957381ef", Status: "active",
		TeamUUID: "5df3e3004a17e242b7c20ca6c9fc25b701a47ece", TeamName: "My Team",
		DropletLimit: Limit{25, true}, ReservedIPLimit: Limit{5, true}}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if text := fmt.Sprintf("%#v", body.Account); strings.Contains(text, "sammy") {
		t.Errorf("the owner's e-mail or name was decoded: %s", text)
	}
	var newer struct{ Account *accountWire }
	json.Unmarshal([]byte(`{"account":{"droplet_limit":0,"floating_ip_limit":5,"reserved_ip_limit":10,"volume_limit":100}}`), &newer)
	if got := mapAccount(newer.Account); got.DropletLimit != (Limit{0, true}) || got.ReservedIPLimit != (Limit{10, true}) ||
		got.VolumeLimit != (Limit{100, true}) {
		t.Errorf("limits %+v: a limit of 0 is a limit, and reserved_ip_limit wins over floating_ip_limit", got)
	}
}

func TestSortedTags(t *testing.T) {
	if got := sortedTags([]string{"web", "", "env:prod", "web"}); !slices.Equal(got, []string{"env:prod", "web"}) {
		t.Errorf("got %q", got)
	}
}

func countFunc[T any](items []T, f func(T) bool) int {
	n := 0
	for _, it := range items {
		if f(it) {
			n++
		}
	}
	return n
}

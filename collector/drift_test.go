package collector

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-kit/log"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/drift"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// dropletSnapshot is an account whose Droplets are listed and whose apps
// are enabled but not listed yet.
func dropletSnapshot(account string, droplets ...inventory.Droplet) *inventory.Snapshot {
	s := inventory.NewSnapshot(account, timeOne, inventory.Droplets.With(droplets))
	s.Status[inventory.KindApps] = inventory.Status{}
	return s
}

var (
	web1 = inventory.Droplet{ID: 1, Name: "web-01", Region: "nyc1", Size: "s-1vcpu-2gb", Status: "active"}
	web2 = inventory.Droplet{ID: 2, Name: "web-02", Region: "fra1", Size: "s-1vcpu-2gb", Status: "active"}
)

const changesHeader = `
# HELP digitalocean_inventory_changes_total Workloads added, removed or modified (size, status, version, region, tags or node count) between consecutive refreshes of their list.
# TYPE digitalocean_inventory_changes_total counter
`

// The counters of every enabled kind of every account exist from the
// start, at 0; without a baseline there is no verdict at all.
func TestDriftCountersStartAtZero(t *testing.T) {
	c := NewDriftCollector(staticSource{dropletSnapshot("default")}, drift.NewTracker(log.NewNopLogger(), nil))
	want := changesHeader + `
digitalocean_inventory_changes_total{account="default",change="added",kind="apps"} 0
digitalocean_inventory_changes_total{account="default",change="added",kind="droplets"} 0
digitalocean_inventory_changes_total{account="default",change="modified",kind="apps"} 0
digitalocean_inventory_changes_total{account="default",change="modified",kind="droplets"} 0
digitalocean_inventory_changes_total{account="default",change="removed",kind="apps"} 0
digitalocean_inventory_changes_total{account="default",change="removed",kind="droplets"} 0
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
	lintClean(t, c)
}

func TestDriftChangesAndRecentChanges(t *testing.T) {
	tracker := drift.NewTracker(log.NewNopLogger(), nil)
	resized := web1
	resized.Size, resized.Status = "s-2vcpu-4gb", "off"
	tracker.Observe(inventory.KindDroplets, dropletSnapshot("default", web1), dropletSnapshot("default", resized, web2))
	tracker.Observe(inventory.KindDroplets, dropletSnapshot("gone", web1), dropletSnapshot("gone"))
	c := NewDriftCollector(staticSource{dropletSnapshot("default", resized, web2)}, tracker)
	want := changesHeader + `
digitalocean_inventory_changes_total{account="default",change="added",kind="apps"} 0
digitalocean_inventory_changes_total{account="default",change="added",kind="droplets"} 1
digitalocean_inventory_changes_total{account="default",change="modified",kind="apps"} 0
digitalocean_inventory_changes_total{account="default",change="modified",kind="droplets"} 1
digitalocean_inventory_changes_total{account="default",change="removed",kind="apps"} 0
digitalocean_inventory_changes_total{account="default",change="removed",kind="droplets"} 0
# HELP digitalocean_inventory_recent_change_info Each workload added, removed or modified in the last hour, value 1; fields names what a modification changed.
# TYPE digitalocean_inventory_recent_change_info gauge
digitalocean_inventory_recent_change_info{account="default",change="added",fields="",id="2",kind="droplets",name="web-02",region="fra1"} 1
digitalocean_inventory_recent_change_info{account="default",change="modified",fields="size,status",id="1",kind="droplets",name="web-01",region="nyc1"} 1
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}

func TestDriftFromBaseline(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.yml")
	os.WriteFile(path, []byte(`workloads:
  - {kind: droplets, id: "1", size: s-1vcpu-1gb, region: fra1}
  - {kind: droplets, name: web-03}
  - {kind: droplets, name: web-03}
  - {kind: apps, name: storefront}
`), 0o644)
	baseline, err := drift.LoadBaselineFile(path, log.NewNopLogger())
	if err != nil {
		t.Fatal(err)
	}
	c := NewDriftCollector(staticSource{dropletSnapshot("default", web1, web2)}, drift.NewTracker(log.NewNopLogger(), baseline))
	want := `
# HELP digitalocean_drift_baseline_reload_success 1 when the last read of the baseline file loaded; 0 while a changed file does not load and the previous baseline is used.
# TYPE digitalocean_drift_baseline_reload_success gauge
digitalocean_drift_baseline_reload_success 1
# HELP digitalocean_drift_info Each workload that drifts from the baseline, value 1; a changed one has a series per differing field.
# TYPE digitalocean_drift_info gauge
digitalocean_drift_info{account="default",field="",id="",kind="droplets",name="web-03",state="missing"} 1
digitalocean_drift_info{account="default",field="",id="2",kind="droplets",name="web-02",state="unexpected"} 1
digitalocean_drift_info{account="default",field="region",id="1",kind="droplets",name="web-01",state="changed"} 1
digitalocean_drift_info{account="default",field="size",id="1",kind="droplets",name="web-01",state="changed"} 1
# HELP digitalocean_drift_resources Workloads that drift from the baseline, by state: unexpected (live, not in the baseline), missing (in the baseline, not live) or changed (live, with a declared field that differs).
# TYPE digitalocean_drift_resources gauge
digitalocean_drift_resources{account="default",kind="droplets",state="changed"} 1
digitalocean_drift_resources{account="default",kind="droplets",state="missing"} 1
digitalocean_drift_resources{account="default",kind="droplets",state="unexpected"} 1
`
	names := []string{"digitalocean_drift_baseline_reload_success", "digitalocean_drift_info", "digitalocean_drift_resources"}
	if err := testutil.CollectAndCompare(c, strings.NewReader(want), names...); err != nil {
		t.Error(err)
	}
	lintClean(t, c)

	os.WriteFile(path, []byte("workloads: [{kind: droplets, idd: 1}]\n"), 0o644)
	if err := testutil.CollectAndCompare(c, strings.NewReader(strings.Replace(want, "reload_success 1\n", "reload_success 0\n", 1)), names...); err != nil {
		t.Errorf("after a malformed edit, want the previous verdict and reload_success 0: %v", err)
	}
}

func lintClean(t *testing.T, c prometheus.Collector) {
	t.Helper()
	problems, err := testutil.CollectAndLint(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("lint: %s: %s", p.Metric, p.Text)
	}
}

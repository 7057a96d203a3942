package posture

import (
	"slices"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// wasteSnapshot has one wasted and one used resource of each kind.
func wasteSnapshot() *inventory.Snapshot {
	return known(
		inventory.Volumes.With([]inventory.Volume{{ID: "v1", Name: "old-backup"}, {ID: "v2", DropletIDs: []int{1}}}),
		inventory.ReservedIPs.With([]inventory.ReservedIP{{IP: "198.18.0.9", Region: "nyc1"}, {IP: "198.18.0.8", DropletID: 1}}),
		inventory.ResourceSnapshots.With([]inventory.ResourceSnapshot{
			{ID: "s1", Name: "ancient", Created: listedAt.Add(-91 * 24 * time.Hour)},
			{ID: "s2", Name: "recent", Created: listedAt.Add(-89 * 24 * time.Hour)},
			{ID: "s3", Name: "undated"},
		}),
		inventory.Droplets.With([]inventory.Droplet{
			{ID: 1, Name: "web-01", Status: "active", Tags: []string{"web"}, PriceMonthly: 12},
			{ID: 2, Name: "stopped-01", Region: "fra1", Status: "off", PriceMonthly: 24},
		}),
		inventory.LoadBalancers.With([]inventory.LoadBalancer{
			{ID: "lb1", Name: "by-id", DropletIDs: []int{1}},
			{ID: "lb2", Name: "by-tag", Tag: "web"},
			{ID: "lb3", Name: "empty"},
			{ID: "lb4", Name: "dangling-tag", Tag: "nobody"},
		}),
	)
}

func TestEachWasteReasonFindsItsResources(t *testing.T) {
	s := wasteSnapshot()
	want := map[string][]string{
		WasteVolumeUnattached:           {"v1"},
		WasteReservedIPUnassigned:       {"198.18.0.9"},
		WasteSnapshotOld:                {"s1"},
		WasteDropletOff:                 {"2"},
		WasteLoadBalancerWithoutTargets: {"lb3", "lb4"},
	}
	for _, r := range WasteReasons {
		var ids []string
		for _, w := range r.Find(s) {
			ids = append(ids, w.ID)
			if w.Reason != r.Reason || w.Kind != r.Kind {
				t.Errorf("%s: %+v", r.Reason, w)
			}
		}
		if !slices.Equal(ids, want[r.Reason]) {
			t.Errorf("%s: %v, want %v", r.Reason, ids, want[r.Reason])
		}
		if got := failuresOf(t, s, "waste_"+r.Reason); got != len(want[r.Reason]) {
			t.Errorf("check waste_%s: %d findings, want %d", r.Reason, got, len(want[r.Reason]))
		}
	}
	off := WasteReasons[slices.IndexFunc(WasteReasons, func(r WasteReason) bool { return r.Reason == WasteDropletOff })].Find(s)
	if off[0].MonthlyPrice != 24 || !off[0].Priced || off[0].Name != "stopped-01" || off[0].Region != "fra1" {
		t.Errorf("the Droplet off: %+v", off[0])
	}
}

func TestWasteChecksAreLow(t *testing.T) {
	n := 0
	for _, c := range Checks {
		if len(c.Name) > 6 && c.Name[:6] == "waste_" {
			n++
			if c.Severity != "low" {
				t.Errorf("%s: severity %s", c.Name, c.Severity)
			}
		}
	}
	if n != len(WasteReasons) {
		t.Errorf("%d waste checks for %d reasons", n, len(WasteReasons))
	}
}

func TestSnapshotAgeFromTheSettings(t *testing.T) {
	s := wasteSnapshot()
	s.Settings.SnapshotAge = 30 * 24 * time.Hour
	if got := failuresOf(t, s, "waste_snapshot_old"); got != 2 {
		t.Errorf("older than 30 days: %d snapshots, want 2", got)
	}
}

func TestWasteNeedsItsLists(t *testing.T) {
	s := inventory.NewSnapshot("", listedAt, inventory.LoadBalancers.With([]inventory.LoadBalancer{{ID: "lb3"}}))
	for _, r := range WasteReasons {
		if r.Find(s) != nil || r.Known(s) {
			t.Errorf("%s gave a verdict without its lists", r.Reason)
		}
	}
}

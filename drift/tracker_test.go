package drift

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-kit/log"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

func newTestTracker(logs *testlog.Buffer, now *time.Time) *Tracker {
	t := NewTracker(log.NewLogfmtLogger(logs), nil)
	t.now = func() time.Time { return *now }
	return t
}

func TestFirstListIsNotCountedAsAdded(t *testing.T) {
	logs, now := &testlog.Buffer{}, listedAt
	tracker := newTestTracker(logs, &now)
	tracker.Observe(inventory.KindDroplets, unlisted("default"), droplets("default", web1, web2))
	if n := tracker.Changes("default", "droplets", Added); n != 0 || logs.String() != "" || len(tracker.Recent()) != 0 {
		t.Errorf("first list: %d added, %d recent, log %q; want nothing", n, len(tracker.Recent()), logs)
	}
}

func TestTrackerCountsLogsAndRemembersChanges(t *testing.T) {
	logs, now := &testlog.Buffer{}, listedAt
	tracker := newTestTracker(logs, &now)
	resized := with(web1, func(d *inventory.Droplet) { d.Size = "s-2vcpu-4gb" })
	tracker.Observe(inventory.KindDroplets, droplets("default", web1), droplets("default", resized, web2))
	tracker.Observe(inventory.KindDroplets, droplets("staging", web1), droplets("staging"))
	tracker.Observe(inventory.KindFirewalls, droplets("default", web1), droplets("default"))

	for _, tc := range []struct {
		account string
		change  ChangeType
		want    uint64
	}{
		{"default", Added, 1}, {"default", Modified, 1}, {"default", Removed, 0}, {"staging", Removed, 1},
	} {
		if got := tracker.Changes(tc.account, "droplets", tc.change); got != tc.want {
			t.Errorf("%s %s: %d, want %d", tc.account, tc.change, got, tc.want)
		}
	}
	for _, line := range []string{
		`msg="workload modified" account=default kind=droplets id=1 name=web-nyc1-01 region=nyc1 changed="size s-1vcpu-2gb -> s-2vcpu-4gb"`,
		`msg="workload added" account=default kind=droplets id=2 name=web-nyc1-02 region=nyc1`,
		`msg="workload removed" account=staging kind=droplets id=1 name=web-nyc1-01 region=nyc1`,
	} {
		if !strings.Contains(logs.String(), "level=info component=drift "+line) {
			t.Errorf("the log does not say\n\t%s\nlog:\n%s", line, logs)
		}
	}
	if n := strings.Count(logs.String(), "\n"); n != 3 {
		t.Errorf("%d log lines, want one per change:\n%s", n, logs)
	}
	if n := len(tracker.Recent()); n != 3 {
		t.Errorf("%d recent changes, want 3", n)
	}
	now = now.Add(RecentWindow)
	if n := len(tracker.Recent()); n != 0 {
		t.Errorf("%d recent changes an hour later, want 0", n)
	}
	if n := tracker.Changes("default", "droplets", Added); n != 1 {
		t.Errorf("the count forgot: %d", n)
	}
}

func TestRecentKeepsTheLastChangeOfEachWorkload(t *testing.T) {
	now := listedAt
	tracker := newTestTracker(&testlog.Buffer{}, &now)
	off := with(web1, func(d *inventory.Droplet) { d.Status = "off" })
	tracker.Observe(inventory.KindDroplets, droplets("default", web1), droplets("default", off))
	now = now.Add(time.Minute)
	tracker.Observe(inventory.KindDroplets, droplets("default", off), droplets("default", web1))
	recent := tracker.Recent()
	if len(recent) != 1 || recent[0].Workload.Status != "active" || !recent[0].At.Equal(now) {
		t.Errorf("recent %+v, want the droplet's last change only", recent)
	}
}

// Refreshes of different kinds call Observe at once; run with -race.
func TestObserveIsSafeForConcurrentKinds(t *testing.T) {
	tracker := NewTracker(log.NewNopLogger(), nil)
	// the kinds snapshot holds; every other kind's list is unknown, and
	// drift counts no change in an unknown list.
	kinds := []string{inventory.KindDroplets, inventory.KindKubernetes, inventory.KindDatabases, inventory.KindApps}
	var wg sync.WaitGroup
	for i, kind := range kinds {
		before := snapshot("default", nil, nil, nil, nil)
		after := snapshot("default", []inventory.Droplet{web1}, []inventory.Cluster{prod},
			[]inventory.Database{orders}, []inventory.App{shop})
		wg.Go(func() {
			for range 50 + i {
				tracker.Observe(kind, before, after)
				tracker.Recent()
			}
		})
	}
	wg.Wait()
	for i, kind := range kinds {
		if n := tracker.Changes("default", kind, Added); n != uint64(50+i) {
			t.Errorf("%s: %d added, want %d", kind, n, 50+i)
		}
	}
}

// A verdict is evaluated again only when the baseline or a judged list
// changes.
func TestVerdictIsKeptUntilTheBaselineOrAListChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.yml")
	writeFile(t, path, "workloads: [{kind: droplets, name: web-nyc1-01}]\n", listedAt)
	baseline, err := LoadBaselineFile(path, log.NewNopLogger())
	if err != nil {
		t.Fatal(err)
	}
	tracker := NewTracker(log.NewNopLogger(), baseline)
	snapshots := []*inventory.Snapshot{droplets("default", web1, web2)}
	first, loaded := tracker.Verdict(snapshots)
	if again, _ := tracker.Verdict(snapshots); again != first || !loaded || len(first.Findings) != 1 {
		t.Fatalf("verdict %+v (loaded %v), then another one for the same lists", first, loaded)
	}

	relisted := droplets("default", web1)
	status := relisted.Status[inventory.KindDroplets]
	status.LastSuccess = listedAt.Add(time.Minute)
	relisted.Status[inventory.KindDroplets] = status
	if v, _ := tracker.Verdict([]*inventory.Snapshot{relisted}); v == first || len(v.Findings) != 0 {
		t.Errorf("after a new list: %+v, want a new verdict without findings", v)
	}
	writeFile(t, path, "workloads: [{kind: droplets, name: web-nyc1-03}]\n", listedAt.Add(time.Hour))
	if v, _ := tracker.Verdict([]*inventory.Snapshot{relisted}); len(v.Findings) != 2 {
		t.Errorf("after a new baseline: %+v, want web-nyc1-01 unexpected and web-nyc1-03 missing", v.Findings)
	}
	if v, loaded := NewTracker(log.NewNopLogger(), nil).Verdict(snapshots); v != nil || loaded {
		t.Errorf("without a baseline: %+v, %v; want none", v, loaded)
	}
}

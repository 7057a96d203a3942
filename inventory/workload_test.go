package inventory

import (
	"slices"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestRegionMatchesByGeography(t *testing.T) {
	for _, tc := range []struct {
		want, region string
		match        bool
	}{
		{"nyc1", "nyc1", true},
		{"nyc1", "nyc3", false},
		{"nyc1", "nyc", true}, // an app placed in nyc, nyc1's geography
		{"nyc", "nyc3", true}, // a datacenter of the geography
		{"nyc", "nyc", true},
		{"nyc", "ams3", false},
		{"ams3", "nyc", false},
		{"nyc1", "", false}, // a kind with no region
	} {
		if got := RegionMatches(tc.want, tc.region); got != tc.match {
			t.Errorf("RegionMatches(%q, %q) = %v, want %v", tc.want, tc.region, got, tc.match)
		}
	}
	if g := Geography("sfo3"); g != "sfo" {
		t.Errorf("Geography(sfo3) = %q", g)
	}
}

// TestWorkloadsFillTheirColumns projects the demo account's lists, read
// through the API, and checks each kind fills what its descriptor says it
// has, and only that.
func TestWorkloadsFillTheirColumns(t *testing.T) {
	s := newTestAPI(t, fakeapi.Demo()).refresh(t)
	for _, k := range WorkloadKinds() {
		workloads := k.Workloads(s)
		if len(workloads) == 0 {
			t.Errorf("%s: no workloads in the demo", k.Name())
			continue
		}
		for _, c := range []struct {
			column Columns
			filled func(*Workload) bool
		}{
			{HasRegion, func(w *Workload) bool { return w.Region != "" && w.Geography != "" }},
			{HasStatus, func(w *Workload) bool { return w.Status != "" }},
			{HasSize, func(w *Workload) bool { return w.Size != "" }},
			{HasVersion, func(w *Workload) bool { return w.Version != "" }},
			{HasEngine, func(w *Workload) bool { return w.Engine != "" }},
			{HasTags, func(w *Workload) bool { return len(w.Tags) > 0 }},
		} {
			filled := 0
			for i := range workloads {
				if c.filled(&workloads[i]) {
					filled++
				}
			}
			if k.Has(c.column) != (filled > 0) {
				t.Errorf("%s: column %b declared %v, filled in %d of %d workloads", k.Name(), c.column, k.Has(c.column), filled, len(workloads))
			}
		}
		for _, w := range workloads {
			if w.Kind != k.Name() || w.ID == "" || w.Name == "" {
				t.Errorf("%s: workload %+v lacks its kind, id or name", k.Name(), w)
			}
			for key := range w.Attributes {
				if !slices.Contains(k.AttributeKeys(), key) {
					t.Errorf("%s: attribute %q is not declared", k.Name(), key)
				}
			}
		}
	}
}

package fakeapi

import (
	"context"
	"slices"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoUptimeChecks reads the demo's checks and their states with godo:
// every region a state reports is one of its check's regions, one region
// sees a target down, and the paused check reports no region.
func TestDemoUptimeChecks(t *testing.T) {
	c := newGodo(t, newTestServer(t, Demo()))
	ctx := context.Background()
	checks, _, err := c.UptimeChecks.List(ctx, &godo.ListOptions{PerPage: 200})
	if err != nil || len(checks) != len(uptimePlans) {
		t.Fatalf("%d checks (%v), want %d", len(checks), err, len(uptimePlans))
	}
	down, silent := 0, 0
	for _, check := range checks {
		state, _, err := c.UptimeChecks.GetState(ctx, check.ID)
		if err != nil {
			t.Fatalf("%s: %v", check.Name, err)
		}
		if len(state.Regions) == 0 {
			silent++
			if check.Enabled {
				t.Errorf("%s is enabled and reports no region", check.Name)
			}
		}
		for region, r := range state.Regions {
			if !slices.Contains(check.Regions, region) || r.ThirtyDayUptimePercentage <= 0 || r.ThirtyDayUptimePercentage > 100 {
				t.Errorf("%s: region %s %+v", check.Name, region, r)
			}
			if r.Status == "DOWN" {
				down++
			}
		}
	}
	if down != 1 || silent != 1 {
		t.Errorf("%d regions see a target down and %d checks report nothing; want 1 and 1", down, silent)
	}
}

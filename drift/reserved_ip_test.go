package drift

import (
	"reflect"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// An address assigned, or moved to another Droplet, is a modification.
func TestReservedIPAssignmentIsAChange(t *testing.T) {
	ipOn := func(droplet int) []Workload {
		s := inventory.NewSnapshot("default", listedAt, inventory.ReservedIPs.With([]inventory.ReservedIP{
			{IP: "198.51.100.7", Version: 4, Region: "nyc1", DropletID: droplet}}))
		return Workloads(s, inventory.KindReservedIPs)
	}
	for _, tc := range []struct {
		name          string
		before, after int
		want          []FieldChange
	}{
		{"assigned", 0, 7, []FieldChange{{"status", "unassigned", "assigned"}, {"droplet_id", "", "7"}}},
		{"moved", 7, 8, []FieldChange{{"droplet_id", "7", "8"}}},
		{"unassigned", 8, 0, []FieldChange{{"status", "assigned", "unassigned"}, {"droplet_id", "8", ""}}},
	} {
		got := Compare(ipOn(tc.before), ipOn(tc.after))
		if len(got) != 1 || got[0].Type != Modified || !reflect.DeepEqual(got[0].Fields, tc.want) {
			t.Errorf("%s: %+v, want a modification of %v", tc.name, got, tc.want)
		}
	}
}

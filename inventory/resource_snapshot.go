package inventory

import (
	"math"
	"time"

	"github.com/digitalocean/godo"
)

// KindSnapshots are the snapshots of Droplets and volumes.
const KindSnapshots = "snapshots"

// ResourceSnapshot is one snapshot of a Droplet or a volume (not to be
// confused with Snapshot, what is known of an account).
type ResourceSnapshot struct {
	ID           string
	Name         string
	ResourceType string // droplet or volume
	ResourceID   string // the Droplet's or volume's ID
	Regions      []string
	SizeBytes    int64
	Tags         []string
	Created      time.Time // zero when unknown
}

// ResourceSnapshots lists the snapshots of every Droplet and volume.
var ResourceSnapshots = newList(listSpec[[]godo.Snapshot, ResourceSnapshot]{
	Name: KindSnapshots, Label: "Snapshots", Scope: "snapshot:read",
	// godo's Snapshots.List (v1.237.0) decodes the answer's meta but never
	// returns it, and the pager rightly refuses a page without one.
	Fetch: pagedRaw[godo.Snapshot]("snapshots", "v2/snapshots", "snapshots"),
	Map:   eachValue(mapSnapshot),
	Workload: func(s *ResourceSnapshot) Workload {
		return Workload{ID: s.ID, Name: s.Name, Tags: s.Tags, Created: s.Created}
	},
	Columns: HasTags,
	Attributes: []Attribute[ResourceSnapshot]{
		{Key: "size_bytes", Value: func(s *ResourceSnapshot) any { return s.SizeBytes }},
		{Key: "resource_type", Value: func(s *ResourceSnapshot) any { return s.ResourceType }},
		{Key: "resource_id", Value: func(s *ResourceSnapshot) any { return s.ResourceID }},
		{Key: "regions", Value: func(s *ResourceSnapshot) any { return s.Regions }},
	},
})

func mapSnapshot(s *godo.Snapshot) ResourceSnapshot {
	return ResourceSnapshot{
		ID:           s.ID,
		Name:         s.Name,
		ResourceType: s.ResourceType,
		ResourceID:   s.ResourceID,
		Regions:      sortedTags(s.Regions), // a set, like tags
		SizeBytes:    gigabytesToBytes(s.SizeGigaBytes),
		Tags:         sortedTags(s.Tags),
		Created:      parseTime(s.Created),
	}
}

// gigabytesToBytes reads the API's fractional size_gigabytes (GiB, as for
// volumes) as whole bytes.
func gigabytesToBytes(gb float64) int64 { return int64(math.Round(gb * gibibyte)) }

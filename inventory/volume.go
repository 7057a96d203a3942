package inventory

import (
	"context"
	"time"

	"github.com/digitalocean/godo"
)

// KindVolumes are block storage volumes.
const KindVolumes = "volumes"

// Volume is one block storage volume.
type Volume struct {
	ID             string
	Name           string
	Region         string
	SizeBytes      int64
	FilesystemType string
	DropletIDs     []int // the Droplets it is attached to; none when unattached
	Tags           []string
	Created        time.Time
}

// Volume states, as the projection shows them: the API gives volumes no
// status, and whether one is attached is what a person asks of it.
const (
	VolumeAttached   = "attached"
	VolumeUnattached = "unattached"
)

// State is VolumeAttached or VolumeUnattached.
func (v *Volume) State() string {
	if len(v.DropletIDs) > 0 {
		return VolumeAttached
	}
	return VolumeUnattached
}

// Volumes lists the block storage volumes of every region.
var Volumes = newList(listSpec[[]godo.Volume, Volume]{
	Name: KindVolumes, Label: "Volumes", Scope: "block_storage:read", URN: "volume",
	Fetch: paged("volumes", func(c *godo.Client) listFunc[godo.Volume] {
		return func(ctx context.Context, opt *godo.ListOptions) ([]godo.Volume, *godo.Response, error) {
			return c.Storage.ListVolumes(ctx, &godo.ListVolumeParams{ListOptions: opt})
		}
	}),
	Map: eachValue(mapVolume),
	Workload: func(v *Volume) Workload {
		return Workload{ID: v.ID, Name: v.Name, Region: v.Region, Status: v.State(), Tags: v.Tags, Created: v.Created}
	},
	Columns: HasRegion | HasStatus | HasTags,
	Attributes: []Attribute[Volume]{
		{Key: "size_bytes", Value: func(v *Volume) any { return v.SizeBytes }, Drift: true},
		{Key: "filesystem_type", Value: func(v *Volume) any { return v.FilesystemType }},
		{Key: "droplet_ids", Value: func(v *Volume) any { return v.DropletIDs }},
	},
})

func mapVolume(v *godo.Volume) Volume {
	return Volume{
		ID:             v.ID,
		Name:           v.Name,
		Region:         regionSlug(v.Region),
		SizeBytes:      v.SizeGigaBytes * gibibyte,
		FilesystemType: v.FilesystemType,
		DropletIDs:     v.DropletIDs,
		Tags:           sortedTags(v.Tags),
		Created:        v.CreatedAt,
	}
}

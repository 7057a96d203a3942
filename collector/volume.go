package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	volumeInfo = newDesc("volume", "info",
		"Descriptive labels of each block storage volume, as of the last refresh; value 1.",
		"id", "name", "region", "filesystem_type", "tags")
	volumeSizeBytes = newDesc("volume", "size_bytes",
		"Size of each volume in bytes, as of the last refresh.", "id")
	volumeAttachedDroplets = newDesc("volume", "attached_droplets",
		"Number of Droplets each volume is attached to; 0 means unattached (and still billed), as of the last refresh.", "id")
	volumeCreated = newDesc("volume", "created_timestamp_seconds",
		"When each volume was created, in Unix seconds, as of the last refresh.", "id")
	volumes = newDesc("", "volumes",
		"Number of volumes by region, as of the last refresh.", "region")
)

func newVolumeCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindVolumes, src, collectVolumes,
		volumeInfo, volumeSizeBytes, volumeAttachedDroplets, volumeCreated, volumes)
}

func collectVolumes(out emit, s *inventory.Snapshot) {
	byRegion := counts{}
	list := inventory.Volumes.Of(s)
	for i := range list {
		v := &list[i]
		gauge(out, volumeInfo, 1, s.Account, v.ID, v.Name, v.Region, v.FilesystemType, tagsLabel(v.Tags))
		gauge(out, volumeSizeBytes, float64(v.SizeBytes), s.Account, v.ID)
		gauge(out, volumeAttachedDroplets, float64(len(v.DropletIDs)), s.Account, v.ID)
		timestamp(out, volumeCreated, v.Created, s.Account, v.ID)
		byRegion.add(v.Region)
	}
	byRegion.send(out, volumes, s.Account)
}

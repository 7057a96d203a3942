package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	snapshotInfo = newDesc("snapshot", "info",
		"Descriptive labels of each Droplet and volume snapshot, as of the last refresh; value 1.",
		"id", "name", "resource_type", "resource_id", "regions", "tags")
	snapshotSizeBytes = newDesc("snapshot", "size_bytes",
		"Size of each snapshot in bytes, as of the last refresh.", "id")
	snapshotCreated = newDesc("snapshot", "created_timestamp_seconds",
		"When each snapshot was taken, in Unix seconds, as of the last refresh.", "id")
)

func newSnapshotCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindSnapshots, src, collectSnapshots,
		snapshotInfo, snapshotSizeBytes, snapshotCreated)
}

func collectSnapshots(out emit, s *inventory.Snapshot) {
	list := inventory.ResourceSnapshots.Of(s)
	for i := range list {
		snap := &list[i]
		gauge(out, snapshotInfo, 1, s.Account, snap.ID, snap.Name, snap.ResourceType, snap.ResourceID,
			setLabel(snap.Regions), tagsLabel(snap.Tags))
		gauge(out, snapshotSizeBytes, float64(snap.SizeBytes), s.Account, snap.ID)
		timestamp(out, snapshotCreated, snap.Created, s.Account, snap.ID)
	}
}

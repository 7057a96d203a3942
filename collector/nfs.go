package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	nfsShareInfo = newDesc("nfs_share", "info",
		"Descriptive labels of each NFS share, as of the last refresh of shares; value 1.", "id", "name", "region", "status")
	nfsShareSizeBytes = newDesc("nfs_share", "size_bytes",
		"Size of each NFS share in bytes, as of the last refresh of shares.", "id")
)

func newNFSCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindNFS, src, collectNFS, nfsShareInfo, nfsShareSizeBytes)
}

func collectNFS(out emit, s *inventory.Snapshot) {
	seen := map[string]bool{} // a server that ignores the region would name a share once per region
	for _, shares := range inventory.NFSShares.Of(s) {
		for _, share := range shares {
			if seen[share.ID] {
				continue
			}
			seen[share.ID] = true
			gauge(out, nfsShareInfo, 1, s.Account, share.ID, share.Name, share.Region, share.Status)
			gauge(out, nfsShareSizeBytes, float64(share.SizeBytes), s.Account, share.ID)
		}
	}
}

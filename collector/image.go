package collector

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	imageInfo = newDesc("image", "info",
		"Descriptive labels of each of the account's own images (snapshots, backups, custom images), as of the last refresh; value 1.",
		"id", "name", "type", "distribution", "status", "regions")
	imageSizeBytes = newDesc("image", "size_bytes",
		"Size of each image in bytes, as of the last refresh.", "id")
	imageCreated = newDesc("image", "created_timestamp_seconds",
		"When each image was created, in Unix seconds, as of the last refresh.", "id")
)

func newImageCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindImages, src, collectImages, imageInfo, imageSizeBytes, imageCreated)
}

func collectImages(out emit, s *inventory.Snapshot) {
	list := inventory.Images.Of(s)
	for i := range list {
		img := &list[i]
		id := strconv.Itoa(img.ID)
		gauge(out, imageInfo, 1, s.Account, id, img.Name, img.Type, img.Distribution, img.Status, setLabel(img.Regions))
		gauge(out, imageSizeBytes, float64(img.SizeBytes), s.Account, id)
		timestamp(out, imageCreated, img.Created, s.Account, id)
	}
}

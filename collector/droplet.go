package collector

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/digitalocean-exporter/digitalocean_exporter/posture"
)

var (
	dropletInfo = newDesc("droplet", "info",
		"Descriptive labels of each Droplet, as of the last refresh; value 1.",
		"id", "name", "region", "size", "status", "image", "vpc_uuid", "public_ipv4", "private_ipv4", "tags")
	dropletVCPUs = newDesc("droplet", "vcpus",
		"Virtual CPUs of each Droplet, as of the last refresh.", "id")
	dropletMemoryBytes = newDesc("droplet", "memory_bytes",
		"Memory of each Droplet in bytes, as of the last refresh.", "id")
	dropletDiskBytes = newDesc("droplet", "disk_bytes",
		"Local disk of each Droplet in bytes, as of the last refresh.", "id")
	dropletCreated = newDesc("droplet", "created_timestamp_seconds",
		"When each Droplet was created, in Unix seconds, as of the last refresh.", "id")
	dropletPublic = newDesc("droplet", "public",
		"1 when the Droplet has a public IPv4 or IPv6 address, 0 otherwise, as of the last refresh.", "id")
	dropletBackupsEnabled = newDesc("droplet", "backups_enabled",
		"1 when backups are enabled for the Droplet, 0 otherwise, as of the last refresh.", "id")
	dropletMonitoringAgent = newDesc("droplet", "monitoring_agent",
		"1 when the Droplet list says the monitoring agent runs on the Droplet (its monitoring feature), 0 otherwise, "+
			"as of the last refresh.", "id")
	dropletPriceMonthly = newDesc("droplet", "price_monthly_dollars",
		"List price of each Droplet's size a month in dollars, as the Droplet list gives it; absent when it gives none.", "id")
	dropletPriceHourly = newDesc("droplet", "price_hourly_dollars",
		"List price of each Droplet's size an hour in dollars, as the Droplet list gives it; absent when it gives none.", "id")
	droplets = newDesc("", "droplets",
		"Number of Droplets by region, status and size, as of the last refresh.", "region", "status", "size")
)

func newDropletCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindDroplets, src, collectDroplets,
		dropletInfo, dropletVCPUs, dropletMemoryBytes, dropletDiskBytes, dropletCreated, dropletPublic,
		dropletBackupsEnabled, dropletMonitoringAgent, dropletPriceMonthly, dropletPriceHourly, droplets)
}

func collectDroplets(out emit, s *inventory.Snapshot) {
	byGroup := counts{}
	list := inventory.Droplets.Of(s)
	for i := range list {
		d := &list[i]
		id := strconv.Itoa(d.ID)
		gauge(out, dropletInfo, 1, s.Account, id, d.Name, d.Region, d.Size, d.Status, d.Image,
			d.VPCUUID, d.PublicIPv4, d.PrivateIPv4, tagsLabel(d.Tags))
		gauge(out, dropletVCPUs, float64(d.VCPUs), s.Account, id)
		gauge(out, dropletMemoryBytes, float64(d.MemoryBytes), s.Account, id)
		gauge(out, dropletDiskBytes, float64(d.DiskBytes), s.Account, id)
		timestamp(out, dropletCreated, d.Created, s.Account, id)
		gauge(out, dropletPublic, boolValue(posture.Public(d)), s.Account, id)
		gauge(out, dropletBackupsEnabled, boolValue(d.Backups), s.Account, id)
		gauge(out, dropletMonitoringAgent, boolValue(d.MonitoringAgent), s.Account, id)
		positiveGauge(out, dropletPriceMonthly, d.PriceMonthly, s.Account, id)
		positiveGauge(out, dropletPriceHourly, d.PriceHourly, s.Account, id)
		byGroup.add(d.Region, d.Status, d.Size)
	}
	byGroup.send(out, droplets, s.Account)
}
